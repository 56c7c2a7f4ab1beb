"""The treaty engine: pure rules over a treaty's record. No Django, no I/O.

The public surface is declared here; ``tests/engine/test_public_surface.py`` fails if it drifts.
"""

from .consequences import Consequence, consequences
from .dates import Alignment, PartialDate, Period, Precision, Rule, Span, Tri
from .errors import (
    DateError,
    DefinitionError,
    LedgerError,
    RecordProblem,
    StateListError,
    TreatyWatchError,
    UnknownState,
    UnknownTreaty,
)
from .kinds import CONSENT_KINDS, ActionKind
from .ledger import Action
from .reconcile import Reconciliation, reconcile
from .record import TreatyRecord
from .results import Due, Participant, ProcedureStatus, StateHistory, Status, Term, TimelinePoint
from .states import LANGUAGES, State, StateRegistry
from .treaty import (
    Committee,
    Denunciation,
    Enlargement,
    EnlargementTrigger,
    EntryIntoForce,
    LaterStates,
    Procedure,
    Reporting,
    Treaty,
)

__all__ = [
    "CONSENT_KINDS",
    "LANGUAGES",
    "Action",
    "ActionKind",
    "Alignment",
    "Committee",
    "Consequence",
    "DateError",
    "DefinitionError",
    "Denunciation",
    "Due",
    "Enlargement",
    "EnlargementTrigger",
    "EntryIntoForce",
    "LaterStates",
    "LedgerError",
    "PartialDate",
    "Participant",
    "Period",
    "Precision",
    "Procedure",
    "ProcedureStatus",
    "Reconciliation",
    "RecordProblem",
    "Reporting",
    "Rule",
    "Span",
    "State",
    "StateHistory",
    "StateListError",
    "StateRegistry",
    "Status",
    "Term",
    "TimelinePoint",
    "Treaty",
    "TreatyRecord",
    "TreatyWatchError",
    "Tri",
    "UnknownState",
    "UnknownTreaty",
    "consequences",
    "reconcile",
]
