"""Every page in every one of the six languages: language and direction, alternates, switcher, landmarks, no
host but our own, no inline script or style."""

from __future__ import annotations

import itertools
import re
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from django.contrib.staticfiles import finders
from django.test import Client
from pagehtml import LANGS, Element, parse

pytestmark = pytest.mark.django_db

PAGES = ("", "treaties/ICRMW/", "states/MEX/", "timeline/", "search/", "search/?q=guin", "?as_of=1999-12-17")
LANGUAGE_NAMES = {
    "ar": "العربية",
    "zh-hans": "中文",
    "en": "English",
    "fr": "Français",
    "ru": "Русский",
    "es": "Español",
}
TAGS = {"ar": "ar", "zh-hans": "zh-Hans", "en": "en", "fr": "fr", "ru": "ru", "es": "es"}
URL_ATTRIBUTES = ("href", "src", "action", "xlink:href", "srcset", "formaction", "poster", "data")


def get(client: Client, url: str) -> Element:
    response = client.get(url)
    assert response.status_code == 200, url
    return parse(response.content)


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("page", PAGES)
def test_each_page_names_its_language_and_direction_and_links_the_other_five(
    client: Client, record: None, lang: str, page: str
) -> None:
    doc = get(client, f"/{lang}/{page}")
    html = doc.find("html")
    assert html is not None
    assert html.attrs["lang"] == TAGS[lang]
    assert html.attrs["dir"] == ("rtl" if lang == "ar" else "ltr")
    alternates = {link.attrs["hreflang"]: link.attrs["href"] for link in doc.find_all("link", rel="alternate")}
    assert set(alternates) == {*TAGS.values(), "x-default"}
    path = page.split("?")[0]
    for code, tag in TAGS.items():
        assert urlsplit(alternates[tag]).path == f"/{code}/{path}"
    switcher = doc.find("nav", class_="langs")
    assert switcher is not None
    links = {a.attrs["hreflang"]: a for a in switcher.iter("a")}
    assert {tag: a.text for tag, a in links.items()} == {TAGS[c]: name for c, name in LANGUAGE_NAMES.items()}
    for code, tag in TAGS.items():
        assert links[tag].attrs["href"] == f"/{code}/{page}", "the switcher keeps the path and the query"
    assert links[TAGS[lang]].attrs.get("aria-current") == "true"


@pytest.mark.parametrize("page", PAGES)
def test_each_page_has_a_skip_link_landmarks_one_h1_headings_in_order_and_a_labelled_search(
    client: Client, record: None, page: str
) -> None:
    doc = get(client, f"/en/{page}")
    skip = doc.find("a", class_="skip")
    assert skip is not None and skip.attrs["href"] == "#main"
    assert doc.by_id("main") is not None and doc.by_id("main").tag == "main"  # type: ignore[union-attr]
    for landmark in ("header", "nav", "main", "footer"):
        assert doc.find(landmark) is not None, landmark
    levels = [int(el.tag[1]) for el in doc.iter() if re.fullmatch(r"h[1-6]", el.tag)]
    assert levels[0] == 1 and levels.count(1) == 1
    assert all(b <= a + 1 for a, b in itertools.pairwise(levels)), levels
    form = doc.find("form", role="search")
    assert form is not None
    field = form.find("input", name="q")
    assert field is not None
    label = form.find("label")
    assert label is not None and label.attrs["for"] == field.attrs["id"]
    for el in doc.iter("input"):
        if el.attrs.get("type") not in ("hidden", "submit"):
            assert doc.find("label", for_=el.attrs["id"]) is not None, el.attrs


def _urls(doc: Element) -> list[str]:
    found = []
    for el in doc.iter():
        for name in URL_ATTRIBUTES:
            if name in el.attrs:
                found.append(el.attrs[name])
    return found


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("page", (*PAGES, "states/KHM/", "nowhere/"))
def test_no_page_refers_to_another_host_nor_carries_inline_script_or_style(
    client: Client, record: None, lang: str, page: str
) -> None:
    response = client.get(f"/{lang}/{page}")
    doc = parse(response.content)
    for url in _urls(doc):
        parts = urlsplit(url)
        assert parts.scheme in ("", "http", "https"), url
        assert parts.netloc in ("", "testserver"), url
    assert not any(el.tag in ("script", "style", "iframe") for el in doc.iter())
    assert not any("style" in el.attrs for el in doc.iter())
    assert not any(name.startswith("on") for el in doc.iter() for name in el.attrs)


def test_the_stylesheet_is_small_uses_logical_properties_and_loads_nothing_from_elsewhere() -> None:
    path = finders.find("portal/site.css")
    assert path is not None
    css = Path(path).read_text(encoding="utf-8")
    assert len(css.encode()) < 8 * 1024
    for url in re.findall(r"url\(([^)]*)\)", css):
        target = url.strip("'\" ")
        assert target.startswith("#") or not urlsplit(target).netloc, url
    assert "@import" not in css and "@font-face" not in css
    physical = re.findall(r"(?:margin|padding|border)-(?:left|right)|text-align:\s*(?:left|right)|float:", css)
    assert physical == [], "use logical properties so that right-to-left pages mirror"
