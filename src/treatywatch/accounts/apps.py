from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "treatywatch.accounts"
    label = "accounts"
    verbose_name = "Staff accounts, roles and the audit log"

    def ready(self) -> None:
        from . import signals  # noqa: F401  (connects the audit log to login signals)
