"""Recording actions: the engine's checks next to the field, consequences before saving, a notification after."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from django.test import Client

from treatywatch.accounts.models import AuditEvent
from treatywatch.treaties import models, store
from treatywatch.treaties.ledger import verify

pytestmark = pytest.mark.django_db


def _form(**values: str) -> dict[str, str]:
    data = {"treaty": "ICRMW", "state": "FRA", "kind": "accession", "date": "2025-01-15", "step": "preview"}
    data.update(values)
    return data


def test_preview_shows_the_consequences_before_anything_is_saved(
    loaded: None, client_for: Callable[..., Client]
) -> None:
    client = client_for("officer", "depositary_officer")
    before = models.Action.objects.count()
    response = client.post("/staff/record/", _form())
    text = response.content.decode()
    assert response.status_code == 200
    assert "This is instrument number 61." in text
    assert (
        "Entry into force for this State: May 1, 2025." in text
        or "Entry into force for this State: 1 May 2025." in text
    )
    assert models.Action.objects.count() == before


def test_confirming_appends_the_action_and_produces_a_numbered_notification(
    loaded: None, client_for: Callable[..., Client]
) -> None:
    client = client_for("officer", "depositary_officer")
    preview = client.post("/staff/record/", _form())
    signed = preview.context["signed"]
    response = client.post("/staff/record/", _form(step="confirm", signed=signed))
    assert response.status_code == 200
    entry = models.Action.objects.current().get(treaty_id="ICRMW", state_id="FRA")
    notification = entry.notification
    assert notification.reference == f"C.N.1.{notification.year}.TREATIES-IV.13"
    assert "FRANCE: ACCESSION" in notification.text_en
    assert "FRANCE : ADHÉSION" in notification.text_fr
    assert "enter into force for France on 1 May 2025" in notification.text_en
    assert "à l'égard de cet État le 1er mai 2025" in notification.text_fr
    assert entry.reference == notification.reference and entry.recorded_by == "officer"
    assert AuditEvent.objects.filter(kind=AuditEvent.RECORD, username="officer").exists()
    assert verify()[1] is None
    store.forget()
    assert store.catalogue().record("ICRMW").status(store.catalogue().today).contracting_states == 61


def test_notifications_are_numbered_in_sequence_within_the_year(
    loaded: None, client_for: Callable[..., Client]
) -> None:
    client = client_for("officer", "depositary_officer")
    for code in ("FRA", "DEU"):
        preview = client.post("/staff/record/", _form(state=code))
        client.post("/staff/record/", _form(state=code, step="confirm", signed=preview.context["signed"]))
    numbers = sorted(models.Notification.objects.values_list("number", flat=True))
    assert numbers == [1, 2]


def test_a_tampered_confirmation_is_refused(loaded: None, client_for: Callable[..., Client]) -> None:
    client = client_for("officer", "depositary_officer")
    preview = client.post("/staff/record/", _form())
    response = client.post("/staff/record/", _form(step="confirm", signed=preview.context["signed"], date="2025-01-16"))
    assert "The form changed after the preview" in response.content.decode()
    assert not models.Action.objects.filter(treaty_id="ICRMW", state_id="FRA").exists()


@pytest.mark.parametrize(
    ("values", "field", "message"),
    [
        ({"date": "2025-02-30"}, "date", "2025-02 has 28 days"),
        ({"date": "1989-01-01"}, "date", "before the treaty was opened"),
        ({"state": "MEX", "kind": "ratification", "date": "2020-01-01"}, "kind", "already gave its consent"),
        ({"kind": "ratification"}, "kind", "without a prior signature"),
        ({"kind": "denunciation", "state": "CIV", "date": "2025-01-01"}, "date", "too early"),
        ({"kind": "declaration", "article": "77"}, "state", "not a party"),
    ],
)
def test_every_engine_validation_applies_with_its_message_next_to_the_field(
    loaded: None, client_for: Callable[..., Client], values: dict[str, str], field: str, message: str
) -> None:
    client = client_for("officer", "depositary_officer")
    response = client.post("/staff/record/", _form(**values))
    errors = response.context["form"].errors
    assert field in errors, errors
    assert any(message in e for e in errors[field]), errors


def test_a_correction_keeps_the_original_and_records_the_reason(
    loaded: None, client_for: Callable[..., Client]
) -> None:
    client = client_for("officer", "depositary_officer")
    original = models.Action.objects.current().get(treaty_id="ICRMW", state_id="ALB", kind="accession")
    data = _form(state="ALB", date="2007-06-06", reason="misread notification")
    preview = client.post(f"/staff/correct/{original.pk}/", data)
    assert preview.status_code == 200 and preview.context["form"].errors == {}
    client.post(f"/staff/correct/{original.pk}/", {**data, "step": "confirm", "signed": preview.context["signed"]})
    current = models.Action.objects.current().get(treaty_id="ICRMW", state_id="ALB", kind="accession")
    assert current.supersedes_id == original.pk and current.reason == "misread notification"
    assert models.Action.objects.filter(pk=original.pk).exists()
    assert AuditEvent.objects.filter(kind=AuditEvent.CORRECTION).exists()


def test_the_public_state_page_shows_a_correction_with_its_reason(
    loaded: None, client_for: Callable[..., Client]
) -> None:
    client = client_for("officer", "depositary_officer")
    original = models.Action.objects.current().get(treaty_id="ICRMW", state_id="ALB", kind="accession")
    data = _form(state="ALB", date="2007-06-06", reason="misread notification")
    preview = client.post(f"/staff/correct/{original.pk}/", data)
    client.post(f"/staff/correct/{original.pk}/", {**data, "step": "confirm", "signed": preview.context["signed"]})
    page = Client().get("/en/states/ALB/").content.decode()
    assert "Corrections to the record" in page
    assert "Accession, 5 June 2007" in page and "Accession, 6 June 2007" in page and "misread notification" in page
