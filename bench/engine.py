"""``make bench``: the treaty engine at UN Treaty Collection scale, beside a plain SQLite baseline.

Not a test: it prints figures (medians) and never fails on a time. It does fail (AssertionError) if the SQLite
baseline and the engine disagree on any compared answer, so a wrong baseline cannot produce a flattering ratio.

What it does, in one run:

1. Generates, from a fixed seed, a synthetic catalogue in a temporary directory laid out like the package data
   (``states.csv``, ``historical_states.csv``, ``treaties/*.toml``, ``records/*.csv``): 600 treaty definitions
   with varied final clauses, and one ledger CSV with the real columns and >= 300,000 actions by 200 States
   (the 197 present States, plus the USSR, Czechoslovakia and the German Democratic Republic acting only
   before they ceased to exist). Every date is an exact day.
2. Engine: load (``load_catalogue`` + a ``TreatyRecord`` for every treaty, i.e. read, parse, validate and
   index; wall and CPU time, and the time in the garbage collector), the first status of all 600 right after
   it (each record builds its counts by day on its first query), its peak memory (tracemalloc, and the peak
   RSS of a fresh process doing only the load), the time of that load in fresh processes (nothing remembered
   from an earlier load: the dates parsed and the rules applied are remembered within a process), the status
   of one treaty as of a day, the status of all 600 as of a day, and the participants table of one treaty.
3. SQLite (stdlib ``sqlite3``, in memory): the same CSV into one plain ``action`` table (plus the rule
   parameters of each treaty and the States' end dates), indexed; the same headline answers computed by SQL,
   once with the rules evaluated in the query ("plain") and once from terms precomputed at load
   ("materialised", the fair match for the engine, which also precomputes). The answers are checked equal.

Usage: ``python bench/engine.py [--json FILE] [--quick]``.
"""

from __future__ import annotations

import argparse
import csv
import gc
import json
import os
import platform
import random
import resource
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
import timeit
import tracemalloc
from collections.abc import Callable, Iterator, Sequence
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from treatywatch.catalogue import LEDGER_COLUMNS, data_dir, load_catalogue, read_states
from treatywatch.engine import CONSENT_KINDS, State, Status, Treaty, TreatyRecord

SEED = 20240917
TODAY = date(2025, 6, 30)
"""The "today" of the synthetic record: no action is later."""
FIRST_QUERY_DAY = date(2019, 1, 1)
"""The day of the first status of every treaty after a load (not the day of the later rounds: nothing cached)."""
N_TREATIES = 600
HISTORICAL = ("SUN", "CSK", "DDR")
"""Historical entities that act (before they ceased to exist), making 197 + 3 = 200 States."""

TARGETS = {
    "one_treaty_status_ms": 1.0,
    "all_treaties_status_ms": 300.0,
    "load_s": 3.0,
    "peak_memory_mb": 500.0,
}

RULE_FORMS = (
    ("30 days", "same_day"),  # "on the thirtieth day after the deposit of the ... instrument"
    ("3 months", "same_day"),  # "three months after"
    ("3 months", "first_day_of_following_month"),  # "first day of the month following a period of three months"
)
ORDINARY_ARTICLES = tuple(str(n) for n in range(1, 41))
PROCEDURE_ARTICLES = ("41", "42")
LANGS = ("ar", "zh", "en", "fr", "ru", "es")


def log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


# ------------------------------------------------------------------------------------------------------------
# the synthetic catalogue


def rand_day(rng: random.Random, first: date, last: date) -> date:
    return first + timedelta(days=rng.randint(0, max(0, (last - first).days)))


def definition(number: int, rng: random.Random) -> dict[str, Any]:
    """A treaty definition mapping (as in ``treaties/*.toml``), its final clauses drawn at random."""
    ident = f"SYN{number:03d}"
    opened = rand_day(rng, date(1946, 1, 1), date(2016, 12, 31))
    delay, align = rng.choice(RULE_FORMS)
    counts = ["ratification", "accession"]
    if rng.random() < 0.3:
        counts += ["acceptance", "approval"]
    eif: dict[str, Any] = {
        "article": str(rng.randint(20, 60)),
        "threshold": rng.randint(10, 35),
        "counts": counts,
        "delay": delay,
        "align": align,
        "later_states": "after_threshold_deposit" if rng.random() < 0.3 else "after_entry_into_force",
    }
    if rng.random() < 0.1:
        eif["later_delay"], eif["later_align"] = rng.choice(RULE_FORMS)
    data: dict[str, Any] = {
        "id": ident,
        "untc": f"XX-{number}",
        "adopted": opened - timedelta(days=rng.randint(0, 180)),
        "opened": opened,
        "depositary": "Secretary-General of the United Nations",
        "titles": {lang: f"Synthetic treaty {number} ({lang})" for lang in LANGS},
        "entry_into_force": eif,
    }
    if rng.random() < 0.6:
        den_delay, den_align = rng.choice(
            [("1 year", "same_day"), ("12 months", "first_day_of_following_month"), ("6 months", "same_day")]
        )
        data["denunciation"] = {"article": str(rng.randint(60, 90)), "delay": den_delay, "align": den_align}
        if rng.random() < 0.5:
            data["denunciation"]["not_before"] = rng.choice(["5 years", "2 years"])
    if rng.random() < 0.4:
        committee: dict[str, Any] = {"article": "17", "name": f"Committee of treaty {number}", "initial_size": 10}
        if rng.random() < 0.5:
            committee["enlargements"] = [
                {"size": 14, "n": rng.randint(30, 60), "trigger": "entry_into_force_for_nth_party"}
            ]
        data["committee"] = committee
    if rng.random() < 0.5:
        data["reporting"] = {"article": "18", "initial": rng.choice(["1 year", "2 years"]), "periodic": "4 years"}
    if rng.random() < 0.3:
        data["procedures"] = [
            {"id": f"art{article}", "article": article, "title": f"Procedure of article {article}", "threshold": 10}
            for article in PROCEDURE_ARTICLES[: rng.randint(1, 2)]
        ]
    return data


