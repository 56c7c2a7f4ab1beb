"""``treatywatch serve`` as in production: gunicorn with uvicorn workers, the front, Django behind it in threads."""

from __future__ import annotations

import gzip
import http.client
import os
import secrets
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from treatywatch.cli import main

pytestmark = pytest.mark.slow


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def request(port: int, path: str, method: str = "GET", **headers: str) -> tuple[int, dict[str, str], bytes]:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    try:
        connection.request(method, path, headers={k.replace("_", "-"): v for k, v in headers.items()})
        response = connection.getresponse()
        return response.status, {k.lower(): v for k, v in response.getheaders()}, response.read()
    finally:
        connection.close()


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[int]:
    data = tmp_path_factory.mktemp("serve")
    env = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "DJANGO_SETTINGS_MODULE")}
    env.update(
        TREATYWATCH_ENV="production",
        SECRET_KEY=secrets.token_urlsafe(50),
        ALLOWED_HOSTS="127.0.0.1",
        TREATYWATCH_DATA_DIR=str(data),
    )
    cli = [sys.executable, "-m", "treatywatch.cli"]
    subprocess.run([*cli, "load"], env=env, check=True, capture_output=True, timeout=600)
    subprocess.run([*cli, "manage", "collectstatic", "--noinput", "-v", "0"], env=env, check=True, timeout=600)
    port = free_port()
    log = (data / "serve.log").open("wb")
    proc = subprocess.Popen(
        [*cli, "serve", "--bind", f"127.0.0.1:{port}", "--workers", "1", "--threads", "2"],
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    try:
        deadline = time.monotonic() + 120
        while True:
            assert proc.poll() is None, Path(log.name).read_text()
            try:
                if request(port, "/en/")[0] == 200:
                    break
            except OSError:
                pass
            assert time.monotonic() < deadline, Path(log.name).read_text()
            time.sleep(0.2)
        yield port
    finally:
        proc.terminate()
        proc.wait(timeout=30)
        log.close()


def test_pages_are_served_with_their_headers_and_repeats_come_from_the_front(server: int) -> None:
    first = request(server, "/ar/", accept_encoding="gzip")
    again = request(server, "/ar/", accept_encoding="gzip")
    assert first[0] == again[0] == 200
    assert again[2] == first[2]
    assert 'dir="rtl"' in gzip.decompress(again[2]).decode()
    headers = again[1]
    assert headers["content-encoding"] == "gzip"
    assert "default-src 'self'" in headers["content-security-policy"]
    assert headers["x-content-type-options"] == "nosniff"
    assert headers["content-language"] == "ar"
    assert "server" not in headers, "the server does not name itself"
    assert request(server, "/ar/", "GET", accept_encoding="gzip", if_none_match=headers["etag"])[0] == 304
    head = request(server, "/ar/", "HEAD", accept_encoding="gzip")
    assert head[0] == 200 and head[2] == b""


def test_open_data_static_files_and_staff_pages_are_served(server: int) -> None:
    status, headers, body = request(server, "/api/v1/treaties/ICRMW/status?as_of=1999-12-17")
    assert status == 200 and headers["access-control-allow-origin"] == "*"
    assert b'"instruments_needed":8' in body
    css = request(server, "/en/")[2].split(b'rel="stylesheet" href="')[1].split(b'"')[0].decode()
    assert request(server, css)[0] == 200
    assert request(server, "/staff/")[0] == 302, "staff pages ask for a sign-in"
    assert request(server, "/en/nowhere/")[0] == 404
    assert request(server, "/en/", host="evil.example")[0] == 400


def test_bad_worker_or_thread_counts_are_refused_in_one_line(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["serve", "--threads", "0"]) == 2
    assert "--threads" in capsys.readouterr().err
