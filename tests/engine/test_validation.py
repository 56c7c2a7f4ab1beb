"""Validation of ledgers: every rule a record can break, each a clear error naming the record (file:line).

Ledgers are written to temporary CSV files and read with ``catalogue.read_ledger``, as the CLI and the loader do;
the checked record is then built in memory. Loading is all or nothing.
"""

from __future__ import annotations

import csv
import shutil
from datetime import date, timedelta

import pytest

from treatywatch.catalogue import LEDGER_COLUMNS, data_dir, load_catalogue, read_ledger
from treatywatch.engine import LedgerError, RecordProblem, TreatyRecord

TODAY = date(2030, 1, 1)
COLUMNS = ["treaty", "state", "kind", "date", "article", "target", "effective", "note"]


def _write(path, rows, columns=COLUMNS):
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh, lineterminator="\n")
        writer.writerow(columns)
        for row in rows:
            writer.writerow(row if isinstance(row, list) else [row.get(c, "") for c in columns])
    return path


def _row(state, kind, when, treaty="ICRMW", **fields):
    return {"treaty": treaty, "state": state, "kind": kind, "date": when, **fields}


@pytest.fixture
def base_rows(members):
    """Twenty accessions to the ICRMW by the first twenty Member States, the 20th on 14 March 2003 (lines 2-21)."""
    first = date(2003, 3, 14) - timedelta(days=19)
    return [_row(code, "accession", (first + timedelta(days=i)).isoformat()) for i, code in enumerate(members[:20])]


@pytest.fixture
def check(tmp_path, catalogue, states, base_rows):
    """``check(rows, treaty=ICRMW, base=True)``: write ``ledger.csv`` (base rows first), read it, and build the record.
    Returns the record; raises LedgerError as the loader would."""

    def run(rows, treaty=None, base=True):
        path = _write(tmp_path / "ledger.csv", (base_rows if base else []) + rows)
        actions = read_ledger(path)
        return TreatyRecord(treaty or catalogue.treaty("ICRMW"), actions, states, TODAY)

    return run


@pytest.fixture
def old_treaty(make_treaty):
    """A test treaty opened in 1966, so that predecessor States can act under it."""
    return make_treaty(denunciation={"article": "9", "delay": "12 months"})


def _only_problem(info) -> RecordProblem:
    problems = info.value.problems
    assert len(problems) == 1, problems
    return problems[0]


FIRST_EXTRA_LINE = 22
"""The line of the first row after the header (line 1) and the twenty base rows (lines 2-21)."""


# -------------------------------------------------------------------------------------------------------------
# a valid ledger


def test_a_valid_ledger_file_loads_with_the_origin_of_each_action(check, members):
    record = check([_row(members[30], "signature", "2004-01-01"), _row(members[30], "ratification", "2005-01-01")])
    assert record.status(date(2006, 1, 1)).contracting_states == 21
    origins = [a.origin for a in record.actions if a.state == members[30]]
    assert origins == [f"ledger.csv:{FIRST_EXTRA_LINE}", f"ledger.csv:{FIRST_EXTRA_LINE + 1}"]


def test_the_shipped_icrmw_ledger_is_valid(catalogue, states):
    path = data_dir() / "records" / "ICRMW.csv"
    actions = read_ledger(path)
    assert len(actions) == len(path.read_text(encoding="utf-8").splitlines()) - 1
    TreatyRecord(catalogue.treaty("ICRMW"), actions, states, TODAY)


# -------------------------------------------------------------------------------------------------------------
# one rule broken by one record


