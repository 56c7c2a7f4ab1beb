"""Paragraphs 3 and 4 of the report: the optional procedures (arts. 76 and 77) and the other declarations,
reservations and objections, each State named in the report's language, undated ones footnoted. Pure.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from treatywatch.engine import Action, ActionKind, Participant, Span, TreatyRecord

from .model import Note, Segment
from .text import Speaker

__all__ = ["declarations_paragraph", "procedures_paragraph", "split_fields"]


def procedures_paragraph(say: Speaker, record: TreatyRecord, day: date) -> tuple[list[Segment], dict[str, Any]]:
    out: list[Segment] = []
    figures: dict[str, Any] = {}
    as_of = say.day(day)
    for p in record.procedure_status(day):
        dated: list[tuple[str, Span]] = []
        undated: list[tuple[str, Span]] = []
        for action in _declarations_under(record, day, p.article):
            span = record.span(action)
            (dated if span.latest <= day else undated).append((action.state, span))
        if out:
            out.append(say.sep)
        if say.has(p.id):
            out.append(say(p.id) + say.sep)
        names: list[Segment] = []
        if dated:
            names = say.paren(say.name_items([(code, None) for code, _ in dated], record))
        out += split_fields(say("proc_count", as_of=as_of, article=p.article, n=p.declarations,
                                 names="\x00"), names)  # fmt: skip
        if undated:
            items: list[tuple[str, Note | None]] = [
                (code, Note(say("note_declaration", latest=say.day(span.latest)))) for code, span in undated
            ]
            out.append(say.sep)
            out += split_fields(say("proc_undated", article=p.article, list="\x00"), say.name_items(items, record))
        eif = record.known_entry_into_force(day)
        since = p.operative_since.later(eif) if p.operative and p.operative_since and eif else None
        if since is not None:
            out.append(say.sep + say("proc_operative", article=p.article, since=say.span(since)))
        else:
            out.append(say.sep + say("proc_not_operative", article=p.article, threshold=say.number(p.threshold)))
        figures[p.article] = {
            "declarations": p.declarations,
            "declarations_uncertain": p.declarations_uncertain,
            "dated": [code for code, _ in dated],
            "undated": [code for code, _ in undated],
            "threshold": p.threshold,
            "operative": p.operative,
            "operative_since": since.iso() if since else None,
        }
    return out, figures


def _declarations_under(record: TreatyRecord, day: date, article: str) -> list[Action]:
    """Declarations under ``article`` possibly made by ``day`` and not withdrawn by then, oldest first."""
    withdrawn: dict[str, int] = {}
    for a in record.actions:
        if a.kind is ActionKind.DECLARATION_WITHDRAWAL and a.article == article and record.span(a).latest <= day:
            withdrawn[a.state] = withdrawn.get(a.state, 0) + 1
    out = []
    for a in record.actions:
        if a.kind is ActionKind.DECLARATION and a.article == article and record.span(a).earliest <= day:
            if withdrawn.get(a.state, 0):
                withdrawn[a.state] -= 1
                continue
            out.append(a)
    return out


def split_fields(text: str, items: list[Segment]) -> list[Segment]:
    before, _, after = text.partition("\x00")
    return [s for s in (before, *items, after) if s != ""]


def declarations_paragraph(
    say: Speaker, record: TreatyRecord, day: date, participants: list[Participant]
) -> list[Segment]:
    procedures = {p.article for p in record.treaty.procedures}
    groups: dict[str, list[Action]] = {"decl92": [], "decl_other": [], "reservations": [], "objections": []}
    for p in participants:
        for a in p.declarations:
            if a.article in procedures:
                continue
            groups["decl92" if a.article == "92" else "decl_other"].append(a)
        groups["reservations"] += p.reservations
        groups["objections"] += p.objections
    out: list[Segment] = []
    for key, actions in groups.items():
        if not actions:
            continue
        seen: dict[str, Note | None] = {}
        for a in actions:
            span = record.span(a)
            note = Note(say("note_declaration", latest=say.day(span.latest))) if not a.date.exact else None
            if a.state not in seen or seen[a.state] is not None:
                seen[a.state] = note
        items = say.name_items(list(seen.items()), record)
        if out:
            out.append(say.sep)
        out += split_fields(say(key, list="\x00"), items)
    if out:
        out.append(say.sep + say("texts", chapter=record.treaty.untc))
    return out
