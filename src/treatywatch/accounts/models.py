"""The audit log: who did what and when. Append-only like the ledger (database triggers refuse changes)."""

from __future__ import annotations

from django.db import models
from django.utils.translation import pgettext_lazy


class AuditEvent(models.Model):
    LOGIN = "login"
    LOGIN_FAILED = "login_failed"
    LOGOUT = "logout"
    LOCKED_OUT = "locked_out"
    SECOND_FACTOR = "second_factor"
    RECORD = "record"
    CORRECTION = "correction"
    IMPORT = "import"
    EXPORT = "export"
    BACKUP = "backup"
    REPORT = "report"
    KINDS = [  # the stored codes, and the labels the audit log shows in the staff member's language
        (LOGIN, pgettext_lazy("audit event", "login")),
        (LOGIN_FAILED, pgettext_lazy("audit event", "failed login")),
        (LOGOUT, pgettext_lazy("audit event", "logout")),
        (LOCKED_OUT, pgettext_lazy("audit event", "locked out")),
        (SECOND_FACTOR, pgettext_lazy("audit event", "second factor")),
        (RECORD, pgettext_lazy("audit event", "record")),
        (CORRECTION, pgettext_lazy("audit event", "correction")),
        (IMPORT, pgettext_lazy("audit event", "import")),
        (EXPORT, pgettext_lazy("audit event", "export")),
        (BACKUP, pgettext_lazy("audit event", "backup or restore")),
        (REPORT, pgettext_lazy("audit event", "report")),
    ]

    at = models.DateTimeField(auto_now_add=True, db_index=True)
    kind = models.CharField(max_length=32, choices=KINDS)
    username = models.CharField(max_length=150, help_text="Who (as typed, for failed logins).")
    ip = models.GenericIPAddressField(null=True, blank=True)
    detail = models.TextField(blank=True, help_text="What: never personal data of alleged victims.")

    class Meta:
        ordering = ["-at", "-id"]

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M} {self.kind} {self.username}"


def record(kind: str, username: str, detail: str = "", ip: str | None = None) -> AuditEvent:
    return AuditEvent.objects.create(kind=kind, username=username[:150], detail=detail, ip=ip)
