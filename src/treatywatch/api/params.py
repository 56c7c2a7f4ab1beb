"""Reading the parameters of open-data requests; each failure names the parameter and what was expected."""

from __future__ import annotations

import re
from datetime import date

from django.http import HttpRequest

from treatywatch.catalogue import Catalogue
from treatywatch.engine import LANGUAGES, State, TreatyRecord, UnknownState

from .errors import BadParameter, NotFound, Problem

__all__ = [
    "DATE_EXPECTED",
    "FIRST_DAY",
    "LANG_EXPECTED",
    "LAST_DAY",
    "STATE_EXPECTED",
    "day",
    "lang",
    "only",
    "state",
    "treaty",
]

FIRST_DAY = date(1900, 1, 1)
LAST_DAY = date(2999, 12, 31)
"""Days asked about are bounded so that rule arithmetic (months and years after a day) stays in range."""
DATE_EXPECTED = "a date YYYY-MM-DD"
LANG_EXPECTED = "one of " + ", ".join(LANGUAGES)
STATE_EXPECTED = "an ISO 3166-1 alpha-3 code (MEX) or a UN M49 code (484) of a State in the record"
_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_ALPHA3 = re.compile(r"^[A-Za-z]{3}$")
_M49 = re.compile(r"^\d{1,3}$")


def only(request: HttpRequest, *allowed: str) -> None:
    """Refuse query parameters the address does not take, and parameters given twice."""
    for key in request.GET:
        values = request.GET.getlist(key)
        if key not in allowed:
            takes = ", ".join(allowed) if allowed else "no parameters"
            raise BadParameter(key, f"no such parameter (this address takes: {takes})", values[0])
        if len(values) > 1:
            raise BadParameter(key, "one value", ",".join(values))


def day(text: str | None, parameter: str = "as_of") -> date | None:
    """The day asked about, or None when the parameter is absent (the caller's default: today)."""
    if text is None:
        return None
    try:
        if not _DAY.match(text):
            raise ValueError(text)
        value = date.fromisoformat(text)
    except ValueError:
        raise BadParameter(parameter, DATE_EXPECTED, text) from None
    if not FIRST_DAY <= value <= LAST_DAY:
        raise BadParameter(parameter, f"{DATE_EXPECTED} from {FIRST_DAY} to {LAST_DAY}", text)
    return value


def lang(text: str | None) -> str:
    if text is None:
        return "en"
    if text not in LANGUAGES:
        raise BadParameter("lang", LANG_EXPECTED, text)
    return text


def treaty(cat: Catalogue, text: str, parameter: str = "id", problem: type[Problem] = NotFound) -> TreatyRecord:
    key = text.strip().upper()
    if key not in cat.treaties:
        raise problem(parameter, "a treaty identifier: " + ", ".join(sorted(cat.treaties)), text)
    return cat.record(key)


def state(cat: Catalogue, text: str, parameter: str = "code", problem: type[Problem] = NotFound) -> State:
    """A State by its alpha-3 or M49 code only: the API's identifiers are codes, not names."""
    if _ALPHA3.match(text):
        key = text.upper()
    elif _M49.match(text):
        key = text.zfill(3)
    else:
        raise problem(parameter, STATE_EXPECTED, text)
    try:
        found = cat.states.get(key)
    except UnknownState:
        raise problem(parameter, STATE_EXPECTED, text) from None
    if found.code != key and found.m49 != key:
        raise problem(parameter, STATE_EXPECTED, text)
    return found
