"""``make bench``: the open-data API under load, beside Datasette serving the same participants table.

Not a test: it prints figures (medians of the runs) and never fails on a time. It fails if a server answers
anything but 2xx, so an error page cannot produce a flattering figure.

What it does, in one run, on loopback only:

1. Makes a temporary data directory, runs ``treatywatch load`` into it (SQLite, production settings) and starts
   gunicorn as ``treatywatch serve`` does (2 uvicorn workers, ``treatywatch.site.serving.Worker``, no access
   log) twice: on ``treatywatch.site.asgi:application`` (Django behind the front, ``site.front``) and, for
   reference, on ``treatywatch.site.asgi:django_only`` (Django alone, in the same threads).
2. Downloads our participants table of the ICRMW (``/data/ICRMW/participants.csv``) and writes it into a SQLite
   database with the standard library, then serves that database with Datasette (one process: Datasette's own
   design) from a throwaway virtual environment under /tmp (made on first use with pip; never a dependency).
3. Serves, as a floor, our status answer's bytes and headers from a constant ASGI app under the same gunicorn
   settings (``bench/constant_asgi.py``): no application can do better on this machine under this load.
4. Warms each address up, then runs ``wrk --latency`` (bounded: by default 2 threads, 32 connections, 10 s)
   in turn against our status endpoint, our participants endpoint (and the status endpoint of Django alone) and
   Datasette's table JSON
   (``?_shape=array&_size=max``: every row, as objects), three rounds, and reports the medians of requests/s
   and of the 99th percentile latency.

The machine is shared and has few cores: servers and wrk compete for them, which the figures include.

Usage: ``python bench/opendata.py [--runs 3] [--duration 10] [--threads 2] [--connections 32] [--json FILE]
[--datasette PATH]``.
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import os
import platform
import re
import secrets
import shutil
import socket
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

BIN = Path(sys.executable).parent
DATASETTE_VENV = Path(tempfile.gettempdir()) / "treatywatch-bench-datasette"
TARGET_RATIO = 10.0
TARGET_P99_MS = 20.0
INTEGER_COLUMNS = {"declarations", "reservations", "objections"}


APP = "treatywatch.site.asgi:application"
"""What ``treatywatch serve`` serves: Django behind the front (``site.front``)."""
DJANGO_APP = "treatywatch.site.asgi:django_only"
"""Django alone, every request through the whole stack (its caches still spare the views)."""
WORKER = "treatywatch.site.serving.Worker"


def gunicorn(app: str, port: int, workers: int) -> list[str]:
    """gunicorn as ``treatywatch serve`` runs it: uvicorn workers, no access log."""
    args = [str(BIN / "gunicorn"), app, "--workers", str(workers), "--worker-class", WORKER]
    return [*args, "--bind", f"127.0.0.1:{port}", "--log-level", "warning"]


def save_answer(url: str, path: Path) -> None:
    """Our status answer's bytes and headers, for the constant app (``bench/constant_asgi.py``)."""
    with urllib.request.urlopen(url, timeout=30) as response:  # loopback only
        body = response.read()
        headers = [(k, v) for k, v in response.getheaders() if k.lower() not in ("date", "server", "connection")]
    path.write_text(json.dumps({"body": body.hex(), "headers": headers}), encoding="utf-8")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def fetch(url: str) -> bytes:
    with urllib.request.urlopen(url, timeout=30) as response:  # loopback only
        return bytes(response.read())


def wait_for(url: str, process: subprocess.Popen[bytes], seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"server exited with {process.returncode} before answering {url}")
        try:
            fetch(url)
            return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError(f"no answer from {url} within {seconds} s")


@contextmanager
def server(args: list[str], env: dict[str, str], ready: str, log: Path) -> Iterator[subprocess.Popen[bytes]]:
    with log.open("wb") as out:
        process = subprocess.Popen(args, env=env, stdout=out, stderr=subprocess.STDOUT)
        try:
            wait_for(ready, process)
            yield process
        finally:
            process.terminate()
            try:
                process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()


