"""The home page: the Convention's status as of a day, its world map, its chart and its latest actions."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.utils.safestring import SafeString
from django.utils.translation import gettext, ngettext, pgettext

from treatywatch.engine import Action, Participant, TreatyRecord

from .charts import Series, step_chart
from .context import MAIN_TREATY, PageContext
from .formatting import data_language, day_text, number, partial_text, state_name
from .labels import MAP_CLASS, action_label, position_label
from .summary import committee_sentence, figures, in_force_sentence, procedures
from .svgmap import world_map

__all__ = ["home_context", "parties_chart"]


@dataclass(frozen=True, slots=True)
class MapRow:
    name: str
    url: str
    position: str
    css_class: str


@dataclass(frozen=True, slots=True)
class LatestAction:
    date: str
    name: str
    url: str
    label: str


def map_rows(ctx: PageContext, participants: list[Participant]) -> list[MapRow]:
    """Every present State (members, observers, and States such as the Cook Islands) with its position."""
    by_state = {p.state: p.position for p in participants}
    rows = []
    for state in ctx.cat.states:
        if state.historical:
            continue
        position = by_state.get(state.code, "none")
        rows.append(
            MapRow(state_name(state), ctx.state_url(state), position_label(position), MAP_CLASS.get(position, "n"))
        )
    rows.sort(key=lambda r: r.name.casefold())
    return rows


def map_svg(ctx: PageContext, participants: list[Participant]) -> SafeString:
    by_state = {p.state: p.position for p in participants}
    classes, titles, links = {}, {}, {}
    for state in ctx.cat.states:
        if state.historical:
            continue
        position = by_state.get(state.code, "none")
        classes[state.m49] = MAP_CLASS.get(position, "n")
        titles[state.m49] = pgettext("map title", "%(state)s: %(position)s") % {
            "state": state_name(state),
            "position": position_label(position),
        }
        links[state.m49] = ctx.state_url(state)
    return world_map(classes, titles, links)


def parties_chart(record: TreatyRecord, ctx: PageContext) -> SafeString:
    points = record.timeline(until=ctx.day)
    status = record.status(ctx.day)
    eif = status.entry_into_force
    marker = None
    if status.in_force and eif is not None:
        marker = (eif.latest, gettext("Entry into force: %(date)s") % {"date": day_text(eif.latest)})
    start = record.treaty.opened
    description = ngettext(
        "From %(start)s to %(end)s: at the end, %(count)s State had consented to be bound (a contracting State), "
        "and the number of Parties for which the treaty was in force was %(parties)s.",
        "From %(start)s to %(end)s: at the end, %(count)s States had consented to be bound (contracting States), "
        "and the number of Parties for which the treaty was in force was %(parties)s.",
        status.contracting_states,
    ) % {
        "start": day_text(start),
        "end": day_text(ctx.day),
        "count": number(status.contracting_states),
        "parties": number(status.parties_in_force),
    }
    return step_chart(
        [
            Series(gettext("Contracting States"), "s1", [(p.day, p.contracting_states) for p in points]),
            Series(gettext("Parties for which it is in force"), "s2", [(p.day, p.parties_in_force) for p in points]),
        ],
        start,
        ctx.day,
        title=gettext("Number of States bound over time"),
        description=description,
        rtl=ctx.lang == "ar",
        marker=marker,
        threshold=(
            status.threshold,
            ngettext(
                "%(count)s instrument needed for entry into force",
                "%(count)s instruments needed for entry into force",
                status.threshold,
            )
            % {"count": number(status.threshold)},
        ),
    )


def latest_actions(record: TreatyRecord, ctx: PageContext, count: int = 10) -> list[LatestAction]:
    """The newest actions known on the day. Undated ones ("on or before ...") cannot be placed and are left out."""
    known = [a for a in record.actions if record.span(a).earliest <= ctx.day and not a.date.open_start]

    def newest_first(a: Action) -> tuple[Any, ...]:
        return (min(record.span(a).latest, ctx.day), a.kind.order)

    known.sort(key=newest_first, reverse=True)
    states = record.states
    return [
        LatestAction(partial_text(a.date), state_name(states.get(a.state)), ctx.state_url(a.state), action_label(a))
        for a in known[:count]
    ]


def home_context(ctx: PageContext) -> dict[str, Any]:
    record = ctx.cat.record(MAIN_TREATY)
    status = record.status(ctx.day)
    participants = record.participants(ctx.day)
    rows = map_rows(ctx, participants)
    legend = [
        (css, label, number(sum(1 for r in rows if r.css_class == css)))
        for css, label in (
            ("p", gettext("Bound: State party or contracting State")),
            ("s", gettext("Signatory, not yet bound")),
            ("n", gettext("No signature or consent to be bound")),
        )
    ]
    return {
        "title": record.treaty.title(data_language()),
        "figures": figures(status),
        "in_force": in_force_sentence(record, status),
        "committee": committee_sentence(record, status),
        "procedures": procedures(status),
        "map": map_svg(ctx, participants),
        "map_rows": rows,
        "legend": legend,
        "chart": parties_chart(record, ctx),
        "latest": latest_actions(record, ctx),
        "treaty_url": ctx.treaty_url(record.treaty.id),
        "timeline_url": ctx.url("timeline"),
        "record_as_of": day_text(status.record_as_of) if status.record_as_of else "",
    }