@pytest.mark.parametrize(
    ("row", "field", "message"),
    [
        (_row("XXX", "accession", "2005-01-01"), "state", "unknown State code 'XXX'"),
        (_row("MEX", "ratifcation", "2005-01-01"), "kind", "unknown kind 'ratifcation'"),
        (_row("MEX", "accession", "2016-13"), "date", "date '2016-13'"),
        (_row("MEX", "accession", "2015-02-29"), "date", "date '2015-02-29'"),
        (_row("MEX", "accession", "14/03/2003"), "date", "date '14/03/2003'"),
        (_row("MEX", "accession", "1990-12-17"), "date", "before the treaty was opened for signature (1990-12-18)"),
        (_row("MEX", "accession", "2030-01-02"), "date", "2030-01-02 is in the future (today is 2030-01-01)"),
        (_row("MEX", "accession", "2031"), "date", "in the future"),
        (_row("MEX", "accession", ""), "date", "empty"),
        (_row("", "accession", "2005-01-01"), "state", "empty"),
        (_row("MEX", "accession", "2005-01-01", treaty="ICCPR"), "treaty", "'ICCPR' is not 'ICRMW'"),
        (_row("MEX", "objection", "2005-01-01"), "target", "an objection must name the State objected to"),
        (_row("MEX", "accession", "2005-01-01", effective="2005-13"), "effective", "date '2005-13'"),
    ],
    ids=[
        "unknown-state",
        "unknown-kind",
        "bad-month",
        "no-leap-day",
        "not-iso",
        "before-opening",
        "future-day",
        "future-year",
        "empty-date",
        "empty-state",
        "other-treaty",
        "objection-without-target",
        "bad-effective-date",
    ],
)
def test_a_bad_record_is_rejected_naming_its_file_line_and_field(check, row, field, message):
    with pytest.raises(LedgerError) as info:
        check([row])
    problem = _only_problem(info)
    assert problem.where == f"ledger.csv:{FIRST_EXTRA_LINE}"
    assert problem.field == field
    assert message in problem.message
    assert str(problem).startswith(f"ledger.csv:{FIRST_EXTRA_LINE}: {field}: ")


def test_a_ratification_without_a_prior_signature_is_rejected(check):
    with pytest.raises(LedgerError) as info:
        check([_row("MEX", "ratification", "2005-01-01")])
    problem = _only_problem(info)
    assert problem.where == f"ledger.csv:{FIRST_EXTRA_LINE}"
    assert "ratification without a prior signature by Mexico or a predecessor" in problem.message


def test_a_ratification_before_the_states_signature_is_rejected(check):
    with pytest.raises(LedgerError, match="without a prior signature"):
        check([_row("MEX", "signature", "2006-01-01"), _row("MEX", "ratification", "2005-01-01")])


def test_a_ratification_without_a_signature_is_accepted_with_a_note_saying_why(check):
    note = "signature not found in the stored sources"
    record = check([_row("MEX", "ratification", "2005-01-01", note=note)])
    assert record.terms["MEX"][0].consent.note == note


def test_an_accession_needs_no_signature(check):
    record = check([_row("MEX", "accession", "2005-01-01")])
    assert record.position("MEX", date(2006, 1, 1)) == ("party", False)


def test_a_ratification_is_accepted_when_a_predecessor_signed(check, old_treaty):
    # Czechoslovakia signed; the Czech Republic and Slovakia ratified after its dissolution.
    rows = [
        _row("CSK", "signature", "1970-05-01", treaty="TEST"),
        _row("CZE", "ratification", "1995-01-01", treaty="TEST"),
        _row("SVK", "ratification", "1996-01-01", treaty="TEST"),
    ]
    record = check(rows, treaty=old_treaty, base=False)
    assert set(record.terms) == {"CZE", "SVK"}


def test_a_ratification_is_rejected_when_only_an_unrelated_state_signed(check, old_treaty):
    rows = [_row("POL", "signature", "1970-05-01", treaty="TEST"), _row("CZE", "ratification", "1995-01-01", "TEST")]
    with pytest.raises(LedgerError, match="without a prior signature by Czechia or a predecessor"):
        check(rows, treaty=old_treaty, base=False)


def test_an_action_by_a_historical_entity_after_it_ceased_to_exist_is_rejected(check, old_treaty):
    with pytest.raises(LedgerError) as info:
        check([_row("CSK", "signature", "1993-01-01", treaty="TEST")], treaty=old_treaty, base=False)
    problem = _only_problem(info)
    assert problem.where == "ledger.csv:2"
    assert "after Czechoslovakia ceased to exist (1992-12-31)" in problem.message


def test_an_action_by_a_historical_entity_on_its_last_day_is_accepted(check, old_treaty):
    record = check([_row("CSK", "signature", "1992-12-31", treaty="TEST")], treaty=old_treaty, base=False)
    assert record.position("CSK", date(1992, 12, 31)) == ("signatory", False)


def test_a_consent_twice_without_a_denunciation_is_rejected(check):
    rows = [_row("MEX", "accession", "2005-01-01"), _row("MEX", "accession", "2006-01-01")]
    with pytest.raises(LedgerError) as info:
        check(rows)
    problem = _only_problem(info)
    assert problem.where == f"ledger.csv:{FIRST_EXTRA_LINE + 1}"
    assert "Mexico already gave its consent (accession of 2005-01-01)" in problem.message
    assert "consent twice" in problem.message


