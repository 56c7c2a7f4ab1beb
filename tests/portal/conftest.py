"""Portal fixtures: the shipped record in the test database, and empty caches.

Each module loads the record once (``load()`` is idempotent: a no-op when the session already loaded it) inside
a transaction rolled back when the module ends, as Django's ``TestCase.setUpTestData`` does, then forgets the
cached catalogue; each test runs in a savepoint inside it, so all see the same record and record version, and
a rebuilt catalogue is built once per module rather than once per test.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from django.core.cache import cache
from django.db import transaction

from treatywatch.treaties import store
from treatywatch.treaties.loading import load


@pytest.fixture(scope="module")
def _record_for_module(django_db_setup: None, django_db_blocker: Any) -> Iterator[None]:
    with django_db_blocker.unblock():
        outer = transaction.atomic()
        outer.__enter__()
        try:
            load()
            store.forget()
            yield
        finally:
            transaction.set_rollback(True)
            outer.__exit__(None, None, None)
            store.forget()
            cache.clear()


@pytest.fixture
def record(_record_for_module: None, db: None) -> Iterator[None]:
    """The shipped record in the store, with an empty page cache."""
    cache.clear()
    yield
    cache.clear()
