"""The ratification matrix in words: each cell a symbol and a year to see, a sentence for screen readers.

A matrix of about 200 States by 18 instruments has 3,600 cells: their HTML is built here, not by the template
engine; each distinct cell (position, date, certainty) is formatted once per page, and each day once per language
and process, since babel's formatting is the costly part of building the page.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from html import escape

from babel.dates import format_date
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import ngettext

from treatywatch.engine import Span, Treaty
from treatywatch.engine.matrix import CORE_TREATIES, Cell, Matrix, Row

from .context import PageContext
from .formatting import (
    When,
    babel_locale,
    data_language,
    day_text,
    month_in_sentence,
    number,
    state_name,
    whole_month,
    whole_year,
    year_text,
)
from .labels import position_sentences

__all__ = [
    "SYMBOLS",
    "Column",
    "HtmlRow",
    "Words",
    "columns",
    "html_rows",
    "matrix_csv",
    "record_dates",
    "stale_notice",
    "targets_csv",
]

SYMBOLS = {"party": "●", "contracting": "◐", "signatory": "○", "withdrawn": "×"}
"""The symbol of each position; the legend names them, and each cell carries its sentence for screen readers."""
_CLASSES = {"party": "p", "contracting": "c", "signatory": "s", "withdrawn": "w"}


@lru_cache(maxsize=32768)
def _long_date(locale: str, d: date) -> str:
    """``formatting.day_text`` of a day for a babel locale, kept across pages (a few thousand distinct days)."""
    return str(format_date(d, format="long", locale=locale))


class Words:
    """Dates, numbers and sentences in the page language, each formatted once: a page has some 3,600 cells but
    only a few hundred distinct dates, and babel's formatting is the costly part of building it."""

    def __init__(self) -> None:
        self._locale = babel_locale()
        self._whens: dict[Span, When] = {}
        self._years: dict[int, str] = {}
        self._numbers: dict[int, str] = {}
        self._cells: dict[Cell, SafeString] = {}
        self._sentences = position_sentences()

    def day(self, d: date) -> str:
        return _long_date(self._locale, d)

    def number(self, n: int) -> str:
        found = self._numbers.get(n)
        if found is None:
            found = self._numbers[n] = number(n)
        return found

    def when(self, span: Span) -> When:
        """``formatting.when_span``: a day; a month or a year when the record gives only that; else the range of
        possible days."""
        found = self._whens.get(span)
        if found is None:
            if span.exact:
                found = When("day", {"date": self.day(span.earliest)})
            elif whole_year(span):
                found = When("year", {"date": self.year(span.earliest.year)})
            elif whole_month(span):
                found = When("month", {"date": month_in_sentence(span.earliest)})
            else:
                found = When("between", {"start": self.day(span.earliest), "end": self.day(span.latest)})
            self._whens[span] = found
        return found

    def year(self, year: int) -> str:
        found = self._years.get(year)
        if found is None:
            found = self._years[year] = year_text(year)
        return found

    def years(self, span: Span) -> str:
        """The year to see in the cell: one year, or the first and last possible years."""
        first, last = span.earliest.year, span.latest.year
        return self.year(first) if first == last else f"{self.year(first)}–{self.year(last)}"

    def sentence(self, cell: Cell) -> str:
        """The position in one phrase with its date, as the State page says it."""
        if cell.since is None or cell.position not in self._sentences:
            return ""
        when = self.when(cell.since)
        forms = self._sentences[cell.position]
        return forms[when.form] % when.values if when.form in forms else ""

    def cell(self, cell: Cell) -> SafeString:
        """``<td>`` of one cell: empty for none; else the symbol and the year (hidden from screen readers, a
        question mark when a partial date leaves it uncertain) and the sentence (for screen readers only)."""
        found = self._cells.get(cell)
        if found is None:
            if cell.since is None or cell.position not in SYMBOLS:
                found = SafeString("<td></td>")
            else:
                visible = f"{SYMBOLS[cell.position]}\u00a0{self.years(cell.since)}{'?' if cell.uncertain else ''}"
                found = mark_safe(  # noqa: S308  # nosec B308 B703 - every part is escaped
                    f'<td class="{_CLASSES[cell.position]}"><span aria-hidden="true">{escape(visible)}</span>'
                    f'<span class="vh">{escape(self.sentence(cell))}</span></td>'
                )
            self._cells[cell] = found
        return found


