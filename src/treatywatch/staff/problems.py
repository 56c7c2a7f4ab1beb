"""The engine's problems in the staff member's language.

The engine is pure Python without Django, and words what is wrong with a record in English ("date '2025-02-30'
has day 30; 2025-02 has 28 days"). Staff screens show those messages through ``message_text``: it recognises each
wording the engine, the ledger reader and the recording and import code produce, takes its parts (dates, States,
kinds, articles) and says it again through gettext, with dates, kinds and State names in the page language. The
engine is left as it is: a wording this module does not know is shown unchanged, in English, rather than lost
(``tests/staff/test_problems.py`` holds one example of every known wording).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date

from django.utils.functional import Promise
from django.utils.translation import gettext, ngettext, pgettext, pgettext_lazy

from treatywatch.engine import (
    ActionKind,
    DateError,
    PartialDate,
    Period,
    RecordProblem,
    Span,
    StateRegistry,
    UnknownState,
)
from treatywatch.portal.formatting import list_text, partial_text, span_text, state_name
from treatywatch.portal.labels import kind_label, period_text

__all__ = ["FIELD_LABELS", "field_label", "message_text", "problem_text", "where_text"]

FIELD_LABELS: dict[str, Promise] = {
    "treaty": pgettext_lazy("ledger column", "Treaty"),
    "state": pgettext_lazy("ledger column", "State"),
    "kind": pgettext_lazy("ledger column", "Action"),
    "date": pgettext_lazy("ledger column", "Date"),
    "article": pgettext_lazy("ledger column", "Article"),
    "target": pgettext_lazy("ledger column", "State objected to"),
    "reference": pgettext_lazy("ledger column", "Depositary notification"),
    "text": pgettext_lazy("ledger column", "Text"),
    "note": pgettext_lazy("ledger column", "Note"),
    "source": pgettext_lazy("ledger column", "Source"),
    "effective": pgettext_lazy("ledger column", "Date of effect"),
    "line": pgettext_lazy("ledger column", "Line"),
    "header": pgettext_lazy("ledger column", "Header"),
}
"""The columns of a ledger (and the fields of the recording form) that problems name, in words."""

_ISO_DAY = r"\d{4}-\d{2}-\d{2}"
_Q = r"""['"]"""  # the engine quotes values with repr(): 'x', or "x" when x holds a quote


def field_label(name: str) -> str:
    label = FIELD_LABELS.get(name)
    return str(label) if label is not None else name


def where_text(where: str) -> str:
    """Where a problem is: this form, an entry of the stored record ("action 42"), or a file's line."""
    if where == "this form":
        return gettext("this form")
    found = re.fullmatch(r"action (\d+)", where)
    if found:
        return gettext("entry %(number)s of the record") % {"number": found.group(1)}
    found = re.fullmatch(r"(.+):(\d+)", where)
    if found:
        return gettext("%(file)s, line %(line)s") % {"file": found.group(1), "line": found.group(2)}
    return where


class _Words:
    """The parts of a message in the page language; ``states`` turns the English names and codes the engine
    writes into the names in the page language."""

    def __init__(self, states: StateRegistry | None) -> None:
        self.states = states

    def state(self, name_or_code: str) -> str:
        if self.states is None:
            return name_or_code
        try:
            return state_name(self.states.get(name_or_code))
        except UnknownState:
            return name_or_code

    @staticmethod
    def date(text: str) -> str:
        """A record date ("2016", "2025-01-15", "../2014-10-26") or an ISO day or interval, in words."""
        try:
            if re.fullmatch(f"{_ISO_DAY}/{_ISO_DAY}", text):
                start, end = text.split("/")
                return span_text(Span(date.fromisoformat(start), date.fromisoformat(end)))
            return partial_text(PartialDate.parse(text))
        except (DateError, ValueError):
            return text

    @staticmethod
    def kind(code: str) -> str:
        try:
            return kind_label(ActionKind.parse(code))
        except ValueError:
            return code

    @staticmethod
    def period(text: str) -> str:
        try:
            return period_text(Period.parse(text))
        except ValueError:
            return text


_Render = Callable[[dict[str, str], _Words], str]
_PATTERNS: list[tuple[re.Pattern[str], _Render]] = []


def _wording(pattern: str) -> Callable[[_Render], _Render]:
    """Registers how to say one engine wording (a regular expression matched against the whole message)."""

    def register(render: _Render) -> _Render:
        _PATTERNS.append((re.compile(pattern, re.DOTALL), render))
        return render

    return register


# engine/dates.py: PartialDate.parse


@_wording(rf"date {_Q}(?P<date>.*){_Q} is not YYYY, YYYY-MM, YYYY-MM-DD or an interval such as \.\./2014-10-26")
def _date_form(m: dict[str, str], w: _Words) -> str:
    return gettext(
        "The date “%(date)s” is not in the form YYYY-MM-DD, YYYY-MM or YYYY, nor an interval such as ../2014-10-26."
    ) % {"date": m["date"]}


@_wording(rf"date {_Q}(?P<date>.*){_Q} has month (?P<month>\d+); months run 01 to 12")
def _date_month(m: dict[str, str], w: _Words) -> str:
    return gettext("The date “%(date)s” has month %(month)s: months run from 01 to 12.") % m


@_wording(rf"date {_Q}(?P<date>.*){_Q} has day (?P<day>\d+); (?P<month>\d{{4}}-\d{{2}}) has (?P<days>\d+) days")
def _date_day(m: dict[str, str], w: _Words) -> str:
    return (
        ngettext(
            "The date “%(date)s” has day %(day)s, but %(month)s has %(days)s day.",
            "The date “%(date)s” has day %(day)s, but %(month)s has %(days)s days.",
            int(m["days"]),
        )
        % m
    )


@_wording(rf"interval {_Q}(?P<date>.*){_Q} ends before it starts")
def _interval(m: dict[str, str], w: _Words) -> str:
    return gettext("The interval “%(date)s” ends before it starts.") % m


# engine/kinds.py, engine/errors.py: unknown kinds, treaties and States


@_wording(rf"unknown kind {_Q}(?P<kind>.*){_Q} \(known: (?P<known>.*)\)")
def _unknown_kind(m: dict[str, str], w: _Words) -> str:
    return gettext("“%(kind)s” is not a kind of action. Write one of: %(known)s.") % {
        "kind": m["kind"],
        "known": list_text(m["known"].split(", "), style="or"),
    }


@_wording(rf"unknown treaty {_Q}(?P<treaty>.*?){_Q}(?: \(known: (?P<known>.*)\))?")
def _unknown_treaty(m: dict[str, str], w: _Words) -> str:
    if m.get("known"):
        return gettext("No treaty has the identifier “%(treaty)s”. The treaties held are: %(known)s.") % {
            "treaty": m["treaty"],
            "known": list_text(m["known"].split(", ")),
        }
    return gettext("No treaty has the identifier “%(treaty)s”.") % m


@_wording(rf"no definition for treaty {_Q}(?P<treaty>.*){_Q}")
def _no_definition(m: dict[str, str], w: _Words) -> str:
    return gettext("No treaty has the identifier “%(treaty)s”.") % m


@_wording(rf"unknown State code {_Q}(?P<code>.*){_Q}")
def _unknown_state(m: dict[str, str], w: _Words) -> str:
    return gettext("No State has the code “%(code)s”.") % m


# engine/ledger.py: check_structure


@_wording(rf"{_Q}(?P<given>.*){_Q} is not {_Q}(?P<treaty>.*){_Q}")
def _other_treaty(m: dict[str, str], w: _Words) -> str:
    return gettext("This entry is for the treaty “%(given)s”, not “%(treaty)s”.") % m


@_wording(rf"(?P<date>\S+) is before the treaty was opened for signature \((?P<opened>{_ISO_DAY})\)")
def _before_opening(m: dict[str, str], w: _Words) -> str:
    return gettext("The date %(date)s is before the treaty was opened for signature (%(opened)s).") % {
        "date": w.date(m["date"]),
        "opened": w.date(m["opened"]),
    }


@_wording(rf"(?P<date>\S+) is in the future \(today is (?P<today>{_ISO_DAY})\)")
def _future(m: dict[str, str], w: _Words) -> str:
    return gettext("The date %(date)s is in the future (today is %(today)s).") % {
        "date": w.date(m["date"]),
        "today": w.date(m["today"]),
    }


@_wording(rf"(?P<date>\S+) is after (?P<state>.+) ceased to exist \((?P<ended>{_ISO_DAY})\)")
def _after_end(m: dict[str, str], w: _Words) -> str:
    return gettext("The date %(date)s is after the State %(state)s ceased to exist (%(ended)s).") % {
        "date": w.date(m["date"]),
        "state": w.state(m["state"]),
        "ended": w.date(m["ended"]),
    }


@_wording(rf"an objection must name the State objected to; got {_Q}(?P<target>.*){_Q}")
def _objection_target(m: dict[str, str], w: _Words) -> str:
    if not m["target"]:
        return gettext("An objection must name the State objected to, by its ISO code.")
    return gettext("An objection must name the State objected to, by its ISO code; “%(target)s” is not one.") % m


@_wording(r"a withdrawal needs its date")
def _withdrawal_date(m: dict[str, str], w: _Words) -> str:
    return gettext("A withdrawal needs its date: the record cannot leave it undated.")


@_wording(r"duplicates (?P<where>.+)")
def _duplicate(m: dict[str, str], w: _Words) -> str:
    return gettext("The same entry is already in the record (%(where)s).") % {"where": where_text(m["where"])}


# engine/record.py: the rules of the final clauses


@_wording(
    r"(?P<state>.+) already gave its consent \((?P<kind>\w+) of (?P<date>\S+)\); consent twice without a "
    r"denunciation(?: taking effect on (?P<effect>\S+))? in between"
)
def _consent_twice(m: dict[str, str], w: _Words) -> str:
    values = {"state": w.state(m["state"]), "kind": w.kind(m["kind"]), "date": w.date(m["date"])}
    if m.get("effect"):
        return gettext(
            "%(state)s already gave its consent (%(kind)s, %(date)s), and its denunciation takes effect only on "
            "%(effect)s: it cannot consent again before then."
        ) % {**values, "effect": w.date(m["effect"])}
    return (
        gettext(
            "%(state)s already gave its consent (%(kind)s, %(date)s): it cannot consent again without denouncing the "
            "treaty first."
        )
        % values
    )


@_wording(r"denunciation by (?P<state>.+), which is not a party")
def _denounce_not_party(m: dict[str, str], w: _Words) -> str:
    return gettext("%(state)s is not a party: there is nothing for it to denounce.") % {"state": w.state(m["state"])}


@_wording(r"(?P<treaty>\S+) has no denunciation clause")
def _no_denunciation(m: dict[str, str], w: _Words) -> str:
    return gettext("The treaty %(treaty)s has no denunciation clause.") % m


@_wording(r"denunciation of (?P<date>\S+) is too early: the treaty is not yet in force for the State")
def _denounce_before_force(m: dict[str, str], w: _Words) -> str:
    return gettext("A denunciation on %(date)s is too early: the treaty is not yet in force for the State.") % {
        "date": w.date(m["date"])
    }


@_wording(
    rf"denunciation of (?P<date>\S+) is too early: not before (?P<earliest>{_ISO_DAY}) \((?P<period>\d+ \w+) after "
    r"entry into force for the State, art\. (?P<article>\S+)\)"
)
def _denounce_too_early(m: dict[str, str], w: _Words) -> str:
    return gettext(
        "A denunciation on %(date)s is too early: not before %(earliest)s, %(period)s after the treaty entered into "
        "force for the State (article %(article)s)."
    ) % {
        "date": w.date(m["date"]),
        "earliest": w.date(m["earliest"]),
        "period": w.period(m["period"]),
        "article": m["article"],
    }


@_wording(
    r"(?P<kind>\w+) without a prior signature by (?P<state>.+) or a predecessor: record it as an accession, or add "
    r"a note saying why"
)
def _unsigned(m: dict[str, str], w: _Words) -> str:
    return gettext(
        "%(kind)s without a prior signature by %(state)s or a predecessor: record it as an accession, or add a "
        "note saying why."
    ) % {"kind": w.kind(m["kind"]), "state": w.state(m["state"])}


@_wording(r"declaration under article (?P<article>\S+) by (?P<state>.+), which is not a party")
def _declaration_not_party(m: dict[str, str], w: _Words) -> str:
    return gettext("%(state)s is not a party, so it cannot make a declaration under article %(article)s.") % {
        "state": w.state(m["state"]),
        "article": m["article"],
    }


@_wording(r"a declaration under article (?P<article>\S+) is already in effect")
def _declaration_twice(m: dict[str, str], w: _Words) -> str:
    return gettext("A declaration by this State under article %(article)s is already in effect.") % m


@_wording(r"withdrawal of a declaration under article (?P<article>\S+) that was never made")
def _withdraw_unmade_declaration(m: dict[str, str], w: _Words) -> str:
    return gettext("This withdraws a declaration under article %(article)s that was never made.") % m


@_wording(r"(?P<kind>\w+) by (?P<state>.+), which has neither signed nor become a party")
def _neither(m: dict[str, str], w: _Words) -> str:
    return gettext("%(kind)s: %(state)s has neither signed the treaty nor become a party to it.") % {
        "kind": w.kind(m["kind"]),
        "state": w.state(m["state"]),
    }


@_wording(r"(?P<kind>\w+) of something (?P<state>\S+) never made")
def _withdraw_unmade(m: dict[str, str], w: _Words) -> str:
    return gettext("%(kind)s: %(state)s never made what this withdraws.") % {
        "kind": w.kind(m["kind"]),
        "state": w.state(m["state"]),
    }


# catalogue.py (reading a ledger file) and treaties/importing.py


@_wording(r"more cells than columns")
def _too_many_cells(m: dict[str, str], w: _Words) -> str:
    return gettext("This line has more cells than the file has columns.")


@_wording(r"empty")
def _empty(m: dict[str, str], w: _Words) -> str:
    return gettext("Empty: this column must be filled in.")


@_wording(rf"unknown column {_Q}(?P<column>.*){_Q} \(columns: (?P<columns>.*)\)")
def _unknown_column(m: dict[str, str], w: _Words) -> str:
    return gettext("The file has an unknown column, “%(column)s”. The columns are: %(columns)s.") % m


@_wording(rf"missing column {_Q}(?P<column>.*){_Q} \(columns: (?P<columns>.*)\)")
def _missing_column(m: dict[str, str], w: _Words) -> str:
    return gettext("The file has no column “%(column)s”. The columns are: %(columns)s.") % m


@_wording(r"differs from the recorded entry \((?P<where>.+)\): record a correction")
def _differs(m: dict[str, str], w: _Words) -> str:
    return gettext("This line differs from the recorded entry (%(where)s): record a correction instead.") % {
        "where": where_text(m["where"])
    }


# treaties/recording.py: a problem of another entry, which the recorded action would make wrong


@_wording(r"(?P<where>.+?): (?P<field>\w+): (?P<message>.+)")
def _elsewhere(m: dict[str, str], w: _Words) -> str:
    return pgettext("a problem with an entry of the record", "%(where)s, %(field)s: %(message)s") % {
        "where": where_text(m["where"]),
        "field": field_label(m["field"]),
        "message": _say(m["message"], w),
    }


def _say(message: str, words: _Words) -> str:
    for pattern, render in _PATTERNS:
        found = pattern.fullmatch(message)
        if found:
            return render({k: v for k, v in found.groupdict().items() if v is not None}, words)
    return message


def message_text(message: str, states: StateRegistry | None = None) -> str:
    """An engine message in the page language; unchanged when its wording is not known here."""
    return _say(message, _Words(states))


def problem_text(problem: RecordProblem, states: StateRegistry | None = None) -> tuple[str, str, str]:
    """Where, which field and what is wrong, each in the page language (the import screen's table)."""
    return where_text(problem.where), field_label(problem.field), message_text(problem.message, states)
