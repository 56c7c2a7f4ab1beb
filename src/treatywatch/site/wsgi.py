"""WSGI entry point (``gunicorn treatywatch.site.wsgi``): Django's application behind the front (``site.front``).

``treatywatch serve`` runs ``site.asgi`` instead; this one is for WSGI servers.
"""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "treatywatch.site.settings")
django_application = get_wsgi_application()

from treatywatch.site.front import FrontWSGI  # noqa: E402 - needs Django set up

application = FrontWSGI(django_application)
