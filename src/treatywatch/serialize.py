"""Engine results as plain JSON-ready dicts: one serializer for the CLI, the API and the downloads.

Dates are ISO; a partial date keeps the text the record gives ("2016", "2024-11") beside its precision; a
computed date from a partial one is an EDTF interval ("2016-05-01/2017-04-01") with ``uncertain: true``.
"""

from __future__ import annotations

from typing import Any

from .engine import (
    Action,
    Due,
    Participant,
    Reconciliation,
    Span,
    State,
    StateHistory,
    StateRegistry,
    Status,
    TimelinePoint,
    TreatyRecord,
)
from .engine.matrix import CORE_TREATIES, MIGRANT_WORKERS, Cell, Matrix, Row

__all__ = [
    "action_dict",
    "cell_dict",
    "due_dict",
    "history_dict",
    "matrix_dict",
    "participant_dict",
    "reconciliation_dict",
    "span_text",
    "status_dict",
    "targets_dict",
    "timeline_dict",
]


def span_text(span: Span | None) -> str | None:
    return None if span is None else span.iso()


def status_dict(record: TreatyRecord, status: Status, lang: str = "en") -> dict[str, Any]:
    participants = record.participants(status.as_of)
    return {
        "treaty": status.treaty,
        "title": record.treaty.title(lang),
        "as_of": status.as_of.isoformat(),
        "record_as_of": status.record_as_of.isoformat() if status.record_as_of else None,
        "contracting_states": status.contracting_states,
        "contracting_states_uncertain": status.contracting_states_uncertain,
        "parties_in_force": status.parties_in_force,
        "parties_in_force_uncertain": status.parties_in_force_uncertain,
        "signatories": status.signatories,
        "signatories_not_bound": status.signatories_not_bound,
        "signatories_not_bound_uncertain": status.signatories_not_bound_uncertain,
        "in_force": status.in_force,
        "entry_into_force": span_text(status.entry_into_force),
        "threshold": status.threshold,
        "instruments_counted": status.instruments_counted,
        "instruments_needed": status.instruments_needed,
        "threshold_reached": span_text(status.threshold_reached),
        "committee_size": status.committee_size,
        "procedures": {
            p.id: {
                "article": p.article,
                "title": p.title,
                "threshold": p.threshold,
                "declarations": p.declarations,
                "declarations_uncertain": p.declarations_uncertain,
                "declarations_recorded": p.declarations_recorded,
                "operative": p.operative if p.declarations_recorded else None,
                "operative_since": span_text(p.operative_since),
                "declarants": list(p.declarants),
            }
            for p in status.procedures
        },
        "states": [participant_dict(record.states, p, lang) for p in participants],
    }


def participant_dict(states: StateRegistry, p: Participant, lang: str = "en") -> dict[str, Any]:
    state = states.get(p.state)
    return {
        "code": state.code,
        "m49": state.m49,
        "name": state.name(lang),
        "position": p.position,
        "uncertain": p.uncertain,
        "signature": p.signature.date.text if p.signature else None,
        "consent": p.consent.date.text if p.consent else None,
        "consent_kind": p.consent.kind.value if p.consent else None,
        "consent_mark": p.consent.kind.table_mark if p.consent else None,
        "entry_into_force": span_text(p.entry_into_force),
        "denunciation": p.denunciation.date.text if p.denunciation else None,
        "withdrawal_effective": span_text(p.withdrawal_effective),
        "declarations": [action_dict(a) for a in p.declarations],
        "reservations": [action_dict(a) for a in p.reservations],
        "objections": [action_dict(a) for a in p.objections],
    }


def action_dict(a: Action) -> dict[str, Any]:
    return {
        "treaty": a.treaty,
        "state": a.state,
        "kind": a.kind.value,
        "date": a.date.text,
        "date_precision": a.date.precision.value,
        "article": a.article or None,
        "target": a.target or None,
        "effective": a.effective.text if a.effective else None,
        "reference": a.reference or None,
        "text": a.text or None,
        "note": a.note or None,
        "source": a.source or None,
    }


def due_dict(states: StateRegistry, d: Due, lang: str = "en") -> dict[str, Any]:
    return {
        "state": d.state,
        "name": states.get(d.state).name(lang),
        "report": d.label,
        "number": d.number,
        "due": d.due.iso(),
        "uncertain": not d.due.exact,
        "past_due_date": d.overdue_if_missing,
    }


