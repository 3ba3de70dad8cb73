"""The actor knowledge base: records, dated roles, name matching, office-holder imports."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from wirewatch.errors import InputError, MalformedRecordError
from wirewatch.resolve.kb import ActorKB, KBActor, curated, user_records
from wirewatch.resolve.kb_files import merge_file
from wirewatch.store import Store


def person(id: str, name: str, country: str, *roles: tuple[str, str, str | None],
           aliases: tuple[str, ...] = ()) -> KBActor:
    return KBActor.from_json({"id": id, "name": name, "type": "person", "country": country,
                              "aliases": list(aliases),
                              "roles": [{"post": post, "country": country, "start": start,
                                         "end": end} for post, start, end in roles]})


BUSH_SENIOR = person("ghw-bush", "George H. W. Bush", "USA",
                     ("President of the United States", "1989-01-20", "1993-01-20"))
BUSH = person("gw-bush", "George W. Bush", "USA",
              ("President of the United States", "2001-01-20", "2009-01-20"))
JOHNSON_UK = person("boris-johnson", "Boris Johnson", "GBR",
                    ("Prime Minister of the United Kingdom", "2019-07-24", "2022-09-06"))
JOHNSON_US = person("lyndon-johnson", "Lyndon Johnson", "USA",
                    ("President of the United States", "1963-11-22", "1969-01-20"))
LEE = person("lee-jae-myung", "Lee Jae-myung", "KOR", ("President of South Korea", "2025-06-04", None))


@pytest.mark.parametrize(("record", "fault"), [
    ({"id": "x", "name": "X", "country": "Russia"}, "country"),
    ({"id": "x", "name": "X", "type": "robot"}, "type"),
    ({"id": "x", "name": ""}, "name"),
    ({"id": "x", "name": "X", "sector": "wizards"}, "sector"),
    ({"id": "x", "name": "X", "roles": [{"post": "P", "country": "RUS", "start": "2024-13-01"}]},
     "not a date"),
    ({"id": "x", "name": "X", "roles": [{"post": "P", "country": "RUS", "start": "2024-05-01",
                                          "end": "2023-01-01"}]}, "before it starts"),
    ({"id": "x", "name": "X", "roles": [{"post": "P"}]}, "no country"),
])
def test_invalid_records_are_rejected_with_the_field_at_fault(record: dict, fault: str) -> None:
    with pytest.raises(InputError, match=fault):
        KBActor.from_json(record, "line 3")


def test_a_record_round_trips_through_json() -> None:
    assert KBActor.from_json(BUSH.to_json()) == BUSH


def test_the_role_in_force_on_the_articles_date_is_used() -> None:
    shoigu = ActorKB.load().actors["sergei-shoigu"]
    assert shoigu.role_on("2023-06-01").post == "Minister of Defence of Russia"
    assert shoigu.role_on("2024-10-08").post.startswith("Secretary of the Security Council")
    assert BUSH.role_on("2015-01-01") is None and BUSH.role_on("2005-01-01") is not None


def test_a_surname_alone_needs_a_title_or_a_role_in_force() -> None:
    kb = ActorKB([BUSH_SENIOR, BUSH, JOHNSON_UK, JOHNSON_US, LEE])
    assert kb.match("Bush", title="President") is None  # two of them
    assert kb.surname_country("Bush", title="President") == "USA"  # but both American
    assert kb.match("Johnson", title="Prime Minister").id == "boris-johnson"
    assert kb.surname_country("Johnson") is None  # no title, neither in office today
    assert kb.match("Johnson", title="President", day="1965-01-01").id == "lyndon-johnson"
    assert kb.match("Lee", title="President").id == "lee-jae-myung"  # family name first
    assert kb.match("George W Bush").id == "gw-bush"  # folded exact
    assert kb.match("George W. Bsuh") is not None  # fuzzy on full names only


def test_the_shipped_kb_loads_fast_and_knows_groups_and_igos() -> None:
    kb = ActorKB.load()
    assert kb.match("Hezbollah").country == "LBN"
    assert kb.match("IAEA").country == "IGO"
    people = [a for a in kb.actors.values() if a.type == "person"]
    assert len(people) > 200 and all(a.roles for a in people)


def write_rows(path: Path, rows: list[dict]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return path


def holder(name: str, iso3: str | None, country: str, post: str, start: str, end: str | None,
           **extra: object) -> dict:
    return {"name": name, "aliases": [name.upper()], "country_iso3": iso3, "country": country,
            "post": post, "role_type": "chief of state", "start": start, "end": end,
            "source": "test"} | extra


ROWS = [
    holder("Sergei Kuzhugetovich SHOYGU", "RUS", "Russia", "Deputy Premier", "2000-01-10",
           "2001-07-01", aliases=["Sergei SHOYGU"]),
    holder("Francois Mitterrand", "FRA", "France", "President", "1981-05-21", "1995-05-17"),
    holder("Francois Mitterrand", "MYT", "Mayotte", "President", "1981-05-21", "1995-05-17"),
    holder("Elizabeth II", None, "Akrotiri", "Queen", "1952-02-06", "2022-09-08"),
    holder("Lt. Gen. Umar al-Bashir", "SDN", "Sudan", "President", "1993-10-16", "2019-04-11"),
    holder("Umar al-Bashir", "SDN", "Sudan", "President", "1993-10-16", "2019-04-11"),
    holder("Vladimir PUTIN", "RUS", "Russia", "President", "2000-05-07", "2008-05-07"),
]


def test_office_holders_become_people_with_their_roles(tmp_path: Path) -> None:
    # merged into the curated layer alone: the shipped world file holds these people already
    merged = merge_file(write_rows(tmp_path / "holders.jsonl", ROWS), curated())
    by_id = {a.id: a for a in merged.actors}
    mitterrand = by_id["francois-mitterrand"]
    assert mitterrand.country == "FRA"  # the most populous of his roles' countries
    assert {r.post for r in mitterrand.roles} == {"President of France", "President of Mayotte"}
    assert len([a for a in merged.actors if "bashir" in a.id]) == 1  # the rank is not a name
    # a person already known is joined, not duplicated; his 2000 term is shipped already
    assert not [a for a in merged.actors if "putin" in a.id]
    shoigu = by_id["sergei-shoigu"]  # joined by alias: a role and a spelling added
    assert shoigu.roles[0].post == "Deputy Premier of Russia"
    assert "Sergei Kuzhugetovich SHOYGU" in shoigu.aliases and shoigu.name == "Sergei Shoigu"
    assert merged.skipped == [f"{tmp_path / 'holders.jsonl'}:4"]


def test_importing_twice_changes_nothing_the_second_time(tmp_path: Path) -> None:
    path = write_rows(tmp_path / "holders.jsonl", ROWS)
    db = tmp_path / "kb.db"
    first = merge_file(path, ActorKB.load(db))
    with Store(db) as store:
        store.put_kb_records([a.to_json() for a in first.actors], source=str(path))
        before = store.kb_records()
    assert merge_file(path, ActorKB.load(db)).actors == []
    assert user_records(db) == before
    assert ActorKB.load(db).match("Francois Mitterand").id == "francois-mitterrand"


@pytest.mark.parametrize(("line", "fault"), [
    ("{not json", "not valid JSON"),
    ('["a list"]', "not a JSON object"),
    ('{"name": "X"}', "neither an actor nor"),
    ('{"name": "X", "post": "President", "country_iso3": "Freedonia"}', "not a country code"),
    (('{"name": "X", "post": "President", "country_iso3": "FRA", "start": "1990-01-01",'
      ' "end": "1989-01-01"}'), "before it starts"),
])
def test_a_bad_line_names_file_and_line_and_imports_nothing(tmp_path: Path, line: str,
                                                             fault: str) -> None:
    path = tmp_path / "bad.jsonl"
    path.write_text(json.dumps(ROWS[0]) + "\n" + line + "\n", encoding="utf-8")
    with pytest.raises(MalformedRecordError, match=fault) as raised:
        merge_file(path, ActorKB.load())
    assert f"{path}:2" in raised.value.what


def test_reading_the_kb_never_creates_a_database(tmp_path: Path) -> None:
    missing = tmp_path / "none.db"
    assert user_records(missing) == [] and not missing.exists()
    assert ActorKB.load(missing) is ActorKB.load()


def test_rows_joined_in_any_order_make_one_person_with_every_role(tmp_path: Path) -> None:
    """Row 2 links rows 1 and 3 (an alias each): one person, whatever the order."""
    rows = [holder("Ana Lopez", "PER", "Peru", "President", "2001-01-01", "2002-01-01", aliases=[]),
            holder("Ana M. Lopez", "PER", "Peru", "Prime Minister", "2003-01-01", "2004-01-01",
                   aliases=["Ana Lopez", "A. M. Lopez"]),
            holder("A. M. Lopez", "PER", "Peru", "Senator", "2005-01-01", None, aliases=[])]
    merged = [merge_file(write_rows(tmp_path / f"{n}.jsonl", order), ActorKB.load()).actors
              for n, order in enumerate((rows, rows[::-1]))]
    for actors in merged:
        [ana] = actors
        assert len(ana.roles) == 3 and {"Ana M. Lopez", "A. M. Lopez"} <= {ana.name, *ana.aliases}


def test_two_groups_joining_one_known_person_keep_both_roles(tmp_path: Path) -> None:
    rows = [holder("Sergei Shoigu", "RUS", "Russia", "Deputy Premier", "2000-01-10", "2001-07-01"),
            holder("Sergey Shoigu", "RUS", "Russia", "Governor", "1999-01-01", "2000-01-10")]
    path = write_rows(tmp_path / "shoigu.jsonl", rows)
    db = tmp_path / "kb.db"
    [shoigu] = merge_file(path, ActorKB.load(db)).actors
    assert {"Deputy Premier of Russia", "Governor of Russia"} <= {r.post for r in shoigu.roles}
    with Store(db) as store:
        store.put_kb_records([shoigu.to_json()], source=str(path))
    assert merge_file(path, ActorKB.load(db)).actors == []  # a second import changes nothing


@pytest.mark.parametrize(("extra", "fault"), [
    ({"aliases": "Jane R"}, "aliases"), ({"aliases": [""]}, "aliases"),
    ({"source": {"x": 1}}, "source is not text"),
])
def test_malformed_office_holder_fields_are_rejected(tmp_path: Path, extra: dict, fault: str) -> None:
    path = write_rows(tmp_path / "bad.jsonl", [holder("Jane Roe", "PER", "Peru", "President",
                                                      "2001-01-01", None) | extra])
    with pytest.raises(MalformedRecordError, match=fault):
        merge_file(path, ActorKB.load())


def test_a_file_that_is_not_utf8_is_an_input_error(tmp_path: Path) -> None:
    path = tmp_path / "latin1.jsonl"
    path.write_bytes(json.dumps(ROWS[0]).encode() + b"\n" + '{"name": "Jos\xe9"}\n'.encode("latin-1"))
    with pytest.raises(MalformedRecordError, match="not UTF-8"):
        merge_file(path, ActorKB.load())


def test_an_exported_json_array_imports_back_unchanged(tmp_path: Path) -> None:
    exported = tmp_path / "export.json"
    exported.write_text(json.dumps([BUSH.to_json() | {"user": True}]), encoding="utf-8")
    assert merge_file(exported, ActorKB.load()).actors == [BUSH]
    assert merge_file(exported, ActorKB([*ActorKB.load().actors.values(), BUSH])).actors == []


def test_a_new_spelling_is_added_even_beside_an_alias_equal_to_the_name(tmp_path: Path) -> None:
    lula = person("lula", "Luiz Inácio Lula da Silva", "BRA", ("President of Brazil", "2023-01-01", None),
                  aliases=("Luiz Inacio Lula da Silva",))  # folds to the name
    path = write_rows(tmp_path / "lula.jsonl", [holder(
        "Luiz Inacio Lula da Silva", "BRA", "Brazil", "President", "2023-01-01", None,
        aliases=['Luiz "lula" DA Silva'])])
    [merged] = merge_file(path, ActorKB([lula])).actors
    assert merged.aliases == ("Luiz Inacio Lula da Silva", 'Luiz "lula" DA Silva')
    assert merge_file(path, ActorKB([merged])).actors == []


def test_one_word_names_need_a_fitting_title_or_a_role_in_force() -> None:
    martin = person("martin", "Martin", "IRL", ("Prime Minister of Ireland", "2020-06-27", None))
    chavez = person("hugo-chavez", "Hugo Chavez Frias", "VEN", ("President of Venezuela", "1999-02-02",
                                                                "2013-03-05"))
    kb = ActorKB([martin, chavez])
    assert kb.match("Martin", title="Lockheed") is None  # "Lockheed Martin", a company
    assert kb.match("Martin", title="Taoiseach Mr") is None and kb.match("Martin").id == "martin"
    assert kb.match("Chavez", title="President").id == "hugo-chavez"  # the father's surname


def test_imports_at_the_same_time_keep_each_others_roles(tmp_path: Path) -> None:
    from concurrent.futures import ThreadPoolExecutor

    from wirewatch import jobs
    from wirewatch.settings import Settings

    settings = Settings(db=str(tmp_path / "kb.db"))
    Store(settings.db).close()  # an existing database, as after the first ingest
    files = [write_rows(tmp_path / f"{n}.jsonl", [holder(
        "Sergei Shoigu", "RUS", "Russia", post, start, None)])
        for n, (post, start) in enumerate([("Governor", "1991-01-01"), ("Mayor", "1993-01-01")])]
    with ThreadPoolExecutor(2) as pool:
        list(pool.map(lambda f: jobs.kb_import(f, settings=settings), files))
    shoigu = ActorKB.load(settings.db).actors["sergei-shoigu"]
    assert {"Governor of Russia", "Mayor of Russia"} <= {r.post for r in shoigu.roles}


def test_the_title_that_names_the_post_best_picks_among_namesakes() -> None:
    kb = ActorKB.load()
    # the defence minister Kim shares only "minister"; the prime minister Kim shares both words
    assert kb.match("Kim", title="Prime Minister", day="2025-08-01").id == "kim-min-seok"
    # "North Korean leader": the Supreme Leader, not the premiers who share only "north"
    assert kb.match("Kim", title="North Korean leader", day="2024-10-08").id == "kim-jong-un"


def test_an_imported_namesake_does_not_hide_the_shipped_leader() -> None:
    imported = [{"id": "binjamin-netanyahu", "name": "Binjamin Netanyahu", "type": "person",
                 "country": "ISR", "roles": [{"post": "Prime Minister", "country": "ISR",
                                              "start": "2009-03-31"}]}]
    kb = ActorKB.overlaid(imported)
    assert kb.match("Netanyahu", title="Prime Minister", day="2010-01-01").id == "benjamin-netanyahu"


def test_former_puts_the_post_in_the_past() -> None:
    def president(actor_id: str, name: str, start: str, end: str | None) -> dict:
        return {"id": actor_id, "name": name, "type": "person", "country": "ISL", "roles": [
            {"post": "Chancellor of the Realm", "country": "ISL", "start": start, "end": end}]}

    kb = ActorKB.overlaid([president("elder", "Halla Zyxwvu", "1989-01-20", "1993-01-20"),
                           president("younger", "Arni Zyxwvu", "2001-01-20", "2009-01-20")])
    assert kb.match("Zyxwvu", title="Chancellor", day="2008-03-01").id == "younger"
    # "former" must not pick whoever holds the post on the day: both have held it
    assert kb.match("Zyxwvu", title="former Chancellor", day="2008-03-01") is None


@pytest.mark.parametrize(("name", "title", "day", "expected"), [
    ("Ghani", "President", "2016-03-01", "AFG"),
    ("Buhari", "", "2016-03-01", "NGA"),
    ("Blair", "Mr", "2005-06-01", "GBR"),  # Tony Blair, not Canada's Bill Blair
    ("Bayrou", "Prime Minister", "2025-03-01", "FRA"),
])
def test_the_shipped_world_file_knows_heads_of_state_and_government(
        name: str, title: str, day: str, expected: str) -> None:
    found = ActorKB.load().match(name, title=title, day=day)
    assert found is not None and found.country == expected
    assert found.role_on(day) is not None
    assert len(found.name.split()) > 1  # a surname-only Factbook row joined its full name


def test_a_users_namesake_wins_over_the_world_files() -> None:
    world_only = set(ActorKB.load().actors) - set(curated().actors)
    assert "muhammadu-buhari" in world_only
    mine = {"id": "my-buhari", "name": "Aisha Buhari", "type": "person", "country": "NGA",
            "roles": [{"post": "Adviser", "country": "NGA", "start": "2015-01-01"}]}
    assert ActorKB.overlaid([mine]).match("Buhari", day="2016-03-01").id == "my-buhari"



def test_curated_entries_come_first_and_keep_their_own_record() -> None:
    kb = ActorKB.load()
    assert kb.match("Anthony Abbott").id == "tony-abbott"  # not Montserrat's governor
    mine = curated().actors["vladimir-putin"]
    shipped = kb.actors["vladimir-putin"]
    assert shipped.name == mine.name and set(mine.roles) <= set(shipped.roles)
