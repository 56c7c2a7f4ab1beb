"""Errors raised by the engine and the data readers.

Every error names what is at fault: the file and line, the record, or the field.

    TreatyWatchError
    ├── DateError                 a date that cannot be read ("2016-13", "14/03/2003")
    ├── DefinitionError           a treaty definition file that is malformed or has unknown keys
    ├── StateListError            a States file that is malformed
    ├── UnknownTreaty             a treaty identifier that no definition carries
    ├── UnknownState              a State code that no States file carries
    └── LedgerError               one or more records of a ledger break a rule; carries every problem
                                  found (``problems``), each a RecordProblem naming where and which field

Loading is all or nothing: a LedgerError means nothing of that ledger was taken.
"""

from __future__ import annotations

from dataclasses import dataclass


class TreatyWatchError(Exception):
    """Base of every error the engine and its readers raise on purpose."""


class DateError(TreatyWatchError, ValueError):
    """A date string that does not follow YYYY, YYYY-MM, YYYY-MM-DD or an interval of those."""


class DefinitionError(TreatyWatchError):
    """A treaty definition that is malformed; the message names the file and key."""


class StateListError(TreatyWatchError):
    """A States file that is malformed; the message names the file and line."""


class UnknownTreaty(TreatyWatchError, LookupError):
    """No treaty definition carries this identifier."""

    def __init__(self, treaty_id: str, known: list[str] | None = None) -> None:
        hint = f" (known: {', '.join(sorted(known))})" if known else ""
        super().__init__(f"unknown treaty {treaty_id!r}{hint}")
        self.treaty_id = treaty_id


class UnknownState(TreatyWatchError, LookupError):
    """No State carries this code or name."""

    def __init__(self, code: str) -> None:
        super().__init__(f"unknown State {code!r}: give an ISO 3166-1 alpha-3 code, an M49 code or a UN name")
        self.code = code


@dataclass(frozen=True, slots=True)
class RecordProblem:
    """One rule broken by one record: where it is, which field, and what is wrong."""

    where: str
    field: str
    message: str

    def __str__(self) -> str:
        return f"{self.where}: {self.field}: {self.message}"


class LedgerError(TreatyWatchError):
    """A ledger that breaks one or more rules. Nothing of it was loaded."""

    def __init__(self, problems: list[RecordProblem]) -> None:
        self.problems = problems
        first = str(problems[0]) if problems else "no problems recorded"
        more = f" (and {len(problems) - 1} more)" if len(problems) > 1 else ""
        super().__init__(first + more)