def toml_value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, list):
        return "[" + ", ".join(toml_value(v) for v in value) + "]"
    if isinstance(value, dict):
        return "{ " + ", ".join(f"{k} = {toml_value(v)}" for k, v in value.items()) + " }"
    raise TypeError(value)


def toml_text(data: dict[str, Any]) -> str:
    lines = [f"{k} = {toml_value(v)}" for k, v in data.items() if not isinstance(v, dict | list) or k == "sources"]
    for key, value in data.items():
        if isinstance(value, dict):
            lines += ["", f"[{key}]"] + [f"{k} = {toml_value(v)}" for k, v in value.items()]
        elif isinstance(value, list) and key != "sources":
            for item in value:
                lines += ["", f"[[{key}]]"] + [f"{k} = {toml_value(v)}" for k, v in item.items()]
    return "\n".join(lines) + "\n"


def add_years(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)


def treaty_actions(treaty: Treaty, states: Sequence[State], rng: random.Random) -> list[list[str]]:
    """A realistic mix of actions by every State under one treaty; valid under the engine's rules."""
    rows: list[list[str]] = []

    def add(code: str, kind: str, day: date, article: str = "", target: str = "", text: str = "") -> None:
        reference = f"C.N.{rng.randint(1, 999)}.{day.year}.TREATIES-{treaty.untc}" if kind != "signature" else ""
        rows.append([treaty.id, code, kind, day.isoformat(), article, target, "", reference, text, "", "synthetic"])

    opened = treaty.opened
    counted = sorted(k.value for k in treaty.entry_into_force.counts)
    sig_kinds = [k for k in counted if k != "accession"]
    signature_until = opened + timedelta(days=rng.choice([365, 730, 1095]))
    last_day: dict[str, date] = {}
    signed: dict[str, date] = {}
    consent: dict[str, date] = {}
    for state in states:
        last = min(TODAY, state.ended) if state.ended else TODAY
        if last < opened + timedelta(days=60):
            continue
        last_day[state.code] = last
        r = rng.random()
        if r < 0.06:
            continue
        if r < 0.65:
            sig = rand_day(rng, opened, min(last, signature_until))
            signed[state.code] = sig
            add(state.code, "signature", sig)
            if r >= 0.14:
                when = sig + timedelta(days=rng.randint(30, 15 * 365))
                if when <= last:
                    kind = rng.choice(sig_kinds) if rng.random() < 0.25 else "ratification"
                    consent[state.code] = when
                    add(state.code, kind, when)
        else:
            when = rand_day(rng, opened + timedelta(days=30), last)
            consent[state.code] = when
            add(state.code, "accession", when)
    days = sorted(consent.values())
    threshold = treaty.entry_into_force.threshold
    reached = days[threshold - 1] if len(days) >= threshold else None

    # denunciations (>= 5 years after entry into force for the State) and a few accessions again afterwards
    bound_until: dict[str, date] = {}
    denounce = treaty.denunciation
    for code, when in consent.items():
        if denounce is None or reached is None or code in HISTORICAL or rng.random() >= 0.04:
            continue
        earliest = add_years(max(when, reached), 5) + timedelta(days=200)
        notified = rand_day(rng, earliest, add_years(earliest, 5))
        if notified > TODAY:
            continue
        add(code, "denunciation", notified)
        bound_until[code] = notified
        effective = denounce.rule.apply(notified)
        again = effective + timedelta(days=rng.randint(30, 1500))
        if rng.random() < 0.3 and again <= TODAY:
            add(code, "accession", again)

    # reservations (at signature or consent), a few withdrawn; other declarations
    reserved: dict[str, date] = {}
    for code, when in consent.items():
        last = bound_until.get(code, last_day[code])
        if rng.random() < 0.4:
            at = signed[code] if code in signed and rng.random() < 0.2 else when
            articles = rng.sample(ORDINARY_ARTICLES, rng.choice([1, 1, 1, 2, 2, 3]))
            for article in articles:
                add(code, "reservation", at, article, text=f"Reservation to article {article}: not bound by it.")
            reserved[code] = at
            if rng.random() < 0.12 and at + timedelta(days=30) <= last:
                add(code, "reservation_withdrawal", rand_day(rng, at + timedelta(days=30), last), articles[0])
        if rng.random() < 0.35:
            article = rng.choice(("", *ORDINARY_ARTICLES))
            add(code, "declaration", when, article, text=f"Declaration ({article or 'general'}).")

    # objections to reservations, by States bound by the treaty
    targets = sorted(reserved)
    for code, when in consent.items():
        if not targets or rng.random() >= 0.16:
            continue
        last = bound_until.get(code, last_day[code])
        for target in rng.sample(targets, min(len(targets), rng.randint(1, 3))):
            if target == code:
                continue
            day = max(reserved[target], when) + timedelta(days=rng.randint(0, 365))
            if day <= last:
                add(code, "objection", day, target=target, text=f"Objection to the reservations of {target}.")

    # declarations under the optional procedures, while bound, a few withdrawn
    for procedure in treaty.procedures:
        for code, when in consent.items():
            if rng.random() >= 0.3:
                continue
            last = bound_until.get(code, last_day[code])
            day = rand_day(rng, when, last)
            add(code, "declaration", day, procedure.article, text=f"Declaration under article {procedure.article}.")
            if rng.random() < 0.1 and day + timedelta(days=1) <= last_day[code]:
                add(
                    code,
                    "declaration_withdrawal",
                    rand_day(rng, day + timedelta(days=1), last_day[code]),
                    procedure.article,
                )
    return rows


