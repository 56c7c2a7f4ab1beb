"""HTTP caching for the public pages: they change only when the record changes or the day does.

Every page gets an ETag made of the record version, the language, the host, the path with its query and today's
date, a Last-Modified (the later of the last change to the record and the start of today) and
``Cache-Control: public, max-age=300``. A conditional GET is answered 304 before anything is rendered. Pages for
today (no query string) are kept in Django's cache per record version, day, host and path (the version is read at
most once a second: ``treaties.stamp``), and the front answers repeats before Django does (``site.front``).
"""

from __future__ import annotations

import gzip
import hashlib
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from functools import wraps
from typing import Any

from django.core.cache import cache
from django.http import HttpRequest, HttpResponse, HttpResponseBase, HttpResponseNotAllowed
from django.shortcuts import render
from django.utils.cache import get_conditional_response, patch_cache_control, patch_vary_headers
from django.utils.http import http_date
from django.utils.translation import gettext

import treatywatch
from treatywatch.treaties.stamp import current_stamp
from treatywatch.treaties.store import catalogue

from .context import MAIN_TREATY, AsOfError, PageContext
from .formatting import current_language

__all__ = ["MAX_AGE", "PageResponse", "page"]

MAX_AGE = 300
CACHE_SECONDS = 60 * 60 * 24
PageView = Callable[..., HttpResponseBase]
_ACCEPTS_GZIP = re.compile(r"\bgzip\b")


def _etag(request: HttpRequest, version: int, today: date) -> str:
    key = "|".join(
        (
            treatywatch.__version__,
            str(version),
            current_language(),
            request.get_host(),
            request.get_full_path(),
            today.isoformat(),
        )
    )
    return '"' + hashlib.sha256(key.encode()).hexdigest()[:32] + '"'


def _headers(response: HttpResponseBase, etag: str, last_modified: float, weak: bool = False) -> HttpResponseBase:
    # A compressed body is not byte-for-byte the page the strong tag names (RFC 9110 8.8.3): weaken it, as
    # Django's GZipMiddleware does for the responses it compresses on the way out.
    response["ETag"] = "W/" + etag if weak or response.get("Content-Encoding") else etag
    response["Last-Modified"] = http_date(last_modified)
    patch_cache_control(response, public=True, max_age=MAX_AGE)
    return response


def unavailable(request: HttpRequest) -> HttpResponse:
    """Before the record is loaded (``treatywatch load``) there is nothing to show: say so, not a 500."""
    message = gettext("The record is not available yet. Please try again later.")
    response = render(request, "portal/error.html", {"status": 503, "message": message}, status=503)
    patch_cache_control(response, no_cache=True)
    return response


def bad_as_of(request: HttpRequest, message: str) -> HttpResponse:
    response = render(request, "portal/error.html", {"status": 400, "message": message}, status=400)
    patch_cache_control(response, no_cache=True)
    return response


def _accepts_gzip(request: HttpRequest) -> bool:
    return _ACCEPTS_GZIP.search(request.headers.get("accept-encoding", "")) is not None


class PageResponse(HttpResponse):
    """A page for today: ``kept_for`` is the record version and day it was built for (see ``site.front``)."""

    kept_for: tuple[int, date] | None = None


@dataclass(frozen=True, slots=True)
class _Stored:
    """A rendered page kept for the day, with its gzip form made once (compressing the home page's 120 KB
    costs more than everything else a cached request does)."""

    content: bytes
    gzipped: bytes
    content_type: str
    disposition: str

    @classmethod
    def of(cls, response: HttpResponse) -> _Stored:
        return cls(
            response.content,
            gzip.compress(response.content, compresslevel=6, mtime=0),
            response["Content-Type"],
            response.get("Content-Disposition", ""),
        )

    def response(self, request: HttpRequest, kept_for: tuple[int, date]) -> PageResponse:
        accepts_gzip = _accepts_gzip(request)
        response = PageResponse(self.gzipped if accepts_gzip else self.content, content_type=self.content_type)
        response.kept_for = kept_for
        if accepts_gzip:
            response["Content-Encoding"] = "gzip"
        if self.disposition:
            response["Content-Disposition"] = self.disposition
        patch_vary_headers(response, ("Accept-Encoding",))
        return response


def _cache_key(request: HttpRequest, version: int, today: date) -> str | None:
    """Only pages for today (no query string) are kept: other days are asked for too rarely to be worth it."""
    if request.META.get("QUERY_STRING"):
        return None
    key = f"{treatywatch.__version__}|{version}|{today}|{request.get_host()}|{request.path}"
    return "portal:" + hashlib.sha256(key.encode()).hexdigest()


def page(view: PageView) -> Callable[..., HttpResponseBase]:
    """Wrap a view ``view(request, ctx, *args)``: validate ?as_of=, answer 304s, cache today's pages."""

    @wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
        if request.method not in ("GET", "HEAD"):
            return HttpResponseNotAllowed(["GET", "HEAD"])
        stamp = current_stamp()
        version, today = stamp.key
        etag = _etag(request, version, today)
        last_modified = stamp.last_modified.timestamp()
        not_modified = get_conditional_response(request, etag=etag, last_modified=int(last_modified))
        if not_modified is not None:
            # The tag the 200 would have carried: weak when the body would have been compressed.
            return _headers(not_modified, etag, last_modified, weak=_accepts_gzip(request))
        key = _cache_key(request, version, today)
        stored: _Stored | None = cache.get(key) if key is not None else None
        if stored is not None:
            return _headers(stored.response(request, (version, today)), etag, last_modified)
        cat = catalogue(today)
        if MAIN_TREATY not in cat.treaties:
            return unavailable(request)
        try:
            ctx = PageContext.build(request, cat, today)
        except AsOfError as exc:
            return bad_as_of(request, str(exc))
        result = view(request, ctx, *args, **kwargs)
        if result.status_code != 200:
            return result
        if key is not None and isinstance(result, HttpResponse):
            stored = _Stored.of(result)
            cache.set(key, stored, CACHE_SECONDS)
            return _headers(stored.response(request, (version, today)), etag, last_modified)
        return _headers(result, etag, last_modified)

    return wrapper
