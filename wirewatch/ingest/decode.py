"""Bytes to text, or a clear reason why they are not text.

UTF-8 is tried first because nearly everything is UTF-8 and a successful strict
decode is proof enough. Only then is charset-normalizer asked; it is unreliable on
short Western European texts (it calls a cp1252 "café" cp1006), so Windows-1252 —
the usual legacy encoding of news text — wins whenever it reads the bytes at least
as cleanly as the detector's pick. A guess is a guess: the caller is told which encoding
was taken (``on_guess``), so that a user whose text comes out garbled knows why. Newlines are normalised to ``\\n`` the way
Python's text mode does, so offsets do not depend on the platform a file came from.
"""

from __future__ import annotations

import codecs
from collections.abc import Callable

import charset_normalizer

from wirewatch.errors import BinaryInputError, EmptyInputError, EncodingError

SNIFF_BYTES = 8192
"""How much of the input is inspected for signs of binary data."""
MAX_CONTROL_RATIO = 0.1
"""Share of control bytes above which input is taken as binary, not text."""

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_CONTROL_BYTES = frozenset(range(0x20)) - {0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x1B} | {0x7F}
_FALLBACK = "cp1252"


def decode(data: bytes, where: str, on_guess: Callable[[str], None] | None = None) -> str:
    """The text of ``data``, with newlines normalised to ``\\n``.

    Args:
        data: the raw bytes of a file or of standard input.
        where: the file name (or ``<stdin>``) to name in error messages.
        on_guess: told, in a sentence, when the bytes were not UTF-8 and another encoding
            was guessed.

    Raises:
        EmptyInputError: nothing but whitespace.
        BinaryInputError: NUL bytes or many control bytes: not text at all.
        EncodingError: text in an encoding that cannot be identified.
    """
    text = _decode_bom(data, where)
    if text is None:
        _check_not_binary(data, where)
        text, encoding = _decode_guess(data, where)
        if encoding != "utf-8" and on_guess is not None:
            on_guess(f"{where} is not valid UTF-8; it was read as {encoding}, the encoding "
                     "that reads it most cleanly. If its text looks garbled, re-save it as "
                     "UTF-8 and ingest it again")
    return check_text(text, where)


def check_text(text: str, where: str) -> str:
    """Decoded text, checked not to be blank, with ``\\r\\n`` and lone ``\\r`` made ``\\n``.

    Raises:
        EmptyInputError: nothing but whitespace.
    """
    if not text.strip():
        raise EmptyInputError(f"{where} is empty", "it holds nothing but whitespace",
                              "Check that the input was written completely, or leave it out")
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _decode_bom(data: bytes, where: str) -> str | None:
    """Decode by byte-order mark; None when there is none."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding).lstrip("\ufeff")
            except UnicodeDecodeError as exc:
                raise EncodingError(f"{where} cannot be decoded",
                                    f"it starts with a {encoding} byte-order mark but {exc.reason}",
                                    "Re-save it as UTF-8") from None
    return None


def _check_not_binary(data: bytes, where: str) -> None:
    """Raise BinaryInputError for NUL bytes or a high share of control bytes."""
    sample = data[:SNIFF_BYTES]
    control = sum(byte in _CONTROL_BYTES for byte in sample)
    if b"\x00" in sample or control > MAX_CONTROL_RATIO * len(sample):
        raise BinaryInputError(f"{where} is not text", "it contains NUL or control bytes "
                               "(an image, archive, PDF or UTF-16 without a byte-order mark?)",
                               "Convert it to UTF-8 text first, or leave it out")


def _decode_guess(data: bytes, where: str) -> tuple[str, str]:
    """The text and its encoding: UTF-8 if it decodes, else the encoding charset-normalizer
    finds (preferring cp1252)."""
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    best = charset_normalizer.from_bytes(data).best()
    western = charset_normalizer.from_bytes(data, cp_isolation=[_FALLBACK]).best()
    if western is not None and (best is None or (western.chaos <= best.chaos
                                                 and western.coherence >= best.coherence)):
        best = western
    if best is None:
        raise EncodingError(f"{where} cannot be decoded",
                            "it is not UTF-8 and no other encoding reads it as sensible text",
                            "Re-save it as UTF-8")
    return str(best), best.encoding
