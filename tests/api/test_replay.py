"""Replayed answers are the answers: same bytes and headers as the full stack gave, 304s, HEAD, and what is kept."""

from __future__ import annotations

import gzip
import io
from collections.abc import Iterator
from typing import Any

import pytest
from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from django.test import Client

from treatywatch.api import caching
from treatywatch.api.replay import replay
from treatywatch.api.wsgi import ReplayWSGI

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("fresh")]

URLS = [
    "/api/v1/treaties/ICRMW/status?as_of=2003-07-01",
    "/api/v1/treaties/ICRMW/participants",
    "/data/ICRMW/participants.csv",
    "/badge/ICRMW.svg?lang=ar",
    "/fr/feeds/states/MEX.atom",
]


@pytest.mark.parametrize("url", URLS)
def test_a_replayed_answer_has_the_bytes_and_headers_of_the_first(client: Client, url: str) -> None:
    first = client.get(url)
    assert len(replay) == 1
    second = client.get(url)
    assert second.content == first.content
    assert dict(second.items()) == dict(first.items())


def test_a_replayed_answer_answers_conditional_requests(client: Client) -> None:
    url = URLS[0]
    first = client.get(url)
    again = client.get(url, headers={"If-None-Match": first["ETag"]})
    assert again.status_code == 304
    assert again["ETag"] == first["ETag"]
    assert again["Access-Control-Allow-Origin"] == "*"
    assert "Content-Type" not in again
    assert client.get(url, headers={"If-Modified-Since": first["Last-Modified"]}).status_code == 304


def test_gzip_and_plain_answers_are_kept_apart(client: Client) -> None:
    url = "/api/v1/treaties/ICRMW/status"
    plain = client.get(url)
    zipped = client.get(url, headers={"Accept-Encoding": "gzip"})
    assert zipped["Content-Encoding"] == "gzip"
    assert gzip.decompress(zipped.content) == plain.content
    assert gzip.decompress(client.get(url, headers={"Accept-Encoding": "gzip"}).content) == plain.content
    assert client.get(url).content == plain.content
    assert zipped["ETag"] == "W/" + plain["ETag"]
    assert client.get(url, headers={"If-None-Match": zipped["ETag"]}).status_code == 304


def test_head_is_answered_as_get_without_the_body(client: Client) -> None:
    url = "/api/v1/treaties/ICRMW/status"
    get = client.get(url)
    for _ in range(2):  # from the stack, then replayed
        head = client.head(url)
        assert head.status_code == 200
        assert head.content == b""
        assert head["ETag"] == get["ETag"]
        assert head["Content-Type"] == get["Content-Type"]


def test_requests_with_cookies_are_not_replayed(client: Client) -> None:
    client.cookies["sessionid"] = "anything"
    client.get(URLS[0])
    assert len(replay) == 0


def test_errors_are_not_kept(client: Client) -> None:
    client.get("/api/v1/treaties/NOPE/status")
    client.get("/api/v1/treaties/ICRMW/status?as_of=nope")
    assert len(replay) == 0


def test_the_replay_is_bounded_in_bytes(client: Client) -> None:
    before = replay.max_bytes
    replay.max_bytes = 60_000
    try:
        for day in ("2001-01-01", "2002-01-01", "2003-01-01", "2004-01-01", "2005-01-01"):
            client.get(f"/api/v1/treaties/ICRMW/status?as_of={day}")
        assert 0 < len(replay) < 5
    finally:
        replay.max_bytes = before


def _call(app: Any, path: str, query: str = "", **headers: str) -> tuple[str, dict[str, str], bytes]:
    environ = {
        "REQUEST_METHOD": headers.pop("method", "GET"),
        "SCRIPT_NAME": "",
        "PATH_INFO": path,
        "QUERY_STRING": query,
        "SERVER_NAME": "127.0.0.1",
        "SERVER_PORT": "8000",
        "HTTP_HOST": "127.0.0.1",
        "SERVER_PROTOCOL": "HTTP/1.1",
        "wsgi.input": io.BytesIO(b""),
        "wsgi.errors": io.StringIO(),
        "wsgi.url_scheme": "http",
        **{f"HTTP_{name.upper()}": value for name, value in headers.items()},
    }
    started: list[Any] = []
    body = b"".join(app(environ, lambda status, hdrs, *_: started.append((status, hdrs))))
    status, hdrs = started[0]
    return status, dict(hdrs), body


@pytest.fixture
def wsgi_app() -> Iterator[ReplayWSGI]:
    # As Django's test client does: requests must not close the connection that holds the test's transaction.
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    try:
        yield ReplayWSGI(get_wsgi_application())
    finally:
        request_started.connect(close_old_connections)
        request_finished.connect(close_old_connections)


class Refusing:
    """A stand-in for Django that must not be reached."""

    def __call__(self, environ: dict[str, Any], start_response: Any) -> list[bytes]:
        raise AssertionError(f"reached Django for {environ['PATH_INFO']}")


def test_the_wsgi_replay_answers_as_django_did_without_reaching_it(wsgi_app: ReplayWSGI) -> None:
    first = _call(wsgi_app, "/api/v1/treaties/ICRMW/status", "as_of=2003-07-01")
    assert first[0] == "200 OK"
    django = wsgi_app.app
    wsgi_app.app = Refusing()
    try:
        again = _call(wsgi_app, "/api/v1/treaties/ICRMW/status", "as_of=2003-07-01")
        assert again == first
        status, headers, body = _call(
            wsgi_app, "/api/v1/treaties/ICRMW/status", "as_of=2003-07-01", if_none_match=first[1]["ETag"]
        )
        assert (status, body) == ("304 Not Modified", b"")
        assert headers["ETag"] == first[1]["ETag"] and headers["Access-Control-Allow-Origin"] == "*"
        head = _call(wsgi_app, "/api/v1/treaties/ICRMW/status", "as_of=2003-07-01", method="HEAD")
        assert head[0] == "200 OK" and head[2] == b"" and head[1] == first[1]
        with pytest.raises(AssertionError, match="reached Django"):
            _call(wsgi_app, "/api/v1/treaties/ICRMW/status", "as_of=2004-07-01")
    finally:
        wsgi_app.app = django


def test_the_wsgi_replay_asks_django_once_the_version_is_a_second_old(wsgi_app: ReplayWSGI) -> None:
    first = _call(wsgi_app, "/data/ICRMW/participants.csv")
    caching.forget_stamp()  # as if more than caching.STAMP_SECONDS had passed
    django = wsgi_app.app
    wsgi_app.app = Refusing()
    try:
        with pytest.raises(AssertionError, match="reached Django"):
            _call(wsgi_app, "/data/ICRMW/participants.csv")
    finally:
        wsgi_app.app = django
    assert _call(wsgi_app, "/data/ICRMW/participants.csv") == first


def test_the_wsgi_replay_leaves_other_pages_to_django(wsgi_app: ReplayWSGI) -> None:
    status, headers, _ = _call(wsgi_app, "/en/")
    assert status.startswith("200")
    assert "Access-Control-Allow-Origin" not in headers
