"""Dates, numbers and names in the page language: CLDR formats through babel, UN names from the record.

Django names the Chinese interface "zh-hans"; babel calls that locale "zh_Hans" and the record's names use the
UN's code "zh". English follows UN usage: day, month, year ("1 July 2003"), which is CLDR's en_GB.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache
from typing import Literal

from babel import Locale
from babel.dates import format_date, format_skeleton
from babel.lists import format_list
from babel.numbers import format_decimal
from django.utils import translation
from django.utils.translation import gettext

from treatywatch.engine import PartialDate, Precision, Span, State

__all__ = [
    "When",
    "babel_locale",
    "bcp47",
    "current_language",
    "data_language",
    "day_text",
    "language_name",
    "list_text",
    "month_in_sentence",
    "number",
    "partial_text",
    "span_text",
    "state_name",
    "when_partial",
    "when_span",
    "whole_month",
    "whole_year",
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
    return _decimal(n, babel_locale(lang))


@lru_cache(maxsize=4096)
def _decimal(n: int, locale: str) -> str:
    return str(format_decimal(n, locale=locale))


def day_text(d: date, lang: str | None = None) -> str:
    return _long_date(d, babel_locale(lang))


@lru_cache(maxsize=32768)
def _long_date(d: date, locale: str) -> str:
    """CLDR's long date: a day reads alike in a locale every time, and a State page in six languages shows many."""
    return str(format_date(d, format="long", locale=locale))


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


def list_text(items: Sequence[str], style: Literal["standard", "or"] = "standard", lang: str | None = None) -> str:
    """Items joined as the language lists them (CLDR): "A, B and C", "A وB وC", "A、B和C"; style "or" for a choice."""
    return str(format_list(list(items), style=style, locale=babel_locale(lang))) if items else ""


def language_name(code: str, lang: str | None = None) -> str:
    """The name of a language ("fr", "zh", "zh-hans") in the page language, capitalised as a table cell."""
    base = code.replace("_", "-").split("-")[0]
    name = Locale.parse(base).get_language_name(babel_locale(lang)) or code
    return name[:1].upper() + name[1:]


def whole_year(span: Span) -> bool:
    e, last = span.earliest, span.latest
    return (e.month, e.day, last.month, last.day) == (1, 1, 12, 31) and e.year == last.year


def whole_month(span: Span) -> bool:
    e, last = span.earliest, span.latest
    return e.day == 1 and (e.year, e.month) == (last.year, last.month) and (last + timedelta(days=1)).day == 1


@lru_cache(maxsize=16)
def _month_pattern(locale: str) -> str:
    """CLDR's month-and-year pattern with the month in its format form: Russian "ноября 2024 г." (genitive, as
    "в течение ..." needs) where the stand-alone form is "ноябрь 2024 г."; the other five languages read alike."""
    pattern = str(Locale.parse(locale).datetime_skeletons["yMMMM"].pattern)
    parts = pattern.split("'")
    return "'".join(p.replace("L", "M") if i % 2 == 0 else p for i, p in enumerate(parts))


@dataclass(frozen=True, slots=True)
class When:
    """A date as a sentence needs it, so that each form has its own sentence to translate:

    - ``day``: one day ({"date": "1 July 2003"}): "since 1 July 2003"
    - ``month``: a month the record gives without the day ({"date": "November 2024"}): "in November 2024"
    - ``year``: a year the record gives without month or day ({"date": "2016"}): "in 2016"
    - ``between``: a range of possible days ({"start": ..., "end": ...})
    - ``by``: an undated act known to precede a day ({"date": ...}): "on or before 26 October 2014"

    Month and year are apart because not every language says "in" alike for both (Russian "в 2016 г.", but
    "в течение ноября 2024 г.", the month in the genitive).
    """

    form: str
    values: dict[str, str]


def month_in_sentence(d: date, lang: str | None = None) -> str:
    """A month and year as a sentence says them ("in %(date)s"): see ``_month_pattern``."""
    locale = babel_locale(lang)
    return str(format_date(d, _month_pattern(locale), locale=locale))


def when_span(span: Span, lang: str | None = None) -> When:
    """A computed date for a sentence: one day, a whole month or year, or a range of possible days."""
    if span.exact:
        return When("day", {"date": day_text(span.earliest, lang)})
    if whole_year(span):
        return When("year", {"date": year_text(span.earliest.year, lang)})
    if whole_month(span):
        return When("month", {"date": month_in_sentence(span.earliest, lang)})
    return When("between", {"start": day_text(span.earliest, lang), "end": day_text(span.latest, lang)})


def when_partial(p: PartialDate, lang: str | None = None) -> When:
    """A record date for a sentence, as the record gives it (a day, a month, a year or an interval)."""
    if p.precision is Precision.DAY:
        return When("day", {"date": day_text(p.span.earliest, lang)})
    if p.precision is Precision.MONTH:
        return When("month", {"date": month_in_sentence(p.span.earliest, lang)})
    if p.precision is Precision.YEAR:
        return When("year", {"date": year_text(p.span.earliest.year, lang)})
    start, _, end = p.text.partition("/")
    end_text = partial_text(PartialDate.parse(end), lang)
    if start == "..":
        return When("by", {"date": end_text})
    return When("between", {"start": partial_text(PartialDate.parse(start), lang), "end": end_text})
