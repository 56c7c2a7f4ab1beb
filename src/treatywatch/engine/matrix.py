"""The ratification matrix: every State's position under every instrument as of a day, and counts over it.

Pure functions over checked records: ``matrix(records, states, day)`` gives one row per State with one cell per
instrument; ``core_count`` counts the nine core treaties a State is bound by; ``target_list`` is the campaign's
list of States bound by at least ``n`` core treaties but not by the Migrant Workers Convention.

A State counts as bound ("party" in the counts) from the deposit of its instrument: a contracting State, for which
the treaty has not yet entered into force, counts as well as a party for which it has. Positions and their dates
are ``TreatyRecord.standing``'s, so the matrix says exactly what the treaty and State pages say.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date

from .dates import Span
from .record import TreatyRecord
from .states import State, StateRegistry
from .treaty import Treaty

__all__ = [
    "BOUND",
    "CORE_TREATIES",
    "MIGRANT_WORKERS",
    "Cell",
    "Matrix",
    "Row",
    "core_columns",
    "core_count",
    "instrument_order",
    "matrix",
    "matrix_states",
    "target_list",
]

CORE_TREATIES = ("ICERD", "ICESCR", "ICCPR", "CEDAW", "CAT", "CRC", "ICRMW", "CRPD", "CED")
"""The nine core international human-rights treaties (OHCHR), in the order of their adoption."""
MIGRANT_WORKERS = "ICRMW"
BOUND = frozenset({"party", "contracting"})
"""The positions that count as bound: the State's instrument is deposited and it has not withdrawn."""


@dataclass(frozen=True, slots=True)
class Cell:
    """One State's position under one instrument as of the day."""

    position: str
    """party | contracting | signatory | withdrawn | none (``TreatyRecord.position``)."""
    uncertain: bool
    """A partial date leaves the position uncertain on the day."""
    since: Span | None
    """Entry into force for the State (party), its consent (contracting), the day it ceased to be bound
    (withdrawn), its signature (signatory); None for none."""

    @property
    def bound(self) -> bool:
        return self.position in BOUND


NONE = Cell("none", False, None)


@dataclass(frozen=True, slots=True)
class Row:
    state: State
    cells: tuple[Cell, ...]
    """One per instrument, in the order of ``Matrix.instruments``."""
    core_count: int
    """Core treaties (``CORE_TREATIES``) among the instruments by which the State is bound."""
    bound_count: int
    """Instruments of the matrix by which the State is bound."""


@dataclass(frozen=True, slots=True)
class Matrix:
    day: date
    instruments: tuple[Treaty, ...]
    rows: tuple[Row, ...]

    def column(self, ident: str) -> int:
        return next(i for i, t in enumerate(self.instruments) if t.id == ident)

    def bound_totals(self) -> tuple[int, ...]:
        """For each instrument, how many of the rows are bound by it."""
        return tuple(sum(1 for row in self.rows if row.cells[i].bound) for i in range(len(self.instruments)))


def instrument_order(treaties: Iterable[Treaty]) -> list[Treaty]:
    """Treaties in the order of their adoption, each followed by its protocols (in the order of theirs)."""
    items = list(treaties)
    children: dict[str | None, list[Treaty]] = {}
    known = {t.id for t in items}
    for t in items:
        children.setdefault(t.parent if t.parent in known else None, []).append(t)
    for group in children.values():
        group.sort(key=lambda t: (t.adopted, t.id))
    ordered: list[Treaty] = []

    def walk(parent: str | None) -> None:
        for t in children.get(parent, []):
            ordered.append(t)
            walk(t.id)

    walk(None)
    return ordered


def matrix_states(states: StateRegistry, day: date) -> list[State]:
    """The States of the matrix on ``day``: every State that existed then, except an entity whose record its
    continuator carries (the USSR's is the Russian Federation's in the record, as in UN tables)."""
    return [s for s in states if s.exists_on(day) and s.continued_by is None]


def matrix(records: Iterable[TreatyRecord], states: Iterable[State], day: date) -> Matrix:
    """The position of each State under each instrument on ``day``; instruments in ``instrument_order``."""
    by_id = {r.treaty.id: r for r in records}
    order = instrument_order(r.treaty for r in by_id.values())
    standings = [by_id[t.id].standings(day) for t in order]
    core = tuple(t.id in CORE_TREATIES for t in order)
    cells_of: list[dict[str, Cell]] = [
        {code: Cell(position, uncertain, since) for code, (position, uncertain, since) in found.items()}
        for found in standings
    ]
    rows = []
    for state in states:
        cells = tuple(column.get(state.code, NONE) for column in cells_of)
        bound = [cell.position in BOUND for cell in cells]
        rows.append(
            Row(
                state,
                cells,
                core_count=sum(1 for b, c in zip(bound, core, strict=True) if b and c),
                bound_count=sum(bound),
            )
        )
    return Matrix(day, tuple(order), tuple(rows))


def core_count(records: Mapping[str, TreatyRecord], code: str, day: date) -> int:
    """How many of the core treaties held in ``records`` the State ``code`` is bound by on ``day``."""
    return sum(1 for ident in CORE_TREATIES if ident in records and records[ident].position(code, day)[0] in BOUND)


def target_list(grid: Matrix, n: int) -> list[Row]:
    """The rows bound by at least ``n`` core treaties but not by the Migrant Workers Convention, most core
    treaties first (ties in the order of ``grid.rows``); empty when the matrix has no such column."""
    if not any(t.id == MIGRANT_WORKERS for t in grid.instruments):
        return []
    column = grid.column(MIGRANT_WORKERS)
    found = [row for row in grid.rows if row.core_count >= n and not row.cells[column].bound]
    found.sort(key=lambda row: -row.core_count)
    return found


def core_columns(grid: Matrix) -> Sequence[int]:
    """The columns of ``grid`` that are core treaties, in the order of the matrix."""
    return [i for i, t in enumerate(grid.instruments) if t.id in CORE_TREATIES]
