"""Response schemas of the JSON API, so that the OpenAPI document describes every answer.

They mirror ``treatywatch.serialize`` (the one serializer); ``tests/api`` checks that every answer conforms,
and that the status object has exactly the keys of ``treatywatch status --format json``.
"""

from __future__ import annotations

from typing import Annotated, Literal

from ninja import Field, Schema
from pydantic import WithJsonSchema

from treatywatch.engine import ActionKind

__all__ = [
    "ActionItemOut",
    "ActionPageOut",
    "ErrorOut",
    "IsoDate",
    "Lang",
    "ObligationsOut",
    "ParticipantsOut",
    "StateDetailOut",
    "StateListOut",
    "StatusOut",
    "TimelineOut",
    "TreatyDetailOut",
    "TreatyListOut",
]

Lang = Literal["ar", "zh", "en", "fr", "ru", "es"]
IsoDate = Annotated[
    str,
    WithJsonSchema(
        {
            "type": "string",
            "format": "date",
            "pattern": r"^(19|2[0-9])[0-9]{2}-[0-9]{2}-[0-9]{2}$",
            "example": "2003-07-01",
        }
    ),
]
"""A day YYYY-MM-DD in a query; checked by ``params.day`` so that the error names what was expected."""
Position = Literal["party", "contracting", "signatory", "withdrawn", "none"]
Precision = Literal["day", "month", "year", "interval"]
PartialDateText = Annotated[
    str, Field(description="As the record gives it: YYYY-MM-DD, YYYY-MM, YYYY or ../YYYY-MM-DD")
]
SpanText = Annotated[str, Field(description="A day YYYY-MM-DD, or the EDTF interval of possible days when uncertain")]


class ErrorOut(Schema):
    error: Literal["bad_parameter", "not_found"]
    parameter: str = Field(description="The query or path parameter at fault")
    expected: str = Field(description="What the parameter takes")
    got: str | None = Field(description="The value received")


class ActionOut(Schema):
    treaty: str
    state: str = Field(description="ISO 3166-1 alpha-3 code (ISO 3166-3 for historical entities)")
    kind: ActionKind
    date: PartialDateText
    date_precision: Precision
    article: str | None
    target: str | None = Field(description="For an objection: the State objected to")
    effective: PartialDateText | None = Field(description="For a succession: the date of the succession of States")
    reference: str | None = Field(description="Depositary notification, e.g. C.N.123.2003.TREATIES-IV.13")
    text: str | None
    note: str | None
    source: str | None = Field(description="Semicolon-separated source ids (see /data/datapackage.json)")


class ActionItemOut(ActionOut):
    id: int = Field(description="Stable identifier of the stored action")


class HistoryActionOut(ActionOut):
    id: int | None


class ActionPageOut(Schema):
    count: int = Field(description="Number of actions matching the filters, on every page")
    page: int
    page_size: int
    pages: int
    next: str | None = Field(description="Address of the next page, or null on the last")
    previous: str | None = Field(description="Address of the previous page, or null on the first")
    results: list[ActionItemOut]


class ProcedureOut(Schema):
    article: str
    title: str
    threshold: int
    declarations: int
    declarations_uncertain: int
    declarations_recorded: bool = Field(
        description="false when the record (copied from status tables) holds no declarations at all: whether the "
        "procedure operates is then unknown"
    )
    operative: bool | None = Field(description="null when declarations_recorded is false")
    operative_since: SpanText | None
    declarants: list[str]


class ParticipantOut(Schema):
    code: str
    m49: str
    name: str
    position: Position
    uncertain: bool = Field(description="Partial dates leave the position uncertain on the day asked about")
    signature: PartialDateText | None
    consent: PartialDateText | None
    consent_kind: ActionKind | None
    consent_mark: str | None = Field(description="The UN status table's mark: a, d, A, AA, c")
    entry_into_force: SpanText | None
    denunciation: PartialDateText | None
    withdrawal_effective: SpanText | None
    declarations: list[ActionOut]
    reservations: list[ActionOut]
    objections: list[ActionOut]


