"""The ratification matrix and the campaign's target list: HTML without JavaScript, CSV and JSON, in the six
languages; the record-as-of notes, reconciliation and procedure status on the treaty and State pages."""

from __future__ import annotations

import csv
import gzip
import io
import itertools
import json
import re
from datetime import date
from typing import Any

import pytest
from django.contrib.staticfiles import finders
from django.test import Client
from pagehtml import LANGS, Element, parse, table_rows

from treatywatch.engine.matrix import BOUND, CORE_TREATIES, matrix_states
from treatywatch.treaties import store

pytestmark = pytest.mark.django_db

CLASSES = {"p": "party", "c": "contracting", "s": "signatory", "w": "withdrawn"}
BUDGET = 80 * 1024
"""The full matrix, gzip-compressed with the stylesheet: the treaty page's budget."""


def get(client: Client, url: str, status: int = 200) -> Element:
    response = client.get(url)
    assert response.status_code == status, (url, response.status_code)
    return parse(response.content)


def grid_table(doc: Element) -> Element:
    table = doc.find("table", class_="data matrix")
    assert table is not None
    return table


def header_ids(table: Element) -> list[str]:
    return [th.find("abbr").text for th in list(table.find("thead").iter("th"))[3:]]  # type: ignore[union-attr]


def row_code(row: list[Element]) -> str:
    return row[0].find("a").attrs["href"].split("/")[3]  # type: ignore[union-attr]


def cell_position(td: Element) -> str:
    return CLASSES.get(td.attrs.get("class", ""), "none")


# ------------------------------------------------------------------------------------------------------------
# the matrix page


@pytest.mark.parametrize("as_of", ["", "1999-12-17", "2014-07-10"])
def test_every_cell_of_the_page_is_the_engines_position_on_the_day(client: Client, record: None, as_of: str) -> None:
    cat = store.catalogue()
    day = date.fromisoformat(as_of) if as_of else cat.today
    doc = get(client, f"/en/matrix/?as_of={as_of}" if as_of else "/en/matrix/")
    table = grid_table(doc)
    ids = header_ids(table)
    assert sorted(ids) == sorted(cat.treaties) and len(ids) == 18
    rows = table_rows(table)
    expected_states = {s.code for s in matrix_states(cat.states, day)}
    assert {row_code(r) for r in rows} == expected_states
    for row in rows:
        code = row_code(row)
        positions = [cell_position(td) for td in row[3:]]
        engine = [cat.record(ident).position(code, day)[0] for ident in ids]
        assert positions == engine, code
        bound = [p in BOUND for p in engine]
        assert row[1].text == str(sum(b for b, i in zip(bound, ids, strict=True) if i in CORE_TREATIES))
        assert row[2].text == str(sum(bound))
    totals = [td.text for td in table.find("tfoot").iter("td")][2:]  # type: ignore[union-attr]
    assert totals == [str(sum(cell_position(r[3 + i]) in BOUND for r in rows)) for i in range(len(ids))]


def test_a_cell_shows_a_symbol_and_a_year_and_says_the_position_in_words(client: Client, record: None) -> None:
    table = grid_table(get(client, "/en/matrix/"))
    ids = header_ids(table)
    rows = {row_code(r): r for r in table_rows(table)}

    def cell(code: str, ident: str) -> Element:
        return rows[code][3 + ids.index(ident)]

    mexico = cell("MEX", "ICRMW")
    hidden, spoken = mexico.find("span", aria_hidden="true"), mexico.find("span", class_="vh")
    assert hidden is not None and hidden.text == "● 2003"
    assert spoken is not None and spoken.text == "State party since 1 July 2003"
    assert cell("KHM", "ICRMW").find("span", class_="vh").text == "Signed on 27 September 2004; not yet bound"  # type: ignore[union-attr]
    togo = cell("TGO", "ICRMW")
    assert togo.find("span", aria_hidden="true").text == "● 2020–2021"  # type: ignore[union-attr]
    assert togo.find("span", class_="vh").text == "Became a State party between 1 May 2020 and 1 April 2021"  # type: ignore[union-attr]
    assert cell("USA", "ICRMW").children == [], "an empty cell: neither signed nor bound"


def test_a_partial_date_that_leaves_the_day_uncertain_is_marked(client: Client, record: None) -> None:
    table = grid_table(get(client, "/en/matrix/?as_of=2020-06-01"))
    ids = header_ids(table)
    togo = next(r for r in table_rows(table) if row_code(r) == "TGO")[3 + ids.index("ICRMW")]
    assert togo.find("span", aria_hidden="true").text.endswith("?")  # type: ignore[union-attr]


