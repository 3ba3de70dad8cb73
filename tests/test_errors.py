"""The one JSON shape of an error, and messages that say what, why and what to do."""

from __future__ import annotations

import pickle

from wirewatch.errors import MalformedRecordError, StoreError, error_json


def test_error_json_shape_is_pinned():
    error = MalformedRecordError("in.jsonl:3 is not valid JSON", "Expecting value at column 1",
                                 "Fix or remove that record")
    assert error_json(error) == {"error": {
        "code": "malformed_record",
        "message": "in.jsonl:3 is not valid JSON: Expecting value at column 1. Fix or remove that record.",
        "what": "in.jsonl:3 is not valid JSON",
        "why": "Expecting value at column 1",
        "fix": "Fix or remove that record",
    }}


def test_errors_survive_pickling_for_worker_processes():
    error = StoreError("cannot write x.db", "disk full", "Free some space")
    copy = pickle.loads(pickle.dumps(error))
    assert type(copy) is StoreError and copy.message == error.message
