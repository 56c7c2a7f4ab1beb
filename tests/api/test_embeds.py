"""The embeddable badge and widget: the count in six languages, right to left in Arabic, and framing rules."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest
from django.test import Client

from treatywatch.api.badge import render_badge, text_width

from .conftest import get_json

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("loaded")]

SVG = "{http://www.w3.org/2000/svg}"


def parties(client: Client) -> int:
    return int(get_json(client, "/api/v1/treaties/ICRMW/status")["contracting_states"])


@pytest.mark.parametrize("lang", ["ar", "zh", "en", "fr", "ru", "es"])
def test_the_badge_gives_the_number_of_states_parties(client: Client, lang: str) -> None:
    response = client.get(f"/badge/ICRMW.svg?lang={lang}")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("image/svg+xml")
    assert response["Cache-Control"] == "public, max-age=300"
    root = ET.fromstring(response.content)
    texts = [t.text or "" for t in root.iter(f"{SVG}text")]
    assert texts[0] == "ICRMW"
    assert str(parties(client)) in texts[1]
    assert (root.findtext(f"{SVG}title") or "").startswith("ICRMW: ")
    assert root.get("{http://www.w3.org/XML/1998/namespace}lang") == lang


def test_the_arabic_badge_runs_right_to_left_with_the_label_on_the_right(client: Client) -> None:
    root = ET.fromstring(client.get("/badge/ICRMW.svg?lang=ar").content)
    label, value = list(root.iter(f"{SVG}text"))
    assert value.get("direction") == "rtl"
    assert float(label.get("x") or 0) > float(value.get("x") or 0)
    english = ET.fromstring(client.get("/badge/ICRMW.svg?lang=en").content)
    label, value = list(english.iter(f"{SVG}text"))
    assert value.get("direction") is None
    assert float(label.get("x") or 0) < float(value.get("x") or 0)


def test_the_badge_width_follows_its_text() -> None:
    short = ET.fromstring(render_badge("ICRMW", "1 State Party", "en"))
    long = ET.fromstring(render_badge("ICRMW", "60 States Parties and more words", "en"))
    assert int(long.get("width") or 0) > int(short.get("width") or 0)
    assert text_width("保护所有") > text_width("abcd")


def test_the_badge_answers_conditional_requests(client: Client) -> None:
    etag = client.get("/badge/ICRMW.svg?lang=fr")["ETag"]
    assert client.get("/badge/ICRMW.svg?lang=fr", headers={"If-None-Match": etag}).status_code == 304


@pytest.mark.parametrize("lang", ["ar", "zh-hans", "en", "fr", "ru", "es"])
def test_the_widget_may_be_framed_by_any_site(client: Client, lang: str) -> None:
    response = client.get(f"/{lang}/widget/ICRMW/")
    assert response.status_code == 200
    assert "X-Frame-Options" not in response
    assert "frame-ancestors *" in response["Content-Security-Policy"]
    assert "'none'" not in response["Content-Security-Policy"].split("frame-ancestors")[1]
    html = response.content.decode()
    assert f"/{lang}/treaties/ICRMW/" in html
    assert str(parties(client)) in html
    assert 'class="wmap"' in html  # the portal's map
    assert ('dir="rtl"' in html) == (lang == "ar")
    # A conditional request keeps the framing headers.
    again = client.get(f"/{lang}/widget/ICRMW/", headers={"If-None-Match": response["ETag"]})
    assert again.status_code == 304 and "X-Frame-Options" not in again


@pytest.mark.parametrize("url", ["/en/", "/en/treaties/ICRMW/", "/api/v1/treaties", "/api/v1/docs", "/data/ledger.csv"])
def test_every_other_page_refuses_framing(client: Client, url: str) -> None:
    response = client.get(url)
    assert response.status_code == 200
    assert response["X-Frame-Options"] == "DENY"
    assert "frame-ancestors 'none'" in response["Content-Security-Policy"]
