"""Reading paths: files by extension, folders recursively, ``-`` for standard input.

``read`` checks the path before returning its iterator, so a missing path or a file
type it cannot read fails at once, before anything is processed. Everything that
goes wrong inside a path — one bad file in a folder, one bad line in a JSON Lines
file — is yielded as an ``InputError`` instead, so the caller reports it and goes on.
"""

from __future__ import annotations

import itertools
import os
import re
import sys
from collections.abc import Callable, Iterable, Iterator, Mapping
from pathlib import Path
from types import MappingProxyType
from typing import BinaryIO, TextIO

from wirewatch.errors import InputError, MissingPathError, UnknownFileTypeError
from wirewatch.ingest.article import Notice, check_meta
from wirewatch.ingest.decode import check_text, decode
from wirewatch.ingest.documents import from_html, from_text
from wirewatch.ingest.records import from_csv, from_jsonl
from wirewatch.model import Article

Result = Article | InputError | Notice
Reader = Callable[[str, str, Mapping[str, str]], Iterator[Result]]

READERS: Mapping[str, Reader] = MappingProxyType({
    ".txt": from_text, ".html": from_html, ".htm": from_html,
    ".jsonl": from_jsonl, ".ndjson": from_jsonl, ".csv": from_csv,
})
"""The file types wirewatch reads, by extension (matched case-insensitively)."""
STDIN = "<stdin>"
_HTML = re.compile(r"<(?:!doctype\s+html|html|head|body|article|div|p)\b", re.IGNORECASE)


def read(path: str | Path, *, meta: Mapping[str, str | None] | None = None,
         stdin: TextIO | BinaryIO | None = None) -> Iterator[Result]:
    """Articles read from a file, a folder (recursively) or ``-`` (standard input).

    Args:
        path: a ``.txt``, ``.html``/``.htm``, ``.jsonl``/``.ndjson`` or ``.csv`` file,
            a folder of them, or ``-``.
        meta: title, url, published and publisher to set on every article read;
            they override what the input itself says. None values are ignored.
            ``date_order`` (``dmy``/``mdy``) says how to read numeric dates.
        stdin: the stream ``-`` reads (text or bytes); ``sys.stdin`` when None.

    Returns:
        An iterator of Articles; for inputs that could not be read, InputErrors; and
        Notices of what the user should know (a guessed encoding, a publication date
        that could not be read and was left empty).

    Raises:
        MissingPathError: nothing exists at ``path``.
        UnknownFileTypeError: ``path`` is a file of a type wirewatch cannot read.
        InputError: the ``published`` date in ``meta`` is not a date (or reads two ways).
    """
    fields = check_meta(meta)
    if str(path) == "-":
        return _read_stdin(stdin, fields)
    path = Path(path)
    if path.is_symlink() and not path.exists():
        raise _broken_link(path)
    if not path.exists():
        raise MissingPathError(f"{path} does not exist", "there is no file or folder there",
                               "Check the path, or give - to read standard input")
    if path.is_dir():
        return _read_folder(path, fields)
    return _read_file(path, reader_for(path), fields)


def read_many(paths: Iterable[str | Path], *, meta: Mapping[str, str | None] | None = None,
              stdin: TextIO | BinaryIO | None = None) -> Iterator[Result]:
    """``read`` for each path in turn; every path is checked before the first is read."""
    readers = [read(path, meta=meta, stdin=stdin) for path in paths]
    return itertools.chain.from_iterable(readers)


def reader_for(path: Path) -> Reader:
    """The reader for a file's type.

    Raises:
        UnknownFileTypeError: the extension is not one wirewatch reads.
    """
    reader = READERS.get(path.suffix.lower())
    if reader is None:
        kind = f"'{path.suffix}'" if path.suffix else "a file without an extension"
        raise UnknownFileTypeError(
            f"{path} is not a file type wirewatch reads",
            f"{kind} is not one of {', '.join(READERS)}",
            "Convert it to text or HTML first (pdftotext for PDF, pandoc for Word), "
            "or rename it if it already is one of these")
    return reader


def _read_file(path: Path, reader: Reader, meta: Mapping[str, str]) -> Iterator[Result]:
    """The articles of one file; a file that cannot be read or decoded is one error."""
    origin = str(path)
    notices: list[str] = []
    try:
        text = decode(path.read_bytes(), origin, notices.append)
    except InputError as error:
        yield error
        return
    except OSError as exc:
        yield InputError(f"{origin} cannot be read", exc.strerror or str(exc),
                         "Check that it exists and that you may read it")
        return
    yield from map(Notice, notices)
    yield from reader(text, origin, meta)


def _read_folder(folder: Path, meta: Mapping[str, str]) -> Iterator[Result]:
    """Every file under ``folder`` in sorted order; files of unknown type and broken links
    become errors."""
    for path in _walk(folder):
        try:
            if path.is_symlink() and not path.exists():
                raise _broken_link(path)
            reader = reader_for(path)
        except InputError as error:
            yield error
            continue
        yield from _read_file(path, reader, meta)


def _walk(folder: Path) -> Iterator[Path]:
    """Files under ``folder`` (and links that point nowhere), depth first in name order,
    skipping hidden ones.

    Links to folders are not followed, so a link loop cannot make the walk endless.
    """
    with os.scandir(folder) as scan:
        entries = sorted(scan, key=lambda entry: entry.name)
    for entry in entries:
        if entry.name.startswith("."):
            continue
        if entry.is_dir(follow_symlinks=False):
            yield from _walk(Path(entry.path))
        elif entry.is_file() or entry.is_symlink() and not os.path.exists(entry.path):
            yield Path(entry.path)


def _broken_link(path: Path) -> MissingPathError:
    return MissingPathError(f"{path} is a broken link", f"it points to {os.readlink(path)}, "
                            "which does not exist", "Fix or remove the link")


def read_stdin(stream: TextIO | BinaryIO | None = None) -> bytes | str:
    """All of ``stream`` (standard input when None), or an ``InputError`` saying why not:
    a closed standard input (``<&-``, or a service started without one) is no traceback."""
    source = stream if stream is not None else sys.stdin
    if source is None:
        raise InputError("standard input is closed", "- reads the articles from standard input, "
                         "and this process has none", "Pipe them in (`wirewatch ingest - < "
                         "articles.jsonl`) or give a file path instead of -")
    try:
        return getattr(source, "buffer", source).read()  # type: ignore[no-any-return]
    except (OSError, ValueError) as exc:  # a closed or unreadable stream
        raise InputError("standard input cannot be read", str(exc), "Pipe the articles in, "
                         "or give a file path instead of -") from None


def _read_stdin(stream: TextIO | BinaryIO | None, meta: Mapping[str, str]) -> Iterator[Result]:
    """Standard input as JSON Lines, HTML or plain text, whichever it looks like."""
    notices: list[str] = []
    try:
        data = read_stdin(stream)
        text = (decode(data, STDIN, notices.append) if isinstance(data, bytes)
                else check_text(data, STDIN))
    except InputError as error:
        yield error
        return
    yield from map(Notice, notices)
    yield from sniff(text)(text, STDIN, meta)


def sniff(text: str) -> Reader:
    """The reader for text of unknown type: JSON Lines, HTML or plain text."""
    head = text.lstrip()[:4096]
    if head.startswith("{"):
        return from_jsonl
    if head.startswith("<") and _HTML.search(head):
        return from_html
    return from_text
