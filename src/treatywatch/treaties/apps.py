from django.apps import AppConfig
from django.db.models.signals import post_save


class TreatiesConfig(AppConfig):
    name = "treatywatch.treaties"
    label = "treaties"
    verbose_name = "Treaties and their depositary record"

    def ready(self) -> None:
        from .models import RecordVersion
        from .stamp import forget_stamp

        # Whatever this process answers next reflects the new version at once (other processes within a second).
        post_save.connect(forget_stamp, sender=RecordVersion, dispatch_uid="treatywatch.forget_stamp")
