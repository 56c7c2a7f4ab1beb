"""The ledger: what each State did under a treaty and when, and the rules a record must keep."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from .dates import PartialDate, Span
from .errors import RecordProblem
from .kinds import ActionKind
from .states import StateRegistry
from .treaty import Treaty

__all__ = ["Action", "check_structure"]


@dataclass(frozen=True, slots=True)
class Action:
    """One depositary action: a signature, an instrument, a declaration, a withdrawal, an objection...

    ``date`` is the date of deposit (instruments), signature, or receipt of the notification (declarations,
    withdrawals, denunciations). ``article`` says under which article a declaration is made ("77");
    ``target`` is the State an objection objects to. ``effective`` is the date a succession takes effect
    (the date of the succession of States), when the record gives it. ``origin`` says where the record came
    from ("icrmw.csv:12") so every problem can name it.
    """

    treaty: str
    state: str
    kind: ActionKind
    date: PartialDate
    article: str = ""
    target: str = ""
    reference: str = ""
    text: str = ""
    note: str = ""
    source: str = ""
    effective: PartialDate | None = None
    origin: str = ""

    def span(self, floor: dt.date) -> Span:
        """The possible days of this action, an open start narrowed to ``floor`` (the treaty's opening)."""
        s = self.date.span
        return Span(max(s.earliest, floor), s.latest) if s.earliest < floor <= s.latest else s

    @property
    def where(self) -> str:
        return self.origin or f"{self.treaty} {self.state} {self.kind.value} {self.date}"

    def sort_key(self) -> tuple[dt.date, int, str, str, str, str]:
        # Total on a valid ledger (these fields are the duplicate key), so the input order never shows.
        return (self.date.span.earliest, self.kind.order, self.state, self.article, self.target, self.date.text)


def check_structure(
    treaty: Treaty, actions: Iterable[Action], states: StateRegistry, today: dt.date
) -> list[RecordProblem]:
    """Rules one record can break on its own, or with a duplicate: codes, kinds, dates, articles."""
    problems: list[RecordProblem] = []
    seen: dict[tuple[str, ActionKind, str, str, str], str] = {}
    for action in actions:
        where = action.where
        if action.treaty != treaty.id:
            problems.append(RecordProblem(where, "treaty", f"{action.treaty!r} is not {treaty.id!r}"))
            continue
        if action.state not in states:
            problems.append(RecordProblem(where, "state", f"unknown State code {action.state!r}"))
            continue
        span = action.date.span
        if span.latest < treaty.opened:
            problems.append(
                RecordProblem(
                    where, "date", f"{action.date} is before the treaty was opened for signature ({treaty.opened})"
                )
            )
        if span.earliest > today:
            problems.append(RecordProblem(where, "date", f"{action.date} is in the future (today is {today})"))
        state = states.get(action.state)
        if state.ended is not None and span.earliest > state.ended:
            problems.append(
                RecordProblem(where, "date", f"{action.date} is after {state.name()} ceased to exist ({state.ended})")
            )
        if action.kind is ActionKind.OBJECTION and action.target not in states:
            problems.append(
                RecordProblem(where, "target", f"an objection must name the State objected to; got {action.target!r}")
            )
        if action.kind is ActionKind.DECLARATION_WITHDRAWAL and action.date.open_start:
            problems.append(RecordProblem(where, "date", "a withdrawal needs its date"))
        key = (action.state, action.kind, action.date.text, action.article, action.target)
        if key in seen:
            problems.append(RecordProblem(where, "state", f"duplicates {seen[key]}"))
        else:
            seen[key] = where
    return problems