def generate(root: Path) -> dict[str, Any]:
    """Write the synthetic catalogue under ``root``; returns what it holds."""
    rng = random.Random(SEED)
    source = data_dir()
    (root / "treaties").mkdir(parents=True)
    (root / "records").mkdir()
    for name in ("states.csv", "historical_states.csv"):
        shutil.copy(source / name, root / name)
    registry = read_states(root / "states.csv", root / "historical_states.csv")
    states = [s for s in registry if s.ended is None] + [registry.get(code) for code in HISTORICAL]
    n_actions = 0
    with (root / "records" / "synthetic.csv").open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh, lineterminator="\n")
        writer.writerow(LEDGER_COLUMNS)
        for number in range(1, N_TREATIES + 1):
            data = definition(number, rng)
            (root / "treaties" / f"{data['id']}.toml").write_text(toml_text(data), encoding="utf-8")
            treaty = Treaty.from_mapping(data)
            rows = treaty_actions(treaty, states, rng)
            rng.shuffle(rows)  # the engine must not depend on the file's order
            writer.writerows(rows)
            n_actions += len(rows)
    size = (root / "records" / "synthetic.csv").stat().st_size
    return {"treaties": N_TREATIES, "states": len(states), "actions": n_actions, "ledger_bytes": size}


# ------------------------------------------------------------------------------------------------------------
# the engine


def load_engine(root: Path) -> list[TreatyRecord]:
    """What "load" means here: the files on disk to a validated, ready-to-query record of every treaty."""
    catalogue = load_catalogue(root, today=TODAY)
    return list(catalogue.records())


def timed(fn: Callable[[], Any], repeat: int) -> tuple[list[float], list[float], Any]:
    """Wall and CPU seconds of ``repeat`` runs (each after a full collection), and the last result."""
    walls, cpus, result = [], [], None
    for _ in range(repeat):
        result = None
        gc.collect()
        w0, c0 = time.perf_counter(), time.process_time()
        result = fn()
        walls.append(time.perf_counter() - w0)
        cpus.append(time.process_time() - c0)
    return walls, cpus, result


def per_call(
    fn: Callable[[Any, date], Any], pairs: Sequence[tuple[Any, date]], rounds: int
) -> tuple[list[float], list[float]]:
    """Each call timed on its own (wall), ``rounds`` times over the sample; and the CPU time per call of each
    round. Seconds."""
    walls, cpus = [], []
    clock = time.perf_counter_ns
    for _ in range(rounds):
        c0 = time.process_time()
        for subject, day in pairs:
            t0 = clock()
            fn(subject, day)
            walls.append((clock() - t0) / 1e9)
        cpus.append((time.process_time() - c0) / len(pairs))
    return walls, cpus


def headline(status: Status) -> dict[str, Any]:
    """The answers the SQLite baseline also computes."""
    return {
        "contracting_states": status.contracting_states,
        "parties_in_force": status.parties_in_force,
        "signatories": status.signatories,
        "signatories_not_bound": status.signatories_not_bound,
        "instruments_counted": status.instruments_counted,
        "instruments_needed": status.instruments_needed,
        "in_force": status.in_force,
        "entry_into_force": status.entry_into_force.iso() if status.entry_into_force else None,
    }


# ------------------------------------------------------------------------------------------------------------
# the SQLite baseline

SCHEMA = """
CREATE TABLE action (
    treaty TEXT NOT NULL, state TEXT NOT NULL, kind TEXT NOT NULL, date TEXT NOT NULL, article TEXT, target TEXT,
    effective TEXT, reference TEXT, text TEXT, note TEXT, source TEXT
);
CREATE TABLE treaty (
    id TEXT PRIMARY KEY, threshold INTEGER NOT NULL,
    eif_n INTEGER, eif_unit TEXT, eif_align TEXT, later_states TEXT,
    later_n INTEGER, later_unit TEXT, later_align TEXT,
    den_n INTEGER, den_unit TEXT, den_align TEXT
);
CREATE TABLE counts (treaty TEXT NOT NULL, kind TEXT NOT NULL, PRIMARY KEY (treaty, kind));
CREATE TABLE state (code TEXT PRIMARY KEY, ended TEXT);
"""
INDEXES = """
CREATE INDEX action_treaty_kind_date ON action (treaty, kind, date);
CREATE INDEX action_treaty_state ON action (treaty, state, date);
"""

CONSENTS = ", ".join(f"'{k.value}'" for k in sorted(CONSENT_KINDS, key=lambda k: k.value))


def rule_sql(day: str, n: str, unit: str, align: str) -> str:
    """A treaty rule in SQL: ``day`` plus a period (months clipped to the month's end, as dateutil does),
    then the alignment. SQLite's own '+N months' overflows (31 January + 1 month = 3 March), so months are
    counted from the first of the month and the day added back, clipped."""
    months = f"(CASE {unit} WHEN 'years' THEN 12 * {n} ELSE {n} END)"
    first = f"date({day}, 'start of month', '+' || {months} || ' months')"
    clipped = (
        f"min(date({first}, '+' || (CAST(strftime('%d', {day}) AS INTEGER) - 1) || ' days'), "
        f"date({first}, '+1 month', '-1 day'))"
    )
    period = f"(CASE {unit} WHEN 'days' THEN date({day}, '+' || {n} || ' days') ELSE {clipped} END)"
    return f"(CASE {align} WHEN 'same_day' THEN {period} ELSE date({period}, 'start of month', '+1 month') END)"


