"""Importing a ledger CSV (the format the export writes): all or nothing, every bad line named.

Used by `treatywatch import FILE` and by the staff upload. Lines identical to an entry already in the
record are skipped; a line that changes a recorded entry is refused (record a correction instead).
"""

from __future__ import annotations

import io
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from django.db import transaction

from treatywatch.catalogue import Catalogue, read_ledger
from treatywatch.engine import Action, LedgerError, RecordProblem, TreatyRecord, UnknownTreaty

from .ledger import NewEntry, append

Progress = Callable[[int, int], None]


@dataclass
class ImportReport:
    lines: int = 0
    added: int = 0
    unchanged: int = 0
    dry_run: bool = False
    problems: list[RecordProblem] = field(default_factory=list)

    def __str__(self) -> str:
        verb = "would add" if self.dry_run else "added"
        return f"{self.lines} lines: {verb} {self.added}, {self.unchanged} already recorded"


def _key(a: Action) -> tuple[str, str, str, str, str, str]:
    return (a.treaty, a.state, a.kind.value, a.date.text, a.article, a.target)


def _same(a: Action, b: Action) -> bool:
    return (a.reference, a.text, a.note, a.source, a.effective.text if a.effective else "") == (
        b.reference,
        b.text,
        b.note,
        b.source,
        b.effective.text if b.effective else "",
    )


def check_import(cat: Catalogue, actions: list[Action]) -> tuple[list[Action], int]:
    """The new actions (in file order) and how many are already recorded; raises LedgerError naming lines."""
    problems: list[RecordProblem] = []
    new: list[Action] = []
    unchanged = 0
    by_treaty: dict[str, list[Action]] = {}
    for action in actions:
        by_treaty.setdefault(action.treaty, []).append(action)
    for ident, items in by_treaty.items():
        try:
            treaty = cat.treaty(ident)
        except UnknownTreaty as exc:
            problems.extend(RecordProblem(a.where, "treaty", str(exc)) for a in items)
            continue
        current = cat.record(treaty.id)
        recorded = {_key(a): a for a in current.actions}
        fresh = []
        for action in items:
            old = recorded.get(_key(action))
            if old is None:
                fresh.append(action)
            elif _same(old, action):
                unchanged += 1
            else:
                problems.append(
                    RecordProblem(
                        action.where, "line", f"differs from the recorded entry ({old.where}): record a correction"
                    )
                )
        parent = cat.record(treaty.parent) if treaty.parent else None
        try:
            TreatyRecord(treaty, [*current.actions, *fresh], cat.states, cat.today, parent)
        except LedgerError as exc:
            problems.extend(exc.problems)
        new.extend(fresh)
    if problems:
        raise LedgerError(sorted(problems, key=_line_order))
    return new, unchanged


def _line_order(p: RecordProblem) -> tuple[int, str]:
    tail = p.where.rsplit(":", 1)[-1]
    return (int(tail), p.field) if tail.isdigit() else (10**9, p.where)


def import_ledger(
    cat: Catalogue, source: Path | str, by: str, dry_run: bool = False, progress: Progress | None = None
) -> ImportReport:
    actions = read_ledger(source) if isinstance(source, Path) else read_ledger(io.StringIO(source), "upload.csv")
    report = ImportReport(lines=len(actions), dry_run=dry_run)
    new, report.unchanged = check_import(cat, actions)
    report.added = len(new)
    if dry_run or not new:
        return report
    batch = 2000
    with transaction.atomic():
        for start in range(0, len(new), batch):
            chunk = new[start : start + batch]
            append(
                [
                    NewEntry(
                        treaty=a.treaty,
                        state=a.state,
                        kind=a.kind.value,
                        date=a.date.text,
                        article=a.article,
                        target=a.target,
                        effective=a.effective.text if a.effective else "",
                        reference=a.reference,
                        text=a.text,
                        note=a.note,
                        source=a.source,
                        origin=a.origin,
                    )
                    for a in chunk
                ],
                by=by,
                summary=f"import by {by}: {len(chunk)} entries",
            )
            if progress:
                progress(min(start + batch, len(new)), len(new))
    return report
