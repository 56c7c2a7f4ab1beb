"""The load's fast paths give exactly what the plain ways give (bench/engine.py, docs/benchmarks.md, "Engine").

Reading a ledger: plain lines are read by a lean loop, anything else row by row through the csv module; a
record's structural checks are first run over whole columns, then action by action only when something is
wrong; actions and terms are made through unfrozen twins of their classes; a day in ISO form is parsed by the
C parser; a record's counts by day are built by its first query. Each shortcut is compared here with the way it
stands for, on random inputs, valid and broken.
"""

from __future__ import annotations

import csv
import dataclasses
import io
import random
import sys
from collections.abc import Callable
from datetime import date, timedelta
from functools import partial
from pathlib import Path

import pytest

from treatywatch import catalogue as reading
from treatywatch.catalogue import LEDGER_COLUMNS, read_ledger
from treatywatch.engine import (
    Action,
    ActionKind,
    Alignment,
    DateError,
    LedgerError,
    PartialDate,
    Period,
    RecordProblem,
    Rule,
    Span,
    Term,
    TreatyRecord,
)
from treatywatch.engine.dates import _parse_simple
from treatywatch.engine.ledger import (
    in_order,
    new_action,
    positions,
    sort_keys,
    structure_ok,
    structure_problems,
)
from treatywatch.engine.results import new_term
from treatywatch.engine.tally import Tally

TODAY = date(2030, 1, 1)

# ------------------------------------------------------------------------------------------------------------
# reading a ledger


def test_only_a_space_or_a_non_printable_character_is_ever_stripped():
    """What the shortcut's test for cells to strip relies on, for every code point."""
    for code in range(sys.maxunicode + 1):
        c = chr(code)
        if c.strip() == "":
            assert c == " " or not c.isprintable(), hex(code)
    ascii_spaces = {chr(code) for code in range(128) if chr(code).strip() == ""}
    assert ascii_spaces == set(reading._ASCII_SPACES) | {" ", "\n", "\r"}


def _reference(text: str, label: str, newline: str | None = "") -> tuple[list[Action], list[RecordProblem]]:
    """Every row through the csv module, as read_ledger read every ledger before its shortcut."""
    reader = csv.reader(io.StringIO(text, newline=newline))
    header = next(reader, None) or []
    unknown = [c for c in header if c not in LEDGER_COLUMNS]
    missing = {"treaty", "state", "kind", "date"} - set(header)
    if unknown or missing:
        what = f"unknown column {unknown[0]!r}" if unknown else f"missing column {sorted(missing)[0]!r}"
        raise LedgerError([RecordProblem(f"{label}:1", "header", f"{what} (columns: {', '.join(LEDGER_COLUMNS)})")])
    width = len(header)
    at = dict.fromkeys(LEDGER_COLUMNS, width) | {column: i for i, column in enumerate(header)}
    actions: list[Action] = []
    problems: list[RecordProblem] = []
    reading._read_rows(reader, label, width, at, actions, problems, {})
    return actions, problems


STATES = ["MEX", "FRA", "DEU", "SUN", "XXX", "fra", ""]
KINDS = ["signature", "ratification", "accession", "Ratification", "Succession to signature", "ratifikation", ""]
DATES = ["1991-05-22", "2003-07-01", "2001", "2001-05", "../2014-10-26", "2001-02-30", "2001-13-01", "20011", ""]


def _cell(rng: random.Random, column: str) -> str:
    value = {
        "treaty": lambda: rng.choice(["ICRMW", "ICRMW", "CAT", ""]),
        "state": lambda: rng.choice(STATES),
        "kind": lambda: rng.choice(KINDS),
        "date": lambda: rng.choice(DATES),
        "effective": lambda: rng.choice(["", "", "", "1993-01-01", "bad"]),
        "text": lambda: rng.choice(["", "a text", "x"]),
    }.get(column, lambda: rng.choice(["", "", "77", "C.N.1.2001", "a note"]))()
    if rng.random() < 0.03:
        value = rng.choice([" ", "\t", "\u00a0", "\u2028"]) + value + rng.choice(["", " "])
    if rng.random() < 0.01:
        value = '"' + value + rng.choice(["", ",x", "\nmore", '""']) + '"'
    return value


