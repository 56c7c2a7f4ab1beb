"""What the Secretary-General's report on the status of the Convention says, computed from the engine. Pure.

``build_report(record, day, lang, session=...)`` returns a ``ReportContent``: the masthead, the numbered
paragraphs (computed ones first, then the staff's narrative), the annex table and the figures behind them. Every
number and date comes from ``TreatyRecord``; the computed paragraphs and the annex cannot be edited, only the
inputs (symbol, agenda item, narrative, requesting resolution) can. ``ledger_digest(record, day)`` fingerprints
the ledger the figures were computed from. No Django here: renderers and the issuing layer sit on top.

Inline text is a sequence of segments: a ``str`` or a ``Note`` (a footnote, numbered by the renderer in order
of appearance: paragraphs first, then the annex).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from treatywatch.engine import LANGUAGES, Action, Participant, Span, TreatyRecord

from .annex import build_annex
from .model import (
    Annex,
    AnnexRow,
    Cell,
    Masthead,
    Note,
    Paragraph,
    ReportContent,
    Segment,
    content_from_dict,
    content_to_dict,
)
from .ordinals import session_heading, session_in_text
from .paragraphs import declarations_paragraph, procedures_paragraph
from .text import Speaker

__all__ = [
    "Annex",
    "AnnexRow",
    "Cell",
    "Masthead",
    "Note",
    "Paragraph",
    "ReportContent",
    "ReportInputs",
    "Resolution",
    "Segment",
    "build_report",
    "content_from_dict",
    "content_to_dict",
    "ledger_digest",
]

LEDGER_FORMAT = "treatywatch-ledger/1"


@dataclass(frozen=True, slots=True)
class Resolution:
    """The General Assembly resolution that requested the report, and its paragraph."""

    symbol: str
    adopted: date
    paragraph: int


DEFAULT_REQUESTS = {55: Resolution("54/158", date(1999, 12, 17), 7)}
"""Resolution 54/158, para. 7, requested the report for the fifty-fifth session."""


@dataclass(frozen=True, slots=True)
class ReportInputs:
    """Everything staff choose for one report; the rest comes from the record."""

    session: int
    as_of: date
    lang: str
    symbol: str = ""
    agenda_item: str = ""
    narrative: tuple[str, ...] = ()
    requesting: Resolution | None = None
    document_date: date | None = None
    original_lang: str = "en"
    treaty: str = "ICRMW"

    def build(self, record: TreatyRecord) -> ReportContent:
        return build_report(
            record,
            self.as_of,
            self.lang,
            session=self.session,
            symbol=self.symbol,
            agenda_item=self.agenda_item,
            narrative=self.narrative,
            requesting=self.requesting,
            document_date=self.document_date,
            original_lang=self.original_lang,
        )

    def to_dict(self) -> dict[str, Any]:
        r = self.requesting
        return {
            "treaty": self.treaty,
            "session": self.session,
            "as_of": self.as_of.isoformat(),
            "lang": self.lang,
            "symbol": self.symbol,
            "agenda_item": self.agenda_item,
            "narrative": list(self.narrative),
            "requesting": {"symbol": r.symbol, "adopted": r.adopted.isoformat(), "paragraph": r.paragraph}
            if r
            else None,
            "document_date": self.document_date.isoformat() if self.document_date else None,
            "original_lang": self.original_lang,
        }


def build_report(
    record: TreatyRecord,
    day: date,
    lang: str,
    *,
    session: int,
    symbol: str = "",
    agenda_item: str = "",
    narrative: Sequence[str] = (),
    requesting: Resolution | None = None,
    document_date: date | None = None,
    original_lang: str = "en",
) -> ReportContent:
    for code, what in ((lang, "language"), (original_lang, "original language")):
        if code not in LANGUAGES:
            raise ValueError(f"unknown {what} {code!r} (use one of {', '.join(LANGUAGES)})")
    if isinstance(session, bool) or not isinstance(session, int) or session < 1:
        raise ValueError(f"session must be a positive integer, not {session!r}")
    session_heading(session, lang)  # fails early on numbers it cannot write in words
    say = Speaker(lang)
    status = record.status(day)
    participants = [p for p in record.participants(day) if p.signature is not None or p.consent is not None]
    requesting = requesting or DEFAULT_REQUESTS.get(session)
    eif_article = record.treaty.entry_into_force.article

    paragraphs: list[list[Segment]] = []
    paragraphs.append(_intro(say, session, day, requesting))
    paragraphs.append(_status(say, record, day, participants, eif_article))
    procedures, procedure_figures = procedures_paragraph(say, record, day)
    if procedures:
        paragraphs.append(procedures)
    declarations = declarations_paragraph(say, record, day, participants)
    if declarations:
        paragraphs.append(declarations)
    computed = len(paragraphs)
    paragraphs += [[text.strip()] for text in narrative if text.strip()]
    numbered = [
        Paragraph(i + 1, tuple(segments), "computed" if i < computed else "narrative")
        for i, segments in enumerate(paragraphs)
    ]
    annex = build_annex(say, record, day, participants)
    figures: dict[str, Any] = {
        "treaty": record.treaty.id,
        "as_of": day.isoformat(),
        "signatories": status.signatories,
        "contracting_states": status.contracting_states,
        "contracting_states_uncertain": status.contracting_states_uncertain,
        "parties_in_force": status.parties_in_force,
        "parties_in_force_uncertain": status.parties_in_force_uncertain,
        "instruments_counted": status.instruments_counted,
        "instruments_needed": status.instruments_needed,
        "threshold": status.threshold,
        "in_force": status.in_force,
        "entry_into_force": status.entry_into_force.iso() if status.entry_into_force else None,
        "threshold_reached": status.threshold_reached.iso() if status.threshold_reached else None,
        "procedures": procedure_figures,
        "annex_states": [row.code for row in annex.rows],
    }
    return ReportContent(
        treaty=record.treaty.id,
        lang=lang,
        direction="rtl" if lang == "ar" else "ltr",
        masthead=_masthead(say, session, symbol, agenda_item, document_date or day, original_lang),
        paragraphs=tuple(numbered),
        annex=annex,
        figures=figures,
        notes_heading=say("notes"),
        paragraph_label=say.phrases["para_number"],  # type: ignore[arg-type]
    )


def _masthead(
    say: Speaker, session: int, symbol: str, agenda_item: str, document_date: date, original_lang: str
) -> Masthead:
    lang = say.lang
    top = say.masthead_speaker()
    placeholder = not symbol.strip()
    shown = symbol.strip() or f"A/{session}/{top('symbol_placeholder')}"
    language_line = "" if lang == original_lang else top.language_name(lang).capitalize()
    item = agenda_item.strip() or say("agenda_placeholder")
    return Masthead(
        organization=say("un"),
        organ=say("organ"),
        symbol=shown,
        symbol_placeholder=placeholder,
        distribution=top("distr"),
        date=top.day(document_date),
        language_line=language_line,
        original=top("original", language=top.language_name(original_lang)),
        session=session_heading(session, lang),
        agenda=say("agenda", item=item),
        agenda_placeholder=not agenda_item.strip(),
        agenda_title=say("agenda_title"),
        title=say("title"),
        subtitle=say("subtitle"),
    )


def _intro(say: Speaker, session: int, day: date, requesting: Resolution | None) -> list[Segment]:
    common: dict[str, Any] = {"session": session_in_text(session, say.lang), "as_of": say.day(day)}
    if requesting is None:
        return [say("intro_unknown", **common)]
    return [
        say(
            "intro",
            paragraph=say.number(requesting.paragraph),
            resolution=requesting.symbol,
            resolution_date=say.day(requesting.adopted),
            **common,
        )
    ]


def _status(
    say: Speaker, record: TreatyRecord, day: date, participants: list[Participant], article: str
) -> list[Segment]:
    status = record.status(day)
    as_of = say.day(day)
    out: list[Segment] = []
    signed_late = [p.state for p in participants if p.signature and record.span(p.signature).latest > day]
    bound_late = [p.state for p in participants if p.consent and record.span(p.consent).latest > day]
    signed = say("signed", n=status.signatories)
    bound = say("bound", n=status.contracting_states)
    sentence = say("status", as_of="\x00", signed="\x01", bound="\x02")
    for piece in _split_keep(sentence, {"\x00": as_of, "\x01": signed, "\x02": bound}):
        out.append(piece)
        if piece == signed and signed_late:
            out.append(Note(say("not_counted_signature", list=say.names(signed_late, record), as_of=as_of)))
        if piece == bound and bound_late:
            out.append(Note(say("not_counted_consent", list=say.names(bound_late, record), as_of=as_of)))
    out.append(say.sep + say("annex_reference"))
    if status.in_force and status.entry_into_force is not None:
        out += _with_span_note(say, say.sep + say("eif_in_force", eif="\x00", article=article, as_of=as_of,
                                              parties=say("parties", n=status.parties_in_force)),
                               status.entry_into_force)  # fmt: skip
        pending = status.contracting_states - status.parties_in_force
        if pending > 0:
            out.append(say.sep + say("pending_parties", n=pending, article=article))
    elif status.entry_into_force is not None and status.threshold_reached is not None:
        reached = say.span(status.threshold_reached)
        text = say.sep + say("eif_reached", threshold=say.number(status.threshold), reached=reached, article=article,
                         eif="\x00")  # fmt: skip
        out += _with_span_note(say, text, status.entry_into_force)
    else:
        needed = say("needed", n=status.instruments_needed)
        out.append(say.sep + say("eif_pending", article=article, threshold=say.number(status.threshold), needed=needed))
    return out


def _with_span_note(say: Speaker, text: str, span: Span) -> list[Segment]:
    before, _, after = text.partition("\x00")
    out: list[Segment] = [before + say.span(span)]
    if not span.exact:
        out.append(Note(say("note_span", earliest=say.day(span.earliest), latest=say.day(span.latest))))
    if after:
        out.append(after)
    return out


def _split_keep(text: str, values: dict[str, str]) -> list[str]:
    """Split a formatted sentence on one-character markers, substituting each marker's value as its own piece."""
    out: list[str] = []
    current = ""
    for char in text:
        if char in values:
            if current:
                out.append(current)
            out.append(values[char])
            current = ""
        else:
            current += char
    if current:
        out.append(current)
    return out


def ledger_digest(record: TreatyRecord, day: date) -> str:
    """SHA-256 of the canonical serialisation of the ledger actions known as of ``day``.

    An action counts when it possibly happened by ``day`` (its span starts on or before it), as for every figure
    of the report. Each action is one JSON array of its record fields (not where it was loaded from), the lines
    are sorted, and a format line comes first. Same ledger, same digest, whatever the order or origin of rows.
    """
    lines = sorted(
        json.dumps(_action_fields(a), ensure_ascii=False, separators=(",", ":"))
        for a in record.actions
        if record.span(a).earliest <= day
    )
    payload = "\n".join([LEDGER_FORMAT, *lines]) + "\n"
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


def _action_fields(a: Action) -> list[str]:
    return [
        a.treaty,
        a.state,
        a.kind.value,
        a.date.text,
        a.article,
        a.target,
        a.effective.text if a.effective else "",
        a.reference,
        a.text,
        a.note,
        a.source,
    ]
