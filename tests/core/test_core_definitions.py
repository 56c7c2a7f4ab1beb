"""The 18 core human-rights treaties as data: their definitions, and every rule form run on their real records.

Each definition is read by the same strict reader as the Convention's; each rule form the engine has is exercised
here through a real treaty whose text uses it (the synthetic checks are in tests/engine/test_rule_forms.py).
"""

from __future__ import annotations

import unicodedata
from datetime import date, timedelta

import pytest

from treatywatch.engine import (
    ActionKind,
    Alignment,
    DefinitionError,
    EnlargementTrigger,
    LaterStates,
    Period,
    Rule,
    Treaty,
)

D = date.fromisoformat

CORE = [
    "ICERD",
    "ICESCR",
    "ICCPR",
    "ICCPR-OP1",
    "ICCPR-OP2",
    "CEDAW",
    "OP-CEDAW",
    "CAT",
    "OPCAT",
    "CRC",
    "CRC-OPAC",
    "CRC-OPSC",
    "CRC-OPIC",
    "ICRMW",
    "CRPD",
    "OP-CRPD",
    "CED",
    "ICESCR-OP",
]

# UNTC number, adoption, opening, recorded entry into force (shared/reference/core_treaties_eif.csv).
IDENTITY = {
    "ICERD": ("IV-2", "1965-12-21", "1966-03-07", "1969-01-04"),
    "ICESCR": ("IV-3", "1966-12-16", "1966-12-16", "1976-01-03"),
    "ICCPR": ("IV-4", "1966-12-16", "1966-12-16", "1976-03-23"),
    "ICCPR-OP1": ("IV-5", "1966-12-16", "1966-12-16", "1976-03-23"),
    "ICCPR-OP2": ("IV-12", "1989-12-15", "1989-12-15", "1991-07-11"),
    "CEDAW": ("IV-8", "1979-12-18", "1979-12-18", "1981-09-03"),
    "OP-CEDAW": ("IV-8-b", "1999-10-06", "1999-10-06", "2000-12-22"),
    "CAT": ("IV-9", "1984-12-10", "1984-12-10", "1987-06-26"),
    "OPCAT": ("IV-9-b", "2002-12-18", "2003-02-04", "2006-06-22"),
    "CRC": ("IV-11", "1989-11-20", "1989-11-20", "1990-09-02"),
    "CRC-OPAC": ("IV-11-b", "2000-05-25", "2000-05-25", "2002-02-12"),
    "CRC-OPSC": ("IV-11-c", "2000-05-25", "2000-05-25", "2002-01-18"),
    "CRC-OPIC": ("IV-11-d", "2011-12-19", "2011-12-19", "2014-04-14"),
    "ICRMW": ("IV-13", "1990-12-18", "1990-12-18", "2003-07-01"),
    "CRPD": ("IV-15", "2006-12-13", "2007-03-30", "2008-05-03"),
    "OP-CRPD": ("IV-15-a", "2006-12-13", "2007-03-30", "2008-05-03"),
    "CED": ("IV-16", "2006-12-20", "2007-02-06", "2010-12-23"),
    "ICESCR-OP": ("IV-3-a", "2008-12-10", "2008-12-10", "2013-05-05"),
}

PARENTS = {
    "ICCPR-OP1": "ICCPR",
    "ICCPR-OP2": "ICCPR",
    "OP-CEDAW": "CEDAW",
    "OPCAT": "CAT",
    "CRC-OPAC": "CRC",
    "CRC-OPSC": "CRC",
    "CRC-OPIC": "CRC",
    "OP-CRPD": "CRPD",
    "ICESCR-OP": "ICESCR",
}

