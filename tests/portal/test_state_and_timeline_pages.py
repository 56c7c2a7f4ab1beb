"""The State page (history, entry into force, declarations, reports, neighbours) and the timeline page."""

from __future__ import annotations

import datetime as dt

import pytest
from django.test import Client
from pagehtml import Element, parse, table_rows

from treatywatch.engine import Participant, TreatyRecord
from treatywatch.portal import memo
from treatywatch.treaties import models, store
from treatywatch.treaties.ledger import NewEntry, append

pytestmark = pytest.mark.django_db


def page(client: Client, url: str) -> Element:
    response = client.get(url)
    assert response.status_code == 200, url
    return parse(response.content)


def section(doc: Element, label: str) -> Element:
    found = next((s for s in doc.iter("section") if s.attrs.get("aria-labelledby") == label), None)
    assert found is not None, label
    return found


def test_mexico_page_gives_its_history_entry_into_force_declaration_and_reports(client: Client, record: None) -> None:
    doc = page(client, "/en/states/MEX/")
    assert doc.find("h1").text == "Mexico"  # type: ignore[union-attr]
    icrmw = section(doc, "t-ICRMW")
    assert icrmw.find("p", class_="lead").text == "State party since 1 July 2003"  # type: ignore[union-attr]
    facts = {dt.text: dd.text for dt, dd in zip(icrmw.iter("dt"), icrmw.iter("dd"), strict=True)}
    assert facts["Signature"] == "22 May 1991"
    assert facts["Ratification"] == "8 March 1999"
    assert facts["Entry into force for the State"] == "1 July 2003"
    assert facts["May denounce from (article 89)"] == "1 July 2008"
    actions = [(r[0].text, r[1].text) for r in table_rows(icrmw.find("table"))]  # type: ignore[arg-type]
    assert ("22 May 1991", "Signature") in actions
    assert ("on or before 26 October 2014", "Declaration (article 77)") in actions
    reports = [li.text for li in icrmw.find("ul", class_="plain").iter("li")]  # type: ignore[union-attr]
    assert reports[0] == "Initial report: due 1 July 2004 · the due date has passed"
    assert reports[1].startswith("Periodic report no. 1: due 1 July 2009")


def test_the_state_page_lists_every_treaty_we_hold(client: Client, record: None) -> None:
    from treatywatch.treaties import store

    doc = page(client, "/en/states/MEX/")
    overview = table_rows(section(doc, "ov-h").find("table"))  # type: ignore[arg-type]
    assert len(overview) == len(store.catalogue().treaties)
    assert overview[0][0].find("span").text == "ICRMW", "the Migrant Workers Convention comes first"  # type: ignore[union-attr]


def test_neighbours_in_the_same_subregion_are_compared(client: Client, record: None) -> None:
    doc = page(client, "/en/states/MEX/")
    neighbours = section(doc, "nb-h")
    assert "Central America" in neighbours.find("h2").text  # type: ignore[union-attr]
    rows = {r[0].text: r[1].text for r in table_rows(neighbours.find("table"))}  # type: ignore[arg-type]
    assert "Mexico" not in rows
    assert rows["Guatemala"] == "State party since 1 July 2003"
    assert rows["Panama"] == "No signature or consent to be bound"


def test_a_signatory_and_the_page_as_of_an_earlier_day(client: Client, record: None) -> None:
    doc = page(client, "/en/states/KHM/")
    assert section(doc, "t-ICRMW").find("p", class_="lead").text == "Signed on 27 September 2004; not yet bound"  # type: ignore[union-attr]
    doc = page(client, "/en/states/CHL/?as_of=1999-12-17")
    assert section(doc, "t-ICRMW").find("p", class_="lead").text == "Signed on 24 September 1993; not yet bound"  # type: ignore[union-attr]
    doc = page(client, "/en/states/MEX/?as_of=2000-01-01")
    lead = section(doc, "t-ICRMW").find("p", class_="lead")
    assert lead.text == "Bound since 8 March 1999; not yet in force for it"  # type: ignore[union-attr]
    links = [a.attrs["href"] for a in section(doc, "nb-h").iter("a")]
    assert all(link.endswith("?as_of=2000-01-01") for link in links), "links stay on the day asked about"


def test_state_codes_are_case_insensitive_and_unknown_ones_are_404(client: Client, record: None) -> None:
    response = client.get("/en/states/mex/?as_of=2001-01-01")
    assert response.status_code == 302
    assert response["Location"] == "/en/states/MEX/?as_of=2001-01-01"
    for url in ("/en/states/XYZ/", "/en/states/xyz/"):
        response = client.get(url)
        assert response.status_code == 404
        doc = parse(response.content)
        assert doc.find("h1").text == "Page not found"  # type: ignore[union-attr]
        assert "There is no State with the code" in doc.text


