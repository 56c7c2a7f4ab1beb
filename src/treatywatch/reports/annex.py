"""The annex: every State that had signed, ratified or acceded by the day, with its dates, as UN tables give them."""

from __future__ import annotations

from datetime import date

from treatywatch.engine import Action, Participant, Precision, TreatyRecord

from .formatting import format_partial
from .model import Annex, AnnexRow, Cell, Note
from .text import Speaker

__all__ = ["build_annex"]

_MARK_ORDER = ("a", "d", "A", "AA", "c")


def build_annex(say: Speaker, record: TreatyRecord, day: date, participants: list[Participant]) -> Annex:
    rows = []
    marks: set[str] = set()
    for p in participants:
        signature = _cell(say, record, p.signature, "signature") if p.signature else None
        consent = _cell(say, record, p.consent, "deposit") if p.consent else None
        if consent is not None and p.denunciation is not None and p.withdrawal_effective is not None:
            note = Note(
                say(
                    "note_denounced",
                    received=format_partial(p.denunciation.date, say.lang),
                    effective=say.span(p.withdrawal_effective),
                )
            )
            consent = Cell(consent.text, consent.mark, consent.note or note)
        if consent is not None and consent.mark:
            marks.add(consent.mark)
        rows.append(AnnexRow(p.state, say.state_name(p.state, record), signature, consent))
    ordered = sorted(rows, key=lambda r: say.sort_key(r.state))
    return Annex(
        heading=say("annex"),
        title=say("annex_title", as_of=say.day(day)),
        columns=(say("col_state"), say("col_signature"), say("col_consent")),
        rows=tuple(ordered),
        legend=tuple((m, say(f"mark_{m}")) for m in _MARK_ORDER if m in marks),
    )


def _cell(say: Speaker, record: TreatyRecord, action: Action, what: str) -> Cell:
    note = None
    precision = action.date.precision
    if precision is Precision.YEAR:
        note = Note(say(f"note_year_{what}"))
    elif precision is Precision.MONTH:
        note = Note(say(f"note_month_{what}"))
    elif precision is Precision.INTERVAL:
        note = Note(say("note_interval", latest=say.day(record.span(action).latest)))
    mark = action.kind.table_mark if what == "deposit" else ""
    return Cell(format_partial(action.date, say.lang), mark, note)
