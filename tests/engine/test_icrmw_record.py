"""The real ICRMW record (data/records/ICRMW.csv) under the real definition: the figures the UN published."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from treatywatch.engine import ActionKind, Span

D = date.fromisoformat
NOW = date(2025, 6, 1)
"""A fixed day after the last action of the record (Zimbabwe, November 2024, in force 1 March 2025)."""


def _procedure(status, ident):
    return next(p for p in status.procedures if p.id == ident)


# -------------------------------------------------------------------------------------------------------------
# the seed figure: GA resolution 54/158, operative paragraph 3


def test_on_17_december_1999_twelve_states_had_consented_and_eight_more_instruments_were_needed(icrmw):
    status = icrmw.status(D("1999-12-17"))
    assert status.contracting_states == 12
    assert status.contracting_states_uncertain == 0
    assert status.instruments_counted == 12
    assert status.instruments_needed == 8
    assert not status.in_force
    assert status.entry_into_force is None
    assert status.parties_in_force == 0
    assert status.committee_size is None


# -------------------------------------------------------------------------------------------------------------
# entry into force: art. 87(1)


def test_el_salvador_and_guatemala_deposited_the_twentieth_and_twenty_first_instruments_on_14_march_2003(icrmw):
    assert icrmw.status(D("2003-03-13")).instruments_counted == 19
    assert icrmw.status(D("2003-03-14")).instruments_counted == 21
    on_the_day = sorted(
        a.state for a in icrmw.actions if a.kind.is_consent and a.date.span == Span.day(D("2003-03-14"))
    )
    assert on_the_day == ["GTM", "SLV"]


def test_the_convention_entered_into_force_on_1_july_2003(icrmw):
    assert icrmw.entry_into_force == Span.day(D("2003-07-01"))
    assert not icrmw.status(D("2003-06-30")).in_force
    assert icrmw.status(D("2003-07-01")).in_force


def test_the_entry_into_force_date_is_known_from_the_threshold_instrument(icrmw):
    status = icrmw.status(D("2003-03-14"))
    assert status.threshold_reached == Span.day(D("2003-03-14"))
    assert status.entry_into_force == Span.day(D("2003-07-01"))
    assert not status.in_force


def test_mali_which_acceded_between_the_twentieth_instrument_and_entry_into_force_is_bound_from_1_july_2003(icrmw):
    # Art. 87(2) covers States acceding "after its entry into force"; Mali acceded on 5 June 2003.
    (term,) = icrmw.terms["MLI"]
    assert term.consent_span == Span.day(D("2003-06-05"))
    assert term.entry_into_force == Span.day(D("2003-07-01"))


def test_every_state_that_consented_before_1_july_2003_is_bound_from_that_day(icrmw):
    early = [t[0] for t in icrmw.terms.values() if t[0].consent_span.latest < D("2003-07-01")]
    assert len(early) == 22
    assert {t.entry_into_force for t in early} == {Span.day(D("2003-07-01"))}
    assert icrmw.status(D("2003-07-01")).parties_in_force == 22


@pytest.mark.parametrize(
    ("code", "consent", "entry_into_force"),
    [
        ("CIV", "2023-09-26", "2024-01-01"),
        ("BFA", "2003-11-26", "2004-03-01"),
        ("ARG", "2007-02-23", "2007-06-01"),
        ("MWI", "2022-09-23", "2023-01-01"),
    ],
)
def test_a_later_state_is_bound_from_the_first_of_the_month_after_three_months(icrmw, code, consent, entry_into_force):
    (term,) = icrmw.terms[code]
    assert term.consent.date.text == consent
    assert term.entry_into_force == Span.day(D(entry_into_force))


# -------------------------------------------------------------------------------------------------------------
# partial dates in the real record


def test_venezuela_ratified_in_2016_and_is_bound_from_a_span_not_an_invented_day(icrmw):
    (term,) = icrmw.terms["VEN"]
    assert term.consent.date.text == "2016"
    assert term.entry_into_force == Span(D("2016-05-01"), D("2017-04-01"))
    assert term.entry_into_force.iso() == "2016-05-01/2017-04-01"


def test_zimbabwe_acceded_in_november_2024_and_is_bound_from_1_march_2025(icrmw):
    # 1 Nov 2024 + 3 months = 1 Feb 2025 -> 1 Mar 2025; 30 Nov 2024 + 3 months = 28 Feb 2025 -> 1 Mar 2025: the span
    # of possible days collapses to one exact day.
    (term,) = icrmw.terms["ZWE"]
    assert term.consent.date.text == "2024-11"
    assert term.entry_into_force == Span.day(D("2025-03-01"))
    assert term.entry_into_force.exact


@pytest.mark.parametrize(
    ("code", "entry_into_force"),
    [("STP", Span(D("2017-05-01"), D("2018-04-01"))), ("TGO", Span(D("2020-05-01"), D("2021-04-01")))],
)
def test_sao_tome_and_togo_known_only_to_the_year_are_bound_from_a_span(icrmw, code, entry_into_force):
    assert icrmw.terms[code][0].entry_into_force == entry_into_force


def test_on_1_june_2016_venezuela_counts_as_uncertain_and_not_certain(icrmw):
    status = icrmw.status(D("2016-06-01"))
    assert status.contracting_states == 48
    assert status.contracting_states_uncertain == 1
    assert status.parties_in_force_uncertain == 1
    position, uncertain = icrmw.position("VEN", D("2016-06-01"))
    assert uncertain
    assert position in ("party", "contracting")
    assert icrmw.status(D("2017-01-01")).contracting_states == 49


def test_before_its_year_venezuela_is_a_signatory_and_after_it_a_certain_party(icrmw):
    assert icrmw.position("VEN", D("2015-12-31")) == ("signatory", False)
    assert icrmw.position("VEN", D("2017-04-01")) == ("party", False)


def test_the_reports_of_a_state_known_only_to_the_year_are_due_in_spans(icrmw):
    initial = icrmw.obligations(NOW, "VEN")[0]
    assert initial.label == "initial"
    assert initial.due == Span(D("2017-05-01"), D("2018-04-01"))


def test_zimbabwes_initial_report_is_due_on_1_march_2026(icrmw):
    (initial,) = icrmw.obligations(NOW, "ZWE")
    assert initial.due == Span.day(D("2026-03-01"))
    assert not initial.overdue_if_missing


def test_a_state_known_only_to_the_year_may_denounce_from_a_span_of_days(icrmw):
    assert icrmw.history("VEN", NOW).denunciation_possible_from == Span(D("2021-05-01"), D("2022-04-01"))
    assert icrmw.history("SLV", NOW).denunciation_possible_from == Span.day(D("2008-07-01"))


# -------------------------------------------------------------------------------------------------------------
# today


@pytest.mark.parametrize("day", [NOW, date.today()], ids=["2025-06-01", "today"])
def test_today_sixty_states_are_parties_and_fourteen_members_sit_on_the_committee(icrmw, day):
    status = icrmw.status(day)
    assert status.contracting_states == 60
    assert status.contracting_states_uncertain == 0
    assert status.parties_in_force == 60
    assert status.in_force
    assert status.entry_into_force == Span.day(D("2003-07-01"))
    assert status.committee_size == 14
    assert status.signatories == 40
    assert status.instruments_needed == 0


def test_the_committee_had_ten_members_until_entry_into_force_for_the_forty_first_state_party(icrmw):
    in_force = sorted(t[0].entry_into_force.latest for t in icrmw.terms.values())
    forty_first = in_force[40]
    assert icrmw.committee_size(forty_first - timedelta(days=1)) == 10
    assert icrmw.committee_size(forty_first) == 14


def test_the_participants_table_has_the_seventy_one_states_and_no_others(icrmw):
    rows = icrmw.participants(NOW)
    assert len(rows) == 71
    positions = [r.position for r in rows]
    assert positions.count("party") == 60
    assert positions.count("signatory") == 11
    assert not any(r.uncertain for r in rows)


def test_the_participants_table_is_in_the_order_of_the_english_names(icrmw, states):
    names = [states.get(r.state).name("en") for r in icrmw.participants(NOW)]
    assert names == sorted(names)


def test_each_participant_row_carries_its_signature_consent_and_entry_into_force(icrmw):
    row = next(r for r in icrmw.participants(NOW) if r.state == "MEX")
    assert row.signature is not None and row.signature.date.text == "1991-05-22"
    assert row.consent is not None and row.consent.kind is ActionKind.RATIFICATION
    assert row.entry_into_force == Span.day(D("2003-07-01"))
    assert [d.article for d in row.declarations] == ["77"]


def test_a_state_that_has_not_acted_yet_is_not_in_the_participants_table(icrmw):
    assert "ZWE" not in {r.state for r in icrmw.participants(D("2024-10-31"))}
    assert "ZWE" in {r.state for r in icrmw.participants(D("2024-11-30"))}


def test_the_history_of_a_state_lists_its_actions_oldest_first_and_its_reports(icrmw):
    history = icrmw.history("SLV", NOW)
    assert history.position == "party"
    assert sorted(a.article for a in history.actions if a.kind is ActionKind.DECLARATION) == ["76", "77", "92"]
    assert [a.kind for a in history.actions if a.kind is not ActionKind.DECLARATION] == [
        ActionKind.SIGNATURE,
        ActionKind.RATIFICATION,
    ]
    assert [d.due for d in history.dues][:3] == [
        Span.day(D("2004-07-01")),
        Span.day(D("2009-07-01")),
        Span.day(D("2014-07-01")),
    ]


# -------------------------------------------------------------------------------------------------------------
# optional procedures: arts. 76 and 77 in the real record


def test_two_states_declared_under_article_76_and_four_under_article_77_as_of_the_2014_text(icrmw):
    status = icrmw.status(NOW)
    art76, art77 = _procedure(status, "art76"), _procedure(status, "art77")
    assert (art76.declarations, art76.declarations_uncertain, art76.operative) == (2, 0, False)
    assert (art77.declarations, art77.declarations_uncertain, art77.operative) == (4, 0, False)
    assert sorted(art76.declarants) == ["GTM", "SLV"]
    assert sorted(art77.declarants) == ["GTM", "MEX", "SLV", "URY"]
    assert art77.operative_since is None


def test_the_undated_declarations_count_as_uncertain_before_26_october_2014(icrmw):
    status = icrmw.status(D("2014-10-25"))
    art76, art77 = _procedure(status, "art76"), _procedure(status, "art77")
    assert (art76.declarations, art76.declarations_uncertain) == (0, 2)
    assert (art77.declarations, art77.declarations_uncertain) == (0, 4)
    assert not art77.operative


def test_an_undated_declaration_is_not_counted_before_its_declarant_consented(icrmw):
    # Uruguay acceded on 15 February 2001; Mexico ratified on 8 March 1999.
    art77 = _procedure(icrmw.status(D("2000-01-01")), "art77")
    assert art77.declarations_uncertain == 1


# -------------------------------------------------------------------------------------------------------------
# the timeline


def test_the_timeline_starts_with_mexicos_signature_and_ends_with_sixty_parties(icrmw):
    points = icrmw.timeline()
    assert points[0].day == D("1991-05-22")
    assert (points[0].contracting_states, points[0].signatories_not_bound) == (0, 1)
    assert points[-1].contracting_states == 60
    assert points[-1].parties_in_force == 60


def test_the_timeline_is_in_force_from_1_july_2003_and_needs_no_instrument_after_14_march_2003(icrmw):
    points = {p.day: p for p in icrmw.timeline()}
    assert not points[D("2003-03-14")].in_force
    assert points[D("2003-03-14")].instruments_needed == 0
    assert points[D("2003-07-01")].in_force
    assert points[D("2003-07-01")].parties_in_force == 22


def test_each_timeline_point_agrees_with_the_status_of_its_day(icrmw):
    for point in icrmw.timeline():
        status = icrmw.status(point.day)
        assert (point.contracting_states, point.parties_in_force, point.instruments_needed) == (
            status.contracting_states,
            status.parties_in_force,
            status.instruments_needed,
        )


def test_a_timeline_until_a_day_stops_at_that_day(icrmw):
    points = icrmw.timeline(D("1999-12-17"))
    assert points[-1].day <= D("1999-12-17")
    assert points[-1].contracting_states == 12
    assert points[-1].instruments_needed == 8
