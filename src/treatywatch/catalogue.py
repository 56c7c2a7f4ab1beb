"""Reading the data files into the engine: treaty definitions (TOML), States (CSV) and ledgers (CSV).

This is the I/O beside the pure engine. Every problem names the file and line (or key). A ledger file is
read whole and checked whole: if any line is wrong, nothing of it is taken (``LedgerError`` lists them all).
"""

from __future__ import annotations

import csv
import gc
import tomllib
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date
from importlib import resources
from pathlib import Path
from typing import TextIO

from .engine import (
    Action,
    ActionKind,
    DateError,
    DefinitionError,
    LedgerError,
    PartialDate,
    RecordProblem,
    State,
    StateListError,
    StateRegistry,
    Treaty,
    TreatyRecord,
    UnknownTreaty,
)
from .engine.states import LANGUAGES

__all__ = [
    "LEDGER_COLUMNS",
    "Catalogue",
    "data_dir",
    "load_catalogue",
    "read_ledger",
    "read_states",
    "read_treaty",
]

LEDGER_COLUMNS = (
    "treaty",
    "state",
    "kind",
    "date",
    "article",
    "target",
    "effective",
    "reference",
    "text",
    "note",
    "source",
)
"""The ledger CSV format: the same columns are written by every export and read by every import."""
REQUIRED_LEDGER_COLUMNS = {"treaty", "state", "kind", "date"}