# The relations the answers are counted from, none of which depends on the day asked about, as CTEs:
#   tm          every term of consent: its State, kind, day, exit (the denunciation's effect, or the day after
#               a State ceased to exist) and whether it counts towards entry into force;
#   teif        each treaty's threshold day and entry into force (the threshold-th counted instrument);
#   term        the terms with the entry into force for the State (art. 87(2)-style, both forms);
#   signatory   each first signature, and the day it stopped being a mere signature (first consent or end).


def tm_sql(only_one: bool) -> str:
    one = "AND a.treaty = :treaty" if only_one else ""
    exit_rule = rule_sql("ev.next_date", "t.den_n", "t.den_unit", "t.den_align")
    return f"""
    ev AS (
        SELECT a.treaty, a.state, a.kind, a.date,
               lead(a.kind) OVER w AS next_kind, lead(a.date) OVER w AS next_date
        FROM action a
        WHERE a.kind IN ({CONSENTS}, 'denunciation') {one}
        WINDOW w AS (PARTITION BY a.treaty, a.state ORDER BY a.date, a.kind = 'denunciation')
    ),
    tm AS MATERIALIZED (
        SELECT ev.treaty, ev.state, ev.kind, ev.date AS consent,
               CASE WHEN ev.next_kind = 'denunciation' THEN {exit_rule}
                    WHEN s.ended IS NOT NULL THEN date(s.ended, '+1 day') END AS exit,
               c.kind IS NOT NULL AS counted
        FROM ev JOIN treaty t ON t.id = ev.treaty JOIN state s ON s.code = ev.state
        LEFT JOIN counts c ON c.treaty = ev.treaty AND c.kind = ev.kind
        WHERE ev.kind <> 'denunciation'
    )"""


def teif_sql() -> str:
    eif_rule = rule_sql("r.date", "t.eif_n", "t.eif_unit", "t.eif_align")
    return f"""
    teif AS MATERIALIZED (
        SELECT r.treaty, r.date AS reached, {eif_rule} AS eif
        FROM (SELECT treaty, consent AS date, row_number() OVER (PARTITION BY treaty ORDER BY consent) AS n
              FROM tm WHERE counted) r
        JOIN treaty t ON t.id = r.treaty
        WHERE r.n = t.threshold
    )"""


def term_sql() -> str:
    later_rule = rule_sql("tm.consent", "t.later_n", "t.later_unit", "t.later_align")
    return f"""
    term AS (
        SELECT tm.treaty, tm.consent, tm.exit, tm.counted,
               CASE WHEN teif.eif IS NULL THEN NULL
                    WHEN t.later_states = 'after_entry_into_force' THEN
                        CASE WHEN tm.consent < teif.eif THEN teif.eif ELSE {later_rule} END
                    ELSE CASE WHEN tm.consent <= teif.reached THEN teif.eif ELSE max(teif.eif, {later_rule}) END
               END AS eif
        FROM tm JOIN treaty t ON t.id = tm.treaty LEFT JOIN teif ON teif.treaty = tm.treaty
    )"""


def signatory_sql(only_one: bool) -> str:
    one = "AND a.treaty = :treaty" if only_one else ""
    return f"""
    sig AS (
        SELECT a.treaty, a.state, min(a.date) AS signed
        FROM action a WHERE a.kind IN ('signature', 'succession_to_signature') {one}
        GROUP BY a.treaty, a.state
    ),
    first_consent AS (SELECT treaty, state, min(consent) AS consent FROM tm GROUP BY treaty, state),
    signatory AS (
        SELECT sig.treaty, sig.signed, coalesce(fc.consent, date(s.ended, '+1 day')) AS stop
        FROM sig JOIN state s ON s.code = sig.state
        LEFT JOIN first_consent fc ON fc.treaty = sig.treaty AND fc.state = sig.state
    )"""


def status_sql(terms: str, signatory: str, teif: str, only_one: bool) -> str:
    """The headline answers as of :day, from the term, signatory and threshold relations."""
    one = "WHERE t.id = :treaty" if only_one else ""
    sub_one = "WHERE treaty = :treaty" if only_one else ""
    return f"""
    SELECT t.id, coalesce(ts.contracting, 0), coalesce(ts.parties, 0), coalesce(ss.signatories, 0),
           coalesce(ss.not_bound, 0), coalesce(ts.counted, 0), max(0, t.threshold - coalesce(ts.counted, 0)),
           coalesce(teif.eif <= :day, 0), CASE WHEN teif.reached <= :day THEN teif.eif END
    FROM treaty t
    LEFT JOIN (
        SELECT treaty,
               sum(consent <= :day AND (exit IS NULL OR exit > :day)) AS contracting,
               sum(eif <= :day AND (exit IS NULL OR exit > :day)) AS parties,
               sum(counted AND consent <= :day) AS counted
        FROM {terms} {sub_one} GROUP BY treaty
    ) ts ON ts.treaty = t.id
    LEFT JOIN (
        SELECT treaty, sum(signed <= :day) AS signatories,
               sum(signed <= :day AND (stop IS NULL OR max(stop, signed) > :day)) AS not_bound
        FROM {signatory} {sub_one} GROUP BY treaty
    ) ss ON ss.treaty = t.id
    LEFT JOIN {teif} teif ON teif.treaty = t.id
    {one}
    ORDER BY t.id"""


