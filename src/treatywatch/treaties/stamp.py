"""What every public answer depends on besides its address: the record's latest version and the day.

Pages and open-data answers change only when the record changes (a new ``RecordVersion``) or the day does (they
answer "as of today" by default). Reading the version is one small query; a process trusts the version it last
read for ``STAMP_SECONDS``, so a burst of requests costs one query a second, not one each. Public answers may be
cached by anyone for five minutes (``Cache-Control: public, max-age=300``), so that second costs nothing; a new
version written by this process is seen at once (``forget_stamp`` runs when a ``RecordVersion`` is saved).

The servers' fronts (``site.front``) answer only while the stamp is fresh and never query the store themselves:
``keep_fresh`` starts one thread per process that reads the version every ``REFRESH_SECONDS``, so the stamp does
not go stale under a steady stream of requests that never reach Django.
"""

from __future__ import annotations

import logging
import threading
from dataclasses import dataclass
from datetime import UTC, date, datetime, time
from time import monotonic

from django.db import DatabaseError, connection
from django.utils import timezone

from . import models

__all__ = [
    "REFRESH_SECONDS",
    "STAMP_SECONDS",
    "Stamp",
    "current_stamp",
    "forget_stamp",
    "fresh_stamp",
    "keep_fresh",
    "stop_refreshing",
]

STAMP_SECONDS = 1.0
REFRESH_SECONDS = 0.25
_log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class Stamp:
    version: int
    changed: datetime | None
    today: date

    @property
    def key(self) -> tuple[int, date]:
        """The part answers are kept under (``changed`` follows from ``version``)."""
        return self.version, self.today

    @property
    def last_modified(self) -> datetime:
        """The later of the record's last change and the start of the day (UTC): a client holding yesterday's
        answer for "as of today" must not be told it is still fresh."""
        midnight = datetime.combine(self.today, time(0), tzinfo=UTC)
        return midnight if self.changed is None else max(self.changed, midnight)


_held: tuple[float, Stamp] | None = None


def current_stamp() -> Stamp:
    """The record's latest version and the day, read from the store at most once a second per process."""
    now = monotonic()
    held = _held
    if held is not None and now - held[0] < STAMP_SECONDS and held[1].today == timezone.localdate():
        return held[1]
    return _read()


def _read() -> Stamp:
    global _held
    now = monotonic()
    today = timezone.localdate()
    latest = models.RecordVersion.objects.order_by("-id").values_list("id", "changed").first()
    stamp = Stamp(0, None, today) if latest is None else Stamp(int(latest[0]), latest[1], today)
    _held = (now, stamp)
    return stamp


def fresh_stamp() -> Stamp | None:
    """The version last read if it is still to be trusted, without asking the store (``None`` otherwise)."""
    held = _held
    if held is None or monotonic() - held[0] >= STAMP_SECONDS or held[1].today != timezone.localdate():
        return None
    return held[1]


def forget_stamp(**_: object) -> None:
    """Read the version again on the next request (a ``post_save`` receiver for ``RecordVersion``, and tests)."""
    global _held
    _held = None


_refresher: threading.Thread | None = None
_refresher_lock = threading.Lock()
_stop = threading.Event()


def keep_fresh(interval: float = REFRESH_SECONDS) -> None:
    """Start (once per process) the thread that reads the version every ``interval`` seconds."""
    global _refresher
    with _refresher_lock:
        if _refresher is not None and _refresher.is_alive():
            return
        _stop.clear()
        _refresher = threading.Thread(target=_refresh, args=(interval,), name="treatywatch-stamp", daemon=True)
        _refresher.start()


def stop_refreshing() -> None:
    """Stop the thread ``keep_fresh`` started (tests; servers just exit)."""
    global _refresher
    with _refresher_lock:
        if _refresher is not None:
            _stop.set()
            _refresher.join()
            _refresher = None


def _refresh(interval: float) -> None:
    failing = False
    try:
        while not _stop.wait(interval):
            try:
                _read()
            except DatabaseError as exc:
                # The store is away: the stamp goes stale within a second, requests go to Django, which says so.
                if not failing:
                    _log.warning("treatywatch: cannot read the record version (%s); trying again", exc)
                failing = True
                connection.close()
            else:
                failing = False
    finally:
        connection.close()  # this thread's own connection
