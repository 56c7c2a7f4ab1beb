"""Issuing: the same inputs give the same figures and ledger digest; an issued report never changes afterwards."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from treatywatch.reports.content import ReportInputs
from treatywatch.reports.issuing import issue, issue_draft
from treatywatch.reports.models import FrozenReport, IssuedReport, ReportDraft
from treatywatch.reports.options import BadReportInput
from treatywatch.treaties import store
from treatywatch.treaties.ledger import NewEntry, append
from treatywatch.treaties.models import RecordVersion

from .conftest import BEFORE

pytestmark = pytest.mark.django_db

INPUTS = ReportInputs(
    session=55, as_of=BEFORE, lang="en", symbol="A/55/205", agenda_item="114 (b)", document_date=date(2000, 7, 27)
)


def test_issuing_the_same_inputs_twice_gives_the_same_figures_and_ledger_digest(loaded: None) -> None:
    first, second = issue(INPUTS), issue(INPUTS)
    assert first.pk != second.pk
    assert first.content["figures"] == second.content["figures"]
    assert first.ledger_digest == second.ledger_digest
    assert first.content == second.content and first.content_digest == second.content_digest
    assert first.content["figures"]["contracting_states"] == store.catalogue().record("ICRMW").status(BEFORE)\
        .contracting_states  # fmt: skip


def test_a_later_change_to_the_record_leaves_an_issued_report_unchanged(loaded: None) -> None:
    issued = issue(INPUTS)
    before = (issued.content, issued.ledger_digest, issued.html)
    # Germany signs "in 1999": the record as of 1 July 2000 changes.
    append([NewEntry("ICRMW", "DEU", "signature", "1999-05-05", source="test")], by="test", summary="test")
    store.forget()
    again = IssuedReport.objects.get(pk=issued.pk)
    assert (again.content, again.ledger_digest, again.html) == before
    assert again.content_intact()
    assert again.report().figures["signatories"] == before[0]["figures"]["signatories"]
    reissued = issue(INPUTS)
    assert reissued.ledger_digest != issued.ledger_digest
    assert reissued.content["figures"]["signatories"] == issued.content["figures"]["signatories"] + 1
    assert "Germany" in reissued.html and "Germany" not in again.html


def test_an_issued_report_cannot_be_changed_or_deleted(loaded: None) -> None:
    issued = issue(INPUTS)
    issued.symbol = "A/55/999"
    with pytest.raises(FrozenReport):
        issued.save()
    with pytest.raises(FrozenReport):
        issued.delete()
    assert IssuedReport.objects.get(pk=issued.pk).symbol == "A/55/205"


def test_a_draft_is_issued_with_its_inputs(loaded: None) -> None:
    draft = ReportDraft.objects.create(
        session=55, as_of=BEFORE, lang="fr", symbol="A/55/205", narrative=["Des activités d'information."]
    )
    issued = issue_draft(draft)
    assert issued.draft == draft and issued.lang == "fr"
    assert issued.document_date == date.today()
    assert issued.report().paragraphs[-1].text == "Des activités d'information."
    assert issued.report().paragraphs[-1].source == "narrative"
    # The record version it was computed from; issuing then publishes a new version (cached pages go stale).
    assert issued.record_version < store.version()
    assert RecordVersion.objects.filter(pk=store.version(), summary=f"report issued: {issued.pk}").exists()


def test_issuing_refuses_a_day_in_the_future_and_a_treaty_the_store_does_not_hold(loaded: None) -> None:
    with pytest.raises(BadReportInput, match="holds no record of NOPE: run `treatywatch load` first"):
        issue(replace(INPUTS, treaty="NOPE"))
    with pytest.raises(BadReportInput, match="after today"):
        issue(replace(INPUTS, as_of=date(2999, 1, 1)))
