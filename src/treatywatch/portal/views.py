"""Public pages. Every page takes ?as_of=YYYY-MM-DD; rules come from the engine only."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.utils import translation

from treatywatch.treaties.store import catalogue


def root(request: HttpRequest) -> HttpResponse:
    lang = translation.get_language_from_request(request, check_path=False)
    return HttpResponseRedirect(f"/{lang}/")


def home(request: HttpRequest) -> HttpResponse:
    record = catalogue().record("ICRMW")
    status = record.status(catalogue().today)
    return HttpResponse(f"{status.contracting_states}")
