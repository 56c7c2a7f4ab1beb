"""The ratification matrix against its source file: cells of the matrix, as of the day each UNTC table was
scraped, give the signature and consent the scrape gives (shared/reference/core_treaties_untc_scrape_2013_2015.csv).

The matrix is built by ``treatywatch.engine.matrix`` for every State that existed on the day, as the portal builds
it; the tests compare sampled cells, then every cell of each scraped column, with the file. They are skipped
where the file is not beside the repository.
"""

from __future__ import annotations

import csv
import importlib.util
import random
from collections import defaultdict
from datetime import date, timedelta
from pathlib import Path
from types import ModuleType

import pytest

from treatywatch.catalogue import Catalogue
from treatywatch.engine import Span
from treatywatch.engine.matrix import BOUND, CORE_TREATIES, Cell, Matrix, core_count, matrix, matrix_states, target_list

D = date.fromisoformat
ROOT = Path(__file__).resolve().parents[2]
SCRAPE = ROOT.parent / "shared" / "reference" / "core_treaties_untc_scrape_2013_2015.csv"
pytestmark = pytest.mark.skipif(not SCRAPE.exists(), reason="the reference scrape is not beside the repository")
NOT_STATES = {"European Union"}
SAMPLE = 60


@pytest.fixture(scope="module")
def aliases() -> dict[str, str]:
    spec = importlib.util.spec_from_file_location("build_core_records", ROOT / "scripts" / "build_core_records.py")
    assert spec is not None and spec.loader is not None
    module: ModuleType = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return dict(module.ALIASES)


@pytest.fixture(scope="module")
def rows(catalogue: Catalogue, aliases: dict[str, str]) -> list[dict[str, str]]:
    """The scrape's rows of States, each with the State's code."""
    with SCRAPE.open(encoding="utf-8", newline="") as fh:
        found = [r for r in csv.DictReader(fh) if r["participant"] not in NOT_STATES]
    for row in found:
        row["code"] = aliases.get(row["participant"]) or catalogue.states.get(row["participant"]).code
    return found


@pytest.fixture(scope="module")
def grids(catalogue: Catalogue, rows: list[dict[str, str]]) -> dict[date, Matrix]:
    """The full matrix as of each day a table was scraped."""
    days = {D(r["scrape_commit_date"]) for r in rows}
    records = list(catalogue.records())
    return {day: matrix(records, matrix_states(catalogue.states, day), day) for day in days}


def cell(grid: Matrix, code: str, treaty: str) -> Cell:
    (row,) = [r for r in grid.rows if r.state.code == code]
    return row.cells[grid.column(treaty)]


def check(catalogue: Catalogue, grid: Matrix, row: dict[str, str]) -> None:
    """The cell of the scraped State and treaty says what the scraped row says."""
    treaty = catalogue.treaty(row["treaty"])
    found = cell(grid, row["code"], row["treaty"])
    if row["consent_date"]:
        consent = D(row["consent_date"])
        assert found.position in BOUND, row
        assert found.since is not None and not found.uncertain, row
        if found.position == "contracting":
            assert found.since == Span.day(consent), row
        else:
            # In force for the State: from its own deposit after the rule's delay (30 days, three months, or the
            # first day of the month after three months for the ICRMW: at most 124 days), or from the treaty's (or
            # its parent's) entry into force for an earlier one; a succession from the date of the succession of
            # States, which may precede its notification.
            eif = catalogue.record(treaty.id).entry_into_force
            assert eif is not None
            assert found.since.earliest <= max(consent + timedelta(days=124), eif.latest), row
            assert found.since.earliest >= eif.earliest, row
            if row["consent_type"] != "succession":
                assert found.since.earliest >= consent, row
    elif row["signature_date"]:
        assert found.position == "signatory", row
        assert found.since == Span.day(D(row["signature_date"])), row
    else:
        pytest.fail(f"a scraped row with neither signature nor consent: {row}")


def test_sampled_cells_of_the_matrix_give_the_scraped_signature_and_consent(catalogue, rows, grids):
    for row in random.Random(20150314).sample(rows, SAMPLE):
        check(catalogue, grids[D(row["scrape_commit_date"])], row)


def test_every_scraped_cell_agrees_and_every_other_cell_of_the_column_is_empty(catalogue, rows, grids):
    scraped: dict[str, dict[str, dict[str, str]]] = defaultdict(dict)
    for row in rows:
        scraped[row["treaty"]][row["code"]] = row
    for treaty, by_code in scraped.items():
        day = D(next(iter(by_code.values()))["scrape_commit_date"])
        grid = grids[day]
        column = grid.column(treaty)
        for matrix_row in grid.rows:
            code = matrix_row.state.code
            if code in by_code:
                check(catalogue, grid, by_code[code])
            else:
                assert matrix_row.cells[column].position == "none", (treaty, code)
        assert grid.bound_totals()[column] == sum(1 for r in by_code.values() if r["consent_date"]), treaty


def test_the_matrix_has_the_18_instruments_each_treaty_followed_by_its_protocols(grids):
    grid = next(iter(grids.values()))
    assert [t.id for t in grid.instruments] == [
        "ICERD",
        "ICCPR",
        "ICCPR-OP1",
        "ICCPR-OP2",
        "ICESCR",
        "ICESCR-OP",
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
    ]


def test_the_core_count_and_the_target_list_follow_the_scraped_consents(catalogue, rows, grids):
    """On 14 March 2015 (the last scrape), with each column as scraped on its own day, the count of core treaties
    of each State is the number of core-treaty rows of the scrape with a consent date."""
    day = D("2015-03-14")
    consents: dict[str, int] = defaultdict(int)
    for row in rows:
        if row["treaty"] in CORE_TREATIES and row["consent_date"] and D(row["consent_date"]) <= day:
            consents[row["code"]] += 1
    records = {r.treaty.id: r for r in catalogue.records()}
    grid = grids[day]
    for matrix_row in grid.rows:
        code = matrix_row.state.code
        assert matrix_row.core_count == consents[code] == core_count(records, code, day), code
    icrmw = {r["code"] for r in rows if r["treaty"] == "ICRMW" and r["consent_date"]}
    expected = {code for code, n in consents.items() if n >= 7 and code not in icrmw}
    found = target_list(grid, 7)
    assert {r.state.code for r in found} == expected
    assert [r.core_count for r in found] == sorted((r.core_count for r in found), reverse=True)
