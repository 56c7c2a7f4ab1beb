"""The core treaties' ledgers: read by the same reader, checked by the engine, and true to the UNTC scrape.

The scrape (shared/reference/core_treaties_untc_scrape_2013_2015.csv) sits beside the repository; the tests that
compare with it are skipped where it is absent.
"""

from __future__ import annotations

import csv
import importlib.util
import random
from collections import Counter
from datetime import date
from pathlib import Path
from types import ModuleType

import pytest

from treatywatch import cli
from treatywatch.catalogue import data_dir, read_ledger
from treatywatch.engine import ActionKind

D = date.fromisoformat
ROOT = Path(__file__).resolve().parents[2]
SCRAPE = ROOT.parent / "shared" / "reference" / "core_treaties_untc_scrape_2013_2015.csv"
needs_scrape = pytest.mark.skipif(not SCRAPE.exists(), reason="the reference scrape is not beside the repository")

SCRAPED = [
    "CAT",
    "CED",
    "CEDAW",
    "CRC",
    "CRC-OPAC",
    "CRC-OPIC",
    "CRC-OPSC",
    "CRPD",
    "ICCPR",
    "ICCPR-OP1",
    "ICCPR-OP2",
    "ICERD",
    "ICESCR",
    "ICESCR-OP",
    "OP-CEDAW",
    "OP-CRPD",
    "OPCAT",
]


@pytest.fixture(scope="module")
def scrape_rows() -> list[dict[str, str]]:
    with SCRAPE.open(encoding="utf-8", newline="") as fh:
        return [r for r in csv.DictReader(fh) if r["treaty"] != "ICRMW"]


