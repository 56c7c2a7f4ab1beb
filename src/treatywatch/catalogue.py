"""Reading the data files into the engine: treaty definitions (TOML), States (CSV) and ledgers (CSV).

This is the I/O beside the pure engine. Every problem names the file and line (or key). A ledger file is
read whole and checked whole: if any line is wrong, nothing of it is taken (``LedgerError`` lists them all).
"""

from __future__ import annotations

import csv
import gc
import io
import re
import sys
import tomllib
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date
from importlib import resources
from itertools import groupby
from operator import attrgetter, itemgetter, methodcaller
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
from .engine.ledger import new_action
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
def _collector_paused(freeze: bool = False) -> Iterator[None]:
    """Pause the cyclic garbage collector while reading: the objects read form no reference cycle, but each
    time the collector runs it walks every one built so far (a third of the reading time of a ledger of 300,000
    lines, bench/engine.py). Left alone if it was already off; any garbage is collected as usual once it is
    back on. With ``freeze``, what was read is then moved out of the collector's reach (``gc.freeze``), as
    ``Catalogue.record`` does for the records, so later collections do not walk it again and again."""
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
        if freeze:
            gc.freeze()
    finally:
        gc.enable()


def read_treaty(path: Path) -> Treaty:
    with path.open("rb") as fh:
        text = fh.read().decode()  # as tomllib.load does
    data = _simple_toml(text)
    if data is None:
        try:
            data = tomllib.loads(text)
        except tomllib.TOMLDecodeError as exc:
            raise DefinitionError(f"{path.name}: not valid TOML: {exc}") from None
    treaty = Treaty.from_mapping(data, where=path.name)
    if treaty.id != path.stem:
        raise DefinitionError(f"{path.name}: id: {treaty.id!r} does not match the file name")
    return treaty


class _NotSimple(Exception):
    """A TOML text beyond what ``_simple_toml`` reads: tomllib reads it (or says what is wrong)."""


_TOML_KEY = re.compile(r"[A-Za-z0-9_-]+")
_TOML_HEADER = re.compile(r"[ \t]*(\[\[?)[ \t]*([A-Za-z0-9_-]+)[ \t]*(\]\]?)[ \t]*")
_TOML_SCALAR = re.compile(r"(true|false)|([0-9]{4}-[0-9]{2}-[0-9]{2})|([+-]?(?:0|[1-9][0-9]*))")
_TOML_UNSAFE = re.compile("[\x00-\x1f\x7f]")
"""Characters a TOML comment or basic string may not hold raw, and the tab (which they may, left to tomllib)."""
_TOML_END = frozenset(" \t,]}#")
"""What may follow a scalar value (or the end of the line)."""


def _simple_toml(text: str) -> dict[str, object] | None:
    """``tomllib.loads(text)`` for the simple TOML of treaty definitions, faster (a load reads hundreds of them);
    None for anything else, which tomllib then reads or rejects with its own message.

    Simple: one item per line (LF or CRLF); bare keys; [table] and [[array of tables]] headers of one bare key;
    values that are basic strings without escapes, integers in decimal, true, false, dates (YYYY-MM-DD), and
    one-line arrays and inline tables of them; comments. Every rule tomllib applies to those (no key or table
    twice, no leading zeros, no trailing comma in an inline table, no control character) gives None here.
    The tests compare it with tomllib on the shipped and synthetic definitions and on random texts.
    """
    root: dict[str, object] = {}
    table = root
    arrays: dict[str, list[dict[str, object]]] = {}  # the [[arrays of tables]]
    try:
        lines = text.split("\n")
        last = len(lines) - 1
        for number, raw in enumerate(lines):
            line = raw[:-1] if raw.endswith("\r") and number < last else raw  # CRLF; a lone CR is not simple
            i = _toml_space(line, 0)
            if i == len(line):
                continue
            if line[i] == "#":
                _toml_comment(line, i)
                continue
            if line[i] == "[":
                header = _TOML_HEADER.match(line)
                if header is None:
                    raise _NotSimple
                opening, name, closing = header.groups()
                if len(opening) != len(closing):
                    raise _NotSimple
                _toml_comment(line, header.end())
                if len(opening) == 1:  # [name]
                    if name in root:
                        raise _NotSimple
                    table = root[name] = {}
                else:  # [[name]]
                    tables = arrays.get(name)
                    if tables is None:
                        if name in root:
                            raise _NotSimple
                        tables = arrays[name] = []
                        root[name] = tables
                    table = {}
                    tables.append(table)
                continue
            key = _TOML_KEY.match(line, i)
            if key is None:
                raise _NotSimple
            i = _toml_space(line, key.end())
            if line[i] != "=" or key.group() in table:
                raise _NotSimple
            value, i = _toml_value(line, _toml_space(line, i + 1))
            _toml_comment(line, _toml_space(line, i))
            table[key.group()] = value
    except (_NotSimple, IndexError):
        return None
    return root


