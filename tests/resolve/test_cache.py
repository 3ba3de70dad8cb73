"""Built data kept between runs: read back when built from the same sources, never trusted
when not, and never a reason to fail."""

from __future__ import annotations

from pathlib import Path

import pytest

from wirewatch.resolve import cache
from wirewatch.resolve.countries import load_country_records
from wirewatch.resolve.gazetteer import Gazetteer, _load_shipped
from wirewatch.resolve.geodata import read_admin1, read_regions, read_tables


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("WIREWATCH_CACHE_DIR", str(tmp_path / "cache"))
    return tmp_path / "cache"


def test_a_value_is_built_once_and_read_back(folder: Path) -> None:
    builds: list[int] = []

    def build() -> dict[str, list[int]]:
        builds.append(1)
        return {"kursk": [1, 2, 3]}

    name = cache.digest([b"sources v1"])
    assert cache.cached("table", name, build) == {"kursk": [1, 2, 3]}
    assert cache.cached("table", name, build) == {"kursk": [1, 2, 3]}
    assert len(builds) == 1 and len(list(folder.iterdir())) == 1
    # other sources name another file: the old one is never read for them
    assert cache.cached("table", cache.digest([b"sources v2"]), lambda: {"other": []}) == {
        "other": []}
    assert len(list(folder.iterdir())) == 2


def test_a_damaged_file_is_built_again(folder: Path) -> None:
    name = cache.digest([b"sources"])
    cache.cached("table", name, lambda: [1, 2])
    [path] = folder.iterdir()
    path.write_bytes(b"\x00not marshal")
    assert cache.cached("table", name, lambda: [3]) == [3]
    assert cache.cached("table", name, lambda: [4]) == [3]  # and written again


def test_a_folder_that_cannot_be_written_costs_only_time(tmp_path: Path,
                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("WIREWATCH_CACHE_DIR", str(blocker / "cache"))
    assert cache.cached("table", cache.digest([b"x"]), lambda: (1, "a")) == (1, "a")


def test_the_gazetteer_read_back_is_the_one_built(folder: Path) -> None:
    countries, admin1, regions = load_country_records(), read_admin1(), read_regions()
    places, admin2 = read_tables(countries, admin1)
    fresh = Gazetteer(countries, admin1, places, admin2, regions)
    _load_shipped.cache_clear()
    try:
        first = Gazetteer.load()  # built and written
        _load_shipped.cache_clear()
        second = Gazetteer.load()  # read back
    finally:
        _load_shipped.cache_clear()
    assert [p.name.split("-")[0] for p in folder.iterdir()] == ["gazetteer"]
    for gazetteer in (first, second):
        assert gazetteer.state() == fresh.state()
        for name in ("Alexandria", "Kursk region", "Washington", "Georgia", "EU", "Ky.",
                     "Douglas County", "the Middle East"):
            assert gazetteer.lookup(name, countries=["USA"]) == fresh.lookup(name, countries=["USA"])
        assert gazetteer.get("gn:524901") == fresh.get("gn:524901")



def test_no_home_folder_costs_only_time(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("WIREWATCH_CACHE_DIR", raising=False)
    monkeypatch.delenv("XDG_CACHE_HOME", raising=False)

    def no_home() -> Path:
        raise RuntimeError("Could not determine home directory.")

    monkeypatch.setattr(Path, "home", staticmethod(no_home))
    assert cache.cached("table", cache.digest([b"x"]), lambda: [7]) == [7]


def test_the_knowledge_base_read_back_is_the_one_built(folder: Path) -> None:
    from wirewatch.resolve import kb

    built = kb._built_shipped()
    kb._load_shipped.cache_clear()
    try:
        first = kb._load_shipped()  # built and written
        kb._load_shipped.cache_clear()
        second = kb._load_shipped()  # read back
    finally:
        kb._load_shipped.cache_clear()
    assert sorted(p.name.split("-")[0] for p in folder.iterdir()) == ["kb"]
    for shipped in (first, second):
        assert shipped.actors == built.actors and shipped.state() == built.state()
        assert shipped.match("Blair", title="Mr", day="2005-06-01") == built.match(
            "Blair", title="Mr", day="2005-06-01")



def test_the_newest_files_of_a_name_are_kept_and_an_unremovable_one_is_left(folder: Path) -> None:
    for n in range(5):
        cache.cached("table", cache.digest([f"v{n}".encode()]), lambda n=n: [n])
    assert len(list(folder.glob("table-*.marshal"))) == cache.KEEP
    (folder / "table-0123456789abcdef.marshal").mkdir()  # cannot be unlinked
    assert cache.cached("table", cache.digest([b"v9"]), lambda: [9]) == [9]
    assert (folder / "table-0123456789abcdef.marshal").is_dir()
