"""The report as one self-contained HTML document (inline CSS, no external resource), from a Django template.

Two modes of the same template: ``screen`` (the portal and the HTML download: notes as numbered links to a list
at the end) and ``print`` (the input to WeasyPrint: notes as ``float: footnote`` at the foot of their page, the
symbol in the running head through ``string-set``, page numbers in the page's margin boxes).
"""

from __future__ import annotations

from typing import Any, Literal

from django.template.loader import get_template

from .model import Note, ReportContent

__all__ = ["FONTS", "render_html"]

Mode = Literal["screen", "print"]

FONTS = {
    "default": '"Noto Serif", "DejaVu Serif", serif',
    "ar": '"Noto Naskh Arabic", "Noto Sans Arabic", "Noto Serif", serif',
    "zh": '"Noto Serif CJK SC", "Noto Sans CJK SC", "Noto Serif", serif',
}
"""Debian's fonts-noto-core and fonts-noto-cjk; the Chinese headings use Noto Sans CJK SC."""

_CSS = """
html { font-family: %(font)s; font-size: 10pt; line-height: 1.35; }
body { margin: 0 auto; max-width: 44em; padding: 1.5em; color: #000; }
.mast { width: 100%%; border-collapse: collapse; border-bottom: 2.5pt solid #000; margin-bottom: 6pt; }
.mast td { vertical-align: bottom; padding: 0 0 3pt 0; }
.mast .org { font-size: 12pt; }
.mast .organ { font-size: 17pt; font-weight: bold; font-family: %(heading)s; }
.mast .symbol { text-align: end; font-size: 16pt; }
.mast .distr { text-align: left; width: 11em; font-size: 9pt; padding-left: 1em; }
[dir="rtl"] .mast .symbol { text-align: left; }
.session, .agenda { margin: 0; font-size: 9.5pt; }
.agenda-title { margin: 0 0 14pt 0; font-weight: bold; font-size: 9.5pt; }
.title { font-size: 14pt; font-weight: bold; margin: 18pt 10%% 6pt 0; font-family: %(heading)s; }
[dir="rtl"] .title { margin: 18pt 0 6pt 10%%; }
.subtitle { font-size: 12pt; font-weight: bold; margin: 0 0 18pt 0; font-family: %(heading)s; }
/* The number hangs in the margin as a float: negative text-indent breaks right-to-left lines in WeasyPrint 70. */
.para { margin: 0 0 7pt 2.6em; text-align: justify; }
.para .num { float: left; width: 2.6em; margin-left: -2.6em; }
[dir="rtl"] .para { margin: 0 2.6em 7pt 0; }
[dir="rtl"] .para .num { float: right; margin-left: 0; margin-right: -2.6em; }
.placeholder { background: #fff3b0; }
.annex-heading { font-size: 12pt; margin: 0 0 6pt 0; font-family: %(heading)s; }
.annex-title { font-size: 11pt; margin: 0 0 10pt 0; font-family: %(heading)s; }
table.states { width: 100%%; border-collapse: collapse; font-size: 9pt; table-layout: fixed; }
table.states col.c-state { width: 36%%; } table.states col.c-signature { width: 28%%; }
.lang-ar table.states col.c-state { width: 30%%; } .lang-ar table.states col.c-signature { width: 34%%; }
table.states th, table.states td { text-align: start; vertical-align: top; padding: 2pt 6pt 2pt 0; }
[dir="rtl"] table.states th, [dir="rtl"] table.states td { padding: 2pt 0 2pt 6pt; }
table.states thead th { font-style: italic; font-weight: normal; border-top: 0.75pt solid #000;
  border-bottom: 0.75pt solid #000; vertical-align: bottom; }
table.states tbody th { font-weight: normal; }
html.lang-ar { font-size: 12pt; line-height: 1.45; } .lang-ar table.states, .lang-ar .legend { font-size: 11pt; }
table.states tbody tr:last-child th, table.states tbody tr:last-child td { border-bottom: 0.75pt solid #000; }
.mark { font-style: italic; }
.legend { font-size: 8.5pt; margin-top: 6pt; }
.notes { border-top: 0.5pt solid #000; margin-top: 18pt; font-size: 8.5pt; }
.fnref { text-decoration: none; }
"""

_PRINT_CSS = """
@page {
  size: A4; margin: 2.4cm 2.2cm 2.4cm 2.2cm;
  @bottom-center { content: counter(page); font-family: %(font)s; font-size: 9pt; }
  @footnote { border-top: 0.5pt solid #000; padding-top: 3pt; }  /* a margin here defers notes (WeasyPrint 70) */
}
@page :left { @top-left { content: string(symbol); font-family: %(font)s; font-size: 9pt; font-weight: bold; } }
@page :right { @top-right { content: string(symbol); font-family: %(font)s; font-size: 9pt; font-weight: bold; } }
@page :first { @top-left { content: none; } @top-right { content: none; } }
body { max-width: none; padding: 0; }
.sym { string-set: symbol content(text); }
.placeholder { background: none; }
.annex { break-before: page; }
table.states tr { break-inside: avoid; }
.fn { float: footnote; font-size: 8pt; text-indent: 0; text-align: start; font-style: normal; line-height: 1.25; }
.fn::footnote-call { content: counter(footnote); vertical-align: super; font-size: 65%%; line-height: 0; }
.fn::footnote-marker { content: counter(footnote) ". "; }
[dir="rtl"] .fn::footnote-marker { content: "(" counter(footnote) ") "; }
"""


def css(content: ReportContent, mode: Mode) -> str:
    font = FONTS.get(content.lang, FONTS["default"])
    heading = '"Noto Sans CJK SC", ' + font if content.lang == "zh" else font
    text = _CSS % {"font": font, "heading": heading}
    if mode == "print":
        text += _PRINT_CSS % {"font": font}
    return text


def render_html(content: ReportContent, mode: Mode = "screen") -> str:
    """The whole document; ``print`` is what the PDF is made from."""
    return str(get_template("reports/status.html").render(_context(content, mode)))


def _context(content: ReportContent, mode: Mode) -> dict[str, Any]:
    notes = content.notes()
    number = iter(range(1, len(notes) + 1))
    paragraphs = []
    for p in content.paragraphs:
        pieces = []
        for s in p.segments:
            if isinstance(s, Note):
                pieces.append({"note": next(number), "text": s.text})
            else:
                pieces.append({"note": 0, "text": s})
        paragraphs.append({"number": p.number, "label": content.label(p), "source": p.source, "pieces": pieces})
    rows = []
    for row in content.annex.rows:
        cells: list[dict[str, Any] | None] = []
        for cell in (row.signature, row.consent):
            if cell is None:
                cells.append(None)
                continue
            note = next(number) if cell.note is not None else 0
            cells.append(
                {"text": cell.text, "mark": cell.mark, "note": note, "note_text": cell.note.text if cell.note else ""}
            )
        rows.append({"state": row.state, "cells": cells})
    return {
        "content": content,
        "m": content.masthead,
        "mode": mode,
        "css": css(content, mode),
        "distr_dir": "ltr" if content.lang in ("ar",) else content.direction,
        "paragraphs": paragraphs,
        "annex": content.annex,
        "rows": rows,
        "notes": [n.text for n in notes],
    }
