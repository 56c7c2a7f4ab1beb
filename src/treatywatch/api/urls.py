"""Open-data URLs. ``urlpatterns`` live outside the language prefix; ``i18n_urlpatterns`` inside it."""

from django.urls import URLPattern, URLResolver, path, re_path

from . import badge, downloads, feeds, widget
from .v1 import api

TREATY = r"(?P<treaty>[A-Za-z0-9_-]{1,32})"

urlpatterns: list[URLPattern | URLResolver] = [
    path("api/v1/", api.urls),
    re_path(r"^data/datapackage\.json$", downloads.datapackage, name="opendata-datapackage"),
    re_path(r"^data/(?P<name>[a-z]+)\.(?P<fmt>csv|json)$", downloads.everything, name="opendata-everything"),
    re_path(rf"^data/{TREATY}/(?P<name>[a-z]+)\.(?P<fmt>csv|json)$", downloads.one_treaty, name="opendata-treaty"),
    re_path(rf"^badge/{TREATY}\.svg$", badge.badge, name="opendata-badge"),
]
i18n_urlpatterns: list[URLPattern | URLResolver] = [
    path("feeds/actions.atom", feeds.all_actions, name="opendata-feed"),
    re_path(rf"^feeds/treaties/{TREATY}\.atom$", feeds.treaty_actions, name="opendata-feed-treaty"),
    re_path(r"^feeds/states/(?P<code>[A-Za-z0-9]{1,3})\.atom$", feeds.state_actions, name="opendata-feed-state"),
    re_path(rf"^widget/{TREATY}/$", widget.widget, name="opendata-widget"),
]
