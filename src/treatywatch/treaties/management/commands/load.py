from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from treatywatch.engine import LedgerError, TreatyWatchError
from treatywatch.treaties.loading import load


class Command(BaseCommand):
    help = "Load treaty definitions, States and the record into the store (idempotent; reports what changed)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--data", type=Path, default=None, help="data directory (default: the package's data)")

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            report = load(options["data"])
        except LedgerError as exc:
            raise CommandError("\n".join(str(p) for p in exc.problems)) from None
        except TreatyWatchError as exc:
            raise CommandError(str(exc)) from None
        self.stdout.write(f"load: {report}")
