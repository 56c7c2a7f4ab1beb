"""Atom feeds of depositary actions: valid Atom, entries in each language, links to the action and the State."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from urllib.parse import urlsplit

import pytest
from django.test import Client

from treatywatch.treaties import models

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("loaded")]

ATOM = "{http://www.w3.org/2005/Atom}"
LANGS = ["ar", "zh-hans", "en", "fr", "ru", "es"]
MEXICO = {"ar": "المكسيك", "zh-hans": "墨西哥", "en": "Mexico", "fr": "Mexique", "ru": "Мексика", "es": "México"}


def feed(client: Client, url: str) -> ET.Element:
    response = client.get(url)
    assert response.status_code == 200, (url, response.content[:300])
    assert response["Content-Type"] == "application/atom+xml; charset=utf-8"
    root = ET.fromstring(response.content)
    assert root.tag == f"{ATOM}feed"
    for required in ("id", "title", "updated"):
        assert root.find(f"{ATOM}{required}") is not None, required
    return root


def entries(root: ET.Element) -> list[ET.Element]:
    return root.findall(f"{ATOM}entry")


@pytest.mark.parametrize("lang", LANGS)
def test_the_feed_of_a_state_is_in_the_language_of_its_address(client: Client, lang: str) -> None:
    root = feed(client, f"/{lang}/feeds/states/MEX.atom")
    assert root.get("{http://www.w3.org/XML/1998/namespace}lang") == lang
    found = entries(root)
    assert found
    for entry in found:
        title = entry.findtext(f"{ATOM}title") or ""
        assert MEXICO[lang] in title
        for required in ("id", "updated", "title"):
            assert entry.find(f"{ATOM}{required}") is not None


def test_entries_link_to_the_action_on_the_state_page_and_to_the_state_page(client: Client) -> None:
    for entry in entries(feed(client, "/fr/feeds/treaties/ICRMW.atom")):
        links = {link.get("rel"): link.get("href") or "" for link in entry.findall(f"{ATOM}link")}
        alternate, related = urlsplit(links["alternate"]), urlsplit(links["related"])
        assert alternate.path == related.path
        assert alternate.path.startswith("/fr/states/") and alternate.path.endswith("/")
        assert alternate.fragment.startswith("action-")
        action = models.Action.objects.get(pk=int(alternate.fragment.removeprefix("action-")))
        assert alternate.path == f"/fr/states/{action.state_id}/"
        assert action.treaty_id == "ICRMW"


def test_the_feed_of_all_actions_is_newest_first_and_bounded(client: Client) -> None:
    found = entries(feed(client, "/en/feeds/actions.atom"))
    assert 0 < len(found) <= 100
    updated = [e.findtext(f"{ATOM}updated") or "" for e in found]
    assert updated == sorted(updated, reverse=True)


def test_a_treaty_feed_has_only_that_treatys_actions(client: Client) -> None:
    root = feed(client, "/es/feeds/treaties/ICRMW.atom")
    assert all((e.findtext(f"{ATOM}title") or "").endswith(", ICRMW") for e in entries(root))
    assert len(entries(root)) == min(100, models.Action.objects.filter(treaty_id="ICRMW").count())


def test_a_state_without_actions_still_has_a_valid_feed(client: Client) -> None:
    acted = set(models.Action.objects.values_list("state_id", flat=True))
    quiet = models.State.objects.exclude(code__in=acted).values_list("code", flat=True).first()
    if quiet is None:
        pytest.skip("every State has acted under some treaty")
    root = feed(client, f"/en/feeds/states/{quiet}.atom")
    assert entries(root) == []


def test_a_partial_date_is_written_as_the_record_gives_it(client: Client) -> None:
    root = feed(client, "/en/feeds/states/ARG.atom")
    summaries = [e.findtext(f"{ATOM}summary") or "" for e in entries(root)]
    assert any("on or before 26 October 2014" in s for s in summaries)


def test_feeds_are_cached_with_validators(client: Client) -> None:
    first = client.get("/ru/feeds/actions.atom")
    assert client.get("/ru/feeds/actions.atom", headers={"If-None-Match": first["ETag"]}).status_code == 304
    assert client.get("/en/feeds/actions.atom")["ETag"] != first["ETag"]
