"""Counting intervals at a day, fast: how many things had started and not yet stopped.

Each interval starts somewhere in a span and may stop somewhere in a later span. ``count(day)`` answers
(certain, possible) in O(log n) with four sorted lists, so the status of a treaty as of any day costs a few
binary searches however long its record is.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from datetime import date

from .dates import Span

__all__ = ["Tally"]


class Tally:
    def __init__(self) -> None:
        self._start_early: list[date] = []
        self._start_late: list[date] = []
        self._stop_early: list[date] = []
        self._stop_late: list[date] = []
        self._frozen = False

    def add(self, start: Span, stop: Span | None = None) -> None:
        """Add an interval; a stop is never before its start (clamped so the counting stays exact)."""
        if self._frozen:
            raise RuntimeError("tally already frozen")
        self._start_early.append(start.earliest)
        self._start_late.append(start.latest)
        if stop is not None:
            early = max(stop.earliest, start.latest)
            self._stop_early.append(early)
            self._stop_late.append(max(stop.latest, early))

    def add_all(self, starts: Sequence[Span], stops: Sequence[Span | None]) -> None:
        """``add(start, stop)`` for each pair of the two lists, in list comprehensions."""
        if self._frozen:
            raise RuntimeError("tally already frozen")
        self._start_early += [start.earliest for start in starts]
        self._start_late += [start.latest for start in starts]
        pairs = [(start.latest, stop) for start, stop in zip(starts, stops, strict=True) if stop is not None]
        early = [stop.earliest if stop.earliest > latest else latest for latest, stop in pairs]
        self._stop_early += early
        self._stop_late += [stop.latest if stop.latest > e else e for (_, stop), e in zip(pairs, early, strict=True)]

    def add_starts(self, starts: Sequence[Span]) -> None:
        """``add(start)`` for each span: intervals that never stop."""
        if self._frozen:
            raise RuntimeError("tally already frozen")
        self._start_early += [start.earliest for start in starts]
        self._start_late += [start.latest for start in starts]

    def freeze(self) -> Tally:
        # With exact days, the early and the late list hold the same days in the same order (the same objects:
        # compared in a glance): then sorted once and shared, as they are never changed again.
        if self._start_late == self._start_early:
            self._start_late = self._start_early
        else:
            self._start_late.sort()
        self._start_early.sort()
        if self._stop_late == self._stop_early:
            self._stop_late = self._stop_early
        else:
            self._stop_late.sort()
        self._stop_early.sort()
        self._frozen = True
        return self

    def count(self, day: date) -> tuple[int, int]:
        """(certainly running on ``day``, possibly running but not certainly)."""
        certain = bisect_right(self._start_late, day) - bisect_right(self._stop_early, day)
        possible = bisect_right(self._start_early, day) - bisect_right(self._stop_late, day)
        return certain, possible - certain

    def started(self, day: date) -> int:
        """How many certainly started by ``day``, stopped or not."""
        return bisect_right(self._start_late, day)

    def nth_start(self, n: int) -> Span | None:
        """The span of the day the n-th interval started (1-based), or None when fewer than n."""
        if n > len(self._start_late):
            return None
        return Span(self._start_early[n - 1], self._start_late[n - 1])

    def __len__(self) -> int:
        return len(self._start_late)
