"""The treaty page: every participant, sortable by plain links, the same rows as CSV and JSON, and the final
clauses in words."""

from __future__ import annotations

import csv
import io
import json
from dataclasses import replace
from datetime import date

import pytest
from django.test import Client
from pagehtml import Element, parse, table_rows

from treatywatch.treaties import store

pytestmark = pytest.mark.django_db

URL = "/en/treaties/ICRMW/"


def page(client: Client, query: str = "") -> Element:
    response = client.get(URL + query)
    assert response.status_code == 200
    return parse(response.content)


def participants_table(doc: Element) -> Element:
    table = doc.find("table", class_="data participants")
    assert table is not None
    return table


def html_codes(doc: Element) -> list[str]:
    return [row[0].find("a").attrs["href"].split("/")[3] for row in table_rows(participants_table(doc))]  # type: ignore[union-attr]


def test_every_participant_has_its_dates_with_the_un_marks(client: Client, record: None) -> None:
    rows = {r[0].text: r for r in table_rows(participants_table(page(client)))}
    assert rows["Mexico"][1].text == "22 May 1991"
    assert rows["Mexico"][2].text == "8 March 1999"
    assert rows["Mexico"][3].text == "1 July 2003"
    assert rows["Albania"][2].text == "5 June 2007 a", "accessions are marked a"
    assert rows["Albania"][2].find("abbr").attrs["title"] == "Accession"  # type: ignore[union-attr]
    assert rows["Cambodia"][2].text == "" and rows["Cambodia"][1].text == "27 September 2004"


def test_partial_dates_show_as_given_and_computed_ones_as_a_range(client: Client, record: None) -> None:
    rows = {r[0].text: r for r in table_rows(participants_table(page(client)))}
    togo = rows["Togo"]
    assert togo[2].text == "2020"
    assert togo[3].text == "between 1 May 2020 and 1 April 2021"
    assert rows["Zimbabwe"][2].text == "November 2024 a"


def test_declarations_and_reservations_are_in_details_with_their_texts(client: Client, record: None) -> None:
    rows = {r[0].text: r for r in table_rows(participants_table(page(client)))}
    details = list(rows["Argentina"][4].iter("details"))
    assert len(details) == 1
    assert details[0].find("summary").text == "Declaration (article 92), on or before 26 October 2014"  # type: ignore[union-attr]
    assert "does not consider itself bound" in details[0].text


@pytest.mark.parametrize("key", ["name", "signature", "consent", "eif"])
@pytest.mark.parametrize("direction", ["asc", "desc"])
def test_each_column_sorts_both_ways_with_plain_links(client: Client, record: None, key: str, direction: str) -> None:
    doc = page(client, f"?sort={key}&dir={direction}")
    table = participants_table(doc)
    rows = table_rows(table)
    column = {"name": 0, "signature": 1, "consent": 2, "eif": 3}[key]
    catalogue = store.catalogue()
    participants = {p.state: p for p in catalogue.record("ICRMW").participants(catalogue.today)}

    def value(code: str) -> object:
        p = participants[code]
        if key == "name":
            return catalogue.states.get(code).name("en").casefold()
        action = {"signature": p.signature, "consent": p.consent}.get(key)
        if key == "eif":
            return p.entry_into_force.earliest if p.entry_into_force else None
        return action.date.span.earliest if action else None

    values = [value(code) for code in html_codes(doc)]
    present = [v for v in values if v is not None]
    assert present == sorted(present, reverse=direction == "desc")  # type: ignore[type-var]
    assert values[len(present) :] == [None] * (len(values) - len(present)), "rows without the date come last"
    header = list(table.find("thead").iter("th"))[column]  # type: ignore[union-attr]
    assert header.attrs["aria-sort"] == ("ascending" if direction == "asc" else "descending")
    toggle = "desc" if direction == "asc" else "asc"
    assert header.find("a").attrs["href"] == f"{URL}?sort={key}&dir={toggle}"  # type: ignore[union-attr]
    assert len(rows) == len(participants)


