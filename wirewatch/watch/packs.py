"""Rule packs: YAML files of watch rules, read and checked before anything is evaluated.

A pack names itself and lists rules; each rule says what it matches (``when``), what it
yields (``provision``, ``summary``, a ``rationale`` template) and the most confidence it
may give. docs/watch.md describes the format; ``wirewatch/data/packs/`` holds the
bundled packs. A pack that is not valid is rejected as a whole with its file, line and
reason: pydantic checks the structure and the values, and the YAML node tree (PyYAML's
``compose``) gives the line of every key, so an error deep in a rule points at its line.
"""

from __future__ import annotations

import re
import string
from datetime import date
from importlib import resources
from pathlib import Path
from typing import Any, Literal

import yaml
from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    PrivateAttr,
    ValidationError,
    field_validator,
    model_validator,
)

from wirewatch.errors import InputError
from wirewatch.model import EventType, Factuality
from wirewatch.resolve.countries import load_country_records
from wirewatch.resolve.kb import SECTORS

Level = Literal["low", "medium", "high"]
LEVELS: tuple[Level, ...] = ("low", "medium", "high")
FIELDS = {
    "source": "the source actors, with their countries",
    "target": "the target actors",
    "recipient": "the recipients (AID, COOPERATE)",
    "actors": "every actor the rule matched",
    "act": "the trigger as written, e.g. 'agreed to send'",
    "type": "the PLOVER type (with the intended act of a commitment)",
    "factuality": "asserted, planned, reported, ...",
    "quantity": "the counted quantities the rule matched, else all of them",
    "place": "the place, with its country",
    "date": "the event's date, else when it was first reported",
    "sources": "'1 independent source', '3 independent sources'",
    "claimant": "who says so",
    "keyword": "the keyword the rule matched",
}
"""The fields a rationale template may use, as ``{name}``."""
_ID = r"^[a-z0-9][a-z0-9-]*$"


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


def _countries(codes: tuple[str, ...]) -> tuple[str, ...]:
    known = {record.iso3 for record in load_country_records()}
    for code in codes:
        if code not in known:
            raise ValueError(f"{code!r} is not an ISO 3166 alpha-3 country code (e.g. PRK, RUS)")
    return codes


class ActorCondition(_Strict):
    """Some actor in the role has all of these (each list: any of its values)."""

    country: tuple[str, ...] = ()
    not_country: tuple[str, ...] = ()
    """Its country is known and is none of these."""
    sector: tuple[str, ...] = ()

    _check_countries = field_validator("country", "not_country")(_countries)

    @field_validator("sector")
    @classmethod
    def _sectors(cls, sectors: tuple[str, ...]) -> tuple[str, ...]:
        for sector in sectors:
            if sector not in SECTORS:
                raise ValueError(f"{sector!r} is not a sector; the sectors are "
                                 f"{', '.join(SECTORS)}")
        return sectors


class PlaceCondition(_Strict):
    """The place has all of these: a country among ``country`` (or, known, none of
    ``not_country``) and a name among ``name``."""

    country: tuple[str, ...] = ()
    not_country: tuple[str, ...] = ()
    name: tuple[str, ...] = ()

    _check_countries = field_validator("country", "not_country")(_countries)


class QuantityCondition(_Strict):
    """Some quantity counts one of these things (a word of what is counted, singular or
    plural: ``worker`` matches "5,000 construction workers"), within the bounds."""

    counted: tuple[str, ...] = ()
    at_least: float | None = None
    at_most: float | None = None


