"""The report's content, computed from the engine: figures, paragraphs, annex, notes, languages, ledger digest.

No database: the shipped catalogue (``icrmw`` from tests/conftest.py) is the record.
"""

from __future__ import annotations

import ast
from datetime import date
from pathlib import Path

import pytest

from treatywatch.engine import LANGUAGES, Action, ActionKind, PartialDate, TreatyRecord
from treatywatch.reports.content import (
    Note,
    Resolution,
    build_report,
    content_from_dict,
    content_to_dict,
    ledger_digest,
)
from treatywatch.reports.formatting import collation_key, format_day
from treatywatch.reports.ordinals import session_heading, session_in_text
from treatywatch.reports.phrases import PHRASES
from treatywatch.reports.text import Speaker

from .conftest import AFTER, BEFORE

PACKAGE = Path(__file__).resolve().parents[2] / "src" / "treatywatch" / "reports"


def test_the_figures_are_the_engines_before_entry_into_force(icrmw: TreatyRecord) -> None:
    status = icrmw.status(BEFORE)
    content = build_report(icrmw, BEFORE, "en", session=55)
    f = content.figures
    assert not status.in_force
    assert (f["signatories"], f["contracting_states"], f["instruments_needed"]) == (
        status.signatories,
        status.contracting_states,
        status.instruments_needed,
    )
    say = Speaker("en")
    text = content.paragraphs[1].text
    assert say("signed", n=status.signatories) in text
    assert say("bound", n=status.contracting_states) in text
    assert say("needed", n=status.instruments_needed) in text
    assert f["in_force"] is False and f["entry_into_force"] is None


def test_the_figures_are_the_engines_after_entry_into_force(icrmw: TreatyRecord) -> None:
    status = icrmw.status(AFTER)
    assert status.in_force and status.entry_into_force is not None
    content = build_report(icrmw, AFTER, "en", session=79)
    text = content.paragraphs[1].text
    assert f"entered into force on {format_day(status.entry_into_force.earliest, 'en')}" in text
    assert f"it was in force for {status.parties_in_force} States" in text
    assert content.figures["parties_in_force"] == status.parties_in_force


def test_the_annex_lists_every_state_that_signed_or_consented_by_the_day(icrmw: TreatyRecord) -> None:
    for day in (BEFORE, AFTER):
        content = build_report(icrmw, day, "en", session=55)
        expected = {p.state for p in icrmw.participants(day) if p.signature or p.consent}
        assert {row.code for row in content.annex.rows} == expected
        marks = {row.consent.mark for row in content.annex.rows if row.consent}
        assert marks <= {"", "a", "d", "A", "AA", "c"}
        assert ("a", "Accession.") in content.annex.legend


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_annex_is_sorted_by_the_states_name_in_the_reports_language(icrmw: TreatyRecord, lang: str) -> None:
    content = build_report(icrmw, AFTER, lang, session=55)
    names = [row.state for row in content.annex.rows]
    assert names == sorted(names, key=collation_key(lang))
    assert names[0] == icrmw.states.get(content.annex.rows[0].code).name(lang)


def test_arabic_sorting_ignores_the_article_and_hamza_as_un_lists_do() -> None:
    key = collation_key("ar")
    assert sorted(["ألبانيا", "الأرجنتين", "أذربيجان"], key=key) == ["أذربيجان", "الأرجنتين", "ألبانيا"]


def test_a_date_known_only_to_the_year_gets_a_footnote(icrmw: TreatyRecord) -> None:
    content = build_report(icrmw, AFTER, "en", session=55)
    togo = next(row for row in content.annex.rows if row.code == "TGO")
    assert togo.consent is not None and togo.consent.text == "2020"
    assert togo.consent.note == Note("Year of deposit only; exact date not recorded.")


