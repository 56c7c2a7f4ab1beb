"""The stored record as engine objects, rebuilt only when the record changes.

Views, commands and the API call ``catalogue()``; it costs one small query when nothing changed.
"""

from __future__ import annotations

import threading
from datetime import date, datetime

from treatywatch.catalogue import Catalogue
from treatywatch.engine import Action as EngineAction
from treatywatch.engine import ActionKind, PartialDate, StateRegistry
from treatywatch.engine import State as EngineState
from treatywatch.engine import Treaty as EngineTreaty

from . import models

_lock = threading.Lock()
_cached: tuple[int, date, Catalogue] | None = None


def version() -> int:
    """The id of the latest change to the stored record (0 when nothing was ever loaded)."""
    latest = models.RecordVersion.objects.order_by("-id").values_list("id", flat=True).first()
    return int(latest or 0)


def catalogue(today: date | None = None, recorded_by: datetime | None = None) -> Catalogue:
    """The engine's view of the stored record; cached per record version and day.

    ``recorded_by`` answers "what did the record say at that moment": entries written later, and corrections
    written later, are left out (not cached).
    """
    global _cached
    today = today or date.today()
    if recorded_by is not None:
        return build(today, recorded_by)
    current = version()
    with _lock:
        if _cached is not None and _cached[0] == current and _cached[1] == today:
            return _cached[2]
        built = build(today)
        _cached = (current, today, built)
        return built


def build(today: date, recorded_by: datetime | None = None) -> Catalogue:
    states = StateRegistry(
        EngineState(
            code=s.code,
            m49=s.m49,
            names={f[5:]: getattr(s, f) for f in models.LANG_FIELDS},
            region=s.region,
            subregion=s.subregion,
            member=s.member,
            ended=s.ended,
            successors=tuple(c for c in s.successors.split(";") if c),
            continued_by=s.continued_by or None,
        )
        for s in models.State.objects.all()
    )
    treaties = {
        t.id: EngineTreaty.from_mapping(t.definition, where=f"stored definition {t.id}")
        for t in models.Treaty.objects.all()
    }
    ledgers: dict[str, list[EngineAction]] = {}
    for a in models.Action.objects.current(recorded_by).order_by("id").iterator(chunk_size=5000):
        ledgers.setdefault(a.treaty_id, []).append(
            EngineAction(
                treaty=a.treaty_id,
                state=a.state_id,
                kind=ActionKind(a.kind),
                date=PartialDate.parse(a.date),
                article=a.article,
                target=a.target,
                reference=a.reference,
                text=a.text,
                note=a.note,
                source=a.source,
                effective=PartialDate.parse(a.effective) if a.effective else None,
                origin=f"action {a.pk}",
            )
        )
    sources = dict(models.Source.objects.values_list("id", "citation"))
    return Catalogue(states, treaties, ledgers, today, sources)


def forget() -> None:
    """Drop the cached catalogue (tests)."""
    global _cached
    with _lock:
        _cached = None
