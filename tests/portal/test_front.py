"""The front (``site.front``): a repeat request for a public page or open-data answer gets the very status, headers
and bytes of Django's path without reaching Django, under WSGI and ASGI alike; a new record version or day is seen
at once; everything that is not plainly public goes to Django."""

from __future__ import annotations

import asyncio
import datetime as dt
import gzip
import io
import threading
import time
from collections.abc import Iterator
from typing import Any

import pytest
from a2wsgi.wsgi import build_environ
from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import DatabaseError, close_old_connections
from django.http import HttpResponse
from django.test import Client
from django.utils import timezone
from hypothesis import given
from hypothesis import strategies as st

from treatywatch.site.front import Front, FrontASGI, FrontWSGI, from_environ, from_scope, front
from treatywatch.treaties import stamp, store
from treatywatch.treaties.ledger import NewEntry, append

HEADERS = (
    "Content-Type",
    "Content-Length",
    "Content-Encoding",
    "Content-Language",
    "Content-Security-Policy",
    "Cross-Origin-Opener-Policy",
    "X-Content-Type-Options",
    "Referrer-Policy",
    "X-Frame-Options",
    "Vary",
    "ETag",
    "Last-Modified",
    "Cache-Control",
    "Access-Control-Allow-Origin",
)
"""What both paths must send alike; the security headers first among them."""
URLS = [
    "/en/",
    "/ar/treaties/ICRMW/",
    "/zh-hans/states/MEX/",
    "/fr/timeline/",
    "/en/treaties/ICRMW/participants.csv",
    "/api/v1/treaties/ICRMW/status?as_of=2003-07-01",
    "/api/v1/treaties/ICRMW/participants",
    "/data/ICRMW/participants.csv",
    "/badge/ICRMW.svg?lang=ar",
    "/fr/feeds/states/MEX.atom",
]


class Counting:
    """Django's application, counting the requests that reach it."""

    def __init__(self) -> None:
        self.django = get_wsgi_application()
        self.calls = 0

    def __call__(self, environ: dict[str, Any], start_response: Any) -> Any:
        self.calls += 1
        return self.django(environ, start_response)


@pytest.fixture
def trusted(monkeypatch: pytest.MonkeyPatch) -> None:
    """The version read stays trusted however slow the machine is; tests that need it stale forget it."""
    monkeypatch.setattr(stamp, "STAMP_SECONDS", 3600.0)


@pytest.fixture
def app(record: None, trusted: None) -> Iterator[FrontWSGI]:
    # As Django's test client does: requests must not close the connection that holds the test's transaction.
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    front.clear()
    try:
        yield FrontWSGI(Counting(), refresh=False)
    finally:
        front.clear()
        request_started.connect(close_old_connections)
        request_finished.connect(close_old_connections)


def calls(app: FrontWSGI) -> int:
    assert isinstance(app.app, Counting)
    return app.app.calls


def environ_for(url: str, method: str = "GET", **headers: str) -> dict[str, Any]:
    path, _, query = url.partition("?")
    return {
        "REQUEST_METHOD": method,
        "SCRIPT_NAME": "",
        "PATH_INFO": path,
        "QUERY_STRING": query,
        "SERVER_NAME": "testserver",
        "SERVER_PORT": "80",
        "HTTP_HOST": "testserver",
        "SERVER_PROTOCOL": "HTTP/1.1",
        "wsgi.input": io.BytesIO(b""),
        "wsgi.errors": io.StringIO(),
        "wsgi.url_scheme": "http",
        **{f"HTTP_{name.upper()}": value for name, value in headers.items()},
    }


def get(app: Any, url: str, method: str = "GET", **headers: str) -> tuple[str, dict[str, str], bytes]:
    started: list[Any] = []
    result = app(environ_for(url, method, **headers), lambda status, hdrs, *_: started.append((status, hdrs)))
    try:
        body = b"".join(result)
    finally:
        if hasattr(result, "close"):
            result.close()
    status, hdrs = started[-1]
    return status, dict(hdrs), body


pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("accept", ["gzip, deflate, br", ""])
@pytest.mark.parametrize("url", URLS)
def test_a_repeat_request_gets_the_bytes_and_headers_of_djangos_path_without_django(
    app: FrontWSGI, client: Client, url: str, accept: str
) -> None:
    first = get(app, url, accept_encoding=accept)
    assert first[0] == "200 OK" and calls(app) == 1
    assert len(front) == 1
    again = get(app, url, accept_encoding=accept)
    assert calls(app) == 1, "the repeat was answered in front of Django"
    assert again == first
    normal = client.get(url, headers={"accept-encoding": accept} if accept else {})
    assert again[2] == normal.content or again[1].get("Content-Encoding") == "gzip"  # gzip padding is random
    assert again[1]["ETag"] and again[1]["Content-Security-Policy"]
    for name in HEADERS:
        if name != "Content-Length" or not accept:
            assert again[1].get(name) == normal.headers.get(name), name
    assert "default-src 'self'" in again[1]["Content-Security-Policy"]
    assert again[1]["X-Content-Type-Options"] == "nosniff"
    assert again[1]["Referrer-Policy"] == "same-origin"
    assert (again[1].get("Content-Encoding") == "gzip") == bool(accept)


def test_gzip_and_plain_are_kept_apart(app: FrontWSGI) -> None:
    plain = get(app, "/en/")
    packed = get(app, "/en/", accept_encoding="gzip")
    assert (get(app, "/en/"), get(app, "/en/", accept_encoding="gzip")) == (plain, packed)
    assert calls(app) == 2
    assert gzip.decompress(packed[2]) == plain[2]
    assert packed[1]["ETag"] == "W/" + plain[1]["ETag"]


def test_head_is_answered_as_get_without_the_body(app: FrontWSGI) -> None:
    for url in ("/en/treaties/ICRMW/", "/api/v1/treaties/ICRMW/status"):
        first = get(app, url)
        head = get(app, url, method="HEAD")
        assert head == ("200 OK", first[1], b"")
    assert calls(app) == 2


@pytest.mark.parametrize("url", ["/en/", "/api/v1/treaties/ICRMW/status?as_of=2003-07-01"])
def test_conditional_requests_are_answered_304_in_front(app: FrontWSGI, url: str) -> None:
    first = get(app, url, accept_encoding="gzip")
    status, headers, body = get(app, url, accept_encoding="gzip", if_none_match=first[1]["ETag"])
    assert (status, body) == ("304 Not Modified", b"")
    assert headers["ETag"] == first[1]["ETag"] and headers["Cache-Control"] == first[1]["Cache-Control"]
    assert "Content-Type" not in headers and "Content-Length" not in headers
    modified = get(app, url, accept_encoding="gzip", if_modified_since=first[1]["Last-Modified"])
    assert modified[0] == "304 Not Modified"
    assert get(app, url, accept_encoding="gzip", if_none_match='"other"')[0] == "200 OK"
    assert calls(app) == 1
    # Django's own path gives the same answers.
    django = app.app
    assert get(django, url, accept_encoding="gzip", if_none_match=first[1]["ETag"])[0] == "304 Not Modified"


def test_a_change_to_the_record_is_seen_by_the_next_request(app: FrontWSGI) -> None:
    before = get(app, "/en/")
    status_before = get(app, "/api/v1/treaties/ICRMW/status")
    get(app, "/en/")
    assert calls(app) == 2
    append([NewEntry("ICRMW", "DEU", "signature", "1999-05-05", source="test")], by="test", summary="test")
    store.forget()
    after = get(app, "/en/")
    assert calls(app) == 3, "a new record version goes to Django"
    assert after[1]["ETag"] != before[1]["ETag"]
    assert after[2] != before[2], "one more signatory"
    assert get(app, "/en/") == after
    assert calls(app) == 3, "and the new page is kept in turn"
    assert get(app, "/api/v1/treaties/ICRMW/status")[2] != status_before[2]
    assert calls(app) == 4


def test_a_new_day_is_seen_by_the_next_request(app: FrontWSGI, monkeypatch: pytest.MonkeyPatch) -> None:
    today = timezone.localdate()
    before = get(app, "/fr/timeline/")
    monkeypatch.setattr(timezone, "localdate", lambda *a, **k: today + dt.timedelta(days=1))
    after = get(app, "/fr/timeline/")
    assert calls(app) == 2
    assert after[1]["ETag"] != before[1]["ETag"]
    get(app, "/fr/timeline/")
    assert calls(app) == 2


