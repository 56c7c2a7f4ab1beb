"""The portal under load beside nginx serving the same pages as static files.

Not a test: it prints medians and says whether they are within the targets (the portal's throughput at least 10 %
of nginx's for the same page, p99 latency at most 50 ms at 32 connections); with ``--check`` it exits 1 when a
target is missed.

What runs, all on the loopback interface, in temporary directories removed at the end:

- ``portal``: the portal as in production: ``treatywatch load``, ``treatywatch manage collectstatic``, then
  ``treatywatch serve`` (gunicorn, 2 uvicorn workers, Django in 4 threads each behind the front, no access log)
  with ``TREATYWATCH_ENV=production``, a random ``SECRET_KEY`` and ``ALLOWED_HOSTS=127.0.0.1``, on its own
  SQLite store;
- ``gunicorn floor``: the same gunicorn command serving an ASGI app that answers the portal's saved bytes and
  headers for each page and does nothing else: the best any application can do under this server here;
- ``nginx static`` and ``nginx gzip``: Debian's nginx as a throwaway instance (``nginx -c CONF -p PREFIX -e LOG``,
  ``daemon off``, 2 worker processes) serving the home page (/en/) and the treaty page (/en/treaties/ICRMW/) saved
  once from the portal, in two server blocks: ``static``, the portal's own gzip bytes served with ``gzip_static``
  (the like-for-like baseline, since the portal also sends bytes compressed once and kept: the targets are
  measured against it), and ``gzip``, the uncompressed HTML compressed by nginx on each request (``gzip on`` at
  nginx's default level 1; at the portal's level 6 the home page's repetitive SVG takes about 25 ms to compress);
- with ``--django-path``, also ``portal, Django path``: the same server without the front
  (``treatywatch.site.asgi:django_only``), to show what the front does.

Each round runs ``wrk -t2 -c32 -d10s --latency -H 'Accept-Encoding: gzip' URL`` against each server's two pages,
one after the other (after an untimed warm-up of each); the report gives the median over the rounds of
requests/s and of the p99 latency, and the ratio portal/nginx. Page weights are the bytes of the portal's
actual responses: the HTML (map and chart are inline SVG) and the stylesheet, each as sent with gzip.

wrk, gunicorn and nginx share the machine's cores: the figures are for this machine as it was, load included
(the load average before and after is printed).

Usage: ``.venv/bin/python bench/portal.py [--rounds 3] [--duration 10] [--connections 32] [--django-path] [--check]``
(writes bench/out/portal.json). ``--profile SECONDS`` also records one gunicorn worker with py-spy (if installed)
during an extra run on the home page and prints where its time goes.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import platform
import re
import secrets
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections import Counter
from dataclasses import asdict, dataclass
from importlib import metadata
from pathlib import Path
from typing import Any

OUT = Path(__file__).resolve().parent / "out"
PAGES = {"home": "/en/", "treaty": "/en/treaties/ICRMW/"}
WEIGHT_LANGS = ("en", "ar", "zh-hans")
MIN_RATIO = 0.10
MAX_P99_MS = 50.0
STARTUP_SECONDS = 60

NGINX_CONF = """\
worker_processes 2;
daemon off;
pid {prefix}/nginx.pid;
error_log {prefix}/error.log warn;
events {{ worker_connections 1024; }}
http {{
    types {{ text/html html; text/css css; }}
    default_type application/octet-stream;
    access_log off;  # as the portal: treatywatch serve keeps no access log by default
    sendfile on;
    tcp_nopush on;
    keepalive_timeout 65;
    client_body_temp_path {prefix}/body;
    proxy_temp_path {prefix}/proxy;
    fastcgi_temp_path {prefix}/fastcgi;
    uwsgi_temp_path {prefix}/uwsgi;
    scgi_temp_path {prefix}/scgi;
    server {{
        listen 127.0.0.1:{static_port};
        root {root};
        index index.html;
        gzip_static on;
        gzip_vary on;
    }}
    server {{
        listen 127.0.0.1:{gzip_port};
        root {root};
        index index.html;
        gzip on;
        gzip_vary on;
        gzip_min_length 1000;
    }}
}}
"""


FLOOR_APP = """\
import json, os

_SAVED = json.load(open(os.environ["BENCH_FLOOR_PAGES"], encoding="utf-8"))
_PAGES = {
    path: ([(k.lower().encode("latin1"), v.encode("latin1")) for k, v in headers], bytes.fromhex(body))
    for path, (headers, body) in _SAVED.items()
}


