"""The report as a PDF: the print mode of the HTML document through WeasyPrint (A4, Noto fonts, footnotes)."""

from __future__ import annotations

from .html import render_html
from .model import ReportContent

__all__ = ["render_pdf"]


def render_pdf(content: ReportContent) -> bytes:
    from weasyprint import HTML  # imported here: loading Pango costs ~0.5 s, and only PDF output needs it

    data = HTML(string=render_html(content, mode="print"), base_url=None).write_pdf()
    assert isinstance(data, bytes)
    return data
