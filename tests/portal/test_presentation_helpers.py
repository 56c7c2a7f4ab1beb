"""The presentation helpers on their own: CLDR formats, the chart, the map, and templates with no bare text."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest
from django.utils import translation
from pagehtml import parse

from treatywatch.engine import PartialDate, Period, Span
from treatywatch.portal import charts, formatting, labels, svgmap

TEMPLATES = Path(svgmap.__file__).resolve().parent / "templates" / "portal"


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("en", "1 July 2003"),
        ("fr", "1 juillet 2003"),
        ("es", "1 de julio de 2003"),
        ("ru", "1 июля 2003\u202fг."),
        ("zh-hans", "2003年7月1日"),
        ("ar", "1 يوليو 2003"),
    ],
)
def test_days_are_written_the_cldr_long_way_of_each_language(lang: str, expected: str) -> None:
    assert formatting.day_text(date(2003, 7, 1), lang) == expected


def test_partial_dates_keep_their_precision() -> None:
    with translation.override("en"):
        assert formatting.partial_text(PartialDate.parse("2017")) == "2017"
        assert formatting.partial_text(PartialDate.parse("2024-11")) == "November 2024"
        assert formatting.partial_text(PartialDate.parse("../2014-10-26")) == "on or before 26 October 2014"
        assert formatting.partial_text(PartialDate.parse("2016-05/2017-04")) == "between May 2016 and April 2017"
        assert formatting.span_text(Span(date(2020, 5, 1), date(2021, 4, 1))) == "between 1 May 2020 and 1 April 2021"
    with translation.override("zh-hans"):
        assert formatting.partial_text(PartialDate.parse("2024-11")) == "2024年11月"


def test_language_codes_map_to_babel_the_record_and_bcp47() -> None:
    assert formatting.babel_locale("zh-hans") == "zh_Hans"
    assert formatting.data_language("zh-hans") == "zh"
    assert formatting.bcp47("zh-hans") == "zh-Hans"
    assert formatting.number(1234, "fr") == "1\u202f234"


def test_periods_and_rules_are_put_in_words() -> None:
    with translation.override("en"):
        assert labels.period_text(Period(1, "years")) == "1 year"
        assert labels.period_text(Period(3, "months")) == "3 months"


@pytest.mark.parametrize(("top", "step"), [(1, 1), (6, 1), (7, 2), (20, 5), (60, 10), (61, 20), (190, 50)])
def test_the_chart_axis_takes_a_round_step(top: int, step: int) -> None:
    assert charts.nice_step(top) == step


def _chart(rtl: bool) -> str:
    series = [charts.Series("bound", "s1", [(date(1993, 2, 19), 1), (date(2003, 3, 14), 20)])]
    with translation.override("en"):
        return charts.step_chart(
            series,
            date(1990, 12, 18),
            date(2010, 1, 1),
            title="t",
            description="d <&>",
            rtl=rtl,
            marker=(date(2003, 7, 1), "Entry into force"),
            threshold=(20, "20 needed"),
        )


def test_the_chart_mirrors_its_x_axis_and_keeps_logical_anchors_for_right_to_left_pages() -> None:
    ltr, rtl = parse(_chart(False)), parse(_chart(True))
    x = {name: {t.text: float(t.attrs["x"]) for t in doc.iter("text")} for name, doc in (("ltr", ltr), ("rtl", rtl))}
    assert x["ltr"]["1995"] == pytest.approx(720 - x["rtl"]["1995"])
    assert x["ltr"]["0"] < 100 < 620 < x["rtl"]["0"], "the count axis is on the start side"
    anchors = {t.text: t.attrs["text-anchor"] for t in rtl.iter("text")}
    assert anchors["0"] == "end" and anchors["1995"] == "middle"
    assert "d &lt;&amp;&gt;" in _chart(False), "texts are escaped"


def test_the_map_draws_states_by_class_with_titles_and_the_rest_as_neutral_land() -> None:
    svg = svgmap.world_map(
        {"484": "p", "020": "s"}, {"484": "Mexico", "020": "Andorra <&>"}, {"484": "/m", "020": "/a"}
    )
    doc = parse(svg)
    mexico = doc.by_id("m484")
    assert mexico is not None and mexico.tag == "path" and mexico.attrs["class"] == "p"
    andorra = doc.by_id("m020")
    assert andorra is not None and andorra.tag == "circle", "Andorra is too small to see: a circle"
    assert andorra.parent is not None and andorra.parent.find("title").text == "Andorra <&>"  # type: ignore[union-attr]
    neutral = doc.find("path", class_="t")
    assert neutral is not None and len(neutral.attrs["d"]) > 10_000, "every other feature is neutral land"
    assert svgmap.geometry() is svgmap.geometry(), "the geometry is read once"


def _bare_text(template: str) -> str:
    text = re.sub(r"{%\s*(block)?translate.*?{%\s*end(block)?translate\s*%}", " ", template, flags=re.S)
    text = re.sub(r"{%.*?%}|{{.*?}}|{#.*?#}", " ", text, flags=re.S)
    text = re.sub(r"<!DOCTYPE[^>]*>|<[^>]*>", " ", text, flags=re.S)
    return text


@pytest.mark.parametrize("path", sorted(TEMPLATES.glob("*.html")), ids=lambda p: p.name)
def test_templates_have_no_words_outside_translate_tags(path: Path) -> None:
    template = path.read_text(encoding="utf-8")
    words = re.findall(r"[^\W\d_]{2,}", _bare_text(template))
    assert [w for w in words if w not in {"CSV", "JSON"}] == []
    assert not re.search(r'(aria-label|title|alt|placeholder)="[^"{]*[^\W\d_]', template), "translate attributes"
