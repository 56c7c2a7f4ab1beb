from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from treatywatch.treaties import backups


class Command(BaseCommand):
    help = "Restore a snapshot written by `backup` into this store, then verify the ledger's hash chain."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", type=Path)

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            checked = backups.restore(options["file"])
        except backups.BackupError as exc:
            raise CommandError(str(exc)) from None
        self.stdout.write(f"restore: {options['file']} restored; verify: {checked} ledger entries, chain intact")