def _ledger(rng: random.Random) -> str:
    header = list(LEDGER_COLUMNS)
    if rng.random() < 0.2:
        rng.shuffle(header)
    if rng.random() < 0.1:
        header = [c for c in header if c in ("treaty", "state", "kind", "date") or rng.random() < 0.5]
    clean = rng.random() < 0.5  # every row valid and plain: the shortcut reads them all
    rows = []
    for _ in range(rng.randint(0, 12)):
        if clean:
            cells = {
                "treaty": "ICRMW",
                "state": rng.choice(STATES[:4]),
                "kind": rng.choice(KINDS[:5]),
                "date": rng.choice(DATES[:5]),
            }
            row = [cells.get(c, "") for c in header]
        else:
            row = [_cell(rng, c) for c in header]
            if rng.random() < 0.05:
                row = row[: rng.randint(0, len(row))]
            if rng.random() < 0.05:
                row.append("extra")
        rows.append(",".join(row))
        if not clean and rng.random() < 0.03:
            rows.append("")
    end = rng.choice(["\n", "\n", "\r\n", "\r"]) if not clean or rng.random() < 0.3 else "\n"
    first = ",".join(header)
    if rng.random() < 0.1:  # a quoted header, over one line or two
        first = ",".join(f'"{c}"' for c in header[:-1]) + rng.choice([f',"{header[-1]}"', f',"{header[-1]}\n"'])
    return end.join([first, *rows]) + (end if rng.random() < 0.9 else "")


def _outcome(read: Callable[[], object]) -> object:
    """What a read gives, or the error it raises (a stream that splits lines oddly can make csv fail)."""
    try:
        return read()
    except (csv.Error, LedgerError) as exc:
        return type(exc), str(exc)


def _read(source: Path | io.StringIO) -> tuple[list[Action], list[RecordProblem]]:
    problems: list[RecordProblem] = []
    actions = read_ledger(source, "t.csv", problems_out=problems)
    return actions, problems


@pytest.mark.parametrize("seed", range(40))
def test_reading_a_ledger_gives_what_the_csv_module_gives_row_by_row(seed, tmp_path):
    rng = random.Random(seed)
    path = tmp_path / "t.csv"
    for _ in range(25):
        text = _ledger(rng)
        for newline in ("", "\n", "\r", "\r\n", None):
            expected = _outcome(partial(_reference, text, "t.csv", newline))
            got = _outcome(partial(_read, io.StringIO(text, newline=newline)))
            assert got == expected, newline
            if isinstance(got, tuple) and isinstance(got[0], list):
                assert [a.origin for a in got[0]] == [a.origin for a in expected[0]]  # type: ignore[index]
        # a file: opened with newline="", it splits lines as a StringIO with newline="" does
        path.write_bytes(text.encode("utf-8"))
        assert _outcome(partial(_read, path)) == _outcome(partial(_reference, text, "t.csv"))


@pytest.mark.parametrize("chunk", [1, 2, 7, 64, 1 << 18])
def test_a_ledger_file_read_piece_by_piece_gives_what_the_csv_module_gives(chunk, tmp_path, monkeypatch):
    monkeypatch.setattr(reading, "_CHUNK", chunk)
    rng = random.Random(chunk)
    path = tmp_path / "t.csv"
    header = ",".join(LEDGER_COLUMNS)
    plain_rows = [
        f"ICRMW,{state},{kind},{day},,,,C.N.{n}.2001,a text,,s"
        for n, (state, kind, day) in enumerate(
            (rng.choice(STATES[:4]), rng.choice(KINDS[:5]), rng.choice(DATES[:5])) for _ in range(30)
        )
    ]
    texts = [_ledger(rng) for _ in range(60)]
    texts += [header + end + end.join(plain_rows) + tail for end in ("\n", "\r\n") for tail in ("", end)]
    texts += ["\ufeff" + header + "\n" + "\n".join(plain_rows), header + "\n", header]
    texts += [header + "\n" + "\n".join(plain_rows[:20]) + '\nICRMW,MEX,signature,2001,,,,,"a, text",,s\n']
    texts += [header + "\n" + "\n".join(plain_rows[:20]) + "\nICRMW,MEX,signature,2001-02-30,,,,,,,s\n"]
    texts += [header + "\n" + "\n".join(plain_rows[:20]) + "\n\n" + plain_rows[0] + "\n"]
    texts += [header + "\n" + "\n".join(plain_rows[:20]) + "\r" + plain_rows[0] + "\n"]
    for text in texts:
        path.write_bytes(text.encode("utf-8"))
        # the same actions (each with its file and line) and problems as the csv module row by row
        assert _outcome(partial(_read, path)) == _outcome(partial(_reference, text.removeprefix("\ufeff"), "t.csv"))
    # and the plain ones were read piece by piece, not again whole
    for text in [header + "\r\n" + "\r\n".join(plain_rows), "\ufeff" + header + "\n" + "\n".join(plain_rows)]:
        path.write_bytes(text.encode("utf-8"))
        with path.open(encoding="utf-8-sig", newline="") as fh:
            found = reading._read_plain_file(fh, "t.csv")
        assert found is not None and len(found) == len(plain_rows)


