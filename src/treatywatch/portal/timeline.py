"""The timeline page: new parties year by year, and the countdown of article 87 to entry into force."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from django.utils.translation import gettext, ngettext

from treatywatch.engine import Action, TreatyRecord

from .context import MAIN_TREATY, PageContext
from .formatting import data_language, day_text, number, partial_text, span_text, state_name
from .home import parties_chart
from .labels import kind_label

__all__ = ["timeline_context"]


@dataclass(frozen=True, slots=True)
class Entry:
    date: str
    name: str
    url: str
    kind: str


@dataclass(frozen=True, slots=True)
class Year:
    year: int
    count: str
    entries: tuple[Entry, ...]


@dataclass(frozen=True, slots=True)
class Step:
    date: str
    entries: tuple[Entry, ...]
    counted: str
    needed: str


def _entry(ctx: PageContext, record: TreatyRecord, a: Action) -> Entry:
    return Entry(
        partial_text(a.date), state_name(record.states.get(a.state)), ctx.state_url(a.state), kind_label(a.kind)
    )


def years(ctx: PageContext, record: TreatyRecord) -> list[Year]:
    """Consents to be bound (ratification, accession, succession...) grouped by year, as the record dates them."""
    by_year: dict[int, list[Action]] = defaultdict(list)
    for a in record.actions:
        if a.kind.is_consent and record.span(a).earliest <= ctx.day:
            by_year[record.span(a).latest.year].append(a)
    return [
        Year(year, number(len(actions)), tuple(_entry(ctx, record, a) for a in actions))
        for year, actions in sorted(by_year.items())
    ]


def countdown(ctx: PageContext, record: TreatyRecord) -> list[Step]:
    """Each deposit that counted towards the threshold, with the instruments still needed after it."""
    counts = record.treaty.entry_into_force.counts
    steps = []
    for point in record.timeline(until=ctx.day):
        counted = [a for a in point.actions if a.kind in counts]
        if not counted:
            continue
        steps.append(
            Step(
                partial_text(counted[0].date),
                tuple(_entry(ctx, record, a) for a in counted),
                number(record.status(point.day).instruments_counted),
                number(point.instruments_needed),
            )
        )
        if point.instruments_needed == 0:
            break
    return steps


def countdown_conclusion(record: TreatyRecord, ctx: PageContext) -> str:
    status = record.status(ctx.day)
    if status.entry_into_force is None:
        return ngettext(
            "As of %(date)s, %(count)s more instrument is needed.",
            "As of %(date)s, %(count)s more instruments are needed.",
            status.instruments_needed,
        ) % {"date": day_text(ctx.day), "count": number(status.instruments_needed)}
    text = (
        gettext("The threshold was reached on %(reached)s. The treaty entered into force on %(date)s.")
        if status.in_force
        else gettext("The threshold was reached on %(reached)s. The treaty enters into force on %(date)s.")
    )
    return text % {"reached": span_text(status.threshold_reached), "date": span_text(status.entry_into_force)}


def timeline_context(ctx: PageContext) -> dict[str, Any]:
    record = ctx.cat.record(MAIN_TREATY)
    return {
        "title": record.treaty.title(data_language()),
        "article": record.treaty.entry_into_force.article,
        "threshold": number(record.treaty.entry_into_force.threshold),
        "threshold_count": record.treaty.entry_into_force.threshold,
        "years": years(ctx, record),
        "steps": countdown(ctx, record),
        "conclusion": countdown_conclusion(record, ctx),
        "chart": parties_chart(record, ctx),
    }
