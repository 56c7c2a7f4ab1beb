"""The ledger: what each State did under a treaty and when, and the rules a record must keep."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, fields
from typing import Any

from .dates import PartialDate, Span
from .errors import RecordProblem
from .kinds import ActionKind
from .states import State, StateRegistry
from .treaty import Treaty

__all__ = ["Action", "check_structure"]


@dataclass(frozen=True, slots=True, init=False)
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

    def __init__(
        self,
        treaty: str,
        state: str,
        kind: ActionKind,
        date: PartialDate,
        article: str = "",
        target: str = "",
        reference: str = "",
        text: str = "",
        note: str = "",
        source: str = "",
        effective: PartialDate | None = None,
        origin: str = "",
    ) -> None:
        # The __init__ dataclass would write for a frozen class, but setting each slot through its descriptor
        # rather than object.__setattr__: half the time, and a ledger holds hundreds of thousands of actions.
        # A new field needs its line here.
        _set_treaty(self, treaty)
        _set_state(self, state)
        _set_kind(self, kind)
        _set_date(self, date)
        _set_article(self, article)
        _set_target(self, target)
        _set_reference(self, reference)
        _set_text(self, text)
        _set_note(self, note)
        _set_source(self, source)
        _set_effective(self, effective)
        _set_origin(self, origin)

    def span(self, floor: dt.date) -> Span:
        """The possible days of this action, an open start narrowed to ``floor`` (the treaty's opening)."""
        return self.date.span.from_opening(floor)

    @property
    def where(self) -> str:
        return self.origin or f"{self.treaty} {self.state} {self.kind.value} {self.date}"

    def sort_key(self) -> tuple[dt.date, int, str, str, str, str]:
        # Total on a valid ledger (these fields are the duplicate key), so the input order never shows.
        return (self.date.span.earliest, self.kind.order, self.state, self.article, self.target, self.date.text)


_setters: dict[str, Any] = {f.name: getattr(Action, f.name).__set__ for f in fields(Action)}
_set_treaty, _set_state, _set_kind, _set_date = (_setters[n] for n in ("treaty", "state", "kind", "date"))
_set_article, _set_target, _set_reference = _setters["article"], _setters["target"], _setters["reference"]
_set_text, _set_note, _set_source = _setters["text"], _setters["note"], _setters["source"]
_set_effective, _set_origin = _setters["effective"], _setters["origin"]


def check_structure(
    treaty: Treaty, actions: Iterable[Action], states: StateRegistry, today: dt.date
) -> list[RecordProblem]:
    """Rules one record can break on its own, or with a duplicate: codes, kinds, dates, articles."""
    problems: list[RecordProblem] = []
    seen: dict[tuple[str, ActionKind, str, str, str], Action] = {}
    met: dict[str, State] = {}  # each State looked up once; ``where`` is only built for a problem
    for action in actions:
        if action.treaty != treaty.id:
            problems.append(RecordProblem(action.where, "treaty", f"{action.treaty!r} is not {treaty.id!r}"))
            continue
        state = met.get(action.state)
        if state is None:
            if action.state not in states:
                problems.append(RecordProblem(action.where, "state", f"unknown State code {action.state!r}"))
                continue
            state = met[action.state] = states.get(action.state)
        span = action.date.span
        if span.latest < treaty.opened:
            problems.append(
                RecordProblem(
                    action.where,
                    "date",
                    f"{action.date} is before the treaty was opened for signature ({treaty.opened})",
                )
            )
        if span.earliest > today:
            problems.append(RecordProblem(action.where, "date", f"{action.date} is in the future (today is {today})"))
        if state.ended is not None and span.earliest > state.ended:
            problems.append(
                RecordProblem(
                    action.where, "date", f"{action.date} is after {state.name()} ceased to exist ({state.ended})"
                )
            )
        if action.kind is ActionKind.OBJECTION and action.target not in states:
            problems.append(
                RecordProblem(
                    action.where, "target", f"an objection must name the State objected to; got {action.target!r}"
                )
            )
        if action.kind is ActionKind.DECLARATION_WITHDRAWAL and action.date.open_start:
            problems.append(RecordProblem(action.where, "date", "a withdrawal needs its date"))
        key = (action.state, action.kind, action.date.text, action.article, action.target)
        if key in seen:
            problems.append(RecordProblem(action.where, "state", f"duplicates {seen[key].where}"))
        else:
            seen[key] = action
    return problems
