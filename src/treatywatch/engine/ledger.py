"""The ledger: what each State did under a treaty and when, and the rules a record must keep."""

from __future__ import annotations

import datetime as dt
from collections import deque
from collections.abc import Callable, Iterable, Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, fields
from itertools import compress
from typing import Any, TypeVar, cast

from .dates import PartialDate, Span
from .errors import RecordProblem
from .kinds import ActionKind
from .states import State, StateRegistry
from .treaty import Treaty

__all__ = ["Action", "check_structure"]

T = TypeVar("T")


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


def sort_keys(actions: Iterable[Action]) -> list[tuple[dt.date, int, str, str, str, str]]:
    """``Action.sort_key`` of each action, in one list comprehension (no call for each of hundreds of thousands
    of actions)."""
    return [((d := a.date).span.earliest, a.kind.order, a.state, a.article, a.target, d.text) for a in actions]


def in_order(actions: Sequence[Action]) -> tuple[list[int], list[tuple[dt.date, int, str, str, str, str]]]:
    """The positions of ``actions`` in ``Action.sort_key`` order, and the sort keys of the actions that share
    their day and kind with another (in that order: there, and only there, duplicates are neighbours).

    The same order as sorting by ``Action.sort_key``, faster: the actions are sorted by day and kind, one
    integer each (``PartialDate.day_key`` plus the kind's order), then the actions that share their day and
    kind with another are sorted again, all together, by their whole keys, and put back in the places they
    held. That is the order of the whole keys, which begin with the day and kind: each run of equal integers
    gets its own actions back, in order. Integers sort several times faster than tuples of dates and strings,
    and in a ledger most actions are alone on their day with their kind."""
    rough = [a.date.day_key + a.kind.order for a in actions]
    order = sorted(range(len(actions)), key=rough.__getitem__)
    rough = list(map(rough.__getitem__, order))
    first_of_pair = list(compress(range(len(rough) - 1), map(int.__eq__, rough, rough[1:])))
    if not first_of_pair:
        return order, []
    places = sorted(set(first_of_pair).union(map((1).__add__, first_of_pair)))  # where tied actions stand
    tied = list(map(order.__getitem__, places))
    keys = sort_keys(map(actions.__getitem__, tied))
    ranked = sorted(range(len(tied)), key=keys.__getitem__)  # stable: equal keys keep the rough order
    deque(map(order.__setitem__, places, map(tied.__getitem__, ranked)), maxlen=0)
    return order, list(map(keys.__getitem__, ranked))


class _Unfrozen:
    """An ``Action`` while it is made: the same slots, without the frozen ``__setattr__``.

    Plain attribute stores into slots are what Python makes fastest; the last one turns the object into an
    ``Action`` (same layout), which is then frozen like any other. ``new_action`` is this class, typed as
    making an ``Action``: ``Action.__init__`` without its twelve descriptor calls, for a ledger's rows.
    """

    # Action's slots, in Action's order (the layout must be the same): not sorted.
    __slots__ = (  # noqa: RUF023
        "treaty",
        "state",
        "kind",
        "date",
        "article",
        "target",
        "reference",
        "text",
        "note",
        "source",
        "effective",
        "origin",
    )
    treaty: str
    state: str
    kind: ActionKind
    date: PartialDate
    article: str
    target: str
    reference: str
    text: str
    note: str
    source: str
    effective: PartialDate | None
    origin: str

    def __init__(
        self,
        treaty: str,
        state: str,
        kind: ActionKind,
        date: PartialDate,
        article: str,
        target: str,
        reference: str,
        text: str,
        note: str,
        source: str,
        effective: PartialDate | None,
        origin: str,
    ) -> None:
        # A new field of Action needs its line here (and the check below fails until it has its slot).
        self.treaty = treaty
        self.state = state
        self.kind = kind
        self.date = date
        self.article = article
        self.target = target
        self.reference = reference
        self.text = text
        self.note = note
        self.source = source
        self.effective = effective
        self.origin = origin
        self.__class__ = Action  # type: ignore[assignment]


if _Unfrozen.__slots__ != Action.__slots__:  # pragma: no cover - a field added to Action only
    raise TypeError(f"_Unfrozen.__slots__ {_Unfrozen.__slots__} differ from Action's {Action.__slots__}")

