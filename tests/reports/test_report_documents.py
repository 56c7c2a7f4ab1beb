"""The rendered report, from the stored record through the CLI: PDF and DOCX carry the engine's figures and every
annex row; Arabic is right to left; Chinese embeds a CJK font; every page is saved as PNG for a human look.
"""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn
from pypdf import PdfReader

from treatywatch import cli
from treatywatch.engine import LANGUAGES, TreatyRecord
from treatywatch.reports.content import build_report
from treatywatch.reports.html import render_html
from treatywatch.reports.pdf import render_pdf
from treatywatch.reports.text import Speaker
from treatywatch.reports.word import render_docx

from .conftest import AFTER, BEFORE, docx_text, expected_phrases, flat, pdf_text, save_pngs

pytestmark = pytest.mark.django_db


def run_cli(tmp_path: Path, day: date, fmt: str, lang: str = "en") -> bytes:
    out = tmp_path / f"report.{fmt}"
    argv = ["report", "status", "--session", "55", "--as-of", day.isoformat(), "--lang", lang, "--format", fmt]
    code = cli.main([*argv, "--out", str(out), "--symbol", "A/55/205", "--agenda-item", "114 (b)"], out=io.StringIO())
    assert code == 0
    return out.read_bytes()


def engine_figures(record: TreatyRecord, day: date) -> list[str]:
    say, status = Speaker("en"), record.status(day)
    out = [say("signed", n=status.signatories), say("bound", n=status.contracting_states)]
    if status.in_force:
        out.append(f"it was in force for {say('parties', n=status.parties_in_force)}")
    else:
        out.append(say("needed", n=status.instruments_needed))
    return out


def segments(record: TreatyRecord, day: date, lang: str = "en") -> list[str]:
    content = build_report(record, day, lang, session=55, symbol="A/55/205", agenda_item="114 (b)")
    pieces = [flat(s) for p in content.paragraphs for s in p.segments if isinstance(s, str) and len(s.strip()) > 3]
    return pieces + expected_phrases(content)[len(content.paragraphs) :]


@pytest.mark.parametrize("day", [BEFORE, AFTER], ids=["before-entry-into-force", "after-entry-into-force"])
def test_the_pdf_carries_the_engines_figures_and_every_annex_row(
    stored_record: TreatyRecord, tmp_path: Path, day: date
) -> None:
    text = pdf_text(run_cli(tmp_path, day, "pdf"))
    for phrase in engine_figures(stored_record, day):
        assert phrase in text
    missing = [s for s in segments(stored_record, day) if s not in text]
    assert missing == []
    assert "A/55/205" in text and "Item 114 (b) of the provisional agenda" in text
    if day == BEFORE:
        assert stored_record.status(day).contracting_states == 12  # the 2000 report's figure, from the engine


@pytest.mark.parametrize("day", [BEFORE, AFTER], ids=["before-entry-into-force", "after-entry-into-force"])
def test_the_docx_carries_the_engines_figures_and_every_annex_row(
    stored_record: TreatyRecord, tmp_path: Path, day: date
) -> None:
    data = run_cli(tmp_path, day, "docx")
    text = docx_text(data)
    for phrase in engine_figures(stored_record, day):
        assert phrase in text
    missing = [s for s in segments(stored_record, day) if s not in text]
    assert missing == []
    document = docx.Document(io.BytesIO(data))
    annex = document.tables[-1]
    content = build_report(stored_record, day, "en", session=55)
    assert len(annex.rows) == len(content.annex.rows) + 1
    for row, expected in zip(annex.rows[1:], content.annex.rows, strict=True):
        assert row.cells[0].text == expected.state
        if expected.consent is not None:
            assert row.cells[2].text.startswith(expected.consent.text)
    assert any("PAGE" in (n.text or "") for n in document.sections[0].footer._element.iter(qn("w:instrText")))
    assert document.sections[0].header.paragraphs[0].text == "A/55/205"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_page_renders_to_png_for_a_human_look(stored_record: TreatyRecord, lang: str) -> None:
    for day in (BEFORE, AFTER) if lang in ("en", "ar", "zh") else (AFTER,):
        content = build_report(stored_record, day, lang, session=55, narrative=[_NARRATIVE[lang]])
        pages = save_pngs(render_pdf(content), f"status-{lang}-{day.isoformat()}")
        assert len(pages) >= 2  # the annex starts on a page of its own
        assert all(p.stat().st_size > 5000 for p in pages)


def test_arabic_runs_right_to_left_in_html_pdf_and_docx(stored_record: TreatyRecord) -> None:
    content = build_report(stored_record, AFTER, "ar", session=55)
    html = render_html(content)
    assert '<html lang="ar" dir="rtl"' in html
    assert 'dir="rtl"' in render_html(content, mode="print")
    page = PdfReader(io.BytesIO(render_pdf(content))).pages[0]
    width = float(page.mediabox.width)
    starts: list[float] = []

    def visit(text: str, cm: list[float], tm: list[float], *_: object) -> None:
        if text.strip().startswith("1 -") or text.strip() == "1":
            starts.append(tm[4] * cm[0] + cm[4])

    page.extract_text(visitor_text=visit)
    assert starts and max(starts) > width / 2  # the first paragraph's number sits at the right margin
    document = docx.Document(io.BytesIO(render_docx(content)))
    body = document.element.body
    paragraphs = list(body.iter(qn("w:p")))
    assert all(p.find(qn("w:pPr")) is not None and p.find(qn("w:pPr")).find(qn("w:bidi")) is not None
               for p in paragraphs)  # fmt: skip
    assert all(r.find(qn("w:rPr")).find(qn("w:rtl")) is not None for r in body.iter(qn("w:r")))
    assert all(t._tbl.tblPr.find(qn("w:bidiVisual")) is not None for t in document.tables)
    assert document.sections[0]._sectPr.find(qn("w:bidi")) is not None


def test_the_chinese_pdf_embeds_a_cjk_font(stored_record: TreatyRecord) -> None:
    content = build_report(stored_record, AFTER, "zh", session=55)
    reader = PdfReader(io.BytesIO(render_pdf(content)))
    embedded: set[str] = set()
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            for part in [font, *(d.get_object() for d in font.get("/DescendantFonts", []))]:
                descriptor = part.get("/FontDescriptor")
                if descriptor is not None and {"/FontFile", "/FontFile2", "/FontFile3"} & set(descriptor.get_object()):
                    embedded.add(str(part["/BaseFont"]))
    assert any("CJK" in name for name in embedded), embedded
    assert "截至2024年7月1日" in pdf_text(render_pdf(content))


def test_the_html_is_self_contained(stored_record: TreatyRecord) -> None:
    html = render_html(build_report(stored_record, AFTER, "fr", session=55))
    assert "<link" not in html and "src=" not in html and "http" not in html.split("</style>")[0]
    assert "Rapport du Secrétaire général" in html and 'class="notes"' in html


_NARRATIVE = {
    "en": "Information activities were carried out under paragraph 4 of resolution 54/158.",
    "fr": "Des activités d'information ont été menées en application du paragraphe 4 de la résolution 54/158.",
    "es": "Se llevaron a cabo actividades de información con arreglo al párrafo 4 de la resolución 54/158.",
    "ru": "Во исполнение пункта 4 резолюции 54/158 проводилась информационная деятельность.",
    "zh": "根据第54/158号决议第4段开展了宣传活动。",
    "ar": "ونُفذت أنشطة إعلامية عملا بالفقرة 4 من القرار 54/158.",
}
