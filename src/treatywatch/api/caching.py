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
from datetime import date
from typing import Any

from django.core.cache import cache
from django.http import HttpRequest, HttpResponse, HttpResponseNotModified
from django.utils.http import http_date, parse_http_date_safe

from treatywatch.treaties.stamp import STAMP_SECONDS, Stamp, current_stamp, forget_stamp, fresh_stamp

__all__ = [
    "CACHE_CONTROL",
    "STAMP_SECONDS",
    "OpenData",
    "Stamp",
    "cached_response",
    "current_stamp",
    "etag_for",
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
    kept_for: tuple[int, date] | None = None


class OpenDataNotModified(OpenData, HttpResponseNotModified):
    pass


def etag_for(stamp: Stamp, request: HttpRequest) -> str:
    """``"<version>.<day>.<digest of host, path and query>"``."""
    where = f"{request.get_host()}|{request.get_full_path()}".encode()
    return f'"{stamp.version}.{stamp.today:%Y%m%d}.{hashlib.blake2b(where, digest_size=8).hexdigest()}"'


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
    etag = etag_for(stamp, request)
    if request.method in ("GET", "HEAD") and matches(request.META, etag, int(stamp.last_modified.timestamp())):
        return _validators(OpenDataNotModified(), etag, stamp, language)
    key = "treatywatch.api:" + etag.strip('"')
    body = cache.get(key)
    if not isinstance(body, bytes):
        body = build(stamp)
        cache.set(key, body, CACHE_SECONDS)
    response = OpenDataResponse(body, content_type=content_type)
    response.kept_for = stamp.key  # public by construction: the front may answer it again (site.front)
    for name, value in (headers or {}).items():
        response[name] = value
    return _validators(response, etag, stamp, language)


def json_response(request: HttpRequest, build: Callable[[Stamp], Any], *, language: str = "en") -> HttpResponse:
    return cached_response(
        request, lambda stamp: json_bytes(build(stamp)), "application/json; charset=utf-8", language=language
    )
