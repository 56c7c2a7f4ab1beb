"""The JSON API, version 1: /api/v1/ (OpenAPI 3.1 at /api/v1/openapi.json, interactive docs at /api/v1/docs).

Views check their parameters, then answer through ``caching.json_response``: built once per record version,
address and day, with ETag, Last-Modified, Cache-Control and CORS headers. Views return bytes directly, so the
declared schemas document the answers (and the tests check them) without validating each answer again.
"""

from __future__ import annotations

import math
from typing import Annotated, Any
from urllib.parse import urlencode

from django.http import HttpRequest, HttpResponse
from ninja import NinjaAPI
from ninja.errors import ValidationError
from ninja.params import functions as param

from treatywatch.engine import ActionKind

from . import params
from .caching import Stamp, json_response
from .documents import API_ROOT, snapshot
from .errors import BadParameter, NotFound, Problem, problem_response
from .matrix import router as matrix_router
from .schemas import (
    ActionPageOut,
    ErrorOut,
    IsoDate,
    Lang,
    ObligationsOut,
    ParticipantsOut,
    StateDetailOut,
    StateListOut,
    StatusOut,
    TimelineOut,
    TreatyDetailOut,
    TreatyListOut,
)

__all__ = ["api"]

DESCRIPTION = """Open data on the treaties treatywatch holds, first among them the International Convention on the
Protection of the Rights of All Migrant Workers and Members of Their Families (ICRMW): their depositary records,
and what the rules of their final clauses make of them as of any day. Identifiers are stable: treaty ids (ICRMW),
ISO 3166-1 alpha-3 and UN M49 codes, depositary notification references. Dates are ISO; partial dates are given
as the record gives them, with their precision. Answers carry ETag and Last-Modified (conditional requests
answer 304) and may be read from any site (CORS). Bad input answers 400 or 404 with a JSON body naming the
parameter and what was expected. See docs/api.md."""

api = NinjaAPI(
    title="treatywatch open data",
    version="1",
    description=DESCRIPTION,
    urls_namespace="opendata-api-v1",
)
api.add_router("/", matrix_router)

ERRORS: dict[int, Any] = {400: ErrorOut, 404: ErrorOut}
PAGE_SIZE_MAX = 200
EXPECTED = {
    "as_of": params.DATE_EXPECTED,
    "from": params.DATE_EXPECTED,
    "to": params.DATE_EXPECTED,
    "lang": params.LANG_EXPECTED,
    "kind": "one of " + ", ".join(k.value for k in ActionKind),
    "page": "an integer from 1",
    "treaty": "a treaty identifier, e.g. ICRMW",
    "state": params.STATE_EXPECTED,
    "page_size": f"an integer from 1 to {PAGE_SIZE_MAX}",
}
AsOf = Annotated[
    IsoDate | None,
    param.Query(None, description="Answer as of this day (default: today), with the record as known that day"),
]
STATE_PATTERN = r"^([A-Za-z]{3}|[0-9]{1,3})$"
TreatyFilter = Annotated[
    str | None, param.Query(None, pattern=r"^[A-Za-z0-9_-]{1,32}$", description="Treaty identifier, e.g. ICRMW")
]
InLang = Annotated[Lang | None, param.Query(None, description="Language of State names and titles (default: en)")]


@api.exception_handler(Problem)
def _problem(request: HttpRequest, exc: Problem) -> HttpResponse:
    return problem_response(exc)


@api.exception_handler(ValidationError)
def _invalid(request: HttpRequest, exc: ValidationError) -> HttpResponse:
    """Ninja's 422 answers, in the API's 400 form."""
    first = exc.errors[0] if exc.errors else {}
    loc = first.get("loc") or ("query", "request")
    parameter = str(loc[-1])
    got: object = request.GET.get(parameter)
    if got is None and request.resolver_match is not None:
        got = request.resolver_match.kwargs.get(parameter)
    return problem_response(BadParameter(parameter, EXPECTED.get(parameter, str(first.get("msg", ""))), got))


