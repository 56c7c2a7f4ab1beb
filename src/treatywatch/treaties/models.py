"""The stored record: States, treaty definitions and the ledger of actions.

Models hold the record only. Every rule (entry into force, counts, due dates) is computed by the engine;
``treatywatch.treaties.store`` turns these rows into engine objects.
"""

from __future__ import annotations

from datetime import datetime

from django.db import models
from django.db.models import Exists, OuterRef

LANG_FIELDS = ("name_ar", "name_zh", "name_en", "name_fr", "name_ru", "name_es")


class State(models.Model):
    code = models.CharField(
        primary_key=True, max_length=3, help_text="ISO 3166-1 alpha-3 (ISO 3166-3 if historical). Public."
    )
    m49 = models.CharField(max_length=3, unique=True, help_text="UN M49 numeric code. Public.")
    member = models.BooleanField(default=False, help_text="UN Member State.")
    region = models.CharField(max_length=64, blank=True)
    subregion = models.CharField(max_length=64, blank=True)
    latitude = models.FloatField(null=True, blank=True)
    longitude = models.FloatField(null=True, blank=True)
    name_ar = models.CharField(max_length=200)
    name_zh = models.CharField(max_length=200)
    name_en = models.CharField(max_length=200)
    name_fr = models.CharField(max_length=200)
    name_ru = models.CharField(max_length=200)
    name_es = models.CharField(max_length=200)
    ended = models.DateField(null=True, blank=True, help_text="Last day a historical entity existed.")
    successors = models.CharField(max_length=100, blank=True, help_text="Semicolon-separated codes.")
    continued_by = models.CharField(max_length=3, blank=True)
    note = models.TextField(blank=True)
    source = models.TextField(blank=True)

    class Meta:
        ordering = ["name_en"]

    def __str__(self) -> str:
        return self.name_en


class Treaty(models.Model):
    id = models.CharField(primary_key=True, max_length=32, help_text="Stable identifier, e.g. ICRMW. Public.")
    untc = models.CharField(max_length=16, help_text="UN Treaty Collection MTDSG number, e.g. IV-13.")
    title_en = models.TextField()
    definition = models.JSONField(help_text="The definition file's content; the engine validates it.")
    digest = models.CharField(max_length=64, help_text="SHA-256 of the definition file, to see changes.")

    class Meta:
        ordering = ["id"]

    def __str__(self) -> str:
        return self.id


class Source(models.Model):
    id = models.CharField(primary_key=True, max_length=64)
    citation = models.TextField()

    def __str__(self) -> str:
        return self.id


class ActionQuerySet(models.QuerySet["Action"]):
    def current(self, recorded_by: datetime | None = None) -> ActionQuerySet:
        """The record as it stands (or stood at ``recorded_by``): entries not superseded, retractions left out."""
        rows = self
        if recorded_by is not None:
            rows = rows.filter(recorded_at__lte=recorded_by)
        later = Action.objects.filter(supersedes=OuterRef("pk"))
        if recorded_by is not None:
            later = later.filter(recorded_at__lte=recorded_by)
        return rows.filter(retraction=False).exclude(Exists(later))


class Action(models.Model):
    """One entry of the append-only ledger: a depositary action as the record gives it.

    Entries are never updated or deleted (database triggers refuse it). A correction is a new entry that
    ``supersedes`` an earlier one, with a reason and its author; a retraction supersedes without replacing.
    Each entry carries ``hash`` = SHA-256(``prev_hash`` + its canonical content); ``treatywatch verify``
    recomputes the chain.
    """

    treaty = models.ForeignKey(Treaty, on_delete=models.PROTECT, related_name="actions")
    state = models.ForeignKey(State, on_delete=models.PROTECT, related_name="actions")
    kind = models.CharField(max_length=32)
    date = models.CharField(max_length=32, help_text="As given: YYYY, YYYY-MM, YYYY-MM-DD or ../YYYY-MM-DD. Public.")
    date_earliest = models.DateField()
    date_latest = models.DateField()
    article = models.CharField(max_length=16, blank=True)
    target = models.CharField(max_length=3, blank=True)
    effective = models.CharField(max_length=32, blank=True)
    reference = models.CharField(
        max_length=64, blank=True, help_text="Depositary notification, e.g. C.N.123.2003.TREATIES-IV.13. Public."
    )
    text = models.TextField(blank=True)
    note = models.TextField(blank=True)
    source = models.CharField(max_length=200, blank=True)
    origin = models.CharField(max_length=200, blank=True, help_text="File and line it was loaded from.")
    recorded_at = models.DateTimeField(help_text="When this entry was written to the ledger.")
    recorded_by = models.CharField(max_length=150, help_text="Who wrote it: a staff user name, or 'load'.")
    supersedes = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.PROTECT, related_name="superseded_by"
    )
    retraction = models.BooleanField(default=False, help_text="Withdraws the superseded entry without replacing it.")
    reason = models.TextField(blank=True, help_text="Why a correction or retraction was made. Public.")
    prev_hash = models.CharField(max_length=64)
    hash = models.CharField(max_length=64, unique=True)

    objects = ActionQuerySet.as_manager()

    class Meta:
        ordering = ["date_earliest", "id"]
        indexes = [
            models.Index(fields=["treaty", "date_earliest"]),
            models.Index(fields=["state", "treaty"]),
            models.Index(fields=["recorded_at"]),
        ]

    def __str__(self) -> str:
        return f"{self.treaty_id} {self.state_id} {self.kind} {self.date}"

    @property
    def natural_key(self) -> tuple[str, str, str, str, str, str]:
        return (self.treaty_id, self.state_id, self.kind, self.date, self.article, self.target)


class LedgerHead(models.Model):
    """The last hash of the chain, locked while an entry is appended so the chain never forks."""

    id = models.PositiveSmallIntegerField(primary_key=True, default=1)
    last_hash = models.CharField(max_length=64, default="0" * 64)
    entries = models.PositiveBigIntegerField(default=0)


class RecordVersion(models.Model):
    """One row per change of the stored record: what changed and when; caches key on the latest id."""

    changed = models.DateTimeField(auto_now_add=True)
    summary = models.TextField()

    class Meta:
        ordering = ["-id"]


class Notification(models.Model):
    """A depositary notification, produced for each action recorded by staff: C.N.<n>.<year>.TREATIES-IV.13."""

    reference = models.CharField(max_length=64, unique=True, help_text="Public.")
    number = models.PositiveIntegerField()
    year = models.PositiveSmallIntegerField()
    treaty = models.ForeignKey(Treaty, on_delete=models.PROTECT, related_name="notifications")
    action = models.OneToOneField(Action, on_delete=models.PROTECT, related_name="notification")
    issued_at = models.DateTimeField(auto_now_add=True)
    text_en = models.TextField()
    text_fr = models.TextField()

    class Meta:
        ordering = ["-year", "-number"]
        constraints = [models.UniqueConstraint(fields=["year", "number"], name="notification_number_per_year")]

    def __str__(self) -> str:
        return self.reference


class LoadedFile(models.Model):
    """The digest of each data file at the last load, so an unchanged data directory is recognised at once."""

    path = models.CharField(primary_key=True, max_length=300)
    digest = models.CharField(max_length=64)
