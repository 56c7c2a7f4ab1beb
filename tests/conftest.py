"""Shared fixtures: for the engine and CLI tests, the shipped catalogue and small builders of treaties and ledgers.

The engine and CLI fixtures touch neither a database nor the network: the catalogue is read from the package data.
The database fixture at the end serves the store tests only.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from typing import Any

import pytest

from treatywatch.catalogue import Catalogue, load_catalogue
from treatywatch.engine import LANGUAGES, Action, ActionKind, PartialDate, StateRegistry, Treaty, TreatyRecord

TODAY = dt.date(2030, 1, 1)
"""The "today" given to synthetic records, so that no test depends on the clock."""


def _treaty_mapping(**overrides: Any) -> dict[str, Any]:
    """A minimal valid definition mapping (a test treaty "TEST"); ``overrides`` replace top-level keys."""
    data: dict[str, Any] = {
        "id": "TEST",
        "untc": "IV-99",
        "titles": {lang: f"Test treaty ({lang})" for lang in LANGUAGES},
        "adopted": "1966-01-01",
        "opened": "1966-01-01",
        "depositary": "Secretary-General of the United Nations",
        "entry_into_force": {
            "article": "1",
            "threshold": 3,
            "counts": ["ratification", "accession", "succession"],
            "delay": "30 days",
        },
    }
    data.update(overrides)
    return data


def _act(state: str, kind: str, when: str, treaty: str = "TEST", **fields: Any) -> Action:
    """One action; ``when`` is a record date ("2003-03-14", "2016", "../2014-10-26")."""
    effective = fields.pop("effective", None)
    return Action(
        treaty,
        state,
        ActionKind(kind),
        PartialDate.parse(when),
        effective=PartialDate.parse(effective) if effective else None,
        **fields,
    )


def day_text(d: dt.date) -> str:
    return d.isoformat()


@pytest.fixture(scope="session")
def treaty_mapping() -> Callable[..., dict[str, Any]]:
    """``treaty_mapping(**overrides)`` -> a fresh valid definition mapping of the test treaty "TEST"."""
    return _treaty_mapping


@pytest.fixture(scope="session")
def act() -> Callable[..., Action]:
    """``act(state, kind, when, treaty="TEST", **fields)`` -> one Action."""
    return _act


@pytest.fixture(scope="session")
def catalogue() -> Catalogue:
    """The shipped catalogue (definitions, States, records), read once from the package data."""
    return load_catalogue()


@pytest.fixture(scope="session")
def states(catalogue: Catalogue) -> StateRegistry:
    return catalogue.states


@pytest.fixture(scope="session")
def members(states: StateRegistry) -> list[str]:
    """Codes of the 193 present UN Member States, alphabetical: the synthetic ledgers' States."""
    return sorted(s.code for s in states if s.member and not s.historical)


@pytest.fixture(scope="session")
def icrmw(catalogue: Catalogue) -> TreatyRecord:
    return catalogue.record("ICRMW")


@pytest.fixture(scope="session")
def make_treaty() -> Callable[..., Treaty]:
    """``make_treaty(**top_level_overrides)`` -> a Treaty built from data with ``Treaty.from_mapping``."""

    def build(**overrides: Any) -> Treaty:
        return Treaty.from_mapping(_treaty_mapping(**overrides))

    return build


@pytest.fixture(scope="session")
def make_record(states: StateRegistry) -> Callable[..., TreatyRecord]:
    """``make_record(treaty, actions, today=TODAY, parent=None)`` -> a checked TreatyRecord."""

    def build(
        treaty: Treaty, actions: Iterable[Action], today: dt.date = TODAY, parent: TreatyRecord | None = None
    ) -> TreatyRecord:
        return TreatyRecord(treaty, list(actions), states, today, parent)

    return build


@pytest.fixture(scope="session")
def instruments(members: list[str]) -> Callable[..., list[Action]]:
    """``instruments(n, threshold_day, treaty="TEST", kind="accession", skip=())``: n instruments by n Member
    States, the n-th deposited on ``threshold_day`` and the others on the n-1 days before it, one a day."""

    def build(
        n: int,
        threshold_day: dt.date,
        treaty: str = "TEST",
        kind: str = "accession",
        skip: Iterable[str] = (),
    ) -> list[Action]:
        codes = [c for c in members if c not in set(skip)][:n]
        assert len(codes) == n
        return [
            _act(code, kind, day_text(threshold_day - dt.timedelta(days=n - 1 - i)), treaty=treaty)
            for i, code in enumerate(codes)
        ]

    return build


# ----------------------------------------------------------------------------------------------------------
# Database tests: the shipped record is loaded once per test session into the test database; each test runs
# in a transaction rolled back at its end, so what one test records is gone for the next.


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup: None, django_db_blocker: Any) -> None:
    from treatywatch.treaties.loading import load

    with django_db_blocker.unblock():
        load()


@pytest.fixture(autouse=True)
def _fresh_caches() -> Any:
    """Each test starts with empty page and record caches: database rollbacks reuse record-version ids."""
    yield
    from django.conf import settings

    if not settings.configured:
        return
    from django.core.cache import cache

    from treatywatch.api import caching as api_caching
    from treatywatch.api import documents
    from treatywatch.site.front import front
    from treatywatch.treaties import store
    from treatywatch.treaties.stamp import stop_refreshing

    cache.clear()
    store.forget()
    documents.forget()
    # A test that served through site.wsgi/site.asgi started the version-reading thread: it reads on a connection
    # of its own, which does not see the next test's transaction, so it must not outlive the test.
    stop_refreshing()
    api_caching.forget_stamp()
    front.clear()
