"""The report's fixed wording in the six official languages, in the UN's customary terms.

One dict per language, one module each (``en.py``, ``fr.py`` ...). These are not gettext messages: the wording
of a document of the General Assembly matters legally, so each language's text is written here in full and
reviewed like code (the portal's interface strings go through gettext and .po files instead).

A value is either a string with ``{named}`` fields, or a dict of plural forms keyed by CLDR category (``one``,
``few``, ``many``, ``other``; ``other`` is the fallback), chosen with the count ``n``. Russian and Arabic counts
are phrased as "the number of ... was N" where agreement with a numeral would otherwise need case forms.

The masthead of the Arabic, Chinese and Russian versions keeps "Distr.: General", the date, the language line and
"Original: ..." in English, as the UN prints them; French and Spanish translate them.
"""

from __future__ import annotations

from . import ar, en, es, fr, ru, zh
from ._types import Phrase

__all__ = ["AR_MONTHS", "LANGUAGE_NAMES", "PHRASES", "Phrase"]

PHRASES: dict[str, dict[str, Phrase]] = {
    "ar": ar.PHRASES,
    "zh": zh.PHRASES,
    "en": en.PHRASES,
    "fr": fr.PHRASES,
    "ru": ru.PHRASES,
    "es": es.PHRASES,
}
"""One dict per language; a test checks that every language has every key and the same fields."""

LANGUAGE_NAMES: dict[str, dict[str, str]] = {
    "en": {"ar": "Arabic", "zh": "Chinese", "en": "English", "fr": "French", "ru": "Russian", "es": "Spanish"},
    "fr": {"ar": "arabe", "zh": "chinois", "en": "anglais", "fr": "français", "ru": "russe", "es": "espagnol"},
    "es": {"ar": "árabe", "zh": "chino", "en": "inglés", "fr": "francés", "ru": "ruso", "es": "español"},
}
"""Language names in the languages whose masthead is translated (Arabic, Chinese and Russian use English)."""

AR_MONTHS = (
    "كانون الثاني/يناير",
    "شباط/فبراير",
    "آذار/مارس",
    "نيسان/أبريل",
    "أيار/مايو",
    "حزيران/يونيه",
    "تموز/يوليه",
    "آب/أغسطس",
    "أيلول/سبتمبر",
    "تشرين الأول/أكتوبر",
    "تشرين الثاني/نوفمبر",
    "كانون الأول/ديسمبر",
)
"""Month names as UN Arabic documents write them (Levantine/Egyptian pairs)."""
