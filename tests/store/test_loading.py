"""The store: loading the shipped record, idempotence, change reports, and all-or-nothing."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from treatywatch.catalogue import data_dir, load_catalogue
from treatywatch.treaties import models, store
from treatywatch.treaties.loading import load

pytestmark = pytest.mark.django_db


@pytest.fixture
def data_copy(tmp_path: Path) -> Path:
    root = tmp_path / "data"
    shutil.copytree(data_dir(), root)
    return root


def test_loading_the_shipped_record_stores_every_state_treaty_and_action() -> None:
    load()
    files = load_catalogue()
    assert models.State.objects.count() == 202
    assert models.Treaty.objects.count() == len(files.treaties)
    assert models.Action.objects.current().count() == sum(len(v) for v in files.ledgers.values())
    assert models.State.objects.get(code="TUR").name_en == "Türkiye"
    assert models.State.objects.get(code="CSK").successors == "CZE;SVK"


def test_loading_twice_changes_nothing(data_copy: Path) -> None:
    load(data_copy)
    load(data_copy)
    versions = models.RecordVersion.objects.count()
    second = load(data_copy)
    assert second.nothing
    assert str(second) == "nothing changed"
    models.LoadedFile.objects.all().delete()  # force the full comparison, not the digest shortcut
    assert load(data_copy).nothing
    assert models.RecordVersion.objects.count() == versions


def test_a_changed_source_file_updates_what_changed_and_reports_it(data_copy: Path) -> None:
    load(data_copy)
    ledger = data_copy / "records" / "ICRMW.csv"
    lines = ledger.read_text(encoding="utf-8").splitlines()
    # Give Albania's accession a depositary notification reference; drop Zimbabwe's accession.
    lines = [
        line.replace("ICRMW,ALB,accession,2007-06-05,,,,", "ICRMW,ALB,accession,2007-06-05,,,,C.N.999.2007.TREATIES-4")
        for line in lines
        if not line.startswith("ICRMW,ZWE,")
    ]
    ledger.write_text("\n".join(lines) + "\n", encoding="utf-8")
    report = load(data_copy)
    assert report.changed == {"actions": 1}
    assert report.removed == {"actions": 1}
    assert "changed 1 actions" in str(report)
    current = models.Action.objects.current().get(treaty_id="ICRMW", state_id="ALB", kind="accession")
    assert current.reference == "C.N.999.2007.TREATIES-4"
    assert current.supersedes is not None and current.supersedes.reference == ""
    assert current.reason == "source file changed"
    assert models.Action.objects.filter(treaty_id="ICRMW", state_id="ZWE", retraction=True).count() == 1
    assert not models.Action.objects.current().filter(treaty_id="ICRMW", state_id="ZWE").exists()


def test_a_bad_line_stores_nothing_and_names_the_line(data_copy: Path) -> None:
    load(data_copy)
    before = list(models.Action.objects.values_list("pk", "date"))
    ledger = data_copy / "records" / "ICRMW.csv"
    original = ledger.read_text(encoding="utf-8")
    ledger.write_text(original + "ICRMW,FRA,accession,2010-02-30,,,,,,,untc-2014\n", encoding="utf-8")
    with pytest.raises(CommandError) as err:
        call_command("load", data=data_copy)
    assert "ICRMW.csv:112: date: date '2010-02-30' has day 30; 2010-02 has 28 days" in str(err.value)
    ledger.write_text(original + "ICRMW,XXX,accession,2010-01-01,,,,,,,untc-2014\n", encoding="utf-8")
    with pytest.raises(CommandError) as err:
        call_command("load", data=data_copy)
    assert "ICRMW.csv:112: state: unknown State code 'XXX'" in str(err.value)
    assert list(models.Action.objects.values_list("pk", "date")) == before


def test_the_store_answers_as_the_files_do() -> None:
    load()
    store.forget()
    stored = store.catalogue(date(2026, 11, 27)).record("ICRMW")
    files = load_catalogue(today=date(2026, 11, 27)).record("ICRMW")
    for day in (date(1999, 12, 17), date(2003, 7, 1), date(2016, 6, 1), date(2026, 11, 27)):
        assert stored.status(day) == files.status(day)
    assert stored.status(date(1999, 12, 17)).instruments_needed == 8


def test_the_store_catalogue_is_rebuilt_when_the_record_changes(data_copy: Path) -> None:
    load(data_copy)
    store.forget()
    first = store.catalogue(date(2026, 11, 27))
    assert store.catalogue(date(2026, 11, 27)) is first
    (data_copy / "records" / "ICRMW.csv").write_text(
        "\n".join(
            line
            for line in (data_copy / "records" / "ICRMW.csv").read_text(encoding="utf-8").splitlines()
            if not line.startswith("ICRMW,ZWE,")
        )
        + "\n",
        encoding="utf-8",
    )
    load(data_copy)
    rebuilt = store.catalogue(date(2026, 11, 27))
    assert rebuilt is not first
    assert rebuilt.record("ICRMW").status(date(2026, 11, 27)).contracting_states == 59
