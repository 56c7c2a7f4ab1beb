"""The front: repeated public requests answered from memory before Django, for both server interfaces.

A public page for today and an open-data answer depend only on the record version and the day (``treaties.stamp``)
and on the request's scheme, host, path with query and whether the client takes gzip. The first time, Django's whole
stack builds the answer: view, caches and every middleware (Content-Security-Policy and the other security headers,
CORS, Content-Language, Vary, ETag, Last-Modified, Cache-Control, compression). Views mark such answers with the
stamp they were built for (``kept_for``: ``portal.caching.page`` and ``api.caching.cached_response``), and
``FrontMiddleware``, first in the stack, keeps what went out. The servers' entry points ask ``front.answer`` first:
the same key, while the stamp the process last read is less than a second old (``fresh_stamp``) and still the
one the answer was built for, gets the same status, headers and bytes without a Django request being built. When
the stamp is older, the request goes to Django, which reads the version again.

- ``FrontASGI`` (``site.asgi``, what ``treatywatch serve`` runs: gunicorn with uvicorn workers): kept answers are
  sent from the event loop; everything else goes to Django's WSGI application in a pool of threads (``a2wsgi``).
- ``FrontWSGI`` (``site.wsgi``, for WSGI servers).

Answered here: GET and HEAD (HEAD as GET without the body) and conditional requests (``If-None-Match`` wins over
``If-Modified-Since``; a 304 carries the kept headers but the content ones). Never answered here: other methods,
requests carrying a cookie, credentials or a range, or anything that was not a 200 marked ``kept_for`` without
cookies. Only answers to hosts Django accepted are kept (the views read the host), and the host is in the key.
Memory is bounded per process (``MAX_BYTES``, least recently used first); a new stamp empties the store.
"""

from __future__ import annotations

import re
import threading
from collections import OrderedDict
from collections.abc import Awaitable, Callable, Iterable, Mapping, MutableMapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from django.http import HttpRequest, HttpResponse, HttpResponseBase
from django.utils.http import parse_http_date_safe

from treatywatch.api.caching import matches
from treatywatch.treaties.stamp import fresh_stamp, keep_fresh

__all__ = ["MAX_BYTES", "Front", "FrontASGI", "FrontMiddleware", "FrontWSGI", "Kept", "from_environ", "front"]

MAX_BYTES = 96 * 1024 * 1024
_GZIP = re.compile(r"\bgzip\b")
_CONTENT_HEADERS = frozenset({"content-type", "content-length", "content-disposition", "content-encoding"})
_NOT_HERE = frozenset({"cookie", "authorization", "range", "if-range", "if-match", "if-unmodified-since"})
"""Requests carrying any of these go to Django."""

Key = tuple[str, str, str, str, str, bool]
"""Scheme, X-Forwarded-Proto, Host, X-Forwarded-Host, path with query, takes gzip."""
StartResponse = Callable[..., Any]
WSGIApp = Callable[[dict[str, Any], StartResponse], Iterable[bytes]]
Scope = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[MutableMapping[str, Any]]]
Send = Callable[[MutableMapping[str, Any]], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]


@dataclass(frozen=True, slots=True)
class Asked:
    """What the front reads of a request."""

    head: bool
    key: Key
    if_none_match: str | None
    if_modified_since: str | None

    def conditions(self) -> dict[str, str]:
        found = {}
        if self.if_none_match is not None:
            found["HTTP_IF_NONE_MATCH"] = self.if_none_match
        if self.if_modified_since is not None:
            found["HTTP_IF_MODIFIED_SINCE"] = self.if_modified_since
        return found


def _asked(method: str, scheme: str, path: str, query: str, headers: Mapping[str, str]) -> Asked | None:
    if method not in ("GET", "HEAD") or not _NOT_HERE.isdisjoint(headers):
        return None
    host = headers.get("host")
    if not host:
        return None
    key = (
        scheme,
        headers.get("x-forwarded-proto", ""),
        host,
        headers.get("x-forwarded-host", ""),
        f"{path}?{query}",
        _GZIP.search(headers.get("accept-encoding", "")) is not None,
    )
    return Asked(method == "HEAD", key, headers.get("if-none-match"), headers.get("if-modified-since"))


def from_environ(environ: Mapping[str, Any]) -> Asked | None:
    """From a WSGI environ (Django's ``request.META``)."""
    headers = {name[5:].replace("_", "-").lower(): value for name, value in environ.items() if name.startswith("HTTP_")}
    return _asked(
        environ.get("REQUEST_METHOD", ""),
        environ.get("wsgi.url_scheme", ""),
        environ.get("SCRIPT_NAME", "") + environ.get("PATH_INFO", ""),
        environ.get("QUERY_STRING", ""),
        headers,
    )


def from_scope(scope: Mapping[str, Any]) -> Asked | None:
    """From an ASGI HTTP scope, giving the key ``from_environ`` gives for the environ ``a2wsgi`` builds from it."""
    headers: dict[str, str] = {}
    for raw_name, raw_value in scope.get("headers", ()):
        name = raw_name.decode("latin1").lower()
        value = raw_value.decode("latin1")
        headers[name] = f"{headers[name]},{value}" if name in headers else value
    path = scope.get("root_path", "") + scope.get("path", "")
    return _asked(
        scope.get("method", ""),
        scope.get("scheme", "http"),
        path.encode("utf-8").decode("latin1"),
        scope.get("query_string", b"").decode("latin1"),
        headers,
    )


