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
from .ledger import NewEntry, append


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


def _digests(root: Path) -> dict[str, str]:
    files = sorted(p for p in root.rglob("*") if p.is_file() and p.suffix in (".csv", ".toml"))
    return {str(p.relative_to(root)): hashlib.sha256(p.read_bytes()).hexdigest() for p in files}


def load(root: Path | None = None, today: date | None = None) -> LoadReport:
    digests = _digests(root or cat_root())
    stored = dict(models.LoadedFile.objects.values_list("path", "digest"))
    if stored == digests and models.Action.objects.exists():
        return LoadReport()  # the same files as last time: nothing to check or change
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
        models.LoadedFile.objects.all().delete()
        models.LoadedFile.objects.bulk_create(models.LoadedFile(path=p, digest=d) for p, d in digests.items())
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


ACTION_FIELDS = ("effective", "reference", "text", "note", "source")


def _sync_actions(report: LoadReport, cat: Any) -> None:
    """Append what the files add or change; retract what they no longer hold. Nothing is updated in place."""
    existing = {a.natural_key: a for a in models.Action.objects.current()}
    entries: list[NewEntry] = []
    for treaty_id, actions in cat.ledgers.items():
        for a in actions:
            key = (treaty_id, a.state, a.kind.value, a.date.text, a.article, a.target)
            values = {
                "effective": a.effective.text if a.effective else "",
                "reference": a.reference,
                "text": a.text,
                "note": a.note,
                "source": a.source,
            }
            row = existing.pop(key, None)
            if row is not None and all(getattr(row, f) == values[f] for f in ACTION_FIELDS):
                continue
            entries.append(
                NewEntry(
                    treaty=treaty_id,
                    state=a.state,
                    kind=a.kind.value,
                    date=a.date.text,
                    article=a.article,
                    target=a.target,
                    origin=a.origin,
                    supersedes=row.pk if row is not None else None,
                    reason="source file changed" if row is not None else "",
                    **values,
                )
            )
            report.count(report.changed if row is not None else report.added, "actions")
    for row in existing.values():
        entries.append(
            NewEntry(
                treaty=row.treaty_id,
                state=row.state_id,
                kind=row.kind,
                date=row.date,
                article=row.article,
                target=row.target,
                supersedes=row.pk,
                retraction=True,
                reason="no longer in the source file",
            )
        )
        report.count(report.removed, "actions")
    if entries:
        append(entries, by="load", summary=f"load: {len(entries)} ledger entries")
