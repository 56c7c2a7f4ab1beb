"""Staff keep report drafts, preview them, and issue frozen versions that the portal shows as issued."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from django.test import Client

from treatywatch.accounts.models import AuditEvent
from treatywatch.reports.models import IssuedReport, ReportDraft

pytestmark = pytest.mark.django_db

DRAFT = {
    "session": "55",
    "as_of": "2000-07-01",
    "lang": "en",
    "symbol": "A/55/205",
    "agenda_item": "114 (b)",
    "document_date": "2000-07-20",
    "original_lang": "en",
    "narrative_text": "The Office distributed posters in the six languages.\n\nA radio campaign ran in 2000.",
}


def test_a_draft_keeps_narrative_paragraphs_and_previews_with_computed_figures(
    loaded: None, client_for: Callable[..., Client]
) -> None:
    client = client_for("secretariat", "committee_secretariat")
    response = client.post("/staff/reports/new/", DRAFT)
    assert response.status_code == 302
    draft = ReportDraft.objects.get()
    assert draft.narrative == ["The Office distributed posters in the six languages.", "A radio campaign ran in 2000."]
    preview = client.get(f"/staff/reports/{draft.pk}/preview/")
    html = preview.content.decode()
    assert "A/55/205" in html and "The Office distributed posters" in html
    assert "Report of the Secretary-General" in html
    assert (
        "'sha256-" in preview["Content-Security-Policy"] and "unsafe-inline" not in preview["Content-Security-Policy"]
    )


def test_issuing_freezes_the_report_and_the_portal_shows_it_as_issued(
    loaded: None, client_for: Callable[..., Client]
) -> None:
    client = client_for("secretariat", "committee_secretariat")
    client.post("/staff/reports/new/", DRAFT)
    draft = ReportDraft.objects.get()
    assert client.post(f"/staff/reports/{draft.pk}/issue/").status_code == 302
    issued = IssuedReport.objects.get()
    assert issued.ledger_digest and issued.as_of.isoformat() == "2000-07-01"
    assert AuditEvent.objects.filter(kind=AuditEvent.REPORT, username="secretariat").exists()
    public = Client().get(f"/en/reports/{issued.pk}/")
    assert public.status_code == 200 and public.content.decode() == issued.html
    listing = Client().get("/en/reports/").content.decode()
    assert "A/55/205" in listing
    assert "<td>English</td>" in listing, "the language by its name, not its code"
    assert "<td>Inglés</td>" in Client().get("/es/reports/").content.decode()
    assert "(English, as of 2000-07-01)" in client.get("/staff/reports/").content.decode()
    pdf = Client().get(f"/en/reports/{issued.pk}.pdf")
    assert pdf.status_code == 200 and pdf.content.startswith(b"%PDF")


def test_recorded_actions_appear_on_the_notifications_page(loaded: None, client_for: Callable[..., Client]) -> None:
    client = client_for("officer", "depositary_officer")
    form = {"treaty": "ICRMW", "state": "FRA", "kind": "accession", "date": "2025-01-15", "step": "preview"}
    preview = client.post("/staff/record/", form)
    client.post("/staff/record/", {**form, "step": "confirm", "signed": preview.context["signed"]})
    english = Client().get("/en/notifications/").content.decode()
    french = Client().get("/fr/notifications/").content.decode()
    assert "FRANCE: ACCESSION" in english and "TREATIES-IV.13" in english
    assert "FRANCE : ADHÉSION" in french
