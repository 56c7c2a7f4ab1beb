"""Reconciliation: the entry-into-force date computed from each record beside the date the UN records.

Where the record is complete enough the two agree; the instruments where they cannot are listed with the reason,
so a data change that fixes or breaks one is noticed. The causes are chosen by rules, checked here one by one on
synthetic records.
"""

from __future__ import annotations

import csv
import io
import json
from datetime import date

import pytest

from treatywatch import cli
from treatywatch.engine import reconcile
from treatywatch.engine.reconcile import (
    AMBIGUOUS_RULE,
    INCOMPLETE_RECORD,
    MISSING_PREDECESSOR,
    NO_RECORDED_DATE,
    PARENT_ENTRY_INTO_FORCE,
    PARTIAL_DATE,
)

D = date.fromisoformat

AGREE = [
    "CAT",
    "CED",
    "CEDAW",
    "CRC",
    "CRC-OPAC",
    "CRC-OPIC",
    "CRC-OPSC",
    "CRPD",
    "ICCPR-OP2",
    "ICESCR-OP",
    "ICRMW",
    "OP-CEDAW",
    "OP-CRPD",
    "OPCAT",
]

# treaty: (computed, recorded, difference in days, causes, historical States without an instrument)
DISAGREE = {
    # Czechoslovakia's and Yugoslavia's instruments (UNTC footnotes) are not dated in the reference: Poland,
    # the 27th, is the record's 25th. The wording of art. 19 was not retrieved verbatim either.
    "ICERD": ("1969-03-09", "1969-01-04", 64, (MISSING_PREDECESSOR, AMBIGUOUS_RULE), ("CSK", "DDR", "YUG")),
    # The German Democratic Republic's and Yugoslavia's instruments are not dated in the reference: Jamaica,
    # the 35th, is the record's 33rd.
    "ICESCR": ("1976-08-19", "1976-01-03", 229, (MISSING_PREDECESSOR,), ("CSK", "DDR", "YUG")),
    # Czechoslovakia's instrument is in (UNTS vol. 999); the GDR's and Yugoslavia's are not: it is the 33rd.
    "ICCPR": ("1976-08-20", "1976-03-23", 150, (MISSING_PREDECESSOR,), ("DDR", "YUG")),
    # Its tenth instrument (Mauritius, 1973) preceded the Covenant, whose computed date is late; art. 9 not verbatim.
    "ICCPR-OP1": ("1976-08-20", "1976-03-23", 150, (PARENT_ENTRY_INTO_FORCE, AMBIGUOUS_RULE), ()),
}


@pytest.fixture(scope="module")
def reconciled(catalogue):
    return {record.treaty.id: reconcile(record) for record in catalogue.records()}


def test_every_instrument_is_reconciled_either_agreeing_or_explained(reconciled):
    assert sorted(reconciled) == sorted([*AGREE, *DISAGREE])


@pytest.mark.parametrize("ident", AGREE)
def test_the_computed_entry_into_force_is_the_recorded_one(reconciled, ident):
    r = reconciled[ident]
    assert r.agrees, r
    assert r.computed is not None and r.computed.exact and r.computed.earliest == r.recorded
    assert (r.difference_days, r.causes, r.absent_predecessors) == (0, (), ())


def test_the_instruments_that_disagree_are_exactly_these_for_these_reasons(reconciled):
    found = {
        ident: (r.computed.iso(), r.recorded.isoformat(), r.difference_days, r.causes, r.absent_predecessors)
        for ident, r in reconciled.items()
        if not r.agrees
    }
    assert found == DISAGREE


def test_three_states_sharing_the_crcs_threshold_day_leave_the_date_unambiguous(reconciled):
    assert reconciled["CRC"].threshold.iso() == "1990-08-03"
    assert reconciled["CRC"].agrees


# -------------------------------------------------------------------------------------------------------------
# the rules that choose the causes, on synthetic records


def _record(make_treaty, make_record, actions, opened="2000-01-01", recorded=None, verbatim=True, **extra):
    eif = {"article": "1", "threshold": 3, "counts": ["ratification", "accession"], "delay": "30 days"}
    data = {"adopted": opened, "opened": opened, "entry_into_force": {**eif, "verbatim": verbatim}, **extra}
    if recorded:
        data["recorded_entry_into_force"] = recorded
    return make_record(make_treaty(**data), actions)


def _accessions(act, *days, treaty="TEST"):
    codes = ["AUT", "BEL", "CHL", "DNK", "ECU"]
    return [act(code, "accession", day, treaty=treaty) for code, day in zip(codes, days, strict=False)]


def test_a_record_that_gives_the_recorded_date_agrees(make_treaty, make_record, act):
    record = _record(make_treaty, make_record, _accessions(act, "2000-01-08", "2000-01-09", "2000-01-10"))
    r = reconcile(record)
    assert (r.computed.iso(), r.recorded, r.agrees, r.causes) == ("2000-02-09", None, False, (NO_RECORDED_DATE,))
    record = _record(
        make_treaty, make_record, _accessions(act, "2000-01-08", "2000-01-09", "2000-01-10"), recorded="2000-02-09"
    )
    r = reconcile(record)
    assert (r.agrees, r.difference_days, r.causes) == (True, 0, ())


