"""Partial dates, spans and the period arithmetic of treaty clauses (engine/dates.py)."""

from __future__ import annotations

from datetime import date

import pytest

from treatywatch.engine import Alignment, DateError, PartialDate, Period, Precision, Rule, Span, Tri

ICRMW_RULE = Rule(Period(3, "months"), Alignment.FIRST_DAY_OF_FOLLOWING_MONTH)
"""Art. 87: "on the first day of the month following a period of three months after the date of the deposit"."""


# -------------------------------------------------------------------------------------------------------------
# parsing


@pytest.mark.parametrize(
    ("text", "precision", "earliest", "latest"),
    [
        ("2016", Precision.YEAR, date(2016, 1, 1), date(2016, 12, 31)),
        ("2024-11", Precision.MONTH, date(2024, 11, 1), date(2024, 11, 30)),
        ("2024-02", Precision.MONTH, date(2024, 2, 1), date(2024, 2, 29)),
        ("2023-02", Precision.MONTH, date(2023, 2, 1), date(2023, 2, 28)),
        ("2003-03-14", Precision.DAY, date(2003, 3, 14), date(2003, 3, 14)),
        ("../2014-10-26", Precision.INTERVAL, date.min, date(2014, 10, 26)),
        ("2003-03-14/2014-10-26", Precision.INTERVAL, date(2003, 3, 14), date(2014, 10, 26)),
        ("2003/2014-10", Precision.INTERVAL, date(2003, 1, 1), date(2014, 10, 31)),
    ],
)
def test_record_dates_parse_with_their_precision_span_and_original_text(text, precision, earliest, latest):
    parsed = PartialDate.parse(text)
    assert parsed.precision is precision
    assert parsed.span == Span(earliest, latest)
    assert parsed.text == text
    assert str(parsed) == text


def test_only_a_day_precision_date_is_exact():
    assert PartialDate.parse("2003-03-14").exact
    assert not PartialDate.parse("2016").exact
    assert not PartialDate.parse("2024-11").exact
    assert not PartialDate.parse("../2014-10-26").exact


def test_an_interval_with_an_open_start_is_marked_open():
    assert PartialDate.parse("../2014-10-26").open_start
    assert not PartialDate.parse("2003-03-14/2014-10-26").open_start
    assert not PartialDate.parse("2016").open_start


def test_surrounding_spaces_are_ignored_when_parsing():
    assert PartialDate.parse(" 2016-05 ").span == PartialDate.parse("2016-05").span


def test_a_date_made_from_a_day_is_exact_and_iso():
    parsed = PartialDate.of(date(2003, 7, 1))
    assert parsed == PartialDate.parse("2003-07-01")
    assert parsed.text == "2003-07-01"


@pytest.mark.parametrize(
    "text",
    ["2016-13", "2015-02-29", "14/03/2003", "", "2016-00", "2003-04-31", "2003-3-14", "March 2003", "2014-10-26/2003"],
)
def test_a_bad_date_raises_date_error_naming_the_date(text):
    with pytest.raises(DateError) as info:
        PartialDate.parse(text)
    assert repr(text) in str(info.value)


def test_an_interval_that_ends_before_it_starts_is_rejected():
    with pytest.raises(DateError, match="ends before it starts"):
        PartialDate.parse("2014-10-26/2003-03-14")


def test_date_error_is_a_value_error():
    with pytest.raises(ValueError):
        PartialDate.parse("2015-02-29")


def test_a_leap_day_is_a_valid_date():
    assert PartialDate.parse("2016-02-29").span == Span.day(date(2016, 2, 29))


# -------------------------------------------------------------------------------------------------------------
# spans


def test_a_span_of_one_day_is_exact_and_prints_as_that_day():
    span = Span.day(date(2003, 7, 1))
    assert span.exact
    assert span.iso() == "2003-07-01"
    assert str(span) == "2003-07-01"


def test_a_span_of_several_days_prints_as_an_edtf_interval():
    span = Span(date(2016, 5, 1), date(2017, 4, 1))
    assert not span.exact
    assert span.iso() == "2016-05-01/2017-04-01"


def test_a_span_has_happened_only_once_its_last_day_has_passed():
    span = Span(date(2016, 1, 1), date(2016, 12, 31))
    assert span.on_or_before(date(2015, 12, 31)) is Tri.NO
    assert span.on_or_before(date(2016, 1, 1)) is Tri.MAYBE
    assert span.on_or_before(date(2016, 12, 30)) is Tri.MAYBE
    assert span.on_or_before(date(2016, 12, 31)) is Tri.YES


