"""The ``treatywatch`` command: thin, pipeable, calling the same engine and serializer as the web.

Bad input prints one line naming what is wrong and exits 2; no traceback.
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path
from typing import Any, TextIO

from .catalogue import Catalogue, load_catalogue, read_ledger
from .engine import LANGUAGES, LedgerError, RecordProblem, TreatyRecord, TreatyWatchError, reconcile
from .reports.options import add_report_arguments
from .serialize import due_dict, history_dict, reconciliation_dict, status_dict, timeline_dict

EXIT_BAD_INPUT = 2


class BadInput(Exception):
    """Input the user can fix; printed as one line."""


def _day(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date YYYY-MM-DD") from None


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        self.exit(EXIT_BAD_INPUT, f"{self.prog}: error: {message}\n")


def _common(p: argparse.ArgumentParser) -> None:
    p.add_argument("--treaty", default="ICRMW", help="treaty identifier (default: ICRMW)")
    p.add_argument("--as-of", type=_day, default=None, metavar="DATE", help="answer as of this day (default: today)")
    p.add_argument("--format", choices=("table", "json", "csv"), default="table", help="output format (default: table)")
    p.add_argument("--lang", choices=LANGUAGES, default="en", help="language of State names (default: en)")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="treatywatch",
        description="The Migrant Workers Convention's depositary record and the rules of its final clauses.",
        epilog="Examples: treatywatch status --as-of 1999-12-17 | treatywatch state MEX --format json",
    )
    sub = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)
    p = sub.add_parser("status", help="the treaty's status as of a day", description="The treaty's status as of a day.")
    _common(p)
    p = sub.add_parser(
        "state", help="one State's history and position", description="One State's history and position."
    )
    p.add_argument("code", help="ISO alpha-3 or M49 code, or a UN name in any of the six languages")
    _common(p)
    p = sub.add_parser(
        "timeline", help="counts after each day something changed", description="Counts after each change."
    )
    _common(p)
    p = sub.add_parser("obligations", help="reports due under the reporting article", description="Reports due.")
    p.add_argument("code", nargs="?", help="only this State")
    _common(p)
    p = sub.add_parser("validate", help="check a ledger CSV file without loading it", description="Check a ledger CSV.")
    p.add_argument("file", type=Path, help="ledger CSV (columns: treaty,state,kind,date,article,...)")
    p = sub.add_parser(
        "reconcile",
        help="computed entry-into-force dates against the recorded ones",
        description="For each treaty, the entry-into-force date computed from its record beside the date the "
        "depositary records, with the likely causes of any difference.",
    )
    p.add_argument("--treaty", default=None, help="only this treaty (default: every treaty)")
    p.add_argument("--format", choices=("table", "json", "csv"), default="table", help="output format (default: table)")
    p = sub.add_parser("load", help="create or migrate the store and load the shipped record", description="Load.")
    p.add_argument("--data", type=Path, default=None, help="data directory (default: the package's data)")
    p.set_defaults(handler=_django_load)
    p = sub.add_parser("import", help="import a ledger CSV into the store (all or nothing)", description="Import.")
    p.add_argument("file", type=Path, help="ledger CSV in the documented format")
    p.add_argument("--dry-run", action="store_true", help="check everything, record nothing")
    p.add_argument("--by", default="import", help="name recorded as the author (default: import)")
    p.set_defaults(handler=_django_command("import_ledger", "file"))
    p = sub.add_parser("backup", help="write a consistent snapshot of the store", description="Back up the store.")
    p.add_argument("file", type=Path, help="FILE.json (portable) or a file for the SQLite/pg_dump snapshot")
    p.set_defaults(handler=_django_command("backup", "file"))
    p = sub.add_parser("restore", help="restore a snapshot, then verify the ledger", description="Restore.")
    p.add_argument("file", type=Path, help="a file written by `treatywatch backup`")
    p.set_defaults(handler=_django_command("restore", "file"))
    p = sub.add_parser(
        "export-site", help="write the public portal as static files", description="Static copy of the portal."
    )
    p.add_argument("directory", type=Path, help="folder to write (made if missing)")
    p.add_argument("--base-url", default=None, help="absolute address the copy will be served from (optional)")
    p.add_argument("--jobs", type=int, default=None, help="processes rendering pages (default: the CPUs, at most 4)")
    p.set_defaults(handler=_django_command("export_site", "directory"))
    p = sub.add_parser("verify", help="recompute the ledger's hash chain", description="Verify the ledger's chain.")
    p.set_defaults(handler=_django_command("verify"))
    p = sub.add_parser("report", help="documents computed from the stored record", description="Reports.")
    reports = p.add_subparsers(dest="report", required=True, parser_class=_Parser)
    p = reports.add_parser(
        "status",
        help="the Secretary-General's report on the status of the Convention",
        description="The Secretary-General's report on the status of the Convention, as of a day, in one of the six "
        "languages, as PDF, DOCX or HTML, from the stored record.",
    )
    add_report_arguments(p)
    p.set_defaults(handler=_report_status)
    p = sub.add_parser("serve", help="serve the portal with gunicorn", description="Serve the portal with gunicorn.")
    p.add_argument("--bind", default="127.0.0.1:8000", help="address (default: 127.0.0.1:8000)")
    p.add_argument("--workers", type=int, default=2, help="worker processes (default: 2)")
    p.add_argument(
        "--threads",
        type=int,
        default=4,
        help="threads per worker for requests that reach Django (default: 4)",
    )
    p.add_argument(
        "--access-log",
        metavar="FILE",
        default=None,
        help="log each request to FILE ('-': standard output); off by default: visitors' addresses are personal "
        "data, and a reverse proxy in front usually logs",
    )
    p.set_defaults(handler=_serve)
    p = sub.add_parser("manage", help="run a Django management command", description="Django management commands.")
    p.add_argument("rest", nargs=argparse.REMAINDER, help="command and its arguments")
    p.set_defaults(handler=_manage)
    return parser


def _django() -> None:
    import os

    import django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "treatywatch.site.settings")
    django.setup()


def _django_load(args: argparse.Namespace, out: TextIO) -> int:
    _django()
    from django.core.management import call_command

    call_command("migrate", interactive=False, verbosity=0)
    return _django_command("load")(args, out)


def _django_command(name: str, *positional: str) -> Callable[[argparse.Namespace, TextIO], int]:
    """A handler that runs a Django management command; its CommandError becomes one line and exit 2."""

    def run(args: argparse.Namespace, out: TextIO) -> int:
        _django()
        from django.core.management import call_command
        from django.core.management.base import CommandError

        values = [str(getattr(args, p)) for p in positional]
        options = {k: v for k, v in vars(args).items() if k not in ("command", "handler", *positional)}
        try:
            call_command(name, *values, stdout=out, **options)
        except CommandError as exc:
            print(f"treatywatch: {exc}", file=sys.stderr)
            return EXIT_BAD_INPUT
        return 0

    return run


def _report_status(args: argparse.Namespace, out: TextIO) -> int:
    options = argparse.Namespace(**{k: v for k, v in vars(args).items() if k != "report"})
    return _django_command("report_status")(options, out)


def _serve(args: argparse.Namespace, out: TextIO) -> int:
    import os

    if not 1 <= args.workers <= 64 or not 1 <= args.threads <= 256:
        raise BadInput("--workers: expected 1 to 64; --threads: expected 1 to 256")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "treatywatch.site.settings")
    os.environ["TREATYWATCH_THREADS"] = str(args.threads)
    out.write(f"treatywatch: serving the portal at http://{args.bind}/\n")
    out.flush()
    gunicorn = Path(sys.executable).with_name("gunicorn")
    command = [
        str(gunicorn),
        "treatywatch.site.asgi:application",
        "--bind",
        args.bind,
        "--workers",
        str(args.workers),
        "--worker-class",
        "treatywatch.site.serving.Worker",
    ]
    if args.access_log:
        command += ["--access-logfile", args.access_log]
    os.execv(str(gunicorn), command)  # noqa: S606 - replaces this process with gunicorn, arguments are ours
    return 0  # pragma: no cover


def _manage(args: argparse.Namespace, out: TextIO) -> int:
    _django()
    from django.core.management import execute_from_command_line

    execute_from_command_line(["treatywatch manage", *args.rest])
    return 0


def _emit_rows(rows: list[dict[str, Any]], columns: list[str], fmt: str, out: TextIO) -> None:
    if fmt == "json":
        json.dump(rows, out, ensure_ascii=False, indent=2)
        out.write("\n")
    elif fmt == "csv":
        writer = csv.DictWriter(out, columns, extrasaction="ignore", lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    else:
        _table(rows, columns, out)


def _table(rows: list[dict[str, Any]], columns: list[str], out: TextIO) -> None:
    cells = [[("" if r.get(c) is None else str(r.get(c))) for c in columns] for r in rows]
    widths = [max([len(c)] + [len(row[i]) for row in cells]) for i, c in enumerate(columns)]
    out.write("  ".join(c.ljust(w) for c, w in zip(columns, widths, strict=True)).rstrip() + "\n")
    for row in cells:
        out.write("  ".join(v.ljust(w) for v, w in zip(row, widths, strict=True)).rstrip() + "\n")


def cmd_status(cat: Catalogue, record: TreatyRecord, args: argparse.Namespace, out: TextIO) -> None:
    status = record.status(args.as_of)
    data = status_dict(record, status, args.lang)
    columns = ["code", "name", "signature", "consent", "consent_kind", "entry_into_force", "position"]
    if args.format == "json":
        json.dump(data, out, ensure_ascii=False, indent=2)
        out.write("\n")
        return
    if args.format == "csv":
        _emit_rows(data["states"], columns, "csv", out)
        return
    out.write(f"{record.treaty.title(args.lang)} ({record.treaty.id}) as of {data['as_of']}\n")
    if status.record_as_of:
        out.write(f"  record as of {status.record_as_of}: later actions are missing\n")
    out.write(f"  contracting States: {_with_maybe(status.contracting_states, status.contracting_states_uncertain)}\n")
    out.write(f"  Parties in force:   {_with_maybe(status.parties_in_force, status.parties_in_force_uncertain)}\n")
    not_bound = _with_maybe(status.signatories_not_bound, status.signatories_not_bound_uncertain)
    out.write(f"  signatories not bound: {not_bound}\n")
    eif = data["entry_into_force"]
    if status.in_force:
        out.write(f"  in force since {eif} (art. {record.treaty.entry_into_force.article})\n")
    elif eif:
        out.write(f"  threshold reached; enters into force on {eif}\n")
    else:
        out.write(
            f"  not in force: {status.instruments_needed} more instruments needed "
            f"(art. {record.treaty.entry_into_force.article}: {status.threshold})\n"
        )
    if status.committee_size:
        out.write(f"  Committee members: {status.committee_size}\n")
    for p in status.procedures:
        extra = f" (+{p.declarations_uncertain} with unknown dates)" if p.declarations_uncertain else ""
        if not p.declarations_recorded:
            out.write(f"  art. {p.article} ({p.title}): declarations not recorded, operative or not unknown\n")
            continue
        state = "operative" if p.operative else "not operative"
        out.write(
            f"  art. {p.article} ({p.title}): {p.declarations}{extra} of {p.threshold} declarations needed, {state}\n"
        )
    out.write("\n")
    _table(data["states"], columns, out)


def _with_maybe(n: int, maybe: int) -> str:
    return f"{n} (+{maybe} uncertain: partial dates)" if maybe else str(n)


def cmd_state(cat: Catalogue, record: TreatyRecord, args: argparse.Namespace, out: TextIO) -> None:
    state = cat.states.get(args.code)
    data = history_dict(record, record.history(state.code, args.as_of), args.lang)
    if args.format == "json":
        json.dump(data, out, ensure_ascii=False, indent=2)
        out.write("\n")
        return
    if args.format == "csv":
        _emit_rows(data["actions"], ["state", "kind", "date", "article", "reference", "note"], "csv", out)
        return
    out.write(
        f"{data['state']['name']} ({state.code}) under {record.treaty.id} as of {data['as_of']}: {data['position']}\n"
    )
    _table(data["actions"], ["kind", "date", "article", "reference", "note"], out)
    for term in data["terms"]:
        out.write(f"  entry into force for the State: {term['entry_into_force'] or 'not yet fixed'}\n")
        if term["exit"]:
            out.write(f"  no longer bound from {term['exit']} ({term['exit_reason']})\n")
    if data["denunciation_possible_from"]:
        out.write(f"  may denounce from {data['denunciation_possible_from']}\n")
    for due in data["reports"]:
        out.write(f"  {due['report']} report due {due['due']}\n")


def cmd_timeline(cat: Catalogue, record: TreatyRecord, args: argparse.Namespace, out: TextIO) -> None:
    rows = timeline_dict(record.timeline(args.as_of))
    for row in rows:
        row["actions"] = "; ".join(row["actions"])
    columns = [
        "date",
        "contracting_states",
        "parties_in_force",
        "signatories_not_bound",
        "instruments_needed",
        "in_force",
        "actions",
    ]
    _emit_rows(rows, columns, args.format, out)


def cmd_obligations(cat: Catalogue, record: TreatyRecord, args: argparse.Namespace, out: TextIO) -> None:
    code = cat.states.get(args.code).code if args.code else None
    rows = [due_dict(cat.states, d, args.lang) for d in record.obligations(args.as_of, code)]
    _emit_rows(rows, ["state", "name", "report", "due", "past_due_date"], args.format, out)


def cmd_validate(cat: Catalogue, args: argparse.Namespace, out: TextIO) -> None:
    if not args.file.is_file():
        raise BadInput(f"{args.file}: no such file")
    problems: list[RecordProblem] = []
    actions = read_ledger(args.file, problems_out=problems)
    by_treaty: dict[str, list[Any]] = {}
    for action in actions:
        by_treaty.setdefault(action.treaty, []).append(action)
    for ident, items in sorted(by_treaty.items()):
        treaty = cat.treaty(ident)
        parent = cat.record(treaty.parent) if treaty.parent else None
        try:
            TreatyRecord(treaty, items, cat.states, cat.today, parent)
        except LedgerError as exc:
            problems.extend(exc.problems)
    if problems:
        raise LedgerError(sorted(problems, key=_line_of))
    out.write(f"{args.file}: {len(actions)} actions, valid\n")


def _line_of(problem: RecordProblem) -> tuple[int, str]:
    tail = problem.where.rsplit(":", 1)[-1]
    return (int(tail), problem.field) if tail.isdigit() else (1 << 30, problem.where)


def cmd_reconcile(cat: Catalogue, args: argparse.Namespace, out: TextIO) -> None:
    records = [cat.record(args.treaty)] if args.treaty else list(cat.records())
    rows = [reconciliation_dict(reconcile(record)) for record in records]
    if args.format == "json":
        _emit_rows(rows, [], "json", out)
        return
    for row in rows:
        row["causes"] = "; ".join(row["causes"])
        row["absent_predecessors"] = " ".join(row["absent_predecessors"])
    columns = ["treaty", "computed", "recorded", "agrees", "difference_days", "threshold_instrument", "causes"]
    _emit_rows(rows, [*columns, "absent_predecessors"] if args.format == "csv" else columns, args.format, out)


COMMANDS: dict[str, Callable[..., None]] = {
    "status": cmd_status,
    "state": cmd_state,
    "timeline": cmd_timeline,
    "obligations": cmd_obligations,
}


def main(argv: Sequence[str] | None = None, out: TextIO | None = None) -> int:
    out = out or sys.stdout
    args = build_parser().parse_args(argv)
    try:
        if hasattr(args, "handler"):
            return int(args.handler(args, out) or 0)
        cat = load_catalogue()
        if args.command == "validate":
            cmd_validate(cat, args, out)
            return 0
        if args.command == "reconcile":
            cmd_reconcile(cat, args, out)
            return 0
        args.as_of = args.as_of or cat.today
        record = cat.record(args.treaty)
        COMMANDS[args.command](cat, record, args, out)
    except LedgerError as exc:
        for problem in exc.problems:
            print(f"treatywatch: {problem}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except (TreatyWatchError, BadInput) as exc:
        print(f"treatywatch: {exc}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except BrokenPipeError:  # `treatywatch timeline | head`
        return 0
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())


def main_exit() -> None:
    """Console-script entry point."""
    sys.exit(main())