def test_the_table_has_a_caption_scoped_headers_and_a_legend_of_abbreviations(client: Client, record: None) -> None:
    doc = get(client, "/en/matrix/")
    table = grid_table(doc)
    caption = table.find("caption")
    assert caption is not None and "under each of 18 instruments" in caption.text
    assert all(th.attrs.get("scope") == "col" for th in table.find("thead").iter("th"))  # type: ignore[union-attr]
    assert all(r[0].tag == "th" and r[0].attrs.get("scope") == "row" for r in table_rows(table))
    legend = doc.by_id("legend-h")
    assert legend is not None
    section = legend.parent
    assert section is not None
    instruments = {r[0].text: r for r in table_rows(section.find("table"))}  # type: ignore[arg-type]
    assert set(instruments) == set(header_ids(table))
    assert instruments["ICERD"][1].text.startswith("International Convention on the Elimination")
    assert instruments["ICERD"][2].text == "Core treaty" and instruments["OPCAT"][2].text == "Optional protocol"
    assert "●" in section.text and "◐" in section.text and "○" in section.text and "×" in section.text


def test_the_records_copied_in_2013_to_2015_say_so_in_the_header_the_notice_and_the_legend(
    client: Client, record: None
) -> None:
    doc = get(client, "/en/matrix/")
    table = grid_table(doc)
    heads = {th.find("abbr").text: th for th in list(table.find("thead").iter("th"))[3:]}  # type: ignore[union-attr]
    assert "*" not in heads["ICRMW"].text
    assert heads["ICERD"].find("span", class_="vh").text == "record as of 10 July 2014"  # type: ignore[union-attr]
    assert sum("*" in th.text for th in heads.values()) == 17
    notice = doc.find("p", class_="notice")
    assert notice is not None
    assert "The records of 17 instruments are as of days between 27 January 2014 and 14 March 2015" in notice.text
    legend = {r[0].text: r[3].text for r in table_rows(doc.by_id("legend-h").parent.find("table"))}  # type: ignore[union-attr]
    assert legend["ICERD"] == "Record as of 10 July 2014" and legend["ICRMW"] == "Kept current"


def test_the_region_filter_is_a_labelled_get_form_and_keeps_the_day(client: Client, record: None) -> None:
    doc = get(client, "/fr/matrix/?as_of=2005-01-01&region=Africa")
    form = doc.find("form", class_="filter")
    assert form is not None and form.attrs["method"] == "get"
    select = form.find("select", name="region")
    assert select is not None and doc.find("label", for_=select.attrs["id"]) is not None
    assert [o.attrs["value"] for o in select.iter("option") if "selected" in o.attrs] == ["Africa"]
    assert form.find("input", name="as_of").attrs["value"] == "2005-01-01"  # type: ignore[union-attr]
    cat = store.catalogue()
    codes = {row_code(r) for r in table_rows(grid_table(doc))}
    assert codes == {s.code for s in matrix_states(cat.states, date(2005, 1, 1)) if s.region == "Africa"}
    links = {a.text: a.attrs["href"] for a in doc.iter("a") if a.text in ("CSV", "JSON")}
    assert links == {
        "CSV": "/fr/matrix.csv?as_of=2005-01-01&region=Africa",
        "JSON": "/fr/matrix.json?as_of=2005-01-01&region=Africa",
    }


@pytest.mark.parametrize("query", ["?region=Mars", "?format=xml", "?as_of=2014-13-01", "?as_of=1980-01-01"])
def test_bad_parameters_are_answered_400_in_words(client: Client, record: None, query: str) -> None:
    response = client.get("/en/matrix/" + query)
    assert response.status_code == 400
    assert "must" in parse(response.content).find("main").text  # type: ignore[union-attr]


@pytest.mark.parametrize("query", ["", "?as_of=2001-06-30&region=Europe"])
def test_csv_and_json_have_the_rows_and_positions_of_the_table(client: Client, record: None, query: str) -> None:
    table = grid_table(get(client, "/en/matrix/" + query))
    ids = header_ids(table)
    html = {row_code(r): [cell_position(td) for td in r[3:]] for r in table_rows(table)}
    response = client.get("/en/matrix.csv" + query)
    assert response["Content-Type"].startswith("text/csv") and "attachment" in response["Content-Disposition"]
    rows = list(csv.DictReader(io.StringIO(response.content.decode())))
    assert [r["code"] for r in rows] == list(html)
    assert {r["code"]: [r[i] for i in ids] for r in rows} == html
    assert rows[0]["ICERD_record_as_of"] == "2014-07-10" and rows[0]["ICRMW_record_as_of"] == ""
    data = json.loads(client.get("/en/matrix.json" + query).content)
    assert [s["code"] for s in data["states"]] == list(html)
    assert {s["code"]: [s["positions"][i]["position"] for i in ids] for s in data["states"]} == html
    assert [i["id"] for i in data["instruments"]] == ids
    assert client.get("/en/matrix/" + (query + "&" if query else "?") + "format=csv").content == response.content


