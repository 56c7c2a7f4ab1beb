"""The stored record: States, treaty definitions and the ledger of actions.

Models hold the record only. Every rule (entry into force, counts, due dates) is computed by the engine;
``treatywatch.treaties.store`` turns these rows into engine objects.
"""

from __future__ import annotations

from django.db import models

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


class Action(models.Model):
    """One depositary action as the record gives it. Dates keep their text and precision."""

    treaty = models.ForeignKey(Treaty, on_delete=models.PROTECT, related_name="actions")
    state = models.ForeignKey(State, on_delete=models.PROTECT, related_name="actions")
    kind = models.CharField(max_length=32)
    date = models.CharField(max_length=32, help_text="As given: YYYY, YYYY-MM, YYYY-MM-DD or ../YYYY-MM-DD.")
    date_earliest = models.DateField()
    date_latest = models.DateField()
    article = models.CharField(max_length=16, blank=True)
    target = models.CharField(max_length=3, blank=True)
    effective = models.CharField(max_length=32, blank=True)
    reference = models.CharField(
        max_length=64, blank=True, help_text="Depositary notification, e.g. C.N.123.2003.TREATIES-IV.13"
    )
    text = models.TextField(blank=True)
    note = models.TextField(blank=True)
    source = models.CharField(max_length=200, blank=True)
    origin = models.CharField(max_length=200, blank=True, help_text="File and line it was loaded from.")

    class Meta:
        ordering = ["date_earliest", "id"]
        indexes = [models.Index(fields=["treaty", "date_earliest"]), models.Index(fields=["state", "treaty"])]
        constraints = [
            models.UniqueConstraint(
                fields=["treaty", "state", "kind", "date", "article", "target"], name="action_natural_key"
            )
        ]

    def __str__(self) -> str:
        return f"{self.treaty_id} {self.state_id} {self.kind} {self.date}"


class RecordVersion(models.Model):
    """One row per change of the stored record: what changed and when; caches key on the latest id."""

    changed = models.DateTimeField(auto_now_add=True)
    summary = models.TextField()

    class Meta:
        ordering = ["-id"]
