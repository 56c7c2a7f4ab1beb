"""Recording an action by staff: check it with the engine, show its consequences, append it, notify.

The engine's validation applies to every recorded action; its problems come back keyed by form field.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from django.db import transaction

from treatywatch.catalogue import Catalogue
from treatywatch.engine import Action as EngineAction
from treatywatch.engine import (
    ActionKind,
    Consequence,
    DateError,
    LedgerError,
    PartialDate,
    TreatyRecord,
    UnknownTreaty,
    consequences,
)

from . import models, notifications
from .ledger import NewEntry, append

FORM_ORIGIN = "this form"


@dataclass
class Checked:
    action: EngineAction | None
    errors: dict[str, list[str]] = field(default_factory=dict)
    effects: list[Consequence] = field(default_factory=list)

    def add(self, name: str, message: str) -> None:
        self.errors.setdefault(name, []).append(message)


def check(cat: Catalogue, data: dict[str, str], supersedes: int | None = None) -> Checked:
    """Validate a proposed action against the whole record; compute what it would bring about."""
    result = Checked(None)
    try:
        treaty = cat.treaty(data.get("treaty", ""))
    except UnknownTreaty as exc:
        result.add("treaty", str(exc))
        return result
    try:
        kind = ActionKind.parse(data.get("kind", ""))
    except ValueError as exc:
        result.add("kind", str(exc))
    try:
        when = PartialDate.parse(data.get("date", ""))
    except DateError as exc:
        result.add("date", str(exc))
    state = data.get("state", "").strip().upper()
    if state not in cat.states:
        result.add("state", f"unknown State code {state!r}")
    if result.errors:
        return result
    action = EngineAction(
        treaty=treaty.id,
        state=state,
        kind=kind,
        date=when,
        article=data.get("article", "").strip(),
        target=data.get("target", "").strip().upper(),
        reference=data.get("reference", "").strip(),
        text=data.get("text", "").strip(),
        note=data.get("note", "").strip(),
        source=data.get("source", "").strip(),
        origin=FORM_ORIGIN,
    )
    result.action = action
    before = cat.record(treaty.id)
    existing = list(before.actions)
    if supersedes is not None:
        replaced = models.Action.objects.filter(pk=supersedes).first()
        existing = [a for a in existing if a.origin != f"action {supersedes}"] if replaced else existing
    parent = cat.record(treaty.parent) if treaty.parent else None
    try:
        if supersedes is not None:
            before = TreatyRecord(treaty, existing, cat.states, cat.today, parent)
        after = TreatyRecord(treaty, [*existing, action], cat.states, cat.today, parent)
    except LedgerError as exc:
        for problem in exc.problems:
            name = problem.field if problem.where == FORM_ORIGIN else "__all__"
            message = problem.message if problem.where == FORM_ORIGIN else str(problem)
            result.add(name if name in FIELDS else "__all__", message)
        return result
    result.effects = consequences(before, after, action)
    return result


FIELDS = ("treaty", "state", "kind", "date", "article", "target", "reference", "text", "note", "source")


def record(
    cat: Catalogue, checked: Checked, by: str, supersedes: int | None = None, reason: str = ""
) -> models.Notification:
    """Append the checked action to the ledger with its depositary notification, in one transaction."""
    action = checked.action
    assert action is not None and not checked.errors
    treaty = cat.treaty(action.treaty)
    with transaction.atomic():
        models.LedgerHead.objects.select_for_update().get_or_create(pk=1)
        year = date.today().year
        number = notifications.next_number(year)
        reference = action.reference or notifications.reference_for(treaty, number, year)
        [entry] = append(
            [
                NewEntry(
                    treaty=action.treaty,
                    state=action.state,
                    kind=action.kind.value,
                    date=action.date.text,
                    article=action.article,
                    target=action.target,
                    reference=reference,
                    text=action.text,
                    note=action.note,
                    source=action.source,
                    origin=f"recorded by {by}",
                    supersedes=supersedes,
                    reason=reason,
                )
            ],
            by=by,
            summary=f"{'correction' if supersedes else 'record'}: {action.state} {action.kind.value} {action.date}",
        )
        eif = next((c.date for c in checked.effects if c.kind == "state_entry_into_force"), None)
        text_en, text_fr = notifications.texts(reference, treaty, cat.states, action, eif)
        return models.Notification.objects.create(
            reference=reference,
            number=number,
            year=year,
            treaty_id=treaty.id,
            action=entry,
            text_en=text_en,
            text_fr=text_fr,
        )
