"""Whole sentences in every language: counts in each language's plural forms, dates as a sentence needs them
("in 2016", not "since 2016"), lists joined the way each language joins them, and language names for codes."""

from __future__ import annotations

import re
from pathlib import Path
from types import SimpleNamespace

import pytest
from django.template.loader import render_to_string
from django.test import Client
from django.utils import translation
from pagehtml import parse, table_rows

import treatywatch
from treatywatch.api.widget import eif_sentence
from treatywatch.engine import PartialDate, Span
from treatywatch.portal.formatting import language_name, list_text, when_partial, when_span
from treatywatch.portal.labels import position_sentence

PACKAGE = Path(treatywatch.__file__).resolve().parent
TEMPLATES = sorted(PACKAGE.glob("*/templates/**/*.html"))


def _widget_figures(lang: str, count: int) -> str:
    """The widget's two figures for ``count`` States, as the template renders them in ``lang``."""
    status = SimpleNamespace(contracting_states=count, signatories_not_bound=count)
    context = {
        "treaty": SimpleNamespace(id="ICRMW"),
        "title": "",
        "status": status,
        "contracting": str(count),
        "not_bound": str(count),
        "eif_sentence": "",
        "as_of": "",
        "treaty_url": "/",
        "map": "",
    }
    with translation.override(lang):
        html = render_to_string("api/widget.html", context)
    doc = parse(html.encode())
    return " | ".join(li.text for li in doc.find("ul", class_="figures").iter("li"))  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("count", "party", "signatory"),
    [
        (1, "1 государство-участник", "1 подписавшее государство"),
        (2, "2 государства-участника", "2 подписавших государства"),
        (5, "5 государств-участников", "5 подписавших государств"),
        (11, "11 государств-участников", "11 подписавших государств"),
        (21, "21 государство-участник", "21 подписавшее государство"),
        (22, "22 государства-участника", "22 подписавших государства"),
    ],
)
def test_russian_counts_states_parties_in_the_right_plural_form(count: int, party: str, signatory: str) -> None:
    figures = _widget_figures("ru", count)
    assert party in figures and signatory in figures


def test_the_count_is_part_of_the_translated_sentence_in_every_language() -> None:
    assert _widget_figures("en", 1).startswith("1 State party")
    assert _widget_figures("en", 2).startswith("2 States parties")
    assert _widget_figures("fr", 1).startswith("1 État partie") and _widget_figures("fr", 2).startswith("2 États")
    assert _widget_figures("zh-hans", 3).startswith("3 个缔约国")
    assert _widget_figures("ar", 2).startswith("2 دولتان طرفان")
    assert _widget_figures("ar", 7).startswith("7 دول أطراف")


@pytest.mark.parametrize(
    ("needed", "expected"),
    [
        (1, "необходим еще 1 документ."),
        (3, "необходимы еще 3 документа."),
        (8, "необходимо еще 8 документов."),
        (21, "необходим еще 21 документ."),
    ],
)
def test_instruments_still_needed_take_the_russian_plural(needed: int, expected: str) -> None:
    status = SimpleNamespace(entry_into_force=None, instruments_needed=needed, in_force=False)
    with translation.override("ru"):
        assert eif_sentence(status).endswith(expected)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        ("en", "2016", "Became bound in 2016; not yet in force for it"),
        ("en", "2024-11", "Became bound in November 2024; not yet in force for it"),
        ("en", "2003-07-01", "Bound since 1 July 2003; not yet in force for it"),
        ("en", "../2014-10-26", "Became bound on or before 26 October 2014; not yet in force for it"),
        ("fr", "2016", "Consentement à être lié exprimé en 2016\u00a0; traité pas encore en vigueur à son égard"),
        (
            "fr",
            "2024-11",
            "Consentement à être lié exprimé en novembre 2024\u00a0; traité pas encore en vigueur à son égard",
        ),
        (
            "es",
            "2024-11",
            "Consentimiento en obligarse manifestado en noviembre de 2024; el tratado aún no está en vigor para él",
        ),
        ("ru", "2016", "Согласие на обязательность выражено в 2016 г.; для него договор еще не вступил в силу"),
        (
            "ru",
            "2024-11",
            "Согласие на обязательность выражено в течение ноября 2024\u202fг.; для него договор еще не вступил в силу",
        ),
    ],
)
def test_a_partial_date_reads_in_2016_rather_than_since_2016(lang: str, text: str, expected: str) -> None:
    with translation.override(lang):
        assert position_sentence("contracting", when_partial(PartialDate.parse(text))) == expected


