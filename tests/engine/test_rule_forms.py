"""Every rule form, stated as data and checked on synthetic ledgers.

The other core treaties' entry-into-force clauses (shared/reference/core_treaties_eif.csv) are built with
``Treaty.from_mapping`` and no code; each ledger has N instruments by real Member States with the N-th on the
real threshold day, and the engine must give the real entry-into-force date. The rest of the ICRMW's rules
(later States, denunciation, Committee, reporting, optional procedures) run on synthetic ledgers of the real
ICRMW definition.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

import pytest

from treatywatch.engine import Alignment, EnlargementTrigger, LaterStates, LedgerError, Period, Rule, Span, Treaty

D = date.fromisoformat

# (id, N, delay, align, opened, threshold instrument, entry into force) from core_treaties_eif.csv
RULE_FORMS = [
    ("ICERD", 27, "30 days", "same_day", "1966-03-07", "1968-12-05", "1969-01-04"),
    ("ICESCR", 35, "3 months", "same_day", "1966-12-16", "1975-10-03", "1976-01-03"),
    ("ICCPR", 35, "3 months", "same_day", "1966-12-16", "1975-12-23", "1976-03-23"),
    ("ICCPR-OP2", 10, "3 months", "same_day", "1989-12-15", "1991-04-11", "1991-07-11"),
    ("CEDAW", 20, "30 days", "same_day", "1979-12-18", "1981-08-04", "1981-09-03"),
    ("OP-CEDAW", 10, "3 months", "same_day", "1999-10-06", "2000-09-22", "2000-12-22"),
    ("CAT", 20, "30 days", "same_day", "1984-12-10", "1987-05-27", "1987-06-26"),
    ("OPCAT", 20, "30 days", "same_day", "2002-12-18", "2006-05-23", "2006-06-22"),
    ("CRC", 20, "30 days", "same_day", "1989-11-20", "1990-08-03", "1990-09-02"),
    ("CRC-OPAC", 10, "3 months", "same_day", "2000-05-25", "2001-11-12", "2002-02-12"),
    ("CRC-OPSC", 10, "3 months", "same_day", "2000-05-25", "2001-10-18", "2002-01-18"),
    ("CRC-OPIC", 10, "3 months", "same_day", "2011-12-19", "2014-01-14", "2014-04-14"),
    ("ICRMW", 20, "3 months", "first_day_of_following_month", "1990-12-18", "2003-03-14", "2003-07-01"),
    ("CRPD", 20, "30 days", "same_day", "2006-12-13", "2008-04-03", "2008-05-03"),
    ("CED", 20, "30 days", "same_day", "2006-12-20", "2010-11-23", "2010-12-23"),
    ("ICESCR-OP", 10, "3 months", "same_day", "2008-12-10", "2013-02-05", "2013-05-05"),
]


def _definition(treaty_mapping, ident, n, delay, align="same_day", opened="1966-01-01", **extra):
    return treaty_mapping(
        id=ident,
        adopted=opened,
        opened=opened,
        entry_into_force={
            "article": "1",
            "threshold": n,
            "counts": ["ratification", "accession", "succession"],
            "delay": delay,
            "align": align,
            **extra,
        },
    )


@pytest.fixture
def rule_form(treaty_mapping, make_record, instruments):
    """``rule_form(form, extra=[], later_states=...)`` -> the record of the form's synthetic ledger."""

    def build(form, extra=(), **eif):
        ident, n, delay, align, opened, threshold, _ = form
        treaty = Treaty.from_mapping(_definition(treaty_mapping, ident, n, delay, align, opened, **eif))
        return make_record(treaty, instruments(n, D(threshold), treaty=ident) + list(extra))

    return build


# -------------------------------------------------------------------------------------------------------------
# entry into force of the treaty: each core treaty's clause as data


@pytest.mark.parametrize("form", RULE_FORMS, ids=[f[0] for f in RULE_FORMS])
def test_each_core_treatys_rule_gives_its_real_entry_into_force_date(rule_form, form):
    record = rule_form(form)
    assert record.entry_into_force == Span.day(D(form[6]))


@pytest.mark.parametrize("form", RULE_FORMS, ids=[f[0] for f in RULE_FORMS])
def test_the_treaty_is_in_force_from_its_date_and_not_the_day_before(rule_form, form):
    record = rule_form(form)
    eif = D(form[6])
    before, on = record.status(eif - timedelta(days=1)), record.status(eif)
    assert not before.in_force
    assert before.parties_in_force == 0
    assert on.in_force
    assert on.parties_in_force == form[1]


