"""The report as a Word document (python-docx): masthead, numbered paragraphs, annex table, running head, page numbers.

python-docx has no footnote API, so notes are endnote-style: superscript numbers in the text and a numbered list
under "Notes" at the end, numbered as the PDF numbers its footnotes. Arabic is right to left through the XML that
Word reads: ``w:bidi`` on every paragraph and the section, ``w:rtl`` on every run, ``w:bidiVisual`` on tables.
Fonts are the PDF's Noto fonts (Latin, East Asian and complex-script slots); Word substitutes where absent.
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from typing import Any

from docx import Document
from docx.document import Document as DocxDocument
from docx.enum.table import WD_TABLE_DIRECTION
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Mm, Pt
from docx.table import Table
from docx.text.paragraph import Paragraph as DocxParagraph

from .model import Note, ReportContent

__all__ = ["render_docx"]

_FONTS = {"ascii": "Noto Serif", "hAnsi": "Noto Serif", "eastAsia": "Noto Serif CJK SC", "cs": "Noto Naskh Arabic"}
_LANG_TAGS = {"ar": "ar-SA", "zh": "zh-CN", "en": "en-GB", "fr": "fr-FR", "ru": "ru-RU", "es": "es-ES"}
_PPR_ORDER = [
    "w:pStyle",
    "w:keepNext",
    "w:keepLines",
    "w:pageBreakBefore",
    "w:framePr",
    "w:widowControl",
    "w:numPr",
    "w:suppressLineNumbers",
    "w:pBdr",
    "w:shd",
    "w:tabs",
    "w:suppressAutoHyphens",
    "w:kinsoku",
    "w:wordWrap",
    "w:overflowPunct",
    "w:topLinePunct",
    "w:autoSpaceDE",
    "w:autoSpaceDN",
    "w:bidi",
    "w:adjustRightInd",
    "w:snapToGrid",
    "w:spacing",
    "w:ind",
    "w:contextualSpacing",
    "w:mirrorIndents",
    "w:suppressOverlap",
    "w:jc",
    "w:textDirection",
    "w:textAlignment",
    "w:textboxTightWrap",
    "w:outlineLvl",
    "w:divId",
    "w:cnfStyle",
    "w:rPr",
    "w:sectPr",
    "w:pPrChange",
]
"""The schema order of a paragraph's properties (ECMA-376 CT_PPr): a new child goes before its successors."""


def _after(tag: str) -> tuple[str, ...]:
    return tuple(_PPR_ORDER[_PPR_ORDER.index(tag) + 1 :])


_HANG = Cm(1.27)


def render_docx(content: ReportContent) -> bytes:
    doc = Document()
    rtl = content.direction == "rtl"
    _setup(doc, content)
    _masthead(doc, content)
    notes = iter(range(1, len(content.notes()) + 1))
    for p in content.paragraphs:
        para = doc.add_paragraph()
        fmt = para.paragraph_format
        fmt.left_indent, fmt.first_line_indent, fmt.space_after = _HANG, -_HANG, Pt(6)
        fmt.tab_stops.add_tab_stop(_HANG)
        para.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
        para.add_run(content.label(p) + "\t")
        for segment in p.segments:
            if isinstance(segment, Note):
                _note_call(para, next(notes))
            else:
                para.add_run(segment)
    _annex(doc, content, notes)
    _notes(doc, content)
    if rtl:
        _right_to_left(doc)
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


def _setup(doc: DocxDocument, content: ReportContent) -> None:
    section = doc.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin = section.bottom_margin = Cm(2.4)
    section.left_margin = section.right_margin = Cm(2.2)
    section.different_first_page_header_footer = True
    normal = doc.styles["Normal"]
    size = Pt(12 if content.lang == "ar" else 10)
    normal.font.size = size
    rpr = normal.element.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    for slot, name in _FONTS.items():
        fonts.set(qn(f"w:{slot}"), name)
    size_cs = OxmlElement("w:szCs")
    size_cs.set(qn("w:val"), str(int(size.pt * 2)))
    rpr.append(size_cs)
    lang = OxmlElement("w:lang")
    tag = _LANG_TAGS[content.lang]
    lang.set(qn("w:val"), tag if content.lang not in ("ar", "zh") else "en-GB")
    lang.set(qn("w:eastAsia"), "zh-CN")
    lang.set(qn("w:bidi"), "ar-SA")
    rpr.append(lang)
    header = section.header.paragraphs[0]
    header.add_run(content.masthead.symbol).bold = True
    for footer in (section.footer, section.first_page_footer):
        _page_number(footer.paragraphs[0])


def _page_number(para: DocxParagraph) -> None:
    para.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run = para.add_run()
    for kind, text in (("begin", None), (None, " PAGE "), ("separate", None), (None, "1"), ("end", None)):
        if kind is not None:
            field = OxmlElement("w:fldChar")
            field.set(qn("w:fldCharType"), kind)
            run._r.append(field)
        elif text == " PAGE ":
            instr = OxmlElement("w:instrText")
            instr.set(qn("xml:space"), "preserve")
            instr.text = text
            run._r.append(instr)
        else:
            value = OxmlElement("w:t")
            value.text = text
            run._r.append(value)


