"""What recording one more action would bring about, computed before it is saved.

Staff see these before confirming: "This is the 20th instrument: the Convention will enter into force on
1 July 2003"; "Entry into force for this State: 1 March 2004"; "This is the 10th declaration under article 77:
the procedure becomes operative". The edges turn each ``Consequence`` into words in their language.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .dates import Span
from .ledger import Action
from .record import TreatyRecord

__all__ = ["Consequence", "consequences"]


@dataclass(frozen=True, slots=True)
class Consequence:
    """One effect; ``kind`` names it and the other fields carry its figures."""

    kind: str
    """instrument | threshold_reached | state_entry_into_force | declaration | procedure_operative |
    denunciation_effective | committee_enlarged | procedure_no_longer_operative"""
    number: int = 0
    needed: int = 0
    article: str = ""
    date: Span | None = None
    extra: dict[str, str] = field(default_factory=dict)


def consequences(before: TreatyRecord, after: TreatyRecord, action: Action) -> list[Consequence]:
    """Compare the record without and with ``action`` on the day it happens (its latest possible day)."""
    day = action.date.span.latest
    out: list[Consequence] = []
    was, now = before.status(day), after.status(day)
    rule = after.treaty.entry_into_force
    if action.kind in rule.counts:
        number = now.instruments_counted
        if was.entry_into_force is None and now.entry_into_force is not None:
            out.append(Consequence("threshold_reached", number=number, date=now.entry_into_force))
        else:
            out.append(Consequence("instrument", number=number, needed=now.instruments_needed))
    if action.kind.is_consent:
        terms = after.terms.get(action.state, [])
        if terms and terms[-1].consent == action and terms[-1].entry_into_force is not None:
            out.append(Consequence("state_entry_into_force", date=terms[-1].entry_into_force))
    for old, new in zip(was.procedures, now.procedures, strict=True):
        if new.declarations + new.declarations_uncertain != old.declarations + old.declarations_uncertain:
            if new.declarations > old.declarations and new.declarations == new.threshold:
                out.append(Consequence("procedure_operative", number=new.declarations, article=new.article))
            elif new.declarations > old.declarations:
                out.append(
                    Consequence(
                        "declaration",
                        number=new.declarations,
                        needed=max(0, new.threshold - new.declarations),
                        article=new.article,
                    )
                )
            elif old.operative and not new.operative:
                out.append(Consequence("procedure_no_longer_operative", number=new.declarations, article=new.article))
    if action.kind.value == "denunciation":
        terms = after.terms.get(action.state, [])
        if terms and terms[-1].exit is not None:
            out.append(Consequence("denunciation_effective", date=terms[-1].exit))
    later = [t.entry_into_force for t in after.terms.get(action.state, []) if t.entry_into_force is not None]
    if later:
        size_before = before.committee_size(later[-1].latest)
        size_after = after.committee_size(later[-1].latest)
        if size_before is not None and size_after is not None and size_after > size_before:
            out.append(Consequence("committee_enlarged", number=size_after, date=later[-1]))
    return out
