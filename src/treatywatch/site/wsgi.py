"""WSGI entry point: gunicorn treatywatch.site.wsgi.

Django's application behind ``CachedPages``, which answers repeat requests for today's portal pages with the bytes
and headers Django produced for them (``treatywatch.portal.fastpath``).
"""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "treatywatch.site.settings")
django_application = get_wsgi_application()

from treatywatch.portal.fastpath import CachedPages  # noqa: E402 - needs Django set up

application = CachedPages(django_application)
