"""An embeddable status badge: /badge/ICRMW.svg?lang=fr draws "ICRMW | 60 États parties".

The count is the number of contracting States (the UN status table's "Parties"), as of today. Words come from
gettext in the language asked for, the number from CLDR (babel). In Arabic the label sits on the right and the
text runs right to left. Widths are estimated from the text (no font metrics on the server): generous enough
for the six languages.
"""

from __future__ import annotations

import unicodedata
from html import escape

from django.http import HttpRequest, HttpResponse
from django.utils import translation
from django.utils.translation import ngettext

from treatywatch.portal.formatting import number

from . import params
from .caching import Stamp, cached_response
from .documents import portal_lang, snapshot
from .errors import answers_problems

__all__ = ["badge", "render_badge", "text_width"]

HEIGHT = 20
PADDING = 6
LABEL_FILL = "#555"
VALUE_FILL = "#2b6cb0"
NARROW = set("ilj.,:;'|!() ")


def text_width(text: str) -> int:
    """Rough width in pixels at 11px Verdana/DejaVu Sans: wide CJK, narrow punctuation, the rest average."""
    width = 0.0
    for ch in text:
        if unicodedata.east_asian_width(ch) in ("W", "F"):
            width += 11.5
        elif ch in NARROW:
            width += 3.8
        elif ch.isupper() or ch.isdigit():
            width += 7.6
        else:
            width += 6.6
    return round(width)


def render_badge(label: str, value: str, lang: str) -> str:
    rtl = lang == "ar"
    label_w = text_width(label) + 2 * PADDING
    value_w = text_width(value) + 2 * PADDING
    total = label_w + value_w
    # Left-to-right: label then value. Right-to-left: the label is read first, so it sits on the right.
    label_x, value_x = (value_w, 0) if rtl else (0, label_w)
    direction = ' direction="rtl"' if rtl else ""
    title = escape(f"{label}: {value}")
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{total}" height="{HEIGHT}" viewBox="0 0 {total} {HEIGHT}" '
        f'role="img" aria-label="{title}" xml:lang="{escape(lang)}">'
        f"<title>{title}</title>"
        f'<rect x="{label_x}" width="{label_w}" height="{HEIGHT}" fill="{LABEL_FILL}"/>'
        f'<rect x="{value_x}" width="{value_w}" height="{HEIGHT}" fill="{VALUE_FILL}"/>'
        f'<g fill="#fff" text-anchor="middle" font-family="Verdana,DejaVu Sans,Noto Sans,sans-serif" font-size="11">'
        f'<text x="{label_x + label_w / 2:g}" y="14">{escape(label)}</text>'
        f'<text x="{value_x + value_w / 2:g}" y="14"{direction}>{escape(value)}</text>'
        "</g></svg>"
    )


def badge_text(count: int, lang: str) -> str:
    django_lang = portal_lang(lang)
    with translation.override(django_lang):
        return ngettext("%(count)s State Party", "%(count)s States Parties", count) % {
            "count": number(count, django_lang)
        }


@answers_problems
def badge(request: HttpRequest, treaty: str) -> HttpResponse:
    params.only(request, "lang")
    lang = params.lang(request.GET.get("lang"))

    def build(stamp: Stamp) -> bytes:
        snap = snapshot(stamp)
        record = params.treaty(snap.cat, treaty, "treaty")
        status = record.status(stamp.today)
        return render_badge(record.treaty.id, badge_text(status.contracting_states, lang), lang).encode()

    return cached_response(request, build, "image/svg+xml; charset=utf-8", language=lang)
