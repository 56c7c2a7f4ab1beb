from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from treatywatch.treaties import backups


class Command(BaseCommand):
    help = (
        "Write a consistent snapshot of the store: FILE.json is a portable dump (moves a store between SQLite and "
        "PostgreSQL); otherwise the SQLite online-backup API, or pg_dump's custom format on PostgreSQL."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", type=Path)

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            kind = backups.backup(options["file"])
        except backups.BackupError as exc:
            raise CommandError(str(exc)) from None
        self.stdout.write(f"backup: wrote {options['file']} ({kind})")