# The last scrape of each instrument's UNTC table (max scrape_commit_date of its rows).
RECORD_AS_OF = {
    "ICERD": "2014-07-10",
    "ICESCR": "2015-03-14",
    "ICCPR": "2014-07-10",
    "ICCPR-OP1": "2014-01-27",
    "ICCPR-OP2": "2014-07-10",
    "CEDAW": "2014-07-10",
    "OP-CEDAW": "2014-10-26",
    "CAT": "2015-03-14",
    "OPCAT": "2015-03-14",
    "CRC": "2014-10-26",
    "CRC-OPAC": "2015-01-27",
    "CRC-OPSC": "2015-01-27",
    "CRC-OPIC": "2015-03-14",
    "CRPD": "2015-03-14",
    "OP-CRPD": "2014-10-26",
    "CED": "2015-03-14",
    "ICESCR-OP": "2015-03-14",
}

# Article, threshold, delay, later States' clock, later delay.
ENTRY_INTO_FORCE = {
    "ICERD": ("19", 27, "30 days", "after_threshold_deposit", "30 days"),
    "ICESCR": ("27", 35, "3 months", "after_threshold_deposit", "3 months"),
    "ICCPR": ("49", 35, "3 months", "after_threshold_deposit", "3 months"),
    "ICCPR-OP1": ("9", 10, "3 months", "after_threshold_deposit", "3 months"),
    "ICCPR-OP2": ("8", 10, "3 months", "after_threshold_deposit", "3 months"),
    "CEDAW": ("27", 20, "30 days", "after_threshold_deposit", "30 days"),
    "OP-CEDAW": ("16", 10, "3 months", "after_entry_into_force", "3 months"),
    "CAT": ("27", 20, "30 days", "after_threshold_deposit", "30 days"),
    "OPCAT": ("28", 20, "30 days", "after_threshold_deposit", "30 days"),
    "CRC": ("49", 20, "30 days", "after_threshold_deposit", "30 days"),
    "CRC-OPAC": ("10", 10, "3 months", "after_entry_into_force", "1 month"),
    "CRC-OPSC": ("14", 10, "3 months", "after_entry_into_force", "1 month"),
    "CRC-OPIC": ("19", 10, "3 months", "after_threshold_deposit", "3 months"),
    "ICRMW": ("87", 20, "3 months", "after_entry_into_force", "3 months"),
    "CRPD": ("45", 20, "30 days", "after_threshold_deposit", "30 days"),
    "OP-CRPD": ("13", 10, "30 days", "after_threshold_deposit", "30 days"),
    "CED": ("39", 20, "30 days", "after_threshold_deposit", "30 days"),
    "ICESCR-OP": ("18", 10, "3 months", "after_threshold_deposit", "3 months"),
}

# The reference says the wording was not retrieved verbatim (and ICERD's only source gives the condition).
NOT_VERBATIM = {"ICERD", "ICCPR-OP1", "CEDAW", "CRC-OPAC", "CRC-OPSC", "CRC-OPIC", "CRPD", "OP-CRPD", "ICESCR-OP"}

DENUNCIATION = {
    "ICERD": ("21", "1 years"),
    "ICCPR-OP1": ("12", "3 months"),
    "OP-CEDAW": ("19", "6 months"),
    "CAT": ("31", "1 years"),
    "OPCAT": ("33", "1 years"),
    "CRC": ("52", "1 years"),
    "CRC-OPSC": ("15", "1 years"),
    "ICRMW": ("89", "12 months"),
    "CRPD": ("48", "1 years"),
    "OP-CRPD": ("16", "1 years"),
}

REPORTING = {
    "ICERD": ("9", "1 years", "2 years"),
    "CEDAW": ("18", "1 years", "4 years"),
    "CAT": ("19", "1 years", "4 years"),
    "CRC": ("44", "2 years", "5 years"),
    "ICRMW": ("73", "1 years", "5 years"),
    "CRPD": ("35", "2 years", "4 years"),
}

COMMITTEES = {
    "ICERD": ("8", 18, []),
    "ICCPR": ("28", 18, []),
    "CEDAW": ("17", 18, [(23, 35, "nth_consent")]),
    "CAT": ("17", 10, []),
    "OPCAT": ("5", 10, [(25, 50, "nth_consent")]),
    "ICRMW": ("72", 10, [(14, 41, "entry_into_force_for_nth_party")]),
    "CRPD": ("34", 12, [(18, 80, "nth_consent")]),
    "CED": ("26", 10, []),
}

