"""The ledger is append-only and tamper-evident: triggers refuse changes, the hash chain names tampering."""

from __future__ import annotations

from datetime import date

import pytest
from django.db import DatabaseError, connection, transaction
from django.utils import timezone

from treatywatch.treaties import models, store
from treatywatch.treaties.ledger import NewEntry, append, verify
from treatywatch.treaties.loading import load

pytestmark = pytest.mark.django_db


@pytest.fixture
def loaded() -> None:
    load()
    store.forget()


def _raw_update(sql: str, params: list[object]) -> None:
    """Change a ledger row behind the application's back, as someone with database access could."""
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute("DROP TRIGGER treaties_action_no_update")
            cursor.execute(sql, params)
        else:
            cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")  # flush deferred FK checks so the table can be altered
            cursor.execute("ALTER TABLE treaties_action DISABLE TRIGGER treaties_action_append_only")
            cursor.execute(sql, params)
            cursor.execute("ALTER TABLE treaties_action ENABLE TRIGGER treaties_action_append_only")


def test_the_loaded_ledger_verifies(loaded: None) -> None:
    checked, broken = verify()
    assert broken is None
    assert checked == models.Action.objects.count() > 100


@pytest.mark.parametrize("statement", ["UPDATE treaties_action SET date = '2001-01-01'", "DELETE FROM treaties_action"])
def test_the_database_refuses_update_and_delete_on_the_ledger(loaded: None, statement: str) -> None:
    with pytest.raises(DatabaseError, match="append-only"), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(statement)
    assert models.Action.objects.count() > 100


def test_the_orm_cannot_change_an_entry_either(loaded: None) -> None:
    entry = models.Action.objects.first()
    assert entry is not None
    entry.note = "edited"
    with pytest.raises(DatabaseError), transaction.atomic():
        entry.save()
    with pytest.raises(DatabaseError), transaction.atomic():
        entry.delete()


def test_verify_names_the_entry_whose_content_was_changed(loaded: None) -> None:
    victim = models.Action.objects.get(treaty_id="ICRMW", state_id="MEX", kind="ratification")
    _raw_update("UPDATE treaties_action SET date = %s WHERE id = %s", ["1999-03-09", victim.pk])
    _, broken = verify()
    assert broken is not None
    assert broken.entry_id == victim.pk
    assert "MEX ratification 1999-03-09" in str(broken)
    assert "does not match its hash" in str(broken)


def test_verify_names_a_change_of_one_byte_in_a_text_field(loaded: None) -> None:
    victim = models.Action.objects.get(treaty_id="ICRMW", state_id="ARG", kind="declaration")
    _raw_update("UPDATE treaties_action SET text = replace(text, 'Argentina', 'Argentine') WHERE id = %s", [victim.pk])
    _, broken = verify()
    assert broken is not None and broken.entry_id == victim.pk


def test_a_correction_supersedes_and_both_stay_in_the_history(loaded: None) -> None:
    original = models.Action.objects.current().get(treaty_id="ICRMW", state_id="ALB", kind="accession")
    before = timezone.now()
    [correction] = append(
        [
            NewEntry(
                treaty="ICRMW",
                state="ALB",
                kind="accession",
                date="2007-06-06",
                supersedes=original.pk,
                reason="date misread from the notification",
            )
        ],
        by="officer",
        summary="correction",
    )
    assert models.Action.objects.filter(pk=original.pk).exists()
    assert models.Action.objects.current().get(treaty_id="ICRMW", state_id="ALB", kind="accession").pk == correction.pk
    # What did the record say just before the correction? The original date.
    then = store.catalogue(date(2026, 11, 27), recorded_by=before).record("ICRMW")
    now = store.catalogue(date(2026, 11, 27)).record("ICRMW")
    assert then.history("ALB", date(2026, 11, 27)).actions[0].date.text == "2007-06-05"
    assert now.history("ALB", date(2026, 11, 27)).actions[0].date.text == "2007-06-06"
    assert verify()[1] is None