@pytest.mark.parametrize("form", RULE_FORMS, ids=[f[0] for f in RULE_FORMS])
def test_one_instrument_is_needed_the_day_before_the_threshold_instrument_and_none_on_its_day(rule_form, form):
    record = rule_form(form)
    threshold = D(form[5])
    before, on = record.status(threshold - timedelta(days=1)), record.status(threshold)
    assert (before.instruments_needed, before.entry_into_force) == (1, None)
    assert on.instruments_needed == 0
    assert on.entry_into_force == Span.day(D(form[6]))
    assert on.threshold_reached == Span.day(threshold)


@pytest.mark.parametrize("form", RULE_FORMS, ids=[f[0] for f in RULE_FORMS])
def test_with_one_instrument_short_of_the_threshold_the_treaty_is_not_in_force(
    treaty_mapping, make_record, instruments, form
):
    ident, n, delay, align, opened, threshold, _ = form
    treaty = Treaty.from_mapping(_definition(treaty_mapping, ident, n, delay, align, opened))
    record = make_record(treaty, instruments(n, D(threshold), treaty=ident)[:-1])
    assert record.entry_into_force is None
    status = record.status(date(2029, 12, 31))
    assert not status.in_force
    assert status.instruments_needed == 1
    assert status.contracting_states == n - 1
    assert status.parties_in_force == 0


@pytest.mark.parametrize("form", RULE_FORMS, ids=[f[0] for f in RULE_FORMS])
def test_a_state_depositing_after_entry_into_force_runs_its_own_clock(rule_form, act, members, form):
    ident, _, delay, align, *_ = form
    deposit = D(form[6]) + timedelta(days=100)
    late = act(members[-1], "accession", deposit.isoformat(), treaty=ident)
    record = rule_form(form, [late])
    rule = Rule(Period.parse(delay), Alignment(align))
    (term,) = record.terms[members[-1]]
    assert term.entry_into_force == Span.day(rule.apply(deposit))


def test_instruments_deposited_on_the_threshold_day_all_count_toward_it(treaty_mapping, make_record, instruments):
    # OPCAT: Bolivia and Honduras deposited on 23 May 2006, the 19th and 20th instruments.
    treaty = Treaty.from_mapping(_definition(treaty_mapping, "OPCAT", 20, "30 days", opened="2002-12-18"))
    ledger = instruments(20, D("2006-05-23"), treaty="OPCAT")
    ledger[-2] = replace(ledger[-2], date=ledger[-1].date)
    record = make_record(treaty, ledger)
    assert record.status(D("2006-05-22")).instruments_needed == 2
    assert record.status(D("2006-05-23")).instruments_needed == 0
    assert record.entry_into_force == Span.day(D("2006-06-22"))


def test_only_the_kinds_of_instrument_the_clause_names_count_toward_the_threshold(
    treaty_mapping, make_record, instruments
):
    data = _definition(treaty_mapping, "TEST", 3, "30 days")
    data["entry_into_force"]["counts"] = ["ratification"]
    treaty = Treaty.from_mapping(data)
    record = make_record(treaty, instruments(3, D("1980-01-10")))  # accessions
    assert record.entry_into_force is None
    assert record.status(D("1990-01-01")).instruments_needed == 3
    assert record.status(D("1990-01-01")).contracting_states == 3


def test_a_succession_takes_effect_from_its_effective_date_and_not_before_the_treaty(
    treaty_mapping, make_record, instruments, act, members
):
    treaty = Treaty.from_mapping(_definition(treaty_mapping, "TEST", 3, "30 days"))
    ledger = instruments(3, D("1980-01-10"))  # in force 1980-02-09
    early = act("SVN", "succession", "1992-07-06", effective="1991-06-25")
    before = act("HRV", "succession", "1992-10-12", effective="1979-01-01")
    record = make_record(treaty, [*ledger, early, before])
    assert record.terms["SVN"][0].entry_into_force == Span.day(D("1991-06-25"))
    assert record.terms["HRV"][0].entry_into_force == Span.day(D("1980-02-09"))


# -------------------------------------------------------------------------------------------------------------
# the later-State clock: ICRMW art. 87(2) against CRC art. 49(2)


def test_under_icrmw_87_2_a_state_depositing_before_entry_into_force_is_bound_from_the_treatys_date(
    catalogue, make_record, instruments, act, members
):
    treaty = catalogue.treaty("ICRMW")
    assert treaty.entry_into_force.later_states is LaterStates.AFTER_ENTRY_INTO_FORCE
    between = act(members[-1], "accession", "2003-05-10", treaty="ICRMW")
    record = make_record(treaty, [*instruments(20, D("2003-03-14"), treaty="ICRMW"), between])
    assert record.entry_into_force == Span.day(D("2003-07-01"))
    assert record.terms[members[-1]][0].entry_into_force == Span.day(D("2003-07-01"))


