"""The API's answers as JSON-ready dicts, built from the engine through ``treatywatch.serialize``.

The status, participant, action, history and report objects are ``serialize``'s own output: the API adds only
what is about the API (identifiers of stored actions, links, pagination).
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from datetime import date
from functools import cached_property
from typing import Any

from treatywatch.catalogue import Catalogue
from treatywatch.engine import LANGUAGES, Action, State, TreatyRecord
from treatywatch.serialize import action_dict, due_dict, history_dict, participant_dict, status_dict, timeline_dict
from treatywatch.treaties import models, store

from .caching import Stamp

__all__ = ["API_ROOT", "Snapshot", "forget", "snapshot"]

API_ROOT = "/api/v1"
ActionKey = tuple[str, str, str, str, str, str]


def natural_key(a: Action) -> ActionKey:
    """The stored action's unique constraint (``action_natural_key``), from an engine action."""
    return (a.treaty, a.state, a.kind.value, a.date.text, a.article, a.target)


@dataclass(eq=False)
class Snapshot:
    """The engine's view of one version of the record on one day, with the stored actions' ids."""

    stamp: Stamp
    cat: Catalogue
    ids: dict[ActionKey, int]

    def action_id(self, a: Action) -> int | None:
        return self.ids.get(natural_key(a))

    @cached_property
    def ordered(self) -> list[tuple[int, Action]]:
        return self.actions()

    def actions(self) -> list[tuple[int, Action]]:
        """Every stored action with its id, ordered by date (earliest possible day) then id."""
        rows = []
        for record in self.cat.records():
            for a in record.actions:
                pk = self.action_id(a)
                if pk is not None:
                    rows.append((record.span(a).earliest, pk, a))
        rows.sort(key=lambda r: (r[0], r[1]))
        return [(pk, a) for _, pk, a in rows]

    # ------------------------------------------------------------------------------------------------------
    # treaties

    def treaty_summary(self, record: TreatyRecord, day: date, lang: str) -> dict[str, Any]:
        t = record.treaty
        s = record.status(day)
        return {
            "id": t.id,
            "untc": t.untc,
            "title": t.title(lang),
            "titles": {code: t.title(code) for code in LANGUAGES},
            "adopted": t.adopted.isoformat(),
            "opened": t.opened.isoformat(),
            "depositary": t.depositary,
            "as_of": day.isoformat(),
            "in_force": s.in_force,
            "entry_into_force": s.entry_into_force.iso() if s.entry_into_force else None,
            "contracting_states": s.contracting_states,
            "parties_in_force": s.parties_in_force,
            "signatories_not_bound": s.signatories_not_bound,
            "record_as_of": t.record_as_of.isoformat() if t.record_as_of else None,
            "links": treaty_links(t.id),
        }

    def treaty_detail(self, record: TreatyRecord, day: date, lang: str) -> dict[str, Any]:
        t = record.treaty
        eif = t.entry_into_force
        clauses: dict[str, Any] = {
            "entry_into_force": {
                "article": eif.article,
                "threshold": eif.threshold,
                "counts": sorted(k.value for k in eif.counts),
                "rule": eif.rule.describe(),
                "later_states": eif.later_states.value,
                "later_rule": eif.later_rule.describe(),
            },
            "denunciation": None,
            "committee": None,
            "reporting": None,
            "procedures": [
                {"id": p.id, "article": p.article, "title": p.title, "threshold": p.threshold} for p in t.procedures
            ],
        }
        if t.denunciation is not None:
            d = t.denunciation
            clauses["denunciation"] = {
                "article": d.article,
                "rule": d.rule.describe(),
                "not_before": str(d.not_before) if d.not_before else None,
            }
        if t.committee is not None:
            c = t.committee
            clauses["committee"] = {
                "article": c.article,
                "name": c.name,
                "initial_size": c.initial_size,
                "enlargements": [{"size": e.size, "n": e.n, "trigger": e.trigger.value} for e in c.enlargements],
            }
        if t.reporting is not None:
            r = t.reporting
            clauses["reporting"] = {"article": r.article, "initial": str(r.initial), "periodic": str(r.periodic)}
        return {
            **self.treaty_summary(record, day, lang),
            "parent": t.parent,
            "adopted_by": t.adopted_by or None,
            "final_clauses": clauses,
            "sources": list(t.sources),
        }

    def status(self, record: TreatyRecord, day: date, lang: str) -> dict[str, Any]:
        return status_dict(record, record.status(day), lang)

    def participants(self, record: TreatyRecord, day: date, lang: str) -> dict[str, Any]:
        rows = [participant_dict(record.states, p, lang) for p in record.participants(day)]
        return {"treaty": record.treaty.id, "as_of": day.isoformat(), "count": len(rows), "participants": rows}

    def timeline(self, record: TreatyRecord) -> dict[str, Any]:
        return {"treaty": record.treaty.id, "timeline": timeline_dict(record.timeline())}

    # ------------------------------------------------------------------------------------------------------
    # States

    def state_summary(self, state: State, day: date, lang: str) -> dict[str, Any]:
        positions = {}
        for record in self.cat.records():
            position, uncertain = record.position(state.code, day)
            positions[record.treaty.id] = {"position": position, "uncertain": uncertain}
        return {
            "code": state.code,
            "m49": state.m49,
            "name": state.name(lang),
            "names": {code: state.name(code) for code in LANGUAGES},
            "member": state.member,
            "region": state.region or None,
            "subregion": state.subregion or None,
            "ended": state.ended.isoformat() if state.ended else None,
            "successors": list(state.successors),
            "continued_by": state.continued_by,
            "positions": positions,
            "links": {
                "self": f"{API_ROOT}/states/{state.code}",
                "obligations": f"{API_ROOT}/states/{state.code}/obligations",
                "portal": f"/{portal_lang(lang)}/states/{state.code}/",
                "feed": f"/{portal_lang(lang)}/feeds/states/{state.code}.atom",
            },
        }

    def state_detail(self, state: State, day: date, lang: str) -> dict[str, Any]:
        treaties = []
        for record in self.cat.records():
            found = record.history(state.code, day)
            history = history_dict(record, found, lang)
            for item, a in zip(history["actions"], found.actions, strict=True):
                item["id"] = self.action_id(a)
            treaties.append(history)
        return {**self.state_summary(state, day, lang), "as_of": day.isoformat(), "treaties": treaties}

    def obligations(self, state: State, day: date, records: list[TreatyRecord], lang: str) -> dict[str, Any]:
        reports = []
        for record in records:
            for due in record.obligations(day, state.code):
                reports.append({"treaty": record.treaty.id, **due_dict(record.states, due, lang)})
        return {
            "state": {"code": state.code, "m49": state.m49, "name": state.name(lang)},
            "as_of": day.isoformat(),
            "reports": reports,
        }

    # ------------------------------------------------------------------------------------------------------
    # actions

    def action_item(self, pk: int, a: Action) -> dict[str, Any]:
        return {"id": pk, **action_dict(a)}