def test_a_plain_ledger_is_read_by_the_shortcut_and_a_broken_one_row_by_row(tmp_path, monkeypatch):
    calls = []
    read_plain = reading._read_plain
    monkeypatch.setattr(reading, "_read_plain", lambda *a: calls.append(read_plain(*a)) or calls[-1])
    header = ",".join(LEDGER_COLUMNS)
    good = f"{header}\nICRMW,MEX,signature,1991-05-22,,,,,,,s\nICRMW,MEX,ratification,1999-03-08,,,,,,,s\n"
    assert len(read_ledger(io.StringIO(good), "good.csv")) == 2
    assert calls[-1] is not None
    bad = good + "ICRMW,MEX,ratification,1999-02-30,,,,,,,s\n"
    with pytest.raises(LedgerError) as caught:
        read_ledger(io.StringIO(bad), "bad.csv")
    assert calls[-1] is None
    assert [(p.where, p.field) for p in caught.value.problems] == [("bad.csv:4", "date")]


def test_a_lone_carriage_return_reads_as_the_source_splits_lines():
    """A text stream that does not split lines at a lone CR gives the csv module that line, as before."""
    text = ",".join(LEDGER_COLUMNS) + "\nICRMW,MEX,signature,1991-05-22,,,,,,,s\rICRMW,FRA,signature,1991-05-22\n"
    with pytest.raises(csv.Error):
        read_ledger(io.StringIO(text), "t.csv")  # newline="\n": one line with a CR inside
    assert len(read_ledger(io.StringIO(text, newline=""), "t.csv")) == 2


# ------------------------------------------------------------------------------------------------------------
# dates, spans, tallies


def test_a_day_in_iso_form_parses_as_the_pattern_says():
    rng = random.Random(3)
    years = (1, 1900, 2000, 2001, 2024, 9999)
    texts = {f"{y:04d}-{m:02d}-{d:02d}" for y in years for m in range(14) for d in range(33)}
    texts |= {"".join(rng.choice("0123456789٠١ +-TW:") for _ in range(10)) for _ in range(3000)}
    texts = {t[:4] + "-" + t[5:7] + "-" + t[8:] for t in texts}
    for text in texts:
        try:
            expected: object = _parse_simple(text.strip(), text.strip())  # what parse did for every date
        except (DateError, ValueError) as exc:
            expected = (type(exc), str(exc))
        try:
            got: object = PartialDate.parse(text)
        except (DateError, ValueError) as exc:
            got = (type(exc), str(exc))
        assert got == expected, text


@pytest.mark.parametrize("alignment", list(Alignment))
@pytest.mark.parametrize("unit", ["days", "months", "years"])
def test_a_rule_as_one_function_gives_the_days_apply_gives(unit, alignment):
    days = [date(1, 1, 1), date(9998, 12, 31), date(9999, 11, 30), date(9999, 12, 31)]
    days += [date(1896, 1, 1) + timedelta(days=n) for n in range(0, 4 * 366 + 40, 3)]  # every month end, leap years
    for count in (0, 1, 2, 3, 6, 12, 30, 31, 59, 365):
        rule = Rule(Period(count, unit), alignment)
        function, landing = rule.function(), rule.landing()
        for day in days:
            try:
                expected: object = rule.apply(day)
            except (ValueError, OverflowError) as exc:
                expected = type(exc)
            try:
                got: object = function(day)
            except (ValueError, OverflowError) as exc:
                got = type(exc)
            assert got == expected, (count, unit, alignment, day)
            try:
                landed: object = landing(day)
            except (ValueError, OverflowError) as exc:
                landed = type(exc)
            assert landed == (Span.day(expected) if isinstance(expected, date) else expected)


