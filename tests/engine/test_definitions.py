"""Treaty definitions as data: the ICRMW definition file, defaults, and every way a definition can be malformed."""

from __future__ import annotations

import copy
from datetime import date

import pytest

from treatywatch.catalogue import data_dir, read_treaty
from treatywatch.engine import (
    CONSENT_KINDS,
    LANGUAGES,
    ActionKind,
    Alignment,
    DefinitionError,
    EnlargementTrigger,
    LaterStates,
    Period,
    Rule,
    Treaty,
)

# -------------------------------------------------------------------------------------------------------------
# the shipped ICRMW definition


@pytest.fixture(scope="module")
def icrmw_definition() -> Treaty:
    return read_treaty(data_dir() / "treaties" / "ICRMW.toml")


def test_the_icrmw_definition_carries_article_87_as_rule_parameters(icrmw_definition):
    eif = icrmw_definition.entry_into_force
    assert eif.article == "87"
    assert eif.threshold == 20
    assert eif.counts == frozenset({ActionKind.RATIFICATION, ActionKind.ACCESSION})
    assert eif.rule == Rule(Period(3, "months"), Alignment.FIRST_DAY_OF_FOLLOWING_MONTH)
    assert eif.later_states is LaterStates.AFTER_ENTRY_INTO_FORCE
    assert eif.later_rule == eif.rule
    assert "twentieth instrument" in eif.wording


def test_the_icrmw_definition_carries_articles_72_73_76_77_and_89(icrmw_definition):
    t = icrmw_definition
    assert t.id == "ICRMW"
    assert t.untc == "IV-13"
    assert t.adopted == date(1990, 12, 18)
    assert t.opened == date(1990, 12, 18)
    assert t.parent is None
    assert t.denunciation is not None
    assert t.denunciation.article == "89"
    assert t.denunciation.not_before == Period(5, "years")
    assert t.denunciation.rule == Rule(Period(12, "months"), Alignment.FIRST_DAY_OF_FOLLOWING_MONTH)
    assert t.committee is not None
    assert t.committee.initial_size == 10
    assert [(e.size, e.n, e.trigger) for e in t.committee.enlargements] == [
        (14, 41, EnlargementTrigger.ENTRY_INTO_FORCE_FOR_NTH_PARTY)
    ]
    assert t.reporting is not None
    assert (t.reporting.initial, t.reporting.periodic) == (Period(1, "years"), Period(5, "years"))
    assert [(p.id, p.article, p.threshold) for p in t.procedures] == [("art76", "76", 10), ("art77", "77", 10)]


def test_the_icrmw_definition_has_a_title_in_each_of_the_six_languages(icrmw_definition):
    assert set(icrmw_definition.titles) == set(LANGUAGES)
    assert icrmw_definition.title("fr").startswith("Convention internationale")
    assert icrmw_definition.title("en").startswith("International Convention")


def test_a_procedure_is_found_by_its_id_or_its_article(icrmw_definition):
    assert icrmw_definition.procedure("art77") is icrmw_definition.procedure("77")
    assert icrmw_definition.procedure("art99") is None


# -------------------------------------------------------------------------------------------------------------
# defaults


def test_a_definition_without_alignment_uses_the_same_day_and_the_treatys_own_date_for_early_states(make_treaty):
    eif = make_treaty().entry_into_force
    assert eif.rule == Rule(Period(30, "days"), Alignment.SAME_DAY)
    assert eif.later_rule == eif.rule
    assert eif.later_states is LaterStates.AFTER_ENTRY_INTO_FORCE


def test_a_definition_may_give_later_states_their_own_rule(treaty_mapping):
    data = treaty_mapping()
    data["entry_into_force"].update(later_delay="2 months", later_align="first_day_of_following_month")
    eif = Treaty.from_mapping(data).entry_into_force
    assert eif.later_rule == Rule(Period(2, "months"), Alignment.FIRST_DAY_OF_FOLLOWING_MONTH)
    assert eif.rule == Rule(Period(30, "days"), Alignment.SAME_DAY)