def datasette_binary(given: str | None) -> Path:
    if given:
        return Path(given)
    binary = DATASETTE_VENV / "bin" / "datasette"
    if not binary.exists():
        print(f"bench: installing Datasette into a throwaway environment at {DATASETTE_VENV}", flush=True)
        subprocess.run([sys.executable, "-m", "venv", str(DATASETTE_VENV)], check=True)
        subprocess.run([str(DATASETTE_VENV / "bin" / "pip"), "install", "--quiet", "datasette"], check=True)
    return binary


def participants_db(csv_bytes: bytes, path: Path) -> int:
    """The participants CSV as a SQLite table ``participants``, with the standard library."""
    rows = list(csv.reader(io.StringIO(csv_bytes.decode("utf-8-sig"))))
    header, body = rows[0], rows[1:]
    columns = ", ".join(f'"{c}" {"INTEGER" if c in INTEGER_COLUMNS else "TEXT"}' for c in header)
    with sqlite3.connect(path) as db:
        db.execute(f"CREATE TABLE participants ({columns}, PRIMARY KEY (treaty, code))")
        db.executemany(f"INSERT INTO participants VALUES ({', '.join('?' * len(header))})", body)
    return len(body)


UNITS = {"us": 0.001, "ms": 1.0, "s": 1000.0}


def wrk(url: str, threads: int, connections: int, duration: int) -> dict[str, float]:
    out = subprocess.run(
        ["wrk", f"-t{threads}", f"-c{connections}", f"-d{duration}s", "--latency", url],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    if "Non-2xx or 3xx responses" in out or "Socket errors" in out:
        raise RuntimeError(f"errors while loading {url}:\n{out}")
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))  # type: ignore[union-attr]
    p50, p99 = (re.search(rf"\s{q}%\s+([\d.]+)(us|ms|s)\b", out) for q in (50, 99))
    assert p50 is not None and p99 is not None, out
    return {
        "rps": rps,
        "p50_ms": float(p50.group(1)) * UNITS[p50.group(2)],
        "p99_ms": float(p99.group(1)) * UNITS[p99.group(2)],
    }


