"""The JSON API answers each endpoint with the engine's results, through the one serializer."""

from __future__ import annotations

import io
import json
from datetime import date
from urllib.parse import parse_qs, urlsplit

import pytest
from django.test import Client

from treatywatch.catalogue import load_catalogue
from treatywatch.cli import main as cli
from treatywatch.engine import LANGUAGES
from treatywatch.serialize import timeline_dict
from treatywatch.treaties import models

from .conftest import get_json

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("loaded")]


def cli_json(*args: str) -> object:
    out = io.StringIO()
    assert cli([*args, "--format", "json"], out=out) == 0
    return json.loads(out.getvalue())


def test_treaties_lists_every_treaty_with_links(client: Client) -> None:
    data = get_json(client, "/api/v1/treaties")
    ids = [t["id"] for t in data["results"]]
    assert data["count"] == len(ids) == models.Treaty.objects.count()
    assert "ICRMW" in ids
    icrmw = next(t for t in data["results"] if t["id"] == "ICRMW")
    assert icrmw["untc"] == "IV-13"
    assert set(icrmw["titles"]) == set(LANGUAGES)
    assert icrmw["links"]["status"] == "/api/v1/treaties/ICRMW/status"
    assert icrmw["links"]["ledger_csv"] == "/data/ICRMW/ledger.csv"


def test_a_treaty_gives_its_final_clauses(client: Client) -> None:
    data = get_json(client, "/api/v1/treaties/ICRMW?as_of=2003-07-01&lang=fr")
    assert data["title"].startswith("Convention internationale")
    assert data["in_force"] is True and data["entry_into_force"] == "2003-07-01"
    eif = data["final_clauses"]["entry_into_force"]
    assert (eif["article"], eif["threshold"]) == ("87", 20)
    assert data["final_clauses"]["reporting"] == {"article": "73", "initial": "1 years", "periodic": "5 years"}


@pytest.mark.parametrize("day", ["1999-12-17", "2003-07-01", "2016-06-01", None])
def test_status_is_the_object_treatywatch_status_prints(client: Client, day: str | None) -> None:
    query = f"?as_of={day}" if day else ""
    api = get_json(client, f"/api/v1/treaties/ICRMW/status{query}")
    printed = cli_json("status", *(["--as-of", day] if day else []))
    assert api == printed


def test_status_before_entry_into_force_counts_what_is_still_needed(client: Client) -> None:
    data = get_json(client, "/api/v1/treaties/ICRMW/status?as_of=1999-12-17")
    assert data["in_force"] is False
    assert data["instruments_needed"] == 8
    assert data["entry_into_force"] is None


def test_status_gives_state_names_in_the_language_asked(client: Client) -> None:
    data = get_json(client, "/api/v1/treaties/ICRMW/status?lang=zh")
    mexico = next(s for s in data["states"] if s["code"] == "MEX")
    assert mexico["name"] == "墨西哥"
    assert mexico["m49"] == "484"


def test_participants_are_the_status_rows(client: Client) -> None:
    status = get_json(client, "/api/v1/treaties/ICRMW/status?as_of=2010-01-01")
    table = get_json(client, "/api/v1/treaties/ICRMW/participants?as_of=2010-01-01")
    assert table["participants"] == status["states"]
    assert table["count"] == len(table["participants"])


def test_timeline_is_the_engine_timeline(client: Client) -> None:
    data = get_json(client, "/api/v1/treaties/ICRMW/timeline")
    assert data["timeline"] == timeline_dict(load_catalogue().record("ICRMW").timeline())
    assert data["timeline"][0]["date"] == "1991-05-22"


def test_states_list_every_state_with_codes_and_six_names(client: Client) -> None:
    data = get_json(client, "/api/v1/states?lang=ar&as_of=2020-01-01")
    assert data["count"] == models.State.objects.count()
    mexico = next(s for s in data["results"] if s["code"] == "MEX")
    assert mexico["m49"] == "484" and mexico["name"] == "المكسيك"
    assert set(mexico["names"]) == set(LANGUAGES)
    assert mexico["positions"]["ICRMW"] == {"position": "party", "uncertain": False}


