"""The data shipped with the package: States, historical entities, sources, treaty definitions and ledgers."""

from __future__ import annotations

import csv
import runpy
from collections import Counter
from datetime import date
from pathlib import Path

import pytest

from treatywatch.catalogue import data_dir, read_ledger, read_states, read_treaty
from treatywatch.engine import LANGUAGES, Precision, StateListError

DATA = data_dir()
REPO = Path(__file__).resolve().parents[1]
STATE_COLUMNS = ["code", "m49", "member", "region", "subregion", "latitude", "longitude"] + [
    f"name_{lang}" for lang in LANGUAGES
]


def _rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


@pytest.fixture(scope="module")
def state_rows() -> list[dict[str, str]]:
    return _rows(DATA / "states.csv")


@pytest.fixture(scope="module")
def historical_rows() -> dict[str, dict[str, str]]:
    return {row["code"]: row for row in _rows(DATA / "historical_states.csv")}


@pytest.fixture(scope="module")
def icrmw_rows() -> list[dict[str, str]]:
    return _rows(DATA / "records" / "ICRMW.csv")


# -------------------------------------------------------------------------------------------------------------
# states.csv


def test_states_csv_has_197_states_of_which_193_are_un_members(state_rows):
    assert len(state_rows) == 197
    assert Counter(row["member"] for row in state_rows) == {"yes": 193, "no": 4}


def test_the_four_non_members_are_the_holy_see_palestine_the_cook_islands_and_niue(state_rows):
    assert sorted(row["code"] for row in state_rows if row["member"] == "no") == ["COK", "NIU", "PSE", "VAT"]


def test_states_csv_has_its_documented_columns_in_order(state_rows):
    assert list(state_rows[0]) == STATE_COLUMNS


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_state_has_a_non_empty_name_in_each_official_language(state_rows, lang):
    empty = [row["code"] for row in state_rows if not row[f"name_{lang}"].strip()]
    assert empty == []


def test_state_codes_are_unique_alpha_3_codes_and_m49_codes_are_three_digits(state_rows):
    codes = [row["code"] for row in state_rows]
    assert len(set(codes)) == len(codes)
    assert all(len(c) == 3 and c.isalpha() and c.isupper() for c in codes)
    assert all(len(row["m49"]) == 3 and row["m49"].isdigit() for row in state_rows)
    assert codes == sorted(codes)


def test_states_csv_is_exactly_what_the_build_script_makes_from_hdx_python_country():
    import hdx.location.country  # the test extra installs it; a skip here would hide a stale file

    assert hdx.location.country.__file__
    script = runpy.run_path(str(REPO / "scripts" / "build_states.py"), run_name="build_states")
    assert script["build"]() == (DATA / "states.csv").read_text(encoding="utf-8")


# -------------------------------------------------------------------------------------------------------------
# historical_states.csv


def test_the_historical_entities_are_the_gdr_czechoslovakia_yugoslavia_serbia_and_montenegro_and_the_ussr(
    historical_rows,
):
    assert set(historical_rows) == {"DDR", "CSK", "YUG", "SCG", "SUN"}


@pytest.mark.parametrize(
    ("code", "ended", "successors", "continued_by"),
    [
        ("DDR", "1990-10-02", "DEU", ""),
        ("CSK", "1992-12-31", "CZE;SVK", ""),
        ("YUG", "1992-04-26", "BIH;HRV;SVN;MKD;SCG", ""),
        ("SCG", "2006-06-02", "MNE", "SRB"),
        ("SUN", "1991-12-25", "", "RUS"),
    ],
)
def test_each_historical_entity_has_its_last_day_and_its_successors(
    historical_rows, code, ended, successors, continued_by
):
    row = historical_rows[code]
    assert (row["ended"], row["successors"], row["continued_by"]) == (ended, successors, continued_by)
    for lang in LANGUAGES:
        assert row[f"name_{lang}"].strip()


def test_every_successor_named_by_a_historical_entity_is_a_known_state(historical_rows, state_rows):
    known = {row["code"] for row in state_rows} | set(historical_rows)
    named = {s for row in historical_rows.values() for s in row["successors"].split(";") if s}
    named |= {row["continued_by"] for row in historical_rows.values() if row["continued_by"]}
    assert named <= known


@pytest.mark.parametrize(
    ("code", "lineage"),
    [
        ("CZE", ("CZE", "CSK")),
        ("SVK", ("SVK", "CSK")),
        ("DEU", ("DEU", "DDR")),
        ("RUS", ("RUS", "SUN")),
        ("SRB", ("SRB", "SCG", "YUG")),
        ("MNE", ("MNE", "SCG", "YUG")),
        ("HRV", ("HRV", "YUG")),
        ("FRA", ("FRA",)),
    ],
)
def test_a_states_lineage_runs_through_its_predecessors_nearest_first(states, code, lineage):
    assert states.lineage(code) == lineage


def test_historical_entities_are_marked_with_the_last_day_they_existed(states):
    czechoslovakia = states.get("CSK")
    assert czechoslovakia.historical
    assert czechoslovakia.ended == date(1992, 12, 31)
    assert czechoslovakia.exists_on(date(1992, 12, 31))
    assert not czechoslovakia.exists_on(date(1993, 1, 1))
    assert not states.get("CZE").historical


def test_the_registry_holds_the_present_states_and_the_historical_entities(states):
    assert len(states) == 197 + 5


