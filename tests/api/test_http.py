"""HTTP behaviour of the open data: validators and conditional GET, caching headers, CORS, the OpenAPI document."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from typing import Any
from urllib.parse import urlsplit

import pytest
from django.test import Client

from treatywatch.api import caching
from treatywatch.api.v1 import api
from treatywatch.treaties import models

from .conftest import get_json

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("loaded")]

OPEN = [
    "/api/v1/treaties/ICRMW/status?as_of=2003-07-01",
    "/api/v1/actions?page=2",
    "/data/ICRMW/ledger.csv",
    "/data/datapackage.json",
    "/badge/ICRMW.svg",
    "/en/feeds/actions.atom",
]


@pytest.mark.parametrize("url", OPEN)
def test_answers_carry_validators_and_may_be_cached_for_five_minutes(client: Client, url: str) -> None:
    response = client.get(url)
    assert response.status_code == 200
    version = models.RecordVersion.objects.order_by("-id").first()
    assert version is not None
    assert re.fullmatch(rf'"{version.pk}\.\d{{8}}\.[0-9a-f]{{16}}"', response["ETag"])
    assert response["Last-Modified"].endswith("GMT")
    assert response["Cache-Control"] == "public, max-age=300"


@pytest.mark.parametrize("url", OPEN)
def test_a_conditional_get_with_the_etag_answers_304(client: Client, url: str) -> None:
    etag = client.get(url)["ETag"]
    again = client.get(url, headers={"If-None-Match": etag})
    assert again.status_code == 304
    assert again.content == b""
    assert again["ETag"] == etag
    assert again["Access-Control-Allow-Origin"] == "*"
    weak = client.get(url, headers={"If-None-Match": f'"other", W/{etag}'})
    assert weak.status_code == 304


def test_a_conditional_get_with_the_date_answers_304(client: Client) -> None:
    url = "/api/v1/treaties/ICRMW/status"
    last_modified = client.get(url)["Last-Modified"]
    assert client.get(url, headers={"If-Modified-Since": last_modified}).status_code == 304
    assert client.get(url, headers={"If-Modified-Since": "Mon, 01 Jan 1990 00:00:00 GMT"}).status_code == 200


def test_the_etag_differs_by_query_and_changes_with_the_record(client: Client, fresh: None) -> None:
    url = "/api/v1/treaties/ICRMW/status"
    first = client.get(url)["ETag"]
    assert client.get(url + "?as_of=2003-07-01")["ETag"] != first
    # A change written by another process (no signal here): each process trusts the version it read for a
    # second (caching.STAMP_SECONDS), then reads it again.
    models.RecordVersion.objects.bulk_create([models.RecordVersion(summary="test: a change elsewhere")])
    assert client.get(url, headers={"If-None-Match": first}).status_code == 304
    caching.forget_stamp()
    response = client.get(url, headers={"If-None-Match": first})
    assert response.status_code == 200
    second = response["ETag"]
    assert second != first
    # A change written by this process is seen by its very next request.
    models.RecordVersion.objects.create(summary="test: a change here")
    response = client.get(url, headers={"If-None-Match": second})
    assert response.status_code == 200
    assert response["ETag"] != second


def test_a_cached_answer_is_the_answer(client: Client) -> None:
    url = "/api/v1/treaties/ICRMW/status?as_of=2010-01-01&lang=ru"
    assert client.get(url).content == client.get(url).content
    assert client.get(url)["Content-Language"] == "ru"


@pytest.mark.parametrize("url", OPEN)
def test_any_site_may_read_the_open_data(client: Client, url: str) -> None:
    response = client.get(url, headers={"Origin": "https://campaign.example"})
    assert response["Access-Control-Allow-Origin"] == "*"
    assert "ETag" in response["Access-Control-Expose-Headers"]


def test_a_preflight_request_is_answered_for_get(client: Client) -> None:
    response = client.options(
        "/api/v1/treaties/ICRMW/status",
        headers={
            "Origin": "https://campaign.example",
            "Access-Control-Request-Method": "GET",
            "Access-Control-Request-Headers": "if-none-match",
        },
    )
    assert response.status_code == 204
    assert response["Access-Control-Allow-Origin"] == "*"
    assert "GET" in response["Access-Control-Allow-Methods"]
    assert "If-None-Match" in response["Access-Control-Allow-Headers"]


def test_pages_that_are_not_open_data_get_no_cors_headers(client: Client) -> None:
    response = client.get("/en/")
    assert "Access-Control-Allow-Origin" not in response


def test_api_answers_do_not_vary_on_the_browser_language(client: Client) -> None:
    response = client.get("/api/v1/treaties", headers={"Accept-Language": "fr"})
    assert "accept-language" not in response.get("Vary", "").lower()
    assert response["Content-Language"] == "en"


def openapi() -> dict[str, Any]:
    return json.loads(json.dumps(api.get_openapi_schema()))  # as served: status codes become strings


def test_the_openapi_document_is_3_1_and_declares_every_answer() -> None:
    schema = openapi()
    assert schema["openapi"].startswith("3.1")
    paths = schema["paths"]
    expected = {
        "/api/v1/treaties",
        "/api/v1/treaties/{id}",
        "/api/v1/treaties/{id}/status",
        "/api/v1/treaties/{id}/participants",
        "/api/v1/treaties/{id}/timeline",
        "/api/v1/states",
        "/api/v1/states/{code}",
        "/api/v1/states/{code}/obligations",
        "/api/v1/actions",
        "/api/v1/matrix",
        "/api/v1/targets",
    }
    assert set(paths) == expected
    for path, item in paths.items():
        responses = item["get"]["responses"]
        assert {"200", "400", "404"} <= set(responses), path
        for status in ("200", "400", "404"):
            assert "$ref" in responses[status]["content"]["application/json"]["schema"], (path, status)


def test_every_documented_parameter_is_taken(client: Client) -> None:
    """Each parameter the schema lists is accepted (no "no such parameter") with a sample value."""
    samples = {"as_of": "2003-07-01", "lang": "fr", "treaty": "ICRMW", "state": "MEX", "kind": "signature"}
    samples |= {"from": "1990-01-01", "to": "2020-01-01", "page": "1", "page_size": "10"}
    samples |= {"region": "Europe", "n": "7"}
    for path, item in openapi()["paths"].items():
        names = [p["name"] for p in item["get"].get("parameters", []) if p["in"] == "query"]
        url = path.replace("{id}", "ICRMW").replace("{code}", "MEX")
        query = "&".join(f"{n}={samples[n]}" for n in names)
        response = client.get(f"{url}?{query}" if query else url)
        assert response.status_code == 200, (url, query, response.content[:300])


class _Refs(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.refs: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.refs += [v for k, v in attrs if k in ("src", "href") and v]


def test_the_interactive_docs_load_nothing_from_another_host(client: Client) -> None:
    response = client.get("/api/v1/docs")
    assert response.status_code == 200
    parser = _Refs()
    parser.feed(response.content.decode())
    assert parser.refs, "the docs page references its scripts and styles"
    assert all(urlsplit(ref).netloc == "" for ref in parser.refs), parser.refs
    assert all(ref.startswith("/static/ninja/") for ref in parser.refs)
    assert "cdn" not in response.content.decode().lower()


def test_the_openapi_document_is_served(client: Client) -> None:
    data: Any = get_json(client, "/api/v1/openapi.json")
    assert data["info"]["title"] == "treatywatch open data"