class When(_Strict):
    """Everything a subject must have for the rule to match (lists: any of)."""

    types: tuple[EventType, ...] = ()
    """The event's PLOVER type or the act it commits to (incidents)."""
    factuality: tuple[Factuality, ...] = ("asserted", "reported", "planned")
    kinds: tuple[Literal["figure", "violation"], ...] = ()
    """The claim's kind (claims)."""
    source: ActorCondition | None = None
    target: ActorCondition | None = None
    recipient: ActorCondition | None = None
    actor: ActorCondition | None = None
    """Any actor in any role (for a claim: its claimant or what it is about)."""
    place: PlaceCondition | None = None
    quantity: QuantityCondition | None = None
    keywords: tuple[str, ...] = ()
    """Words or phrases, any of which the quoted evidence must contain (plurals match)."""
    after: date | None = None
    before: date | None = None
    """Dated on or after / before: the event's date, else its first report (undated
    subjects are not excluded)."""
    min_sources: int = Field(1, ge=1)
    any: tuple[When, ...] = ()
    """At least one of these holds; each checks only the keys it gives."""
    all: tuple[When, ...] = ()
    """Every one of these holds (to combine several ``any``)."""


class Rule(_Strict):
    id: str = Field(pattern=_ID)
    title: str = Field(min_length=1)
    provision: str = Field(min_length=1)
    """The instrument and paragraphs, e.g. 'UNSCR 2397 OP8 / UNSCR 2375 OP17'."""
    summary: str = Field(min_length=1)
    """What the provision says, in the pack's own words."""
    subject: Literal["incidents", "claims"] = "incidents"
    when: When
    rationale: str = Field(min_length=1)
    """A one-line template filled with the subject's particulars (``FIELDS``)."""
    confidence: Level = "high"
    """The most confidence this rule gives, however strong the evidence."""

    @field_validator("rationale")
    @classmethod
    def _template(cls, template: str) -> str:
        try:
            names = [name for _, name, _, _ in string.Formatter().parse(template) if name is not None]
        except ValueError as exc:
            raise ValueError(f"the template is not valid ({exc}); write fields as {{source}}")
        for name in names:
            if name not in FIELDS:
                raise ValueError(f"{{{name}}} is not a rationale field; the fields are "
                                 f"{', '.join(FIELDS)}")
        try:  # a format spec such as {source:d} fails only when filled
            template.format(**{name: "x" for name in FIELDS})
        except (ValueError, KeyError, IndexError) as exc:
            raise ValueError(f"the template cannot be filled ({exc}); write fields as "
                             "{source}, without a format spec") from None
        return template

    @model_validator(mode="after")
    def _fits_subject(self) -> Rule:
        when = self.when
        if self.subject == "claims":
            for name in ("types", "source", "target", "recipient", "min_sources"):
                if name in when.model_fields_set or any(name in part.model_fields_set
                                                        for part in _parts(when)):
                    raise ValueError(f"when.{name} applies to incidents only; claims have "
                                     "kinds, actor, place, quantity, keywords and dates "
                                     "(a claim is one article's, not fused across sources)")
        elif when.kinds or any(part.kinds for part in _parts(when)):
            raise ValueError("when.kinds applies to claims only (add 'subject: claims')")
        return self


def _parts(when: When) -> list[When]:
    """Every condition nested in ``any`` and ``all``, at any depth."""
    nested = [*when.any, *when.all]
    return nested + [deeper for part in nested for deeper in _parts(part)]


class Pack(_Strict):
    pack: str = Field(pattern=_ID)
    title: str = Field(min_length=1)
    description: str = ""
    rules: tuple[Rule, ...] = Field(min_length=1)
    _origin: str = PrivateAttr("")

    @property
    def origin(self) -> str:
        """The file it was read from."""
        return self._origin

    @field_validator("rules")
    @classmethod
    def _unique(cls, rules: tuple[Rule, ...]) -> tuple[Rule, ...]:
        seen: set[str] = set()
        for rule in rules:
            if rule.id in seen:
                raise ValueError(f"two rules have the id {rule.id!r}")
            seen.add(rule.id)
        return rules


def bundled() -> list[str]:
    """The names of the packs that ship with wirewatch."""
    folder = resources.files("wirewatch") / "data" / "packs"
    return sorted(p.name.removesuffix(".yaml") for p in folder.iterdir() if p.name.endswith(".yaml"))


