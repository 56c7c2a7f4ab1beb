from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from treatywatch.accounts.models import AuditEvent, record
from treatywatch.engine import LedgerError, TreatyWatchError
from treatywatch.treaties import store
from treatywatch.treaties.importing import import_ledger


class Command(BaseCommand):
    help = "Import a ledger CSV (the documented format): all or nothing, every bad line named."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", type=Path, help="ledger CSV file")
        parser.add_argument("--dry-run", action="store_true", help="check everything, record nothing")
        parser.add_argument("--by", default="import", help="name recorded as the author (default: import)")

    def handle(self, *args: Any, **options: Any) -> None:
        path: Path = options["file"]
        if not path.is_file():
            raise CommandError(f"{path}: no such file")

        def progress(done: int, total: int) -> None:
            width = 30
            filled = width * done // total
            sys.stderr.write(f"\rimport [{'#' * filled}{'.' * (width - filled)}] {done}/{total}")
            if done == total:
                sys.stderr.write("\n")
            sys.stderr.flush()

        try:
            report = import_ledger(store.catalogue(), path, options["by"], options["dry_run"], progress)
        except LedgerError as exc:
            raise CommandError("\n".join(str(p) for p in exc.problems)) from None
        except TreatyWatchError as exc:
            raise CommandError(str(exc)) from None
        if not options["dry_run"]:
            record(AuditEvent.IMPORT, options["by"], f"{path.name}: {report}")
        self.stdout.write(f"import: {report}")