@pytest.fixture(scope="module")
def builder() -> ModuleType:
    spec = importlib.util.spec_from_file_location("build_core_records", ROOT / "scripts" / "build_core_records.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize("ident", SCRAPED)
def test_each_ledger_is_read_by_the_common_reader_and_checked_by_the_engine(catalogue, ident):
    actions = read_ledger(data_dir() / "records" / f"{ident}.csv")
    assert actions and {a.treaty for a in actions} == {ident}
    record = catalogue.record(ident)
    assert len(record.actions) == len(actions)


@pytest.mark.parametrize("ident", ["CRC", "ICCPR", "OP-CRPD"])
def test_validate_and_status_accept_the_shipped_ledgers(capsys, ident):
    path = data_dir() / "records" / f"{ident}.csv"
    assert cli.main(["validate", str(path)]) == 0
    assert cli.main(["status", "--treaty", ident, "--as-of", "2014-01-01"]) == 0
    out = capsys.readouterr().out
    assert "actions, valid" in out
    assert "later actions are missing" in out


def test_every_source_a_ledger_names_is_cited(catalogue):
    used = {s for actions in catalogue.ledgers.values() for a in actions for s in a.source.split(";") if s}
    assert used <= set(catalogue.sources)
    scrape_ids = {s for s in used if s.startswith("untc-scrape-")}
    assert scrape_ids == {
        "untc-scrape-2014-01-27",
        "untc-scrape-2014-07-10",
        "untc-scrape-2014-10-26",
        "untc-scrape-2015-01-27",
        "untc-scrape-2015-03-14",
    }
    for ident in scrape_ids:
        assert "github.com/zmjones/untreaties" in catalogue.sources[ident]


def test_the_old_un_names_of_the_scrape_found_their_states(catalogue):
    crc = catalogue.record("CRC")
    assert crc.terms["NLD"][0].consent.kind is ActionKind.ACCEPTANCE  # "Netherlands", 6 Feb 1995 A
    for code in ("CZE", "TUR", "SWZ", "MKD", "KNA", "LCA", "VCT", "NLD", "NRU"):
        assert code in crc.terms, code


def test_the_european_union_is_in_no_state_ledger(catalogue):
    """Its formal confirmation of the CRPD is a known gap (docs/data-quality.md), not a State."""
    crpd = catalogue.record("CRPD")
    assert not any(a.kind is ActionKind.FORMAL_CONFIRMATION for a in crpd.actions)


# -------------------------------------------------------------------------------------------------------------
# true to the scrape


@needs_scrape
def test_the_ledgers_are_what_the_build_script_makes_of_the_scrape(builder):
    files, left_out = builder.build()
    for path, text in files.items():
        assert path.read_text(encoding="utf-8") == text, f"{path.name}: run scripts/build_core_records.py"
    assert [item.split(": ", 1)[1] for item in left_out] == ["CRPD European Union"]


@needs_scrape
def test_thirty_sampled_cells_of_the_matrix_give_the_scraped_signature_and_consent(catalogue, scrape_rows, builder):
    rows = [r for r in scrape_rows if r["participant"] != "European Union"]
    for row in random.Random(20141026).sample(rows, 30):
        record = catalogue.record(row["treaty"])
        day = D(row["scrape_commit_date"])
        code = builder.ALIASES.get(row["participant"]) or catalogue.states.get(row["participant"]).code
        (participant,) = [p for p in record.participants(day) if p.state == code]
        signature = participant.signature.date.text if participant.signature else ""
        consent = participant.consent.date.text if participant.consent else ""
        assert (signature, consent) == (row["signature_date"], row["consent_date"]), row
        if participant.consent:
            kind = participant.consent.kind.value.replace("_", " ")
            assert kind == row["consent_type"], row


@needs_scrape
def test_on_each_scrape_day_the_contracting_states_are_the_scraped_parties(catalogue, scrape_rows):
    parties = Counter(r["treaty"] for r in scrape_rows if r["consent_date"] and r["participant"] != "European Union")
    for ident in SCRAPED:
        status = catalogue.record(ident).status(catalogue.treaty(ident).record_as_of)
        assert (status.contracting_states, status.contracting_states_uncertain) == (parties[ident], 0), ident


# -------------------------------------------------------------------------------------------------------------
# predecessor States


def test_a_predecessors_instrument_counts_until_its_last_day_and_not_after(catalogue):
    iccpr = catalogue.record("ICCPR")
    on_last_day = {p.state for p in iccpr.participants(D("1992-12-31")) if p.position == "party"}
    day_after = {p.state for p in iccpr.participants(D("1993-01-01")) if p.position == "party"}
    assert "CSK" in on_last_day and "CSK" not in day_after
    assert iccpr.position("CSK", D("1993-01-01"))[0] == "withdrawn"
    assert iccpr.status(D("1992-12-31")).contracting_states - iccpr.status(D("1993-01-01")).contracting_states == 1


def test_czechoslovakias_instrument_is_the_thirty_third_the_record_knows_for_the_iccpr(catalogue):
    """UNTS vol. 999: it was the 35th; the German Democratic Republic's and Yugoslavia's are still missing."""
    status = catalogue.record("ICCPR").status(D("1975-12-23"))
    assert status.instruments_counted == 33
    assert status.instruments_needed == 2


def test_the_german_democratic_republics_instrument_known_to_the_year_counts_for_cedaws_twentieth(catalogue):
    cedaw = catalogue.record("CEDAW")
    (gdr,) = cedaw.terms["DDR"]
    assert gdr.consent.date.text == "1980" and gdr.consent.note
    status = cedaw.status(D("1981-08-04"))
    assert (status.instruments_counted, status.threshold_reached.iso()) == (20, "1981-08-04")
    assert cedaw.status(D("1990-10-02")).contracting_states - cedaw.status(D("1990-10-03")).contracting_states == 1


def test_the_german_democratic_republic_made_the_second_optional_protocols_tenth_spain(catalogue):
    op2 = catalogue.record("ICCPR-OP2")
    assert op2.status(D("1991-04-11")).threshold_reached.iso() == "1991-04-11"
    (gdr,) = op2.terms["DDR"]
    assert gdr.exit is not None and gdr.exit.iso() == "1990-10-03"
    assert op2.position("DDR", D("1991-07-11"))[0] == "withdrawn"


def test_each_added_predecessor_instrument_says_why_and_cites_its_source(catalogue):
    added = [a for actions in catalogue.ledgers.values() for a in actions if catalogue.states.get(a.state).historical]
    assert sorted((a.treaty, a.state, a.date.text, a.source) for a in added) == [
        ("CEDAW", "DDR", "1980", "core-eif-notes"),
        ("ICCPR", "CSK", "1975-12-23", "unts-999"),
        ("ICCPR-OP2", "DDR", "1990/1990-10-02", "core-eif-notes"),
    ]
    assert all("only in a footnote" in a.note for a in added)


def test_a_successors_succession_is_linked_to_its_predecessor_through_the_lineage(catalogue):
    assert catalogue.states.lineage("CZE") == ("CZE", "CSK")
    iccpr = catalogue.record("ICCPR")
    history = iccpr.history("CZE", D("2014-07-10"))
    assert [(a.state, a.kind.value, a.date.text) for a in history.actions] == [
        ("CSK", "ratification", "1975-12-23"),
        ("CZE", "succession", "1993-02-22"),
    ]
    (term,) = history.terms
    assert term.consent.effective is not None and term.consent.effective.text == "1993-01-01"
    assert term.entry_into_force.iso() == "1993-01-01"  # the day after Czechoslovakia's last day


@pytest.mark.parametrize(
    ("code", "effective", "lineage"),
    [("SVK", "1993-01-01", ("SVK", "CSK")), ("MNE", "2006-06-03", ("MNE", "SCG")), ("SRB", "1992-04-27", None)],
)
def test_successions_take_effect_on_the_date_of_the_succession_of_states(catalogue, code, effective, lineage):
    (term,) = catalogue.record("ICERD").terms[code]
    assert term.consent.kind is ActionKind.SUCCESSION
    assert term.consent.effective.text == effective
    if lineage:
        assert catalogue.states.lineage(code)[: len(lineage)] == lineage
    else:
        assert {"SCG", "YUG"} <= set(catalogue.states.lineage(code))


def test_successions_from_yugoslavia_before_its_end_and_from_colonial_powers_have_no_effective_date(catalogue):
    """Their dates of succession are not in the reference (docs/data-quality.md)."""
    icerd = catalogue.record("ICERD")
    for code in ("BIH", "HRV", "MKD", "SVN"):
        (term,) = icerd.terms[code]
        assert term.consent.kind is ActionKind.SUCCESSION and term.consent.effective is None, code
