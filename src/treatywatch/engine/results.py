"""What the queries answer: plain frozen dataclasses, serialised by the edges (CLI, API, portal)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import cast

from .dates import Span
from .ledger import Action

__all__ = [
    "Due",
    "Participant",
    "ProcedureStatus",
    "StateHistory",
    "Status",
    "Term",
    "TimelinePoint",
]


@dataclass(frozen=True, slots=True)
class Term:
    """One period of a State's consent to be bound: from its instrument to its denunciation (or its end)."""

    state: str
    consent: Action
    consent_span: Span
    entry_into_force: Span | None
    """None while the treaty has not reached its threshold, or its parent is not in force."""
    denunciation: Action | None = None
    exit: Span | None = None
    """First day the State is no longer bound: the denunciation takes effect, or the entity ceased to exist."""
    exit_reason: str = ""


class _UnfrozenTerm:
    """A ``Term`` while it is made: the same slots, without the frozen ``__setattr__`` (see ``ledger._Unfrozen``).

    ``new_term`` is this class, typed as making a ``Term``: a record makes one for each consent.
    """

    # Term's slots, in Term's order (the layout must be the same): not sorted.
    __slots__ = (  # noqa: RUF023
        "state",
        "consent",
        "consent_span",
        "entry_into_force",
        "denunciation",
        "exit",
        "exit_reason",
    )
    state: str
    consent: Action
    consent_span: Span
    entry_into_force: Span | None
    denunciation: Action | None
    exit: Span | None
    exit_reason: str

    def __init__(
        self,
        state: str,
        consent: Action,
        consent_span: Span,
        entry_into_force: Span | None,
        denunciation: Action | None,
        exit: Span | None,
        exit_reason: str,
    ) -> None:
        # A new field of Term needs its line here (and the check below fails until it has its slot).
        self.state = state
        self.consent = consent
        self.consent_span = consent_span
        self.entry_into_force = entry_into_force
        self.denunciation = denunciation
        self.exit = exit
        self.exit_reason = exit_reason
        self.__class__ = Term  # type: ignore[assignment]


if _UnfrozenTerm.__slots__ != Term.__slots__:  # pragma: no cover - a field added to Term only
    raise TypeError(f"_UnfrozenTerm.__slots__ {_UnfrozenTerm.__slots__} differ from Term's {Term.__slots__}")

new_term = cast(
    Callable[[str, Action, Span, Span | None, Action | None, Span | None, str], Term],
    _UnfrozenTerm,
)
"""``Term(...)`` with every field, positionally in ``Term``'s order, made faster (see ``_UnfrozenTerm``)."""


@dataclass(frozen=True, slots=True)
class ProcedureStatus:
    id: str
    article: str
    title: str
    threshold: int
    declarations: int
    declarations_uncertain: int
    operative: bool
    operative_since: Span | None
    declarants: tuple[str, ...]
    declarations_recorded: bool = True
    """False when the record, copied from status tables (``record_as_of``), holds no declaration under the
    procedure at all: whether it operates is then unknown, not false."""


@dataclass(frozen=True, slots=True)
class Participant:
    """A State's row in the participants table as of a day."""

    state: str
    position: str
    """party (in force for it) | contracting (bound, not yet in force) | signatory | withdrawn | none."""
    uncertain: bool
    signature: Action | None
    consent: Action | None
    entry_into_force: Span | None
    denunciation: Action | None
    withdrawal_effective: Span | None
    declarations: tuple[Action, ...]
    reservations: tuple[Action, ...]
    objections: tuple[Action, ...]


@dataclass(frozen=True, slots=True)
class Status:
    treaty: str
    as_of: date
    contracting_states: int
    contracting_states_uncertain: int
    parties_in_force: int
    parties_in_force_uncertain: int
    signatories_not_bound: int
    signatories_not_bound_uncertain: int
    signatories: int
    instruments_counted: int
    instruments_needed: int
    threshold: int
    threshold_reached: Span | None
    in_force: bool
    entry_into_force: Span | None
    committee_size: int | None
    procedures: tuple[ProcedureStatus, ...]
    record_as_of: date | None


@dataclass(frozen=True, slots=True)
class Due:
    """A report due under the reporting article: the initial one, then each periodic one."""

    state: str
    number: int
    """1 is the initial report, 2 the first periodic report, and so on."""
    due: Span
    overdue_if_missing: bool
    """The due date has passed as of the day asked about."""

    @property
    def label(self) -> str:
        return "initial" if self.number == 1 else f"periodic {self.number - 1}"


@dataclass(frozen=True, slots=True)
class TimelinePoint:
    day: date
    contracting_states: int
    parties_in_force: int
    signatories_not_bound: int
    instruments_needed: int
    in_force: bool
    actions: tuple[Action, ...]


@dataclass(frozen=True, slots=True)
class StateHistory:
    treaty: str
    state: str
    as_of: date
    position: str
    actions: tuple[Action, ...]
    """The State's own actions and those of its predecessors, oldest first, known as of the day."""
    terms: tuple[Term, ...]
    dues: tuple[Due, ...]
    denunciation_possible_from: Span | None
    """Earliest day a notification of denunciation may be made (ICRMW art. 89(1)), when bound."""
