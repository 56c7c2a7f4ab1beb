"""The open data's own middleware, first in the stack: CORS, preflight, HEAD, and replay of prebuilt answers.

- Any site may read the open data with GET: every answer under /api/, /data/, /badge/ and /<lang>/feeds/ carries
  ``Access-Control-Allow-Origin: *``, and preflight requests (OPTIONS) are answered here.
- HEAD is answered as GET without the body (the API's routes declare GET only).
- A repeated request is answered from ``replay`` with the bytes and headers the whole stack produced the first
  time, without running the rest of it (see ``replay`` for what is kept and when).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from django.http import HttpRequest, HttpResponse

from .caching import OpenData, current_stamp
from .replay import key as replay_key
from .replay import replay

__all__ = ["OPEN_DATA", "OpenDataMiddleware", "is_open_data", "preflight"]

OPEN_DATA = re.compile(r"^/(?:api/|data/|badge/|[a-z]{2}(?:-hans)?/feeds/)")
"""Addresses any site may read: the API, the downloads, the badge and the feeds."""
PREFLIGHT_MAX_AGE = "86400"
ALLOWED_HEADERS = "Accept, Accept-Language, If-None-Match, If-Modified-Since, Content-Type"
EXPOSED_HEADERS = "ETag, Last-Modified, Content-Language"


def is_open_data(path: str) -> bool:
    return OPEN_DATA.match(path) is not None


class OpenDataMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if not is_open_data(request.path_info):
            return self.get_response(request)
        method = request.method
        if method == "OPTIONS":
            return preflight()
        if method not in ("GET", "HEAD"):
            return self.get_response(request)
        key = replay_key(request.META, current_stamp()) if valid_host(request) else None
        if key is not None:
            entry = replay.get(key)
            if entry is not None:
                return entry.response(request)
        request.method = "GET"
        response = self.get_response(request)
        request.method = method
        response["Access-Control-Allow-Origin"] = "*"
        response["Access-Control-Expose-Headers"] = EXPOSED_HEADERS
        if isinstance(response, OpenData):
            # The answer's language comes from its own `lang` parameter, not from the Accept-Language header that
            # LocaleMiddleware marks every unprefixed address as varying on: shared caches need not split on it.
            vary = [v.strip() for v in response.get("Vary", "").split(",") if v.strip()]
            kept = [v for v in vary if v.lower() != "accept-language"]
            if kept:
                response["Vary"] = ", ".join(kept)
            elif "Vary" in response:
                del response["Vary"]
            if key is not None:
                replay.put(key, response)
        if method == "HEAD":
            response.content = b""
        return response


def valid_host(request: HttpRequest) -> bool:
    """Only answers for hosts Django accepts are kept, so a replayed answer never skips that check."""
    try:
        request.get_host()
    except Exception:  # DisallowedHost: let the stack answer it
        return False
    return True


def preflight() -> HttpResponse:
    """Answer a CORS preflight: GET (and HEAD) from any origin, with the conditional-request headers."""
    response = HttpResponse(status=204)
    response["Access-Control-Allow-Origin"] = "*"
    response["Access-Control-Allow-Methods"] = "GET, HEAD, OPTIONS"
    response["Access-Control-Allow-Headers"] = ALLOWED_HEADERS
    response["Access-Control-Max-Age"] = PREFLIGHT_MAX_AGE
    response["Allow"] = "GET, HEAD, OPTIONS"
    return response