def plain_query(only_one: bool) -> str:
    """Everything from the action table, the rules evaluated in the query."""
    ctes = ",".join((tm_sql(only_one), teif_sql(), term_sql(), signatory_sql(only_one)))
    return "WITH " + ctes + status_sql("term", "signatory", "teif", only_one)


def materialised_query(only_one: bool) -> str:
    """The same answers from the relations computed once at load (tables m_term, m_signatory, m_teif)."""
    return status_sql("m_term", "m_signatory", "m_teif", only_one)


MATERIALISE = f"""
CREATE TABLE m_tm AS WITH {tm_sql(False)} SELECT * FROM tm;
CREATE INDEX m_tm_treaty ON m_tm (treaty, state);
CREATE TABLE m_teif AS WITH tm AS (SELECT * FROM m_tm), {teif_sql()} SELECT treaty, reached, eif FROM teif;
CREATE UNIQUE INDEX m_teif_treaty ON m_teif (treaty);
CREATE TABLE m_term AS WITH tm AS (SELECT * FROM m_tm), teif AS (SELECT * FROM m_teif), {term_sql()}
    SELECT treaty, consent, exit, counted, eif FROM term;
CREATE INDEX m_term_treaty ON m_term (treaty);
CREATE TABLE m_signatory AS WITH tm AS (SELECT * FROM m_tm), {signatory_sql(False)}
    SELECT treaty, signed, stop FROM signatory;
CREATE INDEX m_signatory_treaty ON m_signatory (treaty);
"""

FIELDS = (
    "contracting_states",
    "parties_in_force",
    "signatories",
    "signatories_not_bound",
    "instruments_counted",
    "instruments_needed",
    "in_force",
    "entry_into_force",
)


def sql_rows(db: sqlite3.Connection, query: str, params: dict[str, Any]) -> dict[str, dict[str, Any]]:
    out = {}
    for row in db.execute(query, params):
        values = dict(zip(FIELDS, row[1:], strict=True))
        values["in_force"] = bool(values["in_force"])
        out[row[0]] = values
    return out


def rule_columns(rule: Any) -> tuple[int, str, str]:
    return rule.period.count, rule.period.unit, rule.alignment.value


def load_sqlite(root: Path, treaties: Sequence[Treaty]) -> sqlite3.Connection:
    """The same ledger CSV into a plain table (strings as in the file), the rule parameters beside it."""
    db = sqlite3.connect(":memory:")
    db.executescript(SCHEMA)
    with (root / "records" / "synthetic.csv").open(encoding="utf-8", newline="") as fh:
        reader = csv.reader(fh)
        header = next(reader)
        marks = ", ".join("?" * len(header))
        db.executemany(f"INSERT INTO action ({', '.join(header)}) VALUES ({marks})", reader)
    for t in treaties:
        e, d = t.entry_into_force, t.denunciation
        db.execute(
            "INSERT INTO treaty VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                t.id,
                e.threshold,
                *rule_columns(e.rule),
                e.later_states.value,
                *rule_columns(e.later_rule),
                *(rule_columns(d.rule) if d else (None, None, None)),
            ),
        )
        db.executemany("INSERT INTO counts VALUES (?, ?)", [(t.id, k.value) for k in e.counts])
    with (root / "states.csv").open(encoding="utf-8", newline="") as fh:
        db.executemany("INSERT INTO state VALUES (?, NULL)", [(r["code"],) for r in csv.DictReader(fh)])
    with (root / "historical_states.csv").open(encoding="utf-8", newline="") as fh:
        db.executemany("INSERT INTO state VALUES (?, ?)", [(r["code"], r["ended"]) for r in csv.DictReader(fh)])
    db.executescript(INDEXES)
    db.commit()
    return db


def materialise(db: sqlite3.Connection) -> None:
    """The day-independent relations as indexed tables (replacing any from an earlier run)."""
    db.executescript("DROP TABLE IF EXISTS m_tm; DROP TABLE IF EXISTS m_teif; DROP TABLE IF EXISTS m_term;")
    db.executescript("DROP TABLE IF EXISTS m_signatory;" + MATERIALISE)
    db.commit()


class GcClock:
    """Wall time spent in the cyclic garbage collector while installed (gc.callbacks)."""

    def __init__(self) -> None:
        self.seconds = 0.0
        self._start = 0.0

    def __call__(self, phase: str, info: dict[str, int]) -> None:
        if phase == "start":
            self._start = time.perf_counter()
        else:
            self.seconds += time.perf_counter() - self._start


# ------------------------------------------------------------------------------------------------------------
# running it


def machine() -> dict[str, Any]:
    cpu = "unknown"
    memory = "unknown"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal"):
                memory = f"{int(line.split()[1]) / 2**20:.1f} GiB"
    except OSError:
        pass
    return {
        "nproc": os.cpu_count(),
        "cpu": cpu,
        "memory": memory,
        "python": platform.python_version(),
        "sqlite": sqlite3.sqlite_version,
        "platform": platform.platform(),
        "load_average": os.getloadavg()[0],
        # How fast this interpreter runs plain Python here, to scale the figures by: best of 5.
        "sum_range_1000_us": min(timeit.repeat("sum(range(1000))", number=1000, repeat=5)) * 1000,
    }


def peak_rss_kib() -> dict[str, int]:
    """This process's peak resident set: ru_maxrss, and VmHWM (which, unlike ru_maxrss, is not inherited
    from the parent at fork on Linux)."""
    out = {"ru_maxrss": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss}
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                out["vmhwm"] = int(line.split()[1])
    except OSError:
        pass
    return out


