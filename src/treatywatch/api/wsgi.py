"""Open-data answers replayed in front of Django: ``gunicorn treatywatch.api.wsgi``, or ``ReplayWSGI`` in site.wsgi.

``ReplayWSGI`` answers a GET or HEAD for the open data from ``replay`` when the same answer was already produced
by the whole Django stack (same record version, day, host, path, query and gzip), with the same status line,
headers and bytes, and without building a Django request. It never asks the store: when the version it holds is
more than a second old (``caching.fresh_stamp``) or nothing is kept, the request goes on, and Django's
``OpenDataMiddleware`` reads the version again and keeps the answer. Everything else goes on unchanged.

``application`` here is ``ReplayWSGI`` around ``treatywatch.site.wsgi.application`` (made on first use, so that
``treatywatch.site.wsgi`` may itself import ``ReplayWSGI`` from this module without a cycle).
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from typing import Any

import django

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "treatywatch.site.settings")
django.setup()  # the imports below read the models

from .caching import fresh_stamp  # noqa: E402
from .middleware import OPEN_DATA  # noqa: E402
from .replay import key, replay  # noqa: E402

__all__ = ["ReplayWSGI"]  # and `application`, made on first use (module __getattr__)

StartResponse = Callable[..., Any]
WSGIApp = Callable[[dict[str, Any], StartResponse], Iterable[bytes]]


class ReplayWSGI:
    def __init__(self, app: WSGIApp) -> None:
        self.app = app

    def __call__(self, environ: dict[str, Any], start_response: StartResponse) -> Iterable[bytes]:
        if environ.get("REQUEST_METHOD") in ("GET", "HEAD") and OPEN_DATA.match(environ.get("PATH_INFO", "")):
            stamp = fresh_stamp()
            found = replay.get(k) if stamp is not None and (k := key(environ, stamp)) is not None else None
            if found is not None:
                status, headers, body = found.wsgi(environ)
                start_response(status, headers)
                return [body]
        return self.app(environ, start_response)


def __getattr__(name: str) -> Any:
    if name == "application":
        from treatywatch.site.wsgi import application as site_application

        wrapped = ReplayWSGI(site_application)
        globals()["application"] = wrapped
        return wrapped
    raise AttributeError(name)
