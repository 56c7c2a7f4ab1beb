"""Reconciliation: the entry-into-force date the rules compute from a record, beside the date the depositary records.

A disagreement is a finding about the data, not an error: ``reconcile`` says by how much the dates differ and
names the likely causes, chosen by rules that look only at the record and its definition:

- "a missing predecessor instrument": the instrument that reaches the threshold in the record lands after the
  recorded date, and a historical State that existed while the treaty was open has no instrument in the record
  (UNTC tables show the German Democratic Republic's, Czechoslovakia's and Yugoslavia's only in footnotes);
- "the parent treaty's entry into force": a protocol whose date the parent's (computed) date decides;
- "a partial date": the threshold instrument's day is not known exactly;
- "an ambiguous rule": several instruments share the threshold day, or the rule's wording was not retrieved
  verbatim (``entry_into_force.verbatim = false`` in the definition);
- "the record is incomplete": none of the above.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from .dates import Span
from .record import TreatyRecord
from .tally import Tally

__all__ = [
    "AMBIGUOUS_RULE",
    "INCOMPLETE_RECORD",
    "MISSING_PREDECESSOR",
    "NO_RECORDED_DATE",
    "PARENT_ENTRY_INTO_FORCE",
    "PARTIAL_DATE",
    "Reconciliation",
    "reconcile",
]

MISSING_PREDECESSOR = "a missing predecessor instrument"
PARENT_ENTRY_INTO_FORCE = "the parent treaty's entry into force"
PARTIAL_DATE = "a partial date"
AMBIGUOUS_RULE = "an ambiguous rule"
INCOMPLETE_RECORD = "the record is incomplete"
NO_RECORDED_DATE = "no recorded date to compare with"


@dataclass(frozen=True, slots=True)
class Reconciliation:
    treaty: str
    computed: Span | None
    """The entry-into-force date computed from the record and the rule; None when the threshold is not reached."""
    recorded: date | None
    """The date the depositary records (``recorded_entry_into_force`` in the definition)."""
    threshold: Span | None
    """The day the threshold instrument was deposited, according to the record."""
    agrees: bool
    """The computed date is one exact day and it is the recorded one."""
    difference_days: int | None
    """Computed minus recorded, in days (positive: computed later); for a span of days, from the recorded date to
    the span's nearest end (0 inside it). None when either date is missing."""
    causes: tuple[str, ...]
    """Likely causes of a disagreement, most specific first; empty when the dates agree."""
    absent_predecessors: tuple[str, ...] = ()
    """With "a missing predecessor instrument": the historical States that existed while the treaty was open and
    have no instrument in the record."""


def reconcile(record: TreatyRecord) -> Reconciliation:
    treaty = record.treaty
    rule = treaty.entry_into_force
    recorded = treaty.recorded_entry_into_force
    computed = record.entry_into_force
    threshold = _threshold(record)
    absent: tuple[str, ...] = ()
    agrees = computed is not None and recorded is not None and computed.exact and computed.earliest == recorded
    difference = None if computed is None or recorded is None else _difference(computed, recorded)
    causes: list[str] = []
    if recorded is None:
        causes.append(NO_RECORDED_DATE)
    elif not agrees:
        own = threshold.map(rule.rule) if threshold is not None else None
        if own is None or own.earliest > recorded:
            absent = _absent_predecessors(record)
            if absent:
                causes.append(MISSING_PREDECESSOR)
        if treaty.parent is not None and _parent_decides(record, own, computed):
            causes.append(PARENT_ENTRY_INTO_FORCE)
        if threshold is not None and not (threshold.exact and (computed is None or computed.exact)):
            causes.append(PARTIAL_DATE)
        if not rule.verbatim or _shared_threshold_day(record, threshold):
            causes.append(AMBIGUOUS_RULE)
        if not causes:
            causes.append(INCOMPLETE_RECORD)
    return Reconciliation(
        treaty=treaty.id,
        computed=computed,
        recorded=recorded,
        threshold=threshold,
        agrees=agrees,
        difference_days=difference,
        causes=tuple(causes),
        absent_predecessors=absent,
    )


def _threshold(record: TreatyRecord) -> Span | None:
    """The span of the n-th counted instrument in the record, whether or not a parent treaty is in force yet."""
    rule = record.treaty.entry_into_force
    counted = Tally()
    for action in record.actions:
        if action.kind in rule.counts:
            counted.add(record.span(action))
    return counted.freeze().nth_start(rule.threshold)


def _difference(computed: Span, recorded: date) -> int:
    if computed.earliest > recorded:
        return (computed.earliest - recorded).days
    if computed.latest < recorded:
        return (computed.latest - recorded).days
    return 0


def _absent_predecessors(record: TreatyRecord) -> tuple[str, ...]:
    """Historical States that existed once the treaty was open, not carried by a continuator, with no instrument.

    An entity whose record a continuator carries (the USSR's, under the Russian Federation) is never absent.
    """
    acted = {a.state for a in record.actions if a.kind.is_consent}
    return tuple(
        sorted(
            s.code
            for s in record.states
            if s.ended is not None
            and s.continued_by is None
            and s.ended >= record.treaty.opened
            and s.code not in acted
        )
    )


def _parent_decides(record: TreatyRecord, own: Span | None, computed: Span | None) -> bool:
    """The protocol's date is its parent's (or waits for it), rather than its own rule's."""
    parent = record.parent
    if parent is None or parent.entry_into_force is None:
        return True
    return computed is not None and (own is None or own.latest < computed.earliest)


def _shared_threshold_day(record: TreatyRecord, threshold: Span | None) -> bool:
    if threshold is None:
        return False
    counts = record.treaty.entry_into_force.counts
    on_day = [
        a
        for a in record.actions
        if a.kind in counts
        and record.span(a).earliest <= threshold.latest
        and record.span(a).latest >= threshold.earliest
    ]
    return len(on_day) > 1