def test_the_later_of_two_spans_is_the_later_end_on_each_side():
    rng = random.Random(4)
    days = [date(2000, 1, 1) + timedelta(days=rng.randint(0, 40)) for _ in range(400)]
    for a, b, c, d in zip(days[0::4], days[1::4], days[2::4], days[3::4], strict=True):
        first, second = Span(min(a, b), max(a, b)), Span(min(c, d), max(c, d))
        later = first.later(second)
        assert later == Span(max(first.earliest, second.earliest), max(first.latest, second.latest))


def test_a_tally_fed_in_columns_counts_as_one_fed_pair_by_pair():
    rng = random.Random(5)
    for _ in range(50):
        starts, stops = [], []
        for _ in range(rng.randint(0, 30)):
            a = date(2000, 1, 1) + timedelta(days=rng.randint(0, 60))
            start = Span(a, a + timedelta(days=rng.choice([0, 0, 3])))
            b = a + timedelta(days=rng.randint(-5, 60))
            starts.append(start)
            stops.append(rng.choice([None, Span(b, b + timedelta(days=rng.choice([0, 10])))]))
        one_by_one, in_columns = Tally(), Tally()
        for start, stop in zip(starts, stops, strict=True):
            one_by_one.add(start, stop)
        in_columns.add_all(starts, stops)
        one_by_one.freeze()
        in_columns.freeze()
        for day in (date(2000, 1, 1) + timedelta(days=n) for n in range(-2, 80)):
            assert in_columns.count(day) == one_by_one.count(day)
            assert in_columns.started(day) == one_by_one.started(day)


# ------------------------------------------------------------------------------------------------------------
# actions and terms


def _fields(obj: object) -> list[object]:
    return [getattr(obj, f.name) for f in dataclasses.fields(obj)]  # type: ignore[arg-type]


def test_an_action_made_by_new_action_is_an_action_like_any_other():
    day = PartialDate.parse("2001-01-01")
    values = ("ICRMW", "MEX", ActionKind.DECLARATION, day, "77", "", "C.N.1", "t", "n", "s", day, "x.csv:2")
    made, plain = new_action(*values), Action(*values[:10], effective=values[10], origin=values[11])
    assert type(made) is Action
    assert made == plain and hash(made) == hash(plain) and repr(made) == repr(plain)
    assert _fields(made) == list(values)
    assert dataclasses.replace(made, state="FRA").state == "FRA"
    with pytest.raises(dataclasses.FrozenInstanceError):
        made.state = "FRA"  # type: ignore[misc]


def test_a_term_made_by_new_term_is_a_term_like_any_other():
    day = PartialDate.parse("2001-01-01")
    consent = Action("ICRMW", "MEX", ActionKind.RATIFICATION, day)
    values = ("MEX", consent, day.span, day.span, None, Span.day(date(2002, 1, 1)), "denunciation")
    made, plain = new_term(*values), Term(*values)
    assert type(made) is Term
    assert made == plain and hash(made) == hash(plain) and repr(made) == repr(plain)
    with pytest.raises(dataclasses.FrozenInstanceError):
        made.state = "FRA"  # type: ignore[misc]


# ------------------------------------------------------------------------------------------------------------
# the structural checks


@pytest.mark.parametrize("seed", range(30))
def test_the_structural_checks_over_columns_agree_with_the_checks_action_by_action(seed, catalogue, states):
    rng = random.Random(seed)
    treaty = catalogue.treaty("ICRMW")
    opened = treaty.opened
    for _ in range(20):
        actions = []
        for _ in range(rng.randint(0, 25)):
            day = opened + timedelta(days=rng.randint(-400, 15000))
            when = rng.choice([day.isoformat(), day.isoformat(), str(day.year), f"../{day.isoformat()}"])
            kind = rng.choice(list(ActionKind))
            actions.append(
                Action(
                    rng.choice(["ICRMW"] * 30 + ["CAT"]),
                    rng.choice(["MEX", "FRA", "DEU", "SUN", "CSK", "YUG", "CZE"] + ["XXX"] * (rng.random() < 0.1)),
                    kind,
                    PartialDate.parse(when),
                    article=rng.choice(["", "", "77"]),
                    target=rng.choice(["", "MEX", "XXX"]) if kind is ActionKind.OBJECTION else "",
                    origin=f"x.csv:{len(actions) + 2}",
                )
            )
        if actions and rng.random() < 0.2:
            actions.append(dataclasses.replace(rng.choice(actions), origin="dup"))
        today = rng.choice([TODAY, date(2005, 1, 1)])
        problems = structure_problems(treaty, actions, states, today)
        assert structure_ok(treaty, actions, states, today) == (problems == [])
        assert sort_keys(actions) == [a.sort_key() for a in actions]
        ordered = sorted(actions, key=Action.sort_key)
        keys = [a.sort_key() for a in ordered]
        assert structure_ok(treaty, ordered, states, today, keys) == (problems == [])
        order, tied = in_order(actions)
        in_order_actions = [actions[i] for i in order]
        assert structure_ok(treaty, in_order_actions, states, today, tied) == (problems == [])


