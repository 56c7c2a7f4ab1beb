"""``treatywatch report status``: writes each format; bad input is one line on stderr and exit status 2."""

from __future__ import annotations

import io
import os
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from treatywatch import cli

pytestmark = pytest.mark.django_db


def run(tmp_path: Path, *extra: str, out: str | None = None) -> tuple[int, str]:
    target = out or str(tmp_path / "report.html")
    argv = ["report", "status", "--session", "55", "--as-of", "2000-07-01", "--format", "html", "--out", target]
    stdout = io.StringIO()
    return cli.main([*argv, *extra], out=stdout), stdout.getvalue()


@pytest.mark.parametrize("fmt", ["pdf", "docx", "html"])
def test_each_format_is_written(loaded: None, tmp_path: Path, fmt: str) -> None:
    code, said = run(tmp_path, "--format", fmt, out=str(tmp_path / f"r.{fmt}"))
    assert code == 0
    data = (tmp_path / f"r.{fmt}").read_bytes()
    assert data[:4] == {"pdf": b"%PDF", "docx": b"PK\x03\x04", "html": b"<!DO"}[fmt]
    assert "12 States bound" in said and "ledger " in said


def test_narrative_paragraphs_come_from_a_text_file(loaded: None, tmp_path: Path) -> None:
    narrative = tmp_path / "narrative.txt"
    narrative.write_text("First paragraph\non two lines.\n\nSecond paragraph.\n", encoding="utf-8")
    code, _ = run(tmp_path, "--narrative", str(narrative), "--lang", "es")
    assert code == 0
    html = (tmp_path / "report.html").read_text(encoding="utf-8")
    assert "First paragraph on two lines." in html and 'class="para narrative"' in html


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        (["--lang", "de"], "--lang: unknown language 'de'"),
        (["--as-of", "2000-02-30"], "--as-of: '2000-02-30' is not a date"),
        (["--session", "fifty-five"], "--session: 'fifty-five' is not a positive integer"),
        (["--session", "0"], "--session: '0' is not a positive integer"),
        (["--format", "odt"], "--format: 'odt' is not one of pdf, docx, html"),
        (["--narrative", "/no/such/file.txt"], "--narrative: /no/such/file.txt: no such file"),
        (["--resolution", "54/158"], "go together"),
    ],
)
def test_bad_input_is_one_line_and_exit_status_2(
    loaded: None, tmp_path: Path, capsys: pytest.CaptureFixture[str], extra: list[str], message: str
) -> None:
    code, _ = run(tmp_path, *extra)
    err = capsys.readouterr().err
    assert code == 2
    assert err.count("\n") == 1 and message in err and err.startswith("treatywatch: ")


def test_an_unwritable_path_is_refused_before_any_work(
    loaded: None, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0o500)
    try:
        for target, message in ((tmp_path / "missing" / "r.pdf", "does not exist"), (tmp_path, "is a directory")):
            code, _ = run(tmp_path, out=str(target))
            assert code == 2 and message in capsys.readouterr().err
        code, _ = run(tmp_path, out=str(locked / "r.pdf"))
        err = capsys.readouterr().err
        if os.geteuid() != 0:  # root may write anywhere
            assert code == 2 and "is not writable" in err
    finally:
        locked.chmod(0o700)


def test_a_treaty_missing_from_the_store_says_to_load_first(
    loaded: None, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _ = run(tmp_path, "--treaty", "NOPE")
    assert code == 2 and "run `treatywatch load` first" in capsys.readouterr().err


def test_the_management_command_raises_command_error_with_status_2(loaded: None, tmp_path: Path) -> None:
    with pytest.raises(CommandError, match="--lang") as caught:
        call_command("report_status", session="55", as_of="2000-07-01", out=str(tmp_path / "r.pdf"), lang="xx")
    assert caught.value.returncode == 2
