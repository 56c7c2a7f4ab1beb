"""Engine answers that many pages of the same day ask for again, computed once and kept.

A State's page shows its position under every treaty, and its neighbours' positions under the Convention: each
needs every participant of every treaty on the day. Two hundred States in six languages asked the engine the same
question 22,000 times. Here each answer is kept for the record object it came from and the day asked about.

``store.catalogue()`` builds new record objects whenever a new ``RecordVersion`` exists or the day changes, so an
answer kept for an older record or an older day is never found again (it ages out of the bounded memo). The memo
holds the record object itself beside the answer, so the record's ``id`` cannot be reused while the key exists.
The answers are the engine's own (``TreatyRecord.participants``, ``history``, ``procedure_status``): no rule is
computed here. Answers kept for a catalogue (``kept``) are for the same version and day. Callers must not modify
them.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable, Mapping
from datetime import date
from typing import Any, TypeVar

from treatywatch.engine import Participant, ProcedureStatus, StateHistory, TreatyRecord

__all__ = ["forget", "history", "kept", "participant_table", "procedure_status"]

T = TypeVar("T")
MAX_ENTRIES = 8192
"""Enough for every (treaty, State) history of one day (about 2,500), so the six languages share them."""

_lock = threading.Lock()
_kept: OrderedDict[tuple[int, Hashable], tuple[object, Any]] = OrderedDict()


def kept(owner: object, key: Hashable, compute: Callable[[], T]) -> T:
    """``compute()``, once for ``owner`` (a record or a catalogue) and ``key``."""
    full = (id(owner), key)
    with _lock:
        found = _kept.get(full)
        if found is not None and found[0] is owner:
            _kept.move_to_end(full)
            return found[1]  # type: ignore[no-any-return]
    value = compute()
    with _lock:
        _kept[full] = (owner, value)
        while len(_kept) > MAX_ENTRIES:
            _kept.popitem(last=False)
    return value


def participant_table(record: TreatyRecord, day: date) -> Mapping[str, Participant]:
    """``record.participants(day)`` by State code."""
    return kept(record, ("participants", day), lambda: {p.state: p for p in record.participants(day)})


def history(record: TreatyRecord, code: str, day: date) -> StateHistory:
    """``record.history(code, day)``."""
    return kept(record, ("history", code, day), lambda: record.history(code, day))


def procedure_status(record: TreatyRecord, day: date) -> tuple[ProcedureStatus, ...]:
    """``record.procedure_status(day)``."""
    return kept(record, ("procedures", day), lambda: record.procedure_status(day))


def forget() -> None:
    """Drop every kept answer (tests)."""
    with _lock:
        _kept.clear()