def test_dates_may_be_given_as_toml_dates_or_iso_strings(treaty_mapping):
    t = Treaty.from_mapping(treaty_mapping(adopted=date(1966, 1, 1), opened="1966-02-01"))
    assert (t.adopted, t.opened) == (date(1966, 1, 1), date(1966, 2, 1))


def test_committee_enlargements_are_kept_in_order_of_their_trigger_count(treaty_mapping):
    data = treaty_mapping(
        committee={
            "article": "8",
            "name": "Committee",
            "initial_size": 10,
            "enlargements": [
                {"size": 25, "n": 80, "trigger": "nth_consent"},
                {"size": 18, "n": 60, "trigger": "nth_consent"},
            ],
        }
    )
    committee = Treaty.from_mapping(data).committee
    assert committee is not None
    assert [e.n for e in committee.enlargements] == [60, 80]


def test_an_action_kind_parses_from_words_with_spaces_or_hyphens():
    assert ActionKind.parse("Formal confirmation") is ActionKind.FORMAL_CONFIRMATION
    assert ActionKind.parse("succession-to-signature") is ActionKind.SUCCESSION_TO_SIGNATURE
    assert ActionKind.parse(" ACCESSION ") is ActionKind.ACCESSION


def test_an_unknown_action_kind_is_rejected_naming_it():
    with pytest.raises(ValueError, match="unknown kind 'ratifcation'"):
        ActionKind.parse("ratifcation")


def test_only_instruments_are_consents_to_be_bound():
    assert ActionKind.RATIFICATION.is_consent
    assert ActionKind.SUCCESSION.is_consent
    assert not ActionKind.SIGNATURE.is_consent
    assert not ActionKind.DECLARATION.is_consent
    assert not ActionKind.DENUNCIATION.is_consent
    assert len(CONSENT_KINDS) == 6


def test_un_table_marks_follow_the_depositarys_convention():
    assert ActionKind.ACCESSION.table_mark == "a"
    assert ActionKind.SUCCESSION.table_mark == "d"
    assert ActionKind.RATIFICATION.table_mark == ""


def test_on_one_day_a_signature_sorts_before_an_instrument_and_an_instrument_before_a_declaration():
    assert ActionKind.SIGNATURE.order < ActionKind.RATIFICATION.order < ActionKind.DECLARATION.order


# -------------------------------------------------------------------------------------------------------------
# malformed definitions: each error names the definition and the key


def _with(data, path, value):
    """A copy of ``data`` with the dotted ``path`` set to ``value``, or removed when ``value`` is ``...``."""
    data = copy.deepcopy(data)
    node = data
    keys = path.split(".")
    for key in keys[:-1]:
        node = node[int(key)] if isinstance(node, list) else node[key]
    if value is ...:
        del node[keys[-1]]
    else:
        node[keys[-1]] = value
    return data


def _committee():
    return {
        "article": "72",
        "name": "Committee",
        "initial_size": 10,
        "enlargements": [{"size": 14, "n": 41, "trigger": "entry_into_force_for_nth_party"}],
    }


@pytest.mark.parametrize(
    ("path", "value", "names"),
    [
        ("entry_into_forse", {}, "entry_into_forse"),
        ("entry_into_force.treshold", 20, "entry_into_force.treshold"),
        ("denunciation", {"article": "89", "delay": "12 months", "notbefore": "5 years"}, "denunciation.notbefore"),
        ("reporting", {"article": "73", "initial": "1 year", "periodic": "5 years", "every": "2 years"}, "every"),
        ("procedures", [{"id": "a", "article": "77", "title": "t", "threshold": 10, "x": 1}], "procedures[0].x"),
        ("titles.de", "Testvertrag", "titles.de"),
    ],
)
def test_an_unknown_key_is_rejected_naming_the_key(treaty_mapping, path, value, names):
    with pytest.raises(DefinitionError, match="unknown key") as info:
        Treaty.from_mapping(_with(treaty_mapping(), path, value), where="TEST.toml")
    assert names in str(info.value)
    assert str(info.value).startswith("TEST.toml: ")