async def application(scope, receive, send):
    if scope["type"] == "lifespan":
        while True:
            message = await receive()
            if message["type"] == "lifespan.startup":
                await send({"type": "lifespan.startup.complete"})
            else:
                await send({"type": "lifespan.shutdown.complete"})
                return
    headers, body = _PAGES[scope["path"]]
    await send({"type": "http.response.start", "status": 200, "headers": headers})
    await send({"type": "http.response.body", "body": body})
"""
HOP_HEADERS = {"date", "server", "connection", "transfer-encoding", "keep-alive"}


@dataclass(frozen=True)
class Run:
    target: str
    page: str
    round: int
    rps: float
    p50_ms: float
    p99_ms: float
    requests: int
    errors: int
    bytes_per_request: float


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def fetch(url: str, gzip_ok: bool) -> tuple[int, dict[str, str], bytes]:
    request = urllib.request.Request(url, headers={"Accept-Encoding": "gzip"} if gzip_ok else {})
    with urllib.request.urlopen(request, timeout=30) as response:
        # Header names are case-insensitive (uvicorn sends them in lower case): keep them in the usual case.
        return response.status, {k.title(): v for k, v in response.headers.items()}, response.read()


def wait_until_up(url: str, proc: subprocess.Popen[bytes], what: str) -> None:
    deadline = time.monotonic() + STARTUP_SECONDS
    while True:
        if proc.poll() is not None:
            sys.exit(f"bench: {what} exited with {proc.returncode}")
        try:
            if fetch(url, False)[0] == 200:
                return
        except OSError:
            pass
        if time.monotonic() > deadline:
            sys.exit(f"bench: {what} did not answer {url} within {STARTUP_SECONDS} s")
        time.sleep(0.2)


def stop(proc: subprocess.Popen[bytes], sig: int = signal.SIGTERM) -> None:
    if proc.poll() is None:
        proc.send_signal(sig)
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


# ------------------------------------------------------------------------------------------------ wrk
_UNITS = {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60_000.0}


def _ms(text: str) -> float:
    match = re.fullmatch(r"([\d.]+)(us|ms|s|m)", text)
    if match is None:
        raise ValueError(f"not a wrk duration: {text!r}")
    return float(match.group(1)) * _UNITS[match.group(2)]


def _bytes(text: str) -> float:
    match = re.fullmatch(r"([\d.]+)([KMG]?B)", text)
    if match is None:
        raise ValueError(f"not a wrk size: {text!r}")
    return float(match.group(1)) * {"B": 1, "KB": 1024, "MB": 1024**2, "GB": 1024**3}[match.group(2)]


def wrk(url: str, duration: int, connections: int) -> dict[str, Any]:
    command = ["wrk", "-t2", f"-c{connections}", f"-d{duration}s", "--latency", "-H", "Accept-Encoding: gzip", url]
    out = subprocess.run(command, capture_output=True, text=True, check=True, timeout=duration + 60).stdout
    found = {
        "rps": float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1)),  # type: ignore[union-attr]
        "p50_ms": _ms(re.search(r"\s50%\s+(\S+)", out).group(1)),  # type: ignore[union-attr]
        "p99_ms": _ms(re.search(r"\s99%\s+(\S+)", out).group(1)),  # type: ignore[union-attr]
    }
    total = re.search(r"(\d+) requests in [\d.]+\w+, ([\d.]+[KMG]?B) read", out)
    assert total is not None, out
    found["requests"] = int(total.group(1))
    found["bytes_per_request"] = _bytes(total.group(2)) / max(found["requests"], 1)
    errors = 0
    if m := re.search(r"Non-2xx or 3xx responses: (\d+)", out):
        errors += int(m.group(1))
    if m := re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", out):
        errors += sum(int(g) for g in m.groups())
    found["errors"] = errors
    return found


# ------------------------------------------------------------------------------------------------ setup
def portal_env(data: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "DEBUG", "DJANGO_SETTINGS_MODULE")}
    env.update(
        TREATYWATCH_ENV="production",
        SECRET_KEY=secrets.token_urlsafe(50),
        ALLOWED_HOSTS="127.0.0.1",
        TREATYWATCH_DATA_DIR=str(data),
        LOG_LEVEL="WARNING",
    )
    return env


def treatywatch(env: dict[str, str], cwd: Path, *args: str) -> None:
    subprocess.run([sys.executable, "-m", "treatywatch.cli", *args], env=env, cwd=cwd, check=True, timeout=600)


def start_portal(data: Path, env: dict[str, str]) -> tuple[subprocess.Popen[bytes], str]:
    treatywatch(env, data, "load")
    treatywatch(env, data, "manage", "collectstatic", "--noinput", "--verbosity", "0")
    port = free_port()
    with (data / "gunicorn.log").open("wb") as log:
        proc = subprocess.Popen(
            [sys.executable, "-m", "treatywatch.cli", "serve", "--bind", f"127.0.0.1:{port}"],
            env=env,
            cwd=data,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
    base = f"http://127.0.0.1:{port}"
    wait_until_up(base + "/en/", proc, "gunicorn")
    return proc, base


def start_gunicorn(app: str, env: dict[str, str], cwd: Path, name: str) -> tuple[subprocess.Popen[bytes], str]:
    """Another ASGI app under the very command ``treatywatch serve`` runs (2 uvicorn workers, no access log)."""
    port = free_port()
    command = [sys.executable, "-m", "gunicorn", app, "--bind", f"127.0.0.1:{port}", "--workers", "2"]
    command += ["--worker-class", "treatywatch.site.serving.Worker"]
    with (cwd / f"{name}.log").open("wb") as log:
        proc = subprocess.Popen(command, env=env, cwd=cwd, stdout=log, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    wait_until_up(base + "/en/", proc, name)
    return proc, base


def save_pages(portal: str, root: Path, floor: Path) -> None:
    """The portal's pages as static files for nginx (``index.html``, and the portal's own gzip bytes as
    ``index.html.gz``), and its gzip answers with their headers for the gunicorn floor."""
    answers: dict[str, tuple[list[tuple[str, str]], str]] = {}
    for path in PAGES.values():
        folder = root / path.strip("/")
        folder.mkdir(parents=True, exist_ok=True)
        status, _, plain = fetch(portal + path, False)
        assert status == 200
        status, headers, packed = fetch(portal + path, True)
        assert status == 200 and headers.get("Content-Encoding") == "gzip"
        assert gzip.decompress(packed) == plain, "the portal's gzip body is its plain body"
        (folder / "index.html").write_bytes(plain)
        (folder / "index.html.gz").write_bytes(packed)
        answers[path] = ([(k, v) for k, v in headers.items() if k.lower() not in HOP_HEADERS], packed.hex())
    for path in (root, *root.rglob("*")):
        path.chmod(0o755 if path.is_dir() else 0o644)  # nginx's workers may run as another user
    (floor / "floor_app.py").write_text(FLOOR_APP)
    (floor / "pages.json").write_text(json.dumps(answers))


def start_nginx(prefix: Path, root: Path) -> tuple[subprocess.Popen[bytes], str, str]:
    nginx = shutil.which("nginx") or "/usr/sbin/nginx"
    static_port, gzip_port = free_port(), free_port()
    conf = prefix / "nginx.conf"
    conf.write_text(NGINX_CONF.format(prefix=prefix, root=root, static_port=static_port, gzip_port=gzip_port))
    with (prefix / "stderr.log").open("wb") as log:
        proc = subprocess.Popen(
            [nginx, "-c", str(conf), "-p", str(prefix), "-e", str(prefix / "error.log")],
            stdout=log,
            stderr=subprocess.STDOUT,
        )
    static, dynamic = f"http://127.0.0.1:{static_port}", f"http://127.0.0.1:{gzip_port}"
    wait_until_up(static + "/en/", proc, "nginx")
    wait_until_up(dynamic + "/en/", proc, "nginx")
    return proc, static, dynamic


# ------------------------------------------------------------------------------------------------ figures
def page_weights(portal: str) -> dict[str, dict[str, int]]:
    """Bytes as sent: the page's HTML with gzip (map and chart are inline) and its stylesheet with gzip."""
    weights: dict[str, dict[str, int]] = {}
    for lang in WEIGHT_LANGS:
        for name, path in PAGES.items():
            url = portal + path.replace("/en/", f"/{lang}/", 1)
            _, headers, packed = fetch(url, True)
            html = gzip.decompress(packed) if headers.get("Content-Encoding") == "gzip" else packed
            css_path = re.search(rb'<link rel="stylesheet" href="([^"]+)"', html)
            assert css_path is not None
            _, css_headers, css = fetch(portal + css_path.group(1).decode(), True)
            weights[f"{name} /{lang}/"] = {
                "html": len(html),
                "html_gzip": len(packed),
                "css_gzip": len(css),
                "css_encoding": css_headers.get("Content-Encoding") == "gzip",
                "total_gzip": len(packed) + len(css),
            }
    return weights