def load_pack(name_or_path: str | Path) -> Pack:
    """A bundled pack by name (``un-dprk``) or a pack file; InputError, with the file and
    line, for one that is not valid."""
    path = Path(name_or_path)
    if str(name_or_path) in bundled():
        resource = resources.files("wirewatch") / "data" / "packs" / f"{name_or_path}.yaml"
        return parse_pack(resource.read_text(encoding="utf-8"), f"{name_or_path}.yaml (bundled)")
    if not path.is_file():
        raise InputError(f"rule pack {str(name_or_path)!r} not found",
                         "it is neither a bundled pack nor a file",
                         f"Name a bundled pack ({', '.join(bundled())}) or a YAML file")
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"cannot read the rule pack {path}", str(exc),
                         "Check that it is a readable UTF-8 YAML file") from None
    return parse_pack(text, str(path))


def parse_pack(text: str, origin: str) -> Pack:
    """A pack from its YAML text; ``origin`` names it in errors."""
    try:
        node = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = f", line {mark.line + 1}" if mark else ""
        raise _invalid(origin, line, f"it is not valid YAML ({exc.problem})") from None
    except yaml.YAMLError as exc:
        raise _invalid(origin, "", f"it is not valid YAML ({exc})") from None
    if node is None:
        raise _invalid(origin, "", "it is empty")
    lines: dict[tuple[Any, ...], int] = {}
    try:
        _lines(node, (), lines)
    except ValueError as exc:
        raise _invalid(origin, f", line {exc.args[0]}", exc.args[1]) from None
    data = yaml.safe_load(text)
    if not isinstance(data, dict):
        raise _invalid(origin, ", line 1", "a pack is a mapping with pack, title and rules")
    try:
        pack = Pack.model_validate(data)
    except ValidationError as exc:
        problem = exc.errors()[0]
        where = tuple(problem["loc"])
        at = next((lines[where[:n]] for n in range(len(where), -1, -1) if where[:n] in lines), 1)
        path = re.sub(r"\.\[", "[", ".".join(f"[{p}]" if isinstance(p, int) else str(p)
                                            for p in where))
        message = problem["msg"].removeprefix("Value error, ")
        if problem["type"] == "extra_forbidden":
            message = f"{where[-1]!r} is not a known key here; docs/watch.md lists the keys"
        raise _invalid(origin, f", line {at}", f"{path or 'pack'}: {message}") from None
    pack._origin = origin
    return pack


def _lines(node: yaml.Node, path: tuple[Any, ...], lines: dict[tuple[Any, ...], int]) -> None:
    """Record the line where each path starts (and refuse a key given twice, which YAML
    loaders would silently overwrite)."""
    lines[path] = node.start_mark.line + 1
    if isinstance(node, yaml.MappingNode):
        seen = set()
        for key_node, value_node in node.value:
            key = key_node.value
            if key_node.tag != "tag:yaml.org,2002:str":
                shown = repr(key) if isinstance(key_node, yaml.ScalarNode) else "here"
                raise ValueError(key_node.start_mark.line + 1,
                                 f"the key {shown} is not a name (YAML reads on/off/yes/no and "
                                 "numbers as other types; quote it if it is meant)")
            if key in seen:
                raise ValueError(key_node.start_mark.line + 1, f"{key!r} is given twice")
            seen.add(key)
            _lines(value_node, (*path, key), lines)
            lines[(*path, key)] = key_node.start_mark.line + 1
    elif isinstance(node, yaml.SequenceNode):
        for i, item in enumerate(node.value):
            _lines(item, (*path, i), lines)


def _invalid(origin: str, line: str, why: str) -> InputError:
    return InputError(f"the rule pack {origin}{line} is not valid", why,
                      "Fix the pack; docs/watch.md describes the format")


__all__ = ["FIELDS", "LEVELS", "ActorCondition", "Level", "Pack", "PlaceCondition",
           "QuantityCondition", "Rule", "When", "bundled", "load_pack", "parse_pack"]