def test_downloads_name_the_states_in_the_page_language(client: Client, record: None) -> None:
    data = json.loads(client.get("/zh-hans/matrix.json").content)
    names = {s["code"]: s["name"] for s in data["states"]}
    assert names["MEX"] == store.catalogue().states.get("MEX").name("zh")
    mexico = next(s for s in data["states"] if s["code"] == "MEX")
    assert mexico["positions"]["ICRMW"] == {"position": "party", "date": "2003-07-01", "uncertain": False}


@pytest.mark.parametrize("lang", LANGS)
def test_the_matrix_in_each_language_has_one_h1_labels_and_no_inline_style_or_script(
    client: Client, record: None, lang: str
) -> None:
    doc = get(client, f"/{lang}/matrix/")
    assert doc.find("html").attrs["dir"] == ("rtl" if lang == "ar" else "ltr")  # type: ignore[union-attr]
    levels = [int(el.tag[1]) for el in doc.iter() if re.fullmatch(r"h[1-6]", el.tag)]
    assert levels.count(1) == 1 and all(b <= a + 1 for a, b in itertools.pairwise(levels))
    for el in itertools.chain(doc.iter("input"), doc.iter("select")):
        if el.attrs.get("type") != "hidden":
            assert doc.find("label", for_=el.attrs["id"]) is not None, el.attrs
    assert not any(el.tag in ("script", "style") or "style" in el.attrs for el in doc.iter())
    mexico = store.catalogue().states.get("MEX").name("zh" if lang == "zh-hans" else lang)
    assert mexico in {r[0].text for r in table_rows(grid_table(doc))}


@pytest.mark.parametrize("lang", ["en", "ar", "ru"])
def test_the_full_matrix_weighs_less_than_80_kb_compressed(client: Client, record: None, lang: str) -> None:
    html = client.get(f"/{lang}/matrix/").content
    path = finders.find("portal/site.css")
    assert path is not None
    with open(path, "rb") as fh:
        css = fh.read()
    size = len(gzip.compress(html, 6)) + len(gzip.compress(css, 6))
    print(f"\nmatrix /{lang}/: HTML {len(html)} bytes, gzip HTML and CSS {size}")
    assert size < BUDGET


def test_the_matrix_is_cached_like_the_other_pages(client: Client, record: None) -> None:
    first = client.get("/en/matrix/")
    assert first["ETag"] and "max-age=300" in first["Cache-Control"]
    assert client.get("/en/matrix/", headers={"if-none-match": first["ETag"]}).status_code == 304
    second = client.get("/en/matrix/", headers={"accept-encoding": "gzip"})
    assert second["Content-Encoding"] == "gzip" and gzip.decompress(second.content) == first.content


def test_every_page_links_to_the_matrix_from_its_navigation(client: Client, record: None) -> None:
    nav = get(client, "/es/?as_of=2010-01-01").find("nav")
    assert nav is not None
    assert "/es/matrix/?as_of=2010-01-01" in [a.attrs["href"] for a in nav.iter("a")]


# ------------------------------------------------------------------------------------------------------------
# the target list


def expected_targets(n: int, day: date, region: str = "") -> set[str]:
    cat = store.catalogue()
    found = set()
    for state in matrix_states(cat.states, day):
        if region and state.region != region:
            continue
        count = sum(cat.record(i).position(state.code, day)[0] in BOUND for i in CORE_TREATIES)
        if count >= n and cat.record("ICRMW").position(state.code, day)[0] not in BOUND:
            found.add(state.code)
    return found


