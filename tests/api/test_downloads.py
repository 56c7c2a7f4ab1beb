"""Bulk downloads: CSV that Excel opens, a ledger that imports back to the same answers, a valid Data Package."""

from __future__ import annotations

import csv
import io
import json
import random
import shutil
from datetime import date, timedelta
from pathlib import Path

import pytest
from django.test import Client
from frictionless import Package, validate

from treatywatch.api.caching import current_stamp
from treatywatch.api.documents import snapshot
from treatywatch.api.downloads import PACKAGE_TABLES, package_files, write_package
from treatywatch.catalogue import LEDGER_COLUMNS, data_dir, load_catalogue, read_ledger
from treatywatch.engine import TreatyRecord
from treatywatch.serialize import status_dict

from .conftest import get_json

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("loaded")]

BOM = b"\xef\xbb\xbf"


def download(client: Client, url: str) -> bytes:
    response = client.get(url)
    assert response.status_code == 200, (url, response.content[:300])
    return bytes(response.content)


@pytest.mark.parametrize(
    "url",
    [
        "/data/ledger.csv",
        "/data/states.csv",
        "/data/participants.csv",
        "/data/status.csv",
        "/data/timeline.csv",
        "/data/ICRMW/ledger.csv",
        "/data/ICRMW/participants.csv?lang=ar",
        "/data/ICRMW/status.csv?as_of=2003-07-01",
        "/data/ICRMW/timeline.csv",
    ],
)
def test_csv_downloads_are_utf8_with_a_bom_and_a_header(client: Client, url: str) -> None:
    response = client.get(url)
    assert response["Content-Type"].startswith("text/csv; charset=utf-8")
    assert response["Content-Disposition"].startswith("attachment; filename=")
    body = bytes(response.content)
    assert body.startswith(BOM)
    rows = list(csv.reader(io.StringIO(body.decode("utf-8-sig"))))
    assert len(rows) >= 2
    assert all(len(row) == len(rows[0]) for row in rows)


def test_the_ledger_has_exactly_the_columns_load_reads(client: Client) -> None:
    text = download(client, "/data/ledger.csv").decode("utf-8-sig")
    assert tuple(text.splitlines()[0].split(",")) == LEDGER_COLUMNS


def test_arabic_and_chinese_names_survive_the_csv(client: Client) -> None:
    text = download(client, "/data/ICRMW/participants.csv?lang=ar").decode("utf-8-sig")
    assert "المكسيك" in text
    states = download(client, "/data/states.csv").decode("utf-8-sig")
    assert "墨西哥" in states and "Мексика" in states


def _days(record: TreatyRecord, n: int = 60) -> list[date]:
    days = [p.day for p in record.timeline()]
    rng = random.Random(20031)
    start, end = date(1965, 1, 1), date(2030, 12, 31)
    days += [start + timedelta(days=rng.randrange((end - start).days)) for _ in range(n)]
    return sorted(set(days))


def test_an_exported_ledger_rebuilds_the_same_record_on_every_date(client: Client) -> None:
    stored = snapshot(current_stamp()).cat
    actions = read_ledger(io.StringIO(download(client, "/data/ICRMW/ledger.csv").decode("utf-8-sig")), "ICRMW.csv")
    treaty = stored.treaty("ICRMW")
    rebuilt = TreatyRecord(treaty, actions, stored.states, stored.today)
    original = stored.record("ICRMW")
    for day in _days(original):
        assert rebuilt.status(day) == original.status(day), day
        # The whole status object, participants included (actions differ only in where they were read from).
        assert status_dict(rebuilt, rebuilt.status(day)) == status_dict(original, original.status(day)), day


def test_the_whole_ledger_loads_back_from_a_data_directory(client: Client, tmp_path: Path) -> None:
    """The downloaded ledger, put in an empty data directory's records/, reads as the shipped files do."""
    root = tmp_path / "data"
    shutil.copytree(data_dir(), root)
    for old in (root / "records").glob("*.csv"):
        old.unlink()
    (root / "records" / "everything.csv").write_bytes(download(client, "/data/ledger.csv"))
    stored = snapshot(current_stamp()).cat
    reread = load_catalogue(root, today=stored.today)
    assert sorted(reread.ledgers) == sorted(i for i, actions in stored.ledgers.items() if actions)
    for ident in reread.ledgers:
        record, original = reread.record(ident), stored.record(ident)
        for day in _days(original, 10):
            assert record.status(day) == original.status(day), (ident, day)
        today = stored.today
        assert status_dict(record, record.status(today)) == status_dict(original, original.status(today)), ident


def test_status_json_is_the_status_object(client: Client) -> None:
    data = get_json(client, "/data/ICRMW/status.json?as_of=2003-07-01")
    assert data == get_json(client, "/api/v1/treaties/ICRMW/status?as_of=2003-07-01")
    everything = get_json(client, "/data/status.json?as_of=2003-07-01")
    assert data in everything


def test_participants_csv_and_json_agree(client: Client) -> None:
    rows = list(csv.DictReader(io.StringIO(download(client, "/data/ICRMW/participants.csv").decode("utf-8-sig"))))
    data = get_json(client, "/data/ICRMW/participants.json")
    assert [r["code"] for r in rows] == [p["code"] for p in data["participants"]]
    assert [r["position"] for r in rows] == [p["position"] for p in data["participants"]]


def test_the_ledger_json_gives_each_action_its_stored_id(client: Client) -> None:
    data = get_json(client, "/data/ICRMW/ledger.json")
    api = get_json(client, "/api/v1/actions?treaty=ICRMW&page_size=200")
    assert {a["id"] for a in data} == {a["id"] for a in api["results"]}


def test_the_data_package_validates_with_frictionless(tmp_path: Path) -> None:
    written = write_package(snapshot(current_stamp()), tmp_path)
    assert {p.name for p in written} == {"datapackage.json", *(f"{t}.csv" for t in PACKAGE_TABLES)}
    report = validate(tmp_path / "datapackage.json")
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])[:10]
    package = Package(tmp_path / "datapackage.json")
    assert [r.name for r in package.resources] == list(PACKAGE_TABLES)
    descriptor = json.loads((tmp_path / "datapackage.json").read_text(encoding="utf-8"))
    assert descriptor["licenses"][0]["name"]
    assert any("untc" in s["title"] for s in descriptor["sources"])


def test_the_package_served_is_the_package_written(client: Client) -> None:
    files = package_files(snapshot(current_stamp()))
    for name, body in files.items():
        assert download(client, f"/data/{name}") == body, name
