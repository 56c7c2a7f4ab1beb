"""The portal's pages, each under a language prefix (/ar/, /zh-hans/, /en/, /fr/, /ru/, /es/)."""

from django.urls import path, re_path

from . import matrix, notifications, reportpages, views

app_name = "portal"
urlpatterns = [
    path("", views.home, name="home"),
    re_path(r"^treaties/(?P<treaty_id>[A-Za-z0-9_-]{1,32})/$", views.treaty, name="treaty"),
    re_path(
        r"^treaties/(?P<treaty_id>[A-Za-z0-9_-]{1,32})/participants\.(?P<fmt>csv|json)$",
        views.participants,
        name="participants",
    ),
    re_path(r"^states/(?P<code>[A-Za-z]{3})/$", views.state, name="state"),
    path("timeline/", views.timeline, name="timeline"),
    path("search/", views.search, name="search"),
    path("notifications/", notifications.notifications, name="notifications"),
    path("reports/", reportpages.issued_list, name="reports"),
    path("reports/<int:pk>/", reportpages.issued_document, name="report"),
    path("reports/<int:pk>.<str:fmt>", reportpages.issued_document, name="report_file"),
    path("matrix/", matrix.matrix_page, name="matrix"),
    re_path(r"^matrix\.(?P<fmt>csv|json)$", matrix.matrix_download, name="matrix_file"),
    path("targets/", matrix.targets_page, name="targets"),
    re_path(r"^targets\.(?P<fmt>csv|json)$", matrix.targets_download, name="targets_file"),
]