def test_once_the_version_is_no_longer_trusted_django_is_asked(app: FrontWSGI) -> None:
    first = get(app, "/data/ICRMW/participants.csv")
    stamp.forget_stamp()  # as if more than STAMP_SECONDS had passed
    assert get(app, "/data/ICRMW/participants.csv") == first
    assert calls(app) == 2
    get(app, "/data/ICRMW/participants.csv")
    assert calls(app) == 2


@pytest.mark.parametrize(
    ("query", "method", "headers"),
    [
        ("?as_of=2001-01-01", "GET", {}),
        ("?sort=consent&dir=asc", "GET", {}),
        ("", "POST", {}),
        ("", "OPTIONS", {}),
        ("", "GET", {"cookie": "sessionid=x"}),
        ("", "GET", {"authorization": "Basic eDp5"}),
        ("", "GET", {"range": "bytes=0-10"}),
        ("", "GET", {"if_match": '"x"'}),
    ],
)
def test_other_requests_always_go_to_django(app: FrontWSGI, query: str, method: str, headers: dict[str, str]) -> None:
    get(app, "/en/treaties/ICRMW/")  # kept
    for _ in range(2):
        get(app, "/en/treaties/ICRMW/" + query, method, **headers)
    assert calls(app) == 3


def test_a_request_with_cookies_is_not_kept(app: FrontWSGI) -> None:
    get(app, "/api/v1/treaties/ICRMW/status", cookie="sessionid=anything")
    assert len(front) == 0


@pytest.mark.parametrize(
    "url",
    [
        "/en/states/XYZ/",
        "/en/states/mex/",
        "/en/nowhere/",
        "/",
        "/en/?as_of=1999-12-17",
        "/api/v1/treaties/NOPE/status",
        "/api/v1/treaties/ICRMW/status?as_of=nope",
        "/staff/",
    ],
)
def test_errors_redirects_and_other_days_are_not_kept(app: FrontWSGI, url: str) -> None:
    get(app, url)
    assert len(front) == 0


def test_a_host_django_refuses_is_never_kept_nor_answered(app: FrontWSGI) -> None:
    get(app, "/en/")
    status, _, _ = get(app, "/en/", host="evil.example")
    assert status.startswith("400")
    assert len(front) == 1 and calls(app) == 2