def test_with_the_crc_clock_the_same_icrmw_deposit_runs_its_own_three_months(
    catalogue, treaty_mapping, make_record, instruments, act, members
):
    data = _definition(treaty_mapping, "ICRMW", 20, "3 months", "first_day_of_following_month", "1990-12-18") | {
        "titles": dict(catalogue.treaty("ICRMW").titles)
    }
    data["entry_into_force"]["later_states"] = "after_threshold_deposit"
    treaty = Treaty.from_mapping(data)
    between = act(members[-1], "accession", "2003-05-10", treaty="ICRMW")
    record = make_record(treaty, [*instruments(20, D("2003-03-14"), treaty="ICRMW"), between])
    # 10 May 2003 + 3 months = 10 August 2003 -> 1 September 2003
    assert record.terms[members[-1]][0].entry_into_force == Span.day(D("2003-09-01"))


def test_under_crc_49_2_a_state_depositing_after_the_twentieth_instrument_runs_its_own_thirty_days(
    rule_form, act, members
):
    crc = next(f for f in RULE_FORMS if f[0] == "CRC")
    between = act(members[-1], "ratification", "1990-08-20", treaty="CRC", note="test: no signature recorded")
    record = rule_form(crc, [between], later_states="after_threshold_deposit")
    assert record.entry_into_force == Span.day(D("1990-09-02"))
    assert record.terms[members[-1]][0].entry_into_force == Span.day(D("1990-09-19"))


def test_with_the_icrmw_clock_the_same_crc_deposit_is_bound_from_the_treatys_date(rule_form, act, members):
    crc = next(f for f in RULE_FORMS if f[0] == "CRC")
    between = act(members[-1], "accession", "1990-08-20", treaty="CRC")
    record = rule_form(crc, [between], later_states="after_entry_into_force")
    assert record.terms[members[-1]][0].entry_into_force == Span.day(D("1990-09-02"))


@pytest.mark.parametrize("clock", ["after_entry_into_force", "after_threshold_deposit"])
def test_a_state_depositing_on_the_threshold_day_is_bound_from_the_treatys_date_under_either_clock(
    rule_form, act, members, clock
):
    # CRC: Bangladesh, Benin and Sudan all deposited on 3 August 1990.
    crc = next(f for f in RULE_FORMS if f[0] == "CRC")
    same_day = act(members[-1], "accession", "1990-08-03", treaty="CRC")
    record = rule_form(crc, [same_day], later_states=clock)
    assert record.terms[members[-1]][0].entry_into_force == Span.day(D("1990-09-02"))


@pytest.mark.parametrize("clock", ["after_entry_into_force", "after_threshold_deposit"])
def test_a_state_depositing_after_entry_into_force_runs_its_own_clock_under_either_clock(
    rule_form, act, members, clock
):
    crc = next(f for f in RULE_FORMS if f[0] == "CRC")
    late = act(members[-1], "accession", "1990-10-01", treaty="CRC")
    record = rule_form(crc, [late], later_states=clock)
    assert record.terms[members[-1]][0].entry_into_force == Span.day(D("1990-10-31"))


def test_a_state_depositing_before_the_threshold_instrument_is_bound_from_the_treatys_date(rule_form):
    crc = next(f for f in RULE_FORMS if f[0] == "CRC")
    record = rule_form(crc, later_states="after_threshold_deposit")
    assert {t[0].entry_into_force for t in record.terms.values()} == {Span.day(D("1990-09-02"))}


# -------------------------------------------------------------------------------------------------------------
# protocols: never in force before the parent


@pytest.fixture
def covenant(treaty_mapping, make_record, instruments):
    def build(instruments_deposited=35):
        treaty = Treaty.from_mapping(_definition(treaty_mapping, "ICCPR", 35, "3 months", opened="1966-12-16"))
        return make_record(treaty, instruments(35, D("1975-12-23"), treaty="ICCPR")[:instruments_deposited])

    return build


@pytest.fixture
def optional_protocol(treaty_mapping, make_record, instruments, members):
    """ICCPR-OP1 (art. 9): three months after the tenth instrument, not before the Covenant is in force."""
    treaty = Treaty.from_mapping(
        _definition(treaty_mapping, "ICCPR-OP1", 10, "3 months", opened="1966-12-16") | {"parent": "ICCPR"}
    )

    def build(parent, extra=()):
        ledger = instruments(10, D("1973-12-12"), treaty="ICCPR-OP1", skip=members[:5])
        return make_record(treaty, ledger + list(extra), parent=parent)

    return build