def test_an_unknown_key_in_a_committee_enlargement_is_rejected_naming_it(treaty_mapping):
    committee = _committee()
    committee["enlargements"][0]["when"] = "later"
    with pytest.raises(DefinitionError, match=r"committee\.enlargements\[0\]\.when: unknown key"):
        Treaty.from_mapping(treaty_mapping(committee=committee))


@pytest.mark.parametrize(
    ("path", "names"),
    [
        ("id", "id"),
        ("opened", "opened"),
        ("titles", "titles"),
        ("entry_into_force", "entry_into_force"),
        ("entry_into_force.threshold", "entry_into_force.threshold"),
        ("entry_into_force.counts", "entry_into_force.counts"),
        ("entry_into_force.delay", "entry_into_force.delay"),
    ],
)
def test_a_missing_key_is_rejected_naming_the_key(treaty_mapping, path, names):
    with pytest.raises(DefinitionError, match="required key missing") as info:
        Treaty.from_mapping(_with(treaty_mapping(), path, ...))
    assert f": {names}: " in str(info.value)


def test_a_missing_key_of_the_committee_is_rejected_naming_it(treaty_mapping):
    committee = _committee()
    del committee["initial_size"]
    with pytest.raises(DefinitionError, match=r"committee\.initial_size: required key missing"):
        Treaty.from_mapping(treaty_mapping(committee=committee))


@pytest.mark.parametrize("lang", LANGUAGES)
def test_a_title_missing_a_language_is_rejected_naming_the_language(treaty_mapping, lang):
    data = treaty_mapping()
    del data["titles"][lang]
    with pytest.raises(DefinitionError, match=rf"titles\.{lang}: required key missing"):
        Treaty.from_mapping(data)


def test_an_empty_title_is_rejected_naming_the_language(treaty_mapping):
    data = treaty_mapping()
    data["titles"]["ru"] = "  "
    with pytest.raises(DefinitionError, match=r"titles\.ru: must be a non-empty string"):
        Treaty.from_mapping(data)


@pytest.mark.parametrize("period", ["three months", "3 fortnights", "3", 3, ""])
def test_a_bad_period_is_rejected_naming_the_key(treaty_mapping, period):
    with pytest.raises(DefinitionError, match=r"entry_into_force\.delay: "):
        Treaty.from_mapping(_with(treaty_mapping(), "entry_into_force.delay", period))


@pytest.mark.parametrize(
    ("section", "key", "value"),
    [
        ("denunciation", "not_before", "5 yrs"),
        ("reporting", "initial", "one year"),
        ("reporting", "periodic", "5 decades"),
    ],
)
def test_a_bad_period_in_another_clause_is_rejected_naming_the_key(treaty_mapping, section, key, value):
    sections = {
        "denunciation": {"article": "89", "delay": "12 months", "not_before": "5 years"},
        "reporting": {"article": "73", "initial": "1 year", "periodic": "5 years"},
    }
    data = treaty_mapping(**{section: {**sections[section], key: value}})
    with pytest.raises(DefinitionError, match=rf"{section}\.{key}: "):
        Treaty.from_mapping(data)


@pytest.mark.parametrize(
    ("path", "value"),
    [
        ("entry_into_force.align", "last_day_of_month"),
        ("entry_into_force.later_align", "first_day"),
        ("entry_into_force.later_states", "after_signature"),
    ],
)
def test_a_bad_alignment_or_later_state_clock_is_rejected_listing_the_allowed_values(treaty_mapping, path, value):
    with pytest.raises(DefinitionError) as info:
        Treaty.from_mapping(_with(treaty_mapping(), path, value))
    message = str(info.value)
    assert f"{path}: {value!r} is not one of:" in message
    assert "same_day" in message or "after_entry_into_force" in message


def test_a_bad_alignment_of_the_denunciation_clause_is_rejected(treaty_mapping):
    data = treaty_mapping(denunciation={"article": "89", "delay": "12 months", "align": "end_of_month"})
    with pytest.raises(DefinitionError, match=r"denunciation\.align: 'end_of_month' is not one of"):
        Treaty.from_mapping(data)


