"""Serving a report document: HTML with its inline stylesheet allowed by hash, PDF and DOCX as downloads."""

from __future__ import annotations

import base64
import hashlib
import re

from django.http import HttpResponse

from .issuing import render
from .model import ReportContent

_STYLE = re.compile(r"<style>(.*?)</style>", re.S)
CONTENT_TYPES = {
    "html": "text/html; charset=utf-8",
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
}


def html_response(document: str) -> HttpResponse:
    """The self-contained report page; the Content-Security-Policy admits exactly its own stylesheet."""
    response = HttpResponse(document, content_type=CONTENT_TYPES["html"])
    hashes = [
        "'sha256-" + base64.b64encode(hashlib.sha256(m.group(1).encode("utf-8")).digest()).decode("ascii") + "'"
        for m in _STYLE.finditer(document)
    ]
    response._csp_update = {"style-src": ["'self'", *hashes]}  # type: ignore[attr-defined]
    return response


def file_response(content: ReportContent, fmt: str, filename: str) -> HttpResponse:
    if fmt == "html":
        return html_response(render(content, "html").decode("utf-8"))
    response = HttpResponse(render(content, fmt), content_type=CONTENT_TYPES[fmt])
    response["Content-Disposition"] = f'attachment; filename="{filename}.{fmt}"'
    return response


def filename_for(symbol: str, lang: str, as_of: str) -> str:
    base = re.sub(r"[^A-Za-z0-9]+", "-", symbol).strip("-") or f"status-{as_of}"
    return f"{base}-{lang}"
