"""Partial dates, spans of possible days, and the period arithmetic treaty clauses use.

The depositary record knows some dates only to the year ("2016") or the month ("2024-11"), and some not at
all except that they came before a known day ("../2014-10-26", the EDTF interval form of ISO 8601-2). Such a
date stays partial: it is kept with its precision and original text, and anything computed from it is a
``Span`` of possible days, never an invented day.

Rules turn a day into a later day: "thirtieth day after" (``Period(30, 'days')``, aligned ``same_day``),
"three months after" (``Period(3, 'months')``), "on the first day of the month following a period of three
months after" (``Period(3, 'months')`` aligned ``first_day_of_following_month``, ICRMW art. 87). Every rule
is non-decreasing in its argument, so applying it to both ends of a span gives the span of the result.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timedelta
from enum import Enum
from functools import lru_cache
from typing import Literal

from .errors import DateError

__all__ = [
    "Alignment",
    "PartialDate",
    "Period",
    "Precision",
    "Rule",
    "Span",
    "Tri",
    "apply_period",
]


class Precision(Enum):
    DAY = "day"
    MONTH = "month"
    YEAR = "year"
    INTERVAL = "interval"


class Tri(Enum):
    """Three-valued answer for questions asked of partial dates."""

    NO = 0
    MAYBE = 1
    YES = 2


@dataclass(frozen=True, slots=True, order=True, init=False)
class Span:
    """The closed range of days on which something happened or will happen."""

    earliest: date
    latest: date

    def __init__(self, earliest: date, latest: date) -> None:
        # The __init__ dataclass would write for a frozen class, but setting each slot through its descriptor
        # rather than object.__setattr__ (as Action does): a load makes hundreds of thousands of spans.
        _set_earliest(self, earliest)
        _set_latest(self, latest)

    @classmethod
    def day(cls, d: date) -> Span:
        return cls(d, d)

    @property
    def exact(self) -> bool:
        return self.earliest == self.latest

    def on_or_before(self, day: date) -> Tri:
        """Has it happened by the end of ``day``?"""
        if self.latest <= day:
            return Tri.YES
        if self.earliest > day:
            return Tri.NO
        return Tri.MAYBE

    def map(self, rule: Rule) -> Span:
        return Span(rule.apply(self.earliest), rule.apply(self.latest))

    def after(self, period: Period) -> Span:
        """The span shifted by a period with no alignment (report due dates, the denunciation window)."""
        return Span(period.after(self.earliest), period.after(self.latest))

    def later(self, other: Span) -> Span:
        """The span of max(a, b) for a in self and b in other."""
        if self.earliest >= other.earliest and self.latest >= other.latest:
            return self  # the common case, without a new span
        return Span(max(self.earliest, other.earliest), max(self.latest, other.latest))

    def from_opening(self, floor: date) -> Span:
        """An open start ("../2014-10-26") narrowed to ``floor``, the treaty's opening; other spans unchanged."""
        if self.earliest < floor <= self.latest:
            return Span(floor, self.latest)
        return self

    def clamp_start(self, floor: date) -> Span:
        """Drop the possible days before ``floor`` (a declaration cannot precede the declarant's consent)."""
        start = max(self.earliest, floor)
        return Span(min(start, self.latest), self.latest)

    def iso(self) -> str:
        """One ISO day when exact, else the EDTF interval of possible days."""
        if self.exact:
            return self.earliest.isoformat()
        return f"{self.earliest.isoformat()}/{self.latest.isoformat()}"

    def __str__(self) -> str:
        return self.iso()


_set_earliest: Callable[[Span, date], None] = getattr(Span, "earliest").__set__  # noqa: B009 - the slot's descriptor
_set_latest: Callable[[Span, date], None] = getattr(Span, "latest").__set__  # noqa: B009

_YMD = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


@dataclass(frozen=True, slots=True)
class PartialDate:
    """A date as the record gives it: a day, a month, a year, or an interval with an open start.

    ``text`` keeps the original form; ``span`` is the range of days it allows. An open start ("../2014-10-26")
    begins at ``date.min`` here; callers narrow it with what else they know (the treaty's opening, the
    State's consent).
    """

    text: str
    precision: Precision
    span: Span
    day_key: int = field(init=False, repr=False, compare=False)
    """The earliest possible day as a number that sorts as the days do, with four bits to spare below it
    (``Action``'s sort adds the kind's order there): integers sort several times faster than dates."""

    def __post_init__(self) -> None:
        object.__setattr__(self, "day_key", self.span.earliest.toordinal() << 4)

    @classmethod
    def parse(cls, text: str) -> PartialDate:
        return _parse(text.strip())

    @classmethod
    def of(cls, d: date) -> PartialDate:
        return cls(d.isoformat(), Precision.DAY, Span(d, d))

    @property
    def exact(self) -> bool:
        return self.precision is Precision.DAY

    @property
    def open_start(self) -> bool:
        return self.span.earliest == date.min

    def __str__(self) -> str:
        return self.text


@lru_cache(maxsize=65536)
def _parse(text: str) -> PartialDate:
    if len(text) == 10 and text[4] == "-" and text[7] == "-":
        # The common form, a day: the C parser, with its errors left to the checks below (whose messages the
        # record gives); for ten characters with dashes there it accepts exactly the days the pattern does.
        try:
            d = date.fromisoformat(text)
        except ValueError:
            pass
        else:
            return PartialDate(text, Precision.DAY, Span(d, d))
    if "/" in text:
        start_text, _, end_text = text.partition("/")
        end = _parse_simple(end_text, text).span
        if start_text == "..":
            return PartialDate(text, Precision.INTERVAL, Span(date.min, end.latest))
        start = _parse_simple(start_text, text).span
        if start.earliest > end.latest:
            raise DateError(f"interval {text!r} ends before it starts")
        return PartialDate(text, Precision.INTERVAL, Span(start.earliest, end.latest))
    return _parse_simple(text, text)


