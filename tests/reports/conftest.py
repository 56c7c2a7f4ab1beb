"""Fixtures for the report tests: the record in the store, and reading text back out of PDF and DOCX files."""

from __future__ import annotations

import io
import re
import shutil
import subprocess
from datetime import date
from pathlib import Path

import docx
import pytest
from pypdf import PdfReader

from treatywatch.engine import TreatyRecord
from treatywatch.reports.content import ReportContent
from treatywatch.treaties import store
from treatywatch.treaties.loading import load

BEFORE = date(2000, 7, 1)
"""Before entry into force: the day resolution 54/158 asked the fifty-fifth session's report to speak of."""
AFTER = date(2024, 7, 1)
"""After entry into force (1 July 2003)."""
PNG_DIR = Path(__file__).resolve().parents[2] / "test-output" / "reports"


@pytest.fixture
def loaded(db: None) -> None:
    """The shipped record in the store, and the engine rebuilt from it."""
    load()
    store.forget()


@pytest.fixture
def stored_record(loaded: None) -> TreatyRecord:
    return store.catalogue().record("ICRMW")


def flat(text: str) -> str:
    """Whitespace (line breaks, justification) collapsed to single spaces."""
    return re.sub(r"\s+", " ", text.replace("\u00a0", " ").replace("\u202f", " ")).strip()


def pdf_text(data: bytes) -> str:
    return flat(" ".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages))


def docx_text(data: bytes) -> str:
    document = docx.Document(io.BytesIO(data))
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            parts.extend(cell.text for cell in row.cells)
    parts.extend(p.text for s in document.sections for p in s.header.paragraphs)
    return flat(" ".join(parts))


def expected_phrases(content: ReportContent) -> list[str]:
    """What must be findable in any rendering: every computed paragraph's text and every annex cell."""
    out = [flat(p.text) for p in content.paragraphs]
    for row in content.annex.rows:
        out.append(flat(row.state))
        for cell in (row.signature, row.consent):
            if cell is not None:
                out.append(flat(cell.text))
    return out


def save_pngs(pdf: bytes, stem: str) -> list[Path]:
    """Every page of the PDF as PNG under test-output/reports/ (pdftoppm, Debian poppler-utils)."""
    tool = shutil.which("pdftoppm")
    if tool is None:
        pytest.skip("pdftoppm is not installed (Debian package poppler-utils): no PNG pages for a human look")
    PNG_DIR.mkdir(parents=True, exist_ok=True)
    for old in PNG_DIR.glob(f"{stem}-*.png"):
        old.unlink()
    source = PNG_DIR / f"{stem}.pdf"
    source.write_bytes(pdf)
    subprocess.run([tool, "-r", "80", "-png", str(source), str(PNG_DIR / stem)], check=True, timeout=120)
    return sorted(PNG_DIR.glob(f"{stem}-*.png"))