def machine() -> dict[str, str]:
    def first(pattern: str, path: str) -> str:
        try:
            m = re.search(pattern, Path(path).read_text(), re.MULTILINE)
        except OSError:
            return "?"
        return m.group(1).strip() if m else "?"

    mem_kb = first(r"^MemTotal:\s+(\d+)", "/proc/meminfo")
    nginx = subprocess.run(["nginx", "-v"], capture_output=True, text=True).stderr.strip()
    wrk_version = subprocess.run(["wrk", "--version"], capture_output=True, text=True).stdout.split("\n")[0]
    return {
        "nproc": str(len(os.sched_getaffinity(0))),
        "cpu": first(r"^model name\s*:\s*(.+)$", "/proc/cpuinfo"),
        "memory": f"{int(mem_kb) / 1024 / 1024:.1f} GiB" if mem_kb.isdigit() else "?",
        "python": platform.python_version(),
        "django": metadata.version("django"),
        "gunicorn": metadata.version("gunicorn"),
        "nginx": nginx.removeprefix("nginx version: "),
        "wrk": " ".join(wrk_version.split()[:2]),
        "kernel": platform.release(),
    }


def load_average() -> str:
    return " ".join(f"{x:.2f}" for x in os.getloadavg())


def profile_worker(gunicorn: subprocess.Popen[bytes], url: str, seconds: int, connections: int) -> None:
    py_spy = Path(sys.executable).with_name("py-spy")
    if not py_spy.exists():
        print(f"--profile: {py_spy} is missing (pip install py-spy into the venv)")
        return
    # `treatywatch serve` execs gunicorn, so its process is gunicorn's master; its children are the workers.
    children = Path(f"/proc/{gunicorn.pid}/task/{gunicorn.pid}/children").read_text().split()
    raw = OUT / "portal-profile.txt"
    load = subprocess.Popen(
        ["wrk", "-t2", f"-c{connections}", f"-d{seconds + 4}s", "-H", "Accept-Encoding: gzip", url],
        stdout=subprocess.DEVNULL,
    )
    time.sleep(1)
    subprocess.run(
        [str(py_spy), "record", "-p", children[0], "-d", str(seconds), "-r", "200", "-f", "raw", "-o", str(raw)],
        capture_output=True,
        check=False,
    )
    load.wait()
    own, total = Counter[str](), 0
    for line in raw.read_text().splitlines():
        stack, _, count = line.rpartition(" ")
        own[stack.split(";")[-1]] += int(count)
        total += int(count)
    print(f"\nprofile of worker {children[0]} under load on {url} ({total} samples; self time, top 15):")
    for frame, n in own.most_common(15):
        print(f"  {n / max(total, 1):6.1%}  {frame[:110]}")


