"""Consequences in words, in the staff member's language."""

from __future__ import annotations

from babel.dates import format_date
from django.utils.translation import get_language, gettext, ngettext

from treatywatch.engine import Consequence, Span


def _babel_locale() -> str:
    lang = get_language() or "en"
    return "zh_Hans" if lang.startswith("zh") else lang.split("-")[0]


def _date(span: Span | None) -> str:
    if span is None:
        return "?"
    loc = _babel_locale()
    if span.exact:
        return format_date(span.earliest, format="long", locale=loc)
    return gettext("between %(start)s and %(end)s") % {
        "start": format_date(span.earliest, format="long", locale=loc),
        "end": format_date(span.latest, format="long", locale=loc),
    }


def describe(c: Consequence) -> str:
    if c.kind == "threshold_reached":
        return gettext("This is instrument number %(n)s: the treaty will enter into force on %(date)s.") % {
            "n": c.number,
            "date": _date(c.date),
        }
    if c.kind == "instrument":
        return (
            ngettext(
                "This is instrument number %(n)s; %(needed)s more is needed for entry into force.",
                "This is instrument number %(n)s; %(needed)s more are needed for entry into force.",
                c.needed,
            )
            % {"n": c.number, "needed": c.needed}
            if c.needed
            else gettext("This is instrument number %(n)s.") % {"n": c.number}
        )
    if c.kind == "state_entry_into_force":
        return gettext("Entry into force for this State: %(date)s.") % {"date": _date(c.date)}
    if c.kind == "procedure_operative":
        return gettext(
            "This is declaration number %(n)s under article %(article)s: the procedure becomes operative."
        ) % {"n": c.number, "article": c.article}
    if c.kind == "declaration":
        return ngettext(
            "This is declaration number %(n)s under article %(article)s; %(needed)s more is needed.",
            "This is declaration number %(n)s under article %(article)s; %(needed)s more are needed.",
            c.needed,
        ) % {"n": c.number, "article": c.article, "needed": c.needed}
    if c.kind == "procedure_no_longer_operative":
        return gettext("The procedure under article %(article)s is no longer operative.") % {"article": c.article}
    if c.kind == "denunciation_effective":
        return gettext("The denunciation takes effect on %(date)s.") % {"date": _date(c.date)}
    if c.kind == "committee_enlarged":
        return ngettext(
            "The Committee grows to %(n)s member from %(date)s.",
            "The Committee grows to %(n)s members from %(date)s.",
            c.number,
        ) % {"n": c.number, "date": _date(c.date)}
    return c.kind