def _parse_simple(text: str, whole: str) -> PartialDate:
    m = _YMD.match(text)
    if not m:
        raise DateError(f"date {whole!r} is not YYYY, YYYY-MM, YYYY-MM-DD or an interval such as ../2014-10-26")
    year = int(m.group(1))
    if m.group(2) is None:
        return PartialDate(text, Precision.YEAR, Span(date(year, 1, 1), date(year, 12, 31)))
    month = int(m.group(2))
    if not 1 <= month <= 12:
        raise DateError(f"date {whole!r} has month {month:02d}; months run 01 to 12")
    last = calendar.monthrange(year, month)[1]
    if m.group(3) is None:
        return PartialDate(text, Precision.MONTH, Span(date(year, month, 1), date(year, month, last)))
    day = int(m.group(3))
    if not 1 <= day <= last:
        raise DateError(f"date {whole!r} has day {day:02d}; {year}-{month:02d} has {last} days")
    d = date(year, month, day)
    return PartialDate(text, Precision.DAY, Span(d, d))


Unit = Literal["days", "months", "years"]
_MONTH_DAYS = (0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


@dataclass(frozen=True, slots=True)
class Period:
    """A period stated in a treaty clause: "thirty days", "three months", "five years"."""

    count: int
    unit: Unit

    @classmethod
    def parse(cls, text: str) -> Period:
        parts = text.split()
        if len(parts) != 2 or not parts[0].isdigit():
            raise ValueError(f"period {text!r} is not '<N> days|months|years'")
        count, unit = int(parts[0]), parts[1].rstrip("s") + "s"
        if unit not in ("days", "months", "years"):
            raise ValueError(f"period {text!r}: unit must be days, months or years")
        return cls(count, unit)  # type: ignore[arg-type]

    def after(self, d: date) -> date:
        if self.unit == "days":
            return d + timedelta(days=self.count)
        # What d + relativedelta(months=n) (or years=n) gives, without building one (a record of hundreds of
        # thousands of actions runs this for each): the same day n months on, clipped to the end of a shorter
        # month, so 31 January + 1 month = 28 or 29 February and 29 February + 1 year = 28 February.
        months = self.count if self.unit == "months" else 12 * self.count
        year, month = divmod(d.year * 12 + d.month - 1 + months, 12)
        month += 1
        last = 29 if month == 2 and calendar.isleap(year) else _MONTH_DAYS[month]
        return date(year, month, min(d.day, last))

    def __str__(self) -> str:
        return f"{self.count} {self.unit}"


class Alignment(Enum):
    """Where a rule lands once its period has run."""

    SAME_DAY = "same_day"
    """The day the period ends: "on the thirtieth day after", "three months after"."""

    FIRST_DAY_OF_FOLLOWING_MONTH = "first_day_of_following_month"
    """"On the first day of the month following a period of ... after" (ICRMW arts. 87, 89)."""


@dataclass(frozen=True, slots=True)
class Rule:
    """A period and an alignment: the shape of every entry-into-force and denunciation clause we hold."""

    period: Period
    alignment: Alignment

    def apply(self, d: date) -> date:
        return apply_period(d, self.period, self.alignment)

    def landing(self) -> Callable[[date], Span]:
        """The day this rule lands on from a day, as a one-day span, remembered by day for each rule (a record
        runs its rule for each State's consent, and the records of a catalogue share a few rules and many
        days). The same days as ``apply``."""
        return _landing(self)

    def function(self) -> Callable[[date], date]:
        """``apply`` as one function made for this rule: one call where ``apply`` makes three (a record runs
        its rule for each State's consent). The same days as ``apply`` (tests/engine/test_fast_paths.py)."""
        count, unit = self.period.count, self.period.unit
        following = self.alignment is Alignment.FIRST_DAY_OF_FOLLOWING_MONTH
        if unit == "days":
            delta = timedelta(days=count)

            def after_days(d: date) -> date:
                end = d + delta
                if not following:
                    return end
                return date(end.year + 1, 1, 1) if end.month == 12 else date(end.year, end.month + 1, 1)

            return after_days
        months = count if unit == "months" else 12 * count

        def after_months(d: date) -> date:
            year, month = divmod(d.year * 12 + d.month - 1 + months, 12)
            if following:  # the first day of the month after the one the period ends in
                return date(year + 1, 1, 1) if month == 11 else date(year, month + 2, 1)
            month += 1
            last = 29 if month == 2 and calendar.isleap(year) else _MONTH_DAYS[month]
            return date(year, month, min(d.day, last))

        return after_months

    def describe(self) -> str:
        if self.alignment is Alignment.SAME_DAY:
            return f"{self.period} after"
        return f"first day of the month following {self.period} after"


@lru_cache(maxsize=64)
def _landing(rule: Rule) -> Callable[[date], Span]:
    apply = rule.function()

    @lru_cache(maxsize=65536)
    def landing(d: date) -> Span:
        end = apply(d)
        return Span(end, end)

    return landing


def apply_period(d: date, period: Period, alignment: Alignment) -> date:
    end = period.after(d)
    if alignment is Alignment.SAME_DAY:
        return end
    if end.month == 12:
        return date(end.year + 1, 1, 1)
    return date(end.year, end.month + 1, 1)
