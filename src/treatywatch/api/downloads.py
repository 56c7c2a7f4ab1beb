"""Bulk downloads under /data/: every table as CSV and JSON, for every treaty or one, and a Data Package.

    /data/datapackage.json                         Frictionless Data Package of the five CSV tables below
    /data/{ledger,states,participants,status,timeline}.{csv,json}      every treaty
    /data/<ID>/{ledger,participants,status,timeline}.{csv,json}         one treaty

``participants`` and ``status`` take ``as_of`` (default today); ``participants`` and ``status.json`` take
``lang`` for names. The files the Data Package lists are built by ``package_files``, which also writes them to
disk (``write_package``), so what is validated is what is served.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import Any

from django.http import HttpRequest, HttpResponse

from treatywatch.engine import TreatyRecord

from . import params
from .caching import Stamp, cached_response, json_bytes
from .documents import Snapshot, snapshot
from .errors import NotFound, answers_problems
from .tables import TABLES, csv_bytes, ledger_csv, rows

__all__ = ["DATA_LICENSE", "package_files", "write_package"]

CSV_TYPE = "text/csv; charset=utf-8; header=present"
JSON_TYPE = "application/json; charset=utf-8"
DATA_LICENSE = {
    "name": "CC-BY-4.0",
    "path": "https://creativecommons.org/licenses/by/4.0/",
    "title": "Creative Commons Attribution 4.0",
}
PACKAGE_TABLES = ("ledger", "states", "participants", "status", "timeline")
PER_TREATY = ("ledger", "participants", "status", "timeline")
TAKES: dict[tuple[str, str], tuple[str, ...]] = {
    ("participants", "csv"): ("as_of", "lang"),
    ("participants", "json"): ("as_of", "lang"),
    ("status", "csv"): ("as_of",),
    ("status", "json"): ("as_of", "lang"),
}


def build(
    snap: Snapshot, name: str, fmt: str, records: Sequence[TreatyRecord], day: date, lang: str, single: bool = False
) -> bytes:
    """The bytes of one download: table ``name`` in ``fmt`` for these treaties (``single``: one treaty's file)."""
    if fmt == "csv":
        if name == "ledger":
            return ledger_csv(records)
        return csv_bytes(TABLES[name], rows(name, records, day, lang))
    data: Any
    if name == "ledger":
        data = [snap.action_item(pk, a) for r in records for a in r.actions if (pk := snap.action_id(a)) is not None]
    elif name == "states":
        table = TABLES["states"]
        data = [dict(zip(table.names, _plain(row), strict=True)) for row in rows("states", records, day)]
    elif name == "participants":
        data = [snap.participants(r, day, lang) for r in records]
    elif name == "status":
        data = [snap.status(r, day, lang) for r in records]
    else:
        data = [snap.timeline(r) for r in records]
    return json_bytes(data[0] if single and name != "ledger" else data)


def _plain(row: Sequence[object]) -> list[object]:
    return [v.isoformat() if isinstance(v, date) else v for v in row]


def package_files(snap: Snapshot) -> dict[str, bytes]:
    """The Data Package and its CSV files (every treaty, as of the snapshot's day, names in English)."""
    records = list(snap.cat.records())
    day = snap.stamp.today
    files = {f"{name}.csv": build(snap, name, "csv", records, day, "en") for name in PACKAGE_TABLES}
    resources = []
    for name in PACKAGE_TABLES:
        table, body = TABLES[name], files[f"{name}.csv"]
        resources.append(
            {
                "name": table.name,
                "title": table.title,
                "description": table.description,
                "path": f"{name}.csv",
                "profile": "tabular-data-resource",
                "format": "csv",
                "mediatype": "text/csv",
                "encoding": "utf-8",
                "bytes": len(body),
                "hash": "sha256:" + hashlib.sha256(body).hexdigest(),
                "schema": table.schema(),
            }
        )
    changed = snap.stamp.changed
    descriptor = {
        "profile": "tabular-data-package",
        "name": "treatywatch",
        "title": "treatywatch: depositary records of UN human-rights treaties and what their final clauses mean",
        "description": (
            "Depositary actions (signatures, instruments, declarations, withdrawals, objections, denunciations), "
            "States with UN names in the six official languages, and each treaty's participants, status and "
            f"timeline as computed by the treatywatch engine as of {day.isoformat()}."
        ),
        "version": f"{snap.stamp.version}.{day:%Y%m%d}",
        "created": changed.isoformat().replace("+00:00", "Z") if changed else None,
        "keywords": ["treaties", "human rights", "ICRMW", "ratification", "United Nations"],
        "licenses": [DATA_LICENSE],
        "sources": [{"title": f"{ident}: {citation}"} for ident, citation in sorted(snap.cat.sources.items())],
        "resources": resources,
    }
    if descriptor["created"] is None:
        del descriptor["created"]
    files["datapackage.json"] = json.dumps(descriptor, ensure_ascii=False, indent=2).encode()
    return files


def write_package(snap: Snapshot, directory: Path) -> list[Path]:
    """Write the Data Package and its files to ``directory``: the same bytes /data/ serves."""
    directory.mkdir(parents=True, exist_ok=True)
    written = []
    for name, body in package_files(snap).items():
        path = directory / name
        path.write_bytes(body)
        written.append(path)
    return written


def _respond(request: HttpRequest, name: str, fmt: str, treaty: str | None) -> HttpResponse:
    takes = TAKES.get((name, fmt), ())
    params.only(request, *takes)
    day = params.day(request.GET.get("as_of")) if "as_of" in takes else None
    lang = params.lang(request.GET.get("lang")) if "lang" in takes else "en"

    def make(stamp: Stamp) -> bytes:
        snap = snapshot(stamp)
        records = [params.treaty(snap.cat, treaty, "treaty")] if treaty is not None else list(snap.cat.records())
        return build(snap, name, fmt, records, day or stamp.today, lang, single=treaty is not None)

    headers = {}
    if fmt == "csv":
        stem = f"{treaty.upper()}-{name}" if treaty else name
        headers["Content-Disposition"] = f'attachment; filename="{stem}.csv"'
    return cached_response(request, make, CSV_TYPE if fmt == "csv" else JSON_TYPE, language=lang, headers=headers)


@answers_problems
def everything(request: HttpRequest, name: str, fmt: str) -> HttpResponse:
    if name not in PACKAGE_TABLES:
        raise NotFound("name", "one of " + ", ".join(PACKAGE_TABLES), name)
    return _respond(request, name, fmt, None)


@answers_problems
def one_treaty(request: HttpRequest, treaty: str, name: str, fmt: str) -> HttpResponse:
    if name not in PER_TREATY:
        raise NotFound("name", "one of " + ", ".join(PER_TREATY), name)
    return _respond(request, name, fmt, treaty)


@answers_problems
def datapackage(request: HttpRequest) -> HttpResponse:
    params.only(request)
    return cached_response(request, lambda stamp: package_files(snapshot(stamp))["datapackage.json"], JSON_TYPE)
