"""Bad input: each case is a clear one-line error naming the input, never a crash."""

from __future__ import annotations

import csv
import io
import json
import random
from pathlib import Path

import pytest

from wirewatch.errors import (
    BinaryInputError,
    EmptyInputError,
    EncodingError,
    InputError,
    MalformedRecordError,
    MissingPathError,
    UnknownFileTypeError,
)
from wirewatch.ingest import read
from wirewatch.ingest.read import Notice
from wirewatch.model import Article

PNG = bytes.fromhex("89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489")


def only_error(path: Path) -> InputError:
    [result] = read(path)
    assert isinstance(result, InputError)
    assert str(path) in result.message
    assert "\n" not in result.message and result.why and result.fix
    return result


def only_article(path: Path) -> Article:
    [result] = read(path)
    assert isinstance(result, Article), result
    return result


@pytest.mark.parametrize("content", [b"", b"   \n\t\r\n", "\ufeff \n".encode("utf-8")])
def test_empty_file(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "empty.txt"
    path.write_bytes(content)
    assert isinstance(only_error(path), EmptyInputError)


def test_html_without_main_text_is_empty(tmp_path: Path) -> None:
    path = tmp_path / "blank.html"
    path.write_text("<html><head><title>x</title></head><body></body></html>", encoding="utf-8")
    assert isinstance(only_error(path), EmptyInputError)


def test_png_is_binary(tmp_path: Path) -> None:
    path = tmp_path / "photo.txt"
    path.write_bytes(PNG * 20)
    assert isinstance(only_error(path), BinaryInputError)


def test_random_bytes_are_binary(tmp_path: Path) -> None:
    path = tmp_path / "noise.txt"
    path.write_bytes(random.Random(3).randbytes(4096))
    assert isinstance(only_error(path), BinaryInputError)


def guessed_article(path: Path) -> Article:
    """The one article of a file that is not UTF-8, after the notice that says so."""
    notice, result = read(path)
    assert isinstance(notice, Notice) and isinstance(result, Article), (notice, result)
    assert notice.message.startswith(f"{path} is not valid UTF-8; it was read as ")
    assert "re-save it as UTF-8" in notice.message
    return result


@pytest.mark.parametrize("encoding", ["cp1252", "latin-1"])
def test_legacy_western_encodings_are_decoded_with_a_notice(tmp_path: Path, encoding: str) -> None:
    path = tmp_path / "cafe.txt"
    path.write_bytes("Café\n".encode(encoding))
    assert guessed_article(path).text == "Café\n"


def test_cp1252_punctuation_is_decoded(tmp_path: Path) -> None:
    text = "“The café will reopen,” the mayor said — after the talks.\n"
    path = tmp_path / "quotes.txt"
    path.write_bytes(text.encode("cp1252"))
    assert guessed_article(path).text == text


def test_utf8_input_gives_no_notice(tmp_path: Path) -> None:
    path = tmp_path / "cafe.txt"
    path.write_text("Café\n", encoding="utf-8")
    assert only_article(path).text == "Café\n"


def test_other_legacy_encodings_are_detected(tmp_path: Path) -> None:
    text = "Москва заявила о новых санкциях против поставщиков оружия.\n"
    path = tmp_path / "ru.txt"
    path.write_bytes(text.encode("cp1251"))
    assert guessed_article(path).text == text


@pytest.mark.parametrize("encoding", ["utf-16", "utf-8-sig", "utf-32"])
def test_byte_order_marks_are_honoured_and_stripped(tmp_path: Path, encoding: str) -> None:
    path = tmp_path / "bom.txt"
    path.write_bytes("Le café est fermé.\n".encode(encoding))
    assert only_article(path).text == "Le café est fermé.\n"


def test_undecodable_text_is_an_encoding_error(tmp_path: Path) -> None:
    path = tmp_path / "garbled.txt"
    rng = random.Random(7)
    path.write_bytes(bytes(rng.randrange(0x80, 0x100) for _ in range(2000)))
    assert isinstance(only_error(path), EncodingError)


def test_bad_json_lines_are_reported_with_file_and_line(tmp_path: Path) -> None:
    path = tmp_path / "wire.jsonl"
    lines = ['{"text": "Good one."}', "{not json", '{"id": "x"}', '{"text": 42}', "[1, 2]",
             '{"text": "Good two.", "title": 5}', '{"text": "Good three."}']
    path.write_text("\n".join(lines), encoding="utf-8")
    results = list(read(path))
    assert [r.text for r in results if isinstance(r, Article)] == [
        "Good one.", "Good two.", "Good three."]  # a title of the wrong type costs no article
    failures = [r for r in results if isinstance(r, InputError)]
    assert all(isinstance(error, MalformedRecordError) for error in failures)
    assert [error.what.split(" ")[0] for error in failures] == [
        f"{path}:{line}" for line in (2, 3, 4, 5)]
    [notice] = [r.message for r in results if isinstance(r, Notice)]
    assert notice.startswith(f"{path}:6: title 5 left empty")
    assert "no 'text' field" in failures[1].message
    assert "not a string" in failures[2].message


def test_csv_without_text_column_is_one_error(tmp_path: Path) -> None:
    path = tmp_path / "wire.csv"
    path.write_text("id,body\n1,Troops crossed the border.\n", encoding="utf-8")
    error = only_error(path)
    assert isinstance(error, MalformedRecordError) and "'text' column" in error.message


def test_csv_row_of_the_wrong_width_is_one_error(tmp_path: Path) -> None:
    path = tmp_path / "wire.csv"
    path.write_text("id,text\n1,One.\n2,Two.,extra\n3,Three.\n", encoding="utf-8")
    results = list(read(path))
    assert [r.id for r in results if isinstance(r, Article)] == ["1", "3"]
    [error] = [r for r in results if isinstance(r, InputError)]
    assert f"{path}:3" in error.message


@pytest.mark.parametrize("name", ["report.pdf", "memo.docx", "README"])
def test_unknown_file_type_given_explicitly_raises(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    path.write_bytes(b"whatever")
    with pytest.raises(UnknownFileTypeError) as caught:
        read(path)
    assert name in caught.value.message
    assert ".txt, .html, .htm, .jsonl, .ndjson, .csv" in caught.value.message


def test_missing_path_raises(tmp_path: Path) -> None:
    with pytest.raises(MissingPathError, match="nowhere.txt does not exist"):
        read(tmp_path / "nowhere.txt")


def test_bad_stdin_is_yielded_not_raised() -> None:
    [empty] = read("-", stdin=io.StringIO("  \n"))
    [binary] = read("-", stdin=io.BytesIO(PNG))
    assert isinstance(empty, EmptyInputError) and "<stdin>" in empty.message
    assert isinstance(binary, BinaryInputError) and "<stdin>" in binary.message


def test_non_english_is_not_an_error(tmp_path: Path, french_text: str) -> None:
    path = tmp_path / "fr.jsonl"
    path.write_text(json.dumps({"text": french_text}) + "\n", encoding="utf-8")
    assert only_article(path).language == "fr"


def test_csv_with_only_a_header_is_empty(tmp_path: Path) -> None:
    path = tmp_path / "wire.csv"
    path.write_text("id,text\n\n", encoding="utf-8")
    assert isinstance(only_error(path), EmptyInputError)


def test_csv_error_keeps_the_rows_before_and_names_the_line(tmp_path: Path) -> None:
    path = tmp_path / "wire.csv"
    huge = "word " * 30_000  # longer than the csv module's default field limit
    path.write_text(f'id,text\n1,One.\n2,"{huge}"\n3,Three.\n', encoding="utf-8")
    before = csv.field_size_limit(131_072)  # the default; a library imported earlier may raise it
    try:
        first, error = read(path)
    finally:
        csv.field_size_limit(before)
    assert isinstance(first, Article) and first.id == "1"
    assert isinstance(error, MalformedRecordError) and f"{path}:3" in error.message