def _toml_space(line: str, i: int) -> int:
    while i < len(line) and line[i] in " \t":
        i += 1
    return i


def _toml_comment(line: str, i: int) -> None:
    """The rest of the line from ``i`` is empty or a comment."""
    if i < len(line) and (line[i] != "#" or _TOML_UNSAFE.search(line, i)):
        raise _NotSimple


def _toml_value(line: str, i: int) -> tuple[object, int]:
    """The value starting at ``i``, and where it ends."""
    first = line[i]
    if first == '"':
        end = line.find('"', i + 1)
        if end < 0 or (end == i + 1 and line.startswith('"""', i)):
            raise _NotSimple
        value = line[i + 1 : end]
        if "\\" in value or _TOML_UNSAFE.search(value):
            raise _NotSimple
        return value, end + 1
    if first == "[":
        items: list[object] = []
        i = _toml_space(line, i + 1)
        while line[i] != "]":
            item, i = _toml_value(line, i)
            items.append(item)
            i = _toml_space(line, i)
            if line[i] == ",":
                i = _toml_space(line, i + 1)
            elif line[i] != "]":
                raise _NotSimple
        return items, i + 1
    if first == "{":
        table: dict[str, object] = {}
        i = _toml_space(line, i + 1)
        if line[i] == "}":
            return table, i + 1
        while True:
            key = _TOML_KEY.match(line, i)
            if key is None or key.group() in table:
                raise _NotSimple
            i = _toml_space(line, key.end())
            if line[i] != "=":
                raise _NotSimple
            table[key.group()], i = _toml_value(line, _toml_space(line, i + 1))
            i = _toml_space(line, i)
            if line[i] == "}":
                return table, i + 1
            if line[i] != ",":
                raise _NotSimple
            i = _toml_space(line, i + 1)
    scalar = _TOML_SCALAR.match(line, i)
    if scalar is None or (scalar.end() < len(line) and line[scalar.end()] not in _TOML_END):
        raise _NotSimple
    boolean, day, integer = scalar.groups()
    if boolean is not None:
        return boolean == "true", scalar.end()
    if day is not None:
        try:
            return date.fromisoformat(day), scalar.end()
        except ValueError:
            raise _NotSimple from None
    return int(integer), scalar.end()


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
        label = name or source.name
        with source.open(encoding="utf-8-sig", newline="") as fh:
            found = _read_plain_file(fh, label)
            if found is not None:
                return found
            fh.seek(0)  # the file again, whole, the slower way that says what is wrong where
            return _read_ledger(fh.read(), label, problems_out)
    return _read_ledger(source, name or "<ledger>", problems_out)


_CHUNK = 1 << 18
"""Characters read at a time by ``_read_plain_file``: a few hundred KiB reused, rather than a whole file of tens
of MiB and its lines held at once (fewer pages for the kernel to hand over: a tenth of a large load's time)."""
_PLAIN_HEADERS = (",".join(LEDGER_COLUMNS) + "\n", ",".join(LEDGER_COLUMNS) + "\r\n")


def _read_plain_file(fh: TextIO, label: str) -> list[Action] | None:
    """The actions of a ledger file read piece by piece, if it is plain throughout (``_plain``: its columns in
    the usual order, no quote, no blank line, nothing to strip, every row readable), else None, with part of the
    file read: ``read_ledger`` then reads it whole (the same actions either way, and the problems by line)."""
    if fh.readline() not in _PLAIN_HEADERS:
        return None
    actions: list[Action] = []
    dates: dict[str, PartialDate] = {}
    number = 2  # the line number of the next row
    carry = ""  # the start of a line whose end is in the next piece
    with _collector_paused():
        while True:
            chunk = fh.read(_CHUNK)
            text = carry + chunk
            if chunk:
                cut = text.rfind("\n") + 1
                part, carry = text[:cut], text[cut:]
            else:
                part, carry = text, ""
            if part:
                plain = _plain(part)
                if plain is None or plain[1]:
                    return None
                found = _read_plain(plain[0], label, None, dates, number)
                if found is None:
                    return None
                actions += found
                number += len(plain[0])
            if not chunk:
                return actions