def test_an_undated_declaration_is_footnoted_and_not_counted(icrmw: TreatyRecord) -> None:
    content = build_report(icrmw, BEFORE, "en", session=55)
    art77 = content.figures["procedures"]["77"]
    assert art77["declarations"] == 0 and art77["undated"] == ["MEX"]
    notes = [n.text for n in content.notes()]
    assert any(n.startswith("The date of the declaration is not recorded") for n in notes)


def test_an_instrument_that_may_postdate_the_day_is_not_counted_and_says_so(icrmw: TreatyRecord) -> None:
    day = date(2017, 6, 1)  # Sao Tome and Principe: "2017"
    status = icrmw.status(day)
    assert status.contracting_states_uncertain >= 1
    content = build_report(icrmw, day, "en", session=72)
    notes = [n.text for n in content.paragraphs[1].segments if isinstance(n, Note)]
    assert any(n.startswith("Not counted: ") and "Sao Tome and Principe" in n for n in notes)


def test_staff_paragraphs_are_numbered_after_the_computed_ones(icrmw: TreatyRecord) -> None:
    content = build_report(icrmw, BEFORE, "en", session=55, narrative=["First.", "  ", "Second."])
    computed = [p for p in content.paragraphs if p.source == "computed"]
    narrative = [p for p in content.paragraphs if p.source == "narrative"]
    assert [p.number for p in content.paragraphs] == list(range(1, len(content.paragraphs) + 1))
    assert [p.text for p in narrative] == ["First.", "Second."]
    assert narrative[0].number == len(computed) + 1


def test_the_requesting_resolution_defaults_to_54_158_for_the_fifty_fifth_session(icrmw: TreatyRecord) -> None:
    intro = build_report(icrmw, BEFORE, "en", session=55).paragraphs[0].text
    assert "In paragraph 7 of its resolution 54/158 of 17 December 1999" in intro
    assert "at its fifty-fifth session" in intro
    other = build_report(icrmw, AFTER, "en", session=79).paragraphs[0].text
    assert "[to be specified]" in other
    given = Resolution("78/999", date(2023, 12, 19), 12)
    assert "resolution 78/999 of 19 December 2023" in build_report(icrmw, AFTER, "en", session=79, requesting=given)\
        .paragraphs[0].text  # fmt: skip


def test_the_symbol_and_agenda_item_are_placeholders_until_given(icrmw: TreatyRecord) -> None:
    m = build_report(icrmw, BEFORE, "en", session=55).masthead
    assert m.symbol == "A/55/[symbol to be assigned]" and m.symbol_placeholder
    assert m.agenda == "Item [number to be assigned] of the provisional agenda" and m.agenda_placeholder
    m = build_report(icrmw, BEFORE, "en", session=55, symbol="A/55/205", agenda_item="114 (b)").masthead
    assert (m.symbol, m.agenda, m.symbol_placeholder) == ("A/55/205", "Item 114 (b) of the provisional agenda", False)


@pytest.mark.parametrize(
    ("lang", "heading", "subtitle", "distr"),
    [
        ("en", "Fifty-fifth session", "Report of the Secretary-General", "Distr.: General"),
        ("fr", "Cinquante-cinquième session", "Rapport du Secrétaire général", "Distr. générale"),
        ("es", "Quincuagésimo quinto período de sesiones", "Informe del Secretario General", "Distr. general"),
        ("ru", "Пятьдесят пятая сессия", "Доклад Генерального секретаря", "Distr.: General"),
        ("zh", "第五十五届会议", "秘书长的报告", "Distr.: General"),
        ("ar", "الدورة الخامسة والخمسون", "تقرير الأمين العام", "Distr.: General"),
    ],
)
def test_each_language_uses_the_uns_wording(
    icrmw: TreatyRecord, lang: str, heading: str, subtitle: str, distr: str
) -> None:
    content = build_report(icrmw, BEFORE, lang, session=55)
    m = content.masthead
    assert (m.session, m.subtitle, m.distribution) == (heading, subtitle, distr)
    assert content.direction == ("rtl" if lang == "ar" else "ltr")