@api.get("/treaties", response={200: TreatyListOut, **ERRORS}, tags=["treaties"], summary="Every treaty held")
def treaties(
    request: HttpRequest,
    as_of: AsOf = None,
    lang: InLang = None,
) -> HttpResponse:
    params.only(request, "as_of", "lang")
    day, lg = params.day(as_of), params.lang(lang)

    def build(stamp: Stamp) -> dict[str, Any]:
        snap = snapshot(stamp)
        rows = [snap.treaty_summary(r, day or stamp.today, lg) for r in snap.cat.records()]
        return {"count": len(rows), "results": rows}

    return json_response(request, build, language=lg)


@api.get("/treaties/{id}", response={200: TreatyDetailOut, **ERRORS}, tags=["treaties"], summary="One treaty")
def treaty(
    request: HttpRequest,
    id: str,
    as_of: AsOf = None,
    lang: InLang = None,
) -> HttpResponse:
    params.only(request, "as_of", "lang")
    day, lg = params.day(as_of), params.lang(lang)

    def build(stamp: Stamp) -> dict[str, Any]:
        snap = snapshot(stamp)
        return snap.treaty_detail(params.treaty(snap.cat, id), day or stamp.today, lg)

    return json_response(request, build, language=lg)


@api.get(
    "/treaties/{id}/status",
    response={200: StatusOut, **ERRORS},
    tags=["treaties"],
    summary="Status as of a day",
    description="The same object as `treatywatch status --format json`.",
)
def status(
    request: HttpRequest,
    id: str,
    as_of: AsOf = None,
    lang: InLang = None,
) -> HttpResponse:
    params.only(request, "as_of", "lang")
    day, lg = params.day(as_of), params.lang(lang)

    def build(stamp: Stamp) -> dict[str, Any]:
        snap = snapshot(stamp)
        return snap.status(params.treaty(snap.cat, id), day or stamp.today, lg)

    return json_response(request, build, language=lg)


@api.get(
    "/treaties/{id}/participants",
    response={200: ParticipantsOut, **ERRORS},
    tags=["treaties"],
    summary="Participants table as of a day",
)
def participants(
    request: HttpRequest,
    id: str,
    as_of: AsOf = None,
    lang: InLang = None,
) -> HttpResponse:
    params.only(request, "as_of", "lang")
    day, lg = params.day(as_of), params.lang(lang)

    def build(stamp: Stamp) -> dict[str, Any]:
        snap = snapshot(stamp)
        return snap.participants(params.treaty(snap.cat, id), day or stamp.today, lg)

    return json_response(request, build, language=lg)


@api.get(
    "/treaties/{id}/timeline",
    response={200: TimelineOut, **ERRORS},
    tags=["treaties"],
    summary="Counts after every day something changed",
)
def timeline(request: HttpRequest, id: str) -> HttpResponse:
    params.only(request)

    def build(stamp: Stamp) -> dict[str, Any]:
        snap = snapshot(stamp)
        return snap.timeline(params.treaty(snap.cat, id))

    return json_response(request, build)


@api.get("/states", response={200: StateListOut, **ERRORS}, tags=["states"], summary="Every State in the record")
def states(
    request: HttpRequest,
    as_of: AsOf = None,
    lang: InLang = None,
) -> HttpResponse:
    params.only(request, "as_of", "lang")
    day, lg = params.day(as_of), params.lang(lang)

    def build(stamp: Stamp) -> dict[str, Any]:
        snap = snapshot(stamp)
        when = day or stamp.today
        rows = [snap.state_summary(s, when, lg) for s in sorted(snap.cat.states, key=lambda s: s.code)]
        return {"as_of": when.isoformat(), "count": len(rows), "results": rows}

    return json_response(request, build, language=lg)


@api.get(
    "/states/{code}",
    response={200: StateDetailOut, **ERRORS},
    tags=["states"],
    summary="One State: its actions, terms and reports under each treaty",
    description="`code` is an ISO 3166-1 alpha-3 code (MEX) or a UN M49 code (484).",
)
def state(
    request: HttpRequest,
    code: str,
    as_of: AsOf = None,
    lang: InLang = None,
) -> HttpResponse:
    params.only(request, "as_of", "lang")
    day, lg = params.day(as_of), params.lang(lang)

    def build(stamp: Stamp) -> dict[str, Any]:
        snap = snapshot(stamp)
        return snap.state_detail(params.state(snap.cat, code), day or stamp.today, lg)

    return json_response(request, build, language=lg)


