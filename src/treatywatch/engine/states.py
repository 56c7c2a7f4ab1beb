"""States: present UN Member and observer States, and the historical entities the depositary record uses."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field, replace
from datetime import date

from .errors import UnknownState

__all__ = ["LANGUAGES", "State", "StateRegistry"]

LANGUAGES = ("ar", "zh", "en", "fr", "ru", "es")
"""The six official languages of the United Nations, in the UN's alphabetical order of their English names."""


@dataclass(frozen=True, slots=True)
class State:
    """A State that can act under a treaty.

    ``code`` is the ISO 3166-1 alpha-3 code (ISO 3166-3 for entities that no longer exist: DDR, CSK, YUG, SCG,
    SUN). ``ended`` is the last day the entity existed; its instruments count until then. ``successors`` are
    the States that succeeded it; ``continued_by`` is the one State that continues its legal personality and
    whose record in UN tables carries its dates (the Russian Federation for the USSR).
    """

    code: str
    m49: str
    names: dict[str, str] = field(hash=False, compare=False)
    region: str = ""
    subregion: str = ""
    member: bool = True
    ended: date | None = None
    successors: tuple[str, ...] = ()
    continued_by: str | None = None
    predecessors: tuple[str, ...] = ()

    def name(self, lang: str = "en") -> str:
        return self.names.get(lang) or self.names["en"]

    @property
    def historical(self) -> bool:
        return self.ended is not None

    def exists_on(self, day: date) -> bool:
        return self.ended is None or day <= self.ended


def _fold(text: str) -> str:
    """Case- and accent-insensitive key, so "cote d'ivoire" finds Côte d'Ivoire."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(stripped.replace("’", "'").split())


class StateRegistry:
    """Every State the record may name, found by alpha-3 code, M49 code or any of its names."""

    def __init__(self, states: Iterable[State], aliases: dict[str, str] | None = None) -> None:
        self._by_code: dict[str, State] = {}
        self._index: dict[str, str] = {}
        for state in states:
            self._by_code[state.code] = state
        for state in list(self._by_code.values()):
            predecessors = tuple(
                p.code for p in self._by_code.values() if state.code in p.successors or p.continued_by == state.code
            )
            if predecessors and not state.predecessors:
                state = replace(state, predecessors=predecessors)
                self._by_code[state.code] = state
            self._index[state.code.casefold()] = state.code
            self._index[state.m49] = state.code
            self._index[state.m49.lstrip("0")] = state.code
            for name in state.names.values():
                self._index.setdefault(_fold(name), state.code)
        for alias, code in (aliases or {}).items():
            self._index[_fold(alias)] = code
        self.codes: Mapping[str, State] = self._by_code
        """Each State by its alpha-3 code only (read-only; ``get`` also finds M49 codes and names)."""
        self.ended: Mapping[str, date] = {
            state.code: state.ended for state in self._by_code.values() if state.ended is not None
        }
        """The last day of each entity that ceased to exist, by code."""

    def __iter__(self) -> Iterator[State]:
        return iter(self._by_code.values())

    def __len__(self) -> int:
        return len(self._by_code)

    def __contains__(self, code: object) -> bool:
        return code in self._by_code

    def get(self, key: str) -> State:
        """The State for a code (alpha-3 or M49) or a name in any of the six languages."""
        if key in self._by_code:
            return self._by_code[key]
        code = self._index.get(key.casefold()) or self._index.get(_fold(key))
        if code is None:
            raise UnknownState(key)
        return self._by_code[code]

    def lineage(self, code: str) -> tuple[str, ...]:
        """The State and every predecessor, nearest first (Czechia, then Czechoslovakia)."""
        seen: list[str] = []
        todo = [code]
        while todo:
            current = todo.pop(0)
            if current in seen or current not in self._by_code:
                continue
            seen.append(current)
            todo.extend(self._by_code[current].predecessors)
        return tuple(seen)

    def search(self, text: str, limit: int = 10) -> list[State]:
        """States whose code or any name contains ``text`` (folded), best matches first."""
        needle = _fold(text)
        if not needle:
            return []
        hits: dict[str, int] = {}
        for state in self._by_code.values():
            keys = [_fold(n) for n in state.names.values()] + [state.code.casefold()]
            for key in keys:
                if key == needle:
                    hits[state.code] = min(hits.get(state.code, 9), 0)
                elif key.startswith(needle):
                    hits[state.code] = min(hits.get(state.code, 9), 1)
                elif needle in key:
                    hits[state.code] = min(hits.get(state.code, 9), 2)
        ranked = sorted(hits, key=lambda c: (hits[c], self._by_code[c].names["en"]))
        return [self._by_code[c] for c in ranked[:limit]]