def test_the_later_of_two_spans_takes_the_later_end_on_each_side():
    a = Span(date(2000, 1, 1), date(2000, 6, 1))
    b = Span(date(2000, 3, 1), date(2000, 4, 1))
    assert a.later(b) == Span(date(2000, 3, 1), date(2000, 6, 1))
    assert b.later(a) == a.later(b)


def test_clamping_a_span_drops_the_days_before_the_floor():
    span = PartialDate.parse("../2014-10-26").span
    assert span.clamp_start(date(2003, 3, 14)) == Span(date(2003, 3, 14), date(2014, 10, 26))


def test_clamping_a_span_to_a_floor_after_it_keeps_only_its_last_day():
    span = Span(date(2000, 1, 1), date(2000, 1, 31))
    assert span.clamp_start(date(2001, 1, 1)) == Span.day(date(2000, 1, 31))


def test_shifting_a_span_by_a_period_shifts_both_ends():
    span = Span(date(2016, 5, 1), date(2017, 4, 1))
    assert span.after(Period(1, "years")) == Span(date(2017, 5, 1), date(2018, 4, 1))


# -------------------------------------------------------------------------------------------------------------
# periods and rules


@pytest.mark.parametrize(
    ("text", "period"),
    [
        ("30 days", Period(30, "days")),
        ("3 months", Period(3, "months")),
        ("1 month", Period(1, "months")),
        ("5 years", Period(5, "years")),
        ("1 year", Period(1, "years")),
    ],
)
def test_a_period_parses_from_its_words(text, period):
    assert Period.parse(text) == period


@pytest.mark.parametrize("text", ["three months", "3 weeks", "3", "months 3", "-3 months", "3 months later", ""])
def test_a_bad_period_is_rejected_naming_it(text):
    with pytest.raises(ValueError) as info:
        Period.parse(text)
    assert repr(text) in str(info.value)


def test_a_period_prints_as_count_and_unit():
    assert str(Period(12, "months")) == "12 months"


@pytest.mark.parametrize(
    ("start", "period", "end"),
    [
        (date(1968, 12, 5), Period(30, "days"), date(1969, 1, 4)),
        (date(1975, 10, 3), Period(3, "months"), date(1976, 1, 3)),
        (date(2003, 11, 30), Period(3, "months"), date(2004, 2, 29)),
        (date(2024, 11, 30), Period(3, "months"), date(2025, 2, 28)),
        (date(2016, 2, 29), Period(5, "years"), date(2021, 2, 28)),
    ],
)
def test_a_period_after_a_day_follows_the_calendar_and_clips_to_month_ends(start, period, end):
    assert period.after(start) == end


def test_the_icrmw_rule_lands_on_the_first_of_the_month_following_three_months():
    # 14 March 2003 + 3 months = 14 June 2003 -> first day of the following month = 1 July 2003 (art. 87(1)).
    assert ICRMW_RULE.apply(date(2003, 3, 14)) == date(2003, 7, 1)


def test_the_icrmw_rule_wraps_into_the_next_year_from_a_september_deposit():
    # 26 September 2023 + 3 months = 26 December 2023 -> 1 January 2024 (Cote d'Ivoire).
    assert ICRMW_RULE.apply(date(2023, 9, 26)) == date(2024, 1, 1)


def test_a_same_day_rule_lands_on_the_day_the_period_ends():
    assert Rule(Period(30, "days"), Alignment.SAME_DAY).apply(date(1990, 8, 3)) == date(1990, 9, 2)


def test_a_rule_describes_itself_in_words():
    assert Rule(Period(30, "days"), Alignment.SAME_DAY).describe() == "30 days after"
    assert ICRMW_RULE.describe() == "first day of the month following 3 months after"


def test_a_rule_applied_to_a_year_gives_the_span_from_its_first_to_its_last_day():
    # Venezuela ratified in "2016": 1 Jan + 3 months = 1 Apr -> 1 May 2016; 31 Dec + 3 months = 31 Mar -> 1 Apr 2017.
    assert PartialDate.parse("2016").span.map(ICRMW_RULE) == Span(date(2016, 5, 1), date(2017, 4, 1))


def test_a_rule_applied_to_a_month_may_give_one_exact_day():
    # Zimbabwe acceded in "2024-11": 1 Nov + 3 months = 1 Feb -> 1 Mar 2025; 30 Nov + 3 months = 28 Feb -> 1 Mar 2025.
    span = PartialDate.parse("2024-11").span.map(ICRMW_RULE)
    assert span == Span.day(date(2025, 3, 1))
    assert span.exact