def _read_ledger(source: str | TextIO, label: str, problems_out: list[RecordProblem] | None) -> list[Action]:
    """``read_ledger`` of a file's whole text (read with newline="": lines end at LF, CR or CRLF) or a stream."""
    # Rows are read as lists rather than through csv.DictReader (a ledger may have hundreds of thousands of
    # lines), with DictReader's rules: blank lines skipped and not counted, short rows padded with empty cells,
    # a repeated column read from its last occurrence, extra cells an error.
    header, rest = _header(source)
    del source  # the whole text, when it is one: the rest is what is read now
    unknown = [c for c in header if c not in LEDGER_COLUMNS]
    missing = REQUIRED_LEDGER_COLUMNS - set(header)
    if unknown or missing:
        what = f"unknown column {unknown[0]!r}" if unknown else f"missing column {sorted(missing)[0]!r}"
        raise LedgerError([RecordProblem(f"{label}:1", "header", f"{what} (columns: {', '.join(LEDGER_COLUMNS)})")])
    width = len(header)
    position = {column: i for i, column in enumerate(header)}
    # An absent column reads the empty cell appended after the last one.
    at = dict.fromkeys(LEDGER_COLUMNS, width) | position
    dates: dict[str, PartialDate] = {}
    actions: list[Action] = []
    problems: list[RecordProblem] = []
    with _collector_paused():
        # The lines after the header's, for the csv module, and as one text for the shortcut below.
        body: str | None
        if isinstance(rest, str):
            body = rest
        else:
            body = "".join(rest)
            if rest and body.count("\n") != len(rest) - (not body.endswith("\n")):
                body = None  # a stream that ends lines elsewhere than at each LF: the csv module only
        plain = _plain(body) if body is not None else None
        if plain is None:
            # Something the shortcut below does not read (quotes, blank lines, short rows...): each row through
            # the csv module, given the lines as the file or the stream splits them.
            rows = csv.reader(io.StringIO(rest, newline="") if isinstance(rest, str) else rest)
            _read_rows(rows, label, width, at, actions, problems, dates)
        else:
            del body, rest
            lines, strip = plain
            found = None
            if len(position) == len(LEDGER_COLUMNS) and not strip:
                if header == list(LEDGER_COLUMNS):  # the usual order
                    found = _read_plain(lines, label, None, dates)
                elif set(map(_COMMAS, lines)) == {width - 1}:
                    # Each row's cells in the order of LEDGER_COLUMNS.
                    found = _read_plain(lines, label, itemgetter(*(at[c] for c in LEDGER_COLUMNS)), dates)
            if found is not None:
                actions = found
            else:
                # Cells to strip, columns missing, or something to say about some row: each row, to say it.
                _read_rows(map(_SPLIT, lines), label, width, at, actions, problems, dates)
    if problems and problems_out is None:
        raise LedgerError(problems)
    if problems_out is not None:
        problems_out.extend(problems)
    return actions


def _header(source: str | TextIO) -> tuple[list[str], str | list[str]]:
    """The header row, and the rest: the text after the header's line(s), or a stream's lines after it."""
    if isinstance(source, str):
        # The first line ends at the first LF, CR or CRLF, as with newline=""; a quote may span lines: then the
        # csv module says where the header ends.
        cut = min((i for i in (source.find("\n"), source.find("\r")) if i >= 0), default=len(source))
        if '"' not in source[:cut]:
            after = cut + 2 if source.startswith("\r\n", cut) else cut + 1
            return _first_row([source[:cut]]), source[after:]
        whole = io.StringIO(source, newline="")
        return _first_row(whole), whole.read()
    return _first_row(source), source.readlines()  # the stream's lines, as it splits them


def _first_row(lines: Iterable[str]) -> list[str]:
    """The first row the csv module reads from ``lines`` (taking only the lines it needs), or []."""
    row: list[str] | None = next(csv.reader(lines), None)
    return row or []