def data_dir() -> Path:
    """The data shipped inside the package."""
    return Path(str(resources.files("treatywatch") / "data"))


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector while reading a ledger: the actions form no reference cycle, but
    each time the collector runs it walks every one built so far, a third of the reading time of a ledger of
    300,000 lines (bench/engine.py). Left alone if it was already off; any garbage is collected as usual once
    it is back on."""
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


def read_treaty(path: Path) -> Treaty:
    try:
        with path.open("rb") as fh:
            data = tomllib.load(fh)
    except tomllib.TOMLDecodeError as exc:
        raise DefinitionError(f"{path.name}: not valid TOML: {exc}") from None
    treaty = Treaty.from_mapping(data, where=path.name)
    if treaty.id != path.stem:
        raise DefinitionError(f"{path.name}: id: {treaty.id!r} does not match the file name")
    return treaty


def read_states(*paths: Path) -> StateRegistry:
    """Present States (``states.csv``) and historical entities (``historical_states.csv``)."""
    states: list[State] = []
    seen: set[str] = set()
    for path in paths:
        with path.open(encoding="utf-8", newline="") as fh:
            for line, row in enumerate(csv.DictReader(fh), start=2):
                where = f"{path.name}:{line}"
                try:
                    names = {lang: row[f"name_{lang}"].strip() for lang in LANGUAGES}
                    code = row["code"].strip()
                except KeyError as exc:
                    raise StateListError(f"{where}: missing column {exc.args[0]}") from None
                if len(code) != 3 or not code.isalpha() or not code.isupper():
                    raise StateListError(f"{where}: code: {code!r} is not an alpha-3 code")
                if code in seen:
                    raise StateListError(f"{where}: code: {code} appears twice")
                if not all(names.values()):
                    missing = [lang for lang, name in names.items() if not name]
                    raise StateListError(f"{where}: name_{missing[0]}: empty")
                seen.add(code)
                ended = row.get("ended", "").strip()
                try:
                    ended_day = date.fromisoformat(ended) if ended else None
                except ValueError:
                    raise StateListError(f"{where}: ended: {ended!r} is not YYYY-MM-DD") from None
                states.append(
                    State(
                        code=code,
                        m49=row["m49"].strip().zfill(3),
                        names=names,
                        region=row.get("region", "").strip(),
                        subregion=row.get("subregion", "").strip(),
                        member=row.get("member", "no").strip() == "yes",
                        ended=ended_day,
                        successors=tuple(s for s in row.get("successors", "").split(";") if s),
                        continued_by=row.get("continued_by", "").strip() or None,
                    )
                )
    return StateRegistry(states)


_KINDS = {kind.value: kind for kind in ActionKind}
"""Each kind by its exact spelling in the file, so the common case skips ``ActionKind.parse``."""


def read_ledger(
    source: Path | TextIO, name: str | None = None, problems_out: list[RecordProblem] | None = None
) -> list[Action]:
    """Every action of a ledger CSV; all lines are checked before any error is raised.

    With ``problems_out``, unreadable lines are added to it and the readable ones returned (``validate`` goes on
    to check them against the treaty's rules, so one run names every bad line).
    """
    if isinstance(source, Path):
        with source.open(encoding="utf-8-sig", newline="") as fh:
            return read_ledger(fh, name or source.name, problems_out)
    label = name or "<ledger>"
    # Rows are read as lists rather than through csv.DictReader (a ledger may have hundreds of thousands of
    # lines), with DictReader's rules: blank lines skipped and not counted, short rows padded with empty cells,
    # a repeated column read from its last occurrence, extra cells an error.
    reader = csv.reader(source)
    header = next(reader, None) or []
    unknown = [c for c in header if c not in LEDGER_COLUMNS]
    missing = REQUIRED_LEDGER_COLUMNS - set(header)
    if unknown or missing:
        what = f"unknown column {unknown[0]!r}" if unknown else f"missing column {sorted(missing)[0]!r}"
        raise LedgerError([RecordProblem(f"{label}:1", "header", f"{what} (columns: {', '.join(LEDGER_COLUMNS)})")])
    width = len(header)
    position = {column: i for i, column in enumerate(header)}
    # An absent column reads the empty cell appended after the last one.
    at = dict.fromkeys(LEDGER_COLUMNS, width) | position
    actions: list[Action] = []
    problems: list[RecordProblem] = []
    dates: dict[str, PartialDate] = {}
    with _collector_paused():
        _read_rows(reader, label, width, at, actions, problems, dates)
    if problems and problems_out is None:
        raise LedgerError(problems)
    if problems_out is not None:
        problems_out.extend(problems)
    return actions


def _read_rows(
    reader: Iterator[list[str]],
    label: str,
    width: int,
    at: dict[str, int],
    actions: list[Action],
    problems: list[RecordProblem],
    dates: dict[str, PartialDate],
) -> None:
    """The rows after the header, each into ``actions`` or its problems into ``problems``."""
    i_treaty, i_state, i_kind, i_date = at["treaty"], at["state"], at["kind"], at["date"]
    i_article, i_target, i_effective, i_reference = at["article"], at["target"], at["effective"], at["reference"]
    i_text, i_note, i_source = at["text"], at["note"], at["source"]
    line = 1
    for row in reader:
        if not row:
            continue
        line += 1
        where = f"{label}:{line}"
        if len(row) > width:
            problems.append(RecordProblem(where, "line", "more cells than columns"))
            continue
        cells = list(map(str.strip, row))
        cells.extend([""] * (width + 1 - len(row)))
        treaty, state, kind_text, date_text = cells[i_treaty], cells[i_state], cells[i_kind], cells[i_date]
        if not (treaty and state and kind_text and date_text):
            given = {"treaty": treaty, "state": state, "kind": kind_text, "date": date_text}
            problems.extend(RecordProblem(where, c, "empty") for c in sorted(REQUIRED_LEDGER_COLUMNS) if not given[c])
            continue
        kind = _KINDS.get(kind_text)
        if kind is None:
            try:
                kind = ActionKind.parse(kind_text)
            except ValueError as exc:
                problems.append(RecordProblem(where, "kind", str(exc)))
                continue
        when = dates.get(date_text) or _date(date_text, "date", where, problems, dates)
        if when is None:
            continue
        effective = None
        if cells[i_effective]:
            effective = dates.get(cells[i_effective]) or _date(cells[i_effective], "effective", where, problems, dates)
            if effective is None:
                continue
        actions.append(
            Action(
                treaty,
                state,
                kind,
                when,
                cells[i_article],
                cells[i_target],
                cells[i_reference],
                cells[i_text],
                cells[i_note],
                cells[i_source],
                effective,
                where,
            )
        )


def _date(
    text: str, column: str, where: str, problems: list[RecordProblem], seen: dict[str, PartialDate]
) -> PartialDate | None:
    """The partial date of a cell (remembered in ``seen``), or None with the problem noted."""
    try:
        when = seen[text] = PartialDate.parse(text)
    except DateError as exc:
        problems.append(RecordProblem(where, column, str(exc)))
        return None
    return when


def write_ledger(actions: Iterable[Action], out: TextIO) -> None:
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(LEDGER_COLUMNS)
    for a in actions:
        writer.writerow(
            [
                a.treaty,
                a.state,
                a.kind.value,
                a.date.text,
                a.article,
                a.target,
                a.effective.text if a.effective else "",
                a.reference,
                a.text,
                a.note,
                a.source,
            ]
        )


@dataclass
class Catalogue:
    """Every treaty we hold, the States, and each treaty's checked record (built on first use)."""

    states: StateRegistry
    treaties: dict[str, Treaty]
    ledgers: dict[str, list[Action]]
    today: date
    sources: dict[str, str] = field(default_factory=dict)
    _records: dict[str, TreatyRecord] = field(default_factory=dict)

    def treaty(self, ident: str) -> Treaty:
        key = ident.strip().upper()
        if key not in self.treaties:
            raise UnknownTreaty(ident, list(self.treaties))
        return self.treaties[key]

    def record(self, ident: str) -> TreatyRecord:
        treaty = self.treaty(ident)
        if treaty.id not in self._records:
            parent = self.record(treaty.parent) if treaty.parent else None
            # A record is built once and kept: pause the collector while its many small objects are made, then
            # move them out of its reach (gc.freeze) so later collections do not walk them again and again.
            paused = gc.isenabled()
            gc.disable()
            try:
                self._records[treaty.id] = TreatyRecord(
                    treaty, self.ledgers.get(treaty.id, []), self.states, self.today, parent
                )
            finally:
                if paused:
                    gc.freeze()
                    gc.enable()
        return self._records[treaty.id]

    def records(self) -> Iterator[TreatyRecord]:
        for ident in sorted(self.treaties):
            yield self.record(ident)


def load_catalogue(root: Path | None = None, today: date | None = None) -> Catalogue:
    """Read every definition, the States and every ledger under ``root`` (default: the package data)."""
    root = root or data_dir()
    states = read_states(root / "states.csv", root / "historical_states.csv")
    treaties = {}
    for path in sorted((root / "treaties").glob("*.toml")):
        treaty = read_treaty(path)
        treaties[treaty.id] = treaty
    for treaty in treaties.values():
        if treaty.parent is not None and treaty.parent not in treaties:
            raise DefinitionError(f"{treaty.id}.toml: parent: no definition for {treaty.parent!r}")
    ledgers: dict[str, list[Action]] = {}
    problems: list[RecordProblem] = []
    for path in sorted((root / "records").glob("*.csv")):
        try:
            actions = read_ledger(path)
        except LedgerError as exc:
            problems.extend(exc.problems)
            continue
        for action in actions:
            ledgers.setdefault(action.treaty, []).append(action)
    if problems:
        raise LedgerError(problems)
    unknown = sorted(set(ledgers) - set(treaties))
    if unknown:
        first = ledgers[unknown[0]][0]
        raise LedgerError([RecordProblem(first.where, "treaty", f"no definition for treaty {unknown[0]!r}")])
    sources = {}
    sources_path = root / "sources.csv"
    if sources_path.exists():
        with sources_path.open(encoding="utf-8", newline="") as fh:
            sources = {row["id"]: row["citation"] for row in csv.DictReader(fh)}
    return Catalogue(states, treaties, ledgers, today or date.today(), sources)
