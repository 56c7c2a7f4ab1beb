"""The report's content as plain frozen dataclasses, and their JSON form (what an issued report stores)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

__all__ = [
    "Annex",
    "AnnexRow",
    "Cell",
    "Masthead",
    "Note",
    "Paragraph",
    "ReportContent",
    "Segment",
    "content_from_dict",
    "content_to_dict",
]


@dataclass(frozen=True, slots=True)
class Note:
    """A footnote; renderers number notes in order of appearance."""

    text: str


Segment = str | Note


@dataclass(frozen=True, slots=True)
class Paragraph:
    number: int
    segments: tuple[Segment, ...]
    source: str
    """computed (from the engine; not editable) | narrative (the staff's text)."""

    @property
    def text(self) -> str:
        return "".join(s for s in self.segments if isinstance(s, str))


@dataclass(frozen=True, slots=True)
class Masthead:
    organization: str
    organ: str
    symbol: str
    symbol_placeholder: bool
    distribution: str
    date: str
    language_line: str
    original: str
    session: str
    agenda: str
    agenda_placeholder: bool
    agenda_title: str
    title: str
    subtitle: str


@dataclass(frozen=True, slots=True)
class Cell:
    text: str
    mark: str = ""
    """The UN table mark after the date: a (accession), d (succession), A, AA, c."""
    note: Note | None = None


@dataclass(frozen=True, slots=True)
class AnnexRow:
    code: str
    state: str
    signature: Cell | None
    consent: Cell | None


@dataclass(frozen=True, slots=True)
class Annex:
    heading: str
    title: str
    columns: tuple[str, str, str]
    rows: tuple[AnnexRow, ...]
    legend: tuple[tuple[str, str], ...]
    """(mark, meaning) for each mark the table uses."""


@dataclass(frozen=True, slots=True)
class ReportContent:
    treaty: str
    lang: str
    direction: str
    masthead: Masthead
    paragraphs: tuple[Paragraph, ...]
    annex: Annex
    figures: dict[str, Any]
    notes_heading: str = "Notes"
    paragraph_label: str = "{n}."
    """How paragraph numbers are written: "1." (Arabic: "1 -")."""

    def label(self, paragraph: Paragraph) -> str:
        return self.paragraph_label.format(n=paragraph.number)

    @property
    def html_lang(self) -> str:
        return "zh-Hans" if self.lang == "zh" else self.lang

    def notes(self) -> list[Note]:
        """Every note in the order renderers number them: paragraphs, then annex rows (signature, consent)."""
        out = [s for p in self.paragraphs for s in p.segments if isinstance(s, Note)]
        for row in self.annex.rows:
            for cell in (row.signature, row.consent):
                if cell is not None and cell.note is not None:
                    out.append(cell.note)
        return out


def _segments_to_json(segments: tuple[Segment, ...]) -> list[Any]:
    return [s if isinstance(s, str) else {"note": s.text} for s in segments]


def _segments_from_json(items: list[Any]) -> tuple[Segment, ...]:
    return tuple(s if isinstance(s, str) else Note(s["note"]) for s in items)


def _cell_to_json(cell: Cell | None) -> dict[str, Any] | None:
    if cell is None:
        return None
    return {"text": cell.text, "mark": cell.mark, "note": cell.note.text if cell.note else None}


def _cell_from_json(data: dict[str, Any] | None) -> Cell | None:
    if data is None:
        return None
    return Cell(data["text"], data["mark"], Note(data["note"]) if data["note"] is not None else None)


def content_to_dict(content: ReportContent) -> dict[str, Any]:
    m = content.masthead
    return {
        "format": "treatywatch-report/1",
        "treaty": content.treaty,
        "lang": content.lang,
        "direction": content.direction,
        "masthead": {f: getattr(m, f) for f in Masthead.__dataclass_fields__},
        "paragraphs": [
            {"number": p.number, "source": p.source, "segments": _segments_to_json(p.segments)}
            for p in content.paragraphs
        ],
        "annex": {
            "heading": content.annex.heading,
            "title": content.annex.title,
            "columns": list(content.annex.columns),
            "rows": [
                {
                    "code": r.code,
                    "state": r.state,
                    "signature": _cell_to_json(r.signature),
                    "consent": _cell_to_json(r.consent),
                }
                for r in content.annex.rows
            ],
            "legend": [list(item) for item in content.annex.legend],
        },
        "figures": content.figures,
        "notes_heading": content.notes_heading,
        "paragraph_label": content.paragraph_label,
    }


def content_from_dict(data: dict[str, Any]) -> ReportContent:
    annex = data["annex"]
    a, b, c = annex["columns"]
    return ReportContent(
        treaty=data["treaty"],
        lang=data["lang"],
        direction=data["direction"],
        masthead=Masthead(**data["masthead"]),
        paragraphs=tuple(
            Paragraph(p["number"], _segments_from_json(p["segments"]), p["source"]) for p in data["paragraphs"]
        ),
        annex=Annex(
            heading=annex["heading"],
            title=annex["title"],
            columns=(a, b, c),
            rows=tuple(
                AnnexRow(r["code"], r["state"], _cell_from_json(r["signature"]), _cell_from_json(r["consent"]))
                for r in annex["rows"]
            ),
            legend=tuple((m, t) for m, t in annex["legend"]),
        ),
        figures=data["figures"],
        notes_heading=data["notes_heading"],
        paragraph_label=data["paragraph_label"],
    )
