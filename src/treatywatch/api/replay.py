"""Prebuilt answers for repeated open-data requests, replayed before the rest of the middleware stack.

An open-data answer depends only on the record version, the day, the host, the path with its query and whether
the client takes gzip. Once the whole stack has produced one (with every header: validators, CORS, security
headers, compression), ``OpenDataMiddleware`` keeps its status, headers and bytes here and replays them for the
same key without running the other middleware, the URL resolver or the view. The record version comes from
``caching.current_stamp`` (read at most once a second), so a replayed answer costs no query.

Only answers built by ``caching.cached_response`` are kept (they are public by construction), only 200s with an
ETag and no cookie, never for a request that carries credentials or cookies (the session middleware may answer
those with a cookie of its own). Memory is bounded per process. A replayed gzip answer repeats the bytes of the
first, without GZipMiddleware's random padding against BREACH: open data holds no secret to guess.
"""

from __future__ import annotations

import re
import threading
from collections import OrderedDict
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from django.http import HttpRequest, HttpResponse, HttpResponseNotModified
from django.utils.http import parse_http_date_safe

from .caching import OpenData, Stamp, matches

__all__ = ["MAX_BYTES", "Entry", "Replay", "key", "replay"]

MAX_BYTES = 64 * 1024 * 1024
_GZIP = re.compile(r"\bgzip\b")
_CONTENT_HEADERS = {"content-type", "content-length", "content-disposition", "content-encoding"}
Key = tuple[int, str, str, str, str, bool]


@dataclass(frozen=True, slots=True)
class Entry:
    headers: tuple[tuple[str, str], ...]
    body: bytes
    etag: str
    last_modified: int

    def response(self, request: HttpRequest) -> HttpResponse:
        """The kept answer as a Django response (for ``OpenDataMiddleware``)."""
        if matches(request.META, self.etag, self.last_modified):
            not_modified = HttpResponseNotModified()
            for name, value in self.headers:
                if name.lower() not in _CONTENT_HEADERS:
                    not_modified[name] = value
            return not_modified
        response = HttpResponse(b"" if request.method == "HEAD" else self.body)
        for name, value in self.headers:
            response[name] = value
        return response

    def wsgi(self, environ: Mapping[str, Any]) -> tuple[str, list[tuple[str, str]], bytes]:
        """The kept answer as a WSGI status, headers and body (for ``treatywatch.api.wsgi``)."""
        if matches(environ, self.etag, self.last_modified):
            return "304 Not Modified", [h for h in self.headers if h[0].lower() not in _CONTENT_HEADERS], b""
        return "200 OK", list(self.headers), b"" if environ.get("REQUEST_METHOD") == "HEAD" else self.body


def key(environ: Mapping[str, Any], stamp: Stamp) -> Key | None:
    """What an open-data answer depends on, read from the WSGI environ (Django's ``request.META``)."""
    if environ.get("HTTP_AUTHORIZATION") or environ.get("HTTP_COOKIE"):
        return None
    path = f"{environ.get('SCRIPT_NAME', '')}{environ.get('PATH_INFO', '')}?{environ.get('QUERY_STRING', '')}"
    host = environ.get("HTTP_HOST") or f"{environ.get('SERVER_NAME', '')}:{environ.get('SERVER_PORT', '')}"
    hosts = f"{host}|{environ.get('HTTP_X_FORWARDED_HOST', '')}"
    gzip = bool(_GZIP.search(environ.get("HTTP_ACCEPT_ENCODING", "")))
    return (stamp.version, stamp.today.isoformat(), hosts, environ.get("wsgi.url_scheme", ""), path, gzip)


class Replay:
    def __init__(self, max_bytes: int = MAX_BYTES) -> None:
        self.max_bytes = max_bytes
        self._entries: OrderedDict[Key, Entry] = OrderedDict()
        self._size = 0
        self._lock = threading.Lock()

    def get(self, key: Key) -> Entry | None:
        with self._lock:
            entry = self._entries.get(key)
            if entry is not None:
                self._entries.move_to_end(key)
            return entry

    def put(self, key: Key, response: HttpResponse) -> None:
        if not keepable(response):
            return
        etag = response["ETag"].removeprefix("W/")
        modified = parse_http_date_safe(response.get("Last-Modified", "")) or 0
        entry = Entry(tuple(response.items()), bytes(response.content), etag, modified)
        with self._lock:
            old = self._entries.pop(key, None)
            if old is not None:
                self._size -= len(old.body)
            if self._entries and next(iter(self._entries))[:2] != key[:2]:
                # The record or the day changed: everything kept answers an older question.
                self._entries.clear()
                self._size = 0
            self._entries[key] = entry
            self._size += len(entry.body)
            while self._size > self.max_bytes and self._entries:
                _, dropped = self._entries.popitem(last=False)
                self._size -= len(dropped.body)

    def clear(self) -> None:
        with self._lock:
            self._entries.clear()
            self._size = 0

    def __len__(self) -> int:
        return len(self._entries)


def keepable(response: HttpResponse) -> bool:
    return (
        isinstance(response, OpenData)
        and response.status_code == 200
        and not response.streaming
        and not response.cookies
        and "ETag" in response
        and response.get("Cache-Control", "").startswith("public")
    )


replay = Replay()
