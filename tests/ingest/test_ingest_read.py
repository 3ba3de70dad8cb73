"""Reading files, folders and standard input into articles."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from wirewatch.errors import (
    InputError,
    MalformedRecordError,
    MissingPathError,
    UnknownFileTypeError,
)
from wirewatch.ingest import fingerprint, read, read_many
from wirewatch.ingest.read import Notice
from wirewatch.model import Article


def articles(results: list[Article | InputError]) -> list[Article]:
    return [result for result in results if isinstance(result, Article)]


def errors(results: list[Article | InputError]) -> list[InputError]:
    return [result for result in results if isinstance(result, InputError)]


def test_txt_file_is_one_article_without_a_guessed_title(tmp_path: Path, english_text: str) -> None:
    path = tmp_path / "story.txt"
    path.write_text("Grain deal agreed\n\n" + english_text + "\n", encoding="utf-8")
    [article] = read(path)
    assert isinstance(article, Article)
    assert article.text == "Grain deal agreed\n\n" + english_text + "\n"
    assert article.title is None
    assert article.origin == str(path)
    assert article.language == "en"
    assert article.id == article.fingerprint[:16]


def test_txt_windows_newlines_become_newlines(tmp_path: Path, english_text: str) -> None:
    path = tmp_path / "story.txt"
    path.write_bytes(english_text.replace(". ", ".\r\n").encode("utf-8"))
    [article] = read(path)
    assert isinstance(article, Article)
    assert "\r" not in article.text
    assert article.fingerprint == fingerprint(english_text)


def test_html_keeps_main_text_and_drops_navigation(tmp_path: Path, news_page: str) -> None:
    path = tmp_path / "page.html"
    path.write_text(news_page, encoding="utf-8")
    [article] = read(path)
    assert isinstance(article, Article)
    assert "reopen a grain corridor" in article.text
    assert "potential military targets" in article.text
    for boilerplate in ("Subscribe", "Celebrity chef", "Copyright", "Privacy policy", "Sport"):
        assert boilerplate not in article.text
    assert article.title == "Ministers agree on grain corridor"
    assert article.url == "https://news.example.com/world/grain-corridor"
    assert article.published == "2024-08-01"
    assert article.publisher == "Example News"
    assert article.language == "en"


def test_htm_extension_is_html(tmp_path: Path, news_page: str) -> None:
    path = tmp_path / "PAGE.HTM"
    path.write_text(news_page, encoding="utf-8")
    [article] = read(path)
    assert isinstance(article, Article) and article.title == "Ministers agree on grain corridor"


def test_jsonl_keeps_ids_and_reports_the_malformed_line(tmp_path: Path, english_text: str) -> None:
    path = tmp_path / "wire.jsonl"
    lines = [
        json.dumps({"id": "a1", "text": english_text, "title": "Grain", "publisher": "Wire"}),
        '{"id": "a2", "text": "unterminated',
        json.dumps({"id": "a3", "text": "A second, different article about the talks.",
                    "published": "2024-08-02", "url": "https://example.com/a3"}),
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    results = list(read(path))
    assert [article.id for article in articles(results)] == ["a1", "a3"]
    [error] = errors(results)
    assert isinstance(error, MalformedRecordError)
    assert f"{path}:2" in error.message
    first, third = articles(results)
    assert (first.title, first.publisher, first.origin) == ("Grain", "Wire", f"{path}:1")
    assert (third.published, third.url, third.origin) == ("2024-08-02", "https://example.com/a3",
                                                          f"{path}:3")


def test_jsonl_numeric_id_and_blank_lines(tmp_path: Path) -> None:
    path = tmp_path / "wire.ndjson"
    path.write_text('\n{"id": 7, "text": "Troops crossed the border."}\n\n', encoding="utf-8")
    [article] = read(path)
    assert isinstance(article, Article)
    assert (article.id, article.origin) == ("7", f"{path}:2")


def test_jsonl_record_dates_are_normalised_and_bad_dates_reported(tmp_path: Path) -> None:
    path = tmp_path / "wire.jsonl"
    records = [{"text": "First report.", "published": "Thu, 01 Aug 2024 09:30:00 GMT"},
               {"text": "Second report.", "published": "yesterday"},
               {"text": "Third report.", "published": "2 August 2024"}]
    path.write_text("\n".join(json.dumps(record) for record in records), encoding="utf-8")
    results = list(read(path))
    assert [a.published for a in articles(results)] == [
        "2024-08-01T09:30:00+00:00", None, "2024-08-02"]
    assert errors(results) == []
    [notice] = [r.message for r in results if isinstance(r, Notice)]
    assert notice.startswith(f"{path}:2: publication date 'yesterday' left empty")


def test_csv_rows_become_articles_with_their_line(tmp_path: Path) -> None:
    path = tmp_path / "wire.csv"
    path.write_text(
        "id,url,title,published,publisher,text,topic\n"
        'r1,https://example.com/1,Talks,2024-08-01,Wire,"Ministers met in Istanbul.\n'
        'They agreed on a corridor.",politics\n'
        "\n"
        "r2,,,,,Rebels shelled the town overnight.,conflict\n",
        encoding="utf-8",
    )
    first, second = read(path)
    assert isinstance(first, Article) and isinstance(second, Article)
    assert first.text == "Ministers met in Istanbul.\nThey agreed on a corridor."
    assert (first.id, first.url, first.title, first.published, first.publisher) == (
        "r1", "https://example.com/1", "Talks", "2024-08-01", "Wire")
    assert first.origin == f"{path}:2"
    assert (second.id, second.url, second.title, second.origin) == ("r2", None, None, f"{path}:5")


def test_csv_only_needs_a_text_column(tmp_path: Path) -> None:
    path = tmp_path / "wire.csv"
    path.write_text("Text\nTroops crossed the border.\n", encoding="utf-8")
    [article] = read(path)
    assert isinstance(article, Article) and article.text == "Troops crossed the border."


def test_folder_is_read_recursively_in_order_skipping_hidden(tmp_path: Path) -> None:
    (tmp_path / "b" / "deep").mkdir(parents=True)
    (tmp_path / ".hidden").mkdir()
    (tmp_path / "a.txt").write_text("Article A.", encoding="utf-8")
    (tmp_path / "b" / "deep" / "c.txt").write_text("Article C.", encoding="utf-8")
    (tmp_path / "b" / "b.jsonl").write_text('{"text": "Article B."}\n', encoding="utf-8")
    (tmp_path / "b" / "notes.pdf").write_bytes(b"%PDF-1.4")
    (tmp_path / "d.csv").write_text("text\nArticle D.\n", encoding="utf-8")
    (tmp_path / ".secret.txt").write_text("Hidden file.", encoding="utf-8")
    (tmp_path / ".hidden" / "e.txt").write_text("Hidden folder.", encoding="utf-8")
    results = list(read(tmp_path))
    assert [a.text for a in articles(results)] == ["Article A.", "Article B.", "Article C.",
                                                   "Article D."]
    [error] = errors(results)
    assert isinstance(error, UnknownFileTypeError) and "notes.pdf" in error.message


def test_stdin_plain_text(english_text: str) -> None:
    [article] = read("-", stdin=io.BytesIO(english_text.encode("utf-8")))
    assert isinstance(article, Article)
    assert (article.text, article.origin, article.language) == (english_text, "<stdin>", "en")


def test_stdin_json_lines_from_a_text_stream() -> None:
    stream = io.StringIO('  {"id": "s1", "text": "One."}\n{"id": "s2", "text": "Two."}\n')
    results = list(read("-", stdin=stream))
    assert [(a.id, a.origin) for a in articles(results)] == [("s1", "<stdin>:1"),
                                                             ("s2", "<stdin>:2")]


def test_stdin_html(news_page: str) -> None:
    [article] = read("-", stdin=io.BytesIO(news_page.encode("utf-8")))
    assert isinstance(article, Article)
    assert article.title == "Ministers agree on grain corridor"
    assert "Subscribe" not in article.text


def test_metadata_overrides_set_fields_of_a_text_file(tmp_path: Path, english_text: str) -> None:
    path = tmp_path / "story.txt"
    path.write_text(english_text, encoding="utf-8")
    meta = {"title": "Grain deal", "url": "https://example.com/grain", "published": "1 Aug 2024",
            "publisher": "Wire", }
    [article] = read(path, meta=meta)
    assert isinstance(article, Article)
    assert (article.title, article.url, article.published, article.publisher) == (
        "Grain deal", "https://example.com/grain", "2024-08-01", "Wire")


def test_metadata_overrides_what_the_page_says(tmp_path: Path, news_page: str) -> None:
    path = tmp_path / "page.html"
    path.write_text(news_page, encoding="utf-8")
    [article] = read(path, meta={"publisher": "Agency", "title": None})
    assert isinstance(article, Article)
    assert (article.publisher, article.title) == ("Agency", "Ministers agree on grain corridor")


def test_metadata_overrides_records_too(tmp_path: Path) -> None:
    path = tmp_path / "wire.jsonl"
    path.write_text('{"text": "One.", "publisher": "Old"}\n', encoding="utf-8")
    [article] = read(path, meta={"publisher": "New"})
    assert isinstance(article, Article) and article.publisher == "New"


def test_bad_metadata_fails_before_reading(tmp_path: Path) -> None:
    path = tmp_path / "story.txt"
    path.write_text("Text.", encoding="utf-8")
    with pytest.raises(InputError, match="not a date"):
        read(path, meta={"published": "someday"})
    with pytest.raises(InputError, match="reads two ways") as caught:
        read(path, meta={"published": "03/04/2005"})
    assert "--date-order" in caught.value.message
    [article] = read(path, meta={"published": "03/04/2005", "date_order": "mdy"})
    assert isinstance(article, Article) and article.published == "2005-03-04"
    with pytest.raises(ValueError, match="unknown metadata"):
        read(path, meta={"author": "someone"})


def test_read_many_chains_and_checks_every_path_first(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Article A.", encoding="utf-8")
    (tmp_path / "b.txt").write_text("Article B.", encoding="utf-8")
    results = list(read_many([tmp_path / "a.txt", tmp_path / "b.txt"]))
    assert [a.text for a in articles(results)] == ["Article A.", "Article B."]
    with pytest.raises(MissingPathError):
        read_many([tmp_path / "a.txt", tmp_path / "gone.txt"])


def test_same_article_rewrapped_has_the_same_fingerprint(tmp_path: Path, english_text: str) -> None:
    (tmp_path / "one.txt").write_text(english_text, encoding="utf-8")
    (tmp_path / "two.txt").write_text(english_text.upper().replace(" ", "\n  "), encoding="utf-8")
    one, two = read(tmp_path)
    assert isinstance(one, Article) and isinstance(two, Article)
    assert one.fingerprint == two.fingerprint and one.id == two.id


def test_unreadable_record_dates_are_left_empty_with_a_notice(tmp_path: Path) -> None:
    path = tmp_path / "wire.jsonl"
    path.write_text('{"text": "One.", "published": "14 November 2016 GMT"}\n'
                    '{"text": "Two.", "published": "sometime soon"}\n'
                    '{"text": "Three.", "published": "03/04/2005"}\n'
                    '{"text": "Four.", "published": 1479081600}\n', encoding="utf-8")
    results = list(read(path))
    articles = [r for r in results if isinstance(r, Article)]
    assert [(a.text, a.published) for a in articles] == [
        ("One.", "2016-11-14"), ("Two.", None), ("Three.", None),
        ("Four.", "2016-11-14T00:00:00+00:00")]
    notices = [r.message for r in results if isinstance(r, Notice)]
    assert [n.split(":")[1] for n in notices] == ["2", "3"]
    assert "'sometime soon' left empty" in notices[0] and "--date-order" in notices[1]
    # the order, once given, reads the record's own date too
    ordered = [r for r in read(path, meta={"date_order": "dmy"}) if isinstance(r, Article)]
    assert ordered[2].published == "2005-04-03"


def test_csv_dates_that_cannot_be_read_cost_no_row(tmp_path: Path) -> None:
    path = tmp_path / "wire.csv"
    path.write_text("text,published\nOne.,yesterday\nTwo.,1 August 2024\n", encoding="utf-8")
    results = list(read(path))
    assert [(r.text, r.published) for r in results if isinstance(r, Article)] == [
        ("One.", None), ("Two.", "2024-08-01")]
    assert [r.message.split(": ")[0] for r in results if isinstance(r, Notice)] == [f"{path}:2"]


def test_a_date_that_is_not_a_finite_number_costs_no_article(tmp_path: Path) -> None:
    path = tmp_path / "wire.jsonl"
    path.write_text('{"text": "One.", "published": NaN}\n{"text": "Two.", "published": Infinity}\n',
                    encoding="utf-8")
    results = list(read(path))
    assert [(r.text, r.published) for r in results if isinstance(r, Article)] == [
        ("One.", None), ("Two.", None)]
    # NaN is what data frames write for a missing value: no date, nothing to say
    assert [r.message.split(": ")[1] for r in results if isinstance(r, Notice)] == [
        "publication date 'inf' left empty"]