def test_a_bad_committee_enlargement_trigger_is_rejected(treaty_mapping):
    committee = _committee()
    committee["enlargements"][0]["trigger"] = "nth_signature"
    with pytest.raises(DefinitionError, match=r"committee\.enlargements\[0\]\.trigger: 'nth_signature'"):
        Treaty.from_mapping(treaty_mapping(committee=committee))


@pytest.mark.parametrize("threshold", [0, -1, True, "20", 2.5])
def test_a_threshold_must_be_a_positive_integer(treaty_mapping, threshold):
    with pytest.raises(DefinitionError, match=r"entry_into_force\.threshold: must be a positive integer"):
        Treaty.from_mapping(_with(treaty_mapping(), "entry_into_force.threshold", threshold))


def test_a_count_that_is_not_a_consent_to_be_bound_is_rejected(treaty_mapping):
    data = _with(treaty_mapping(), "entry_into_force.counts", ["ratification", "signature"])
    with pytest.raises(DefinitionError, match=r"entry_into_force\.counts: signature is not a consent to be bound"):
        Treaty.from_mapping(data)


@pytest.mark.parametrize("counts", [[], "ratification", ["ratifications"]])
def test_counts_must_be_a_non_empty_list_of_known_kinds(treaty_mapping, counts):
    with pytest.raises(DefinitionError, match=r"entry_into_force\.counts: "):
        Treaty.from_mapping(_with(treaty_mapping(), "entry_into_force.counts", counts))


@pytest.mark.parametrize("value", ["18 December 1990", "1990-13-01", 1990])
def test_a_bad_date_in_a_definition_is_rejected_naming_the_key(treaty_mapping, value):
    with pytest.raises(DefinitionError, match="adopted: must be a date YYYY-MM-DD"):
        Treaty.from_mapping(treaty_mapping(adopted=value))


def test_a_treaty_cannot_open_for_signature_before_its_adoption(treaty_mapping):
    with pytest.raises(DefinitionError, match="opened: precedes the adoption date"):
        Treaty.from_mapping(treaty_mapping(adopted="1990-12-18", opened="1990-12-17"))


def test_two_procedures_may_not_share_an_id(treaty_mapping):
    procedure = {"id": "art77", "article": "77", "title": "Individual communications", "threshold": 10}
    with pytest.raises(DefinitionError, match="procedures: two procedures share an id"):
        Treaty.from_mapping(treaty_mapping(procedures=[procedure, dict(procedure, article="76")]))


def test_a_parent_must_be_a_treaty_identifier(treaty_mapping):
    with pytest.raises(DefinitionError, match="parent: must be a treaty identifier"):
        Treaty.from_mapping(treaty_mapping(parent=["ICCPR"]))


def test_a_section_that_is_not_a_table_is_rejected(treaty_mapping):
    with pytest.raises(DefinitionError, match="denunciation: must be a table"):
        Treaty.from_mapping(treaty_mapping(denunciation="art. 89"))


# -------------------------------------------------------------------------------------------------------------
# definition files


def test_a_definition_file_that_is_not_toml_is_rejected_naming_the_file(tmp_path):
    path = tmp_path / "BROKEN.toml"
    path.write_text('id = "BROKEN"\n[titles\n', encoding="utf-8")
    with pytest.raises(DefinitionError, match=r"^BROKEN\.toml: not valid TOML"):
        read_treaty(path)


def test_a_definition_file_whose_id_differs_from_its_name_is_rejected(tmp_path):
    source = (data_dir() / "treaties" / "ICRMW.toml").read_text(encoding="utf-8")
    path = tmp_path / "CMW.toml"
    path.write_text(source, encoding="utf-8")
    with pytest.raises(DefinitionError, match=r"^CMW\.toml: id: 'ICRMW' does not match the file name"):
        read_treaty(path)


def test_an_unknown_key_in_a_definition_file_is_named_with_the_file(tmp_path):
    source = (data_dir() / "treaties" / "ICRMW.toml").read_text(encoding="utf-8")
    path = tmp_path / "ICRMW.toml"
    path.write_text(source.replace("initial_size = 10", "initial_size = 10\nsize = 10"), encoding="utf-8")
    with pytest.raises(DefinitionError, match=r"^ICRMW\.toml: committee\.size: unknown key"):
        read_treaty(path)