def treaty_links(ident: str) -> dict[str, str]:
    return {
        "self": f"{API_ROOT}/treaties/{ident}",
        "status": f"{API_ROOT}/treaties/{ident}/status",
        "participants": f"{API_ROOT}/treaties/{ident}/participants",
        "timeline": f"{API_ROOT}/treaties/{ident}/timeline",
        "actions": f"{API_ROOT}/actions?treaty={ident}",
        "ledger_csv": f"/data/{ident}/ledger.csv",
        "participants_csv": f"/data/{ident}/participants.csv",
        "badge": f"/badge/{ident}.svg",
        "feed": f"/en/feeds/treaties/{ident}.atom",
    }


def portal_lang(lang: str) -> str:
    """The URL prefix of an engine language ("zh" is served under /zh-hans/)."""
    return "zh-hans" if lang == "zh" else lang


_lock = threading.Lock()
_latest: Snapshot | None = None


def snapshot(stamp: Stamp) -> Snapshot:
    """The snapshot for this version and day, built once per process (the catalogue is cached by the store)."""
    global _latest
    with _lock:
        latest = _latest
        if latest is None or latest.stamp.version != stamp.version or latest.stamp.today != stamp.today:
            rows = models.Action.objects.values_list("pk", "treaty_id", "state_id", "kind", "date", "article", "target")
            ids = {(t, s, k, d, a, g): pk for pk, t, s, k, d, a, g in rows}
            latest = Snapshot(stamp, store.catalogue(stamp.today), ids)
            _latest = latest
        return latest


def forget() -> None:
    """Drop the cached snapshot (tests)."""
    global _latest
    with _lock:
        _latest = None
