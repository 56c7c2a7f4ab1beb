"""Staff screens for the Secretary-General's report: drafts with narrative paragraphs, preview, issue."""

from __future__ import annotations

from typing import Any, ClassVar

from django import forms
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_http_methods, require_POST

from treatywatch.accounts.models import AuditEvent, record
from treatywatch.accounts.roles import COMMITTEE_SECRETARIAT, DEPOSITARY_OFFICER, role_required
from treatywatch.accounts.signals import client_ip
from treatywatch.engine import LANGUAGES
from treatywatch.portal.formatting import language_name
from treatywatch.reports.delivery import file_response, filename_for, html_response
from treatywatch.reports.html import render_html
from treatywatch.reports.issuing import compute, issue_draft
from treatywatch.reports.models import IssuedReport, ReportDraft
from treatywatch.reports.options import BadReportInput

REPORT_ROLES = (COMMITTEE_SECRETARIAT, DEPOSITARY_OFFICER)


class DraftForm(forms.ModelForm):  # type: ignore[type-arg]
    narrative_text = forms.CharField(
        label=_("Narrative paragraphs"),
        required=False,
        widget=forms.Textarea,
        help_text=_("Staff paragraphs (e.g. information activities under para. 4), separated by a blank line."),
    )

    class Meta:
        model = ReportDraft
        fields = ("session", "as_of", "lang", "symbol", "agenda_item", "document_date", "original_lang")
        widgets: ClassVar[dict[str, forms.Widget]] = {
            "as_of": forms.DateInput(attrs={"type": "date"}),
            "document_date": forms.DateInput(attrs={"type": "date"}),
        }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for name in ("lang", "original_lang"):
            field = self.fields[name]
            assert isinstance(field, forms.ChoiceField)
            field.choices = [(code, language_name(code)) for code in LANGUAGES]
        if self.instance.pk:
            self.fields["narrative_text"].initial = "\n\n".join(self.instance.narrative or [])

    def save(self, commit: bool = True) -> ReportDraft:
        draft: ReportDraft = super().save(commit=False)
        text = self.cleaned_data.get("narrative_text") or ""
        draft.narrative = [p.strip() for p in text.replace("\r\n", "\n").split("\n\n") if p.strip()]
        if commit:
            draft.save()
        return draft


@role_required(*REPORT_ROLES)
def report_list(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "staff/reports.html",
        {
            "drafts": ReportDraft.objects.order_by("-updated")[:100],
            "issued": IssuedReport.objects.order_by("-issued_at")[:100],
        },
    )


@role_required(*REPORT_ROLES)
@require_http_methods(["GET", "POST"])
def draft_edit(request: HttpRequest, pk: int | None = None) -> HttpResponse:
    draft = get_object_or_404(ReportDraft, pk=pk) if pk else None
    form = DraftForm(request.POST or None, instance=draft)
    if request.method == "POST" and form.is_valid():
        saved = form.save(commit=False)
        if saved.author_id is None:
            saved.author = request.user  # type: ignore[assignment]
        saved.save()
        return HttpResponseRedirect(reverse("staff:report_draft", args=[saved.pk]))
    return render(request, "staff/report_draft.html", {"form": form, "draft": draft})


@role_required(*REPORT_ROLES)
def draft_preview(request: HttpRequest, pk: int) -> HttpResponse:
    draft = get_object_or_404(ReportDraft, pk=pk)
    try:
        content, _digest = compute(draft.inputs())
    except BadReportInput as exc:
        return render(
            request, "staff/report_draft.html", {"form": DraftForm(instance=draft), "draft": draft, "problem": exc}
        )
    return html_response(render_html(content))


@role_required(*REPORT_ROLES)
@require_POST
def draft_issue(request: HttpRequest, pk: int) -> HttpResponse:
    draft = get_object_or_404(ReportDraft, pk=pk)
    try:
        issued = issue_draft(draft, user=request.user)
    except BadReportInput as exc:
        return render(
            request, "staff/report_draft.html", {"form": DraftForm(instance=draft), "draft": draft, "problem": exc}
        )
    record(
        AuditEvent.REPORT,
        request.user.get_username(),
        f"issued report {issued.pk} ({issued.symbol or 'no symbol'})",
        client_ip(request),
    )
    return HttpResponseRedirect(reverse("staff:reports"))


@role_required(*REPORT_ROLES)
def issued_file(request: HttpRequest, pk: int, fmt: str) -> HttpResponse:
    report = get_object_or_404(IssuedReport, pk=pk)
    if fmt == "html":
        return html_response(report.html)
    if fmt not in ("pdf", "docx"):
        return HttpResponse(status=404)
    record(AuditEvent.EXPORT, request.user.get_username(), f"report {report.pk} as {fmt}", client_ip(request))
    return file_response(report.report(), fmt, filename_for(report.symbol, report.lang, report.as_of.isoformat()))
