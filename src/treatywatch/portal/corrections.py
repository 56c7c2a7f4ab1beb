"""Corrections to the record, shown publicly: the ledger keeps the superseded entry and the reason."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from django.utils.translation import pgettext

from treatywatch.catalogue import Catalogue
from treatywatch.engine import ActionKind, DateError, PartialDate
from treatywatch.treaties import models

from . import memo
from .formatting import day_text, partial_text
from .labels import kind_label

LIMIT = 50
"""Corrections shown on a State's page, newest first."""


@dataclass(frozen=True)
class Correction:
    treaty: str
    recorded: str
    before: str
    after: str
    reason: str
    retraction: bool


def entry_text(a: models.Action) -> str:
    """The entry in the page language: "Accession, 5 June 2007", "Declaration (article 77), 2016"."""
    try:
        label = kind_label(ActionKind.parse(a.kind))
    except ValueError:
        label = a.kind
    if a.article:
        label = pgettext("action with article", "%(action)s (article %(article)s)") % {
            "action": label,
            "article": a.article,
        }
    try:
        when = partial_text(PartialDate.parse(a.date))
    except DateError:
        when = a.date
    return pgettext("an entry of the record: its action and date", "%(action)s, %(date)s") % {
        "action": label,
        "date": when,
    }


def _superseding() -> dict[str, list[models.Action]]:
    """The entries that supersede another, by State, newest first: the first ``LIMIT`` of each State's."""
    found: dict[str, list[models.Action]] = defaultdict(list)
    rows = models.Action.objects.filter(supersedes__isnull=False).select_related("supersedes")
    for a in rows.order_by("-recorded_at", "-id"):
        if len(kept := found[a.state_id]) < LIMIT:
            kept.append(a)
    return dict(found)


def corrections_for(code: str, cat: Catalogue | None = None) -> list[Correction]:
    """Every correction or retraction written about the State, newest first (both entries stay on the ledger).

    With ``cat``, the entries of every State are read once for that catalogue (one version of the record, one
    day: every write to the ledger makes a new ``RecordVersion``), not once per page.
    """
    if cat is not None:
        rows: Iterable[models.Action] = memo.kept(cat, "corrections", _superseding).get(code, [])
    else:
        rows = (
            models.Action.objects.filter(state_id=code, supersedes__isnull=False)
            .select_related("supersedes")
            .order_by("-recorded_at", "-id")[:LIMIT]
        )
    return [
        Correction(
            treaty=a.treaty_id,
            recorded=day_text(a.recorded_at.date()),
            before=entry_text(a.supersedes) if a.supersedes else "",
            after="" if a.retraction else entry_text(a),
            reason=a.reason,
            retraction=a.retraction,
        )
        for a in rows
        if a.recorded_by != "load"  # reloading the shipped files is not a correction of the record
    ]
