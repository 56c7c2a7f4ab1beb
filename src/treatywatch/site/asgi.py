"""ASGI entry point, what ``treatywatch serve`` runs (gunicorn with uvicorn workers: ``site.serving``).

Kept answers go out from the event loop (``site.front``); every other request runs Django's WSGI application in a
pool of ``TREATYWATCH_THREADS`` threads per process (default 4) through ``a2wsgi``. Django's views are
synchronous: running its WSGI handler whole in one thread per request costs one thread switch, where Django's own
ASGI handler would switch for each synchronous middleware.
"""

import os

from a2wsgi import WSGIMiddleware
from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "treatywatch.site.settings")
django_application = get_wsgi_application()

from treatywatch.site.front import FrontASGI  # noqa: E402 - needs Django set up


def _threads() -> int:
    text = os.environ.get("TREATYWATCH_THREADS", "4")
    try:
        threads = int(text)
    except ValueError:
        raise SystemExit(f"TREATYWATCH_THREADS: expected a whole number of threads, got {text!r}") from None
    if not 1 <= threads <= 256:
        raise SystemExit(f"TREATYWATCH_THREADS: expected 1 to 256 threads, got {threads}")
    return threads


django_only = WSGIMiddleware(django_application, workers=_threads())  # type: ignore[arg-type]  # Django's own types
"""Django alone, without the front (benchmarks compare the two)."""
application = FrontASGI(django_only)  # type: ignore[arg-type]  # a2wsgi's scope types are TypedDicts
