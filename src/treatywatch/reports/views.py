"""Issued reports on the portal: public, read-only, as they were issued."""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render

from .delivery import file_response, filename_for, html_response
from .models import IssuedReport


def issued_list(request: HttpRequest) -> HttpResponse:
    reports = IssuedReport.objects.order_by("-issued_at")[:200]
    return render(request, "reports/issued_list.html", {"reports": reports})


def issued_document(request: HttpRequest, pk: int, fmt: str = "html") -> HttpResponse:
    report = get_object_or_404(IssuedReport, pk=pk)
    if fmt == "html":
        return html_response(report.html)  # exactly as issued
    if fmt not in ("pdf", "docx"):
        raise Http404("unknown format")
    return file_response(report.report(), fmt, filename_for(report.symbol, report.lang, report.as_of.isoformat()))
