"""HTTP caching of open-data answers: validators from the record's last change, and built bytes kept per version.

An answer depends on the stored record (its latest ``RecordVersion``), the address (path and query) and the day
(answers default to "as of today"). So:

- ``ETag`` is ``"<version>.<day>.<digest of host, path and query>"``;
- ``Last-Modified`` is the later of the record's last change and the start of the day (UTC): a client holding
  yesterday's answer for "as of today" must not be told it is still fresh;
- the built bytes are kept in Django's cache under the same key, so a second request costs one small query.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime, time
from time import monotonic
from typing import Any

from django.core.cache import cache
from django.http import HttpRequest, HttpResponse, HttpResponseNotModified
from django.utils.http import http_date, parse_http_date_safe

from treatywatch.treaties import models

__all__ = [
    "CACHE_CONTROL",
    "OpenData",
    "Stamp",
    "cached_response",
    "current_stamp",
    "forget_stamp",
    "fresh_stamp",
    "http_language",
    "json_bytes",
    "json_response",
    "matches",
]

CACHE_CONTROL = "public, max-age=300"
CACHE_SECONDS = 60 * 60 * 24


class OpenData:
    """Marks an answer whose language is set by its own ``lang`` parameter (see ``middleware``)."""


class OpenDataResponse(OpenData, HttpResponse):
    pass


class OpenDataNotModified(OpenData, HttpResponseNotModified):
    pass


@dataclass(frozen=True, slots=True)
class Stamp:
    """What an answer depends on besides its address: the record's version and the day."""

    version: int
    changed: datetime | None
    today: date

    @property
    def last_modified(self) -> datetime:
        midnight = datetime.combine(self.today, time(0), tzinfo=UTC)
        return midnight if self.changed is None else max(self.changed, midnight)

    def etag(self, request: HttpRequest) -> str:
        where = f"{request.get_host()}|{request.get_full_path()}".encode()
        return f'"{self.version}.{self.today:%Y%m%d}.{hashlib.blake2b(where, digest_size=8).hexdigest()}"'


STAMP_SECONDS = 1.0
"""How long a process trusts the record version it last read. Answers may be cached for five minutes by anyone
(``Cache-Control``), so a second of delay after a change costs nothing, and saves a query per request."""
_stamp: tuple[float, Stamp] | None = None


def current_stamp() -> Stamp:
    """The record's latest version and the day, read from the store at most once a second per process."""
    global _stamp
    now = monotonic()
    held = _stamp
    if held is not None and now - held[0] < STAMP_SECONDS and held[1].today == date.today():
        return held[1]
    latest = models.RecordVersion.objects.order_by("-id").values_list("id", "changed").first()
    stamp = Stamp(0, None, date.today()) if latest is None else Stamp(int(latest[0]), latest[1], date.today())
    _stamp = (now, stamp)
    return stamp


def fresh_stamp() -> Stamp | None:
    """The version last read if it is still to be trusted, without asking the store (``None`` otherwise)."""
    held = _stamp
    if held is None or monotonic() - held[0] >= STAMP_SECONDS or held[1].today != date.today():
        return None
    return held[1]


def forget_stamp() -> None:
    """Read the version again on the next request (tests, and right after a change in this process)."""
    global _stamp
    _stamp = None


def http_language(lang: str) -> str:
    """The HTTP language tag of an engine language ("zh" is written in simplified characters here)."""
    return "zh-Hans" if lang == "zh" else lang


def json_bytes(data: Any) -> bytes:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode()


def matches(meta: Mapping[str, Any], etag: str, last_modified: int) -> bool:
    """RFC 9110 13.1: If-None-Match (weak comparison) wins over If-Modified-Since (``last_modified``: seconds).

    ``meta`` is the WSGI environ (``request.META``). ``If-None-Match: *`` is not honoured: it would let a client
    get a 304 for an address that has no answer.
    """
    header = meta.get("HTTP_IF_NONE_MATCH")
    if header is not None:
        return etag in {tag.strip().removeprefix("W/") for tag in header.split(",")}
    since_text = meta.get("HTTP_IF_MODIFIED_SINCE")
    since = parse_http_date_safe(since_text) if since_text else None
    return since is not None and last_modified <= since


def _validators(response: HttpResponse, etag: str, stamp: Stamp, language: str) -> HttpResponse:
    response["ETag"] = etag
    response["Last-Modified"] = http_date(stamp.last_modified.timestamp())
    response["Cache-Control"] = CACHE_CONTROL
    response["Access-Control-Allow-Origin"] = "*"
    response["Content-Language"] = http_language(language)
    return response


def cached_response(
    request: HttpRequest,
    build: Callable[[Stamp], bytes],
    content_type: str,
    *,
    language: str = "en",
    headers: dict[str, str] | None = None,
) -> HttpResponse:
    """Answer from the cache when the record and the day are unchanged, with validators and CORS."""
    stamp = current_stamp()
    etag = stamp.etag(request)
    if request.method in ("GET", "HEAD") and matches(request.META, etag, int(stamp.last_modified.timestamp())):
        return _validators(OpenDataNotModified(), etag, stamp, language)
    key = "treatywatch.api:" + etag.strip('"')
    body = cache.get(key)
    if not isinstance(body, bytes):
        body = build(stamp)
        cache.set(key, body, CACHE_SECONDS)
    response = OpenDataResponse(body, content_type=content_type)
    for name, value in (headers or {}).items():
        response[name] = value
    return _validators(response, etag, stamp, language)


def json_response(request: HttpRequest, build: Callable[[Stamp], Any], *, language: str = "en") -> HttpResponse:
    return cached_response(
        request, lambda stamp: json_bytes(build(stamp)), "application/json; charset=utf-8", language=language
    )