def history_dict(record: TreatyRecord, h: StateHistory, lang: str = "en") -> dict[str, Any]:
    state = record.states.get(h.state)
    return {
        "treaty": h.treaty,
        "as_of": h.as_of.isoformat(),
        "state": {"code": state.code, "m49": state.m49, "name": state.name(lang)},
        "position": h.position,
        "actions": [action_dict(a) for a in h.actions],
        "terms": [
            {
                "consent": t.consent.date.text,
                "consent_kind": t.consent.kind.value,
                "entry_into_force": span_text(t.entry_into_force),
                "denunciation": t.denunciation.date.text if t.denunciation else None,
                "exit": span_text(t.exit),
                "exit_reason": t.exit_reason or None,
            }
            for t in h.terms
        ],
        "reports": [due_dict(record.states, d, lang) for d in h.dues],
        "denunciation_possible_from": span_text(h.denunciation_possible_from),
    }


def timeline_dict(points: list[TimelinePoint]) -> list[dict[str, Any]]:
    return [
        {
            "date": p.day.isoformat(),
            "contracting_states": p.contracting_states,
            "parties_in_force": p.parties_in_force,
            "signatories_not_bound": p.signatories_not_bound,
            "instruments_needed": p.instruments_needed,
            "in_force": p.in_force,
            "actions": [f"{a.state} {a.kind.value}" for a in p.actions],
        }
        for p in points
    ]


def reconciliation_dict(r: Reconciliation) -> dict[str, Any]:
    return {
        "treaty": r.treaty,
        "computed": span_text(r.computed),
        "recorded": r.recorded.isoformat() if r.recorded else None,
        "agrees": r.agrees,
        "difference_days": r.difference_days,
        "threshold_instrument": span_text(r.threshold),
        "causes": list(r.causes),
        "absent_predecessors": list(r.absent_predecessors),
    }


def cell_dict(cell: Cell) -> dict[str, Any]:
    """One State's position under one instrument in the matrix: the date is the one its position dates from."""
    return {"position": cell.position, "date": span_text(cell.since), "uncertain": cell.uncertain}


def matrix_dict(grid: Matrix, lang: str = "en") -> dict[str, Any]:
    """The ratification matrix: each instrument (with the day its record was checked, when not kept current)
    and each State's position under each, keyed by instrument."""
    ids = [t.id for t in grid.instruments]
    return {
        "as_of": grid.day.isoformat(),
        "core_treaties": list(CORE_TREATIES),
        "instruments": [
            {
                "id": t.id,
                "title": t.title(lang),
                "core": t.id in CORE_TREATIES,
                "record_as_of": t.record_as_of.isoformat() if t.record_as_of else None,
            }
            for t in grid.instruments
        ],
        "states": [
            {
                **_state_ref(row.state, lang),
                "core_count": row.core_count,
                "bound_count": row.bound_count,
                "positions": {ident: cell_dict(cell) for ident, cell in zip(ids, row.cells, strict=True)},
            }
            for row in grid.rows
        ],
    }


def targets_dict(grid: Matrix, rows: list[Row], n: int, lang: str = "en") -> dict[str, Any]:
    """The campaign's list: States bound by at least ``n`` core treaties but not by the Migrant Workers
    Convention, with the core treaties each is bound by and its position under the Convention."""
    core = [(i, t) for i, t in enumerate(grid.instruments) if t.id in CORE_TREATIES]
    icrmw = grid.column(MIGRANT_WORKERS) if any(t.id == MIGRANT_WORKERS for t in grid.instruments) else None
    return {
        "as_of": grid.day.isoformat(),
        "n": n,
        "core_treaties": list(CORE_TREATIES),
        "records_as_of": {t.id: t.record_as_of.isoformat() for _, t in core if t.record_as_of},
        "count": len(rows),
        "states": [
            {
                **_state_ref(row.state, lang),
                "core_count": row.core_count,
                "core_bound": [t.id for i, t in core if row.cells[i].bound],
                "icrmw": cell_dict(row.cells[icrmw]) if icrmw is not None else None,
            }
            for row in rows
        ],
    }


def _state_ref(state: State, lang: str) -> dict[str, Any]:
    return {"code": state.code, "m49": state.m49, "name": state.name(lang), "region": state.region or None}
