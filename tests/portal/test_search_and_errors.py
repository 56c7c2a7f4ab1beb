"""Search by any name in the six languages; the 400, 404 and 500 pages; the root redirect."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from django.test import Client
from pagehtml import parse

from treatywatch.portal import views

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("query", ["Мексика", "墨西哥", "المكسيك", "mexique", "MEXIQUE", "México", "mex", "484"])
def test_a_name_in_any_of_the_six_languages_finds_mexico(client: Client, record: None, query: str) -> None:
    response = client.get("/en/search/", {"q": query})
    if query == "mex":
        # "mex" is Mexico's code: an exact hit.
        assert response.status_code == 302
    assert response.status_code == 302, query
    assert response["Location"] == "/en/states/MEX/"


def test_search_keeps_the_day_asked_about(client: Client, record: None) -> None:
    response = client.get("/fr/search/", {"q": "Mexique", "as_of": "2000-01-01"})
    assert response["Location"] == "/fr/states/MEX/?as_of=2000-01-01"


def test_several_matches_give_a_list_in_the_page_language(client: Client, record: None) -> None:
    response = client.get("/fr/search/", {"q": "guin"})
    assert response.status_code == 200
    doc = parse(response.content)
    names = [a.text for a in doc.find("ul", class_="results").iter("a")]  # type: ignore[union-attr]
    assert {"Guinée", "Guinée-Bissau", "Guinée équatoriale", "Papouasie-Nouvelle-Guinée"} <= set(names)


def test_no_match_and_an_empty_query_explain_what_to_type(client: Client, record: None) -> None:
    doc = parse(client.get("/en/search/", {"q": "Atlantis"}).content)
    assert "No State matches “Atlantis”" in doc.find("main").text  # type: ignore[union-attr]
    doc = parse(client.get("/en/search/").content)
    assert "in any of the six official languages" in doc.find("main").text  # type: ignore[union-attr]
    assert doc.find("form", role="search").find("label").text == "Find a State"  # type: ignore[union-attr]


@pytest.mark.parametrize("page", ["", "treaties/ICRMW/", "treaties/ICRMW/participants.csv", "states/MEX/", "timeline/"])
@pytest.mark.parametrize("value", ["yesterday", "2003-13-01", "2003-02-30", "20030701", "2003-7-1", "'; drop"])
def test_a_malformed_as_of_is_a_400_naming_the_parameter_and_the_format(
    client: Client, record: None, page: str, value: str
) -> None:
    response = client.get(f"/en/{page}", {"as_of": value})
    assert response.status_code == 400
    doc = parse(response.content)
    text = doc.find("main").text  # type: ignore[union-attr]
    assert "as_of" in text and "YYYY-MM-DD" in text
    assert doc.find("h1").text == "Bad request"  # type: ignore[union-attr]


def test_a_day_before_adoption_or_after_today_is_a_400_that_says_why(client: Client, record: None) -> None:
    response = client.get("/en/", {"as_of": "1990-12-17"})
    assert response.status_code == 400
    assert "must not be earlier than 18 December 1990" in parse(response.content).find("main").text  # type: ignore[union-attr]
    assert client.get("/en/", {"as_of": "1990-12-18"}).status_code == 200
    tomorrow = (date.today() + timedelta(days=1)).isoformat()
    response = client.get("/fr/", {"as_of": tomorrow})
    assert response.status_code == 400
    assert "as_of" in response.content.decode()
    assert parse(response.content).find("html").attrs["lang"] == "fr"  # type: ignore[union-attr]


def test_an_unknown_address_is_a_translated_404_page(client: Client, record: None) -> None:
    response = client.get("/ar/nowhere/")
    assert response.status_code == 404
    doc = parse(response.content)
    assert doc.find("html").attrs == {"lang": "ar", "dir": "rtl"}  # type: ignore[union-attr]
    assert doc.find("nav", class_="langs") is not None


def test_an_error_shows_a_polite_page_and_no_traceback(
    client: Client, record: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(*args: object) -> None:
        raise RuntimeError("secret internals")

    monkeypatch.setattr(views, "home_context", broken)
    client.raise_request_exception = False
    response = client.get("/en/?as_of=2001-01-01")
    assert response.status_code == 500
    body = response.content.decode()
    assert "Something went wrong" in body
    assert "secret internals" not in body and "Traceback" not in body


def test_the_root_redirects_to_the_language_the_browser_asks_for(client: Client) -> None:
    assert client.get("/", headers={"accept-language": "ru,en;q=0.5"})["Location"] == "/ru/"
    assert client.get("/", headers={"accept-language": "zh-CN,zh;q=0.9"})["Location"] == "/zh-hans/"
