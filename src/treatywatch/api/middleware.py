"""The open data's own middleware, early in the stack: CORS, preflight and HEAD.

- Any site may read the open data with GET: every answer under /api/, /data/, /badge/ and /<lang>/feeds/ carries
  ``Access-Control-Allow-Origin: *``, and preflight requests (OPTIONS) are answered here.
- HEAD is answered as GET without the body (the API's routes declare GET only).

Repeated requests are answered before Django by the front (``site.front``), with what this stack produced.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from django.http import HttpRequest, HttpResponse

from .caching import OpenData

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
        if method == "HEAD":
            response.content = b""
        return response


def preflight() -> HttpResponse:
    """Answer a CORS preflight: GET (and HEAD) from any origin, with the conditional-request headers."""
    response = HttpResponse(status=204)
    response["Access-Control-Allow-Origin"] = "*"
    response["Access-Control-Allow-Methods"] = "GET, HEAD, OPTIONS"
    response["Access-Control-Allow-Headers"] = ALLOWED_HEADERS
    response["Access-Control-Max-Age"] = PREFLIGHT_MAX_AGE
    response["Allow"] = "GET, HEAD, OPTIONS"
    return response
