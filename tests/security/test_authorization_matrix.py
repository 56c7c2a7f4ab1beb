"""Every staff URL against every role and an anonymous visitor, generated from the URL configuration.

A new staff URL without a rule here fails ``test_every_staff_url_has_a_rule``.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from django.urls import URLPattern, URLResolver, get_resolver

from support.staff import signed_in
from treatywatch.accounts.roles import (
    ADMINISTRATOR,
    CAMPAIGN_EDITOR,
    COMMITTEE_SECRETARIAT,
    DEPOSITARY_OFFICER,
    RAPPORTEUR_STAFF,
    ROLES,
)
from treatywatch.treaties import models

pytestmark = pytest.mark.django_db

ANONYMOUS = "anonymous"
EVERY_ROLE = frozenset(ROLES)
# URL name -> roles allowed. Staff screens only; public pages are open to all and checked elsewhere.
RULES: dict[str, frozenset[str]] = {
    "staff:dashboard": EVERY_ROLE,
    "staff:record": frozenset({DEPOSITARY_OFFICER}),
    "staff:correct": frozenset({DEPOSITARY_OFFICER}),
    "staff:import": frozenset({DEPOSITARY_OFFICER}),
    "staff:audit": frozenset({ADMINISTRATOR}),
    "staff:reports": frozenset({DEPOSITARY_OFFICER, COMMITTEE_SECRETARIAT}),
    "staff:report_new": frozenset({DEPOSITARY_OFFICER, COMMITTEE_SECRETARIAT}),
    "staff:report_draft": frozenset({DEPOSITARY_OFFICER, COMMITTEE_SECRETARIAT}),
    "staff:report_preview": frozenset({DEPOSITARY_OFFICER, COMMITTEE_SECRETARIAT}),
    "staff:report_issue": frozenset({DEPOSITARY_OFFICER, COMMITTEE_SECRETARIAT}),
    "staff:report_file": frozenset({DEPOSITARY_OFFICER, COMMITTEE_SECRETARIAT}),
}
# Sign-in screens are open by design (they are how one becomes staff).
OPEN = {"accounts:login", "accounts:second_factor", "accounts:logout"}
STAFF_NAMESPACES = ("staff", "accounts", "reports_staff", "cases", "committee")


def walk(resolver: URLResolver, prefix: str = "", namespace: str = "") -> Iterator[tuple[str, str]]:
    for pattern in resolver.url_patterns:
        if isinstance(pattern, URLResolver):
            ns = (
                f"{namespace}:{pattern.namespace}"
                if namespace and pattern.namespace
                else pattern.namespace or namespace
            )
            yield from walk(pattern, prefix + str(pattern.pattern), ns)
        elif isinstance(pattern, URLPattern) and pattern.name:
            name = f"{namespace}:{pattern.name}" if namespace else pattern.name
            yield name, prefix + str(pattern.pattern)


def staff_urls() -> dict[str, str]:
    return {
        name: route
        for name, route in walk(get_resolver())
        if name.split(":")[0] in STAFF_NAMESPACES or route.startswith("staff/")
    }


def concrete(name: str, route: str) -> str:
    """A real URL for the route: the first ledger entry, or a report draft / issued report made for the test."""
    from datetime import date

    from treatywatch.reports.issuing import issue_draft
    from treatywatch.reports.models import IssuedReport, ReportDraft

    if name.startswith("staff:report"):
        draft = ReportDraft.objects.first() or ReportDraft.objects.create(session=55, as_of=date(2000, 7, 1))
        pk = draft.pk
        if name == "staff:report_file":
            pk = (IssuedReport.objects.first() or issue_draft(draft)).pk
    else:
        pk = models.Action.objects.values_list("pk", flat=True).first()
    return "/" + route.replace("<int:pk>", str(pk)).replace("<str:fmt>", "html")


def test_every_staff_url_has_a_rule() -> None:
    missing = sorted(set(staff_urls()) - set(RULES) - OPEN)
    assert missing == [], f"staff URLs without an authorisation rule: {missing}"


@pytest.mark.parametrize(
    "who", [ANONYMOUS, DEPOSITARY_OFFICER, COMMITTEE_SECRETARIAT, RAPPORTEUR_STAFF, CAMPAIGN_EDITOR, ADMINISTRATOR]
)
def test_each_staff_url_allows_exactly_the_roles_in_its_rule(loaded: None, who: str) -> None:
    from django.test import Client

    client = Client() if who == ANONYMOUS else signed_in(f"user-{who}", who)
    routes = staff_urls()
    for name, allowed in RULES.items():
        url = concrete(name, routes[name])
        for method in ("get", "post"):
            response = getattr(client, method)(url)
            if who == ANONYMOUS:
                assert response.status_code == 302, (name, method, response.status_code)
                assert response["Location"].startswith("/staff/account/login/")
            elif who in allowed:
                assert response.status_code in (200, 302, 405), (name, method, response.status_code)
            else:
                assert response.status_code == 403, (name, method, who, response.status_code)


def test_a_role_that_needs_a_second_factor_cannot_act_on_a_password_alone(loaded: None) -> None:
    from django.test import Client

    from support.staff import PASSWORD, make_user

    make_user("admin-no-otp", ADMINISTRATOR)
    client = Client()
    client.post("/staff/account/login/", {"username": "admin-no-otp", "password": PASSWORD})
    response = client.get("/staff/audit/")
    assert response.status_code == 302
    assert response["Location"].startswith("/staff/account/second-factor/")