_COMMAS = methodcaller("count", ",")
_TREATY = attrgetter("treaty")
_SPLIT = methodcaller("split", ",")


def _plain(body: str) -> tuple[list[str], bool] | None:
    """The lines of ``body`` (the lines after the header, as they came) if they are plain, and whether they
    hold something ``str.strip`` removes other than a space (``_strippable``); else None.

    Plain: no quote, no NUL, no line end but LF or CRLF, no blank line, no line longer than the csv module's
    field limit. There ``csv.reader`` gives each line split at its commas.
    """
    if '"' in body or "\0" in body:
        return None
    if "\r" in body:
        body = body.replace("\r\n", "\n")
        if "\r" in body:
            return None
    strip = _strippable(body)
    lines = body.split("\n")
    if lines[-1] == "":
        lines.pop()  # the last line's LF (or an empty body)
    if "" in lines or (len(body) > csv.field_size_limit() and max(map(len, lines)) > csv.field_size_limit()):
        return None
    return lines, strip


_ASCII_SPACES = "\t\x0b\x0c\x1c\x1d\x1e\x1f"
"""The characters ``str.strip`` removes from ASCII text, besides the space and the line ends (a test checks)."""


def _strippable(body: str) -> bool:
    """Whether LF-separated plain lines hold something ``str.strip`` removes other than a space; the spaces at
    the ends of cells are looked for line by line (``_read_plain``), faster than in the whole text."""
    if body.isascii():
        return any(c in body for c in _ASCII_SPACES)
    return not body.replace("\n", " ").isprintable()


def _read_plain(
    lines: list[str],
    label: str,
    pick: Callable[[Sequence[str]], Sequence[str]] | None,
    dates: dict[str, PartialDate],
    first: int = 2,
) -> list[Action] | None:
    """The actions of plain lines with every column and nothing to strip, if every row gives one; else None.

    The common case of a ledger of hundreds of thousands of lines, in a lean loop: a row with anything to say
    about it (other than eleven cells, an empty cell, an unknown kind, a date that is not one) or with a cell to
    strip gives None, and ``_read_rows`` reads the rows again, so both ways give the same actions, and the
    problems are named by file and line. ``pick`` orders a row's cells as ``LEDGER_COLUMNS`` (None: they are);
    ``first`` is the line number of the first line.
    """
    actions: list[Action] = []
    append = actions.append
    kinds = _KINDS
    intern = sys.intern
    try:
        for number, line in enumerate(lines, start=first):
            if " " in line and (line[0] == " " or line[-1] == " " or " ," in line or ", " in line):
                return None  # a cell to strip
            cells = line.split(",")
            (
                treaty,
                state,
                kind_text,
                date_text,
                article,
                target,
                effective_text,
                reference,
                text,
                note,
                source,
            ) = cells if pick is None else pick(cells)
            # One object for each repeated name: hundreds of thousands of rows name a few hundred treaties and
            # States and a few sources (tens of MiB less to allocate and keep).
            treaty, state, source = intern(treaty), intern(state), intern(source)
            kind = kinds.get(kind_text)
            when = dates.get(date_text)
            if kind is None or when is None or not treaty or not state:
                if not (treaty and state and kind_text and date_text):
                    return None
                kind = kind or ActionKind.parse(kind_text)
                when = when or _parsed(date_text, dates)
            effective = None
            if effective_text:
                effective = dates.get(effective_text) or _parsed(effective_text, dates)
            append(
                new_action(
                    treaty,
                    state,
                    kind,
                    when,
                    article,
                    target,
                    reference,
                    text,
                    note,
                    source,
                    effective,
                    f"{label}:{number}",
                )
            )
    except ValueError:  # a row of more or fewer cells (unpacking it), an unknown kind, a date that is not one
        return None
    return actions


def _parsed(text: str, dates: dict[str, PartialDate]) -> PartialDate:
    when = dates[text] = PartialDate.parse(text)
    return when


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
    # A catalogue is read to be kept: its objects are read with the collector paused, then frozen.
    with _collector_paused(freeze=True):
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
            # Each treaty's actions in the order of the files (a ledger's rows usually come treaty by treaty).
            for ident, group in groupby(actions, key=_TREATY):
                ledger = ledgers.get(ident)
                if ledger is None:
                    ledgers[ident] = list(group)
                else:
                    ledger.extend(group)
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
