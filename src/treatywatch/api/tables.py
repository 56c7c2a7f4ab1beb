"""The downloadable tables: their columns (with Table Schema types), their rows, and their CSV bytes.

One definition per table serves the CSV download, its JSON twin and the Frictionless Data Package's schema.
CSV files are UTF-8 with a byte-order mark (so that Excel opens Arabic and Chinese intact) and a header row;
the ledger has exactly ``catalogue.LEDGER_COLUMNS``, the format ``treatywatch load`` and ``validate`` read.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from treatywatch.catalogue import LEDGER_COLUMNS, write_ledger
from treatywatch.engine import LANGUAGES, ActionKind, State, TreatyRecord
from treatywatch.serialize import span_text

__all__ = ["TABLES", "Column", "Table", "csv_bytes", "ledger_csv", "rows"]

BOM = "\ufeff"
PARTIAL_DATE = r"^(\.\./)?\d{4}(-\d{2}(-\d{2})?)?(/\d{4}(-\d{2}(-\d{2})?)?)?$"
SPAN = r"^\d{4}-\d{2}-\d{2}(/\d{4}-\d{2}-\d{2})?$"


@dataclass(frozen=True, slots=True)
class Column:
    name: str
    type: str
    description: str
    required: bool = False
    pattern: str | None = None
    enum: tuple[str, ...] | None = None

    def field(self) -> dict[str, Any]:
        out: dict[str, Any] = {"name": self.name, "type": self.type, "description": self.description}
        constraints: dict[str, Any] = {}
        if self.required:
            constraints["required"] = True
        if self.pattern:
            constraints["pattern"] = self.pattern
        if self.enum:
            constraints["enum"] = list(self.enum)
        if constraints:
            out["constraints"] = constraints
        if self.type == "boolean":
            out["trueValues"], out["falseValues"] = ["true"], ["false"]
        return out


@dataclass(frozen=True, slots=True)
class Table:
    name: str
    title: str
    description: str
    columns: tuple[Column, ...]
    primary_key: tuple[str, ...] = ()
    foreign_keys: tuple[tuple[str, str, str], ...] = ()
    """(column, resource, column) pairs."""

    def schema(self) -> dict[str, Any]:
        out: dict[str, Any] = {"fields": [c.field() for c in self.columns], "missingValues": [""]}
        if self.primary_key:
            out["primaryKey"] = list(self.primary_key)
        if self.foreign_keys:
            out["foreignKeys"] = [
                {"fields": [col], "reference": {"resource": res, "fields": [ref]}}
                for col, res, ref in self.foreign_keys
            ]
        return out

    @property
    def names(self) -> list[str]:
        return [c.name for c in self.columns]


KINDS = tuple(k.value for k in ActionKind)
TREATY = Column("treaty", "string", "Treaty identifier, e.g. ICRMW", required=True)
STATE = Column("code", "string", "ISO 3166-1 alpha-3 code (ISO 3166-3 for historical entities)", True, r"^[A-Z]{3}$")
M49 = Column("m49", "string", "UN M49 numeric code", True, r"^\d{3}$")
AS_OF = Column("as_of", "date", "The day the row answers for", required=True)


def _count(name: str, what: str) -> Column:
    return Column(name, "integer", what, required=True)


_LEDGER_DESCRIPTIONS = {
    "treaty": "Treaty identifier, e.g. ICRMW",
    "state": "ISO 3166-1 alpha-3 code of the acting State (ISO 3166-3 for historical entities)",
    "kind": "Kind of action",
    "date": "Date of signature, deposit or receipt as the record gives it: YYYY-MM-DD, YYYY-MM, YYYY, ../YYYY-MM-DD",
    "article": "The article a declaration is made under",
    "target": "For an objection: the State objected to",
    "effective": "For a succession: the date of the succession of States",
    "reference": "Depositary notification, e.g. C.N.123.2003.TREATIES-IV.13",
    "text": "Text of a declaration, reservation or objection, where known",
    "note": "Why something unusual is so",
    "source": "Semicolon-separated source ids (see the package's sources)",
}
_LEDGER_EXTRA: dict[str, dict[str, Any]] = {
    "treaty": {"required": True},
    "state": {"required": True, "pattern": r"^[A-Z]{3}$"},
    "kind": {"required": True, "enum": KINDS},
    "date": {"required": True, "pattern": PARTIAL_DATE},
    "effective": {"pattern": PARTIAL_DATE},
}

LEDGER = Table(
    "ledger",
    "Depositary actions",
    "One row per action (signature, instrument, declaration, withdrawal, objection, denunciation) of every treaty.",
    tuple(Column(name, "string", _LEDGER_DESCRIPTIONS[name], **_LEDGER_EXTRA.get(name, {})) for name in LEDGER_COLUMNS),
    foreign_keys=(("state", "states", "code"),),
)
STATES = Table(
    "states",
    "States",
    "Every State the record may name: UN short names in the six official languages, M49 codes and regions.",
    (
        STATE,
        M49,
        Column("member", "boolean", "UN Member State", required=True),
        Column("region", "string", "M49 region"),
        Column("subregion", "string", "M49 subregion"),
        *(Column(f"name_{lang}", "string", f"UN short name ({lang})", required=True) for lang in LANGUAGES),
        Column("ended", "date", "Last day a historical entity existed"),
        Column("successors", "string", "Semicolon-separated codes of the successor States"),
        Column("continued_by", "string", "The State continuing the entity's legal personality"),
    ),
    primary_key=("code",),
)
PARTICIPANTS = Table(
    "participants",
    "Participants",
    "Each State that had acted under a treaty, and its position, as of the day given.",
    (
        TREATY,
        AS_OF,
        STATE,
        M49,
        Column("name", "string", "UN short name", required=True),
        Column(
            "position",
            "string",
            "party, contracting, signatory, withdrawn or none",
            True,
            None,
            ("party", "contracting", "signatory", "withdrawn", "none"),
        ),
        Column("uncertain", "boolean", "Partial dates leave the position uncertain on the day", required=True),
        Column("signature", "string", "Date of signature as the record gives it", pattern=PARTIAL_DATE),
        Column("consent", "string", "Date of the instrument as the record gives it", pattern=PARTIAL_DATE),
        Column("consent_kind", "string", "Kind of instrument", enum=KINDS),
        Column("consent_mark", "string", "The UN status table's mark: a, d, A, AA, c"),
        Column("entry_into_force", "string", "Entry into force for the State (a day, or an interval)", pattern=SPAN),
        Column("denunciation", "string", "Date of the denunciation as the record gives it", pattern=PARTIAL_DATE),
        Column("withdrawal_effective", "string", "First day no longer bound (a day, or an interval)", pattern=SPAN),
        _count("declarations", "Declarations made"),
        _count("reservations", "Reservations made"),
        _count("objections", "Objections made"),
    ),
    primary_key=("treaty", "code"),
    foreign_keys=(("code", "states", "code"),),
)
STATUS = Table(
    "status",
    "Status",
    "Each treaty's counts as of the day given: contracting States, Parties for which it is in force, signatories.",
    (
        TREATY,
        AS_OF,
        _count("contracting_states", "States bound (certain)"),
        _count("contracting_states_uncertain", "States possibly bound (partial dates)"),
        _count("parties_in_force", "States for which the treaty is in force (certain)"),
        _count("parties_in_force_uncertain", "States for which it is possibly in force (partial dates)"),
        _count("signatories", "States that signed"),
        _count("signatories_not_bound", "Signatories not bound"),
        _count("signatories_not_bound_uncertain", "Signatories possibly not bound (partial dates)"),
        Column("in_force", "boolean", "The treaty is in force", required=True),
        Column("entry_into_force", "string", "Entry into force (a day, or an interval)", pattern=SPAN),
        _count("threshold", "Instruments needed for entry into force"),
        _count("instruments_counted", "Instruments counted towards the threshold"),
        _count("instruments_needed", "Instruments still needed"),
        Column("threshold_reached", "string", "Deposit of the threshold instrument", pattern=SPAN),
        Column("committee_size", "integer", "Members of the treaty body"),
        Column("record_as_of", "date", "When the record was last checked, if it is not kept current"),
    ),
    primary_key=("treaty",),
)
TIMELINE = Table(
    "timeline",
    "Timeline",
    "Each treaty's counts after every day on which something changed.",
    (
        TREATY,
        Column("date", "date", "The day", required=True),
        _count("contracting_states", "States bound"),
        _count("parties_in_force", "States for which the treaty is in force"),
        _count("signatories_not_bound", "Signatories not bound"),
        _count("instruments_needed", "Instruments still needed for entry into force"),
        Column("in_force", "boolean", "The treaty is in force", required=True),
        Column("actions", "string", 'Actions on that day: "<State code> <kind>", separated by "; "'),
    ),
    primary_key=("treaty", "date"),
)
TABLES = {t.name: t for t in (LEDGER, STATES, PARTICIPANTS, STATUS, TIMELINE)}


def _cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def csv_bytes(table: Table, data: Iterable[Sequence[object]]) -> bytes:
    buf = io.StringIO()
    buf.write(BOM)
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(table.names)
    writer.writerows([_cell(v) for v in row] for row in data)
    return buf.getvalue().encode("utf-8")


def ledger_csv(records: Iterable[TreatyRecord]) -> bytes:
    buf = io.StringIO()
    buf.write(BOM)
    write_ledger((a for r in records for a in r.actions), buf)
    return buf.getvalue().encode("utf-8")


def state_row(s: State) -> list[object]:
    return [
        s.code,
        s.m49,
        s.member,
        s.region,
        s.subregion,
        *(s.name(lang) for lang in LANGUAGES),
        s.ended,
        ";".join(s.successors),
        s.continued_by,
    ]


def rows(table: str, records: Sequence[TreatyRecord], day: date, lang: str = "en") -> list[list[object]]:
    """The rows of a table (other than the ledger) for these treaties, as of ``day``."""
    out: list[list[object]] = []
    if table == "states":
        registry = records[0].states if records else None
        return [state_row(s) for s in sorted(registry or [], key=lambda s: s.code)]
    for record in records:
        tid = record.treaty.id
        if table == "participants":
            for p in record.participants(day):
                s = record.states.get(p.state)
                out.append(
                    [
                        tid,
                        day,
                        s.code,
                        s.m49,
                        s.name(lang),
                        p.position,
                        p.uncertain,
                        p.signature.date.text if p.signature else None,
                        p.consent.date.text if p.consent else None,
                        p.consent.kind.value if p.consent else None,
                        p.consent.kind.table_mark if p.consent else None,
                        span_text(p.entry_into_force),
                        p.denunciation.date.text if p.denunciation else None,
                        span_text(p.withdrawal_effective),
                        len(p.declarations),
                        len(p.reservations),
                        len(p.objections),
                    ]
                )
        elif table == "status":
            st = record.status(day)
            out.append(
                [
                    tid,
                    day,
                    st.contracting_states,
                    st.contracting_states_uncertain,
                    st.parties_in_force,
                    st.parties_in_force_uncertain,
                    st.signatories,
                    st.signatories_not_bound,
                    st.signatories_not_bound_uncertain,
                    st.in_force,
                    span_text(st.entry_into_force),
                    st.threshold,
                    st.instruments_counted,
                    st.instruments_needed,
                    span_text(st.threshold_reached),
                    st.committee_size,
                    st.record_as_of,
                ]
            )
        elif table == "timeline":
            for point in record.timeline():
                out.append(
                    [
                        tid,
                        point.day,
                        point.contracting_states,
                        point.parties_in_force,
                        point.signatories_not_bound,
                        point.instruments_needed,
                        point.in_force,
                        "; ".join(f"{a.state} {a.kind.value}" for a in point.actions),
                    ]
                )
        else:
            raise KeyError(table)
    return out
