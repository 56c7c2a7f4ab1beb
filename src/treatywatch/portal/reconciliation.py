"""Reconciliation on the treaty page: the entry-into-force date computed from the record beside the date the
depositary records, the difference, and its likely causes (``treatywatch reconcile`` says the same)."""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.translation import gettext, gettext_lazy, ngettext, pgettext

from treatywatch.engine import TreatyRecord, reconcile
from treatywatch.engine.reconcile import (
    AMBIGUOUS_RULE,
    INCOMPLETE_RECORD,
    MISSING_PREDECESSOR,
    NO_RECORDED_DATE,
    PARENT_ENTRY_INTO_FORCE,
    PARTIAL_DATE,
)

from .formatting import day_text, number, span_text, state_name

__all__ = ["Reconciled", "reconciliation"]

_CAUSES: dict[str, Promise] = {
    MISSING_PREDECESSOR: gettext_lazy(
        "a missing predecessor instrument: the record lacks the instrument of a State that no longer exists"
    ),
    PARENT_ENTRY_INTO_FORCE: gettext_lazy("the entry into force of the treaty this protocol belongs to"),
    PARTIAL_DATE: gettext_lazy("a partial date: the record gives the day of the decisive instrument only in part"),
    AMBIGUOUS_RULE: gettext_lazy(
        "an ambiguous rule: several instruments share the decisive day, or the article's text was not retrieved"
    ),
    INCOMPLETE_RECORD: gettext_lazy("the record is incomplete"),
    NO_RECORDED_DATE: gettext_lazy("there is no recorded date to compare with"),
}


@dataclass(frozen=True, slots=True)
class Reconciled:
    agrees: bool
    facts: tuple[tuple[str, str], ...]
    summary: str


def _cause(cause: str) -> str:
    return str(_CAUSES[cause]) if cause in _CAUSES else cause


def reconciliation(record: TreatyRecord) -> Reconciled:
    """The computed and recorded dates, the difference in days, the threshold instrument and the likely causes."""
    r = reconcile(record)
    article = record.treaty.entry_into_force.article
    not_reached = gettext("The record does not reach the number of instruments needed.")
    facts: list[tuple[str, str]] = [
        (
            gettext("Computed from the record (article %(article)s)") % {"article": article},
            span_text(r.computed) or not_reached,
        ),
        (gettext("Recorded by the depositary"), day_text(r.recorded) if r.recorded else gettext("Not recorded")),
    ]
    if r.threshold is not None:
        facts.append((gettext("Last instrument needed, according to the record"), span_text(r.threshold)))
    if r.difference_days is not None and not r.agrees:
        days = abs(r.difference_days)
        if r.difference_days > 0:
            text = ngettext("%(count)s day later", "%(count)s days later", days)
        elif r.difference_days < 0:
            text = ngettext("%(count)s day earlier", "%(count)s days earlier", days)
        else:
            text = gettext("the recorded day is among the days the record allows")
        facts.append((gettext("Difference"), text % {"count": number(days)}))
    if r.agrees:
        summary = gettext("The computed date is the date the depositary records.")
    else:
        causes = pgettext("list separator", "; ").join(_cause(c) for c in r.causes)
        summary = ngettext(
            "The dates differ. Likely cause: %(causes)s.",
            "The dates differ. Likely causes: %(causes)s.",
            len(r.causes),
        ) % {"causes": causes}
        if r.recorded is None:
            summary = gettext("The depositary's date is not in the record, so there is nothing to compare with.")
    if r.absent_predecessors:
        names = pgettext("list separator", ", ").join(
            state_name(record.states.get(code)) for code in r.absent_predecessors
        )
        facts.append((gettext("States no longer existing without an instrument in the record"), names))
    return Reconciled(r.agrees, tuple(facts), summary)
