"""Top-level URLs: the portal under a language prefix (/en/, /fr/, ...), the root redirecting to one."""

from django.conf.urls.i18n import i18n_patterns
from django.urls import URLPattern, URLResolver, include, path

from treatywatch.portal import views as portal_views

urlpatterns: list[URLPattern | URLResolver] = [
    path("", portal_views.root, name="root"),
]
urlpatterns += i18n_patterns(path("", include("treatywatch.portal.urls")), prefix_default_language=True)