@dataclass(frozen=True, slots=True)
class Kept:
    stamp: tuple[int, date]
    status: str
    headers: tuple[tuple[str, str], ...]
    body: bytes
    etag: str
    last_modified: int
    raw_headers: tuple[tuple[bytes, bytes], ...]

    @classmethod
    def of(cls, response: HttpResponse, stamp: tuple[int, date]) -> Kept:
        headers = tuple(response.items())
        return cls(
            stamp,
            f"{response.status_code} {response.reason_phrase}",
            headers,
            bytes(response.content),
            response["ETag"].removeprefix("W/"),
            parse_http_date_safe(response.get("Last-Modified", "")) or 0,
            tuple((name.lower().encode("latin1"), value.encode("latin1")) for name, value in headers),
        )

    def answer(self, asked: Asked) -> tuple[int, str, Iterable[tuple[str, str]], Iterable[tuple[bytes, bytes]], bytes]:
        """Status code, status line, headers (as text and as bytes) and body for this request."""
        if (asked.if_none_match is not None or asked.if_modified_since is not None) and matches(
            asked.conditions(), self.etag, self.last_modified
        ):
            headers = [h for h in self.headers if h[0].lower() not in _CONTENT_HEADERS]
            raw = [h for h in self.raw_headers if h[0].decode("latin1") not in _CONTENT_HEADERS]
            return 304, "304 Not Modified", headers, raw, b""
        return 200, self.status, self.headers, self.raw_headers, b"" if asked.head else self.body


class Front:
    def __init__(self, max_bytes: int = MAX_BYTES) -> None:
        self.max_bytes = max_bytes
        self._kept: OrderedDict[Key, Kept] = OrderedDict()
        self._size = 0
        self._lock = threading.Lock()

    def find(self, asked: Asked) -> Kept | None:
        """The kept answer for this request, if the stamp it was built for is the one the process trusts now."""
        stamp = fresh_stamp()
        if stamp is None:
            return None
        with self._lock:
            kept = self._kept.get(asked.key)
            if kept is None or kept.stamp != stamp.key:
                return None
            self._kept.move_to_end(asked.key)
            return kept

    def keep(self, asked: Asked, response: HttpResponseBase) -> bool:
        """Keep Django's answer to a GET if it is public by construction (``kept_for``) and a plain 200."""
        stamp = getattr(response, "kept_for", None)
        if (
            stamp is None
            or asked.head
            or not isinstance(response, HttpResponse)
            or response.status_code != 200
            or response.cookies
            or response.has_header("Set-Cookie")
            or not response.has_header("ETag")
        ):
            return False
        kept = Kept.of(response, stamp)
        if len(kept.body) > self.max_bytes:
            return False
        with self._lock:
            if self._kept and next(reversed(self._kept.values())).stamp != stamp:
                self._kept.clear()  # the record or the day changed: everything kept answers an older question
                self._size = 0
            old = self._kept.pop(asked.key, None)
            if old is not None:
                self._size -= len(old.body)
            self._kept[asked.key] = kept
            self._size += len(kept.body)
            while self._size > self.max_bytes:
                _, dropped = self._kept.popitem(last=False)
                self._size -= len(dropped.body)
        return True

    def clear(self) -> None:
        with self._lock:
            self._kept.clear()
            self._size = 0

    @property
    def size(self) -> int:
        return self._size

    def __len__(self) -> int:
        return len(self._kept)


front = Front()
"""One per process, shared by the server's threads."""


class FrontMiddleware:
    """First in ``MIDDLEWARE``: keeps what the whole stack answered, for ``front`` to answer again."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponseBase]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        response = self.get_response(request)
        if getattr(response, "kept_for", None) is not None and request.method == "GET":
            asked = from_environ(request.META)
            if asked is not None:
                front.keep(asked, response)
        return response


class FrontWSGI:
    """``refresh``: keep the stamp fresh from a thread of its own (``treaties.stamp.keep_fresh``) once serving."""

    def __init__(self, app: WSGIApp, store: Front = front, refresh: bool = True) -> None:
        self.app = app
        self.store = store
        self.refresh = refresh

    def __call__(self, environ: dict[str, Any], start_response: StartResponse) -> Iterable[bytes]:
        if self.refresh:
            keep_fresh()
            self.refresh = False
        asked = from_environ(environ)
        kept = self.store.find(asked) if asked is not None else None
        if asked is None or kept is None:
            return self.app(environ, start_response)
        _, status, headers, _, body = kept.answer(asked)
        start_response(status, list(headers))
        return [body]


class FrontASGI:
    """``refresh``: as for ``FrontWSGI``."""

    def __init__(self, app: ASGIApp, store: Front = front, refresh: bool = True) -> None:
        self.app = app
        self.store = store
        self.refresh = refresh

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if self.refresh:
            keep_fresh()
            self.refresh = False
        if scope["type"] == "http":
            asked = from_scope(scope)
            kept = self.store.find(asked) if asked is not None else None
            if asked is not None and kept is not None:
                code, _, _, raw, body = kept.answer(asked)
                await send({"type": "http.response.start", "status": code, "headers": raw})
                await send({"type": "http.response.body", "body": body})
                return
        elif scope["type"] == "lifespan":
            while True:
                message = await receive()
                if message["type"] == "lifespan.startup":
                    await send({"type": "lifespan.startup.complete"})
                elif message["type"] == "lifespan.shutdown":
                    await send({"type": "lifespan.shutdown.complete"})
                    return
        await self.app(scope, receive, send)