def test_a_protocol_whose_threshold_precedes_its_parent_enters_into_force_with_the_parent(covenant, optional_protocol):
    parent = covenant()
    assert parent.entry_into_force == Span.day(D("1976-03-23"))
    record = optional_protocol(parent)
    # 10th instrument 12 December 1973 + 3 months = 12 March 1974, but the Covenant entered into force 23 March 1976.
    assert record.entry_into_force == Span.day(D("1976-03-23"))
    assert not record.status(D("1976-03-22")).in_force
    assert record.status(D("1976-03-23")).in_force
    assert {t[0].entry_into_force for t in record.terms.values()} == {Span.day(D("1976-03-23"))}


def test_a_protocol_date_is_not_known_before_the_parent_reaches_its_threshold(covenant, optional_protocol):
    record = optional_protocol(covenant())
    early = record.status(D("1975-01-01"))
    assert early.instruments_needed == 0
    assert early.entry_into_force is None
    assert not early.in_force
    assert record.status(D("1975-12-23")).entry_into_force == Span.day(D("1976-03-23"))


def test_a_state_joining_a_protocol_after_it_is_in_force_runs_its_own_clock(covenant, optional_protocol, act, members):
    late = act(members[-1], "accession", "1976-06-01", treaty="ICCPR-OP1")
    record = optional_protocol(covenant(), [late])
    assert record.terms[members[-1]][0].entry_into_force == Span.day(D("1976-09-01"))


def test_a_protocol_whose_parent_is_not_in_force_is_not_in_force(covenant, optional_protocol):
    record = optional_protocol(covenant(instruments_deposited=34))
    assert record.entry_into_force is None
    status = record.status(date(2029, 12, 31))
    assert not status.in_force
    assert status.instruments_needed == 0
    assert status.contracting_states == 10
    assert status.parties_in_force == 0
    assert {p.position for p in record.participants(date(2029, 12, 31))} == {"contracting"}


def test_a_protocol_without_its_parents_record_is_not_in_force(optional_protocol):
    record = optional_protocol(None)
    assert record.entry_into_force is None
    assert not record.status(date(2029, 12, 31)).in_force


def test_the_crpd_protocol_entered_into_force_with_the_convention_on_3_may_2008(
    treaty_mapping, make_record, instruments, members
):
    # OP-CRPD art. 13(1): thirtieth day after the tenth instrument (8 February 2008 -> 9 March 2008), subject to
    # the entry into force of the Convention (3 May 2008).
    parent_treaty = Treaty.from_mapping(_definition(treaty_mapping, "CRPD", 20, "30 days", opened="2006-12-13"))
    parent = make_record(parent_treaty, instruments(20, D("2008-04-03"), treaty="CRPD"))
    protocol = Treaty.from_mapping(
        _definition(treaty_mapping, "OP-CRPD", 10, "30 days", opened="2006-12-13") | {"parent": "CRPD"}
    )
    record = make_record(protocol, instruments(10, D("2008-02-08"), treaty="OP-CRPD"), parent=parent)
    assert record.entry_into_force == Span.day(D("2008-05-03"))
    assert not record.status(D("2008-03-09")).in_force


def test_a_protocol_whose_own_threshold_comes_after_its_parent_keeps_its_own_date(
    treaty_mapping, make_record, instruments, members
):
    # OP-CEDAW-like: parent CRPD in force 3 May 2008; a protocol whose 10th instrument is on 22 September 2008.
    parent_treaty = Treaty.from_mapping(_definition(treaty_mapping, "CRPD", 20, "30 days", opened="2006-12-13"))
    parent = make_record(parent_treaty, instruments(20, D("2008-04-03"), treaty="CRPD"))
    protocol = Treaty.from_mapping(
        _definition(treaty_mapping, "OP-CRPD", 10, "30 days", opened="2006-12-13") | {"parent": "CRPD"}
    )
    record = make_record(protocol, instruments(10, D("2008-09-22"), treaty="OP-CRPD"), parent=parent)
    assert record.entry_into_force == Span.day(D("2008-10-22"))


# -------------------------------------------------------------------------------------------------------------
# denunciation: ICRMW art. 89


