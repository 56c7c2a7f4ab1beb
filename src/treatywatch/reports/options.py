"""The options of ``treatywatch report status`` (and ``manage report_status``), and their checking. Pure.

Options are read as text and checked here, not by argparse types, so that every mistake is one line naming the
option at fault, whichever entry point was used.
"""

from __future__ import annotations

import argparse
import os
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from treatywatch.engine import LANGUAGES

from .content import ReportInputs, Resolution
from .ordinals import MAX_SESSION

__all__ = ["FORMATS", "BadReportInput", "ReportJob", "add_report_arguments", "parse_report_options"]

FORMATS = ("pdf", "docx", "html")


class BadReportInput(ValueError):
    """A report option the user can fix; its message is one line."""


@dataclass(frozen=True, slots=True)
class ReportJob:
    inputs: ReportInputs
    format: str
    out: Path


def add_report_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--session", metavar="N", help="General Assembly session, e.g. 55 (required)")
    parser.add_argument("--as-of", dest="as_of", metavar="DATE", help="status as of this day, YYYY-MM-DD (required)")
    parser.add_argument("--lang", default="en", metavar="LANG", help=f"one of {', '.join(LANGUAGES)} (default: en)")
    parser.add_argument("--format", default="pdf", metavar="FORMAT", help="pdf, docx or html (default: pdf)")
    parser.add_argument("--out", metavar="FILE", help="file to write (required)")
    parser.add_argument("--symbol", default="", help="document symbol, e.g. A/55/205 (default: a marked placeholder)")
    parser.add_argument("--agenda-item", dest="agenda_item", default="", help='agenda item, e.g. "114 (b)"')
    parser.add_argument("--narrative", metavar="FILE.txt", help="staff paragraphs, UTF-8, separated by blank lines")
    parser.add_argument("--date", dest="document_date", metavar="DATE", help="date of the document (default: today)")
    parser.add_argument("--resolution", metavar="SYMBOL", help="requesting resolution, e.g. 54/158 (default for 55)")
    parser.add_argument("--resolution-date", dest="resolution_date", metavar="DATE", help="its date, YYYY-MM-DD")
    parser.add_argument("--resolution-paragraph", dest="resolution_paragraph", metavar="N", help="its paragraph")
    parser.add_argument("--treaty", default="ICRMW", help="treaty identifier (default: ICRMW)")


def _day(value: Any, option: str) -> date:
    try:
        return date.fromisoformat(str(value))
    except ValueError:
        raise BadReportInput(f"{option}: {value!r} is not a date YYYY-MM-DD") from None


def _positive(value: Any, option: str, maximum: int | None = None) -> int:
    text = str(value).strip()
    if not text.isdigit() or int(text) < 1:
        raise BadReportInput(f"{option}: {value!r} is not a positive integer")
    if maximum is not None and int(text) > maximum:
        raise BadReportInput(f"{option}: {value!r} is above {maximum}")
    return int(text)


def _writable(value: Any) -> Path:
    path = Path(str(value))
    if path.is_dir():
        raise BadReportInput(f"--out: {path} is a directory")
    parent = path.parent if str(path.parent) else Path(".")
    if not parent.is_dir():
        raise BadReportInput(f"--out: directory {parent} does not exist")
    if not os.access(parent, os.W_OK) or (path.exists() and not os.access(path, os.W_OK)):
        raise BadReportInput(f"--out: {path} is not writable")
    return path


def _narrative(value: Any) -> tuple[str, ...]:
    path = Path(str(value))
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise BadReportInput(f"--narrative: {path}: no such file") from None
    except UnicodeDecodeError:
        raise BadReportInput(f"--narrative: {path} is not UTF-8 text") from None
    except OSError as exc:
        raise BadReportInput(f"--narrative: {path}: {exc.strerror}") from None
    blocks = [" ".join(block.split()) for block in text.replace("\r\n", "\n").split("\n\n")]
    return tuple(b for b in blocks if b)


def parse_report_options(options: dict[str, Any], today: date) -> ReportJob:
    """Check the options and turn them into a job, or raise ``BadReportInput`` naming the first problem."""
    for name, flag in (("session", "--session"), ("as_of", "--as-of"), ("out", "--out")):
        if not options.get(name):
            raise BadReportInput(f"{flag} is required")
    session = _positive(options["session"], "--session", MAX_SESSION)
    as_of = _day(options["as_of"], "--as-of")
    if as_of > today:
        raise BadReportInput(f"--as-of: {as_of} is after today ({today}); a status report describes the past")
    lang = str(options.get("lang") or "en")
    if lang not in LANGUAGES:
        raise BadReportInput(f"--lang: unknown language {lang!r} (use one of {', '.join(LANGUAGES)})")
    fmt = str(options.get("format") or "pdf")
    if fmt not in FORMATS:
        raise BadReportInput(f"--format: {fmt!r} is not one of {', '.join(FORMATS)}")
    out = _writable(options["out"])
    narrative = _narrative(options["narrative"]) if options.get("narrative") else ()
    document_date = _day(options["document_date"], "--date") if options.get("document_date") else today
    requesting = None
    given = [options.get(k) for k in ("resolution", "resolution_date", "resolution_paragraph")]
    if any(given):
        if not all(given):
            raise BadReportInput("--resolution, --resolution-date and --resolution-paragraph go together")
        requesting = Resolution(
            str(options["resolution"]).strip(),
            _day(options["resolution_date"], "--resolution-date"),
            _positive(options["resolution_paragraph"], "--resolution-paragraph"),
        )
    inputs = ReportInputs(
        session=session,
        as_of=as_of,
        lang=lang,
        symbol=str(options.get("symbol") or "").strip(),
        agenda_item=str(options.get("agenda_item") or "").strip(),
        narrative=narrative,
        requesting=requesting,
        document_date=document_date,
        treaty=str(options.get("treaty") or "ICRMW"),
    )
    return ReportJob(inputs, fmt, out)
