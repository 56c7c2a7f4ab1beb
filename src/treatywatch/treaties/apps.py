from django.apps import AppConfig


class TreatiesConfig(AppConfig):
    name = "treatywatch.treaties"
    label = "treaties"
    verbose_name = "Treaties and their depositary record"
