"""Today's pages answered in front of Django: the status line, headers and bytes the whole stack produced, again.

A page for today (GET, no query string) depends only on the record version, the day, the host, the scheme, the
path and whether the client takes gzip (``caching``). The first time, Django's whole stack builds it: view, page
cache and every middleware (Content-Security-Policy, security headers, Content-Language, Vary, ETag,
Last-Modified, Cache-Control). ``caching.page`` marks the response with the record version and day it was built
for (``PageResponse.kept_for``), and ``CachedPages`` keeps what went out under the request's key. The next request
with the same key, while the record version and the day are still the same, gets the same status line, headers and
body without a Django request being built, the URL resolved or the middleware run.

The record version is read for every such request (one indexed query on a connection kept between requests), so
a change to the record is seen by the very next request, as on Django's path.

Never answered here: methods other than GET, requests with a query string, a cookie, credentials or a conditional
header (Django answers those, 304s included), and nothing is kept that is not a 200 page marked by
``caching.page`` or that sets a cookie. Memory is bounded per process (``MAX_BYTES``, least recently used first).
"""

from __future__ import annotations

import re
import threading
from collections import OrderedDict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date
from typing import Any

from django.db import DEFAULT_DB_ALIAS, DatabaseError, connections
from django.utils import timezone

from treatywatch.treaties.models import RecordVersion

from .caching import PageResponse

__all__ = ["MAX_BYTES", "CachedPages"]

MAX_BYTES = 32 * 1024 * 1024
_GZIP = re.compile(r"\bgzip\b")
_NOT_HERE = (
    "HTTP_COOKIE",
    "HTTP_AUTHORIZATION",
    "HTTP_IF_NONE_MATCH",
    "HTTP_IF_MODIFIED_SINCE",
    "HTTP_IF_MATCH",
    "HTTP_IF_UNMODIFIED_SINCE",
    "HTTP_IF_RANGE",
    "HTTP_RANGE",
)
"""Requests carrying any of these go to Django."""

StartResponse = Callable[..., Any]
WSGIApp = Callable[[dict[str, Any], StartResponse], Iterable[bytes]]
Key = tuple[str, str, str, str, str, bool]
Stamp = tuple[int, date]


@dataclass(frozen=True, slots=True)
class _Kept:
    stamp: Stamp
    status: str
    headers: tuple[tuple[str, str], ...]
    body: bytes


def _key(environ: dict[str, Any]) -> Key | None:
    """What a page for today depends on besides the record version and the day; ``None``: not for this path."""
    if environ.get("REQUEST_METHOD") != "GET" or environ.get("QUERY_STRING"):
        return None
    if any(name in environ for name in _NOT_HERE):
        return None
    host = environ.get("HTTP_HOST") or f"{environ.get('SERVER_NAME', '')}:{environ.get('SERVER_PORT', '')}"
    return (
        environ.get("wsgi.url_scheme", ""),
        environ.get("HTTP_X_FORWARDED_PROTO", ""),
        host,
        environ.get("HTTP_X_FORWARDED_HOST", ""),
        environ.get("SCRIPT_NAME", "") + environ.get("PATH_INFO", ""),
        _GZIP.search(environ.get("HTTP_ACCEPT_ENCODING", "")) is not None,
    )


_LATEST: tuple[str, tuple[Any, ...]] | None = None


def _stamp() -> Stamp | None:
    """The latest record version and today, as ``caching.page`` reads them; ``None`` if the store can't say."""
    global _LATEST
    connection = connections[DEFAULT_DB_ALIAS]
    try:
        if _LATEST is None:
            # The very query of caching.page, compiled once to SQL.
            query = RecordVersion.objects.order_by("-id").values_list("id", flat=True)[:1].query
            _LATEST = query.sql_with_params()
        with connection.cursor() as cursor:
            cursor.execute(*_LATEST)
            row = cursor.fetchone()
    except DatabaseError:
        return None  # Django's path will say what is wrong (and replace a broken connection)
    return (int(row[0]) if row else 0), timezone.localdate()


class CachedPages:
    """WSGI middleware around Django's application (``treatywatch.site.wsgi``)."""

    def __init__(self, app: WSGIApp, max_bytes: int = MAX_BYTES) -> None:
        self.app = app
        self.max_bytes = max_bytes
        self._kept: OrderedDict[Key, _Kept] = OrderedDict()
        self._size = 0
        self._lock = threading.Lock()

    def __call__(self, environ: dict[str, Any], start_response: StartResponse) -> Iterable[bytes]:
        key = _key(environ)
        if key is None:
            return self.app(environ, start_response)
        with self._lock:
            kept = self._kept.get(key)
        if kept is not None and kept.stamp == _stamp():
            with self._lock:
                if key in self._kept:
                    self._kept.move_to_end(key)
            start_response(kept.status, list(kept.headers))
            return [kept.body]
        return self._through_django(key, environ, start_response)

    def _through_django(self, key: Key, environ: dict[str, Any], start_response: StartResponse) -> Iterable[bytes]:
        sent: list[tuple[str, list[tuple[str, str]]]] = []

        def noting(status: str, headers: list[tuple[str, str]], exc_info: Any = None) -> Any:
            sent.append((status, list(headers)))
            return start_response(status, headers, exc_info)

        result = self.app(environ, noting)
        if not (isinstance(result, PageResponse) and result.kept_for is not None and sent):
            return result
        status, headers = sent[-1]
        if status.startswith("200 ") and not result.cookies and all(h.lower() != "set-cookie" for h, _ in headers):
            self._keep(key, _Kept(result.kept_for, status, tuple(headers), bytes(result.content)))
        return result

    def _keep(self, key: Key, kept: _Kept) -> None:
        if len(kept.body) > self.max_bytes:
            return
        with self._lock:
            old = self._kept.pop(key, None)
            if old is not None:
                self._size -= len(old.body)
            self._kept[key] = kept
            self._size += len(kept.body)
            while self._size > self.max_bytes:
                _, dropped = self._kept.popitem(last=False)
                self._size -= len(dropped.body)

    def clear(self) -> None:
        with self._lock:
            self._kept.clear()
            self._size = 0

    def __len__(self) -> int:
        return len(self._kept)
