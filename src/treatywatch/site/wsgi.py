"""WSGI entry point: gunicorn treatywatch.site.wsgi."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "treatywatch.site.settings")
application = get_wsgi_application()