@dataclass(frozen=True, slots=True)
class Column:
    id: str
    title: str
    url: str
    core: bool
    record_as_of: str
    """The day the record of this instrument was last checked, in words; "" when it is kept current."""
    record_as_of_iso: str
    bound: str
    """How many of the rows are bound by it."""


def columns(ctx: PageContext, grid: Matrix) -> list[Column]:
    lang = data_language()
    totals = grid.bound_totals()
    return [
        Column(
            t.id,
            t.title(lang),
            ctx.treaty_url(t.id),
            t.id in CORE_TREATIES,
            day_text(t.record_as_of) if t.record_as_of else "",
            t.record_as_of.isoformat() if t.record_as_of else "",
            number(total),
        )
        for t, total in zip(grid.instruments, totals, strict=True)
    ]


@dataclass(frozen=True, slots=True)
class HtmlRow:
    code: str
    name: str
    url: str
    core_count: str
    bound_count: str
    cells: SafeString


def html_rows(ctx: PageContext, grid: Matrix) -> list[HtmlRow]:
    words = Words()
    out = []
    for row in grid.rows:
        out.append(
            HtmlRow(
                row.state.code,
                state_name(row.state),
                ctx.state_url(row.state),
                words.number(row.core_count),
                words.number(row.bound_count),
                mark_safe("".join(words.cell(c) for c in row.cells)),  # noqa: S308  # nosec B308 B703 - cells escape their parts
            )
        )
    return out


def record_dates(instruments: tuple[Treaty, ...]) -> tuple[date, date] | None:
    """The first and last days on which the records not kept current were checked."""
    days = sorted(t.record_as_of for t in instruments if t.record_as_of is not None)
    return (days[0], days[-1]) if days else None


def stale_notice(instruments: tuple[Treaty, ...]) -> str:
    """Says that the records of the instruments not kept current stop on the day they were checked."""
    dates = record_dates(instruments)
    if dates is None:
        return ""
    first, last = dates
    count = sum(1 for t in instruments if t.record_as_of is not None)
    values = {"count": number(count), "first": day_text(first), "last": day_text(last)}
    if first == last:
        return (
            ngettext(
                "The record of %(count)s instrument is as of %(first)s, when the United Nations' status table was "
                "last copied: later actions under it are not shown.",
                "The records of %(count)s instruments are as of %(first)s, when the United Nations' status tables "
                "were last copied: later actions under them are not shown.",
                count,
            )
            % values
        )
    return (
        ngettext(
            "The record of %(count)s instrument is as of a day between %(first)s and %(last)s, when the United "
            "Nations' status table was last copied: later actions under it are not shown.",
            "The records of %(count)s instruments are as of days between %(first)s and %(last)s, when the United "
            "Nations' status tables were last copied: later actions under them are not shown.",
            count,
        )
        % values
    )


def _csv(header: list[str], body: list[list[str]]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(header)
    writer.writerows(body)
    return out.getvalue()


def matrix_csv(grid: Matrix) -> str:
    """One row per State; per instrument its position, the date the position dates from (ISO, or the EDTF
    interval of possible days), and the day its record was last checked (empty when kept current)."""
    lang = data_language()
    header = ["code", "m49", "name", "region", "core_count", "bound_count"]
    for t in grid.instruments:
        header += [t.id, f"{t.id}_date", f"{t.id}_record_as_of"]
    body = []
    for row in grid.rows:
        line = [row.state.code, row.state.m49, row.state.name(lang), row.state.region, row.core_count, row.bound_count]
        for t, cell in zip(grid.instruments, row.cells, strict=True):
            record = t.record_as_of.isoformat() if t.record_as_of else ""
            line += [cell.position, cell.since.iso() if cell.since else "", record]
        body.append([str(v) for v in line])
    return _csv(header, body)


def targets_csv(grid: Matrix, rows: list[Row], migrant_workers: int) -> str:
    """The target list: each State, its core-treaty count, the core treaties it is bound by, and its position
    (with the date) under the Migrant Workers Convention."""
    lang = data_language()
    core = [(i, t) for i, t in enumerate(grid.instruments) if t.id in CORE_TREATIES]
    header = ["code", "m49", "name", "region", "core_count", "core_bound", "icrmw_position", "icrmw_date"]
    body = []
    for row in rows:
        cell = row.cells[migrant_workers]
        bound = ";".join(t.id for i, t in core if row.cells[i].bound)
        since = cell.since.iso() if cell.since else ""
        state = row.state
        body.append(
            [state.code, state.m49, state.name(lang), state.region, str(row.core_count), bound, cell.position, since]
        )
    return _csv(header, body)