@pytest.mark.parametrize("seed", range(40))
def test_in_order_sorts_as_the_whole_sort_key_does(seed):
    rng = random.Random(seed)
    days = ["2001-01-01", "2001-01-02", "2001", "2001-01", "../2001-01-01", "2000-12-31", "0001-01-01"]
    actions = [
        Action(
            "ICRMW",
            rng.choice(["MEX", "FRA", "DEU"]),
            rng.choice(list(ActionKind)[: rng.randint(1, len(ActionKind))]),
            PartialDate.parse(rng.choice(days[: rng.randint(1, len(days))])),
            article=rng.choice(["", "1", "77"]),
            target=rng.choice(["", "MEX"]),
            origin=f"x.csv:{i}",
        )
        for i in range(rng.randint(0, 80))
    ]
    actions += [rng.choice(actions) for _ in range(rng.randint(0, 3))] if actions else []  # duplicates, even equal
    order, tied = in_order(actions)
    assert order == sorted(range(len(actions)), key=lambda i: actions[i].sort_key())  # stable: equal keys too
    keys = [actions[i].sort_key() for i in order]
    day_and_kind = [(k[0], k[1]) for k in keys]
    assert tied == [k for k, dk in zip(keys, day_and_kind, strict=True) if day_and_kind.count(dk) > 1]


def test_a_span_is_made_frozen_and_compares_as_a_dataclass_does():
    import pickle

    a, b = Span(date(2001, 1, 1), date(2001, 1, 31)), Span(earliest=date(2001, 1, 1), latest=date(2001, 1, 31))
    assert (
        a == b
        and hash(a) == hash(b)
        and repr(a) == "Span(earliest=datetime.date(2001, 1, 1), latest=datetime.date(2001, 1, 31))"
    )
    assert a < Span(date(2001, 1, 2), date(2001, 1, 2)) and Span.day(date(2001, 1, 1)) < a
    assert dataclasses.replace(a, latest=date(2001, 1, 2)) == Span(date(2001, 1, 1), date(2001, 1, 2))
    assert pickle.loads(pickle.dumps(a)) == a
    with pytest.raises(dataclasses.FrozenInstanceError):
        a.latest = date(2002, 1, 1)  # type: ignore[misc]


# ------------------------------------------------------------------------------------------------------------
# treaty definitions (TOML)


def _typed(value: object) -> object:
    """A value with the type of every part, and the order of every table's keys (True == 1 in Python)."""
    if isinstance(value, dict):
        return [(key, _typed(item)) for key, item in value.items()]
    if isinstance(value, list):
        return ["list", *(_typed(item) for item in value)]
    return type(value).__name__, value


TOML_KEYS = ["id", "a", "b-c", "x_1", "titles", "procedures", "a.b", '"q"', "", "ключ", "t"]
TOML_VALUES = [
    *['"text"', '""', '"a#b"', '"tab\there"', '"esc\\"q"', '"""x"""', "'lit'", '"ü"', '"\x7f"', '"a"b"'],
    *["1", "0", "-0", "+7", "012", "1_000", "1.5", "1e3", "0x1f", "inf", "nan", "12345678901234567890"],
    *["true", "false", "True", "1987-03-08", "1987-02-30", "1987-03-08T10:00:00", "1987-03-08 10:00:00"],
    *["[]", '["a", "b"]', '["a",]', "[1, 2,]", "[,]", "[ [1], [2] ]", '[{ a = 1, b = "x" }]', '[1, "a"]'],
    *["{ a = 1 }", "{ a = 1, }", "{ a = 1, a = 2 }", "{}", '{ a = { b = "c" } }', "{ a.b = 1 }", ""],
]


