"""Corrections to the record, shown publicly: the ledger keeps the superseded entry and the reason."""

from __future__ import annotations

from dataclasses import dataclass

from treatywatch.treaties import models

from .formatting import day_text


@dataclass(frozen=True)
class Correction:
    treaty: str
    recorded: str
    before: str
    after: str
    reason: str
    retraction: bool


def _entry(a: models.Action) -> str:
    return f"{a.kind.replace('_', ' ')} {a.date}" + (f" (art. {a.article})" if a.article else "")


def corrections_for(code: str) -> list[Correction]:
    """Every correction or retraction written about the State, newest first (both entries stay on the ledger)."""
    rows = (
        models.Action.objects.filter(state_id=code, supersedes__isnull=False)
        .select_related("supersedes")
        .order_by("-recorded_at", "-id")[:50]
    )
    return [
        Correction(
            treaty=a.treaty_id,
            recorded=day_text(a.recorded_at.date()),
            before=_entry(a.supersedes) if a.supersedes else "",
            after="" if a.retraction else _entry(a),
            reason=a.reason,
            retraction=a.retraction,
        )
        for a in rows
        if a.recorded_by != "load"  # reloading the shipped files is not a correction of the record
    ]
