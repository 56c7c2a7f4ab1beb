"""Writing to the append-only ledger, and checking its hash chain.

Every write goes through ``append``: it locks the chain head, hashes each new entry over the previous hash
and the entry's canonical content, and bumps the record version. Nothing here updates or deletes an entry;
the database refuses that too (triggers in migration 0002).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any

from django.db import transaction
from django.utils import timezone

from treatywatch.engine import PartialDate

from . import models

GENESIS = "0" * 64
CONTENT_FIELDS = (
    "treaty_id",
    "state_id",
    "kind",
    "date",
    "article",
    "target",
    "effective",
    "reference",
    "text",
    "note",
    "source",
    "origin",
    "recorded_at",
    "recorded_by",
    "supersedes_id",
    "retraction",
    "reason",
)


def canonical(entry: models.Action) -> bytes:
    """The bytes an entry's hash covers: its content fields as sorted, compact JSON."""
    content: dict[str, Any] = {}
    for name in CONTENT_FIELDS:
        value = getattr(entry, name)
        if isinstance(value, datetime):
            value = value.astimezone(UTC).isoformat(timespec="milliseconds")
        content[name] = value
    return json.dumps(content, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode("utf-8")


def entry_hash(prev_hash: str, entry: models.Action) -> str:
    return hashlib.sha256(prev_hash.encode("ascii") + canonical(entry)).hexdigest()


@dataclass(frozen=True)
class NewEntry:
    """What a caller asks to append; the ledger adds the span, time, author and hashes."""

    treaty: str
    state: str
    kind: str
    date: str
    article: str = ""
    target: str = ""
    effective: str = ""
    reference: str = ""
    text: str = ""
    note: str = ""
    source: str = ""
    origin: str = ""
    supersedes: int | None = None
    retraction: bool = False
    reason: str = ""


def _span(text: str, opened: date) -> tuple[date, date]:
    span = PartialDate.parse(text).span.from_opening(opened)  # the engine's rule, so stored spans match it
    return span.earliest, span.latest


def append(entries: Iterable[NewEntry], by: str, summary: str) -> list[models.Action]:
    """Append entries in one transaction, chained; returns them with their ids and hashes."""
    written: list[models.Action] = []
    with transaction.atomic():
        head, _ = models.LedgerHead.objects.select_for_update().get_or_create(pk=1)
        opened = {t.pk: date.fromisoformat(t.definition["opened"]) for t in models.Treaty.objects.all()}
        prev = head.last_hash
        # Milliseconds: what every database and the portable JSON dump keep exactly, so hashes survive a restore.
        now = timezone.now()
        now = now.replace(microsecond=now.microsecond // 1000 * 1000)
        for new in entries:
            earliest, latest = _span(new.date, opened[new.treaty])
            entry = models.Action(
                treaty_id=new.treaty,
                state_id=new.state,
                kind=new.kind,
                date=new.date,
                date_earliest=earliest,
                date_latest=latest,
                article=new.article,
                target=new.target,
                effective=new.effective,
                reference=new.reference,
                text=new.text,
                note=new.note,
                source=new.source,
                origin=new.origin,
                recorded_at=now,
                recorded_by=by,
                supersedes_id=new.supersedes,
                retraction=new.retraction,
                reason=new.reason,
                prev_hash=prev,
            )
            entry.hash = entry_hash(prev, entry)
            prev = entry.hash
            written.append(entry)
        models.Action.objects.bulk_create(written, batch_size=1000)
        if written:
            models.LedgerHead.objects.filter(pk=1).update(last_hash=prev, entries=head.entries + len(written))
            models.RecordVersion.objects.create(summary=summary)
    return written


@dataclass(frozen=True)
class ChainBreak:
    entry_id: int
    description: str
    reason: str

    def __str__(self) -> str:
        return f"ledger entry {self.entry_id} ({self.description}): {self.reason}"


def _entries() -> Iterator[models.Action]:
    return models.Action.objects.order_by("id").iterator(chunk_size=2000)


def verify() -> tuple[int, ChainBreak | None]:
    """Recompute the chain from the first entry; (entries checked, the first entry that does not match)."""
    prev = GENESIS
    count = 0
    for entry in _entries():
        count += 1
        if entry.prev_hash != prev:
            return count, ChainBreak(entry.pk, str(entry), "its previous-hash does not match the entry before it")
        if entry_hash(prev, entry) != entry.hash:
            return count, ChainBreak(
                entry.pk, str(entry), "its content does not match its hash (changed since written)"
            )
        prev = entry.hash
    head = models.LedgerHead.objects.filter(pk=1).first()
    if head is not None and head.last_hash != prev:
        return count, ChainBreak(0, "chain head", "the last entry is not the recorded head (entries removed?)")
    return count, None
