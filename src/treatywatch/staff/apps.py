from django.apps import AppConfig


class StaffConfig(AppConfig):
    name = "treatywatch.staff"
    label = "staff"
    verbose_name = "Staff screens"