def test_a_historical_state_has_a_page_naming_its_successors(client: Client, record: None) -> None:
    doc = page(client, "/en/states/CSK/")
    assert "Czechoslovakia" in doc.find("h1").text  # type: ignore[union-attr]
    assert "Czechia" in doc.text and "Slovakia" in doc.text


def test_the_timeline_lists_new_parties_per_year(client: Client, record: None) -> None:
    doc = page(client, "/en/timeline/")
    years = {r[0].text: r for r in table_rows(section(doc, "yr-h").find("table"))}  # type: ignore[arg-type]
    assert years["1993"][1].text == "2"
    names = [a.text for a in years["1993"][2].iter("a")]
    assert names == ["Egypt", "Morocco"]
    assert "Ratification" in years["1999"][2].text and "Mexico" in years["1999"][2].text


def test_the_timeline_counts_down_to_entry_into_force_under_article_87(client: Client, record: None) -> None:
    doc = page(client, "/en/timeline/")
    countdown = section(doc, "cd-h")
    rows = table_rows(countdown.find("table"))  # type: ignore[arg-type]
    assert rows[0][0].text == "19 February 1993" and rows[0][3].text == "19"
    assert rows[-1][3].text == "0"
    assert rows[-1][0].text == "14 March 2003"
    assert "El Salvador" in rows[-1][1].text and "Guatemala" in rows[-1][1].text
    conclusion = countdown.find("p", class_="lead").text  # type: ignore[union-attr]
    assert conclusion == "The threshold was reached on 14 March 2003. The treaty entered into force on 1 July 2003."


def test_the_timeline_before_entry_into_force_says_how_many_are_still_needed(client: Client, record: None) -> None:
    doc = page(client, "/en/timeline/?as_of=1999-12-17")
    countdown = section(doc, "cd-h")
    rows = table_rows(countdown.find("table"))  # type: ignore[arg-type]
    assert rows[-1][3].text == "8"
    assert countdown.find("p", class_="lead").text == "As of 17 December 1999, 8 more instruments are needed."  # type: ignore[union-attr]


def test_state_pages_ask_the_engine_for_a_treatys_participants_once_a_day(
    client: Client, record: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls: list[tuple[str, dt.date]] = []
    participants = TreatyRecord.participants

    def counting(self: TreatyRecord, day: dt.date) -> list[Participant]:
        calls.append((self.treaty.id, day))
        return participants(self, day)

    monkeypatch.setattr(TreatyRecord, "participants", counting)
    memo.forget()
    for lang in ("ar", "zh-hans", "en", "fr", "ru", "es"):
        for code in ("MEX", "GTM", "DEU"):
            page(client, f"/{lang}/states/{code}/")
    assert len(calls) == len(set(calls)) == len(store.catalogue().treaties)
    page(client, "/en/states/MEX/?as_of=2000-01-01")
    assert len(calls) == 2 * len(store.catalogue().treaties), "another day is asked again"


def test_state_pages_see_a_new_version_of_the_record_and_another_day(client: Client, record: None) -> None:
    def neighbours(url: str) -> dict[str, str]:
        rows = table_rows(section(page(client, url), "nb-h").find("table"))  # type: ignore[arg-type]
        return {r[0].text: r[1].text for r in rows}

    assert neighbours("/en/states/MEX/")["Panama"] == "No signature or consent to be bound"
    assert neighbours("/en/states/MEX/?as_of=2000-01-01")["Guatemala"] != "State party since 1 July 2003"
    assert neighbours("/en/states/MEX/")["Guatemala"] == "State party since 1 July 2003"
    try:
        append([NewEntry("ICRMW", "PAN", "signature", "2024-05-06", source="test")], by="test", summary="test")
        assert neighbours("/en/states/MEX/")["Panama"] == "Signed on 6 May 2024; not yet bound"
        doc = page(client, "/en/states/PAN/")
        assert section(doc, "t-ICRMW").find("p", class_="lead").text == "Signed on 6 May 2024; not yet bound"  # type: ignore[union-attr]
        assert not any(s.attrs.get("aria-labelledby") == "corr-h" for s in doc.iter("section"))
        signed = models.Action.objects.get(treaty_id="ICRMW", state_id="PAN", kind="signature")
        fixed = NewEntry("ICRMW", "PAN", "signature", "2024-05-07", source="test", supersedes=signed.pk, reason="typo")
        append([fixed], by="officer", summary="correction")
        doc = page(client, "/en/states/PAN/")
        assert "typo" in section(doc, "corr-h").text
        assert section(doc, "t-ICRMW").find("p", class_="lead").text == "Signed on 7 May 2024; not yet bound"  # type: ignore[union-attr]
    finally:
        store.forget()