@pytest.fixture
def icrmw_ledger(catalogue, make_record, instruments):
    """``icrmw_ledger(extra)`` -> a record of the real ICRMW definition: 20 accessions, the 20th on 14 March 2003
    (in force 1 July 2003), plus ``extra``."""
    treaty = catalogue.treaty("ICRMW")

    def build(extra=()):
        return make_record(treaty, instruments(20, D("2003-03-14"), treaty="ICRMW") + list(extra))

    return build


def test_a_denunciation_takes_effect_on_the_first_of_the_month_after_twelve_months(icrmw_ledger, act, members):
    # received 1 July 2008 (5 years after entry into force) + 12 months = 1 July 2009 -> 1 August 2009
    state = members[0]
    record = icrmw_ledger([act(state, "denunciation", "2008-07-01", treaty="ICRMW")])
    (term,) = record.terms[state]
    assert term.exit == Span.day(D("2009-08-01"))
    assert term.exit_reason == "denunciation"


def test_counts_drop_only_once_the_denunciation_takes_effect(icrmw_ledger, act, members):
    state = members[0]
    record = icrmw_ledger([act(state, "denunciation", "2008-07-01", treaty="ICRMW")])
    for day, count, position in [
        ("2008-07-01", 20, "party"),
        ("2009-07-31", 20, "party"),
        ("2009-08-01", 19, "withdrawn"),
    ]:
        status = record.status(D(day))
        assert (status.contracting_states, status.parties_in_force) == (count, count)
        assert record.position(state, D(day)) == (position, False)


def test_the_participants_table_shows_a_denunciation_and_when_it_takes_effect(icrmw_ledger, act, members):
    state = members[0]
    record = icrmw_ledger([act(state, "denunciation", "2008-07-01", treaty="ICRMW")])
    row = next(p for p in record.participants(D("2010-01-01")) if p.state == state)
    assert row.position == "withdrawn"
    assert row.denunciation is not None
    assert row.denunciation.date.text == "2008-07-01"
    assert row.withdrawal_effective == Span.day(D("2009-08-01"))
    before = next(p for p in record.participants(D("2008-06-30")) if p.state == state)
    assert before.denunciation is None


def test_a_denunciation_earlier_than_five_years_after_entry_into_force_for_the_state_is_rejected(
    icrmw_ledger, act, members
):
    with pytest.raises(LedgerError) as info:
        icrmw_ledger([act(members[0], "denunciation", "2008-06-30", treaty="ICRMW")])
    (problem,) = info.value.problems
    assert problem.field == "date"
    assert "too early" in problem.message
    assert "not before 2008-07-01" in problem.message
    assert "art. 89" in problem.message


def test_the_five_years_run_from_entry_into_force_for_the_state_and_not_for_the_treaty(icrmw_ledger, act, members):
    late = members[-1]
    accession = act(late, "accession", "2010-01-15", treaty="ICRMW")  # in force for it 1 May 2010
    with pytest.raises(LedgerError, match="not before 2015-05-01"):
        icrmw_ledger([accession, act(late, "denunciation", "2015-04-30", treaty="ICRMW")])
    record = icrmw_ledger([accession, act(late, "denunciation", "2015-05-01", treaty="ICRMW")])
    assert record.terms[late][0].exit == Span.day(D("2016-06-01"))


def test_the_history_says_from_when_a_state_may_denounce(icrmw_ledger):
    record = icrmw_ledger()
    code = next(iter(record.terms))
    assert record.history(code, D("2004-01-01")).denunciation_possible_from == Span.day(D("2008-07-01"))


def test_a_denunciation_by_a_state_that_is_not_a_party_is_rejected(icrmw_ledger, act, members):
    with pytest.raises(LedgerError) as info:
        icrmw_ledger([act(members[-1], "denunciation", "2010-01-01", treaty="ICRMW")])
    (problem,) = info.value.problems
    assert "which is not a party" in problem.message


def test_a_denunciation_before_the_treaty_is_in_force_for_the_state_is_rejected(
    treaty_mapping, make_record, instruments, act, members
):
    data = _definition(treaty_mapping, "TEST", 3, "30 days") | {"denunciation": {"article": "9", "delay": "12 months"}}
    ledger = [*instruments(2, D("1980-01-10")), act(members[0], "denunciation", "1985-01-01")]
    with pytest.raises(LedgerError, match="not yet in force for the State"):
        make_record(Treaty.from_mapping(data), ledger)


def test_a_denunciation_of_a_treaty_without_a_denunciation_clause_is_rejected(
    treaty_mapping, make_record, instruments, act, members
):
    ledger = [*instruments(3, D("1980-01-10")), act(members[0], "denunciation", "1990-01-01")]
    with pytest.raises(LedgerError, match="has no denunciation clause"):
        make_record(Treaty.from_mapping(_definition(treaty_mapping, "TEST", 3, "30 days")), ledger)


