"""Treaty definitions: a treaty's identity and its final clauses as rule parameters.

A definition is data (one TOML file per treaty, read beside the engine); ``Treaty.from_mapping`` checks it
and rejects unknown keys, so a misspelt key fails loudly instead of silently meaning "default".
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from enum import Enum
from typing import Any

from .dates import Alignment, Period, Rule
from .errors import DefinitionError
from .kinds import CONSENT_KINDS, ActionKind
from .states import LANGUAGES

__all__ = [
    "Committee",
    "Denunciation",
    "Enlargement",
    "EntryIntoForce",
    "LaterStates",
    "Procedure",
    "Reporting",
    "Treaty",
]


class LaterStates(Enum):
    """From when a State's own entry-into-force clock runs once the threshold is reached."""

    AFTER_ENTRY_INTO_FORCE = "after_entry_into_force"
    """ICRMW art. 87(2): "For each State ratifying or acceding ... after its entry into force": a State that
    deposits between the threshold instrument and entry into force is bound from the treaty's own date."""

    AFTER_THRESHOLD_DEPOSIT = "after_threshold_deposit"
    """CRC art. 49(2): "For each State ratifying or acceding ... after the deposit of the twentieth instrument":
    such a State runs its own clock from its own deposit, even before the treaty is in force."""


@dataclass(frozen=True, slots=True)
class EntryIntoForce:
    article: str
    threshold: int
    counts: frozenset[ActionKind]
    rule: Rule
    later_states: LaterStates
    later_rule: Rule
    wording: str = ""
    verbatim: bool = True
    """False when ``wording`` is a paraphrase: the article's text was not retrieved verbatim."""


@dataclass(frozen=True, slots=True)
class Denunciation:
    article: str
    rule: Rule
    not_before: Period | None = None
    """Earliest notification: this period after entry into force for the State (ICRMW art. 89(1): five years)."""


class EnlargementTrigger(Enum):
    ENTRY_INTO_FORCE_FOR_NTH_PARTY = "entry_into_force_for_nth_party"
    """ICRMW art. 72(1)(b): "after the entry into force of the Convention for the forty-first State Party"."""
    NTH_CONSENT = "nth_consent"
    """CEDAW art. 17(1): "after ratification of or accession to the Convention by the thirty-fifth State Party"."""


@dataclass(frozen=True, slots=True)
class Enlargement:
    size: int
    n: int
    trigger: EnlargementTrigger


@dataclass(frozen=True, slots=True)
class Committee:
    article: str
    name: str
    initial_size: int
    enlargements: tuple[Enlargement, ...] = ()


@dataclass(frozen=True, slots=True)
class Reporting:
    article: str
    initial: Period
    periodic: Period


@dataclass(frozen=True, slots=True)
class Procedure:
    """An optional procedure that operates once ``threshold`` States Parties have declared under ``article``."""

    id: str
    article: str
    title: str
    threshold: int


@dataclass(frozen=True, slots=True)
class Treaty:
    id: str
    untc: str
    titles: dict[str, str]
    adopted: date
    opened: date
    depositary: str
    entry_into_force: EntryIntoForce
    adopted_by: str = ""
    parent: str | None = None
    denunciation: Denunciation | None = None
    committee: Committee | None = None
    reporting: Reporting | None = None
    procedures: tuple[Procedure, ...] = ()
    record_as_of: date | None = None
    """When the record was last checked against the depositary; None when kept current."""
    recorded_entry_into_force: date | None = None
    """The entry-into-force date the depositary records, to reconcile with the date computed from the record."""
    sources: tuple[str, ...] = ()

    def title(self, lang: str = "en") -> str:
        return self.titles.get(lang) or self.titles["en"]

    def procedure(self, ident: str) -> Procedure | None:
        return next((p for p in self.procedures if p.id == ident or p.article == ident), None)

    @classmethod
    def from_mapping(cls, data: Mapping[str, Any], where: str = "<definition>") -> Treaty:
        return _Reader(where).treaty(data)