@pytest.mark.parametrize("query", ["", "?sort=consent&dir=desc", "?as_of=1999-12-17", "?as_of=2010-01-01&sort=eif"])
def test_csv_and_json_downloads_have_the_same_rows_as_the_table(client: Client, record: None, query: str) -> None:
    doc = page(client, query)
    codes = html_codes(doc)
    links = {a.text: a.attrs["href"] for a in doc.iter("a") if a.text in ("CSV", "JSON")}
    response = client.get(links["CSV"])
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    assert "attachment" in response["Content-Disposition"]
    rows = list(csv.DictReader(io.StringIO(response.content.decode())))
    assert [r["code"] for r in rows] == codes
    response = client.get(links["JSON"])
    assert response.status_code == 200
    data = json.loads(response.content)
    assert [s["code"] for s in data["states"]] == codes
    if "as_of=1999-12-17" in query:
        assert data["as_of"] == "1999-12-17" and data["instruments_needed"] == 8
    mexico = next(s for s in data["states"] if s["code"] == "MEX")
    assert mexico["consent"] == "1999-03-08" and mexico["consent_kind"] == "ratification"
    assert next(r for r in rows if r["code"] == "MEX")["consent"] == "1999-03-08"


def test_downloads_name_states_in_the_page_language(client: Client, record: None) -> None:
    response = client.get("/fr/treaties/ICRMW/participants.json")
    names = {s["code"]: s["name"] for s in json.loads(response.content)["states"]}
    assert names["MEX"] == "Mexique"


def test_the_final_clauses_are_given_in_words(client: Client, record: None) -> None:
    doc = page(client)
    section = next(s for s in doc.iter("section") if s.attrs.get("aria-labelledby") == "rules-h")
    text = section.text
    assert "Entry into force (article 87)" in text
    assert "It needs 20 instruments of ratification or accession." in text
    assert "on the first day of the month following a period of 3 months after the deposit" in text
    assert "It grows to 14 members once the treaty is in force for 41 States Parties." in text
    assert (
        "Each State Party reports within 1 year after the treaty enters into force for it, and then every 5 years"
        in text
    )
    assert "no earlier than 5 years after it entered into force" in text
    assert "Individual communications (article 77)" in text and "Inter-State communications (article 76)" in text
    assert "needed; the procedure is not yet operative." in text


def test_a_record_checked_up_to_a_day_says_so_prominently(client: Client, record: None) -> None:
    catalogue = store.catalogue()
    treaty = catalogue.treaties["ICRMW"]
    catalogue.treaties["ICRMW"] = replace(treaty, record_as_of=date(2024, 10, 1))
    catalogue._records.pop("ICRMW", None)
    try:
        doc = page(client, "?as_of=2020-01-01")
        notice = doc.find("p", class_="notice")
        assert notice is not None
        assert "Record as of 1 October 2024" in notice.text
    finally:
        store.forget()


def test_the_treaty_identifier_is_case_insensitive_and_unknown_ones_are_404(client: Client, record: None) -> None:
    response = client.get("/en/treaties/icrmw/?sort=eif&dir=asc")
    assert response.status_code == 302
    assert response["Location"] == "/en/treaties/ICRMW/?sort=eif&dir=asc"
    response = client.get("/fr/treaties/NOPE/")
    assert response.status_code == 404
    assert "NOPE" in response.content.decode()


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_every_treaty_in_the_catalogue_has_its_page_and_downloads(client: Client, record: None, lang: str) -> None:
    for ident in sorted(store.catalogue().treaties):
        for query in ("", "?as_of=1995-01-01"):
            response = client.get(f"/{lang}/treaties/{ident}/{query}")
            assert response.status_code == 200, (ident, query)
            doc = parse(response.content)
            assert doc.find("h1") is not None
        assert client.get(f"/{lang}/treaties/{ident}/participants.json").status_code == 200, ident
