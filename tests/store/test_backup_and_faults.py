"""Backups round-trip with nothing lost; an import killed midway leaves all of it or none of it.

These run the real command in fresh processes against throwaway SQLite stores.
"""

from __future__ import annotations

import csv
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from treatywatch.catalogue import data_dir

TREATYWATCH = [sys.executable, "-m", "treatywatch.cli"]


def run(data: Path, *args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
    env.update(TREATYWATCH_ENV="development", TREATYWATCH_DATA_DIR=str(data))
    return subprocess.run([*TREATYWATCH, *args], env=env, capture_output=True, text=True, check=check, timeout=600)


def ledger_rows(data: Path) -> list[tuple[object, ...]]:
    with sqlite3.connect(data / "treatywatch.sqlite3") as db:
        return db.execute(
            "SELECT id, treaty_id, state_id, kind, date, hash FROM treaties_action ORDER BY id"
        ).fetchall()


@pytest.mark.parametrize("suffix", [".json", ".sqlite3"])
def test_backup_then_restore_into_a_new_store_loses_nothing(tmp_path: Path, suffix: str) -> None:
    first, second = tmp_path / "first", tmp_path / "second"
    run(first, "load")
    snapshot = tmp_path / f"snapshot{suffix}"
    assert "backup: wrote" in run(first, "backup", str(snapshot)).stdout
    run(second, "manage", "migrate", "--verbosity", "0")
    restored = run(second, "restore", str(snapshot))
    assert "chain intact" in restored.stdout
    assert ledger_rows(second) == ledger_rows(first)
    for day in ("1999-12-17", "2003-07-01", "2026-11-27"):
        assert (
            run(second, "status", "--as-of", day, "--format", "json").stdout
            == run(first, "status", "--as-of", day, "--format", "json").stdout
        )


def test_a_portable_dump_is_not_restored_over_an_existing_ledger(tmp_path: Path) -> None:
    run(tmp_path, "load")
    run(tmp_path, "backup", str(tmp_path / "x.json"))
    result = run(tmp_path, "restore", str(tmp_path / "x.json"), check=False)
    assert result.returncode == 2
    assert "empty store" in result.stderr and "Traceback" not in result.stderr


def _synthetic_store(tmp_path: Path, treaties: int) -> tuple[Path, Path, int]:
    """A data directory with many copies of a treaty, and a large ledger file to import into it."""
    data = tmp_path / "data"
    shutil.copytree(data_dir(), data, ignore=shutil.ignore_patterns("records", "treaties"))
    (data / "treaties").mkdir()
    (data / "records").mkdir()
    template = (data_dir() / "treaties" / "ICRMW.toml").read_text(encoding="utf-8")
    with (data / "states.csv").open(encoding="utf-8") as states:
        codes = [row["code"] for row in csv.DictReader(states)]
    big = tmp_path / "big.csv"
    count = 0
    with big.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(["treaty", "state", "kind", "date"])
        for n in range(treaties):
            ident = f"T{n:03d}"
            (data / "treaties" / f"{ident}.toml").write_text(
                template.replace('id = "ICRMW"', f'id = "{ident}"'), encoding="utf-8"
            )
            for code in codes:
                writer.writerow([ident, code, "signature", "2000-01-01"])
                writer.writerow([ident, code, "ratification", "2001-02-03"])
                count += 2
    return data, big, count


@pytest.mark.slow
def test_an_import_killed_midway_leaves_all_or_nothing_and_the_chain_intact(tmp_path: Path) -> None:
    data, big, total = _synthetic_store(tmp_path, treaties=30)
    store = tmp_path / "store"
    run(store, "load", "--data", str(data))
    env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
    env.update(TREATYWATCH_ENV="development", TREATYWATCH_DATA_DIR=str(store))
    # Kill while the transaction is being written: after the 1st, 3rd and 5th batch has gone to the database
    # (the command reports each batch on stderr), and once early while the file is still being checked.
    for batches in (0, 1, 3, 5):
        process = subprocess.Popen(
            [*TREATYWATCH, "import", str(big)], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
        )
        assert process.stderr is not None
        seen = b""
        if batches == 0:
            time.sleep(1.5)
        else:
            while seen.count(b"import [") < batches:
                chunk = process.stderr.read(1)
                assert chunk, f"import ended before batch {batches}: {seen[-300:]!r}"
                seen += chunk
        process.send_signal(signal.SIGKILL)
        process.wait()
        process.stderr.close()
        assert len(ledger_rows(store)) == 0, f"killed after {batches} batches: some entries were stored"
        assert "chain intact" in run(store, "verify").stdout
    finished = run(store, "import", str(big))
    assert len(ledger_rows(store)) == total
    assert "chain intact" in run(store, "verify").stdout
    assert finished.returncode == 0