def test_a_state_may_accede_again_once_its_denunciation_has_taken_effect(icrmw_ledger, act, members):
    state = members[0]
    record = icrmw_ledger(
        [
            act(state, "denunciation", "2008-07-01", treaty="ICRMW"),
            act(state, "accession", "2011-01-10", treaty="ICRMW"),
        ]
    )
    first, second = record.terms[state]
    assert first.exit == Span.day(D("2009-08-01"))
    assert second.entry_into_force == Span.day(D("2011-05-01"))
    assert record.status(D("2010-01-01")).contracting_states == 19
    assert record.status(D("2011-01-10")).contracting_states == 20
    assert record.position(state, D("2011-01-10")) == ("contracting", False)
    assert record.position(state, D("2011-05-01")) == ("party", False)
    assert len(record.history(state, D("2012-01-01")).terms) == 2


def test_a_new_consent_before_the_denunciation_takes_effect_is_rejected_as_consent_twice(icrmw_ledger, act, members):
    # Engine fix: this used to open a second term beside the first, counting the State twice until 1 August 2009.
    state = members[0]
    with pytest.raises(LedgerError) as info:
        icrmw_ledger(
            [
                act(state, "denunciation", "2008-07-01", treaty="ICRMW"),
                act(state, "accession", "2009-01-10", treaty="ICRMW"),
            ]
        )
    (problem,) = info.value.problems
    assert "consent twice" in problem.message
    assert "2009-08-01" in problem.message


# -------------------------------------------------------------------------------------------------------------
# the Committee: ICRMW art. 72(1)(b)


def test_the_committee_has_no_size_before_entry_into_force_and_ten_members_at_it(icrmw_ledger):
    record = icrmw_ledger()
    assert record.committee_size(D("2003-03-14")) is None
    assert record.committee_size(D("2003-06-30")) is None
    assert record.committee_size(D("2003-07-01")) == 10
    assert record.status(D("2003-07-01")).committee_size == 10