@pytest.mark.parametrize("code", ["MEX", "mex", "484"])
def test_a_state_is_found_by_alpha3_or_m49(client: Client, code: str) -> None:
    data = get_json(client, f"/api/v1/states/{code}?as_of=2020-01-01")
    assert data["code"] == "MEX"
    icrmw = next(t for t in data["treaties"] if t["treaty"] == "ICRMW")
    assert icrmw["position"] == "party"
    ratification = next(a for a in icrmw["actions"] if a["kind"] == "ratification")
    assert ratification["date"] == "1999-03-08"
    assert models.Action.objects.get(pk=ratification["id"]).kind == "ratification"


def test_a_state_as_of_a_day_knows_nothing_later(client: Client) -> None:
    data = get_json(client, "/api/v1/states/MEX?as_of=1995-01-01")
    icrmw = next(t for t in data["treaties"] if t["treaty"] == "ICRMW")
    assert icrmw["position"] == "signatory"
    kinds = {a["kind"] for a in icrmw["actions"]}
    assert "signature" in kinds and "ratification" not in kinds


def test_obligations_list_reports_due_under_article_73(client: Client) -> None:
    data = get_json(client, "/api/v1/states/484/obligations?as_of=2010-01-01&treaty=ICRMW")
    assert data["state"]["code"] == "MEX"
    first = data["reports"][0]
    assert (first["treaty"], first["report"], first["due"]) == ("ICRMW", "initial", "2004-07-01")
    assert first["past_due_date"] is True
    everything = get_json(client, "/api/v1/states/MEX/obligations?as_of=2010-01-01")
    assert [r for r in everything["reports"] if r["treaty"] == "ICRMW"] == data["reports"]


def test_actions_are_paginated_in_date_then_id_order_with_links(client: Client) -> None:
    url: str | None = "/api/v1/actions?treaty=ICRMW&page_size=25"
    seen = []
    pages = 0
    while url:
        data = get_json(client, url)
        pages += 1
        seen.extend(data["results"])
        assert data["page"] == pages and data["page_size"] == 25
        url = data["next"]
        if url:
            assert parse_qs(urlsplit(url).query)["treaty"] == ["ICRMW"]
    assert pages == data["pages"]
    assert len(seen) == data["count"] == models.Action.objects.filter(treaty_id="ICRMW").count()
    ids = [a["id"] for a in seen]
    assert len(set(ids)) == len(ids)
    stored = {a.pk: a for a in models.Action.objects.filter(treaty_id="ICRMW")}
    keys = [(stored[i].date_earliest if not stored[i].date.startswith("..") else date.min, i) for i in ids]
    dated = [k for k in keys if k[0] != date.min]
    assert dated == sorted(dated)
    assert get_json(client, data["previous"])["page"] == pages - 1


def test_actions_filter_by_state_kind_and_date_range(client: Client) -> None:
    data = get_json(client, "/api/v1/actions?treaty=ICRMW&state=484&kind=ratification")
    assert [(a["state"], a["kind"], a["date"]) for a in data["results"]] == [("MEX", "ratification", "1999-03-08")]
    ranged = get_json(client, "/api/v1/actions?treaty=ICRMW&from=2003-01-01&to=2003-12-31&page_size=200")
    assert ranged["count"] > 0
    assert all(a["date"].startswith("2003") for a in ranged["results"])


def test_partial_dates_keep_their_text_and_precision(client: Client) -> None:
    data = get_json(client, "/api/v1/actions?treaty=ICRMW&state=VEN&kind=ratification")
    (venezuela,) = data["results"]
    assert (venezuela["date"], venezuela["date_precision"]) == ("2016", "year")
    undated = get_json(client, "/api/v1/actions?treaty=ICRMW&state=ARG&kind=declaration")["results"][0]
    assert (undated["date"], undated["date_precision"]) == ("../2014-10-26", "interval")


def test_a_year_is_in_a_range_only_when_all_its_days_are(client: Client) -> None:
    data = get_json(client, "/api/v1/actions?treaty=ICRMW&state=VEN&from=2016-01-01&to=2016-12-31")
    assert [a["date"] for a in data["results"]] == ["2016"]
    data = get_json(client, "/api/v1/actions?treaty=ICRMW&state=VEN&from=2016-06-01&to=2016-06-30")
    assert data["results"] == []


def test_an_empty_selection_has_one_empty_page(client: Client) -> None:
    data = get_json(client, "/api/v1/actions?treaty=ICRMW&kind=denunciation")
    assert (data["count"], data["pages"], data["results"], data["next"], data["previous"]) == (0, 1, [], None, None)