def test_memory_is_bounded(app: FrontWSGI, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(front, "max_bytes", 60_000)  # one home page (about 120 KB) does not fit; State pages do
    for url in ("/en/", "/en/states/MEX/", "/en/states/FRA/", "/en/states/SEN/", "/en/states/PHL/"):
        get(app, url)
    assert 0 < len(front) < 4
    assert front.size <= front.max_bytes


def test_a_new_stamp_empties_the_store() -> None:
    store_ = Front()
    for version, path in ((1, "/en/"), (1, "/fr/"), (2, "/ar/")):
        response = HttpResponse(b"page")
        response["ETag"] = f'"{version}"'
        response.kept_for = (version, dt.date(2026, 1, 1))  # type: ignore[attr-defined]
        one = from_environ(environ_for(path))
        assert one is not None and store_.keep(one, response)
    assert len(store_) == 1


def test_the_servers_entry_points_have_the_front() -> None:
    from treatywatch.site import asgi, wsgi

    assert isinstance(wsgi.application, FrontWSGI)
    assert isinstance(asgi.application, FrontASGI)


# ------------------------------------------------------------------------------------------------------ ASGI
def scope_for(url: str, method: str = "GET", headers: tuple[tuple[bytes, bytes], ...] = ()) -> dict[str, Any]:
    path, _, query = url.partition("?")
    return {
        "type": "http",
        "asgi": {"version": "3.0"},
        "http_version": "1.1",
        "method": method,
        "scheme": "http",
        "path": path,
        "raw_path": path.encode(),
        "root_path": "",
        "query_string": query.encode(),
        "headers": [(b"host", b"testserver"), *headers],
        "server": ("127.0.0.1", 8000),
        "client": ("127.0.0.1", 50000),
    }


def run_asgi(app: Any, scope: dict[str, Any]) -> tuple[int, dict[str, str], bytes]:
    sent: list[dict[str, Any]] = []

    async def receive() -> dict[str, Any]:
        return {"type": "http.request", "body": b"", "more_body": False}

    async def send(message: dict[str, Any]) -> None:
        sent.append(message)

    asyncio.run(app(scope, receive, send))
    start = next(m for m in sent if m["type"] == "http.response.start")
    body = b"".join(m.get("body", b"") for m in sent if m["type"] == "http.response.body")
    return start["status"], {k.decode(): v.decode() for k, v in start["headers"]}, body


class Refusing:
    """An inner ASGI app that must not be reached."""

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        raise AssertionError(f"reached Django for {scope['path']}")


def test_the_asgi_front_answers_what_the_wsgi_path_kept(app: FrontWSGI) -> None:
    url = "/api/v1/treaties/ICRMW/status?as_of=2003-07-01"
    first = get(app, url, accept_encoding="gzip")
    asgi = FrontASGI(Refusing(), refresh=False)
    status, headers, body = run_asgi(asgi, scope_for(url, headers=((b"accept-encoding", b"gzip"),)))
    assert (status, body) == (200, first[2])
    assert headers == {k.lower(): v for k, v in first[1].items()}
    tag = first[1]["ETag"].encode()
    assert run_asgi(asgi, scope_for(url, headers=((b"accept-encoding", b"gzip"), (b"if-none-match", tag))))[0] == 304
    head = run_asgi(asgi, scope_for(url, "HEAD", ((b"accept-encoding", b"gzip"),)))
    assert head[0] == 200 and head[2] == b""
    with pytest.raises(AssertionError, match="reached Django"):
        run_asgi(asgi, scope_for(url))  # not kept without gzip
    with pytest.raises(AssertionError, match="reached Django"):
        run_asgi(asgi, scope_for(url, headers=((b"accept-encoding", b"gzip"), (b"cookie", b"a=b"))))


def test_the_asgi_front_answers_lifespan_itself() -> None:
    messages = iter([{"type": "lifespan.startup"}, {"type": "lifespan.shutdown"}])
    sent: list[str] = []

    async def receive() -> dict[str, Any]:
        return next(messages)

    async def send(message: dict[str, Any]) -> None:
        sent.append(message["type"])

    asyncio.run(FrontASGI(Refusing(), refresh=False)({"type": "lifespan"}, receive, send))
    assert sent == ["lifespan.startup.complete", "lifespan.shutdown.complete"]


_HEADER = st.sampled_from(
    [b"accept-encoding", b"x-forwarded-proto", b"x-forwarded-host", b"if-none-match", b"cookie", b"x-other"]
)
_VALUE = st.text(st.characters(min_codepoint=32, max_codepoint=126), max_size=12).map(str.encode)


@pytest.mark.django_db(False)
@given(
    path=st.text(st.characters(min_codepoint=33, max_codepoint=0x4E2D, exclude_characters="?#"), max_size=20),
    query=st.text(st.characters(min_codepoint=33, max_codepoint=126), max_size=20),
    method=st.sampled_from(["GET", "HEAD", "POST"]),
    headers=st.lists(st.tuples(_HEADER, _VALUE), max_size=5),
)
def test_asgi_and_wsgi_requests_get_the_same_key(path: str, query: str, method: str, headers: list[Any]) -> None:
    """The front's key from an ASGI scope is the one Django's middleware computes from the environ a2wsgi builds."""
    scope = scope_for("/" + path, method, tuple(headers))
    scope["query_string"] = query.encode()
    assert from_scope(scope) == from_environ(build_environ(scope, None))  # type: ignore[arg-type]


# ---------------------------------------------------------------------------------------------- the refresher
@pytest.mark.django_db(False)
def test_the_stamp_is_kept_fresh_from_a_thread_and_the_store_being_away_is_logged_once(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    reads: list[str] = []
    failing = threading.Event()

    def read() -> Any:
        reads.append(threading.current_thread().name)
        if failing.is_set():
            raise DatabaseError("away")
        return None

    monkeypatch.setattr(stamp, "_read", read)
    monkeypatch.setattr(stamp.connection, "close", lambda: None)
    stamp.keep_fresh(0.01)
    stamp.keep_fresh(0.01)  # once per process
    try:
        deadline = time.monotonic() + 30
        while len(reads) < 3 and time.monotonic() < deadline:
            time.sleep(0.01)
        failing.set()
        seen = len(reads)
        while len(reads) < seen + 3 and time.monotonic() < deadline:
            time.sleep(0.01)
    finally:
        stamp.stop_refreshing()
    assert set(reads) == {"treatywatch-stamp"}
    assert len(reads) >= 6
    warnings = [r for r in caplog.records if "cannot read the record version" in r.getMessage()]
    assert len(warnings) == 1
