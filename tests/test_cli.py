"""The ``treatywatch`` command: every engine command, format, option, and every kind of bad input.

Most tests call ``treatywatch.cli.main([...], out=io.StringIO())`` with the shipped catalogue read once; the
last ones run the installed console script in a subprocess.
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from treatywatch import cli
from treatywatch.catalogue import data_dir, read_ledger
from treatywatch.engine import ActionKind

COMMANDS = ["status", "state", "timeline", "obligations", "validate"]
FORMATS = ["table", "json", "csv"]
SCRIPT = Path(sys.executable).with_name("treatywatch")
ICRMW_LEDGER = data_dir() / "records" / "ICRMW.csv"


@pytest.fixture(autouse=True)
def shipped_catalogue(monkeypatch, catalogue):
    """Read the package data once for the whole module instead of once per command."""
    monkeypatch.setattr(cli, "load_catalogue", lambda: catalogue)


def run(*argv: str) -> tuple[int, str]:
    out = io.StringIO()
    code = cli.main(list(argv), out=out)
    return code, out.getvalue()


def run_json(*argv: str):
    code, text = run(*argv, "--format", "json")
    assert code == 0
    return json.loads(text)


def run_csv(*argv: str) -> list[dict[str, str]]:
    code, text = run(*argv, "--format", "csv")
    assert code == 0
    return list(csv.DictReader(io.StringIO(text)))


def bad_input(capsys, *argv: str) -> list[str]:
    """Run a command that must fail on its input: exit 2, nothing on stdout, no traceback; the stderr lines."""
    try:
        code, text = run(*argv)
    except SystemExit as exc:  # argparse rejects the arguments themselves
        code, text = exc.code, ""
    captured = capsys.readouterr()
    assert code == 2
    assert text == ""
    assert "Traceback" not in captured.err
    lines = captured.err.splitlines()
    assert lines
    assert all(line.startswith("treatywatch") for line in lines)
    return lines


# -------------------------------------------------------------------------------------------------------------
# status


def test_status_as_of_the_ga_resolution_gives_twelve_contracting_states_and_eight_instruments_needed():
    data = run_json("status", "--as-of", "1999-12-17")
    assert data["treaty"] == "ICRMW"
    assert data["as_of"] == "1999-12-17"
    assert data["contracting_states"] == 12
    assert data["instruments_needed"] == 8
    assert data["in_force"] is False
    assert data["entry_into_force"] is None
    assert data["committee_size"] is None
    assert data["parties_in_force"] == 0


def test_status_json_has_every_documented_key_with_its_type():
    data = run_json("status", "--as-of", "2025-06-01")
    assert isinstance(data["treaty"], str)
    assert date.fromisoformat(data["as_of"]) == date(2025, 6, 1)
    for key in ("contracting_states", "parties_in_force", "signatories_not_bound", "instruments_needed"):
        assert type(data[key]) is int, key
    assert type(data["in_force"]) is bool
    assert date.fromisoformat(data["entry_into_force"]) == date(2003, 7, 1)
    assert type(data["committee_size"]) is int
    assert set(data["procedures"]) >= {"art76", "art77"}
    for procedure in data["procedures"].values():
        assert type(procedure["declarations"]) is int
        assert type(procedure["operative"]) is bool
    assert isinstance(data["states"], list)
    for row in data["states"]:
        assert {"code", "name", "signature", "consent", "consent_kind", "entry_into_force"} <= set(row)


def test_status_json_today_gives_sixty_parties_in_force_since_1_july_2003_and_fourteen_members():
    data = run_json("status")
    assert data["as_of"] == date.today().isoformat()
    assert data["contracting_states"] == 60
    assert data["parties_in_force"] == 60
    assert data["in_force"] is True
    assert data["entry_into_force"] == "2003-07-01"
    assert data["committee_size"] == 14
    assert data["procedures"]["art76"]["declarations"] == 2
    assert data["procedures"]["art77"]["declarations"] == 4
    assert data["procedures"]["art76"]["operative"] is False
    assert data["procedures"]["art77"]["operative"] is False
    assert len(data["states"]) == 71


def test_status_json_keeps_a_partial_consent_date_and_gives_a_span_of_entry_into_force():
    data = run_json("status", "--as-of", "2016-06-01")
    assert data["contracting_states"] == 48
    assert data["contracting_states_uncertain"] == 1
    venezuela = next(s for s in data["states"] if s["code"] == "VEN")
    assert venezuela["consent"] == "2016"
    assert venezuela["consent_kind"] == "ratification"
    assert venezuela["signature"] == "2011-10-04"
    assert venezuela["entry_into_force"] == "2016-05-01/2017-04-01"


def test_status_table_before_entry_into_force_says_how_many_instruments_are_needed():
    code, text = run("status", "--as-of", "1999-12-17")
    assert code == 0
    assert "as of 1999-12-17" in text
    assert "contracting States: 12" in text
    assert "not in force: 8 more instruments needed (art. 87: 20)" in text
    assert "Committee members" not in text


def test_status_table_today_says_since_when_it_is_in_force_and_lists_the_states():
    code, text = run("status", "--as-of", "2025-06-01")
    assert code == 0
    assert "in force since 2003-07-01 (art. 87)" in text
    assert "Committee members: 14" in text
    assert "art. 77 (Individual communications): 4 of 10 declarations needed, not operative" in text
    header = next(line for line in text.splitlines() if line.startswith("code"))
    assert header.split() == ["code", "name", "signature", "consent", "consent_kind", "entry_into_force", "position"]
    assert any(line.startswith("ZWE") and "2025-03-01" in line for line in text.splitlines())


def test_status_table_marks_counts_left_uncertain_by_partial_dates():
    code, text = run("status", "--as-of", "2016-06-01")
    assert code == 0
    assert "contracting States: 48 (+1 uncertain: partial dates)" in text


def test_status_csv_has_one_row_per_state_and_the_documented_columns():
    rows = run_csv("status", "--as-of", "2025-06-01")
    assert len(rows) == 71
    assert list(rows[0]) == ["code", "name", "signature", "consent", "consent_kind", "entry_into_force", "position"]
    zimbabwe = next(r for r in rows if r["code"] == "ZWE")
    assert [zimbabwe[k] for k in ("consent", "entry_into_force", "position")] == ["2024-11", "2025-03-01", "party"]


@pytest.mark.parametrize(
    ("lang", "title", "mexico"),
    [
        ("fr", "Convention internationale", "Mexique"),
        ("es", "Convención internacional", "México"),
        ("ru", "Международная конвенция", "Мексика"),
        ("en", "International Convention", "Mexico"),
    ],
)
def test_status_gives_the_title_and_state_names_in_the_language_asked_for(lang, title, mexico):
    data = run_json("status", "--lang", lang)
    assert data["title"].startswith(title)
    assert next(s for s in data["states"] if s["code"] == "MEX")["name"] == mexico
    _, text = run("status", "--lang", lang)
    assert text.startswith(title)


def test_the_treaty_option_accepts_the_identifier_in_any_case():
    assert run_json("status", "--treaty", "icrmw", "--as-of", "1999-12-17")["contracting_states"] == 12


# -------------------------------------------------------------------------------------------------------------
# state


def test_state_json_gives_the_position_terms_reports_and_denunciation_date_of_a_state():
    data = run_json("state", "VEN", "--as-of", "2020-01-01")
    assert data["state"] == {"code": "VEN", "m49": "862", "name": "Venezuela (Bolivarian Republic of)"}
    assert data["position"] == "party"
    assert [a["kind"] for a in data["actions"]] == ["signature", "ratification"]
    assert data["actions"][1]["date"] == "2016"
    assert data["actions"][1]["date_precision"] == "year"
    (term,) = data["terms"]
    assert term["entry_into_force"] == "2016-05-01/2017-04-01"
    assert data["reports"][0]["due"] == "2017-05-01/2018-04-01"
    assert data["reports"][0]["uncertain"] is True
    assert data["denunciation_possible_from"] == "2021-05-01/2022-04-01"


@pytest.mark.parametrize("key", ["SLV", "222", "El Salvador", "el salvador", "El Salvador "])
def test_a_state_may_be_named_by_code_m49_or_name(key):
    assert run_json("state", key, "--as-of", "2025-06-01")["state"]["code"] == "SLV"


def test_a_state_may_be_named_in_another_language():
    assert run_json("state", "Mexique", "--as-of", "2025-06-01")["state"]["code"] == "MEX"


def test_state_table_shows_the_actions_and_the_entry_into_force_for_the_state():
    code, text = run("state", "ZWE", "--as-of", "2025-06-01")
    assert code == 0
    assert text.startswith("Zimbabwe (ZWE) under ICRMW as of 2025-06-01: party")
    assert "entry into force for the State: 2025-03-01" in text
    assert "may denounce from 2030-03-01" in text
    assert "initial report due 2026-03-01" in text


def test_state_csv_lists_the_states_actions():
    rows = run_csv("state", "MEX", "--as-of", "2025-06-01")
    assert sorted((r["kind"], r["date"], r["article"]) for r in rows) == [
        ("declaration", "../2014-10-26", "77"),
        ("ratification", "1999-03-08", ""),
        ("signature", "1991-05-22", ""),
    ]
    kinds = [r["kind"] for r in rows]
    assert kinds.index("signature") < kinds.index("ratification")


def test_a_state_that_never_acted_has_no_position_and_no_actions():
    data = run_json("state", "FRA", "--as-of", "2025-06-01")
    assert (data["position"], data["actions"], data["terms"]) == ("none", [], [])


# -------------------------------------------------------------------------------------------------------------
# timeline


def test_timeline_json_until_the_ga_resolution_ends_with_twelve_states_and_eight_needed():
    rows = run_json("timeline", "--as-of", "1999-12-17")
    assert rows[0]["date"] == "1991-05-22"
    assert rows[0]["actions"] == "MEX signature"
    assert (rows[-1]["contracting_states"], rows[-1]["instruments_needed"], rows[-1]["in_force"]) == (12, 8, False)
    assert all(r["date"] <= "1999-12-17" for r in rows)


def test_timeline_csv_has_the_documented_columns():
    rows = run_csv("timeline", "--as-of", "2003-07-01")
    assert list(rows[0]) == [
        "date",
        "contracting_states",
        "parties_in_force",
        "signatories_not_bound",
        "instruments_needed",
        "in_force",
        "actions",
    ]
    assert rows[-1]["date"] == "2003-07-01"
    assert (rows[-1]["parties_in_force"], rows[-1]["in_force"]) == ("22", "True")


def test_timeline_table_has_one_line_per_day_after_its_header():
    code, text = run("timeline", "--as-of", "1993-06-21")
    assert code == 0
    lines = text.splitlines()
    assert lines[0].split()[:2] == ["date", "contracting_states"]
    assert [line.split()[0] for line in lines[1:]] == ["1991-05-22", "1991-08-15", "1993-02-19", "1993-06-21"]


# -------------------------------------------------------------------------------------------------------------
# obligations


def test_obligations_json_for_one_state_gives_its_initial_and_next_periodic_report():
    rows = run_json("obligations", "ZWE", "--as-of", "2026-06-01")
    assert [(r["state"], r["report"], r["due"], r["past_due_date"]) for r in rows] == [
        ("ZWE", "initial", "2026-03-01", True),
        ("ZWE", "periodic 1", "2031-03-01", False),
    ]


def test_obligations_for_all_states_start_with_the_first_parties_initial_reports():
    rows = run_csv("obligations", "--as-of", "2004-08-01")
    assert {r["due"] for r in rows[:22]} == {"2004-07-01"}
    assert list(rows[0]) == ["state", "name", "report", "due", "past_due_date"]


def test_obligations_table_gives_state_names_in_the_language_asked_for():
    code, text = run("obligations", "MEX", "--as-of", "2005-01-01", "--lang", "es")
    assert code == 0
    assert "México" in text
    assert "2004-07-01" in text


def test_obligations_before_entry_into_force_are_empty():
    assert run_json("obligations", "--as-of", "2000-01-01") == []


# -------------------------------------------------------------------------------------------------------------
# validate


def test_validate_accepts_the_shipped_ledger():
    code, text = run("validate", str(ICRMW_LEDGER))
    assert code == 0
    assert text.strip() == f"{ICRMW_LEDGER}: {len(read_ledger(ICRMW_LEDGER))} actions, valid"


def _ledger(tmp_path, *lines: str) -> Path:
    path = tmp_path / "bad.csv"
    path.write_text("treaty,state,kind,date,article\n" + "\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_validate_prints_one_line_per_bad_record_naming_file_and_line(tmp_path, capsys):
    path = _ledger(
        tmp_path,
        "ICRMW,MEX,signature,1991-05-22,",
        "ICRMW,MEX,ratifcation,1999-03-08,",
        "ICRMW,SLV,accession,2003-13-14,",
    )
    lines = bad_input(capsys, "validate", str(path))
    known = ", ".join(k.value for k in ActionKind)
    assert lines == [
        f"treatywatch: bad.csv:3: kind: unknown kind 'ratifcation' (known: {known})",
        "treatywatch: bad.csv:4: date: date '2003-13-14' has month 13; months run 01 to 12",
    ]


def test_validate_reports_the_rules_a_record_breaks(tmp_path, capsys):
    path = _ledger(
        tmp_path,
        "ICRMW,XXX,accession,2005-01-01,",
        "ICRMW,FRA,accession,1989-01-01,",
    )
    lines = bad_input(capsys, "validate", str(path))
    assert sorted(lines) == [
        "treatywatch: bad.csv:2: state: unknown State code 'XXX'",
        "treatywatch: bad.csv:3: date: 1989-01-01 is before the treaty was opened for signature (1990-12-18)",
    ]


def test_validate_reports_consent_twice_and_a_declaration_by_a_non_party(tmp_path, capsys):
    path = _ledger(
        tmp_path,
        "ICRMW,FRA,accession,2005-01-01,",
        "ICRMW,FRA,accession,2006-01-01,",
        "ICRMW,DEU,declaration,2010-01-01,77",
    )
    lines = bad_input(capsys, "validate", str(path))
    assert len(lines) == 2
    assert lines[0].startswith("treatywatch: bad.csv:3: kind: France already gave its consent")
    assert lines[1].startswith("treatywatch: bad.csv:4: state: declaration under article 77 by Germany")


def test_validate_lists_every_bad_line_even_when_they_are_bad_in_different_ways(tmp_path, capsys):
    path = _ledger(tmp_path, "ICRMW,MEX,accession,2016-13,", "ICRMW,XXX,accession,2005-01-01,")
    lines = bad_input(capsys, "validate", str(path))
    assert [line.split(":")[2] for line in lines] == ["2", "3"]


def test_validate_rejects_a_file_with_an_unknown_column(tmp_path, capsys):
    path = tmp_path / "bad.csv"
    path.write_text("treaty,state,kind,date,colour\nICRMW,MEX,signature,1991-05-22,red\n", encoding="utf-8")
    (line,) = bad_input(capsys, "validate", str(path))
    assert line.startswith("treatywatch: bad.csv:1: header: unknown column 'colour'")


def test_validate_rejects_a_ledger_for_an_unknown_treaty(tmp_path, capsys):
    path = _ledger(tmp_path, "XYZ,MEX,signature,1991-05-22,")
    (line,) = bad_input(capsys, "validate", str(path))
    assert "unknown treaty 'XYZ'" in line


def test_validate_a_missing_file_says_so_in_one_line(tmp_path, capsys):
    missing = tmp_path / "nowhere.csv"
    assert bad_input(capsys, "validate", str(missing)) == [f"treatywatch: {missing}: no such file"]


# -------------------------------------------------------------------------------------------------------------
# bad input


@pytest.mark.parametrize("command", ["status", "timeline", "obligations"])
@pytest.mark.parametrize("day", ["2020-13-01", "2015-02-29", "14/03/2003", "2016"])
def test_a_bad_date_prints_one_line_naming_it_and_exits_2(capsys, command, day):
    (line,) = bad_input(capsys, command, "--as-of", day)
    assert f"'{day}' is not a date YYYY-MM-DD" in line


def test_a_bad_date_for_the_state_command_prints_one_line(capsys):
    (line,) = bad_input(capsys, "state", "MEX", "--as-of", "2020-02-30")
    assert "'2020-02-30' is not a date" in line


@pytest.mark.parametrize("command", [["status"], ["state", "MEX"], ["timeline"], ["obligations"]])
def test_an_unknown_treaty_prints_one_line_naming_it_and_the_known_ones(capsys, command):
    (line,) = bad_input(capsys, *command, "--treaty", "XYZ")
    assert line.startswith("treatywatch: unknown treaty 'XYZ' (known: ")
    assert "ICRMW" in line


@pytest.mark.parametrize("command", ["state", "obligations"])
def test_an_unknown_state_prints_one_line_naming_it(capsys, command):
    (line,) = bad_input(capsys, command, "Atlantis")
    assert line.startswith("treatywatch: unknown State 'Atlantis'")


@pytest.mark.parametrize(
    "argv",
    [
        ["status", "--format", "xml"],
        ["status", "--lang", "de"],
        ["status", "--bogus"],
        ["frobnicate"],
        [],
        ["state"],
        ["validate"],
    ],
    ids=["format", "lang", "option", "command", "no-command", "no-state", "no-file"],
)
def test_bad_arguments_print_one_line_and_exit_2(capsys, argv):
    (line,) = bad_input(capsys, *argv)
    assert "error:" in line


# -------------------------------------------------------------------------------------------------------------
# help


def _subcommands() -> list[str]:
    parser = cli.build_parser()
    (action,) = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
    return sorted(action.choices)


def test_the_engine_commands_are_all_there():
    assert set(COMMANDS) <= set(_subcommands())


@pytest.mark.parametrize("command", [[], *[[c] for c in _subcommands()]], ids=["top", *_subcommands()])
def test_help_works_on_every_command(capsys, command):
    with pytest.raises(SystemExit) as info:
        cli.main([*command, "--help"], out=io.StringIO())
    assert info.value.code == 0
    out = capsys.readouterr().out
    assert out.startswith("usage: treatywatch")


@pytest.mark.parametrize("command", ["status", "state", "timeline", "obligations"])
def test_the_help_of_each_engine_query_documents_format_as_of_treaty_and_lang(capsys, command):
    with pytest.raises(SystemExit):
        cli.main([command, "--help"])
    out = capsys.readouterr().out
    for option in ("--format", "--as-of", "--treaty", "--lang"):
        assert option in out


# -------------------------------------------------------------------------------------------------------------
# the installed command, in a subprocess


def _script(*argv: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(SCRIPT), *argv], capture_output=True, text=True, timeout=120, check=False)


def test_the_installed_command_gives_the_seed_figure_as_json():
    result = _script("status", "--as-of", "1999-12-17", "--format", "json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert (data["contracting_states"], data["instruments_needed"]) == (12, 8)


def test_the_installed_command_rejects_bad_input_in_one_line_with_exit_2_and_no_traceback():
    result = _script("state", "Atlantis")
    assert result.returncode == 2
    assert result.stdout == ""
    assert "Traceback" not in result.stderr
    assert result.stderr.splitlines() == [
        "treatywatch: unknown State 'Atlantis': give an ISO 3166-1 alpha-3 code, an M49 code or a UN name"
    ]


def test_a_procedure_whose_declarations_the_record_lacks_is_not_called_inoperative():
    """The CAT record is copied from status tables without declarations: art. 22 operates in fact since 1987, so
    the status says it cannot tell rather than "not operative"."""
    cat = run_json("status", "--treaty", "CAT")
    assert cat["record_as_of"] is not None
    for procedure in cat["procedures"].values():
        assert procedure["declarations"] == 0
        assert procedure["declarations_recorded"] is False
        assert procedure["operative"] is None
    icrmw = run_json("status")
    assert all(p["declarations_recorded"] is True for p in icrmw["procedures"].values())
    code, text = run("status", "--treaty", "CAT")
    assert code == 0
    assert "art. 22 (Individual communications): declarations not recorded, operative or not unknown" in text
    assert "not operative" not in text
