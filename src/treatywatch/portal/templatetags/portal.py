"""Template tags of the portal: the language switcher, hreflang links, the page's language tag and lists."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from django import template
from django.conf import settings
from django.http import HttpRequest
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString, mark_safe

from treatywatch.portal.formatting import bcp47, current_language, list_text
from treatywatch.portal.formatting import language_name as _language_name

register = template.Library()

DEFAULT_LANGUAGE = "en"


@dataclass(frozen=True, slots=True)
class Alternate:
    code: str
    tag: str
    name: str
    path: str
    current: bool


def _language_codes() -> set[str]:
    return {code for code, _ in settings.LANGUAGES}


def alternates(request: HttpRequest | None) -> list[Alternate]:
    """The same path and query in each of the six languages, each language named in itself."""
    path = request.get_full_path() if request is not None else "/"
    segments = path.split("/", 2)  # "", "en", "rest?query"
    rest = segments[2] if len(segments) > 2 and segments[1] in _language_codes() else path.lstrip("/")
    current = current_language()
    return [
        Alternate(code, bcp47(code), str(name), f"/{code}/{rest}", code == current) for code, name in settings.LANGUAGES
    ]


@register.simple_tag(takes_context=True)
def hreflang_links(context: dict[str, Any]) -> SafeString:
    request: HttpRequest | None = context.get("request")
    items = alternates(request)

    def absolute(path: str) -> str:
        return request.build_absolute_uri(path) if request is not None else path

    links = format_html_join(
        "\n", '<link rel="alternate" hreflang="{}" href="{}">', ((a.tag, absolute(a.path)) for a in items)
    )
    default = next(a for a in items if a.code == DEFAULT_LANGUAGE)
    return format_html('{}\n<link rel="alternate" hreflang="x-default" href="{}">', links, absolute(default.path))


@register.inclusion_tag("portal/_languages.html", takes_context=True)
def language_switcher(context: dict[str, Any]) -> dict[str, Any]:
    return {"alternates": alternates(context.get("request"))}


@register.simple_tag
def html_lang() -> str:
    return bcp47()


@register.simple_tag
def linked_list(pairs: Iterable[tuple[str, str]]) -> SafeString:
    """(name, url) pairs as links joined the way the page language lists things: "A, B and C", Arabic "A وB",
    Chinese "A、B和C" (CLDR list patterns through babel)."""
    links = [format_html('<a href="{}">{}</a>', url, name) for name, url in pairs]
    return mark_safe(list_text(links))  # noqa: S308  # nosec B308 B703 - each link is escaped; CLDR list patterns hold no markup


@register.filter
def language_name(code: str) -> str:
    """A language code ("fr", "zh") as the language's name in the page language ("French", "Français", "法语")."""
    return _language_name(code)
