"""Top-level URLs: the portal under a language prefix (/en/, /fr/, ...), the root redirecting to one."""

from django.conf.urls.i18n import i18n_patterns
from django.urls import URLPattern, URLResolver, include, path

from treatywatch.api import urls as api_urls
from treatywatch.portal import views as portal_views

urlpatterns: list[URLPattern | URLResolver] = [
    path("", portal_views.root, name="root"),
    path("staff/account/", include("treatywatch.accounts.urls")),
    path("staff/", include("treatywatch.staff.urls")),
]
urlpatterns += api_urls.urlpatterns
urlpatterns += i18n_patterns(
    path("", include(api_urls.i18n_urlpatterns)),
    path("", include("treatywatch.portal.urls")),
    prefix_default_language=True,
)

# Translated error pages that never show a traceback.
handler400 = "treatywatch.portal.views.bad_request"
handler404 = "treatywatch.portal.views.page_not_found"
handler500 = "treatywatch.portal.views.server_error"
