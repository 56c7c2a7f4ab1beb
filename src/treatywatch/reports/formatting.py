"""Dates, numbers, lists and sorting as each language writes them. Pure: babel (CLDR) and the standard library.

Dates follow UN editorial practice: "1 July 2000", "1er juillet 2000", "1 de julio de 2000", "1 июля 2000 года",
"2000年7月1日", and in Arabic the UN's paired month names with Western digits ("1 تموز/يوليه 2000"), which CLDR
does not give. Numbers use the language's grouping through babel (Latin digits for Arabic, as UN documents).

Sorting: babel does not collate. With PyICU installed, ``collation_key`` uses ICU's collator for the language;
without it, a key of the NFKD-decomposed, case-folded name without combining marks (so "Côte d'Ivoire" sorts
with C, and Cyrillic and Arabic sort by code point, which follows their alphabets closely; Chinese then sorts by
code point, not by pinyin or strokes, and Spanish "ñ" sorts as "n"). PyICU is optional and not installed by default.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Sequence
from datetime import date
from typing import Any

from babel import Locale
from babel.dates import format_date
from babel.lists import format_list
from babel.numbers import format_decimal

from treatywatch.engine import PartialDate, Precision, Span

from .phrases import AR_MONTHS

__all__ = [
    "BABEL_LOCALES",
    "collation_key",
    "format_day",
    "format_list_tokens",
    "format_number",
    "format_partial",
    "icu_available",
    "plural_category",
]

BABEL_LOCALES = {"ar": "ar", "zh": "zh_Hans_CN", "en": "en_GB", "fr": "fr", "ru": "ru", "es": "es"}


def _locale(lang: str) -> str:
    try:
        return BABEL_LOCALES[lang]
    except KeyError:
        raise ValueError(f"unknown language {lang!r} (use one of {', '.join(BABEL_LOCALES)})") from None


def format_number(n: int, lang: str) -> str:
    return str(format_decimal(n, locale=_locale(lang), numbering_system="latn"))


def format_day(d: date, lang: str) -> str:
    if lang == "ar":
        return f"{d.day} {AR_MONTHS[d.month - 1]} {d.year}"
    if lang == "zh":
        return str(format_date(d, "long", locale=_locale(lang)))
    if lang == "es":
        return str(format_date(d, "d 'de' MMMM 'de' y", locale="es"))
    if lang == "ru":
        return str(format_date(d, "d MMMM y", locale="ru")) + " года"
    if lang == "fr":
        text = str(format_date(d, "d MMMM y", locale="fr"))
        return "1er" + text[1:] if d.day == 1 else text
    return str(format_date(d, "d MMMM y", locale=_locale(lang)))


def _format_month(d: date, lang: str) -> str:
    if lang == "ar":
        return f"{AR_MONTHS[d.month - 1]} {d.year}"
    if lang == "zh":
        return f"{d.year}年{d.month}月"
    if lang == "es":
        return str(format_date(d, "LLLL 'de' y", locale="es"))
    if lang == "ru":
        return str(format_date(d, "LLLL y", locale="ru")) + " года"
    return str(format_date(d, "LLLL y", locale=_locale(lang)))


def _format_year(year: int, lang: str) -> str:
    if lang == "zh":
        return f"{year}年"
    if lang == "ru":
        return f"{year} год"
    return str(year)


def format_partial(value: PartialDate, lang: str) -> str:
    """A record date at its own precision: "1 July 2000", "November 2024", "2017"; an interval by its end."""
    span = value.span
    if value.precision is Precision.DAY:
        return format_day(span.earliest, lang)
    if value.precision is Precision.MONTH:
        return _format_month(span.earliest, lang)
    if value.precision is Precision.YEAR:
        return _format_year(span.earliest.year, lang)
    return format_day(span.latest, lang)


def format_span(span: Span, lang: str) -> str:
    """One day when exact; otherwise "earliest – latest" (callers add a note saying why)."""
    if span.exact:
        return format_day(span.earliest, lang)
    return f"{format_day(span.earliest, lang)} – {format_day(span.latest, lang)}"


def format_list_tokens(items: Sequence[Any], lang: str) -> list[Any]:
    """The language's list pattern ("A, B and C", "A、B和C", "A وB وC") around arbitrary items.

    Items are not strings (a name may carry a note), so the pattern is applied to placeholders and split again.
    """
    if not items:
        return []
    marks = [f"\x00{i}\x00" for i in range(len(items))]
    text = str(format_list(marks, locale=_locale(lang)))
    out: list[Any] = []
    for i, part in enumerate(text.split("\x00")):
        if i % 2 == 0:
            if part:
                out.append(part)
        else:
            out.append(items[int(part)])
    return out


def plural_category(n: int, lang: str) -> str:
    return str(Locale.parse(_locale(lang)).plural_form(n))


def icu_available() -> bool:
    try:
        import icu  # noqa: F401
    except ImportError:
        return False
    return True


def collation_key(lang: str) -> Callable[[str], Any]:
    """A sort key for names in the report's language (ICU when available; see the module docstring).

    Arabic lists of States in UN documents ignore the definite article (الأرجنتين sorts under ر, after
    أذربيجان), so a leading "ال" is dropped from the key in both paths.
    """
    _locale(lang)
    prepare = _drop_arabic_article if lang == "ar" else _same
    try:
        import icu
    except ImportError:
        return lambda text: (_fallback_key(prepare(text)), text)
    collator = icu.Collator.createInstance(icu.Locale(BABEL_LOCALES[lang]))
    return lambda text: (collator.getSortKey(prepare(text)), text)


def _same(text: str) -> str:
    return text


def _drop_arabic_article(text: str) -> str:
    return text[2:] if text.startswith("ال") and len(text) > 2 else text


def _fallback_key(text: str) -> str:
    """Case-folded, without accents or Arabic hamza marks (أ إ آ sort as ا, as in UN Arabic lists)."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    base = "".join(c for c in decomposed if not unicodedata.combining(c))
    return base.replace("’", "'")