def test_signatures_and_entry_into_force_given_as_a_year_or_a_range_read_naturally() -> None:
    with translation.override("en"):
        assert (
            position_sentence("signatory", when_partial(PartialDate.parse("2016"))) == "Signed in 2016; not yet bound"
        )
        year = PartialDate.parse("2016").span
        assert position_sentence("party", when_span(year)) == "Became a State party in 2016"
        span = Span(PartialDate.parse("2020-05-01").span.earliest, PartialDate.parse("2021-04-01").span.earliest)
        assert position_sentence("party", when_span(span)) == "Became a State party between 1 May 2020 and 1 April 2021"
        assert "since" not in position_sentence("withdrawn", when_span(year))
    with translation.override("fr"):
        assert (
            position_sentence("signatory", when_partial(PartialDate.parse("2016")))
            == "Signé en 2016\u00a0; pas encore lié"
        )


def test_lists_are_joined_the_way_each_language_joins_them() -> None:
    for lang, expected in [
        ("en", "A, B and C"),
        ("fr", "A, B et C"),
        ("ar", "A وB وC"),
        ("zh-hans", "A、B和C"),
        ("ru", "A, B и C"),
        ("es", "A, B y C"),
    ]:
        assert list_text(["A", "B", "C"], lang=lang) == expected
    assert list_text(["html", "csv", "json"], style="or", lang="en") == "html, csv or json"


def test_a_language_code_is_named_in_the_page_language() -> None:
    assert language_name("fr", "en") == "French"
    assert language_name("fr", "es") == "Francés"
    assert language_name("zh", "fr") == "Chinois"
    assert language_name("ar", "ar") == "العربية"
    assert language_name("en", "zh-hans") == "英语"


def _in_template(path: Path) -> str:
    return path.read_text(encoding="utf-8")


@pytest.mark.parametrize("path", TEMPLATES, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_templates_join_no_list_with_a_literal_comma(path: Path) -> None:
    """Arabic joins with "،" or "و", Chinese with "、": a list is joined by ``linked_list`` or ``list_text``, and
    two values side by side go through a translatable pattern."""
    template = _in_template(path)
    outside = re.sub(r"{%\s*blocktranslate.*?{%\s*endblocktranslate\s*%}", " ", template, flags=re.S)
    assert not re.search(r"forloop\.last\s*%}\s*[,;]", outside), "a literal separator between list items"
    assert not re.search(r"\|join:", outside), "a list joined with a literal separator"
    assert not re.search(r"}}\s*[,;、،]\s*{{", outside), "two values joined with a literal comma"


@pytest.mark.django_db
def test_the_arabic_timeline_puts_the_arabic_comma_between_date_and_action(client: Client, record: None) -> None:
    doc = parse(client.get("/ar/timeline/").content)
    section = next(s for s in doc.iter("section") if s.attrs.get("aria-labelledby") == "yr-h")
    notes = [span.text for span in section.iter("span") if "small" in span.attrs.get("class", "")]
    assert notes and all("، " in n and ", " not in n for n in notes), notes[:3]
    chinese = parse(client.get("/zh-hans/timeline/").content)
    section = next(s for s in chinese.iter("section") if s.attrs.get("aria-labelledby") == "yr-h")
    assert any("，" in span.text for span in section.iter("span"))


@pytest.mark.django_db
def test_successor_states_are_listed_with_each_languages_conjunction(client: Client, record: None) -> None:
    english = parse(client.get("/en/states/YUG/").content).find("main").text  # type: ignore[union-attr]
    assert re.search(r"Successor States: .+, .+ and .+", english)
    chinese = parse(client.get("/zh-hans/states/YUG/").content).find("main").text  # type: ignore[union-attr]
    assert "、" in chinese and ", " not in chinese.split("继承国")[-1].split("\n")[0]
    arabic = parse(client.get("/ar/states/CSK/").content).find("main").text  # type: ignore[union-attr]
    assert "تشيكيا وسلوفاكيا" in arabic


@pytest.mark.django_db
def test_the_timeline_countdown_heading_counts_instruments_in_russian(client: Client, record: None) -> None:
    doc = parse(client.get("/ru/timeline/").content)
    heading = doc.by_id("cd-h")
    assert heading is not None and heading.text.endswith("20 документов)")
    rows = table_rows(next(s for s in doc.iter("section") if s.attrs.get("aria-labelledby") == "cd-h").find("table"))  # type: ignore[arg-type]
    assert rows, "the countdown lists the deposits"