@pytest.mark.parametrize(
    ("key", "code"),
    [("MEX", "MEX"), ("484", "MEX"), ("Mexique", "MEX"), ("cote d'ivoire", "CIV"), ("Czechoslovakia", "CSK")],
)
def test_a_state_is_found_by_code_m49_or_a_name_in_any_language(states, key, code):
    assert states.get(key).code == code


def test_searching_states_finds_them_by_part_of_a_name(states):
    assert [s.code for s in states.search("venezuela")] == ["VEN"]
    assert states.search("") == []


def test_a_states_file_with_a_missing_name_is_rejected_naming_file_and_line(tmp_path):
    path = tmp_path / "states.csv"
    text = (DATA / "states.csv").read_text(encoding="utf-8").splitlines()
    cells = text[3].split(",")
    cells[STATE_COLUMNS.index("name_ru")] = ""
    text[3] = ",".join(cells)
    path.write_text("\n".join(text) + "\n", encoding="utf-8")
    with pytest.raises(StateListError, match=r"^states\.csv:4: name_ru: empty"):
        read_states(path)


def test_a_states_file_with_a_code_twice_is_rejected_naming_file_and_line(tmp_path):
    path = tmp_path / "states.csv"
    lines = (DATA / "states.csv").read_text(encoding="utf-8").splitlines()
    path.write_text("\n".join([*lines[:3], lines[2]]) + "\n", encoding="utf-8")
    with pytest.raises(StateListError, match=r"^states\.csv:4: code: \w{3} appears twice"):
        read_states(path)


# -------------------------------------------------------------------------------------------------------------
# sources, definitions and ledgers


def test_source_identifiers_are_unique_and_each_has_a_citation():
    rows = _rows(DATA / "sources.csv")
    ids = [row["id"] for row in rows]
    assert len(set(ids)) == len(ids)
    assert all(row["citation"].strip() for row in rows)


LEDGERS = sorted((DATA / "records").glob("*.csv"))


@pytest.mark.parametrize("path", LEDGERS, ids=[p.name for p in LEDGERS])
def test_every_source_a_ledger_cites_exists_in_sources_csv(path):
    known = {row["id"] for row in _rows(DATA / "sources.csv")}
    missing = sorted(
        {
            f"{path.name}:{line}: {source}"
            for line, row in enumerate(_rows(path), start=2)
            for source in row.get("source", "").split(";")
            if source.strip() and source.strip() not in known
        }
    )
    assert missing == []


@pytest.mark.parametrize("path", LEDGERS, ids=[p.name for p in LEDGERS])
def test_every_shipped_ledger_reads_and_builds_a_valid_record(catalogue, path):
    actions = read_ledger(path)
    assert actions
    for ident in {a.treaty for a in actions}:
        catalogue.record(ident)


DEFINITIONS = sorted((DATA / "treaties").glob("*.toml"))


@pytest.mark.parametrize("path", DEFINITIONS, ids=[p.stem for p in DEFINITIONS])
def test_every_shipped_treaty_definition_reads(path):
    assert read_treaty(path).id == path.stem


# -------------------------------------------------------------------------------------------------------------
# the ICRMW record


def test_the_icrmw_record_cites_a_source_on_every_line(icrmw_rows):
    assert [row["state"] for row in icrmw_rows if not row["source"].strip()] == []


def test_the_icrmw_record_names_seventy_one_states(icrmw_rows):
    assert len({row["state"] for row in icrmw_rows}) == 71


def test_the_icrmw_record_has_sixty_parties_and_forty_signatories(icrmw_rows):
    consents = [row for row in icrmw_rows if row["kind"] in ("ratification", "accession")]
    assert len(consents) == 60
    assert len({row["state"] for row in consents}) == 60
    signatures = [row for row in icrmw_rows if row["kind"] == "signature"]
    assert len(signatures) == 40
    assert len({row["state"] for row in signatures}) == 40


def test_the_icrmw_record_has_exactly_four_partial_consent_dates(icrmw_rows):
    partial = {
        row["state"]: row["date"]
        for row in icrmw_rows
        if row["kind"] in ("ratification", "accession") and len(row["date"]) != len("2003-03-14")
    }
    assert partial == {"VEN": "2016", "STP": "2017", "TGO": "2020", "ZWE": "2024-11"}


def test_the_partial_consent_dates_keep_their_precision_when_read(icrmw):
    precision = {a.state: a.date.precision for a in icrmw.actions if a.kind.is_consent and not a.date.exact}
    assert precision == {
        "VEN": Precision.YEAR,
        "STP": Precision.YEAR,
        "TGO": Precision.YEAR,
        "ZWE": Precision.MONTH,
    }


def test_each_partial_consent_carries_a_note_saying_what_is_missing(icrmw_rows):
    for row in icrmw_rows:
        if row["kind"] in ("ratification", "accession") and len(row["date"]) != len("2003-03-14"):
            assert "not found" in row["note"], row["state"]


def test_the_icrmw_record_names_declarations_under_76_and_77_without_dates(icrmw_rows):
    by_article = {
        article: sorted(r["state"] for r in icrmw_rows if r["kind"] == "declaration" and r["article"] == article)
        for article in ("76", "77")
    }
    assert by_article == {"76": ["GTM", "SLV"], "77": ["GTM", "MEX", "SLV", "URY"]}
    assert {r["date"] for r in icrmw_rows if r["kind"] == "declaration"} == {"../2014-10-26"}
