"""Computing a report from the stored record, rendering it, and issuing frozen versions.

The CLI and (later) the staff screens call these; they read the record through ``store.catalogue()`` and compute
through the engine, so a report shows exactly what the portal and the API show for the same day.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from typing import Any

from django.db import DatabaseError, transaction

from treatywatch.engine import TreatyRecord, TreatyWatchError
from treatywatch.treaties import store
from treatywatch.treaties.models import RecordVersion

from .content import ReportContent, ReportInputs, content_to_dict, ledger_digest
from .html import render_html
from .models import IssuedReport, ReportDraft, ReportInputFields, digest_of
from .options import BadReportInput

__all__ = ["compute", "issue", "issue_draft", "record_for", "render"]


def record_for(inputs: ReportInputs, today: date | None = None) -> TreatyRecord:
    """The treaty's record from the store; ``BadReportInput`` when the store does not hold it."""
    try:
        catalogue = store.catalogue(today)
    except DatabaseError:
        raise BadReportInput("the store is not set up: run `treatywatch load` first") from None
    if inputs.treaty.upper() not in catalogue.treaties:
        raise BadReportInput(f"the store holds no record of {inputs.treaty}: run `treatywatch load` first")
    try:
        return catalogue.record(inputs.treaty)
    except TreatyWatchError as exc:
        raise BadReportInput(str(exc)) from None


def compute(inputs: ReportInputs, today: date | None = None) -> tuple[ReportContent, str]:
    """The report's content and the digest of the ledger it was computed from."""
    record = record_for(inputs, today)
    try:
        content = inputs.build(record)
    except ValueError as exc:
        raise BadReportInput(str(exc)) from None
    return content, ledger_digest(record, inputs.as_of)


def render(content: ReportContent, fmt: str) -> bytes:
    if fmt == "html":
        return render_html(content).encode("utf-8")
    if fmt == "pdf":
        from .pdf import render_pdf

        return render_pdf(content)
    if fmt == "docx":
        from .word import render_docx

        return render_docx(content)
    raise BadReportInput(f"unknown format {fmt!r}")


def issue(inputs: ReportInputs, *, user: Any = None, draft: ReportDraft | None = None) -> IssuedReport:
    """Compute, render and freeze. The same inputs on the same record give the same figures and ledger digest."""
    today = date.today()
    if inputs.as_of > today:
        raise BadReportInput(f"as-of date {inputs.as_of} is after today ({today})")
    document_date = inputs.document_date or today
    with transaction.atomic():
        version = store.version()
        content, digest = compute(replace(inputs, document_date=document_date))
        data = content_to_dict(content)
        issued = IssuedReport.objects.create(
            **ReportInputFields.fields_from(inputs, document_date),
            draft=draft,
            content=data,
            content_digest=digest_of(data),
            ledger_digest=digest,
            record_version=version,
            html=render_html(content),
            issued_by=user if getattr(user, "pk", None) else None,
        )
        # The portal publishes issued reports: a new published version makes cached pages stale.
        RecordVersion.objects.create(summary=f"report issued: {issued.pk}")
        return issued


def issue_draft(draft: ReportDraft, *, user: Any = None) -> IssuedReport:
    return issue(draft.inputs(), user=user, draft=draft)