new_action = cast(
    Callable[[str, str, ActionKind, PartialDate, str, str, str, str, str, str, PartialDate | None, str], Action],
    _Unfrozen,
)
"""``Action(...)`` with every field, positionally in ``Action``'s order, made faster (see ``_Unfrozen``)."""

_setters: dict[str, Any] = {f.name: getattr(Action, f.name).__set__ for f in fields(Action)}
_set_treaty, _set_state, _set_kind, _set_date = (_setters[n] for n in ("treaty", "state", "kind", "date"))
_set_article, _set_target, _set_reference = _setters["article"], _setters["target"], _setters["reference"]
_set_text, _set_note, _set_source = _setters["text"], _setters["note"], _setters["source"]
_set_effective, _set_origin = _setters["effective"], _setters["origin"]


def check_structure(
    treaty: Treaty, actions: Iterable[Action], states: StateRegistry, today: dt.date
) -> list[RecordProblem]:
    """Rules one record can break on its own, or with a duplicate: codes, kinds, dates, articles."""
    actions = actions if isinstance(actions, (list, tuple)) else list(actions)
    if structure_ok(treaty, actions, states, today):
        return []
    return structure_problems(treaty, actions, states, today)


def structure_problems(
    treaty: Treaty, actions: Iterable[Action], states: StateRegistry, today: dt.date
) -> list[RecordProblem]:
    """``check_structure`` action by action: each problem, in order, with its location."""
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


def positions(items: list[T], value: T) -> list[int]:
    """Where ``value`` is in ``items``: ``list.index`` searches in C, so a rare value costs little."""
    found: list[int] = []
    at = -1
    try:
        while True:
            at = items.index(value, at + 1)
            found.append(at)
    except ValueError:
        return found


def structure_ok(
    treaty: Treaty,
    actions: Sequence[Action],
    states: StateRegistry,
    today: dt.date,
    sort_keys: Sequence[tuple[Any, ...]] | None = None,
    columns: tuple[list[str], list[ActionKind], list[Span], AbstractSet[str]] | None = None,
) -> bool:
    """True only if ``check_structure`` finds no problem, tested rule by rule over whole columns (mostly C
    loops: a load checks hundreds of thousands of actions); when False, ``check_structure`` says what is wrong.

    ``sort_keys``: given when the actions are sorted by ``Action.sort_key``: their keys, or at least the keys of
    every action that shares its day and kind with another, in that order (``in_order``). Actions with the
    same duplicate key have the same sort key (the day comes from the date's text, the order from the kind),
    so in that order duplicates are neighbours, the earliest day is the first action's and the latest the
    last action's, and each State's latest start is its last action's. ``columns``: the actions' States, kinds and
    date spans, and the States that acted, when the caller has them."""
    if not actions:
        return True
    codes, kinds, spans, acting = columns or (
        [a.state for a in actions],
        [a.kind for a in actions],
        [a.date.span for a in actions],
        set(),
    )
    if [a.treaty for a in actions].count(treaty.id) != len(actions):
        return False
    acting = acting or set(codes)
    known = states.codes.keys()
    if not acting <= known:
        return False
    if sort_keys is None:
        starts = [span.earliest for span in spans]
        lowest, highest = min(starts), max(starts)
    else:
        lowest, highest = spans[0].earliest, spans[-1].earliest
    if highest > today or (lowest < treaty.opened and min([span.latest for span in spans]) < treaty.opened):
        return False
    ended = {code: end for code, end in states.ended.items() if code in acting}
    if ended:
        if sort_keys is not None:
            backwards = codes[::-1]
            if any(spans[-1 - backwards.index(code)].earliest > end for code, end in ended.items()):
                return False
        elif any(code in ended and span.earliest > ended[code] for code, span in zip(codes, spans, strict=True)):
            return False
    if not {actions[i].target for i in positions(kinds, ActionKind.OBJECTION)} <= known:
        return False
    if any(spans[i].earliest == dt.date.min for i in positions(kinds, ActionKind.DECLARATION_WITHDRAWAL)):
        return False  # a withdrawal with an open start
    if sort_keys is not None:
        return not any(map(tuple.__eq__, sort_keys, sort_keys[1:]))
    return len({(a.state, a.kind, a.date.text, a.article, a.target) for a in actions}) == len(actions)
