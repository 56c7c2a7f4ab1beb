"""Load the shipped data files (definitions, States, ledgers, sources) into the store.

The files are checked by the engine first: if any treaty's record breaks a rule, nothing is stored.
Running it twice changes nothing; a changed file updates what changed, and the report says what.
"""

from __future__ import annotations

import csv
import hashlib
import tomllib
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from django.db import models as dj_models
from django.db import transaction

from treatywatch.catalogue import load_catalogue

from . import models


@dataclass
class LoadReport:
    added: dict[str, int] = field(default_factory=dict)
    changed: dict[str, int] = field(default_factory=dict)
    removed: dict[str, int] = field(default_factory=dict)

    def count(self, bucket: dict[str, int], what: str, n: int = 1) -> None:
        if n:
            bucket[what] = bucket.get(what, 0) + n

    @property
    def nothing(self) -> bool:
        return not (self.added or self.changed or self.removed)

    def __str__(self) -> str:
        if self.nothing:
            return "nothing changed"
        parts = []
        for label, bucket in (("added", self.added), ("changed", self.changed), ("removed", self.removed)):
            if bucket:
                parts.append(label + " " + ", ".join(f"{n} {what}" for what, n in sorted(bucket.items())))
        return "; ".join(parts)


def _state_rows(root: Path) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = []
    for name in ("states.csv", "historical_states.csv"):
        with (root / name).open(encoding="utf-8", newline="") as fh:
            for row in csv.DictReader(fh):
                rows.append(
                    {
                        "code": row["code"],
                        "m49": row["m49"].zfill(3),
                        "member": row.get("member") == "yes",
                        "region": row.get("region", ""),
                        "subregion": row.get("subregion", ""),
                        "latitude": float(row["latitude"]) if row.get("latitude") else None,
                        "longitude": float(row["longitude"]) if row.get("longitude") else None,
                        **{f: row[f] for f in models.LANG_FIELDS},
                        "ended": date.fromisoformat(row["ended"]) if row.get("ended") else None,
                        "successors": row.get("successors", ""),
                        "continued_by": row.get("continued_by", ""),
                        "note": row.get("note", ""),
                        "source": row.get("source", "") or "UN Countries & Territories Taxonomy (hdx-python-country)",
                    }
                )
    return rows


def _sync(report: LoadReport, what: str, model: type[dj_models.Model], rows: dict[Any, dict[str, Any]]) -> None:
    existing = {obj.pk: obj for obj in model._default_manager.all()}
    for key, values in rows.items():
        obj = existing.pop(key, None)
        if obj is None:
            model._default_manager.create(pk=key, **values)
            report.count(report.added, what)
            continue
        changed = [f for f, v in values.items() if getattr(obj, f) != v]
        if changed:
            for f in changed:
                setattr(obj, f, values[f])
            obj.save(update_fields=changed)
            report.count(report.changed, what)
    for obj in existing.values():
        obj.delete()
        report.count(report.removed, what)


def load(root: Path | None = None, today: date | None = None) -> LoadReport:
    cat = load_catalogue(root, today)
    for ident in cat.treaties:
        cat.record(ident)  # validates every ledger against its rules; raises before anything is stored
    root = root or Path(str(cat_root()))
    report = LoadReport()
    with transaction.atomic():
        _sync(report, "States", models.State, {r.pop("code"): r for r in _state_rows(root)})
        treaty_rows = {}
        for path in sorted((root / "treaties").glob("*.toml")):
            raw = path.read_bytes()
            data = tomllib.loads(raw.decode("utf-8"))
            definition = _jsonable(data)
            treaty_rows[data["id"]] = {
                "untc": data["untc"],
                "title_en": data["titles"]["en"],
                "definition": definition,
                "digest": hashlib.sha256(raw).hexdigest(),
            }
        _sync(report, "treaties", models.Treaty, treaty_rows)
        _sync(report, "sources", models.Source, {k: {"citation": v} for k, v in cat.sources.items()})
        _sync_actions(report, cat)
        if not report.nothing:
            models.RecordVersion.objects.create(summary=f"load: {report}")
    return report


def cat_root() -> Path:
    from treatywatch.catalogue import data_dir

    return data_dir()


def _jsonable(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _jsonable(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_jsonable(v) for v in value]
    if isinstance(value, date):
        return value.isoformat()
    return value


ACTION_FIELDS = ("date_earliest", "date_latest", "effective", "reference", "text", "note", "source", "origin")


def _sync_actions(report: LoadReport, cat: Any) -> None:
    existing = {(a.treaty_id, a.state_id, a.kind, a.date, a.article, a.target): a for a in models.Action.objects.all()}
    new = []
    for treaty_id, actions in cat.ledgers.items():
        for a in actions:
            key = (treaty_id, a.state, a.kind.value, a.date.text, a.article, a.target)
            values = {
                "date_earliest": a.date.span.earliest if not a.date.open_start else cat.treaties[treaty_id].opened,
                "date_latest": a.date.span.latest,
                "effective": a.effective.text if a.effective else "",
                "reference": a.reference,
                "text": a.text,
                "note": a.note,
                "source": a.source,
                "origin": a.origin,
            }
            row = existing.pop(key, None)
            if row is None:
                new.append(
                    models.Action(
                        treaty_id=treaty_id,
                        state_id=a.state,
                        kind=a.kind.value,
                        date=a.date.text,
                        article=a.article,
                        target=a.target,
                        **values,
                    )
                )
                continue
            changed = [f for f in ACTION_FIELDS if getattr(row, f) != values[f]]
            if changed:
                for f in changed:
                    setattr(row, f, values[f])
                row.save(update_fields=changed)
                report.count(report.changed, "actions")
    models.Action.objects.bulk_create(new, batch_size=1000)
    report.count(report.added, "actions", len(new))
    if existing:
        models.Action.objects.filter(pk__in=[a.pk for a in existing.values()]).delete()
        report.count(report.removed, "actions", len(existing))