def median_of(runs: list[Run], target: str, page: str, field: str) -> float:
    return statistics.median(getattr(r, field) for r in runs if r.target == target and r.page == page)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--duration", type=int, default=10, help="seconds per wrk run (default 10)")
    parser.add_argument("--connections", type=int, default=32)
    parser.add_argument("--django-path", action="store_true", help="also the portal without its WSGI fast path")
    parser.add_argument("--profile", type=int, default=0, metavar="SECONDS", help="py-spy one worker this long")
    parser.add_argument("--check", action="store_true", help="exit 1 when a target is missed")
    args = parser.parse_args()
    for tool in ("wrk", "nginx"):
        if shutil.which(tool) is None and not Path(f"/usr/sbin/{tool}").exists():
            sys.exit(f"bench: {tool} is not installed (Debian: apt-get install {tool}{'-light' * (tool == 'nginx')})")
    OUT.mkdir(exist_ok=True)
    info = machine()
    print("machine: " + ", ".join(f"{k} {v}" for k, v in info.items()))
    load_before = load_average()
    procs: list[tuple[subprocess.Popen[bytes], int]] = []
    with tempfile.TemporaryDirectory(prefix="treatywatch-bench-") as tmp:
        work = Path(tmp)
        work.chmod(0o755)
        data, prefix, root, floor = work / "portal", work / "nginx", work / "www", work / "floor"
        for folder in (data, prefix, root, floor):
            folder.mkdir()
        env = portal_env(data)
        try:
            gunicorn, portal = start_portal(data, env)
            procs.append((gunicorn, signal.SIGTERM))
            save_pages(portal, root, floor)
            weights = page_weights(portal)
            targets = {"portal": portal}
            if args.django_path:
                proc, targets["portal, Django path"] = start_gunicorn(
                    "treatywatch.site.asgi:django_only", env, data, "django-path"
                )
                procs.append((proc, signal.SIGTERM))
            floor_env = {**env, "BENCH_FLOOR_PAGES": str(floor / "pages.json")}
            proc, targets["gunicorn floor"] = start_gunicorn("floor_app:application", floor_env, floor, "floor")
            procs.append((proc, signal.SIGTERM))
            nginx, targets["nginx static"], targets["nginx gzip"] = start_nginx(prefix, root)
            procs.append((nginx, signal.SIGQUIT))
            for base in targets.values():  # warm-up: fills the portal's caches in both workers
                for path in PAGES.values():
                    wrk(base + path, 2, args.connections)
            runs: list[Run] = []
            for n in range(1, args.rounds + 1):
                for target, base in targets.items():
                    for page, path in PAGES.items():
                        found = wrk(base + path, args.duration, args.connections)
                        runs.append(Run(target, page, n, **found))
                        print(
                            f"round {n} {target:20} {page:6} {found['rps']:9.0f} req/s  p50 {found['p50_ms']:7.2f}"
                            f" ms  p99 {found['p99_ms']:7.2f} ms  {found['bytes_per_request']:8.0f} B/req"
                            + (f"  ERRORS {found['errors']}" if found["errors"] else "")
                        )
            if args.profile:
                profile_worker(gunicorn, portal + PAGES["home"], args.profile, args.connections)
        finally:
            for proc, sig in reversed(procs):
                stop(proc, sig)
    load_after = load_average()
    missed = report(runs, list(targets), weights, info, args, load_before, load_after)
    return 1 if missed and args.check else 0


