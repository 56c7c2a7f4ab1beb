"""The ratification matrix from the store: every State x the 18 instruments as of a day, target <= 100 ms.

Not a test: it prints figures and says whether the target is met (``--check``: exit 1 when it is not).

What it does: makes a temporary data directory, migrates a fresh SQLite store in it and loads the shipped record
(``treatywatch.treaties.loading.load``, as ``treatywatch load`` does), then times, in this process:

- once, cold: ``store.catalogue(today)`` rebuilt from the store after a change of the record (``store.forget``),
  with the first matrix, which builds and checks the 18 ``TreatyRecord``s: paid once per record version;
- ``--runs`` times (default 20), warm, as a request for the matrix does it: ``store.catalogue(today)`` (one small
  query for the record version, then the cached catalogue) and ``engine.matrix.matrix`` of every State that
  existed on the day x every instrument, each with its position and date; the days cycle through ``--days``
  so no answer is reused. The median and the worst are reported (wall clock and process CPU time);
- for information, the whole page ``/en/matrix/?as_of=...`` through Django (5 days, median), which adds the
  formatting of some 3,600 cells and the template; the page for today is then served from the page cache.

Usage: ``.venv/bin/python bench/matrix.py [--runs 20] [--days 2024-07-01,2003-07-01,1995-01-01] [--check]``.
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import sys
import tempfile
import time
from datetime import date

TARGET_MS = 100.0


def cpu_model() -> str:
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as fh:
            return next(line.split(":", 1)[1].strip() for line in fh if line.startswith("model name"))
    except (OSError, StopIteration):
        return platform.machine()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--days", default="2024-07-01,2014-07-10,2003-07-01,1995-01-01")
    parser.add_argument("--check", action="store_true", help="exit 1 when the median misses the target")
    args = parser.parse_args()
    days = [date.fromisoformat(d) for d in args.days.split(",")]

    with tempfile.TemporaryDirectory(prefix="treatywatch-bench-matrix-") as tmp:
        os.environ["TREATYWATCH_DATA_DIR"] = tmp
        os.environ.setdefault("TREATYWATCH_ENV", "test")
        os.environ.setdefault("DJANGO_SETTINGS_MODULE", "treatywatch.site.settings")
        os.environ.pop("DATABASE_URL", None)
        import django

        django.setup()
        from django.core.management import call_command

        from treatywatch.engine.matrix import matrix, matrix_states
        from treatywatch.treaties import store
        from treatywatch.treaties.loading import load

        call_command("migrate", verbosity=0)
        load()
        today = date.today()

        def build(day: date) -> tuple[int, int]:
            cat = store.catalogue(today)
            grid = matrix(cat.records(), matrix_states(cat.states, day), day)
            return len(grid.rows), len(grid.instruments)

        store.forget()
        start, cpu = time.perf_counter(), time.process_time()
        shape = build(days[0])
        cold = ((time.perf_counter() - start) * 1000, (time.process_time() - cpu) * 1000)
        walls: list[float] = []
        cpus: list[float] = []
        for i in range(args.runs):
            day = days[i % len(days)]
            start, cpu = time.perf_counter(), time.process_time()
            build(day)
            walls.append((time.perf_counter() - start) * 1000)
            cpus.append((time.process_time() - cpu) * 1000)
        from django.test import Client

        client, pages = Client(), []
        for day in ("2024-07-02", "2014-07-11", "2003-07-02", "1995-01-02", "2010-01-01"):
            start = time.perf_counter()
            response = client.get(f"/en/matrix/?as_of={day}")
            pages.append((time.perf_counter() - start) * 1000)
            assert response.status_code == 200, response.status_code

    median = statistics.median(walls)
    print(f"machine: {os.cpu_count()} CPUs, {cpu_model()}, Python {sys.version.split()[0]}")
    print(f"load average: {' '.join(f'{x:.1f}' for x in os.getloadavg())}")
    print(f"matrix: {shape[0]} States x {shape[1]} instruments, from the store (SQLite), days {args.days}")
    print(
        f"cold (catalogue rebuilt from the store and records checked, once per record version): {cold[0]:.0f} ms "
        f"(CPU {cold[1]:.0f} ms)"
    )
    print(
        f"warm, median of {args.runs}: {median:.1f} ms (CPU {statistics.median(cpus):.1f} ms); "
        f"worst {max(walls):.1f} ms; target <= {TARGET_MS:.0f} ms: {'met' if median <= TARGET_MS else 'MISSED'}"
    )
    print(f"whole HTML page through Django, median of {len(pages)} days: {statistics.median(pages):.0f} ms")
    return 1 if args.check and median > TARGET_MS else 0


if __name__ == "__main__":
    raise SystemExit(main())