class StatusOut(Schema):
    treaty: str
    title: str
    as_of: str
    record_as_of: str | None = Field(description="When the record was last checked, if it is not kept current")
    contracting_states: int
    contracting_states_uncertain: int
    parties_in_force: int
    parties_in_force_uncertain: int
    signatories: int
    signatories_not_bound: int
    signatories_not_bound_uncertain: int
    in_force: bool
    entry_into_force: SpanText | None
    threshold: int
    instruments_counted: int
    instruments_needed: int
    threshold_reached: SpanText | None
    committee_size: int | None
    procedures: dict[str, ProcedureOut]
    states: list[ParticipantOut]


class ParticipantsOut(Schema):
    treaty: str
    as_of: str
    count: int
    participants: list[ParticipantOut]


class TimelinePointOut(Schema):
    date: str
    contracting_states: int
    parties_in_force: int
    signatories_not_bound: int
    instruments_needed: int
    in_force: bool
    actions: list[str] = Field(description='"<State code> <kind>" for each action on that day')


class TimelineOut(Schema):
    treaty: str
    timeline: list[TimelinePointOut]


class TreatySummaryOut(Schema):
    id: str = Field(description="Stable identifier, e.g. ICRMW")
    untc: str = Field(description="UN Treaty Collection chapter number, e.g. IV-13")
    title: str
    titles: dict[str, str]
    adopted: str
    opened: str
    depositary: str
    as_of: str
    in_force: bool
    entry_into_force: SpanText | None
    contracting_states: int
    parties_in_force: int
    signatories_not_bound: int
    record_as_of: str | None
    links: dict[str, str]


class EntryIntoForceClauseOut(Schema):
    article: str
    threshold: int
    counts: list[str]
    rule: str
    later_states: str
    later_rule: str


class DenunciationClauseOut(Schema):
    article: str
    rule: str
    not_before: str | None


class EnlargementOut(Schema):
    size: int
    n: int
    trigger: str


class CommitteeClauseOut(Schema):
    article: str
    name: str
    initial_size: int
    enlargements: list[EnlargementOut]


class ReportingClauseOut(Schema):
    article: str
    initial: str
    periodic: str


class ProcedureClauseOut(Schema):
    id: str
    article: str
    title: str
    threshold: int


class FinalClausesOut(Schema):
    entry_into_force: EntryIntoForceClauseOut
    denunciation: DenunciationClauseOut | None
    committee: CommitteeClauseOut | None
    reporting: ReportingClauseOut | None
    procedures: list[ProcedureClauseOut]


class TreatyDetailOut(TreatySummaryOut):
    parent: str | None
    adopted_by: str | None
    final_clauses: FinalClausesOut
    sources: list[str]


class TreatyListOut(Schema):
    count: int
    results: list[TreatySummaryOut]


class PositionOut(Schema):
    position: Position
    uncertain: bool


class StateSummaryOut(Schema):
    code: str = Field(description="ISO 3166-1 alpha-3 code (ISO 3166-3 for historical entities)")
    m49: str = Field(description="UN M49 numeric code, three digits")
    name: str
    names: dict[str, str]
    member: bool
    region: str | None
    subregion: str | None
    ended: str | None = Field(description="Last day a historical entity existed")
    successors: list[str]
    continued_by: str | None
    positions: dict[str, PositionOut] = Field(description="Position under each treaty on the day asked about")
    links: dict[str, str]


class StateListOut(Schema):
    as_of: str
    count: int
    results: list[StateSummaryOut]


class StateRefOut(Schema):
    code: str
    m49: str
    name: str


class TermOut(Schema):
    consent: PartialDateText
    consent_kind: ActionKind
    entry_into_force: SpanText | None
    denunciation: PartialDateText | None
    exit: SpanText | None
    exit_reason: str | None


class DueOut(Schema):
    state: str
    name: str
    report: str = Field(description='"initial" or "periodic N"')
    number: int
    due: SpanText
    uncertain: bool
    past_due_date: bool


class HistoryOut(Schema):
    treaty: str
    as_of: str
    state: StateRefOut
    position: Position
    actions: list[HistoryActionOut]
    terms: list[TermOut]
    reports: list[DueOut]
    denunciation_possible_from: SpanText | None


class StateDetailOut(StateSummaryOut):
    as_of: str
    treaties: list[HistoryOut]


class ObligationOut(DueOut):
    treaty: str


class ObligationsOut(Schema):
    state: StateRefOut
    as_of: str
    reports: list[ObligationOut]
