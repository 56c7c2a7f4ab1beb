"""The WSGI fast path (``portal.fastpath.CachedPages``): a repeat request for today's page gets the very bytes and
headers of Django's path without reaching Django, and a change of the record or of the day is seen at once."""

from __future__ import annotations

import datetime as dt
import gzip
import io
from collections.abc import Iterator
from typing import Any

import pytest
from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from django.test import Client
from django.utils import timezone

from treatywatch.portal.fastpath import CachedPages
from treatywatch.treaties import store
from treatywatch.treaties.ledger import NewEntry, append

pytestmark = pytest.mark.django_db

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
)
"""What both paths must send alike; the security headers first among them."""
URLS = ["/en/", "/ar/treaties/ICRMW/", "/zh-hans/states/MEX/", "/fr/timeline/", "/en/treaties/ICRMW/participants.csv"]


class Counting:
    """Django's application, counting the requests that reach it."""

    def __init__(self) -> None:
        self.django = get_wsgi_application()
        self.calls = 0

    def __call__(self, environ: dict[str, Any], start_response: Any) -> Any:
        self.calls += 1
        return self.django(environ, start_response)


@pytest.fixture
def app(record: None) -> Iterator[CachedPages]:
    # As Django's test client does: requests must not close the connection that holds the test's transaction.
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    try:
        yield CachedPages(Counting())
    finally:
        request_started.connect(close_old_connections)
        request_finished.connect(close_old_connections)


def calls(app: CachedPages) -> int:
    assert isinstance(app.app, Counting)
    return app.app.calls


def get(app: CachedPages, path: str, query: str = "", method: str = "GET", **headers: str) -> tuple[str, Any, bytes]:
    environ = {
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
    started: list[Any] = []
    result = app(environ, lambda status, hdrs, *_: started.append((status, hdrs)))
    try:
        body = b"".join(result)
    finally:
        if hasattr(result, "close"):
            result.close()
    status, hdrs = started[-1]
    return status, dict(hdrs), body


@pytest.mark.parametrize("accept", ["gzip, deflate, br", ""])
@pytest.mark.parametrize("url", URLS)
def test_a_repeat_request_gets_the_bytes_and_headers_of_djangos_path_without_django(
    app: CachedPages, client: Client, url: str, accept: str
) -> None:
    first = get(app, url, accept_encoding=accept)
    assert first[0] == "200 OK" and calls(app) == 1
    assert len(app) == 1
    again = get(app, url, accept_encoding=accept)
    assert calls(app) == 1, "the repeat was answered in front of Django"
    assert again == first
    normal = client.get(url, headers={"accept-encoding": accept} if accept else {})
    assert again[2] == normal.content
    assert again[1]["ETag"] and again[1]["Content-Security-Policy"]
    for name in HEADERS:
        assert again[1].get(name) == normal.headers.get(name), name
    assert "default-src 'self'" in again[1]["Content-Security-Policy"]
    assert again[1]["X-Content-Type-Options"] == "nosniff"
    assert again[1]["X-Frame-Options"] == "DENY"
    assert again[1]["Referrer-Policy"] == "same-origin"
    assert "Accept-Encoding" in again[1]["Vary"]
    assert (again[1].get("Content-Encoding") == "gzip") == bool(accept)


def test_gzip_and_plain_are_kept_apart(app: CachedPages) -> None:
    plain = get(app, "/en/")
    packed = get(app, "/en/", accept_encoding="gzip")
    assert (get(app, "/en/"), get(app, "/en/", accept_encoding="gzip")) == (plain, packed)
    assert calls(app) == 2
    assert gzip.decompress(packed[2]) == plain[2]
    assert packed[1]["ETag"] == "W/" + plain[1]["ETag"]


def test_a_change_to_the_record_is_seen_by_the_next_request(app: CachedPages) -> None:
    before = get(app, "/en/")
    get(app, "/en/")
    assert calls(app) == 1
    append([NewEntry("ICRMW", "DEU", "signature", "1999-05-05", source="test")], by="test", summary="test")
    store.forget()
    after = get(app, "/en/")
    assert calls(app) == 2, "a new record version goes to Django"
    assert after[1]["ETag"] != before[1]["ETag"]
    assert after[2] != before[2], "one more signatory"
    assert get(app, "/en/") == after
    assert calls(app) == 2, "and the new page is kept in turn"


def test_a_new_day_is_seen_by_the_next_request(app: CachedPages, monkeypatch: pytest.MonkeyPatch) -> None:
    today = timezone.localdate()
    before = get(app, "/fr/timeline/")
    monkeypatch.setattr(timezone, "localdate", lambda *a, **k: today + dt.timedelta(days=1))
    after = get(app, "/fr/timeline/")
    assert calls(app) == 2
    assert after[1]["ETag"] != before[1]["ETag"]
    get(app, "/fr/timeline/")
    assert calls(app) == 2


@pytest.mark.parametrize(
    ("query", "method", "headers"),
    [
        ("as_of=2001-01-01", "GET", {}),
        ("sort=consent&dir=asc", "GET", {}),
        ("", "HEAD", {}),
        ("", "GET", {"cookie": "sessionid=x"}),
        ("", "GET", {"authorization": "Basic eDp5"}),
        ("", "GET", {"if_none_match": '"nope"'}),
        ("", "GET", {"if_modified_since": "Sat, 01 Jan 2000 00:00:00 GMT"}),
    ],
)
def test_other_requests_always_go_to_django(app: CachedPages, query: str, method: str, headers: dict[str, str]) -> None:
    get(app, "/en/treaties/ICRMW/")  # kept
    for _ in range(2):
        get(app, "/en/treaties/ICRMW/", query, method, **headers)
    assert calls(app) == 3


def test_a_conditional_request_is_still_answered_304_by_django(app: CachedPages) -> None:
    first = get(app, "/en/", accept_encoding="gzip")
    status, headers, body = get(app, "/en/", accept_encoding="gzip", if_none_match=first[1]["ETag"])
    assert (status, body) == ("304 Not Modified", b"")
    assert headers["ETag"] == first[1]["ETag"]


@pytest.mark.parametrize("url", ["/en/states/XYZ/", "/en/states/mex/", "/en/nowhere/", "/"])
def test_errors_and_redirects_are_not_kept(app: CachedPages, url: str) -> None:
    get(app, url)
    assert len(app) == 0


def test_memory_is_bounded(app: CachedPages) -> None:
    app.max_bytes = 60_000  # one home page (about 120 KB) does not fit; State pages do
    for url in ("/en/", "/en/states/MEX/", "/en/states/FRA/", "/en/states/SEN/", "/en/states/PHL/"):
        get(app, url)
    assert 0 < len(app) < 4
    assert app._size <= app.max_bytes


def test_the_sites_wsgi_application_has_the_fast_path_in_front() -> None:
    from treatywatch.site.wsgi import application

    assert isinstance(application, CachedPages)
