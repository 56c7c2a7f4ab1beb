"""Dates, numbers and names in the page language: CLDR formats through babel, UN names from the record.

Django names the Chinese interface "zh-hans"; babel calls that locale "zh_Hans" and the record's names use the
UN's code "zh". English follows UN usage: day, month, year ("1 July 2003"), which is CLDR's en_GB.
"""

from __future__ import annotations

from datetime import date

from babel.dates import format_date, format_skeleton
from babel.numbers import format_decimal
from django.utils import translation
from django.utils.translation import gettext

from treatywatch.engine import PartialDate, Precision, Span, State

__all__ = [
    "babel_locale",
    "bcp47",
    "current_language",
    "data_language",
    "day_text",
    "number",
    "partial_text",
    "span_text",
    "state_name",
    "year_text",
]

_BABEL = {"ar": "ar", "zh-hans": "zh_Hans", "en": "en_GB", "fr": "fr", "ru": "ru", "es": "es"}
_DATA = {"zh-hans": "zh"}
_BCP47 = {"zh-hans": "zh-Hans"}


def current_language() -> str:
    return translation.get_language() or "en"


def babel_locale(lang: str | None = None) -> str:
    return _BABEL.get(lang or current_language(), "en_GB")


def data_language(lang: str | None = None) -> str:
    """The record's code for a language: State names and treaty titles are keyed ar zh en fr ru es."""
    lang = lang or current_language()
    return _DATA.get(lang, lang)


def bcp47(lang: str | None = None) -> str:
    """The language tag for lang= and hreflang= ("zh-Hans", not Django's "zh-hans")."""
    lang = lang or current_language()
    return _BCP47.get(lang, lang)


def number(n: int, lang: str | None = None) -> str:
    return str(format_decimal(n, locale=babel_locale(lang)))


def day_text(d: date, lang: str | None = None) -> str:
    return str(format_date(d, format="long", locale=babel_locale(lang)))


def year_text(year: int, lang: str | None = None) -> str:
    return str(format_skeleton("y", date(year, 1, 1), locale=babel_locale(lang)))


def partial_text(p: PartialDate, lang: str | None = None) -> str:
    """A record date as given: a day, a month ("November 2024"), a year, or an interval."""
    if p.precision is Precision.DAY:
        return day_text(p.span.earliest, lang)
    if p.precision is Precision.MONTH:
        return str(format_skeleton("yMMMM", p.span.earliest, locale=babel_locale(lang)))
    if p.precision is Precision.YEAR:
        return year_text(p.span.earliest.year, lang)
    start, _, end = p.text.partition("/")
    end_text = partial_text(PartialDate.parse(end), lang)
    if start == "..":
        return gettext("on or before %(date)s") % {"date": end_text}
    return gettext("between %(start)s and %(end)s") % {
        "start": partial_text(PartialDate.parse(start), lang),
        "end": end_text,
    }


def span_text(span: Span | None, lang: str | None = None) -> str:
    """A computed date: one day, or the range the record's partial dates allow."""
    if span is None:
        return ""
    if span.exact:
        return day_text(span.earliest, lang)
    return gettext("between %(start)s and %(end)s") % {
        "start": day_text(span.earliest, lang),
        "end": day_text(span.latest, lang),
    }


def state_name(state: State, lang: str | None = None) -> str:
    """The UN short name in the page language."""
    return state.name(data_language(lang))
