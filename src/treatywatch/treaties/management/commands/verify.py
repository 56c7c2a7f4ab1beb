from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError

from treatywatch.treaties.ledger import verify


class Command(BaseCommand):
    help = "Recompute the ledger's hash chain and name the first entry that does not match."

    def handle(self, *args: Any, **options: Any) -> None:
        checked, broken = verify()
        if broken is not None:
            raise CommandError(f"verify: {broken} (checked {checked} entries)")
        self.stdout.write(f"verify: {checked} ledger entries, chain intact")