def machine() -> dict[str, Any]:
    cpu = next(
        (
            line.split(":", 1)[1].strip()
            for line in Path("/proc/cpuinfo").read_text().splitlines()
            if "model name" in line
        ),
        platform.processor(),
    )
    mem_kb = next(int(line.split()[1]) for line in Path("/proc/meminfo").read_text().splitlines() if "MemTotal" in line)
    wrk_version = subprocess.run(["wrk", "-v"], capture_output=True, text=True).stdout.split("\n")[0]
    return {
        "nproc": os.cpu_count(),
        "cpu": cpu,
        "ram_gib": round(mem_kb / 1024 / 1024, 1),
        "python": platform.python_version(),
        "wrk": wrk_version.strip(),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--duration", type=int, default=10, help="seconds per wrk run (default 10)")
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--connections", type=int, default=32)
    parser.add_argument("--workers", type=int, default=2, help="gunicorn workers (default 2)")
    parser.add_argument("--json", type=Path, help="also write the figures to this file")
    parser.add_argument("--datasette", help="a datasette executable (default: a throwaway venv under /tmp)")
    args = parser.parse_args()

    load_before = os.getloadavg()[0]
    tmp = Path(tempfile.mkdtemp(prefix="treatywatch-bench-"))
    env = {
        **os.environ,
        "TREATYWATCH_ENV": "production",
        "TREATYWATCH_DATA_DIR": str(tmp),
        "SECRET_KEY": secrets.token_urlsafe(48),
        "ALLOWED_HOSTS": "127.0.0.1",
        "LOG_LEVEL": "ERROR",
    }
    env.pop("DATABASE_URL", None)
    try:
        subprocess.run([str(BIN / "treatywatch"), "load"], env=env, check=True, stdout=subprocess.DEVNULL)
        ours, plain, floor, theirs = free_port(), free_port(), free_port(), free_port()
        base, plain_base = f"http://127.0.0.1:{ours}", f"http://127.0.0.1:{plain}"
        floor_base = f"http://127.0.0.1:{floor}"
        env["TREATYWATCH_BENCH_ANSWER"] = str(tmp / "answer.json")
        floor_app = [*gunicorn("constant_asgi:application", floor, args.workers), "--chdir", str(Path(__file__).parent)]
        with (
            server(gunicorn(APP, ours, args.workers), env, f"{base}/api/v1/treaties", tmp / "gunicorn.log"),
            server(gunicorn(DJANGO_APP, plain, args.workers), env, f"{plain_base}/api/v1/treaties", tmp / "plain.log"),
        ):
            save_answer(f"{base}/api/v1/treaties/ICRMW/status", tmp / "answer.json")
            count = participants_db(fetch(f"{base}/data/ICRMW/participants.csv"), tmp / "participants.db")
            datasette = [str(datasette_binary(args.datasette)), "serve", str(tmp / "participants.db")]
            datasette += ["--host", "127.0.0.1", "--port", str(theirs), "--setting", "max_returned_rows", "1000"]
            their_base = f"http://127.0.0.1:{theirs}"
            with (
                server(datasette, env, f"{their_base}/participants.json", tmp / "datasette.log"),
                server(floor_app, env, f"{floor_base}/", tmp / "floor.log"),
            ):
                targets = {
                    "treatywatch status": f"{base}/api/v1/treaties/ICRMW/status",
                    "treatywatch participants": f"{base}/api/v1/treaties/ICRMW/participants",
                    "treatywatch status, Django stack only": f"{plain_base}/api/v1/treaties/ICRMW/status",
                    "gunicorn floor: constant bytes": f"{floor_base}/",
                    "Datasette table JSON": f"{their_base}/participants/participants.json?_shape=array&_size=max",
                }
                rows = json.loads(fetch(targets["Datasette table JSON"]))
                ours_rows = json.loads(fetch(targets["treatywatch participants"]))["participants"]
                assert len(rows) == len(ours_rows) == count, (len(rows), len(ours_rows), count)
                for url in targets.values():
                    for _ in range(2 * args.workers + 2):
                        fetch(url)
                    wrk(url, args.threads, args.connections, 2)
                results: dict[str, list[dict[str, float]]] = {name: [] for name in targets}
                for run in range(args.runs):
                    for name, url in targets.items():
                        results[name].append(wrk(url, args.threads, args.connections, args.duration))
                        print(f"bench: run {run + 1} {name}: {results[name][-1]}", flush=True)
        load_after = os.getloadavg()[0]
        medians = {
            name: {k: statistics.median(r[k] for r in runs) for k in ("rps", "p50_ms", "p99_ms")}
            for name, runs in results.items()
        }
        report = {
            "machine": {**machine(), "load_average_1min": [round(load_before, 2), round(load_after, 2)]},
            "method": {
                "wrk": f"-t{args.threads} -c{args.connections} -d{args.duration}s --latency",
                "runs": args.runs,
                "gunicorn_workers": args.workers,
                "rows": count,
            },
            "medians": medians,
            "runs": results,
        }
        print(render(report))
        if args.json:
            args.json.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return 0


def render(report: dict[str, Any]) -> str:
    medians = report["medians"]
    base = medians["Datasette table JSON"]["rps"]
    lines = [
        "| server and address | requests/s | p50 latency | p99 latency | vs Datasette |",
        "|---|---:|---:|---:|---:|",
    ]
    for name, m in medians.items():
        lines.append(
            f"| {name} | {m['rps']:,.0f} | {m['p50_ms']:.1f} ms | {m['p99_ms']:.1f} ms | {m['rps'] / base:.1f}x |"
        )
    for name in ("treatywatch status", "treatywatch participants", "treatywatch status, Django stack only"):
        m = medians[name]
        ok = m["rps"] >= TARGET_RATIO * base and m["p99_ms"] <= TARGET_P99_MS
        lines.append(
            f"target ({name}): >= {TARGET_RATIO:.0f}x Datasette and p99 <= {TARGET_P99_MS:.0f} ms: "
            + ("met" if ok else "missed")
        )
    info = report["machine"]
    lines.append(f"machine: {info['nproc']} cores, {info['cpu']}, {info['ram_gib']} GiB RAM; {info['wrk']}")
    before, after = info["load_average_1min"]
    lines.append(f"load average (1 min) before and after: {before} and {after} (the machine is shared)")
    return "\n".join(lines)


if __name__ == "__main__":
    sys.exit(main())