def report(
    runs: list[Run],
    targets: list[str],
    weights: dict[str, dict[str, int]],
    info: dict[str, str],
    args: argparse.Namespace,
    load_before: str,
    load_after: str,
) -> list[str]:
    print(f"\nmedians of {args.rounds} rounds, wrk -t2 -c{args.connections} -d{args.duration}s, gzip")
    print("| page | server | requests/s | p50 | p99 | portal/nginx |")
    print("|---|---|---|---|---|---|")
    missed: list[str] = []
    summary: dict[str, Any] = {}
    for page in PAGES:
        portal_rps = median_of(runs, "portal", page, "rps")
        for target in targets:
            rps = median_of(runs, target, page, "rps")
            p50 = median_of(runs, target, page, "p50_ms")
            p99 = median_of(runs, target, page, "p99_ms")
            ratio = f"{portal_rps / rps:.1%}" if target.startswith("nginx") else ""
            summary[f"{page} {target}"] = {"rps": rps, "p50_ms": p50, "p99_ms": p99}
            print(f"| {page} | {target} | {rps:.0f} | {p50:.1f} ms | {p99:.1f} ms | {ratio} |")
        ratio = portal_rps / median_of(runs, "nginx static", page, "rps")
        p99 = median_of(runs, "portal", page, "p99_ms")
        if ratio < MIN_RATIO:
            missed.append(f"{page}: throughput {ratio:.1%} of nginx (gzip_static), target >= {MIN_RATIO:.0%}")
        if p99 > MAX_P99_MS:
            missed.append(f"{page}: p99 {p99:.1f} ms, target <= {MAX_P99_MS:.0f} ms")
    errors = sum(r.errors for r in runs)
    print("\npage weights (bytes as sent with gzip; map and chart inline in the home page's HTML):")
    print("| page | HTML | HTML gzip | CSS gzip | total gzip |")
    print("|---|---|---|---|---|")
    for name, w in weights.items():
        print(f"| {name} | {w['html']} | {w['html_gzip']} | {w['css_gzip']} | {w['total_gzip']} |")
    print(f"\nload average before {load_before}, after {load_after}; errors or non-2xx answers: {errors}")
    if errors:
        missed.append(f"{errors} errors or non-2xx answers")
    print("targets: " + ("; ".join(missed) if missed else "met"))
    result = {
        "machine": info,
        "method": {"rounds": args.rounds, "duration_s": args.duration, "connections": args.connections},
        "load_average": {"before": load_before, "after": load_after},
        "medians": summary,
        "weights": weights,
        "runs": [asdict(r) for r in runs],
        "missed": missed,
    }
    (OUT / "portal.json").write_text(json.dumps(result, indent=1))
    return missed


if __name__ == "__main__":
    sys.exit(main())
