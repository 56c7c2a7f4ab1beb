"""The ratification matrix (States x instruments as of a day) and the campaign's target list, as HTML without
JavaScript, CSV and JSON.

    /<lang>/matrix/?as_of=&region=&format=html|csv|json    also /<lang>/matrix.csv and /<lang>/matrix.json
    /<lang>/targets/?n=7&as_of=&region=&format=...          also /<lang>/targets.csv and /<lang>/targets.json

The positions come from ``treatywatch.engine.matrix``; the downloads are built with ``treatywatch.serialize``.
Pages are cached and validated like the others (``caching.page``).
"""

from __future__ import annotations

import json
from typing import Any

from django.http import HttpRequest, HttpResponse, HttpResponseBase
from django.shortcuts import render
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext, ngettext, pgettext

from treatywatch.engine.matrix import CORE_TREATIES, MIGRANT_WORKERS, Matrix, matrix, matrix_states, target_list
from treatywatch.serialize import matrix_dict, targets_dict

from .caching import page
from .context import PageContext
from .formatting import data_language, day_text, list_text, number, state_name
from .labels import position_label, region_label
from .matrixtable import SYMBOLS, Words, columns, html_rows, matrix_csv, stale_notice, targets_csv

__all__ = ["matrix_download", "matrix_page", "targets_download", "targets_page"]

REGIONS = ("Africa", "Americas", "Asia", "Europe", "Oceania")
"""The M49 regions the States list names."""
FORMATS = ("html", "csv", "json")
DEFAULT_N = 7
MAX_N = len(CORE_TREATIES) - 1
"""Bound by at most the eight core treaties besides the Convention."""


class ParameterError(ValueError):
    """A bad query parameter; the message is shown on the 400 page."""


def _one_of(request: HttpRequest, name: str, allowed: tuple[str, ...], default: str) -> str:
    raw = request.GET.get(name, "").strip()
    if not raw:
        return default
    if raw not in allowed:
        raise ParameterError(
            gettext("The parameter %(name)s must be one of: %(allowed)s. “%(value)s” is not one of them.")
            % {"name": name, "allowed": list_text(list(allowed), style="or"), "value": raw[:40]}
        )
    return raw


def _n(request: HttpRequest) -> int:
    raw = request.GET.get("n", "").strip()
    if not raw:
        return DEFAULT_N
    if not (raw.isascii() and raw.isdigit()) or int(raw) > MAX_N:
        raise ParameterError(
            gettext("The parameter n must be a whole number from 0 to %(max)s. “%(value)s” is not.")
            % {"max": MAX_N, "value": raw[:40]}
        )
    return int(raw)


def bad_parameter(request: HttpRequest, message: str) -> HttpResponse:
    response = render(request, "portal/error.html", {"status": 400, "message": message}, status=400)
    patch_cache_control(response, no_cache=True)
    return response


def build(ctx: PageContext, region: str) -> Matrix:
    """The matrix of the States that existed on the day (of one region, if given), by name in the page language."""
    states = [s for s in matrix_states(ctx.cat.states, ctx.day) if not region or s.region == region]
    states.sort(key=lambda s: state_name(s).casefold())
    return matrix(ctx.cat.records(), states, ctx.day)


def _download(body: str, content_type: str, name: str, attachment: bool) -> HttpResponse:
    response = HttpResponse(body, content_type=f"{content_type}; charset=utf-8")
    response["Content-Disposition"] = f'{"attachment" if attachment else "inline"}; filename="{name}"'
    return response


def _json(data: dict[str, Any]) -> str:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))


def _region_options(region: str) -> list[tuple[str, str, bool]]:
    return [(name, region_label(name), name == region) for name in REGIONS]


def _base(ctx: PageContext, region: str, **extra: str) -> dict[str, Any]:
    """What both pages show around their tables: the filters, the day and the notice on old records."""
    keep = {"region": region, **extra}
    return {
        **ctx.base(),
        "region": region,
        "region_name": region_label(region) if region else "",
        "regions": _region_options(region),
        "keep_params": [(k, v) for k, v in keep.items() if v],
    }


# ------------------------------------------------------------------------------------------------------------
# the matrix