def test_a_denunciation_by_a_state_that_is_not_a_party_is_rejected(check):
    with pytest.raises(LedgerError) as info:
        check([_row("MEX", "denunciation", "2010-01-01")])
    problem = _only_problem(info)
    assert problem.where == f"ledger.csv:{FIRST_EXTRA_LINE}"
    assert "denunciation by Mexico, which is not a party" in problem.message


def test_a_denunciation_too_early_is_rejected(check, base_rows):
    with pytest.raises(LedgerError) as info:
        check([_row(base_rows[0]["state"], "denunciation", "2008-06-30")])
    problem = _only_problem(info)
    assert problem.where == f"ledger.csv:{FIRST_EXTRA_LINE}"
    assert "denunciation of 2008-06-30 is too early: not before 2008-07-01" in problem.message


@pytest.mark.parametrize("article", ["76", "77"])
def test_a_declaration_under_an_optional_procedure_by_a_non_party_is_rejected(check, article):
    with pytest.raises(LedgerError) as info:
        check([_row("MEX", "declaration", "2010-01-01", article=article)])
    problem = _only_problem(info)
    assert problem.where == f"ledger.csv:{FIRST_EXTRA_LINE}"
    assert f"declaration under article {article} by Mexico, which is not a party" in problem.message


def test_a_declaration_by_a_state_that_has_neither_signed_nor_consented_is_rejected(check):
    with pytest.raises(LedgerError, match="declaration by Mexico, which has neither signed nor become a party"):
        check([_row("MEX", "declaration", "2010-01-01", article="92")])


def test_a_reservation_by_a_signatory_is_accepted(check):
    record = check([_row("MEX", "signature", "2004-01-01"), _row("MEX", "reservation", "2004-01-01", article="92")])
    assert "MEX" in record.signatures


def test_withdrawing_a_reservation_never_made_is_rejected(check, base_rows):
    with pytest.raises(LedgerError, match="reservation_withdrawal of something"):
        check([_row(base_rows[0]["state"], "reservation_withdrawal", "2010-01-01", article="92")])


def test_a_withdrawal_without_its_date_is_rejected(check, base_rows):
    code = base_rows[0]["state"]
    rows = [
        _row(code, "declaration", "2005-01-01", article="77"),
        _row(code, "declaration_withdrawal", "../2010-01-01", article="77"),
    ]
    with pytest.raises(LedgerError, match="a withdrawal needs its date"):
        check(rows)


def test_a_duplicate_record_is_rejected_naming_both_lines(check):
    rows = [_row("MEX", "signature", "2004-01-01"), _row("MEX", "signature", "2004-01-01")]
    with pytest.raises(LedgerError) as info:
        check(rows)
    problem = _only_problem(info)
    assert problem.where == f"ledger.csv:{FIRST_EXTRA_LINE + 1}"
    assert f"duplicates ledger.csv:{FIRST_EXTRA_LINE}" in problem.message


# -------------------------------------------------------------------------------------------------------------
# the file's shape


def test_a_file_with_an_unknown_column_is_rejected_naming_line_one(tmp_path):
    path = _write(tmp_path / "ledger.csv", [["ICRMW", "MEX", "signature", "1991-05-22", "x"]], [*COLUMNS[:4], "colour"])
    with pytest.raises(LedgerError) as info:
        read_ledger(path)
    problem = _only_problem(info)
    assert (problem.where, problem.field) == ("ledger.csv:1", "header")
    assert "unknown column 'colour'" in problem.message


def test_a_file_missing_a_required_column_is_rejected_naming_it(tmp_path):
    path = _write(tmp_path / "ledger.csv", [["ICRMW", "MEX", "1991-05-22"]], ["treaty", "state", "date"])
    with pytest.raises(LedgerError, match="missing column 'kind'"):
        read_ledger(path)


def test_a_line_with_more_cells_than_columns_is_rejected(tmp_path):
    path = _write(tmp_path / "ledger.csv", [["ICRMW", "MEX", "signature", "1991-05-22", "", "", "", "", "extra"]])
    with pytest.raises(LedgerError) as info:
        read_ledger(path)
    assert str(_only_problem(info)) == "ledger.csv:2: line: more cells than columns"


def test_a_file_may_have_every_ledger_column_and_a_byte_order_mark(tmp_path):
    path = tmp_path / "ledger.csv"
    row = ["ICRMW", "MEX", "signature", "1991-05-22", "", "", "", "", "", "", "untc-2014"]
    path.write_text("\ufeff" + ",".join(LEDGER_COLUMNS) + "\n" + ",".join(row) + "\n", encoding="utf-8")
    (action,) = read_ledger(path)
    assert (action.state, action.source, action.origin) == ("MEX", "untc-2014", "ledger.csv:2")


