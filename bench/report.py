"""The Secretary-General's report at full scale: 200 States in the annex, rendered to PDF and to DOCX.

Not a test: it prints medians and says whether they are within the targets (PDF <= 5 s, DOCX <= 2 s); with
``--check`` it exits 1 when a target is missed.

A synthetic record goes through the engine like the real one: the ICRMW definition, and 200 States (every present
State of the shipped list, plus synthetic ones to reach 200, with names in the six languages) that each signed and
then ratified, or acceded (every third), on distinct days between 1991 and 2020; every tenth deposit is recorded
with its year only, so the annex carries footnotes as the real one does. Each timed run builds the content from
the ``TreatyRecord`` and renders it (``render_pdf`` / ``render_docx``); one untimed warm-up run first (it loads
Pango and the fonts), then the median of 5 (wall clock, the target; and the
process's CPU time, which shows what other work on a shared machine adds).

Usage: ``.venv/bin/python bench/report.py [--langs en,ar,zh] [--runs 5] [--check]`` (writes bench/out/).
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import sys
import time
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "treatywatch.site.settings")
os.environ.setdefault("TREATYWATCH_ENV", "test")

import django

django.setup()

from treatywatch.catalogue import load_catalogue  # noqa: E402
from treatywatch.engine import LANGUAGES, Action, ActionKind, PartialDate, State, StateRegistry, TreatyRecord  # noqa: E402
from treatywatch.reports.content import build_report  # noqa: E402
from treatywatch.reports.pdf import render_pdf  # noqa: E402
from treatywatch.reports.word import render_docx  # noqa: E402

TARGETS = {"pdf": 5.0, "docx": 2.0}
STATES = 200
AS_OF = date(2024, 7, 1)
OUT = Path(__file__).resolve().parent / "out"


def synthetic_record() -> TreatyRecord:
    cat = load_catalogue(today=date(2026, 1, 1))
    present = [s for s in cat.states if not s.historical]
    extra = [
        State(code=f"Q{chr(65 + i // 26)}{chr(65 + i % 26)}", m49=f"{900 + i:03d}", names=_names(i))
        for i in range(STATES - len(present))
    ]
    states = StateRegistry([*present, *extra])
    actions = []
    first = date(1991, 1, 1)
    for i, state in enumerate(sorted(states, key=lambda s: s.code)[:STATES]):
        signed = first + timedelta(days=45 * i)
        deposit = signed + timedelta(days=400 + 7 * (i % 30))
        if i % 3 == 2:
            actions.append(Action("ICRMW", state.code, ActionKind.ACCESSION, PartialDate.of(deposit)))
            continue
        actions.append(Action("ICRMW", state.code, ActionKind.SIGNATURE, PartialDate.of(signed)))
        when = PartialDate.parse(str(deposit.year)) if i % 10 == 0 else PartialDate.of(deposit)
        actions.append(Action("ICRMW", state.code, ActionKind.RATIFICATION, when))
    return TreatyRecord(cat.treaty("ICRMW"), actions, states, date(2026, 1, 1))


def _names(i: int) -> dict[str, str]:
    base = {
        "ar": "دولة تجريبية",
        "zh": "试验国",
        "en": "Synthetic State",
        "fr": "État synthétique",
        "ru": "Условное государство",
        "es": "Estado sintético",
    }
    return {lang: f"{base[lang]} {i + 1}" for lang in LANGUAGES}


def timed(work: Callable[[], bytes], runs: int) -> tuple[float, float, list[float], bytes]:
    """(median wall time, median CPU time of this process, wall times, last output), after one warm-up run."""
    data = work()  # warm-up: Pango, fonts, templates
    times, cpu = [], []
    for _ in range(runs):
        start, start_cpu = time.perf_counter(), time.process_time()
        data = work()
        times.append(time.perf_counter() - start)
        cpu.append(time.process_time() - start_cpu)
    return statistics.median(times), statistics.median(cpu), times, data


def machine() -> str:
    cpu = memory = "unknown"
    try:
        cpuinfo = Path("/proc/cpuinfo").read_text().splitlines()
        meminfo = Path("/proc/meminfo").read_text().splitlines()
        cpu = next(line.split(":", 1)[1].strip() for line in cpuinfo if line.startswith("model name"))
        kib = next(int(line.split()[1]) for line in meminfo if line.startswith("MemTotal"))
        memory = f"{kib / 1024 / 1024:.1f} GiB"
    except (OSError, StopIteration):
        pass
    return f"{os.cpu_count()} CPUs, {cpu}, {memory} RAM, Python {platform.python_version()}"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--langs", default="en", help="comma-separated languages (default: en)")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--check", action="store_true", help="exit 1 if a median misses its target")
    args = parser.parse_args()
    record = synthetic_record()
    OUT.mkdir(exist_ok=True)
    print(f"machine: {machine()}; load average {' '.join(f'{x:.1f}' for x in os.getloadavg())}")
    print(f"record: {len(record.actions)} actions by {STATES} States; report as of {AS_OF}")
    missed = False
    for lang in args.langs.split(","):
        rows = len(build_report(record, AS_OF, lang, session=79).annex.rows)
        for fmt, render in (("pdf", render_pdf), ("docx", render_docx)):

            def work(lang: str = lang, render: Callable[..., bytes] = render) -> bytes:
                return render(build_report(record, AS_OF, lang, session=79))

            median, cpu, times, data = timed(work, args.runs)
            (OUT / f"report-{lang}.{fmt}").write_bytes(data)
            ok = median <= TARGETS[fmt]
            missed |= not ok
            runs = ", ".join(f"{t:.2f}" for t in times)
            print(
                f"{lang} {fmt}: {rows} annex rows, median {median:.2f} s of {args.runs} ({runs}), CPU {cpu:.2f} s; "
                f"target <= {TARGETS[fmt]:.0f} s: {'ok' if ok else 'MISSED'}; {len(data) / 1024:.0f} KiB"
            )
    return 1 if missed and args.check else 0


if __name__ == "__main__":
    sys.exit(main())