def _masthead(doc: DocxDocument, content: ReportContent) -> None:
    m = content.masthead
    table = doc.add_table(rows=2, cols=2)
    table.autofit = False
    top_left, top_right = table.rows[0].cells
    bottom_left, bottom_right = table.rows[1].cells
    top_left.paragraphs[0].add_run(m.organization).font.size = Pt(12)
    run = top_right.paragraphs[0].add_run(m.symbol)
    run.font.size = Pt(16)
    top_right.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.RIGHT
    run = bottom_left.paragraphs[0].add_run(m.organ)
    run.bold, run.font.size = True, Pt(17)
    lines = [m.distribution, m.date, *([m.language_line] if m.language_line else []), m.original]
    bottom_right.paragraphs[0].add_run(lines[0]).font.size = Pt(9)
    for line in lines[1:]:
        bottom_right.add_paragraph().add_run(line).font.size = Pt(9)
    for column, width in ((0, Cm(11.6)), (1, Cm(5.0))):
        for r in table.rows:
            r.cells[column].width = width
    rule = doc.add_paragraph()
    border = OxmlElement("w:pBdr")
    bottom = OxmlElement("w:bottom")
    for key, value in (("val", "single"), ("sz", "18"), ("space", "1"), ("color", "000000")):
        bottom.set(qn(f"w:{key}"), value)
    border.append(bottom)
    rule._p.get_or_add_pPr().insert_element_before(border, *_after("w:pBdr"))
    for text, bold in ((m.session, False), (m.agenda, False), (m.agenda_title, True)):
        para = doc.add_paragraph()
        para.paragraph_format.space_after = Pt(0)
        run = para.add_run(text)
        run.bold, run.font.size = bold, Pt(9.5)
    for text, size, before in ((m.title, 14, 18), (m.subtitle, 12, 6)):
        para = doc.add_paragraph()
        para.paragraph_format.space_before, para.paragraph_format.space_after = Pt(before), Pt(12)
        run = para.add_run(text)
        run.bold, run.font.size = True, Pt(size)


def _note_call(para: DocxParagraph, number: int) -> None:
    para.add_run(str(number)).font.superscript = True


def _annex(doc: DocxDocument, content: ReportContent, notes: Iterator[int]) -> None:
    annex = content.annex
    doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
    for text, size in ((annex.heading, 12), (annex.title, 11)):
        run = doc.add_paragraph().add_run(text)
        run.bold, run.font.size = True, Pt(size)
    table: Table = doc.add_table(rows=len(annex.rows) + 1, cols=3)
    header = table.rows[0]
    header._tr.get_or_add_trPr().append(_on("w:tblHeader"))
    for cell, text in zip(header.cells, annex.columns, strict=True):
        run = cell.paragraphs[0].add_run(text)
        run.italic, run.font.size = True, Pt(9)
    for row, data in zip(table.rows[1:], annex.rows, strict=True):
        cells = row.cells
        cells[0].paragraphs[0].add_run(data.state).font.size = Pt(9)
        for cell, value in zip(cells[1:], (data.signature, data.consent), strict=True):
            if value is None:
                continue
            para = cell.paragraphs[0]
            para.add_run(value.text).font.size = Pt(9)
            if value.mark:
                run = para.add_run(" " + value.mark)
                run.italic, run.font.size = True, Pt(9)
            if value.note is not None:
                _note_call(para, next(notes))
    if annex.legend:
        para = doc.add_paragraph()
        for i, (mark, text) in enumerate(annex.legend):
            run = para.add_run(("   " if i else "") + mark)
            run.italic = True
            para.add_run(" " + text)


def _notes(doc: DocxDocument, content: ReportContent) -> None:
    notes = content.notes()
    if not notes:
        return
    doc.add_paragraph().add_run(content.notes_heading).bold = True
    for i, note in enumerate(notes, start=1):
        para = doc.add_paragraph()
        fmt = para.paragraph_format
        fmt.left_indent, fmt.first_line_indent, fmt.space_after = Cm(0.6), Cm(-0.6), Pt(2)
        para.add_run(f"{i}.\t").font.size = Pt(8.5)
        para.add_run(note.text).font.size = Pt(8.5)


def _on(tag: str) -> Any:
    element = OxmlElement(tag)
    element.set(qn("w:val"), "true")
    return element


def _right_to_left(doc: DocxDocument) -> None:
    """w:bidi on the section and every paragraph, w:rtl on every run, w:bidiVisual on every table."""
    section = doc.sections[0]
    sect_pr = section._sectPr
    sect_pr.insert_element_before(OxmlElement("w:bidi"), "w:rtlGutter", "w:docGrid", "w:printerSettings")
    parts = [doc.element.body, section.header._element, section.footer._element, section.first_page_footer._element]
    for part in parts:
        for p in part.iter(qn("w:p")):
            ppr = p.get_or_add_pPr()
            if ppr.find(qn("w:bidi")) is None:
                ppr.insert_element_before(OxmlElement("w:bidi"), *_after("w:bidi"))
        for r in part.iter(qn("w:r")):
            r.get_or_add_rPr().get_or_add_rtl()
    for table in doc.tables:
        table.table_direction = WD_TABLE_DIRECTION.RTL