def load_only(root: Path) -> None:
    """Child process: only the load, then the peak memory before (imports) and after it (and a first status of
    every treaty), and its time: a load in a fresh process, with nothing remembered from an earlier load (dates
    parsed, rules applied)."""
    before = peak_rss_kib()
    w0, c0 = time.perf_counter(), time.process_time()
    records = load_engine(root)
    wall, cpu = time.perf_counter() - w0, time.process_time() - c0
    for record in records:  # the peak memory with every record's counts by day built (first query), too
        record.status(FIRST_QUERY_DAY)
    after = peak_rss_kib()
    print(json.dumps({"records": len(records), "imports": before, "load": after, "wall": wall, "cpu": cpu}))


def ms(seconds: float) -> float:
    return seconds * 1000


def med(values: Sequence[float]) -> float:
    return statistics.median(values)


def p95(values: Sequence[float]) -> float:
    return sorted(values)[int(0.95 * (len(values) - 1))]


def run(quick: bool) -> dict[str, Any]:
    reps, sql_reps, loads = (3, 2, 3) if quick else (5, 3, 3)
    figures: dict[str, Any] = {"machine": machine(), "seed": SEED, "today": TODAY.isoformat()}
    with tempfile.TemporaryDirectory(prefix="treatywatch-bench-") as tmp:
        root = Path(tmp)
        t0 = time.perf_counter()
        figures["data"] = generate(root)
        figures["data"]["generate_s"] = time.perf_counter() - t0
        log(f"generated {figures['data']['actions']:,} actions in {figures['data']['generate_s']:.1f} s")
        assert figures["data"]["actions"] >= 300_000

        # peak memory and time of fresh processes doing only the load (first, while this process is still small)
        fresh = [
            json.loads(
                subprocess.run(
                    [sys.executable, __file__, "--load-only", str(root)], check=True, capture_output=True, text=True
                ).stdout
            )
            for _ in range(loads)
        ]
        rss = fresh[0]

        # load: files to records, wall and CPU, split into reading (load_catalogue) and building the records
        runs = []
        for _ in range(loads):
            gc.collect()
            clock = GcClock()
            gc.callbacks.append(clock)
            w0, c0 = time.perf_counter(), time.process_time()
            catalogue = load_catalogue(root, today=TODAY)
            w1, c1 = time.perf_counter(), time.process_time()
            records = list(catalogue.records())
            w2, c2 = time.perf_counter(), time.process_time()
            # The first status of every treaty: each record builds its counts by day (tallies) on its first
            # query, so this first answer costs more than the later ones timed below.
            for record in records:
                record.status(FIRST_QUERY_DAY)
            w3, c3 = time.perf_counter(), time.process_time()
            gc.callbacks.remove(clock)
            runs.append(
                {
                    "wall": w2 - w0,
                    "cpu": c2 - c0,
                    "read": w1 - w0,
                    "read_cpu": c1 - c0,
                    "build": w2 - w1,
                    "build_cpu": c2 - c1,
                    "first_all": w3 - w2,
                    "first_all_cpu": c3 - c2,
                    "gc": clock.seconds,
                }
            )
            del catalogue, records
        log(f"engine load: {[round(r['wall'], 2) for r in runs]} s")
        gc.collect()
        tracemalloc.start()
        records = load_engine(root)
        for record in records:
            record.status(FIRST_QUERY_DAY)
        current, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        figures["load"] = {
            "engine_s": med([r["wall"] for r in runs]),
            "engine_cpu_s": med([r["cpu"] for r in runs]),
            "engine_read_s": med([r["read"] for r in runs]),
            "engine_read_cpu_s": med([r["read_cpu"] for r in runs]),
            "engine_build_s": med([r["build"] for r in runs]),
            "engine_build_cpu_s": med([r["build_cpu"] for r in runs]),
            "engine_gc_s": med([r["gc"] for r in runs]),
            "engine_first_all_s": med([r["first_all"] for r in runs]),
            "engine_first_all_cpu_s": med([r["first_all_cpu"] for r in runs]),
            "engine_with_first_all_s": med([r["wall"] + r["first_all"] for r in runs]),
            "engine_runs_s": [r["wall"] for r in runs],
            "tracemalloc_peak_mb": peak / 2**20,
            "tracemalloc_retained_mb": current / 2**20,
            "fresh_process_ru_maxrss_mb": rss["load"]["ru_maxrss"] / 1024,
            "fresh_process_vmhwm_mb": rss["load"].get("vmhwm", 0) / 1024,
            "fresh_process_after_imports_mb": rss["imports"].get("vmhwm", rss["imports"]["ru_maxrss"]) / 1024,
            "fresh_process_load_s": med([f["wall"] for f in fresh]),
            "fresh_process_load_cpu_s": med([f["cpu"] for f in fresh]),
            "fresh_process_load_runs_cpu_s": [f["cpu"] for f in fresh],
        }
        treaties = [r.treaty for r in records]
        sizes = sorted(len(r.actions) for r in records)
        figures["data"]["actions_per_treaty"] = {"min": sizes[0], "median": med(sizes), "max": sizes[-1]}

        # SQLite: the CSV into the plain table; then, in the same database, the materialised relations
        sql_walls, sql_cpus, db = timed(lambda: load_sqlite(root, treaties), loads)
        mat_walls, mat_cpus, _ = timed(lambda: materialise(db), loads)
        mdb = db
        figures["load"] |= {
            "sqlite_plain_s": med(sql_walls),
            "sqlite_plain_cpu_s": med(sql_cpus),
            "sqlite_materialise_step_s": med(mat_walls),
            "sqlite_materialised_s": med(sql_walls) + med(mat_walls),
            "sqlite_materialised_cpu_s": med(sql_cpus) + med(mat_cpus),
        }
        log(f"load: {figures['load']}")

        rng = random.Random(SEED + 1)
        sample = [rng.choice(records) for _ in range(2000)]
        pairs = [(r, rand_day(rng, r.treaty.opened, TODAY)) for r in sample]
        sql_pairs = pairs[:200]
        one_plain, one_mat = plain_query(True), materialised_query(True)
        all_plain, all_mat = plain_query(False), materialised_query(False)

        # correctness first: the baseline must give the engine's answers
        for record, day in sql_pairs:
            expected = headline(record.status(day))
            params = {"treaty": record.treaty.id, "day": day.isoformat()}
            for conn, query in ((db, one_plain), (mdb, one_mat)):
                got = sql_rows(conn, query, params)[record.treaty.id]
                assert got == expected, (record.treaty.id, day, got, expected)
        check_days = [date(2000, 6, 30), TODAY]
        for day in check_days:
            expected_all = {r.treaty.id: headline(r.status(day)) for r in records}
            for conn, query in ((db, all_plain), (mdb, all_mat)):
                got_all = sql_rows(conn, query, {"day": day.isoformat()})
                assert got_all == expected_all, next(k for k in expected_all if got_all.get(k) != expected_all[k])
        figures["checked"] = {"pairs": len(sql_pairs), "all_treaties_days": [d.isoformat() for d in check_days]}
        log(f"SQLite answers equal the engine's: {len(sql_pairs)} (treaty, day) pairs, all 600 on {check_days}")

        # one treaty as of a day
        status_w, status_c = per_call(lambda r, d: r.status(d), pairs, reps)
        part_w, part_c = per_call(lambda r, d: r.participants(d), pairs[:300], reps)
        sql_w, sql_c = per_call(
            lambda r, d: db.execute(one_plain, {"treaty": r.treaty.id, "day": d.isoformat()}).fetchall(),
            sql_pairs,
            sql_reps,
        )
        mat_w, mat_c = per_call(
            lambda r, d: mdb.execute(one_mat, {"treaty": r.treaty.id, "day": d.isoformat()}).fetchall(),
            sql_pairs,
            reps,
        )
        figures["one_treaty"] = {
            "engine_status_ms": ms(med(status_w)),
            "engine_status_p95_ms": ms(p95(status_w)),
            "engine_status_cpu_ms": ms(med(status_c)),
            "engine_participants_ms": ms(med(part_w)),
            "engine_participants_p95_ms": ms(p95(part_w)),
            "engine_participants_cpu_ms": ms(med(part_c)),
            "sqlite_plain_ms": ms(med(sql_w)),
            "sqlite_plain_cpu_ms": ms(med(sql_c)),
            "sqlite_materialised_ms": ms(med(mat_w)),
            "sqlite_materialised_cpu_ms": ms(med(mat_c)),
            "calls": len(pairs),
            "sql_calls": len(sql_pairs),
        }
        log(f"one treaty: {figures['one_treaty']}")

        # all 600 as of a day
        all_day = date(2020, 1, 1).isoformat()
        day = date(2020, 1, 1)
        eng_w, eng_c, _ = timed(lambda: [r.status(day) for r in records], 4 * reps)
        sql_w, sql_c, _ = timed(lambda: db.execute(all_plain, {"day": all_day}).fetchall(), sql_reps)
        mat_w, mat_c, _ = timed(lambda: mdb.execute(all_mat, {"day": all_day}).fetchall(), 4 * reps)
        figures["all_treaties"] = {
            "day": all_day,
            "engine_ms": ms(med(eng_w)),
            "engine_cpu_ms": ms(med(eng_c)),
            "sqlite_plain_ms": ms(med(sql_w)),
            "sqlite_plain_cpu_ms": ms(med(sql_c)),
            "sqlite_materialised_ms": ms(med(mat_w)),
            "sqlite_materialised_cpu_ms": ms(med(mat_c)),
        }
        log(f"all treaties: {figures['all_treaties']}")
        db.close()
    peak_mb = max(figures["load"]["tracemalloc_peak_mb"], figures["load"]["fresh_process_vmhwm_mb"])
    measured = {
        "one_treaty_status_ms": figures["one_treaty"]["engine_status_ms"],
        "all_treaties_status_ms": figures["all_treaties"]["engine_ms"],
        "load_s": figures["load"]["engine_s"],
        "peak_memory_mb": peak_mb,
    }
    figures["targets"] = {k: {"target": TARGETS[k], "measured": v, "met": v <= TARGETS[k]} for k, v in measured.items()}
    figures["machine"]["load_average_end"] = os.getloadavg()[0]
    return figures


