"""Staff screens in the staff member's language: the engine's problems (worded in English by the engine, which
has no Django), audit event kinds, roles, kinds of action and State names."""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache

import pytest
from django.test import Client
from django.utils import translation

from treatywatch.catalogue import data_dir, read_states
from treatywatch.engine import ActionKind, DateError, PartialDate, StateRegistry, UnknownTreaty
from treatywatch.staff.problems import message_text
from treatywatch.treaties import models

ENGINE_WORDINGS = [
    "date '2016-13' has month 13; months run 01 to 12",
    "date '2025-02-30' has day 30; 2025-02 has 28 days",
    "date '14/03/2003' is not YYYY, YYYY-MM, YYYY-MM-DD or an interval such as ../2014-10-26",
    "interval '2016/2015' ends before it starts",
    "unknown kind 'ratify' (known: signature, ratification, accession)",
    "unknown treaty 'XYZ' (known: CAT, ICRMW)",
    "unknown treaty 'XYZ'",
    "unknown State code 'XXX'",
    "'CAT' is not 'ICRMW'",
    "1989-01-01 is before the treaty was opened for signature (1990-12-18)",
    "2099-01-01 is in the future (today is 2030-01-01)",
    "1995 is after Czechoslovakia ceased to exist (1992-12-31)",
    "an objection must name the State objected to; got ''",
    "an objection must name the State objected to; got 'ZZZ'",
    "a withdrawal needs its date",
    "duplicates action 42",
    "Mexico already gave its consent (ratification of 1999-03-08); consent twice without a denunciation in between",
    "Mexico already gave its consent (ratification of 1999-03-08); consent twice without a denunciation taking "
    "effect on 2030-01-01 in between",
    "denunciation by France, which is not a party",
    "CRC has no denunciation clause",
    "denunciation of 2025-01-01 is too early: the treaty is not yet in force for the State",
    "denunciation of 2025-01-01 is too early: not before 2028-07-01 (5 years after entry into force for the State, "
    "art. 89)",
    "ratification without a prior signature by France or a predecessor: record it as an accession, or add a note "
    "saying why",
    "declaration under article 77 by France, which is not a party",
    "a declaration under article 77 is already in effect",
    "withdrawal of a declaration under article 76 that was never made",
    "reservation by France, which has neither signed nor become a party",
    "reservation_withdrawal of something FRA never made",
    "more cells than columns",
    "empty",
    "unknown column 'country' (columns: treaty, state, kind, date)",
    "missing column 'date' (columns: treaty, state, kind, date)",
    "differs from the recorded entry (action 7): record a correction",
    "no definition for treaty 'XYZ'",
    "action 7: kind: denunciation by France, which is not a party",
]
"""One example of every wording the engine, the ledger reader, recording and importing produce."""


@pytest.mark.parametrize("message", ENGINE_WORDINGS)
@pytest.mark.parametrize("lang", ["ar", "zh-hans", "fr", "ru", "es"])
def test_every_engine_wording_is_said_again_in_the_staff_members_language(message: str, lang: str) -> None:
    with translation.override(lang):
        said = message_text(message, store_states())
    assert said != message
    english_words = {"already", "before", "denunciation", "declaration", "party", "never", "column", "empty"}
    assert not english_words & set(said.lower().replace(",", " ").split()), said


def test_the_engine_wordings_here_are_the_ones_the_engine_produces() -> None:
    """The examples above are checked against the real messages, so a changed wording in the engine fails here
    rather than showing English on a French screen."""
    produced = []
    for text in ("2016-13", "2025-02-30", "14/03/2003", "2016/2015"):
        with pytest.raises(DateError) as caught:
            PartialDate.parse(text)
        produced.append(str(caught.value))
    with pytest.raises(ValueError) as kind_error:
        ActionKind.parse("ratify")
    produced.append(str(kind_error.value))
    produced.append(str(UnknownTreaty("XYZ")))
    for message in produced:
        with translation.override("fr"):
            assert message_text(message) != message, message


def test_a_wording_not_known_here_is_shown_as_the_engine_gave_it() -> None:
    with translation.override("fr"):
        assert message_text("something entirely new went wrong") == "something entirely new went wrong"


def test_state_names_in_problems_follow_the_page_language() -> None:
    with translation.override("fr"):
        said = message_text("declaration under article 77 by Czechoslovakia, which is not a party", store_states())
    assert said.startswith("Tchécoslovaquie\u00a0: cet État n'est pas partie")
    with translation.override("es"):
        said = message_text("reservation_withdrawal of something FRA never made", store_states())
    assert said == "Retiro de una reserva: Francia nunca formuló lo que aquí se retira."


