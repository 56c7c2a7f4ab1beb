"""What every page is answered from: the catalogue, the day asked about (?as_of=) and the page language."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from urllib.parse import urlencode

from django.http import HttpRequest
from django.urls import reverse
from django.utils.translation import gettext

from treatywatch.catalogue import Catalogue
from treatywatch.engine import State

from .formatting import current_language, day_text

__all__ = ["MAIN_TREATY", "AsOfError", "PageContext", "parse_as_of"]

AS_OF = "as_of"
MAIN_TREATY = "ICRMW"
"""The treaty of the home and timeline pages, listed first on State pages."""
_ISO_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$", re.ASCII)


class AsOfError(ValueError):
    """A bad ?as_of= value; the message is shown to the user on the 400 page."""


def parse_as_of(request: HttpRequest, cat: Catalogue, today: date) -> tuple[date, bool]:
    """The day asked about and whether it was given; an empty value means today."""
    raw = request.GET.get(AS_OF, "").strip()
    if not raw:
        return today, False
    try:
        day = date.fromisoformat(raw) if _ISO_DAY.match(raw) else None
    except ValueError:
        day = None
    if day is None:
        raise AsOfError(
            gettext(
                "The parameter as_of must be a date in the form YYYY-MM-DD, for example 2003-07-01. "
                "“%(value)s” is not such a date."
            )
            % {"value": raw[:40]}
        )
    earliest = earliest_day(cat)
    if day < earliest:
        raise AsOfError(
            gettext(
                "The parameter as_of must not be earlier than %(earliest)s (%(earliest_iso)s), the day the "
                "Convention was adopted."
            )
            % {"earliest": day_text(earliest), "earliest_iso": earliest.isoformat()}
        )
    if day > today:
        raise AsOfError(
            gettext(
                "The parameter as_of must not be later than today, %(today)s (%(today_iso)s): the record "
                "cannot tell the future."
            )
            % {"today": day_text(today), "today_iso": today.isoformat()}
        )
    return day, True


def earliest_day(cat: Catalogue) -> date:
    """The earliest day a page can be asked about: the adoption of the Convention (18 December 1990)."""
    main = cat.treaties.get(MAIN_TREATY)
    return main.adopted if main is not None else date(1990, 12, 18)


@lru_cache(maxsize=32)
def _state_path(lang: str) -> tuple[str, str]:
    """The State page's path around the code, for the active language ``lang``: reversing once per language
    instead of once per link (the home page links about 400 times)."""
    head, _, tail = reverse("portal:state", args=["ZZZ"]).partition("ZZZ")
    return head, tail


@dataclass(frozen=True, slots=True)
class PageContext:
    cat: Catalogue
    day: date
    today: date
    given: bool
    """Whether ?as_of= was given: links then keep it, so the whole site stays on that day."""
    lang: str

    @classmethod
    def build(cls, request: HttpRequest, cat: Catalogue, today: date) -> PageContext:
        day, given = parse_as_of(request, cat, today)
        return cls(cat, day, today, given, current_language())

    def query(self, **extra: str) -> str:
        """The query string of links that stay on the day asked about (with ``extra``), or "" for today."""
        params = {AS_OF: self.day.isoformat()} if self.given else {}
        params.update({k: v for k, v in extra.items() if v})
        return "?" + urlencode(params) if params else ""

    def url(self, name: str, *args: str, **extra: str) -> str:
        return reverse(f"portal:{name}", args=args) + self.query(**extra)

    def state_url(self, state: State | str) -> str:
        head, tail = _state_path(self.lang)
        return head + (state if isinstance(state, str) else state.code) + tail + self.query()

    def treaty_url(self, treaty_id: str) -> str:
        return self.url("treaty", treaty_id)

    def base(self) -> dict[str, object]:
        """Template variables every page has."""
        return {
            "day": self.day,
            "day_text": day_text(self.day),
            "today": self.today,
            "earliest": earliest_day(self.cat),
            "given": self.given,
            "as_of_query": self.query(),
        }