PROCEDURES = {
    "ICERD": [("art14", "14", 10)],
    "ICCPR": [("art41", "41", 10)],
    "CAT": [("art21", "21", 5), ("art22", "22", 5)],
    "ICRMW": [("art76", "76", 10), ("art77", "77", 10)],
}

SCRIPTS = {"ar": "ARABIC", "zh": "CJK", "ru": "CYRILLIC"}


@pytest.fixture(scope="module")
def treaties(catalogue) -> dict[str, Treaty]:
    return catalogue.treaties


def test_there_is_a_definition_for_each_of_the_18_core_instruments_and_no_other(treaties):
    assert sorted(treaties) == sorted(CORE)


@pytest.mark.parametrize("ident", CORE)
def test_each_definition_carries_its_untc_number_adoption_opening_and_recorded_entry_into_force(treaties, ident):
    untc, adopted, opened, recorded = IDENTITY[ident]
    t = treaties[ident]
    assert (t.untc, t.adopted, t.opened, t.recorded_entry_into_force) == (untc, D(adopted), D(opened), D(recorded))


@pytest.mark.parametrize("ident", CORE)
def test_each_title_is_written_in_the_script_of_its_language(treaties, ident):
    t = treaties[ident]
    for lang, script in SCRIPTS.items():
        letters = [c for c in t.titles[lang] if c.isalpha()]
        assert letters and all(script in unicodedata.name(c) for c in letters), (ident, lang)
    for lang in ("en", "fr", "es"):
        assert all(c.isascii() or "LATIN" in unicodedata.name(c) for c in t.titles[lang] if c.isalpha())
    assert len({t.titles[lang] for lang in ("en", "fr", "es")}) == 3


def test_no_two_instruments_share_a_title(treaties):
    for lang in ("ar", "zh", "en", "fr", "ru", "es"):
        titles = [t.titles[lang] for t in treaties.values()]
        assert len(set(titles)) == len(titles), lang


def test_each_protocol_names_its_parent_and_no_convention_has_one(treaties):
    assert {t.id: t.parent for t in treaties.values() if t.parent} == PARENTS


def test_each_scraped_record_says_how_old_it_is_and_the_conventions_record_is_kept_current(treaties):
    assert {t.id: t.record_as_of.isoformat() for t in treaties.values() if t.record_as_of} == RECORD_AS_OF
    assert treaties["ICRMW"].record_as_of is None


@pytest.mark.parametrize("ident", CORE)
def test_each_entry_into_force_clause_is_stated_as_its_treaty_states_it(treaties, ident):
    article, threshold, delay, later, later_delay = ENTRY_INTO_FORCE[ident]
    eif = treaties[ident].entry_into_force
    assert (eif.article, eif.threshold, eif.rule.period, eif.later_states.value) == (
        article,
        threshold,
        Period.parse(delay),
        later,
    )
    assert eif.later_rule.period == Period.parse(later_delay)
    assert ActionKind.RATIFICATION in eif.counts and ActionKind.ACCESSION in eif.counts
    assert ActionKind.SUCCESSION not in eif.counts  # "instrument of ratification or accession"
    assert eif.verbatim is (ident not in NOT_VERBATIM)
    ordinal = {10: "tenth", 20: "twentieth", 27: "twenty-seventh", 35: "thirty-fifth"}[threshold]
    assert f"{ordinal} instrument" in eif.wording


def test_only_the_convention_lands_on_the_first_of_a_month(treaties):
    first_of_month = {t.id for t in treaties.values() if t.entry_into_force.rule.alignment is not Alignment.SAME_DAY}
    assert first_of_month == {"ICRMW"}


def test_only_the_crc_counts_an_acceptance_which_the_netherlands_deposited(treaties):
    assert {t.id for t in treaties.values() if ActionKind.ACCEPTANCE in t.entry_into_force.counts} == {"CRC"}