class _Reader:
    """Reads a definition mapping strictly: every key known, every value of the right type."""

    def __init__(self, where: str) -> None:
        self.where = where

    def fail(self, key: str, message: str) -> DefinitionError:
        return DefinitionError(f"{self.where}: {key}: {message}")

    def keys(self, data: Mapping[str, Any], path: str, required: set[str], optional: set[str]) -> None:
        if not isinstance(data, Mapping):
            raise self.fail(path, "must be a table")
        unknown = set(data) - required - optional
        if unknown:
            allowed = ", ".join(sorted(required | optional))
            raise self.fail(
                f"{path}.{sorted(unknown)[0]}" if path else sorted(unknown)[0], f"unknown key (allowed: {allowed})"
            )
        missing = required - set(data)
        if missing:
            raise self.fail(f"{path}.{sorted(missing)[0]}" if path else sorted(missing)[0], "required key missing")

    def text(self, data: Mapping[str, Any], key: str, path: str, default: str | None = None) -> str:
        value = data.get(key, default)
        if not isinstance(value, str) or (default is None and not value.strip()):
            raise self.fail(f"{path}{key}", "must be a non-empty string")
        return value

    def flag(self, data: Mapping[str, Any], key: str, path: str, default: bool) -> bool:
        value = data.get(key, default)
        if not isinstance(value, bool):
            raise self.fail(f"{path}{key}", "must be true or false")
        return value

    def integer(self, data: Mapping[str, Any], key: str, path: str) -> int:
        value = data.get(key)
        if not isinstance(value, int) or isinstance(value, bool) or value < 1:
            raise self.fail(f"{path}{key}", "must be a positive integer")
        return value

    def day(self, data: Mapping[str, Any], key: str, path: str) -> date:
        value = data.get(key)
        if isinstance(value, date):
            return value
        if isinstance(value, str):
            try:
                return date.fromisoformat(value)
            except ValueError:
                pass
        raise self.fail(f"{path}{key}", "must be a date YYYY-MM-DD")

    def period(self, data: Mapping[str, Any], key: str, path: str) -> Period:
        try:
            return Period.parse(self.text(data, key, path))
        except ValueError as exc:
            raise self.fail(f"{path}{key}", str(exc)) from None

    def enum(self, enum: type[Enum], data: Mapping[str, Any], key: str, path: str, default: str) -> Any:
        value = data.get(key, default)
        try:
            return enum(value)
        except ValueError:
            allowed = ", ".join(str(e.value) for e in enum)
            raise self.fail(f"{path}{key}", f"{value!r} is not one of: {allowed}") from None

    def rule(self, data: Mapping[str, Any], path: str, prefix: str = "") -> Rule:
        return Rule(
            self.period(data, f"{prefix}delay", path),
            self.enum(Alignment, data, f"{prefix}align", path, "same_day"),
        )

    def treaty(self, data: Mapping[str, Any]) -> Treaty:
        self.keys(
            data,
            "",
            {"id", "untc", "titles", "adopted", "opened", "depositary", "entry_into_force"},
            {
                "adopted_by",
                "parent",
                "denunciation",
                "committee",
                "reporting",
                "procedures",
                "record_as_of",
                "recorded_entry_into_force",
                "sources",
            },
        )
        titles = data["titles"]
        self.keys(titles, "titles", set(LANGUAGES), set())
        for lang in LANGUAGES:
            self.text(titles, lang, "titles.")
        adopted = self.day(data, "adopted", "")
        opened = self.day(data, "opened", "")
        if opened < adopted:
            raise self.fail("opened", "precedes the adoption date")
        sources = data.get("sources", [])
        if not isinstance(sources, list) or not all(isinstance(s, str) for s in sources):
            raise self.fail("sources", "must be a list of strings")
        procedures = data.get("procedures", [])
        if not isinstance(procedures, list):
            raise self.fail("procedures", "must be an array of tables")
        parsed_procedures = tuple(self.procedure(p, i) for i, p in enumerate(procedures))
        ids = [p.id for p in parsed_procedures]
        if len(set(ids)) != len(ids):
            raise self.fail("procedures", "two procedures share an id")
        parent = data.get("parent")
        if parent is not None and not isinstance(parent, str):
            raise self.fail("parent", "must be a treaty identifier")
        return Treaty(
            id=self.text(data, "id", ""),
            untc=self.text(data, "untc", ""),
            titles=dict(titles),
            adopted=adopted,
            opened=opened,
            depositary=self.text(data, "depositary", ""),
            adopted_by=self.text(data, "adopted_by", "", ""),
            parent=parent,
            entry_into_force=self.entry_into_force(data["entry_into_force"]),
            denunciation=self.denunciation(data["denunciation"]) if "denunciation" in data else None,
            committee=self.committee(data["committee"]) if "committee" in data else None,
            reporting=self.reporting(data["reporting"]) if "reporting" in data else None,
            procedures=parsed_procedures,
            record_as_of=self.day(data, "record_as_of", "") if "record_as_of" in data else None,
            recorded_entry_into_force=(
                self.day(data, "recorded_entry_into_force", "") if "recorded_entry_into_force" in data else None
            ),
            sources=tuple(sources),
        )

    def entry_into_force(self, data: Mapping[str, Any]) -> EntryIntoForce:
        path = "entry_into_force"
        self.keys(
            data,
            path,
            {"article", "threshold", "counts", "delay"},
            {"align", "later_states", "later_delay", "later_align", "wording", "verbatim"},
        )
        counts = data["counts"]
        if not isinstance(counts, list) or not counts:
            raise self.fail(f"{path}.counts", "must be a non-empty list of consent kinds")
        kinds: set[ActionKind] = set()
        for item in counts:
            try:
                kind = ActionKind.parse(str(item))
            except ValueError as exc:
                raise self.fail(f"{path}.counts", str(exc)) from None
            if kind not in CONSENT_KINDS:
                raise self.fail(f"{path}.counts", f"{kind.value} is not a consent to be bound")
            kinds.add(kind)
        rule = self.rule(data, f"{path}.")
        later = Rule(
            self.period(data, "later_delay", f"{path}.") if "later_delay" in data else rule.period,
            self.enum(Alignment, data, "later_align", f"{path}.", rule.alignment.value),
        )
        return EntryIntoForce(
            article=self.text(data, "article", f"{path}."),
            threshold=self.integer(data, "threshold", f"{path}."),
            counts=frozenset(kinds),
            rule=rule,
            later_states=self.enum(LaterStates, data, "later_states", f"{path}.", "after_entry_into_force"),
            later_rule=later,
            wording=self.text(data, "wording", f"{path}.", ""),
            verbatim=self.flag(data, "verbatim", f"{path}.", True),
        )

    def denunciation(self, data: Mapping[str, Any]) -> Denunciation:
        path = "denunciation"
        self.keys(data, path, {"article", "delay"}, {"align", "not_before"})
        return Denunciation(
            article=self.text(data, "article", f"{path}."),
            rule=self.rule(data, f"{path}."),
            not_before=self.period(data, "not_before", f"{path}.") if "not_before" in data else None,
        )

    def committee(self, data: Mapping[str, Any]) -> Committee:
        path = "committee"
        self.keys(data, path, {"article", "name", "initial_size"}, {"enlargements"})
        raw = data.get("enlargements", [])
        if not isinstance(raw, list):
            raise self.fail(f"{path}.enlargements", "must be an array of tables")
        enlargements = []
        for i, item in enumerate(raw):
            sub = f"{path}.enlargements[{i}]"
            self.keys(item, sub, {"size", "n", "trigger"}, set())
            enlargements.append(
                Enlargement(
                    size=self.integer(item, "size", f"{sub}."),
                    n=self.integer(item, "n", f"{sub}."),
                    trigger=self.enum(EnlargementTrigger, item, "trigger", f"{sub}.", ""),
                )
            )
        return Committee(
            article=self.text(data, "article", f"{path}."),
            name=self.text(data, "name", f"{path}."),
            initial_size=self.integer(data, "initial_size", f"{path}."),
            enlargements=tuple(sorted(enlargements, key=lambda e: e.n)),
        )

    def reporting(self, data: Mapping[str, Any]) -> Reporting:
        path = "reporting"
        self.keys(data, path, {"article", "initial", "periodic"}, set())
        return Reporting(
            article=self.text(data, "article", f"{path}."),
            initial=self.period(data, "initial", f"{path}."),
            periodic=self.period(data, "periodic", f"{path}."),
        )

    def procedure(self, data: Mapping[str, Any], index: int) -> Procedure:
        path = f"procedures[{index}]"
        self.keys(data, path, {"id", "article", "title", "threshold"}, set())
        return Procedure(
            id=self.text(data, "id", f"{path}."),
            article=self.text(data, "article", f"{path}."),
            title=self.text(data, "title", f"{path}."),
            threshold=self.integer(data, "threshold", f"{path}."),
        )