def test_the_committee_grows_to_fourteen_after_entry_into_force_for_the_forty_first_state_party(
    icrmw_ledger, act, members
):
    # 21 more accessions, one on the 15th of each month from January 2004; the 41st State's instrument of
    # 15 September 2005 takes effect for it on 1 January 2006.
    later = [
        act(code, "accession", date(2004 + i // 12, 1 + i % 12, 15).isoformat(), treaty="ICRMW")
        for i, code in enumerate(members[20:41])
    ]
    record = icrmw_ledger(later)
    assert record.status(D("2005-09-15")).contracting_states == 41
    assert record.committee_size(D("2005-12-31")) == 10
    assert record.status(D("2005-12-31")).parties_in_force == 40
    assert record.committee_size(D("2006-01-01")) == 14
    assert record.status(D("2006-01-01")).committee_size == 14


def test_with_the_nth_consent_trigger_the_committee_grows_on_the_consent_and_not_its_entry_into_force(
    treaty_mapping, make_record, instruments, act, members
):
    # CEDAW art. 17(1): eighteen at entry into force, twenty-three after the thirty-fifth ratification or accession.
    data = _definition(treaty_mapping, "CEDAW", 20, "30 days", opened="1979-12-18") | {
        "committee": {
            "article": "17",
            "name": "Committee on the Elimination of Discrimination against Women",
            "initial_size": 18,
            "enlargements": [{"size": 23, "n": 35, "trigger": "nth_consent"}],
        }
    }
    treaty = Treaty.from_mapping(data)
    assert treaty.committee is not None
    assert treaty.committee.enlargements[0].trigger is EnlargementTrigger.NTH_CONSENT
    later = [
        act(code, "accession", (D("1982-02-15") + timedelta(days=i)).isoformat(), treaty="CEDAW")
        for i, code in enumerate(members[20:35])
    ]  # the 35th on 1 March 1982, in force for it 31 March 1982
    record = make_record(treaty, instruments(20, D("1981-08-04"), treaty="CEDAW") + later)
    assert record.committee_size(D("1981-09-02")) is None
    assert record.committee_size(D("1981-09-03")) == 18
    assert record.committee_size(D("1982-02-28")) == 18
    assert record.committee_size(D("1982-03-01")) == 23


def test_a_treaty_without_a_committee_has_no_committee_size(rule_form):
    record = rule_form(RULE_FORMS[0])
    assert record.committee_size(date(2029, 1, 1)) is None


# -------------------------------------------------------------------------------------------------------------
# reporting: ICRMW art. 73


def test_the_initial_report_is_due_one_year_after_entry_into_force_for_the_state_then_every_five_years(
    icrmw_ledger, members
):
    record = icrmw_ledger()
    dues = record.obligations(D("2010-01-01"), members[0])
    assert [(d.number, d.label, d.due, d.overdue_if_missing) for d in dues] == [
        (1, "initial", Span.day(D("2004-07-01")), True),
        (2, "periodic 1", Span.day(D("2009-07-01")), True),
        (3, "periodic 2", Span.day(D("2014-07-01")), False),
    ]


def test_reports_are_listed_up_to_the_day_asked_about_and_the_next_one(icrmw_ledger, members):
    record = icrmw_ledger()
    assert [d.number for d in record.obligations(D("2003-12-31"), members[0])] == [1]
    assert [d.number for d in record.obligations(D("2004-07-01"), members[0])] == [1, 2]
    assert len(record.obligations(D("2004-07-01"))) == 2 * 20


def test_a_report_is_past_its_due_date_only_after_the_due_day(icrmw_ledger, members):
    record = icrmw_ledger()
    assert not record.obligations(D("2004-07-01"), members[0])[0].overdue_if_missing
    assert record.obligations(D("2004-07-02"), members[0])[0].overdue_if_missing


def test_a_later_state_reports_on_its_own_clock(icrmw_ledger, act, members):
    record = icrmw_ledger([act(members[-1], "accession", "2010-01-15", treaty="ICRMW")])
    (initial,) = record.obligations(D("2010-06-01"), members[-1])
    assert initial.due == Span.day(D("2011-05-01"))


def test_a_partial_consent_date_gives_a_span_of_due_dates_and_never_an_invented_day(icrmw_ledger, act, members):
    record = icrmw_ledger([act(members[-1], "accession", "2016", treaty="ICRMW")])
    initial, periodic = record.obligations(D("2018-06-01"), members[-1])
    assert initial.due == Span(D("2017-05-01"), D("2018-04-01"))
    assert not initial.due.exact
    assert periodic.due == Span(D("2022-05-01"), D("2023-04-01"))


def test_no_report_is_listed_before_the_entry_into_force_date_is_known(icrmw_ledger):
    assert icrmw_ledger().obligations(D("2003-03-13")) == []


def test_once_the_date_is_known_each_initial_report_is_listed_and_none_is_past_due(icrmw_ledger):
    dues = icrmw_ledger().obligations(D("2003-05-01"))
    assert len(dues) == 20
    assert {(d.number, d.due, d.overdue_if_missing) for d in dues} == {(1, Span.day(D("2004-07-01")), False)}


def test_no_report_falls_due_after_a_denunciation_takes_effect(icrmw_ledger, act, members):
    state = members[0]
    record = icrmw_ledger([act(state, "denunciation", "2008-07-01", treaty="ICRMW")])
    # bound until 1 August 2009: the reports due on 1 July 2004 and 1 July 2009, none after
    dues = record.obligations(D("2020-01-01"), state)
    assert [d.due for d in dues] == [Span.day(D("2004-07-01")), Span.day(D("2009-07-01"))]


def test_a_treaty_without_a_reporting_article_has_no_reports_due(rule_form):
    record = rule_form(RULE_FORMS[0])
    assert record.obligations(date(2029, 1, 1)) == []


# -------------------------------------------------------------------------------------------------------------
# optional procedures: ICRMW arts. 76 and 77


def _declarations(act, codes, first_day, article="77"):
    return [
        act(code, "declaration", (first_day + timedelta(days=i)).isoformat(), treaty="ICRMW", article=article)
        for i, code in enumerate(codes)
    ]


def _procedure(status, ident):
    return next(p for p in status.procedures if p.id == ident)


def test_a_procedure_operates_once_ten_states_parties_have_declared(icrmw_ledger, act, members):
    record = icrmw_ledger(_declarations(act, members[:10], D("2005-01-01")))
    nine, ten = _procedure(record.status(D("2005-01-09")), "art77"), _procedure(record.status(D("2005-01-10")), "art77")
    assert (nine.declarations, nine.operative) == (9, False)
    assert (ten.declarations, ten.operative) == (10, True)
    assert ten.operative_since == Span.day(D("2005-01-10"))
    assert set(ten.declarants) == set(members[:10])
    assert _procedure(record.status(D("2005-01-10")), "art76").declarations == 0


def test_a_withdrawal_brings_the_procedure_back_under_ten(icrmw_ledger, act, members):
    withdrawal = act(members[3], "declaration_withdrawal", "2006-01-01", treaty="ICRMW", article="77")
    record = icrmw_ledger([*_declarations(act, members[:10], D("2005-01-01")), withdrawal])
    assert _procedure(record.status(D("2005-12-31")), "art77").operative
    after = _procedure(record.status(D("2006-01-01")), "art77")
    assert (after.declarations, after.operative) == (9, False)
    assert members[3] not in after.declarants


def test_a_declaration_stops_counting_when_the_declarants_denunciation_takes_effect(icrmw_ledger, act, members):
    denunciation = act(members[0], "denunciation", "2008-07-01", treaty="ICRMW")
    record = icrmw_ledger([*_declarations(act, members[:10], D("2005-01-01")), denunciation])
    assert _procedure(record.status(D("2009-07-31")), "art77").operative
    assert _procedure(record.status(D("2009-08-01")), "art77").declarations == 9


def test_declarations_made_before_entry_into_force_operate_only_from_entry_into_force(
    catalogue, make_record, instruments, act, members
):
    ledger = instruments(20, D("2003-03-14"), treaty="ICRMW") + _declarations(act, members[:10], D("2003-03-15"))
    record = make_record(catalogue.treaty("ICRMW"), ledger)
    before = _procedure(record.status(D("2003-06-30")), "art77")
    assert (before.declarations, before.operative, before.operative_since) == (10, False, None)
    # Engine fix: operative_since used to be the tenth declaration's day (24 March 2003), before entry into force.
    on = _procedure(record.status(D("2003-07-01")), "art77")
    assert (on.operative, on.operative_since) == (True, Span.day(D("2003-07-01")))


def test_after_a_withdrawal_the_procedure_operates_again_from_the_next_tenth_declaration(icrmw_ledger, act, members):
    # Engine fix: operative_since used to stay on the first tenth declaration's day, ignoring the withdrawal.
    withdrawal = act(members[0], "declaration_withdrawal", "2005-01-05", treaty="ICRMW", article="77")
    again = act(members[10], "declaration", "2006-01-01", treaty="ICRMW", article="77")
    record = icrmw_ledger([*_declarations(act, members[:10], D("2005-01-01")), withdrawal, again])
    assert not _procedure(record.status(D("2005-01-10")), "art77").operative
    after = _procedure(record.status(D("2007-01-01")), "art77")
    assert (after.declarations, after.operative, after.operative_since) == (10, True, Span.day(D("2006-01-01")))


def test_a_declaration_under_article_77_by_a_state_that_is_not_a_party_is_rejected(icrmw_ledger, act, members):
    with pytest.raises(LedgerError) as info:
        icrmw_ledger(_declarations(act, [members[-1]], D("2005-01-01")))
    (problem,) = info.value.problems
    assert problem.field == "state"
    assert "declaration under article 77" in problem.message
    assert "which is not a party" in problem.message


def test_a_declaration_before_the_declarants_own_consent_is_rejected(icrmw_ledger, act, members):
    late = members[-1]
    ledger = [act(late, "accession", "2010-01-01", treaty="ICRMW"), *_declarations(act, [late], D("2009-01-01"))]
    with pytest.raises(LedgerError, match="which is not a party"):
        icrmw_ledger(ledger)


def test_a_second_declaration_while_the_first_is_in_effect_is_rejected(icrmw_ledger, act, members):
    ledger = _declarations(act, [members[0]], D("2005-01-01")) + _declarations(act, [members[0]], D("2006-01-01"))
    with pytest.raises(LedgerError, match="already in effect"):
        icrmw_ledger(ledger)


def test_withdrawing_a_declaration_that_was_never_made_is_rejected(icrmw_ledger, act, members):
    withdrawal = act(members[0], "declaration_withdrawal", "2006-01-01", treaty="ICRMW", article="76")
    with pytest.raises(LedgerError, match="never made"):
        icrmw_ledger([withdrawal])


def test_declarations_with_unknown_dates_count_as_uncertain_until_their_latest_day(icrmw_ledger, act, members):
    undated = [act(code, "declaration", "../2014-10-26", treaty="ICRMW", article="76") for code in members[:3]]
    record = icrmw_ledger(undated)
    before, on = (
        _procedure(record.status(D("2014-10-25")), "art76"),
        _procedure(record.status(D("2014-10-26")), "art76"),
    )
    assert (before.declarations, before.declarations_uncertain) == (0, 3)
    assert (on.declarations, on.declarations_uncertain) == (3, 0)
    # an undated declaration is never earlier than the declarant's own instrument
    assert _procedure(record.status(D("2003-01-01")), "art76").declarations_uncertain == 0