def table(rows: Sequence[Sequence[str]]) -> Iterator[str]:
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    for n, row in enumerate(rows):
        yield "  ".join(c.ljust(w) if i == 0 else c.rjust(w) for i, (c, w) in enumerate(zip(row, widths, strict=True)))
        if n == 0:
            yield "  ".join("-" * w for w in widths)


def fmt(seconds: float) -> str:
    """A duration with a unit that suits it."""
    if seconds >= 1:
        return f"{seconds:.2f} s"
    if seconds >= 1e-3:
        return f"{seconds * 1e3:.1f} ms"
    return f"{seconds * 1e6:.0f} µs"


def report(f: dict[str, Any]) -> str:
    m, d, load, one, every = f["machine"], f["data"], f["load"], f["one_treaty"], f["all_treaties"]
    out = [
        f"machine: {m['nproc']} CPUs, {m['cpu']}, {m['memory']}, Python {m['python']}, SQLite {m['sqlite']}; "
        f"load average {m['load_average']:.1f} at start, {m['load_average_end']:.1f} at end; "
        f"sum(range(1000)) {m['sum_range_1000_us']:.1f} µs",
        f"data: {d['treaties']} treaties x {d['states']} States, {d['actions']:,} actions "
        f"({d['ledger_bytes'] / 2**20:.1f} MiB CSV; {d['actions_per_treaty']['min']}-{d['actions_per_treaty']['max']} "
        f"per treaty), seed {f['seed']}",
        "",
    ]

    # (figure, engine, SQLite plain, SQLite materialised), each as (wall, CPU) in seconds
    figures_rows = [
        (
            "load: files -> ready to query",
            (load["engine_s"], load["engine_cpu_s"]),
            (load["sqlite_plain_s"], load["sqlite_plain_cpu_s"]),
            (load["sqlite_materialised_s"], load["sqlite_materialised_cpu_s"]),
        ),
        (
            "status of one treaty as of a day",
            (one["engine_status_ms"] / 1e3, one["engine_status_cpu_ms"] / 1e3),
            (one["sqlite_plain_ms"] / 1e3, one["sqlite_plain_cpu_ms"] / 1e3),
            (one["sqlite_materialised_ms"] / 1e3, one["sqlite_materialised_cpu_ms"] / 1e3),
        ),
        (
            f"status of all {d['treaties']} as of {every['day']}",
            (every["engine_ms"] / 1e3, every["engine_cpu_ms"] / 1e3),
            (every["sqlite_plain_ms"] / 1e3, every["sqlite_plain_cpu_ms"] / 1e3),
            (every["sqlite_materialised_ms"] / 1e3, every["sqlite_materialised_cpu_ms"] / 1e3),
        ),
    ]
    participants = (one["engine_participants_ms"] / 1e3, one["engine_participants_cpu_ms"] / 1e3)
    for i, label in ((0, "median wall time"), (1, "median CPU time")):
        rows = [(label, "engine", "SQLite plain", "ratio", "SQLite materialised", "ratio")]
        for name, engine, plain, mat in figures_rows:
            rows.append(
                (
                    name,
                    fmt(engine[i]),
                    fmt(plain[i]),
                    f"{plain[i] / engine[i]:.1f}x",
                    fmt(mat[i]),
                    f"{mat[i] / engine[i]:.1f}x",
                )
            )
        rows.append(("participants table of one treaty", fmt(participants[i]), "-", "", "-", ""))
        out += [*table(rows), ""]
    out += [
        "ratio = SQLite time / engine time, same run (above 1: the engine is faster). CPU = the process's CPU time,",
        "median of runs; for single calls, the mean per call over a round (median of rounds), so slow calls count.",
        f"load split: reading the files {fmt(load['engine_read_s'])} (CPU {fmt(load['engine_read_cpu_s'])}), "
        f"building the 600 records {fmt(load['engine_build_s'])} (CPU {fmt(load['engine_build_cpu_s'])}); "
        f"in the garbage collector {fmt(load['engine_gc_s'])}; runs {', '.join(fmt(t) for t in load['engine_runs_s'])}",
        f"first status of all {d['treaties']} right after the load (each record builds its tallies then): "
        f"{fmt(load['engine_first_all_s'])} (CPU {fmt(load['engine_first_all_cpu_s'])}); load and that first "
        f"answer together {fmt(load['engine_with_first_all_s'])}",
        f"load in a fresh process (nothing remembered from an earlier load): {fmt(load['fresh_process_load_s'])} "
        f"(CPU {fmt(load['fresh_process_load_cpu_s'])}; runs "
        f"{', '.join(fmt(t) for t in load['fresh_process_load_runs_cpu_s'])} of CPU)",
        f"SQLite materialised load = plain load + {fmt(load['sqlite_materialise_step_s'])} to materialise the terms",
        f"one treaty p95: status {fmt(one['engine_status_p95_ms'] / 1e3)}, "
        f"participants {fmt(one['engine_participants_p95_ms'] / 1e3)}",
        "memory of the load and a first status of every treaty: "
        f"tracemalloc peak {load['tracemalloc_peak_mb']:.0f} MiB "
        f"(retained {load['tracemalloc_retained_mb']:.0f} MiB); fresh process peak RSS "
        f"{load['fresh_process_vmhwm_mb']:.0f} MiB (ru_maxrss {load['fresh_process_ru_maxrss_mb']:.0f} MiB; "
        f"{load['fresh_process_after_imports_mb']:.0f} MiB after imports)",
        "",
    ]
    target_rows = [("target", "limit", "measured", "met")]
    units = {"one_treaty_status_ms": "ms", "all_treaties_status_ms": "ms", "load_s": "s", "peak_memory_mb": "MiB"}
    for key, t in f["targets"].items():
        unit = units[key]
        target_rows.append((key, f"{t['target']:g} {unit}", f"{t['measured']:.3g} {unit}", "yes" if t["met"] else "NO"))
    out += table(target_rows)
    return "\n".join(out)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--json", type=Path, metavar="FILE", help="also write the figures to FILE")
    parser.add_argument("--quick", action="store_true", help="fewer repetitions")
    parser.add_argument("--load-only", type=Path, metavar="ROOT", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.load_only:
        load_only(args.load_only)
        return 0
    started = time.perf_counter()
    figures = run(args.quick)
    figures["bench_s"] = time.perf_counter() - started
    print(report(figures))
    print(f"\n(whole bench: {figures['bench_s']:.0f} s)")
    if args.json:
        args.json.write_text(json.dumps(figures, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