def _toml_line(rng: random.Random) -> str:
    key, value = rng.choice(TOML_KEYS), rng.choice(TOML_VALUES)
    return rng.choice(
        [
            f"{key} = {value}",
            f"{key} = {value}",
            f"{key}={value}",
            f"  {key}\t=  {value}  # a comment",
            f"{key} = {value} # \x01",
            f"[{key}]",
            f"[[{key}]]",
            f"[ {key} ]",
            f"[[ {key} ]]",
            f"[{key}]]",
            f"[{key}] junk",
            f"[{key}",
            "# a comment",
            "",
            "   ",
            "\t# a comment after a tab",
        ]
    )


@pytest.mark.parametrize("seed", range(20))
def test_simple_toml_reads_as_tomllib_or_leaves_it_to_tomllib(seed):
    import tomllib

    rng = random.Random(seed)
    read = 0
    for _ in range(300):
        end = rng.choice(["\n"] * 8 + ["\r\n", "\r"])
        text = end.join(_toml_line(rng) for _ in range(rng.randint(0, 10)))
        got = reading._simple_toml(text)
        try:
            expected = tomllib.loads(text)
        except tomllib.TOMLDecodeError:
            assert got is None, repr(text)
            continue
        if got is not None:
            read += 1
            assert _typed(got) == _typed(expected), repr(text)
    assert read > 20  # the shortcut reads the simple ones


def test_every_shipped_and_synthetic_definition_reads_as_tomllib_reads_it(tmp_path):
    import tomllib

    sys.path.insert(0, str(Path(__file__).parents[2] / "bench"))
    try:
        import engine as bench
    finally:
        sys.path.pop(0)
    texts = [p.read_text(encoding="utf-8") for p in sorted((reading.data_dir() / "treaties").glob("*.toml"))]
    rng = random.Random(bench.SEED)
    texts += [bench.toml_text(bench.definition(n, rng)) for n in range(1, 61)]
    simple = 0
    for text in texts:
        got = reading._simple_toml(text)
        if got is not None:
            simple += 1
            assert _typed(got) == _typed(tomllib.loads(text))
    assert simple >= 60  # every synthetic one


def test_positions_are_every_index_of_a_value():
    rng = random.Random(11)
    for _ in range(200):
        items = [rng.choice([ActionKind.SIGNATURE, ActionKind.OBJECTION, ActionKind.RATIFICATION]) for _ in range(30)]
        for kind in (ActionKind.SIGNATURE, ActionKind.OBJECTION, ActionKind.DENUNCIATION):
            assert positions(items, kind) == [i for i, item in enumerate(items) if item is kind]


def test_a_dates_day_key_sorts_as_its_earliest_day_and_is_not_part_of_its_value():
    import pickle

    texts = ["0001-01-01", "../1990-02-03", "1990", "1990-02", "1990-02-03", "2024-02-29", "9999-12-31"]
    parsed = [PartialDate.parse(t) for t in texts]
    for a in parsed:
        assert a.day_key == a.span.earliest.toordinal() << 4
        for b in parsed:
            assert (a.day_key < b.day_key) == (a.span.earliest < b.span.earliest)
    day = PartialDate.parse("1990-02-03")
    assert repr(day) == repr(dataclasses.replace(day)) and "day_key" not in repr(day)
    assert pickle.loads(pickle.dumps(day)).day_key == day.day_key
    assert max(kind.order for kind in ActionKind) < 16  # the bits day_key leaves for the kind's order


# ------------------------------------------------------------------------------------------------------------
# counts by day, built on the first query


@pytest.mark.parametrize("first", ["status", "committee_size", "procedure_status"])
def test_a_records_counts_by_day_are_built_by_its_first_query_whichever_it_is(first, catalogue, states, icrmw):
    """A record is checked whole at load; its tallies (indexes for the queries) wait for the first query, and
    give the same answers whichever query builds them."""
    record = TreatyRecord(catalogue.treaty("ICRMW"), catalogue.ledgers["ICRMW"], states, TODAY)
    assert record._tallies_built is None
    getattr(record, first)(date(2003, 7, 1))
    assert record._tallies_built is not None
    built = record._tallies_built
    day = date(1990, 12, 18)
    while day <= TODAY:
        assert record.status(day) == icrmw.status(day)
        assert record.committee_size(day) == icrmw.committee_size(day)
        assert record.procedure_status(day) == icrmw.procedure_status(day)
        day += timedelta(days=97)
    assert record._tallies_built is built  # built once