# -------------------------------------------------------------------------------------------------------------
# all or nothing


def test_a_file_with_several_unreadable_lines_lists_every_one_and_returns_nothing(tmp_path):
    rows = [
        _row("MEX", "signature", "1991-05-22"),
        _row("MEX", "ratifcation", "1999-03-08"),
        _row("SLV", "signature", "2002-09-13"),
        _row("SLV", "ratification", "2003-3-14"),
        _row("GTM", "", "2000-09-07"),
    ]
    path = _write(tmp_path / "ledger.csv", rows)
    with pytest.raises(LedgerError) as info:
        read_ledger(path)
    assert [(p.where, p.field) for p in info.value.problems] == [
        ("ledger.csv:3", "kind"),
        ("ledger.csv:5", "date"),
        ("ledger.csv:6", "kind"),
    ]
    assert "(and 2 more)" in str(info.value)


def test_a_ledger_breaking_several_rules_lists_every_bad_line(check):
    rows = [
        _row("XXX", "accession", "2005-01-01"),
        _row("MEX", "accession", "1989-01-01"),
        _row("FRA", "accession", "2031-01-01"),
    ]
    with pytest.raises(LedgerError) as info:
        check(rows)
    assert sorted((p.where, p.field) for p in info.value.problems) == [
        (f"ledger.csv:{FIRST_EXTRA_LINE}", "state"),
        (f"ledger.csv:{FIRST_EXTRA_LINE + 1}", "date"),
        (f"ledger.csv:{FIRST_EXTRA_LINE + 2}", "date"),
    ]


def test_a_ledger_breaking_several_treaty_rules_lists_every_bad_line(check, base_rows):
    rows = [
        _row("MEX", "ratification", "2005-01-01"),
        _row("FRA", "denunciation", "2010-01-01"),
        _row("DEU", "declaration", "2010-01-01", article="77"),
        _row(base_rows[0]["state"], "accession", "2006-01-01"),
    ]
    with pytest.raises(LedgerError) as info:
        check(rows)
    assert sorted(p.where for p in info.value.problems) == [f"ledger.csv:{FIRST_EXTRA_LINE + i}" for i in range(4)]


def _copy_data(tmp_path):
    root = tmp_path / "data"
    shutil.copytree(data_dir(), root)
    return root


def test_the_loader_takes_nothing_of_a_data_directory_with_one_unreadable_line(tmp_path):
    root = _copy_data(tmp_path)
    ledger = root / "records" / "ICRMW.csv"
    lines = ledger.read_text(encoding="utf-8").splitlines()
    lines.insert(5, "ICRMW,MEX,accession,2016-13,,,,,,,")
    ledger.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(LedgerError) as info:
        load_catalogue(root, today=TODAY)
    assert str(_only_problem(info)).startswith("ICRMW.csv:6: date: date '2016-13'")


def test_a_record_breaking_a_rule_in_a_data_directory_is_rejected_when_the_record_is_built(tmp_path):
    root = _copy_data(tmp_path)
    ledger = root / "records" / "ICRMW.csv"
    last_line = len(ledger.read_text(encoding="utf-8").splitlines())
    with ledger.open("a", encoding="utf-8") as fh:
        fh.write("ICRMW,XXX,accession,2005-01-01,,,,,,,\n")
    catalogue = load_catalogue(root, today=TODAY)
    with pytest.raises(LedgerError) as info:
        catalogue.record("ICRMW")
    assert _only_problem(info).where == f"ICRMW.csv:{last_line + 1}"


def test_a_ledger_for_a_treaty_without_a_definition_is_rejected(tmp_path):
    root = _copy_data(tmp_path)
    _write(root / "records" / "OTHER.csv", [_row("MEX", "signature", "2005-01-01", treaty="OTHER")])
    with pytest.raises(LedgerError, match="no definition for treaty 'OTHER'"):
        load_catalogue(root, today=TODAY)


def test_the_ledger_error_message_names_the_first_problem_and_counts_the_rest():
    problems = [RecordProblem("a.csv:2", "date", "bad"), RecordProblem("a.csv:3", "state", "unknown")]
    assert str(LedgerError(problems)) == "a.csv:2: date: bad (and 1 more)"
    assert str(LedgerError(problems[:1])) == "a.csv:2: date: bad"
