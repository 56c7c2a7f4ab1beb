"""The ratification matrix and the campaign's target list in the JSON API: /api/v1/matrix and /api/v1/targets.

The same objects as the portal's matrix.json and targets.json (``treatywatch.serialize.matrix_dict`` and
``targets_dict``), built from ``treatywatch.engine.matrix``. Registered on the API by ``v1``:

    from .matrix import router as matrix_router
    api.add_router("/", matrix_router)
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from django.http import HttpRequest, HttpResponse
from ninja import Field, Router, Schema
from ninja.params import functions as param

from treatywatch.engine.matrix import CORE_TREATIES, MIGRANT_WORKERS, Matrix, matrix, matrix_states, target_list
from treatywatch.serialize import matrix_dict, targets_dict

from . import params
from .caching import Stamp, json_response
from .documents import snapshot
from .errors import BadParameter
from .schemas import ErrorOut, IsoDate, Lang

__all__ = ["MatrixOut", "TargetsOut", "router"]

Region = Literal["Africa", "Americas", "Asia", "Europe", "Oceania"]
Position = Literal["party", "contracting", "signatory", "withdrawn", "none"]
ERRORS: dict[int, Any] = {400: ErrorOut, 404: ErrorOut}
MAX_N = len(CORE_TREATIES) - 1

router = Router(tags=["matrix"])


class CellOut(Schema):
    position: Position
    date: str | None = Field(
        description="The day the position dates from (entry into force for a party, consent for a contracting "
        "State, signature for a signatory, the end of the obligations for a withdrawn State): YYYY-MM-DD, or the "
        "EDTF interval of possible days"
    )
    uncertain: bool = Field(description="A partial date leaves the position on the day uncertain")


class InstrumentOut(Schema):
    id: str
    title: str
    core: bool = Field(description="One of the nine core human-rights treaties")
    record_as_of: str | None = Field(description="When its record was last checked, if it is not kept current")


class MatrixRowOut(Schema):
    code: str
    m49: str
    name: str
    region: str | None
    core_count: int = Field(description="Core treaties by which the State is bound (party or contracting State)")
    bound_count: int = Field(description="Instruments of the matrix by which the State is bound")
    positions: dict[str, CellOut] = Field(description="Keyed by instrument id")


class MatrixOut(Schema):
    as_of: str
    region: Region | None
    core_treaties: list[str]
    instruments: list[InstrumentOut]
    states: list[MatrixRowOut]


class TargetOut(Schema):
    code: str
    m49: str
    name: str
    region: str | None
    core_count: int
    core_bound: list[str] = Field(description="The core treaties by which the State is bound")
    icrmw: CellOut | None = Field(description="Its position under the Migrant Workers Convention")


class TargetsOut(Schema):
    as_of: str
    n: int
    region: Region | None
    core_treaties: list[str]
    records_as_of: dict[str, str] = Field(description="Core treaties whose record is not kept current: checked on")
    count: int
    states: list[TargetOut]


AsOf = Annotated[IsoDate | None, param.Query(None, description="Answer as of this day (default: today)")]
InLang = Annotated[Lang | None, param.Query(None, description="Language of State names and titles (default: en)")]
InRegion = Annotated[Region | None, param.Query(None, description="Only the States of this UN M49 region")]


def _grid(stamp: Stamp, day: Any, region: str | None) -> Matrix:
    cat = snapshot(stamp).cat
    when = day or stamp.today
    states = [s for s in matrix_states(cat.states, when) if region is None or s.region == region]
    states.sort(key=lambda s: s.code)
    return matrix(cat.records(), states, when)


@router.get(
    "/matrix",
    response={200: MatrixOut, **ERRORS},
    summary="Ratification matrix: every State's position under every instrument as of a day",
    description="States in the order of their codes; instruments in the order of adoption, each treaty followed by "
    "its protocols. A State counts as bound from the deposit of its instrument.",
)
def matrix_api(request: HttpRequest, as_of: AsOf = None, lang: InLang = None, region: InRegion = None) -> HttpResponse:
    params.only(request, "as_of", "lang", "region")
    day, lg = params.day(as_of), params.lang(lang)

    def build(stamp: Stamp) -> dict[str, Any]:
        return {**matrix_dict(_grid(stamp, day, region), lg), "region": region}

    return json_response(request, build, language=lg)


@router.get(
    "/targets",
    response={200: TargetsOut, **ERRORS},
    summary="States bound by at least n core treaties but not by the Migrant Workers Convention",
    description="The campaign's target list, most core treaties first, then by code.",
)
def targets_api(
    request: HttpRequest,
    n: Annotated[int, param.Query(7, ge=0, le=MAX_N, description=f"Core treaties, 0 to {MAX_N}")] = 7,
    as_of: AsOf = None,
    lang: InLang = None,
    region: InRegion = None,
) -> HttpResponse:
    params.only(request, "n", "as_of", "lang", "region")
    day, lg = params.day(as_of), params.lang(lang)

    def build(stamp: Stamp) -> dict[str, Any]:
        grid = _grid(stamp, day, region)
        if not any(t.id == MIGRANT_WORKERS for t in grid.instruments):
            raise BadParameter("n", "a record that holds the Migrant Workers Convention", n)
        return {**targets_dict(grid, target_list(grid, n), n, lg), "region": region}

    return json_response(request, build, language=lg)