@api.get(
    "/states/{code}/obligations",
    response={200: ObligationsOut, **ERRORS},
    tags=["states"],
    summary="Reports due from a State",
    description="Reports due under each treaty's reporting article (ICRMW art. 73) up to the day and the next one.",
)
def obligations(
    request: HttpRequest,
    code: str,
    as_of: AsOf = None,
    treaty: TreatyFilter = None,
    lang: InLang = None,
) -> HttpResponse:
    params.only(request, "as_of", "treaty", "lang")
    day, lg = params.day(as_of), params.lang(lang)

    def build(stamp: Stamp) -> dict[str, Any]:
        snap = snapshot(stamp)
        found = params.state(snap.cat, code)
        if treaty is None:
            records = list(snap.cat.records())
        else:
            records = [params.treaty(snap.cat, treaty, "treaty", BadParameter)]
        return snap.obligations(found, day or stamp.today, records, lg)

    return json_response(request, build, language=lg)


@api.get(
    "/actions",
    response={200: ActionPageOut, **ERRORS},
    tags=["actions"],
    summary="Depositary actions, filtered and paginated",
    description=(
        "Ordered by date (earliest possible day) then id. `from` and `to` keep the actions known to have happened "
        'in that range: a partial date ("2016") is kept only when all its possible days are in it.'
    ),
)
def actions(
    request: HttpRequest,
    treaty: TreatyFilter = None,
    state: Annotated[
        str | None,
        param.Query(None, pattern=STATE_PATTERN, description="ISO alpha-3 or M49 code of the acting State"),
    ] = None,
    kind: Annotated[ActionKind | None, param.Query(None, description="Kind of action")] = None,
    date_from: Annotated[IsoDate | None, param.Query(None, alias="from", description="First day (inclusive)")] = None,
    date_to: Annotated[IsoDate | None, param.Query(None, alias="to", description="Last day (inclusive)")] = None,
    page: Annotated[int, param.Query(1, ge=1, description="Page number, from 1")] = 1,
    page_size: Annotated[
        int, param.Query(50, ge=1, le=PAGE_SIZE_MAX, description=f"Actions per page, 1 to {PAGE_SIZE_MAX}")
    ] = 50,
) -> HttpResponse:
    params.only(request, "treaty", "state", "kind", "from", "to", "page", "page_size")
    first, last = params.day(date_from, "from"), params.day(date_to, "to")
    if first is not None and last is not None and first > last:
        raise BadParameter("to", f"a date on or after from ({first})", date_to)

    def build(stamp: Stamp) -> dict[str, Any]:
        snap = snapshot(stamp)
        code = params.state(snap.cat, state, "state", BadParameter).code if state is not None else None
        ident = params.treaty(snap.cat, treaty, "treaty", BadParameter).treaty.id if treaty is not None else None
        rows = []
        for pk, a in snap.ordered:
            if (ident and a.treaty != ident) or (code and a.state != code) or (kind and a.kind is not kind):
                continue
            span = snap.cat.record(a.treaty).span(a)
            if (first and span.earliest < first) or (last and span.latest > last):
                continue
            rows.append((pk, a))
        pages = max(1, math.ceil(len(rows) / page_size))
        if page > pages:
            raise NotFound("page", f"a page from 1 to {pages}", page)
        query = {
            "treaty": ident,
            "state": code,
            "kind": kind.value if kind else None,
            "from": first.isoformat() if first else None,
            "to": last.isoformat() if last else None,
        }

        def link(n: int) -> str | None:
            if not 1 <= n <= pages:
                return None
            items = {k: v for k, v in query.items() if v is not None} | {"page": n, "page_size": page_size}
            return f"{API_ROOT}/actions?{urlencode(items)}"

        start = (page - 1) * page_size
        return {
            "count": len(rows),
            "page": page,
            "page_size": page_size,
            "pages": pages,
            "next": link(page + 1),
            "previous": link(page - 1),
            "results": [snap.action_item(pk, a) for pk, a in rows[start : start + page_size]],
        }

    return json_response(request, build)
