from django.apps import AppConfig


class PortalConfig(AppConfig):
    name = "treatywatch.portal"
    label = "portal"
    verbose_name = "Public portal"
