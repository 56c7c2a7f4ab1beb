"""The kinds of action the depositary records (UNTC status tables and depositary notifications)."""

from __future__ import annotations

from enum import Enum

__all__ = ["CONSENT_KINDS", "ActionKind"]


class ActionKind(Enum):
    SIGNATURE = "signature"
    SUCCESSION_TO_SIGNATURE = "succession_to_signature"
    RATIFICATION = "ratification"
    ACCESSION = "accession"
    SUCCESSION = "succession"
    ACCEPTANCE = "acceptance"
    APPROVAL = "approval"
    FORMAL_CONFIRMATION = "formal_confirmation"
    DECLARATION = "declaration"
    DECLARATION_WITHDRAWAL = "declaration_withdrawal"
    RESERVATION = "reservation"
    RESERVATION_WITHDRAWAL = "reservation_withdrawal"
    OBJECTION = "objection"
    DENUNCIATION = "denunciation"

    order: int
    """Order of kinds on one day: a signature precedes the instrument, which precedes its declarations (the
    order of definition above). A plain attribute of each member, set below, so that a sort key reads it
    without a call."""

    # Members are singletons compared by identity, so they hash by identity, in C. (Enum's own ``__hash__``
    # hashes the name in Python, and a record's checks hash kinds in tuples hundreds of thousands of times.)
    __hash__ = object.__hash__

    @classmethod
    def parse(cls, text: str) -> ActionKind:
        key = text.strip().lower().replace(" ", "_").replace("-", "_")
        try:
            return cls(key)
        except ValueError:
            known = ", ".join(k.value for k in cls)
            raise ValueError(f"unknown kind {text!r} (known: {known})") from None

    @property
    def is_consent(self) -> bool:
        """Consent to be bound (Vienna Convention on the Law of Treaties, arts. 11-16)."""
        return self in CONSENT_KINDS

    @property
    def is_signature(self) -> bool:
        return self in (ActionKind.SIGNATURE, ActionKind.SUCCESSION_TO_SIGNATURE)

    @property
    def table_mark(self) -> str:
        """The mark UN status tables put after a date: a = accession, d = succession, A/AA/c as UNTC does."""
        return _MARKS.get(self, "")


CONSENT_KINDS = frozenset(
    {
        ActionKind.RATIFICATION,
        ActionKind.ACCESSION,
        ActionKind.SUCCESSION,
        ActionKind.ACCEPTANCE,
        ActionKind.APPROVAL,
        ActionKind.FORMAL_CONFIRMATION,
    }
)

_MARKS = {
    ActionKind.ACCESSION: "a",
    ActionKind.SUCCESSION: "d",
    ActionKind.ACCEPTANCE: "A",
    ActionKind.APPROVAL: "AA",
    ActionKind.FORMAL_CONFIRMATION: "c",
}

for _i, _kind in enumerate(ActionKind):
    _kind.order = _i
del _i, _kind
if len(ActionKind) > 16:  # pragma: no cover - PartialDate.day_key leaves four bits for the order
    raise TypeError("more than 16 kinds: widen PartialDate.day_key")
