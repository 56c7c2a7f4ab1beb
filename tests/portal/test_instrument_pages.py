"""The pages of the 17 instruments besides the Convention: their records are as of 2013-2015 and say so, their
procedures' declarations are not recorded, and each treaty page reconciles the computed and recorded entry
into force; each State page counts the core treaties by which the State is bound."""

from __future__ import annotations

import json
import re
from datetime import date

import pytest
from django.test import Client
from pagehtml import Element, parse

from treatywatch.engine.matrix import CORE_TREATIES, core_count
from treatywatch.treaties import store

pytestmark = pytest.mark.django_db


def get(client: Client, url: str) -> Element:
    response = client.get(url)
    assert response.status_code == 200, url
    return parse(response.content)


def section(doc: Element, heading: str) -> Element:
    found = doc.by_id(heading)
    assert found is not None and found.parent is not None
    return found.parent


@pytest.mark.parametrize("ident", ["ICERD", "ICCPR", "CAT"])
def test_procedures_of_a_scraped_record_say_declarations_not_recorded_rather_than_not_operative(
    client: Client, record: None, ident: str
) -> None:
    text = section(get(client, f"/en/treaties/{ident}/"), "rules-h").text
    assert "declarations not recorded" in text
    assert "not yet operative" not in text and not re.search(r"\b0 declarations", text)


def test_the_conventions_procedures_still_count_its_declarations(client: Client, record: None) -> None:
    text = section(get(client, "/en/treaties/ICRMW/"), "rules-h").text
    assert "4 declarations of the 10 needed; the procedure is not yet operative." in text
    assert "declarations not recorded" not in text


def test_the_portals_json_download_does_not_say_a_procedure_without_recorded_declarations_is_inoperative(
    client: Client, record: None
) -> None:
    data = json.loads(client.get("/en/treaties/CAT/participants.json").content)
    for procedure in data["procedures"].values():
        assert procedure["declarations_recorded"] is False and procedure["operative"] is None
    icrmw = json.loads(client.get("/en/treaties/ICRMW/participants.json").content)
    assert (
        icrmw["procedures"]["art77"]["operative"] is False
        and icrmw["procedures"]["art77"]["declarations_recorded"] is True
    )


def test_the_treaty_page_reconciles_the_computed_and_the_recorded_entry_into_force(
    client: Client, record: None
) -> None:
    icerd = section(get(client, "/en/treaties/ICERD/"), "eif-h")
    facts = {dt.text: dd.text for dt, dd in zip(icerd.iter("dt"), icerd.iter("dd"), strict=True)}
    assert facts["Computed from the record (article 19)"] == "9 March 1969"
    assert facts["Recorded by the depositary"] == "4 January 1969"
    assert facts["Difference"] == "64 days later"
    assert "Czechoslovakia" in facts["States no longer existing without an instrument in the record"]
    assert "Likely causes: a missing predecessor instrument" in icerd.text
    icrmw = section(get(client, "/en/treaties/ICRMW/"), "eif-h")
    assert "The computed date is the date the depositary records." in icrmw.text


@pytest.mark.parametrize("ident", sorted(CORE_TREATIES))
def test_each_core_treaty_page_reconciles(client: Client, record: None, ident: str) -> None:
    text = section(get(client, f"/en/treaties/{ident}/"), "eif-h").text
    assert "Recorded by the depositary" in text


def test_the_state_page_counts_core_treaties_and_says_which_records_are_old(client: Client, record: None) -> None:
    doc = get(client, "/en/states/AUT/?as_of=2014-07-10")
    overview = section(doc, "ov-h")
    records = {r.treaty.id: r for r in store.catalogue().records()}
    count = core_count(records, "AUT", date(2014, 7, 10))
    assert f"Bound by {count} of the 9 core human-rights treaties as of 10 July 2014." in overview.text
    assert "/en/matrix/?as_of=2014-07-10&region=Europe" in [a.attrs["href"] for a in overview.iter("a")]
    rows = {tr.find("span").text: tr for tr in overview.find("tbody").iter("tr")}  # type: ignore[union-attr]
    assert "(record as of 10 July 2014)" in rows["ICERD"].text
    assert "record as of" not in rows["ICRMW"].text
    icerd = section(doc, "t-ICERD")
    assert "Record as of 10 July 2014: later actions are not yet included." in icerd.text
