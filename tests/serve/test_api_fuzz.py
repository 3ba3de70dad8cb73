"""Fuzz the HTTP API from its own OpenAPI document (schemathesis): whatever a client sends
that the document allows or not, the server answers without a 5xx, in the one error shape,
with a status, content type and body the document declares."""

from __future__ import annotations

from pathlib import Path

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from wirewatch.serve.api import create_app
from wirewatch.serve.cli import main
from wirewatch.settings import Settings

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "kursk-workers.txt"


@pytest.mark.slow
def test_no_server_errors(tmp_path):
    db = tmp_path / "w.db"
    try:
        main(["ingest", str(EXAMPLE), "--db", str(db)])
    except SystemExit as exc:
        assert not exc.code
    app = create_app(Settings(db=str(db), api_token="fuzz-token"))
    schema = schemathesis.openapi.from_asgi("/openapi.json", app)
    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) >= 12  # every route of the API is in the document

    for operation in operations:
        @given(case=operation.as_strategy())
        @settings(max_examples=40, deadline=None, suppress_health_check=list(HealthCheck),
                  database=None)
        def no_server_error(case):
            response = case.call(headers={"Authorization": "Bearer fuzz-token"})
            assert response.status_code < 500, (case.operation.label, response.text)
            if response.status_code >= 400:
                error = response.json()["error"]
                assert set(error) == {"code", "message", "what", "why", "fix"}
            case.validate_response(response, checks=[
                status_code_conformance, content_type_conformance, response_schema_conformance])

        no_server_error()