def _matrix_response(request: HttpRequest, ctx: PageContext, fmt: str) -> HttpResponseBase:
    try:
        region = _one_of(request, "region", REGIONS, "")
        fmt = fmt or _one_of(request, "format", FORMATS, "html")
    except ParameterError as exc:
        return bad_parameter(request, str(exc))
    grid = build(ctx, region)
    name = f"ratification-matrix-{ctx.day.isoformat()}{'-' + region.lower() if region else ''}"
    if fmt == "csv":
        return _download(matrix_csv(grid), "text/csv", f"{name}.csv", attachment=True)
    if fmt == "json":
        data = {**matrix_dict(grid, data_language()), "region": region or None}
        return _download(_json(data), "application/json", f"{name}.json", attachment=False)
    legend = [
        (SYMBOLS["party"], gettext("State party: bound, and the instrument is in force for it (since the year shown)")),
        (SYMBOLS["contracting"], gettext("Bound, but not yet in force for it (bound since the year shown)")),
        (SYMBOLS["signatory"], gettext("Signed, not yet bound (signed in the year shown)")),
        (SYMBOLS["withdrawn"], gettext("Withdrawn: no longer bound (since the year shown)")),
    ]
    return render(
        request,
        "portal/matrix.html",
        {
            **_base(ctx, region),
            "columns": columns(ctx, grid),
            "rows": html_rows(ctx, grid),
            "count": len(grid.rows),
            "instruments": number(len(grid.instruments)),
            "core_total": number(len([t for t in grid.instruments if t.id in CORE_TREATIES])),
            "notice": stale_notice(grid.instruments),
            "legend": legend,
            "csv_url": ctx.url("matrix_file", "csv", region=region),
            "json_url": ctx.url("matrix_file", "json", region=region),
            "targets_url": ctx.url("targets"),
        },
    )


@page
def matrix_page(request: HttpRequest, ctx: PageContext) -> HttpResponseBase:
    return _matrix_response(request, ctx, "")


@page
def matrix_download(request: HttpRequest, ctx: PageContext, fmt: str) -> HttpResponseBase:
    return _matrix_response(request, ctx, fmt)


# ------------------------------------------------------------------------------------------------------------
# the target list


def _targets_response(request: HttpRequest, ctx: PageContext, fmt: str) -> HttpResponseBase:
    try:
        region = _one_of(request, "region", REGIONS, "")
        n = _n(request)
        fmt = fmt or _one_of(request, "format", FORMATS, "html")
    except ParameterError as exc:
        return bad_parameter(request, str(exc))
    grid = build(ctx, region)
    found = target_list(grid, n)
    name = f"core-treaties-{n}-not-icrmw-{ctx.day.isoformat()}{'-' + region.lower() if region else ''}"
    column = grid.column(MIGRANT_WORKERS)
    if fmt == "csv":
        return _download(targets_csv(grid, found, column), "text/csv", f"{name}.csv", attachment=True)
    if fmt == "json":
        data = {**targets_dict(grid, found, n, data_language()), "region": region or None}
        return _download(_json(data), "application/json", f"{name}.json", attachment=False)
    words = Words()
    separator = pgettext("list separator", ", ")
    core = [i for i, t in enumerate(grid.instruments) if t.id in CORE_TREATIES and t.id != MIGRANT_WORKERS]
    rows = [
        {
            "name": state_name(row.state),
            "url": ctx.state_url(row.state),
            "region": region_label(row.state.region) if row.state.region else "",
            "count": number(row.core_count),
            "bound": separator.join(grid.instruments[i].id for i in core if row.cells[i].bound),
            "convention": words.sentence(row.cells[column]) or position_label("none"),
        }
        for row in found
    ]
    others = [grid.instruments[i] for i in core]
    return render(
        request,
        "portal/targets.html",
        {
            **_base(ctx, region, n=str(n)),
            "n": n,
            "n_options": [(number(i), str(i), i == n) for i in range(MAX_N + 1)],
            "rows": rows,
            "caption": ngettext(
                "%(count)s State is bound by at least %(n)s of the other core treaties but not by the Convention, "
                "as of %(date)s.",
                "%(count)s States are bound by at least %(n)s of the other core treaties but not by the "
                "Convention, as of %(date)s.",
                len(rows),
            )
            % {"count": number(len(rows)), "n": number(n), "date": day_text(ctx.day)},
            "core": [(t.id, t.title(data_language()), ctx.treaty_url(t.id)) for t in others],
            "notice": stale_notice(tuple(others)),
            "csv_url": ctx.url("targets_file", "csv", n=str(n), region=region),
            "json_url": ctx.url("targets_file", "json", n=str(n), region=region),
            "matrix_url": ctx.url("matrix"),
            "convention_url": ctx.treaty_url(MIGRANT_WORKERS),
        },
    )


@page
def targets_page(request: HttpRequest, ctx: PageContext) -> HttpResponseBase:
    return _targets_response(request, ctx, "")


@page
def targets_download(request: HttpRequest, ctx: PageContext, fmt: str) -> HttpResponseBase:
    return _targets_response(request, ctx, fmt)
