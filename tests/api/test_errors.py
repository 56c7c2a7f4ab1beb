"""Bad input answers 400 or 404 with a JSON body naming the parameter and what was expected; never 500."""

from __future__ import annotations

import pytest
from django.test import Client

from .conftest import get_json

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("loaded")]

BAD = [
    # (address, status, parameter, words of "expected", got)
    ("/api/v1/treaties/ICRMW/status?as_of=2020-13-01", 400, "as_of", "a date YYYY-MM-DD", "2020-13-01"),
    ("/api/v1/treaties/ICRMW/status?as_of=17/12/1999", 400, "as_of", "a date YYYY-MM-DD", "17/12/1999"),
    ("/api/v1/treaties/ICRMW/status?as_of=2020-02-30", 400, "as_of", "a date YYYY-MM-DD", "2020-02-30"),
    ("/api/v1/treaties/ICRMW/status?as_of=", 400, "as_of", "a date YYYY-MM-DD", ""),
    ("/api/v1/treaties/ICRMW/status?as_of=9999-12-31", 400, "as_of", "from 1900-01-01 to 2999-12-31", "9999-12-31"),
    ("/api/v1/treaties/ICRMW/status?as_of=1", 400, "as_of", "a date YYYY-MM-DD", "1"),
    ("/api/v1/treaties/ICRMW/status?lang=de", 400, "lang", "one of ar, zh, en, fr, ru, es", "de"),
    ("/api/v1/treaties/ICRMW/status?colour=blue", 400, "colour", "no such parameter", "blue"),
    ("/api/v1/treaties/ICRMW/status?as_of=2003-07-01&as_of=2004-07-01", 400, "as_of", "one value", None),
    ("/api/v1/treaties/ICRMW/timeline?as_of=2003-07-01", 400, "as_of", "takes: no parameters", "2003-07-01"),
    ("/api/v1/treaties/NOPE/status", 404, "id", "a treaty identifier", "NOPE"),
    ("/api/v1/treaties/NOPE", 404, "id", "a treaty identifier", "NOPE"),
    ("/api/v1/treaties/NOPE/timeline", 404, "id", "a treaty identifier", "NOPE"),
    ("/api/v1/treaties/NOPE/participants", 404, "id", "a treaty identifier", "NOPE"),
    ("/api/v1/states/XXX", 404, "code", "alpha-3 code", "XXX"),
    ("/api/v1/states/999", 404, "code", "M49 code", "999"),
    ("/api/v1/states/Mexico", 404, "code", "alpha-3 code", "Mexico"),
    ("/api/v1/states/XXX/obligations", 404, "code", "alpha-3 code", "XXX"),
    ("/api/v1/states/MEX/obligations?treaty=NOPE", 400, "treaty", "a treaty identifier", "NOPE"),
    ("/api/v1/actions?page=99", 404, "page", "a page from 1 to", "99"),
    ("/api/v1/actions?page=0", 400, "page", "an integer from 1", "0"),
    ("/api/v1/actions?page=two", 400, "page", "an integer from 1", "two"),
    ("/api/v1/actions?page_size=1000", 400, "page_size", "an integer from 1 to 200", "1000"),
    ("/api/v1/actions?kind=ratified", 400, "kind", "one of signature,", "ratified"),
    ("/api/v1/actions?treaty=NOPE", 400, "treaty", "a treaty identifier", "NOPE"),
    ("/api/v1/actions?state=XX", 400, "state", "alpha-3 code", "XX"),
    ("/api/v1/actions?from=2003", 400, "from", "a date YYYY-MM-DD", "2003"),
    ("/api/v1/actions?from=2004-01-01&to=2003-01-01", 400, "to", "a date on or after from", "2003-01-01"),
    ("/api/v1/actions?sort=date", 400, "sort", "no such parameter", "date"),
    ("/data/ICRMW/status.json?as_of=2003-13-01", 400, "as_of", "a date YYYY-MM-DD", "2003-13-01"),
    ("/data/ICRMW/ledger.csv?as_of=2003-01-01", 400, "as_of", "no such parameter", "2003-01-01"),
    ("/data/NOPE/ledger.csv", 404, "treaty", "a treaty identifier", "NOPE"),
    ("/data/ICRMW/states.csv", 404, "name", "one of ledger, participants, status, timeline", "states"),
    ("/data/nothing.json", 404, "name", "one of ledger, states", "nothing"),
    ("/data/ICRMW/participants.csv?lang=xx", 400, "lang", "one of ar", "xx"),
    ("/badge/NOPE.svg", 404, "treaty", "a treaty identifier", "NOPE"),
    ("/badge/ICRMW.svg?lang=de", 400, "lang", "one of ar", "de"),
    ("/en/feeds/actions.atom?page=2", 400, "page", "no such parameter", "2"),
]


@pytest.mark.parametrize(("url", "status", "parameter", "expected", "got"), BAD)
def test_bad_input_names_the_parameter_and_what_was_expected(
    client: Client, url: str, status: int, parameter: str, expected: str, got: str | None
) -> None:
    body = get_json(client, url, status)
    assert body["error"] == ("not_found" if status == 404 else "bad_parameter")
    assert body["parameter"] == parameter
    assert expected in body["expected"]
    if got is not None:
        assert body["got"] == got
    assert set(body) == {"error", "parameter", "expected", "got"}


def test_errors_are_not_cached_and_may_be_read_from_anywhere(client: Client) -> None:
    response = client.get("/api/v1/treaties/ICRMW/status?as_of=2020-13-01")
    assert response["Cache-Control"] == "no-store"
    assert response["Access-Control-Allow-Origin"] == "*"
    assert "ETag" not in response


def test_the_example_of_the_issue_reads_as_given(client: Client) -> None:
    body = get_json(client, "/api/v1/treaties/ICRMW/status?as_of=2020-13-01", 400)
    assert body == {
        "error": "bad_parameter",
        "parameter": "as_of",
        "expected": "a date YYYY-MM-DD",
        "got": "2020-13-01",
    }


@pytest.mark.parametrize("url", ["/en/feeds/treaties/NOPE.atom", "/en/feeds/states/XXX.atom", "/en/widget/NOPE/"])
def test_unknown_treaties_and_states_of_pages_are_not_found(client: Client, url: str) -> None:
    assert client.get(url).status_code == 404