def test_a_late_threshold_while_historical_states_have_no_instrument_points_to_a_missing_predecessor(
    make_treaty, make_record, act
):
    actions = _accessions(act, "1980-01-08", "1980-01-09", "1980-01-10")
    r = reconcile(_record(make_treaty, make_record, actions, opened="1979-01-01", recorded="1980-01-20"))
    assert (r.agrees, r.difference_days, r.causes) == (False, 20, (MISSING_PREDECESSOR,))
    assert r.absent_predecessors == ("CSK", "DDR", "YUG")


def test_a_historical_state_with_an_instrument_or_carried_by_a_continuator_is_not_absent(make_treaty, make_record, act):
    actions = [*_accessions(act, "1980-01-08", "1980-01-09", "1980-01-10"), act("DDR", "accession", "1979-06-01")]
    actions.append(act("RUS", "accession", "1979-06-02"))  # the USSR's record is the Russian Federation's
    r = reconcile(_record(make_treaty, make_record, actions, opened="1979-01-01", recorded="1979-06-20"))
    assert r.absent_predecessors == ("CSK", "YUG")


def test_a_late_threshold_after_every_historical_state_ended_points_to_an_incomplete_record(
    make_treaty, make_record, act
):
    actions = _accessions(act, "2008-01-08", "2008-01-09", "2008-01-10")
    r = reconcile(_record(make_treaty, make_record, actions, opened="2007-01-01", recorded="2008-01-20"))
    assert (r.causes, r.absent_predecessors) == ((INCOMPLETE_RECORD,), ())


def test_a_threshold_known_to_the_month_points_to_a_partial_date(make_treaty, make_record, act):
    actions = _accessions(act, "2000-01-08", "2000-01-09", "2000-02")
    r = reconcile(_record(make_treaty, make_record, actions, recorded="2000-03-20"))
    assert (r.computed.iso(), r.threshold.iso()) == ("2000-03-02/2000-03-30", "2000-02-01/2000-02-29")
    assert (r.agrees, r.difference_days, r.causes) == (False, 0, (PARTIAL_DATE,))


def test_instruments_sharing_the_threshold_day_point_to_an_ambiguous_rule(make_treaty, make_record, act):
    actions = _accessions(act, "2000-01-08", "2000-01-10", "2000-01-10")
    r = reconcile(_record(make_treaty, make_record, actions, recorded="2000-02-10"))
    assert (r.difference_days, r.causes) == (-1, (AMBIGUOUS_RULE,))


def test_a_rule_not_retrieved_verbatim_points_to_an_ambiguous_rule(make_treaty, make_record, act):
    actions = _accessions(act, "2000-01-08", "2000-01-09", "2000-01-10")
    r = reconcile(_record(make_treaty, make_record, actions, recorded="2000-02-10", verbatim=False))
    assert r.causes == (AMBIGUOUS_RULE,)


def test_a_protocol_held_back_by_its_parent_points_to_the_parents_entry_into_force(
    make_treaty, make_record, act, treaty_mapping
):
    parent = _record(
        make_treaty,
        make_record,
        _accessions(act, "2001-01-08", "2001-01-09", "2001-01-10", treaty="PARENT"),
        id="PARENT",
    )
    protocol = make_record(
        make_treaty(
            id="TEST",
            parent="PARENT",
            adopted="2000-01-01",
            opened="2000-01-01",
            recorded_entry_into_force="2000-02-09",
        ),
        _accessions(act, "2000-01-08", "2000-01-09", "2000-01-10"),
        parent=parent,
    )
    r = reconcile(protocol)
    assert (r.computed.iso(), r.threshold.iso(), r.difference_days) == ("2001-02-09", "2000-01-10", 366)
    assert r.causes == (PARENT_ENTRY_INTO_FORCE,)


def test_a_threshold_not_reached_gives_no_date_and_no_difference(make_treaty, make_record, act):
    r = reconcile(_record(make_treaty, make_record, _accessions(act, "2008-01-08"), recorded="2008-02-01"))
    assert (r.computed, r.threshold, r.agrees, r.difference_days, r.causes) == (
        None,
        None,
        False,
        None,
        (INCOMPLETE_RECORD,),
    )


# -------------------------------------------------------------------------------------------------------------
# the command


def test_reconcile_json_is_one_object_per_treaty_with_its_causes(capsys, reconciled):
    assert cli.main(["reconcile", "--format", "json"]) == 0
    rows = {row["treaty"]: row for row in json.loads(capsys.readouterr().out)}
    assert sorted(rows) == sorted(reconciled)
    assert rows["ICCPR"] == {
        "treaty": "ICCPR",
        "computed": "1976-08-20",
        "recorded": "1976-03-23",
        "agrees": False,
        "difference_days": 150,
        "threshold_instrument": "1976-05-20",
        "causes": [MISSING_PREDECESSOR],
        "absent_predecessors": ["DDR", "YUG"],
    }


def test_reconcile_csv_and_table_take_one_treaty_or_all(capsys):
    assert cli.main(["reconcile", "--treaty", "icerd", "--format", "csv"]) == 0
    (row,) = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert row["causes"] == f"{MISSING_PREDECESSOR}; {AMBIGUOUS_RULE}"
    assert row["absent_predecessors"] == "CSK DDR YUG"
    assert cli.main(["reconcile"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].split() == [
        "treaty",
        "computed",
        "recorded",
        "agrees",
        "difference_days",
        "threshold_instrument",
        "causes",
    ]
    assert len(lines) == 1 + 18


def test_reconcile_of_an_unknown_treaty_says_so_and_exits_2(capsys):
    assert cli.main(["reconcile", "--treaty", "CMW"]) == 2
    assert "unknown treaty 'CMW'" in capsys.readouterr().err
