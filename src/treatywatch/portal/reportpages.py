"""Issued reports of the Secretary-General on the portal: the list, and each document exactly as issued."""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse, HttpResponseBase
from django.shortcuts import get_object_or_404, render

from treatywatch.reports.delivery import file_response, filename_for, html_response
from treatywatch.reports.models import IssuedReport

from .caching import page
from .context import PageContext


@page
def issued_list(request: HttpRequest, ctx: PageContext) -> HttpResponseBase:
    reports = IssuedReport.objects.order_by("-issued_at")[:200]
    return render(request, "portal/reports.html", {**ctx.base(), "reports": reports})


def issued_document(request: HttpRequest, pk: int, fmt: str = "html") -> HttpResponse:
    report = get_object_or_404(IssuedReport, pk=pk)
    if fmt == "html":
        return html_response(report.html)  # exactly as issued
    if fmt not in ("pdf", "docx"):
        raise Http404("unknown format")
    return file_response(report.report(), fmt, filename_for(report.symbol, report.lang, report.as_of.isoformat()))