def test_the_denunciation_clauses_are_those_the_treaties_have_and_no_others(treaties):
    found = {
        t.id: (t.denunciation.article, str(t.denunciation.rule.period)) for t in treaties.values() if t.denunciation
    }
    assert found == DENUNCIATION


def test_the_reporting_clauses_with_fixed_periods_are_these(treaties):
    found = {
        t.id: (t.reporting.article, str(t.reporting.initial), str(t.reporting.periodic))
        for t in treaties.values()
        if t.reporting
    }
    assert found == REPORTING


def test_the_committees_and_their_enlargements_are_these(treaties):
    found = {
        t.id: (
            t.committee.article,
            t.committee.initial_size,
            [(e.size, e.n, e.trigger.value) for e in t.committee.enlargements],
        )
        for t in treaties.values()
        if t.committee
    }
    assert found == COMMITTEES


def test_the_complaint_procedures_with_a_threshold_of_declarations_are_these(treaties):
    found = {t.id: [(p.id, p.article, p.threshold) for p in t.procedures] for t in treaties.values() if t.procedures}
    assert found == PROCEDURES


# -------------------------------------------------------------------------------------------------------------
# the new definition keys


def test_recorded_entry_into_force_and_verbatim_are_optional(treaty_mapping):
    t = Treaty.from_mapping(treaty_mapping())
    assert t.recorded_entry_into_force is None
    assert t.entry_into_force.verbatim is True


def test_a_recorded_entry_into_force_that_is_not_a_date_is_rejected(treaty_mapping):
    with pytest.raises(DefinitionError, match=r"^<definition>: recorded_entry_into_force: must be a date YYYY-MM-DD"):
        Treaty.from_mapping(treaty_mapping(recorded_entry_into_force="3 January 1976"))


def test_a_verbatim_flag_that_is_not_a_boolean_is_rejected(treaty_mapping):
    data = treaty_mapping()
    data["entry_into_force"]["verbatim"] = "no"
    with pytest.raises(DefinitionError, match=r"^<definition>: entry_into_force\.verbatim: must be true or false"):
        Treaty.from_mapping(data)


# -------------------------------------------------------------------------------------------------------------
# every rule form, on the real records


def test_thirty_days_after_the_twentieth_instrument_crc_art_49_1(catalogue):
    status = catalogue.record("CRC").status(D("1990-09-02"))
    assert status.threshold_reached.iso() == "1990-08-03"
    assert status.entry_into_force.iso() == "1990-09-02"
    assert status.in_force
    assert not catalogue.record("CRC").status(D("1990-09-01")).in_force


def test_a_state_depositing_after_the_twentieth_instrument_runs_its_own_clock_crc_art_49_2(catalogue):
    crc = catalogue.record("CRC")
    (france,) = crc.terms["FRA"]
    assert france.consent_span.iso() == "1990-08-07"
    assert france.entry_into_force.iso() == "1990-09-06"  # its own thirty days, not the Convention's 2 September
    (sudan,) = crc.terms["SDN"]  # deposited on the threshold day itself
    assert sudan.entry_into_force.iso() == "1990-09-02"


def test_a_state_depositing_before_entry_into_force_is_bound_from_the_treatys_date_op_cedaw_art_16_2(catalogue):
    (bolivia,) = catalogue.record("OP-CEDAW").terms["BOL"]
    assert bolivia.consent_span.iso() == "2000-09-27"
    assert bolivia.entry_into_force.iso() == "2000-12-22"


def test_a_later_state_is_bound_one_month_after_its_own_deposit_crc_opac_art_10_2(catalogue):
    opac = catalogue.record("CRC-OPAC")
    assert opac.terms["KEN"][0].entry_into_force.iso() == "2002-02-12"  # deposited 28 January 2002
    assert opac.terms["BGR"][0].entry_into_force.iso() == "2002-03-12"  # deposited on 12 February 2002 itself
    assert opac.terms["ESP"][0].entry_into_force.iso() == "2002-04-08"  # deposited 8 March 2002


