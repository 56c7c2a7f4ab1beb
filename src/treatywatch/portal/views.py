"""Public pages. Every page takes ?as_of=YYYY-MM-DD; rules come from the engine, words from the helpers.

Views stay thin: ``caching.page`` validates the day and answers conditional requests, the page modules
(``home``, ``participants``, ``statepage``, ``timeline``) build what the templates show.
"""

from __future__ import annotations

import logging

from django.http import HttpRequest, HttpResponse, HttpResponseBase, HttpResponseRedirect
from django.shortcuts import render
from django.template import loader
from django.utils import translation
from django.utils.html import format_html
from django.utils.translation import gettext

from treatywatch.engine import UnknownState, UnknownTreaty

from .caching import page
from .context import PageContext
from .formatting import data_language, day_text, state_name
from .home import home_context
from .participants import Sorting, column_headers, csv_response, json_response, rows, sorted_participants
from .reconciliation import reconciliation
from .statepage import state_context
from .summary import figures, final_clauses, in_force_sentence
from .timeline import timeline_context

logger = logging.getLogger(__name__)


def root(request: HttpRequest) -> HttpResponse:
    lang = translation.get_language_from_request(request, check_path=False)
    return HttpResponseRedirect(f"/{lang}/")


def not_found(request: HttpRequest, message: str) -> HttpResponse:
    return render(request, "portal/error.html", {"status": 404, "message": message}, status=404)


@page
def home(request: HttpRequest, ctx: PageContext) -> HttpResponseBase:
    return render(request, "portal/home.html", {**ctx.base(), **home_context(ctx)})


@page
def treaty(request: HttpRequest, ctx: PageContext, treaty_id: str) -> HttpResponseBase:
    try:
        definition = ctx.cat.treaty(treaty_id)
    except UnknownTreaty:
        return not_found(request, gettext("There is no treaty with the identifier “%(id)s”.") % {"id": treaty_id})
    sorting = Sorting.from_request(request)
    if definition.id != treaty_id:
        return HttpResponseRedirect(ctx.url("treaty", definition.id, **sorting.query()))
    record = ctx.cat.record(definition.id)
    status = record.status(ctx.day)
    return render(
        request,
        "portal/treaty.html",
        {
            **ctx.base(),
            "treaty": definition,
            "title": definition.title(data_language()),
            "record_as_of": day_text(definition.record_as_of) if definition.record_as_of else "",
            "figures": figures(status),
            "in_force": in_force_sentence(record, status),
            "clauses": final_clauses(record, status),
            "reconciliation": reconciliation(record),
            "columns": column_headers(ctx, definition.id, sorting),
            "rows": rows(ctx, sorted_participants(record, ctx.day, sorting)),
            "csv_url": ctx.url("participants", definition.id, "csv", **sorting.query()),
            "json_url": ctx.url("participants", definition.id, "json", **sorting.query()),
            "keep_params": sorting.query().items(),
        },
    )


@page
def participants(request: HttpRequest, ctx: PageContext, treaty_id: str, fmt: str) -> HttpResponseBase:
    try:
        definition = ctx.cat.treaty(treaty_id)
    except UnknownTreaty:
        return not_found(request, gettext("There is no treaty with the identifier “%(id)s”.") % {"id": treaty_id})
    record = ctx.cat.record(definition.id)
    sorting = Sorting.from_request(request)
    if fmt == "csv":
        return csv_response(record, ctx, sorting)
    return json_response(record, ctx, sorting)


@page
def state(request: HttpRequest, ctx: PageContext, code: str) -> HttpResponseBase:
    upper = code.upper()
    if upper not in ctx.cat.states:
        return not_found(request, gettext("There is no State with the code “%(code)s”.") % {"code": code})
    if upper != code:
        return HttpResponseRedirect(ctx.state_url(upper))
    return render(request, "portal/state.html", {**ctx.base(), **state_context(ctx, ctx.cat.states.get(code))})


@page
def timeline(request: HttpRequest, ctx: PageContext) -> HttpResponseBase:
    return render(request, "portal/timeline.html", {**ctx.base(), **timeline_context(ctx)})


@page
def search(request: HttpRequest, ctx: PageContext) -> HttpResponseBase:
    query = request.GET.get("q", "").strip()[:100]
    results = []
    if query:
        try:
            exact = ctx.cat.states.get(query)
        except UnknownState:
            exact = None
        if exact is not None:
            return HttpResponseRedirect(ctx.state_url(exact))
        results = [(state_name(s), ctx.state_url(s), s.code) for s in ctx.cat.states.search(query, limit=50)]
    return render(request, "portal/search.html", {**ctx.base(), "query": query, "results": results})


def bad_request(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    message = gettext("The request could not be understood. Please check the address.")
    try:
        return render(request, "portal/error.html", {"status": 400, "message": message}, status=400)
    except Exception:  # a refused Host header: the page's links would need the host; say it plainly instead
        direction = "rtl" if translation.get_language_bidi() else "ltr"
        page = '<!DOCTYPE html><html lang="{}" dir="{}"><title>{}</title><h1>{}</h1>'
        body = format_html(page, data_language(), direction, message, message)
        return HttpResponse(body, status=400)


def page_not_found(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return not_found(request, gettext("There is no page at this address."))


def server_error(request: HttpRequest) -> HttpResponse:
    """Say so politely; never show a traceback. Rendered without the request's context, which may be broken."""
    try:
        body = loader.get_template("portal/500.html").render({"lang": data_language()})
    except Exception:  # the error page must not fail in turn
        logger.exception("the 500 page could not be rendered")
        body = "<!DOCTYPE html><title>Something went wrong</title><h1>Something went wrong</h1>"
    return HttpResponse(body, status=500)
