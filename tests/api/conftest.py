"""Open-data tests share one loaded store: the shipped record is loaded once for the package, inside a
transaction that is rolled back when the package is done; each test runs in a savepoint within it.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from django.core.cache import cache
from django.db import transaction
from django.test import Client

from treatywatch.api import caching, documents
from treatywatch.site.front import front
from treatywatch.treaties import store
from treatywatch.treaties.loading import load


def forget_caches() -> None:
    store.forget()
    documents.forget()
    caching.forget_stamp()
    front.clear()
    cache.clear()


@pytest.fixture(scope="package")
def stored_record(django_db_setup: Any, django_db_blocker: Any) -> Iterator[None]:
    """``load()`` the shipped record once, then ``store.forget()`` so the engine is rebuilt from the store."""
    with django_db_blocker.unblock(), transaction.atomic():
        load()
        forget_caches()
        yield
        transaction.set_rollback(True)
    forget_caches()


@pytest.fixture
def loaded(stored_record: None, db: None) -> None:
    """The shipped record in the store, for one test (in a savepoint)."""


@pytest.fixture
def fresh(loaded: None) -> Iterator[None]:
    """For tests that change the record: caches are dropped before and after."""
    forget_caches()
    yield
    forget_caches()


@pytest.fixture
def client() -> Client:
    return Client()


def get_json(client: Client, url: str, status: int = 200, **headers: str) -> Any:
    response = client.get(url, headers=headers)
    assert response.status_code == status, (url, response.status_code, response.content[:500])
    assert response["Content-Type"].startswith("application/json")
    return response.json()
