"""The participants table of a treaty as of a day: HTML rows, sorting, and the same rows as CSV and JSON.

The downloads are built with ``treatywatch.serialize`` (the one serializer of the CLI and the API); the HTML
rows are the same participants in the same order, formatted for the page language.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any

from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext

from treatywatch.engine import Action, Participant, TreatyRecord
from treatywatch.serialize import participant_dict, status_dict

from .context import PageContext
from .formatting import data_language, partial_text, span_text, state_name
from .labels import action_label, kind_label

__all__ = ["SORTS", "Row", "Sorting", "csv_response", "json_response", "rows", "sorted_participants"]

SORTS = ("name", "signature", "consent", "eif")
CSV_COLUMNS = (
    "code",
    "m49",
    "name",
    "position",
    "uncertain",
    "signature",
    "consent",
    "consent_kind",
    "consent_mark",
    "entry_into_force",
    "denunciation",
    "withdrawal_effective",
    "declarations",
    "reservations",
    "objections",
)


@dataclass(frozen=True, slots=True)
class Sorting:
    key: str
    descending: bool

    @classmethod
    def from_request(cls, request: HttpRequest) -> Sorting:
        """?sort=name|signature|consent|eif&dir=asc|desc; anything else falls back to the default order."""
        key = request.GET.get("sort", "name")
        return cls(key if key in SORTS else "name", request.GET.get("dir") == "desc")

    def query(self) -> dict[str, str]:
        if self.key == "name" and not self.descending:
            return {}
        return {"sort": self.key, "dir": "desc" if self.descending else "asc"}


@dataclass(frozen=True, slots=True)
class Note:
    label: str
    date: str
    text: str
    note: str


@dataclass(frozen=True, slots=True)
class Row:
    code: str
    name: str
    url: str
    signature: str
    consent: str
    consent_mark: str
    consent_kind: str
    entry_into_force: str
    position: str
    notes: tuple[Note, ...]


def _day_key(action: Action | None) -> date | None:
    return None if action is None else action.date.span.earliest


def sorted_participants(record: TreatyRecord, day: date, sorting: Sorting) -> list[Participant]:
    """The participants in the order asked for; rows without the date sorted on go last either way."""
    participants = record.participants(day)
    lang = data_language()
    keys: dict[str, Callable[[Participant], Any]] = {
        "name": lambda p: record.states.get(p.state).name(lang).casefold(),
        "signature": lambda p: _day_key(p.signature),
        "consent": lambda p: _day_key(p.consent),
        "eif": lambda p: None if p.entry_into_force is None else p.entry_into_force.earliest,
    }
    key = keys[sorting.key]
    present = [p for p in participants if key(p) is not None]
    missing = [p for p in participants if key(p) is None]
    present.sort(key=key, reverse=sorting.descending)
    return present + missing


def _notes(p: Participant) -> tuple[Note, ...]:
    return tuple(
        Note(action_label(a), partial_text(a.date), a.text, a.note)
        for a in (*p.reservations, *p.declarations, *p.objections)
    )


def rows(ctx: PageContext, participants: list[Participant]) -> list[Row]:
    states = ctx.cat.states
    return [
        Row(
            code=p.state,
            name=state_name(states.get(p.state)),
            url=ctx.state_url(p.state),
            signature=partial_text(p.signature.date) if p.signature else "",
            consent=partial_text(p.consent.date) if p.consent else "",
            consent_mark=p.consent.kind.table_mark if p.consent else "",
            consent_kind=kind_label(p.consent.kind) if p.consent else "",
            entry_into_force=span_text(p.entry_into_force),
            position=p.position,
            notes=_notes(p),
        )
        for p in participants
    ]


def _download_name(record: TreatyRecord, day: date, suffix: str) -> str:
    return f"{record.treaty.id}-participants-{day.isoformat()}.{suffix}"


def _texts(items: list[dict[str, Any]]) -> str:
    return "\n\n".join(
        " ".join(x for x in (i["date"], i.get("article") or "", i["text"] or i["note"] or "") if x) for i in items
    )


def csv_response(record: TreatyRecord, ctx: PageContext, sorting: Sorting) -> HttpResponse:
    lang = data_language()
    out = io.StringIO()
    writer = csv.DictWriter(out, CSV_COLUMNS, extrasaction="ignore", lineterminator="\n")
    writer.writeheader()
    for p in sorted_participants(record, ctx.day, sorting):
        row = participant_dict(record.states, p, lang)
        for column in ("declarations", "reservations", "objections"):
            row[column] = _texts(row[column])
        row["uncertain"] = "yes" if row["uncertain"] else "no"
        writer.writerow(row)
    response = HttpResponse(out.getvalue(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{_download_name(record, ctx.day, "csv")}"'
    return response


def json_response(record: TreatyRecord, ctx: PageContext, sorting: Sorting) -> HttpResponse:
    lang = data_language()
    data = status_dict(record, record.status(ctx.day), lang)
    data["states"] = [participant_dict(record.states, p, lang) for p in sorted_participants(record, ctx.day, sorting)]
    data["sort"] = {"key": sorting.key, "dir": "desc" if sorting.descending else "asc"}
    response = HttpResponse(
        json.dumps(data, ensure_ascii=False, indent=1), content_type="application/json; charset=utf-8"
    )
    response["Content-Disposition"] = f'inline; filename="{_download_name(record, ctx.day, "json")}"'
    return response


def column_headers(ctx: PageContext, treaty_id: str, sorting: Sorting) -> list[dict[str, str]]:
    """Each sortable column with its link (toggling direction on the current column) and its aria-sort."""
    labels = {
        "name": gettext("Participant"),
        "signature": gettext("Signature"),
        "consent": gettext("Ratification, accession (a), succession (d)"),
        "eif": gettext("Entry into force for the State"),
    }
    out = []
    for key, label in labels.items():
        current = sorting.key == key
        descending = not sorting.descending if current else False
        out.append(
            {
                "label": label,
                "url": ctx.url("treaty", treaty_id, sort=key, dir="desc" if descending else "asc"),
                "aria_sort": ("descending" if sorting.descending else "ascending") if current else "",
                "arrow": ("▼" if sorting.descending else "▲") if current else "",
            }
        )
    return out
