"""An embeddable status card for an iframe: /<lang>/widget/ICRMW/.

The only page any site may frame: ``xframe_options_exempt`` lifts X-Frame-Options and its own
Content-Security-Policy says ``frame-ancestors *``; every other page keeps DENY and ``frame-ancestors 'none'``.
It shows the counts, the date of entry into force and the portal's world map, and links open in a new window.
"""

from __future__ import annotations

from typing import Any

from django.http import Http404, HttpRequest, HttpResponse
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext, ngettext, pgettext
from django.views.decorators.clickjacking import xframe_options_exempt

from treatywatch.engine import Status, TreatyRecord
from treatywatch.portal.formatting import data_language, day_text, number, when_span
from treatywatch.portal.labels import MAP_CLASS, position_label
from treatywatch.portal.svgmap import world_map

from . import params
from .caching import Stamp, cached_response
from .documents import snapshot
from .errors import Problem, answers_problems

__all__ = ["FRAMING_POLICY", "widget"]

FRAMING_POLICY = (
    "default-src 'self'; img-src 'self' data:; style-src 'self'; base-uri 'self'; form-action 'self'; "
    "object-src 'none'; frame-ancestors *"
)


def _map(record: TreatyRecord, request: HttpRequest, stamp: Stamp, lang: str) -> str:
    positions = {p.state: p.position for p in record.participants(stamp.today)}
    classes, titles, links = {}, {}, {}
    for state in record.states:
        if state.historical:
            continue
        position = positions.get(state.code, "none")
        classes[state.m49] = MAP_CLASS.get(position, "n")
        titles[state.m49] = pgettext("map title", "%(state)s: %(position)s") % {
            "state": state.name(data_language(lang)),
            "position": position_label(position),
        }
        links[state.m49] = f"/{lang}/states/{state.code}/"
    return str(world_map(classes, titles, links))


def eif_sentence(status: Status) -> str:
    """Entry into force in one sentence: since a day, in a month or a year, between two days, or still to come."""
    eif = status.entry_into_force
    if eif is None:
        return ngettext(
            "Not yet in force: %(count)s more instrument needed.",
            "Not yet in force: %(count)s more instruments needed.",
            status.instruments_needed,
        ) % {"count": number(status.instruments_needed)}
    if not status.in_force:
        if eif.exact:
            return gettext("Enters into force on %(date)s.") % {"date": day_text(eif.earliest)}
        return gettext("Enters into force between %(start)s and %(end)s.") % {
            "start": day_text(eif.earliest),
            "end": day_text(eif.latest),
        }
    when = when_span(eif)
    if when.form == "day":
        text = gettext("In force since %(date)s.")
    elif when.form == "month":
        text = pgettext("in a month", "Entered into force in %(date)s.")
    elif when.form == "year":
        text = pgettext("in a year", "Entered into force in %(date)s.")
    else:
        text = gettext("Entered into force between %(start)s and %(end)s.")
    return text % when.values


def context(record: TreatyRecord, request: HttpRequest, stamp: Stamp) -> dict[str, Any]:
    lang = translation.get_language() or "en"
    status = record.status(stamp.today)
    return {
        "treaty": record.treaty,
        "title": record.treaty.title(data_language(lang)),
        "status": status,
        "contracting": number(status.contracting_states),
        "not_bound": number(status.signatories_not_bound),
        "eif_sentence": eif_sentence(status),
        "as_of": day_text(stamp.today),
        "treaty_url": f"/{lang}/treaties/{record.treaty.id}/",
        "map": _map(record, request, stamp, lang),
    }


@xframe_options_exempt
@answers_problems
def widget(request: HttpRequest, treaty: str) -> HttpResponse:
    params.only(request)

    def build(stamp: Stamp) -> bytes:
        snap = snapshot(stamp)
        try:
            record = params.treaty(snap.cat, treaty, "treaty")
        except Problem as problem:
            raise Http404(str(problem)) from None
        return render_to_string("api/widget.html", context(record, request, stamp), request).encode()

    lang = translation.get_language() or "en"
    response = cached_response(
        request,
        build,
        "text/html; charset=utf-8",
        language=data_language(lang),
        headers={"Content-Security-Policy": FRAMING_POLICY},
    )
    return response