@pytest.mark.parametrize(("n", "as_of", "region"), [(7, "", ""), (8, "2012-01-01", ""), (5, "", "Asia"), (0, "", "")])
def test_the_target_list_is_the_states_bound_by_n_core_treaties_but_not_the_convention(
    client: Client, record: None, n: int, as_of: str, region: str
) -> None:
    day = date.fromisoformat(as_of) if as_of else store.catalogue().today
    query = "&".join(f"{k}={v}" for k, v in (("n", n), ("as_of", as_of), ("region", region)) if v != "")
    doc = get(client, f"/en/targets/?{query}")
    table = doc.find("table", class_="data")
    assert table is not None
    rows = table_rows(table)
    codes = [row_code(r) for r in rows]
    assert set(codes) == expected_targets(n, day, region)
    counts = [int(r[2].text) for r in rows]
    assert counts == sorted(counts, reverse=True) and all(c >= n for c in counts)
    data = json.loads(client.get(f"/en/targets.json?{query}").content)
    assert [s["code"] for s in data["states"]] == codes and data["n"] == n and data["count"] == len(codes)
    lines = list(csv.DictReader(io.StringIO(client.get(f"/en/targets.csv?{query}").content.decode())))
    assert [r["code"] for r in lines] == codes


def test_each_target_names_its_core_treaties_and_its_position_under_the_convention(
    client: Client, record: None
) -> None:
    rows = {row_code(r): r for r in table_rows(get(client, "/en/targets/?n=8").find("table"))}  # type: ignore[arg-type]
    armenia = rows["ARM"]
    assert armenia[3].text == "ICERD, ICCPR, ICESCR, CEDAW, CAT, CRC, CRPD, CED"
    assert armenia[4].text == "Signed on 26 September 2013; not yet bound"
    assert rows["AUT"][4].text == "No signature or consent to be bound"
    data = json.loads(client.get("/en/targets.json?n=8").content)
    arm = next(s for s in data["states"] if s["code"] == "ARM")
    assert arm["icrmw"] == {"position": "signatory", "date": "2013-09-26", "uncertain": False}
    assert arm["core_bound"] == ["ICERD", "ICCPR", "ICESCR", "CEDAW", "CAT", "CRC", "CRPD", "CED"]
    assert data["records_as_of"]["ICERD"] == "2014-07-10" and "ICRMW" not in data["records_as_of"]


@pytest.mark.parametrize("query", ["?n=9", "?n=-1", "?n=seven", "?region=Antarctica", "?format=pdf"])
def test_a_bad_target_parameter_is_answered_400(client: Client, record: None, query: str) -> None:
    assert client.get("/en/targets/" + query).status_code == 400


@pytest.mark.parametrize("lang", LANGS)
def test_the_target_list_page_in_each_language(client: Client, record: None, lang: str) -> None:
    doc = get(client, f"/{lang}/targets/")
    select = doc.find("select", name="n")
    assert select is not None and doc.find("label", for_="n") is not None
    assert [o.attrs["value"] for o in select.iter("option") if "selected" in o.attrs] == ["7"]
    assert doc.find("p", class_="notice") is not None, "the other core treaties' records are as of 2014-2015"
    assert not any(el.tag in ("script", "style") or "style" in el.attrs for el in doc.iter())


# ------------------------------------------------------------------------------------------------------------
# the API's matrix and target list (/api/v1/matrix, /api/v1/targets)


def api_get(client: Client, path: str, status: int = 200) -> dict[str, Any]:
    from treatywatch.api import caching, documents

    documents.forget()
    caching.forget_stamp()
    response = client.get("/api/v1" + path)
    assert response.status_code == status, (path, response.content[:300])
    data = response.json()
    assert isinstance(data, dict)
    return data


def test_the_api_answers_the_matrix_and_the_target_list_as_the_portals_json(client: Client, record: None) -> None:
    from treatywatch.api.matrix import MatrixOut, TargetsOut

    data = api_get(client, "/matrix?as_of=2010-01-01&lang=fr&region=Europe")
    MatrixOut.model_validate(data)
    portal = json.loads(client.get("/fr/matrix.json?as_of=2010-01-01&region=Europe").content)
    assert sorted(data["states"], key=lambda s: s["code"]) == sorted(portal["states"], key=lambda s: s["code"])
    assert data["instruments"] == portal["instruments"] and data["region"] == "Europe"
    data = api_get(client, "/targets?n=8&as_of=2014-07-10")
    TargetsOut.model_validate(data)
    assert {s["code"] for s in data["states"]} == expected_targets(8, date(2014, 7, 10))


@pytest.mark.parametrize(
    ("path", "parameter"), [("/matrix?region=Mars", "region"), ("/targets?n=9", "n"), ("/matrix?colour=red", "colour")]
)
def test_the_api_names_a_bad_parameter(client: Client, record: None, path: str, parameter: str) -> None:
    assert api_get(client, path, 400)["parameter"] == parameter