def test_a_protocol_waits_for_its_parent_op_crpd_art_13_1(catalogue):
    op = catalogue.record("OP-CRPD")
    assert op.status(D("2008-05-03")).threshold_reached.iso() == "2008-02-08"  # own rule: 9 March 2008
    assert op.entry_into_force.iso() == "2008-05-03" == catalogue.record("CRPD").entry_into_force.iso()
    assert op.terms["GIN"][0].entry_into_force.iso() == "2008-05-03"
    assert not op.status(D("2008-05-02")).in_force


def _nth_consent_day(record, n: int) -> date:
    days = sorted(t.consent_span.latest for terms in record.terms.values() for t in terms)
    return days[n - 1]


@pytest.mark.parametrize(
    ("ident", "before", "after", "n"), [("CEDAW", 18, 23, 35), ("OPCAT", 10, 25, 50), ("CRPD", 12, 18, 80)]
)
def test_a_committee_grows_on_the_day_of_the_nth_ratification_or_accession(catalogue, ident, before, after, n):
    record = catalogue.record(ident)
    day = _nth_consent_day(record, n)
    assert record.committee_size(day - timedelta(days=1)) == before
    assert record.committee_size(day) == after
    assert catalogue.treaty(ident).committee.enlargements[0].trigger is EnlargementTrigger.NTH_CONSENT


def test_no_committee_sits_before_entry_into_force(catalogue):
    assert catalogue.record("CEDAW").committee_size(D("1981-09-02")) is None
    assert catalogue.record("CEDAW").committee_size(D("1981-09-03")) == 18


def test_crc_reports_are_due_two_years_after_entry_into_force_then_every_five_years_art_44(catalogue):
    dues = catalogue.record("CRC").obligations(D("2014-10-26"), "AFG")
    assert [d.due.iso() for d in dues[:3]] == ["1996-04-27", "2001-04-27", "2006-04-27"]  # in force 27 April 1994


def test_icerd_reports_are_due_one_year_after_entry_into_force_then_every_two_years_art_9(catalogue):
    (albania,) = catalogue.record("ICERD").terms["ALB"]
    assert albania.entry_into_force.iso() == "1994-06-10"  # thirty days after its accession of 11 May 1994
    dues = catalogue.record("ICERD").obligations(D("1999-01-01"), "ALB")
    assert [d.due.iso() for d in dues] == ["1995-06-10", "1997-06-10", "1999-06-10"]


def test_a_party_may_denounce_from_its_entry_into_force_when_the_clause_sets_no_waiting_period(catalogue):
    history = catalogue.record("CRC").history("AFG", D("2014-10-26"))
    assert history.denunciation_possible_from.iso() == "1994-04-27"
    assert catalogue.record("ICCPR").history("FRA", D("2014-07-10")).denunciation_possible_from is None


def test_the_scrape_holds_no_declarations_so_no_complaint_procedure_is_counted(catalogue):
    """A known gap (docs/data-quality.md): this fails, as it should, once declarations are added."""
    for ident in ("ICERD", "ICCPR", "CAT"):
        for procedure in catalogue.record(ident).status(catalogue.treaty(ident).record_as_of).procedures:
            assert procedure.declarations == 0 and procedure.declarations_uncertain == 0


def test_the_later_state_clocks_of_the_definitions_use_both_forms(treaties):
    forms = {t.entry_into_force.later_states for t in treaties.values()}
    assert forms == {LaterStates.AFTER_ENTRY_INTO_FORCE, LaterStates.AFTER_THRESHOLD_DEPOSIT}
    assert {t.entry_into_force.rule for t in treaties.values()} == {
        Rule(Period(30, "days"), Alignment.SAME_DAY),
        Rule(Period(3, "months"), Alignment.SAME_DAY),
        Rule(Period(3, "months"), Alignment.FIRST_DAY_OF_FOLLOWING_MONTH),
    }
