"""HTTP caching (ETag, Last-Modified, 304, Cache-Control), the page cache, and the pages' weight."""

from __future__ import annotations

import gzip

import pytest
from django.contrib.staticfiles import finders
from django.test import Client
from pagehtml import parse

from treatywatch.portal import views

pytestmark = pytest.mark.django_db

HOME_BUDGET = 60 * 1024
"""The home page, gzip-compressed, HTML and CSS together (map and chart are inline): a budget of the spec."""
TREATY_BUDGET = 80 * 1024


@pytest.mark.parametrize(
    "url", ["/en/", "/ar/?as_of=1999-12-17", "/fr/states/MEX/", "/en/treaties/ICRMW/participants.csv"]
)
def test_pages_carry_an_etag_last_modified_and_a_public_max_age(client: Client, record: None, url: str) -> None:
    response = client.get(url)
    assert response.status_code == 200
    assert response["ETag"].startswith('"')
    assert response["Last-Modified"].endswith("GMT")
    assert {"public", "max-age=300"} <= {p.strip() for p in response["Cache-Control"].split(",")}


@pytest.mark.parametrize("url", ["/en/", "/zh-hans/timeline/?as_of=2004-01-01"])
def test_a_conditional_get_with_the_etag_is_answered_304(client: Client, record: None, url: str) -> None:
    first = client.get(url)
    second = client.get(url, headers={"if-none-match": first["ETag"]})
    assert second.status_code == 304
    assert second.content == b""
    third = client.get(url, headers={"if-modified-since": first["Last-Modified"]})
    assert third.status_code == 304


def test_the_etag_differs_by_language_path_and_query(client: Client, record: None) -> None:
    tags = {client.get(url)["ETag"] for url in ("/en/", "/fr/", "/en/?as_of=2001-01-01", "/en/timeline/")}
    assert len(tags) == 4


def test_todays_pages_are_rendered_once_and_then_served_from_the_cache(
    client: Client, record: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls: list[int] = []
    real = views.home_context

    def counting(*args: object) -> object:
        calls.append(1)
        return real(*args)  # type: ignore[arg-type]

    monkeypatch.setattr(views, "home_context", counting)
    first = client.get("/en/")
    second = client.get("/en/")
    assert len(calls) == 1
    assert first.content == second.content
    assert second["ETag"] == first["ETag"]
    client.get("/en/?as_of=2001-01-01")
    client.get("/en/?as_of=2001-01-01")
    assert len(calls) == 3, "pages for another day are rendered on demand (and answered 304 when unchanged)"


def _gzip_size(data: bytes) -> int:
    return len(gzip.compress(data, compresslevel=6))


def _css() -> bytes:
    path = finders.find("portal/site.css")
    assert path is not None
    with open(path, "rb") as fh:
        return fh.read()


@pytest.mark.parametrize("lang", ["en", "ar", "zh-hans"])
def test_the_home_page_weighs_less_than_60_kb_compressed(client: Client, record: None, lang: str) -> None:
    html = client.get(f"/{lang}/").content
    doc = parse(html)
    assert doc.find("svg", class_="wmap") is not None and doc.find("svg", class_="chart") is not None
    size = _gzip_size(html) + _gzip_size(_css())
    print(f"\nhome /{lang}/: HTML {len(html)} bytes, gzip HTML {_gzip_size(html)} + CSS {_gzip_size(_css())} = {size}")
    assert size < HOME_BUDGET


@pytest.mark.parametrize("lang", ["en", "ru"])
def test_the_treaty_page_weighs_less_than_80_kb_compressed(client: Client, record: None, lang: str) -> None:
    html = client.get(f"/{lang}/treaties/ICRMW/").content
    size = _gzip_size(html) + _gzip_size(_css())
    print(
        f"\ntreaty /{lang}/: HTML {len(html)} bytes, gzip HTML {_gzip_size(html)} + CSS {_gzip_size(_css())} = {size}"
    )
    assert size < TREATY_BUDGET


def test_responses_are_gzip_compressed_for_clients_that_accept_it(client: Client, record: None) -> None:
    response = client.get("/en/", headers={"accept-encoding": "gzip"})
    assert response["Content-Encoding"] == "gzip"
    assert len(response.content) < HOME_BUDGET


def test_a_cached_page_is_served_compressed_once_and_answers_304_to_its_weak_tag(client: Client, record: None) -> None:
    plain = client.get("/en/")
    packed = client.get("/en/", headers={"accept-encoding": "gzip, br"})
    assert packed["Content-Encoding"] == "gzip"
    assert gzip.decompress(packed.content) == plain.content
    assert packed["ETag"] == "W/" + plain["ETag"]
    assert "Accept-Encoding" in packed["Vary"]
    again = client.get("/en/", headers={"accept-encoding": "gzip", "if-none-match": packed["ETag"]})
    assert again.status_code == 304
    assert again["ETag"] == packed["ETag"]
