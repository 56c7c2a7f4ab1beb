"""Browser fixtures: the portal in a real server process, and Debian's Chromium driven by Playwright.

The server is gunicorn (2 sync workers, as ``treatywatch serve`` runs it) on its own SQLite store in a temporary
data directory, loaded with ``treatywatch load``. It listens on a socket this process opens on a free loopback
port and hands over (``--bind fd://N``), so there is no race for the port. A separate process rather than
pytest-django's ``live_server``: that one needs transactional tests, whose flush at teardown the ledger's
append-only triggers refuse on SQLite; a process of its own also tests the portal as it is deployed.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from browserkit import CHROMIUM, CHROMIUM_ARGS, Guard, NewPage, Server

STARTUP_SECONDS = 60


def _listening_socket() -> socket.socket:
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.bind(("127.0.0.1", 0))
    sock.listen(128)
    sock.set_inheritable(True)
    return sock


def _wait_until_up(url: str, proc: subprocess.Popen[bytes], log: Path) -> None:
    deadline = time.monotonic() + STARTUP_SECONDS
    while True:
        if proc.poll() is not None:
            raise RuntimeError(f"the server exited with {proc.returncode}:\n{log.read_text(errors='replace')[-3000:]}")
        try:
            with urllib.request.urlopen(url, timeout=10) as response:
                if response.status == 200:
                    return
        except OSError:  # refused, reset, timed out (urllib's URLError is an OSError)
            pass
        if time.monotonic() > deadline:
            raise RuntimeError(f"the server did not answer {url} within {STARTUP_SECONDS} s")
        time.sleep(0.2)


@pytest.fixture(scope="session")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    data = tmp_path_factory.mktemp("browser-server")
    env = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "SECRET_KEY", "ALLOWED_HOSTS", "DEBUG")}
    env.update(TREATYWATCH_ENV="test", TREATYWATCH_DATA_DIR=str(data))
    env["DJANGO_SETTINGS_MODULE"] = "treatywatch.site.settings"
    loaded = subprocess.run(
        [sys.executable, "-m", "treatywatch.cli", "load"], env=env, cwd=data, capture_output=True, timeout=300
    )
    assert loaded.returncode == 0, loaded.stderr.decode(errors="replace")
    sock = _listening_socket()
    log = data / "server.log"
    with log.open("wb") as out:
        command = [sys.executable, "-m", "gunicorn", "treatywatch.site.wsgi", "--bind", f"fd://{sock.fileno()}"]
        command += ["--workers", "2", "--access-logfile", str(data / "access.log")]
        proc = subprocess.Popen(
            command,
            env=env,
            cwd=data,
            pass_fds=(sock.fileno(),),
            stdout=out,
            stderr=subprocess.STDOUT,
        )
    try:
        base = f"http://127.0.0.1:{sock.getsockname()[1]}"
        _wait_until_up(base + "/en/", proc, log)
        yield Server(base)
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        sock.close()


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            yield chromium
        finally:
            chromium.close()


@pytest.fixture
def new_page(browser: Any, server: Server) -> Iterator[NewPage]:
    """``new_page(**context_options)`` -> (a page in a new context, its Guard), checked and closed at the end."""
    opened: list[tuple[Any, Guard]] = []

    def new(**options: Any) -> tuple[Any, Guard]:
        context = browser.new_context(viewport={"width": 1280, "height": 900}, **options)
        guard = Guard(server)
        context.route("**/*", guard.route)
        page = context.new_page()
        page.on("console", guard.console)
        page.on("pageerror", guard.page_error)
        page.set_default_timeout(20_000)
        opened.append((context, guard))
        return page, guard

    yield new
    try:
        for _, guard in opened:
            guard.check()
    finally:
        for context, _ in opened:
            context.close()
