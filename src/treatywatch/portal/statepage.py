"""A State's page: its history and position under each treaty we hold, its reports, and its neighbours."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from django.utils.translation import gettext, ngettext

from treatywatch.engine import LANGUAGES, Participant, State, TreatyRecord
from treatywatch.engine.matrix import CORE_TREATIES, core_count

from . import memo
from .context import MAIN_TREATY, PageContext
from .corrections import corrections_for
from .formatting import bcp47, data_language, day_text, number, partial_text, span_text, state_name
from .labels import action_label, due_label, procedure_title, region_label
from .summary import position_summary

__all__ = ["state_context"]


@dataclass(frozen=True, slots=True)
class ActionRow:
    date: str
    label: str
    by: str
    """The predecessor State's name when the action is its own (Czechoslovakia for Czechia), else ""."""
    text: str
    note: str
    reference: str


@dataclass(frozen=True, slots=True)
class DueRow:
    label: str
    due: str
    passed: bool


@dataclass(frozen=True, slots=True)
class TreatySection:
    id: str
    title: str
    url: str
    summary: str
    facts: tuple[tuple[str, str], ...]
    actions: tuple[ActionRow, ...]
    dues: tuple[DueRow, ...]
    record_as_of: str = ""
    """The day the treaty's record was last checked, in words; "" when it is kept current."""


@dataclass(frozen=True, slots=True)
class Neighbour:
    name: str
    url: str
    position: str


@dataclass(frozen=True, slots=True)
class Overview:
    id: str
    title: str
    url: str
    position: str
    record_as_of: str = ""


def treaty_section(
    ctx: PageContext, record: TreatyRecord, state: State, participant: Participant | None
) -> TreatySection:
    history = memo.history(record, state.code, ctx.day)
    facts: list[tuple[str, str]] = []
    if participant is not None:
        if participant.signature is not None:
            facts.append((gettext("Signature"), partial_text(participant.signature.date)))
        if participant.consent is not None:
            facts.append((action_label(participant.consent), partial_text(participant.consent.date)))
            facts.append(
                (
                    gettext("Entry into force for the State"),
                    span_text(participant.entry_into_force) or gettext("Not yet known: the treaty is not in force."),
                )
            )
        if participant.denunciation is not None:
            facts.append((gettext("Denunciation"), partial_text(participant.denunciation.date)))
        if participant.withdrawal_effective is not None:
            facts.append((gettext("No longer bound from"), span_text(participant.withdrawal_effective)))
    if history.denunciation_possible_from is not None and record.treaty.denunciation is not None:
        facts.append(
            (
                gettext("May denounce from (article %(article)s)") % {"article": record.treaty.denunciation.article},
                span_text(history.denunciation_possible_from),
            )
        )
    for p in memo.procedure_status(record, ctx.day):
        if state.code in p.declarants:
            facts.append(
                (
                    gettext("Optional procedure"),
                    gettext("Accepts the procedure of article %(article)s (%(title)s)")
                    % {"article": p.article, "title": procedure_title(p)},
                )
            )
    states = ctx.cat.states
    # Oldest first by the last possible day: an undated declaration ("on or before 26 October 2014") goes where
    # the record can vouch for it, not before the State's first act.
    actions = tuple(
        ActionRow(
            date=partial_text(a.date),
            label=action_label(a),
            by=state_name(states.get(a.state)) if a.state != state.code else "",
            text=a.text,
            note=a.note,
            reference=a.reference,
        )
        for a in sorted(history.actions, key=lambda a: (record.span(a).latest, a.kind.order))
    )
    dues = tuple(DueRow(due_label(d), span_text(d.due), d.overdue_if_missing) for d in history.dues)
    return TreatySection(
        id=record.treaty.id,
        title=record.treaty.title(data_language()),
        url=ctx.treaty_url(record.treaty.id),
        summary=position_summary(participant),
        facts=tuple(facts),
        actions=actions,
        dues=dues,
        record_as_of=_record_as_of(record),
    )


def _record_as_of(record: TreatyRecord) -> str:
    return day_text(record.treaty.record_as_of) if record.treaty.record_as_of else ""


def _core_sentence(ctx: PageContext, state: State, records: list[TreatyRecord]) -> str:
    """How many of the core treaties held the State is bound by on the day."""
    held = {r.treaty.id: r for r in records if r.treaty.id in CORE_TREATIES}
    if not held:
        return ""
    count = core_count(held, state.code, ctx.day)
    return ngettext(
        "Bound by %(count)s of the %(total)s core human-rights treaties as of %(date)s.",
        "Bound by %(count)s of the %(total)s core human-rights treaties as of %(date)s.",
        count,
    ) % {"count": number(count), "total": number(len(held)), "date": day_text(ctx.day)}


def neighbours(ctx: PageContext, state: State, table: Mapping[str, Participant]) -> list[Neighbour]:
    """The other present States of the same M49 sub-region, with their positions under the main treaty."""
    if not state.subregion:
        return []
    found = [
        Neighbour(state_name(other), ctx.state_url(other), position_summary(table.get(other.code)))
        for other in ctx.cat.states
        if other.subregion == state.subregion and not other.historical and other.code != state.code
    ]
    found.sort(key=lambda n: n.name.casefold())
    return found


def state_context(ctx: PageContext, state: State) -> dict[str, Any]:
    """The main treaty first, then the others in the order of their identifiers."""
    idents = sorted(ctx.cat.treaties, key=lambda ident: (ident != MAIN_TREATY, ident))
    records = [ctx.cat.record(ident) for ident in idents]
    tables = {r.treaty.id: memo.participant_table(r, ctx.day) for r in records}
    lineage = ctx.cat.states.lineage(state.code)
    overview = [
        Overview(r.treaty.id, r.treaty.title(data_language()), ctx.treaty_url(r.treaty.id), summary, _record_as_of(r))
        for r in records
        for summary in [position_summary(tables[r.treaty.id].get(state.code))]
    ]
    sections = [
        treaty_section(ctx, r, state, tables[r.treaty.id].get(state.code))
        for r in records
        if r.treaty.id == MAIN_TREATY or any(code in tables[r.treaty.id] for code in lineage)
    ]
    main = ctx.cat.treaties.get(MAIN_TREATY)
    return {
        "state": state,
        "name": state_name(state),
        "region": region_label(state.region) if state.region else "",
        "subregion": region_label(state.subregion) if state.subregion else "",
        "ended": day_text(state.ended) if state.ended else "",
        "predecessors": [(state_name(ctx.cat.states.get(c)), ctx.state_url(c)) for c in lineage[1:]],
        "successors": [(state_name(ctx.cat.states.get(c)), ctx.state_url(c)) for c in state.successors],
        "overview": overview,
        "core": _core_sentence(ctx, state, records),
        "matrix_url": ctx.url("matrix", region=state.region),
        "sections": sections,
        "corrections": corrections_for(state.code, ctx.cat),
        "main_id": MAIN_TREATY,
        "neighbours": neighbours(ctx, state, tables[MAIN_TREATY]) if main is not None else [],
        "names": [(bcp47("zh-hans" if lang == "zh" else lang), state.names[lang]) for lang in LANGUAGES],
    }
