"""Drafts of the Secretary-General's report and the versions issued from them.

A ``ReportDraft`` holds what staff choose (session, day, language, symbol, agenda item, narrative). Issuing
(``treatywatch.reports.issuing.issue``) computes the content from the stored record and freezes it in an
``IssuedReport``: the inputs, the computed content as JSON, the digest of the ledger it was computed from, and
the rendered HTML. An issued report is never changed afterwards: later changes to the record do not reach it.
"""

from __future__ import annotations

import hashlib
import json
from datetime import date
from typing import Any

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from treatywatch.engine import LANGUAGES

from .content import ReportContent, ReportInputs, Resolution, content_from_dict
from .ordinals import MAX_SESSION

LANGUAGE_CHOICES = [(code, code) for code in LANGUAGES]


class FrozenReport(Exception):
    """An issued report was about to be changed or deleted."""


class ReportInputFields(models.Model):
    """The inputs staff choose, shared by drafts and issued reports."""

    treaty = models.CharField(_("treaty"), max_length=32, default="ICRMW")
    session = models.PositiveSmallIntegerField(
        _("session"), validators=[MinValueValidator(1), MaxValueValidator(MAX_SESSION)]
    )
    as_of = models.DateField(_("status as of"))
    lang = models.CharField(_("language"), max_length=2, choices=LANGUAGE_CHOICES, default="en")
    symbol = models.CharField(_("document symbol"), max_length=64, blank=True, help_text=_("e.g. A/55/205"))
    agenda_item = models.CharField(_("agenda item"), max_length=32, blank=True, help_text=_('e.g. "114 (b)"'))
    narrative = models.JSONField(
        _("narrative paragraphs"), default=list, blank=True, help_text=_("Numbered after the computed paragraphs.")
    )
    document_date = models.DateField(_("date of the document"), null=True, blank=True)
    resolution = models.CharField(_("requesting resolution"), max_length=32, blank=True)
    resolution_date = models.DateField(_("date of the requesting resolution"), null=True, blank=True)
    resolution_paragraph = models.PositiveSmallIntegerField(_("paragraph of the resolution"), null=True, blank=True)
    original_lang = models.CharField(_("original language"), max_length=2, choices=LANGUAGE_CHOICES, default="en")

    class Meta:
        abstract = True

    def inputs(self) -> ReportInputs:
        requesting = None
        if self.resolution and self.resolution_date and self.resolution_paragraph:
            requesting = Resolution(self.resolution, self.resolution_date, self.resolution_paragraph)
        return ReportInputs(
            session=self.session,
            as_of=self.as_of,
            lang=self.lang,
            symbol=self.symbol,
            agenda_item=self.agenda_item,
            narrative=tuple(str(p) for p in self.narrative),
            requesting=requesting,
            document_date=self.document_date,
            original_lang=self.original_lang,
            treaty=self.treaty,
        )

    @staticmethod
    def fields_from(inputs: ReportInputs, document_date: date) -> dict[str, Any]:
        r = inputs.requesting
        return {
            "treaty": inputs.treaty,
            "session": inputs.session,
            "as_of": inputs.as_of,
            "lang": inputs.lang,
            "symbol": inputs.symbol,
            "agenda_item": inputs.agenda_item,
            "narrative": list(inputs.narrative),
            "document_date": document_date,
            "resolution": r.symbol if r else "",
            "resolution_date": r.adopted if r else None,
            "resolution_paragraph": r.paragraph if r else None,
            "original_lang": inputs.original_lang,
        }


class ReportDraft(ReportInputFields):
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="report_drafts",
        verbose_name=_("author"),
    )
    created = models.DateTimeField(_("created"), auto_now_add=True)
    updated = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        ordering = ["-updated"]
        verbose_name = _("report draft")
        verbose_name_plural = _("report drafts")

    def __str__(self) -> str:
        return f"{self.symbol or f'A/{self.session}/…'} ({self.lang}, as of {self.as_of}, draft)"


class IssuedReport(ReportInputFields):
    """A frozen version: saving it again or deleting it raises ``FrozenReport``."""

    draft = models.ForeignKey(
        ReportDraft, null=True, blank=True, on_delete=models.SET_NULL, related_name="issued", verbose_name=_("draft")
    )
    content = models.JSONField(_("computed content"), help_text=_("Masthead, paragraphs, annex and figures."))
    content_digest = models.CharField(_("content digest"), max_length=64, help_text=_("SHA-256 of the content."))
    ledger_digest = models.CharField(
        _("ledger digest"), max_length=64, help_text=_("SHA-256 of the ledger actions as of the day (ledger_digest).")
    )
    record_version = models.PositiveIntegerField(_("record version"), help_text=_("Latest RecordVersion when issued."))
    html = models.TextField(_("rendered HTML"))
    issued_at = models.DateTimeField(_("issued at"), auto_now_add=True)
    issued_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="issued_reports",
        verbose_name=_("issued by"),
    )

    class Meta:
        ordering = ["-issued_at"]
        verbose_name = _("issued report")
        verbose_name_plural = _("issued reports")

    def __str__(self) -> str:
        symbol = self.symbol or f"A/{self.session}/…"
        return f"{symbol} ({self.lang}, as of {self.as_of}, issued {self.issued_at:%Y-%m-%d})"

    def save(self, *args: Any, **kwargs: Any) -> None:
        if not self._state.adding:
            raise FrozenReport(f"issued report {self.pk} is frozen; issue a new version instead")
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> tuple[int, dict[str, int]]:
        raise FrozenReport(f"issued report {self.pk} is part of the record and cannot be deleted")

    def report(self) -> ReportContent:
        """The content as issued (not recomputed)."""
        return content_from_dict(self.content)

    def content_intact(self) -> bool:
        return digest_of(self.content) == self.content_digest


def digest_of(data: dict[str, Any]) -> str:
    canonical = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()
