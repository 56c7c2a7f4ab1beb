"""Before ``treatywatch load`` has run there is no record: pages say so (503) rather than fail."""

from __future__ import annotations

from datetime import date

import pytest
from django.core.cache import cache
from django.test import Client
from django.utils import translation
from django.utils.html import escape
from django.utils.translation import gettext

from treatywatch.catalogue import Catalogue
from treatywatch.engine import StateRegistry
from treatywatch.portal import caching

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("url", ["/en/", "/fr/treaties/ICRMW/", "/ar/states/MEX/"])
def test_before_the_record_is_loaded_pages_say_it_is_not_available(
    client: Client, monkeypatch: pytest.MonkeyPatch, url: str
) -> None:
    def empty(today: date | None = None) -> Catalogue:
        return Catalogue(StateRegistry([]), {}, {}, today or date.today())

    monkeypatch.setattr(caching, "catalogue", empty)
    cache.clear()
    response = client.get(url)
    assert response.status_code == 503
    with translation.override(url.split("/")[1]):
        expected = gettext("The record is not available yet. Please try again later.")
    assert escape(expected) in response.content.decode()
    assert "no-cache" in response["Cache-Control"]