def test_session_ordinals_in_words() -> None:
    assert session_heading(71, "fr") == "Soixante et onzième session"
    assert session_heading(81, "fr") == "Quatre-vingt-unième session"
    assert session_heading(53, "es") == "Quincuagésimo tercer período de sesiones"
    assert session_in_text(55, "ru") == "пятьдесят пятой сессии"
    assert session_in_text(53, "ru") == "пятьдесят третьей сессии"
    assert session_in_text(55, "ar") == "دورتها الخامسة والخمسين"
    assert session_heading(11, "ar") == "الدورة الحادية عشرة"
    assert session_heading(20, "zh") == "第二十届会议"
    with pytest.raises(ValueError, match="from 1 to 99"):
        session_heading(100, "en")


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "1 July 2000"),
        ("fr", "1er juillet 2000"),
        ("es", "1 de julio de 2000"),
        ("ru", "1 июля 2000 года"),
        ("zh", "2000年7月1日"),
        ("ar", "1 تموز/يوليه 2000"),
    ],
)
def test_dates_are_written_as_un_documents_write_them(lang: str, text: str) -> None:
    assert format_day(BEFORE, lang) == text


def test_every_language_has_every_phrase_with_the_same_fields() -> None:
    import string

    def fields(value: object) -> set[str]:
        texts = value.values() if isinstance(value, dict) else [value]
        return {name for t in texts for _, name, _, _ in string.Formatter().parse(str(t)) if name}

    english = PHRASES["en"]
    for lang in LANGUAGES:
        assert set(PHRASES[lang]) == set(english), lang
        for key, value in PHRASES[lang].items():
            assert fields(value) - {"n"} == fields(english[key]) - {"n"}, (lang, key)


def test_unknown_language_and_bad_session_are_refused(icrmw: TreatyRecord) -> None:
    with pytest.raises(ValueError, match="unknown language 'de'"):
        build_report(icrmw, BEFORE, "de", session=55)
    with pytest.raises(ValueError, match="positive integer"):
        build_report(icrmw, BEFORE, "en", session=0)


def test_content_survives_its_json_form(icrmw: TreatyRecord) -> None:
    content = build_report(icrmw, AFTER, "ar", session=79, narrative=["نص."])
    assert content_from_dict(content_to_dict(content)) == content


def test_the_ledger_digest_covers_the_actions_known_by_the_day(icrmw: TreatyRecord) -> None:
    digest = ledger_digest(icrmw, BEFORE)
    assert digest == ledger_digest(icrmw, BEFORE) and len(digest) == 64
    shuffled = TreatyRecord(icrmw.treaty, list(reversed(icrmw.actions)), icrmw.states, date(2030, 1, 1))
    assert ledger_digest(shuffled, BEFORE) == digest
    late = Action("ICRMW", "DEU", ActionKind.SIGNATURE, PartialDate.parse("2029-01-01"))
    assert ledger_digest(_with(icrmw, late), BEFORE) == digest
    early = Action("ICRMW", "DEU", ActionKind.SIGNATURE, PartialDate.parse("1999-01-01"))
    assert ledger_digest(_with(icrmw, early), BEFORE) != digest
    assert ledger_digest(icrmw, AFTER) != digest


def _with(record: TreatyRecord, action: Action) -> TreatyRecord:
    return TreatyRecord(record.treaty, [*record.actions, action], record.states, date(2030, 1, 1))


def test_the_content_layer_imports_no_django() -> None:
    pure = [
        "content.py",
        "model.py",
        "annex.py",
        "paragraphs.py",
        "text.py",
        "formatting.py",
        "ordinals.py",
        "options.py",
    ]
    pure += [f"phrases/{p.name}" for p in (PACKAGE / "phrases").glob("*.py")]
    for name in pure:
        tree = ast.parse((PACKAGE / name).read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom | ast.Import):
                modules = [node.module or ""] if isinstance(node, ast.ImportFrom) else [a.name for a in node.names]
                assert not any(m.split(".")[0] == "django" for m in modules), name
