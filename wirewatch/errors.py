"""Every exception wirewatch raises on purpose.

    WirewatchError                 what happened, why, and what to do
    ├── SettingsError              an unknown or invalid setting
    ├── ModelError                 the spaCy model cannot be loaded
    ├── InputError                 an input that cannot be ingested
    │   ├── MissingPathError       the path does not exist
    │   ├── UnknownFileTypeError   not .txt/.html/.jsonl/.csv (or a folder, or -)
    │   ├── EmptyInputError        nothing but whitespace
    │   ├── BinaryInputError       not text at all
    │   ├── EncodingError          text in an encoding that cannot be decoded
    │   ├── MalformedRecordError   a JSON Lines / CSV record that cannot be read (file and line)
    │   └── TooLargeError          a request body over the server's limit
    ├── StoreError                 the database cannot be opened, migrated or written
    │   ├── NotFoundError          no such record in the store
    │   └── IdConflictError        an article id already taken by another text
    └── DeliveryError              an alert channel did not take a flag (webhook, file)
        └── DeliveryRefusedError   the receiver refused it for good (a 4xx other than 429)

Front-ends turn these into output in one place each (``serve.cli.main``); the
JSON shape of an error is ``error_json``.
"""

from __future__ import annotations

from typing import Any


class WirewatchError(Exception):
    """Base class: a message that says what happened, why, and what to do."""

    code = "wirewatch_error"

    def __init__(self, what: str, why: str = "", fix: str = "") -> None:
        self.what, self.why, self.fix = what, why, fix
        super().__init__(self.message)

    @property
    def message(self) -> str:
        parts = [self.what]
        if self.why:
            parts.append(f": {self.why}")
        if self.fix:
            parts.append(f". {self.fix}")
        return "".join(parts).rstrip(".") + "."

    def __reduce__(self) -> tuple[Any, ...]:
        # Picklable across process pools with all three parts intact.
        return (type(self), (self.what, self.why, self.fix))


class SettingsError(WirewatchError):
    code = "bad_setting"


class ModelError(WirewatchError):
    code = "model_unavailable"


class InputError(WirewatchError):
    code = "bad_input"


class MissingPathError(InputError):
    code = "missing_path"


class UnknownFileTypeError(InputError):
    code = "unknown_file_type"


class EmptyInputError(InputError):
    code = "empty_input"


class BinaryInputError(InputError):
    code = "binary_input"


class EncodingError(InputError):
    code = "bad_encoding"


class MalformedRecordError(InputError):
    code = "malformed_record"


class TooLargeError(InputError):
    code = "too_large"


class StoreError(WirewatchError):
    code = "store_error"


class NotFoundError(StoreError):
    code = "not_found"


class IdConflictError(StoreError):
    code = "id_conflict"


class DeliveryError(WirewatchError):
    code = "delivery_failed"


class DeliveryRefusedError(DeliveryError):
    code = "delivery_refused"


def error_json(error: WirewatchError) -> dict[str, Any]:
    """The one JSON shape of an error, shared by the CLI and the API."""
    return {"error": {"code": error.code, "message": error.message, "what": error.what,
                      "why": error.why, "fix": error.fix}}


__all__ = [
    "BinaryInputError", "DeliveryError", "DeliveryRefusedError", "EmptyInputError", "EncodingError", "IdConflictError", "InputError",
    "MalformedRecordError",
    "MissingPathError", "ModelError", "NotFoundError", "SettingsError", "StoreError",
    "TooLargeError", "UnknownFileTypeError", "WirewatchError", "error_json",
]
