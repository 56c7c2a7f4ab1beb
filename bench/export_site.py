"""``make bench``: ``treatywatch export-site`` writing the whole public portal, on the shipped record.

Not a test: it prints figures (medians of the runs) and never fails on a time. It fails if the export reports an
address that answered an error, or if exporting the unchanged record again writes anything.

What it does:

1. Makes a temporary data directory and runs ``treatywatch load`` and ``collectstatic`` into it (SQLite,
   production settings), as a fresh installation would.
2. Runs ``treatywatch export-site DIR`` into a new, empty directory ``--runs`` times (every page in six languages,
   map, charts, downloads, feeds, badges, widgets, API documentation), timing each: wall time, and CPU time (user
   and system) of the command and of the processes it forks (``getrusage(RUSAGE_CHILDREN)``).
3. Runs it once more into the last directory: the record is unchanged, so nothing may be written.
4. Counts the files, their bytes and the disk space they take (allocated blocks).

Usage: ``python bench/export_site.py [--runs 3] [--jobs N] [--json FILE]`` (``--jobs``: passed to the command;
default: the command's own default).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import resource
import secrets
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

BIN = Path(sys.executable).parent
TARGET_SECONDS = 60.0


def timed(args: list[str], env: dict[str, str]) -> tuple[float, float, str]:
    """Wall seconds, CPU seconds (this child and everything it forked) and the command's output."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.monotonic()
    done = subprocess.run(args, env=env, check=True, capture_output=True, text=True)
    wall = time.monotonic() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    if "answered" in done.stdout:
        raise RuntimeError(f"the export reported errors:\n{done.stdout}\n{done.stderr[-2000:]}")
    if "export-site:" not in done.stderr:
        raise RuntimeError(f"no progress shown:\n{done.stderr[-2000:]}")
    return wall, cpu, done.stdout.strip()


def size(root: Path) -> dict[str, int]:
    files = [p for p in root.rglob("*") if p.is_file()]
    stats = [p.stat() for p in files]
    return {
        "files": len(files),
        "bytes": sum(s.st_size for s in stats),
        "disk_bytes": sum(s.st_blocks * 512 for s in stats),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--jobs", type=int, default=None, help="processes (default: the command's default)")
    parser.add_argument("--json", type=Path, help="also write the figures to this file")
    args = parser.parse_args()

    load_before = os.getloadavg()[0]
    tmp = Path(tempfile.mkdtemp(prefix="treatywatch-bench-export-"))
    env = {
        **os.environ,
        "TREATYWATCH_ENV": "production",
        "TREATYWATCH_DATA_DIR": str(tmp / "data"),
        "SECRET_KEY": secrets.token_urlsafe(48),
        "ALLOWED_HOSTS": "127.0.0.1",
        "LOG_LEVEL": "ERROR",
    }
    env.pop("DATABASE_URL", None)
    cli = [str(BIN / "treatywatch")]
    jobs = [] if args.jobs is None else ["--jobs", str(args.jobs)]
    try:
        subprocess.run([*cli, "load"], env=env, check=True, stdout=subprocess.DEVNULL)
        subprocess.run([*cli, "manage", "collectstatic", "--noinput", "--verbosity", "0"], env=env, check=True)
        runs: list[dict[str, float]] = []
        out = ""
        for run in range(args.runs):
            target = tmp / f"site-{run}"
            wall, cpu, out = timed([*cli, "export-site", str(target), *jobs], env)
            runs.append({"wall_s": wall, "cpu_s": cpu})
            print(f"bench: run {run + 1}: {wall:.1f} s wall, {cpu:.1f} s CPU; {out}", flush=True)
        wall, cpu, again = timed([*cli, "export-site", str(target), *jobs], env)
        written = re.search(r"(\d+) written", again)
        if written is None or written.group(1) != "0":
            raise RuntimeError(f"exporting the unchanged record again wrote files: {again}")
        print(f"bench: again, unchanged record: {wall:.1f} s wall, {cpu:.1f} s CPU; {again}", flush=True)
        report = {
            "machine": {
                "nproc": os.cpu_count(),
                "python": platform.python_version(),
                "load_average_1min": [round(load_before, 2), round(os.getloadavg()[0], 2)],
            },
            "jobs": args.jobs,
            "runs": runs,
            "median_wall_s": statistics.median(r["wall_s"] for r in runs),
            "median_cpu_s": statistics.median(r["cpu_s"] for r in runs),
            "again": {"wall_s": wall, "cpu_s": cpu, "summary": again},
            "site": size(target),
            "summary": out,
        }
        print(render(report))
        if args.json:
            args.json.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return 0


def render(report: dict[str, Any]) -> str:
    site = report["site"]
    met = "met" if report["median_wall_s"] <= TARGET_SECONDS else "missed"
    before, after = report["machine"]["load_average_1min"]
    return "\n".join(
        [
            f"export-site, median of {len(report['runs'])}: {report['median_wall_s']:.1f} s wall, "
            f"{report['median_cpu_s']:.1f} s CPU (all processes)",
            f"again with the record unchanged: {report['again']['wall_s']:.1f} s wall; {report['again']['summary']}",
            f"site: {site['files']:,} files, {site['bytes'] / 1e6:.1f} MB ({site['disk_bytes'] / 1e6:.1f} MB on disk)",
            f"target: <= {TARGET_SECONDS:.0f} s wall: {met}",
            f"machine: {report['machine']['nproc']} CPUs, Python {report['machine']['python']}; "
            f"load average (1 min) before and after: {before} and {after} (the machine is shared)",
        ]
    )


if __name__ == "__main__":
    sys.exit(main())
