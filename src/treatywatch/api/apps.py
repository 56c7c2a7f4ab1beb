from django.apps import AppConfig


class ApiConfig(AppConfig):
    name = "treatywatch.api"
    label = "api"
    verbose_name = "Open data: API, downloads, feeds, badge"
