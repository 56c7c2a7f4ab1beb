"""``Speaker``: the report's phrases in one language, with its dates, numbers, plurals, lists and State names."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Any

from treatywatch.engine import Span, TreatyRecord

from .formatting import collation_key, format_day, format_list_tokens, format_number, format_span, plural_category
from .model import Note, Segment
from .phrases import LANGUAGE_NAMES, PHRASES

__all__ = ["Speaker"]

_ENGLISH_MASTHEAD = ("ar", "zh", "ru")
"""UN documents in these languages keep the right-hand masthead block (Distr., date, Original) in English."""


class Speaker:
    def __init__(self, lang: str) -> None:
        if lang not in PHRASES:
            raise ValueError(f"unknown language {lang!r} (use one of {', '.join(PHRASES)})")
        self.lang = lang
        self.phrases = PHRASES[lang]
        self._key = collation_key(lang)
        self.sep = "" if lang == "zh" else " "
        """What goes between two sentences: Chinese sets none."""

    def has(self, key: str) -> bool:
        return key in self.phrases

    def __call__(self, key: str, n: int | None = None, **fields: Any) -> str:
        phrase = self.phrases[key]
        if isinstance(phrase, dict):
            if n is None:
                raise ValueError(f"phrase {key!r} has plural forms: give n")
            phrase = phrase.get(plural_category(n, self.lang)) or phrase["other"]
        if n is not None:
            fields["n"] = self.number(n)
        return phrase.format(**fields)

    def masthead_speaker(self) -> Speaker:
        return Speaker("en") if self.lang in _ENGLISH_MASTHEAD else self

    def language_name(self, code: str) -> str:
        return LANGUAGE_NAMES[self.lang][code]

    def number(self, n: int) -> str:
        return format_number(n, self.lang)

    def day(self, d: date) -> str:
        return format_day(d, self.lang)

    def span(self, s: Span) -> str:
        return format_span(s, self.lang)

    def sort_key(self, name: str) -> Any:
        """Collation key in the report's language (see ``formatting.collation_key``)."""
        return self._key(name)

    def sort(self, names: Iterable[str]) -> list[str]:
        return sorted(names, key=self._key)

    def state_name(self, code: str, record: TreatyRecord) -> str:
        return record.states.get(code).name(self.lang)

    def names(self, codes: Iterable[str], record: TreatyRecord) -> str:
        """State names in the language's order, joined by its list pattern."""
        names = self.sort({self.state_name(c, record) for c in codes})
        return "".join(str(s) for s in format_list_tokens(names, self.lang))

    def name_items(self, items: list[tuple[str, Note | None]], record: TreatyRecord) -> list[Segment]:
        """State names in the language's order, each followed by its note if any, joined by the list pattern."""
        named = sorted(((self.state_name(code, record), note) for code, note in items), key=lambda i: self._key(i[0]))
        out: list[Segment] = []
        for token in format_list_tokens(named, self.lang):
            if isinstance(token, tuple):
                out.append(token[0])
                if token[1] is not None:
                    out.append(token[1])
            else:
                out.append(token)
        return out

    def paren(self, items: list[Segment]) -> list[Segment]:
        before, _, after = self("paren", list="\x00").partition("\x00")
        return [s for s in (before, *items, after) if s != ""]