@lru_cache(maxsize=1)
def store_states() -> StateRegistry:
    root = data_dir()
    return read_states(root / "states.csv", root / "historical_states.csv")


def _form(**values: str) -> dict[str, str]:
    data = {"treaty": "ICRMW", "state": "FRA", "kind": "accession", "date": "2025-01-15", "step": "preview"}
    data.update(values)
    return data


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("values", "field", "french"),
    [
        (
            {"date": "2025-02-30"},
            "date",
            "La date «\u00a02025-02-30\u00a0» indique le jour 30, mais le mois 2025-02 ne compte que 28 jours.",
        ),
        (
            {"date": "2025-13"},
            "date",
            "La date «\u00a02025-13\u00a0» indique le mois 13\u00a0: les mois vont de 01 à 12.",
        ),
        (
            {"date": "1989-01-01"},
            "date",
            "1 janvier 1989\u00a0: cette date est antérieure à l'ouverture du traité à la signature "
            "(18 décembre 1990).",
        ),
        (
            {"kind": "denunciation", "state": "CIV", "date": "2025-01-01"},
            "date",
            "Dénonciation (1 janvier 2025) prématurée",
        ),
        ({"kind": "declaration", "article": "77"}, "state", "France\u00a0: cet État n'est pas partie"),
        ({"kind": "ratification"}, "kind", "Ratification sans signature préalable (État\u00a0: France"),
    ],
)
def test_the_record_form_shows_the_engines_problems_in_french(
    loaded: None, client_for: Callable[..., Client], values: dict[str, str], field: str, french: str
) -> None:
    client = client_for("officer", "depositary_officer")
    response = client.post("/staff/record/", _form(**values), headers={"Accept-Language": "fr"})
    errors = response.context["form"].errors
    assert field in errors, errors
    assert any(e.startswith(french) for e in errors[field]), errors[field]
    page = response.content.decode()
    assert "has day" not in page and "is before the treaty" not in page and "which is not a party" not in page


@pytest.mark.django_db
def test_the_record_form_offers_kinds_and_states_in_the_staff_members_language(
    loaded: None, client_for: Callable[..., Client]
) -> None:
    client = client_for("officer", "depositary_officer")
    page = client.get("/staff/record/", headers={"Accept-Language": "es"}).content.decode()
    assert '<option value="accession">Adhesión</option>' in page
    assert '<option value="FRA">Francia (FRA)</option>' in page
    assert "succession to signature" not in page


@pytest.mark.django_db
def test_the_audit_log_and_the_roles_are_in_the_staff_members_language(
    loaded: None, client_for: Callable[..., Client]
) -> None:
    client = client_for("admin", "administrator", "depositary_officer")
    dashboard = client.get("/staff/", headers={"Accept-Language": "fr"}).content.decode()
    assert "Administrateur et Agent du dépositaire (enregistre les actes)" in dashboard
    assert "depositary_officer, administrator" not in dashboard and "administrator, depositary_officer" not in dashboard
    audit = client.get("/staff/audit/", headers={"Accept-Language": "fr"}).content.decode()
    assert "<td>connexion</td>" in audit and "<td>login</td>" not in audit


@pytest.mark.django_db
def test_a_correction_names_the_action_and_date_in_the_page_language(
    loaded: None, client_for: Callable[..., Client]
) -> None:
    client = client_for("officer", "depositary_officer")
    original = models.Action.objects.current().get(treaty_id="ICRMW", state_id="ALB", kind="accession")
    form = client.get(f"/staff/correct/{original.pk}/", headers={"Accept-Language": "fr"}).content.decode()
    assert "ICRMW, Albanie\u00a0: Adhésion, 5 juin 2007" in form
    data = _form(state="ALB", date="2007-06-06", reason="misread notification")
    preview = client.post(f"/staff/correct/{original.pk}/", data)
    client.post(f"/staff/correct/{original.pk}/", {**data, "step": "confirm", "signed": preview.context["signed"]})
    french = Client().get("/fr/states/ALB/").content.decode()
    assert "«\u00a0Adhésion, 5 juin 2007\u00a0»" in french and "«\u00a0Adhésion, 6 juin 2007\u00a0»" in french
    arabic = Client().get("/ar/states/ALB/").content.decode()
    assert "accession 2007" not in arabic and "انضمام، 5 يونيو 2007" in arabic
