"""The portal's translated vocabulary: positions, kinds of action, regions, reports and the final clauses in words.

The record's own words (codes such as "party", "accession", "Southern Asia") are keys; what users read is looked
up here through gettext, so translators see every label as a msgid with its context.
"""

from __future__ import annotations

from django.utils.functional import Promise
from django.utils.translation import gettext, ngettext, pgettext, pgettext_lazy

from treatywatch.engine import Action, ActionKind, Alignment, Due, Period, ProcedureStatus, Rule, Treaty

from .formatting import When, list_text, number

__all__ = [
    "MAP_CLASS",
    "action_label",
    "counted_kinds",
    "due_label",
    "kind_label",
    "period_text",
    "position_label",
    "position_sentence",
    "position_sentences",
    "procedure_title",
    "region_label",
    "rule_text",
]

_POSITIONS: dict[str, Promise] = {
    "party": pgettext_lazy("position", "State party"),
    "contracting": pgettext_lazy("position", "Contracting State: bound, not yet in force for it"),
    "signatory": pgettext_lazy("position", "Signatory, not yet bound"),
    "withdrawn": pgettext_lazy("position", "Withdrawn (denounced)"),
    "none": pgettext_lazy("position", "No signature or consent to be bound"),
}

_POSITION_SINCE: dict[str, dict[str, Promise]] = {
    # A State's position with the date it dates from, one sentence for each form of date (formatting.When): a
    # day ("since 1 July 2003"), a month or a year the record gives without the day ("in 2016"), a range of
    # possible days, or an undated act known to precede a day.
    "party": {
        "day": pgettext_lazy("position", "State party since %(date)s"),
        "month": pgettext_lazy("position, in a month", "Became a State party in %(date)s"),
        "year": pgettext_lazy("position, in a year", "Became a State party in %(date)s"),
        "between": pgettext_lazy("position", "Became a State party between %(start)s and %(end)s"),
    },
    "contracting": {
        "day": pgettext_lazy("position", "Bound since %(date)s; not yet in force for it"),
        "month": pgettext_lazy("position, in a month", "Became bound in %(date)s; not yet in force for it"),
        "year": pgettext_lazy("position, in a year", "Became bound in %(date)s; not yet in force for it"),
        "between": pgettext_lazy("position", "Became bound between %(start)s and %(end)s; not yet in force for it"),
        "by": pgettext_lazy("position", "Became bound on or before %(date)s; not yet in force for it"),
    },
    "signatory": {
        "day": pgettext_lazy("position", "Signed on %(date)s; not yet bound"),
        "month": pgettext_lazy("position, in a month", "Signed in %(date)s; not yet bound"),
        "year": pgettext_lazy("position, in a year", "Signed in %(date)s; not yet bound"),
        "between": pgettext_lazy("position", "Signed between %(start)s and %(end)s; not yet bound"),
        "by": pgettext_lazy("position", "Signed on or before %(date)s; not yet bound"),
    },
    "withdrawn": {
        "day": pgettext_lazy("position", "Withdrawn: no longer bound since %(date)s"),
        "month": pgettext_lazy("position, in a month", "Withdrawn: ceased to be bound in %(date)s"),
        "year": pgettext_lazy("position, in a year", "Withdrawn: ceased to be bound in %(date)s"),
        "between": pgettext_lazy("position", "Withdrawn: ceased to be bound between %(start)s and %(end)s"),
    },
}

MAP_CLASS = {"party": "p", "contracting": "p", "signatory": "s"}
"""Map and legend classes: p = bound (party or contracting State), s = signatory not bound, n = neither."""

_KINDS: dict[ActionKind, Promise] = {
    ActionKind.SIGNATURE: pgettext_lazy("action", "Signature"),
    ActionKind.SUCCESSION_TO_SIGNATURE: pgettext_lazy("action", "Succession to signature"),
    ActionKind.RATIFICATION: pgettext_lazy("action", "Ratification"),
    ActionKind.ACCESSION: pgettext_lazy("action", "Accession"),
    ActionKind.SUCCESSION: pgettext_lazy("action", "Succession"),
    ActionKind.ACCEPTANCE: pgettext_lazy("action", "Acceptance"),
    ActionKind.APPROVAL: pgettext_lazy("action", "Approval"),
    ActionKind.FORMAL_CONFIRMATION: pgettext_lazy("action", "Formal confirmation"),
    ActionKind.DECLARATION: pgettext_lazy("action", "Declaration"),
    ActionKind.DECLARATION_WITHDRAWAL: pgettext_lazy("action", "Withdrawal of a declaration"),
    ActionKind.RESERVATION: pgettext_lazy("action", "Reservation"),
    ActionKind.RESERVATION_WITHDRAWAL: pgettext_lazy("action", "Withdrawal of a reservation"),
    ActionKind.OBJECTION: pgettext_lazy("action", "Objection"),
    ActionKind.DENUNCIATION: pgettext_lazy("action", "Denunciation"),
}

_REGIONS: dict[str, Promise] = {
    # UN M49 regions and sub-regions, as the States list names them.
    "Africa": pgettext_lazy("region", "Africa"),
    "Americas": pgettext_lazy("region", "Americas"),
    "Asia": pgettext_lazy("region", "Asia"),
    "Europe": pgettext_lazy("region", "Europe"),
    "Oceania": pgettext_lazy("region", "Oceania"),
    "Eastern Africa": pgettext_lazy("region", "Eastern Africa"),
    "Middle Africa": pgettext_lazy("region", "Middle Africa"),
    "Northern Africa": pgettext_lazy("region", "Northern Africa"),
    "Southern Africa": pgettext_lazy("region", "Southern Africa"),
    "Western Africa": pgettext_lazy("region", "Western Africa"),
    "Caribbean": pgettext_lazy("region", "Caribbean"),
    "Central America": pgettext_lazy("region", "Central America"),
    "Northern America": pgettext_lazy("region", "Northern America"),
    "South America": pgettext_lazy("region", "South America"),
    "Central Asia": pgettext_lazy("region", "Central Asia"),
    "Eastern Asia": pgettext_lazy("region", "Eastern Asia"),
    "South-eastern Asia": pgettext_lazy("region", "South-eastern Asia"),
    "Southern Asia": pgettext_lazy("region", "Southern Asia"),
    "Western Asia": pgettext_lazy("region", "Western Asia"),
    "Eastern Europe": pgettext_lazy("region", "Eastern Europe"),
    "Northern Europe": pgettext_lazy("region", "Northern Europe"),
    "Southern Europe": pgettext_lazy("region", "Southern Europe"),
    "Western Europe": pgettext_lazy("region", "Western Europe"),
    "Australia and New Zealand": pgettext_lazy("region", "Australia and New Zealand"),
    "Melanesia": pgettext_lazy("region", "Melanesia"),
    "Micronesia": pgettext_lazy("region", "Micronesia"),
    "Polynesia": pgettext_lazy("region", "Polynesia"),
}

_PROCEDURES: dict[str, Promise] = {
    "76": pgettext_lazy("procedure", "Inter-State communications"),
    "77": pgettext_lazy("procedure", "Individual communications"),
}


_PROCEDURE_TITLES = {"Inter-State communications": _PROCEDURES["76"], "Individual communications": _PROCEDURES["77"]}


def position_label(position: str) -> str:
    return str(_POSITIONS.get(position, position))


def position_sentences() -> dict[str, dict[str, str]]:
    """Every position sentence in the page language, by position and form of date (for pages that say many)."""
    return {position: {form: str(text) for form, text in forms.items()} for position, forms in _POSITION_SINCE.items()}


def position_sentence(position: str, when: When) -> str:
    """ "State party since 1 July 2003", "Signed in 2016; not yet bound"; the bare label when no sentence fits."""
    text = _POSITION_SINCE.get(position, {}).get(when.form)
    return str(text) % when.values if text is not None else position_label(position)


def action_label(action: Action) -> str:
    """ "Declaration (article 77)" or "Accession"."""
    label = str(_KINDS.get(action.kind, action.kind.value))
    if action.article:
        return pgettext("action with article", "%(action)s (article %(article)s)") % {
            "action": label,
            "article": action.article,
        }
    return label


def kind_label(kind: ActionKind) -> str:
    return str(_KINDS.get(kind, kind.value))


def region_label(name: str) -> str:
    return str(_REGIONS[name]) if name in _REGIONS else name


def procedure_title(p: ProcedureStatus) -> str:
    """The procedure's name in the page language: the other treaties' procedures carry the same two titles as the
    Convention's (ICERD art. 14, ICCPR art. 41, CAT arts. 21 and 22)."""
    found = _PROCEDURE_TITLES.get(p.title) or _PROCEDURES.get(p.article)
    return str(found) if found is not None else p.title


def due_label(due: Due) -> str:
    if due.number == 1:
        return gettext("Initial report")
    return gettext("Periodic report no. %(number)s") % {"number": number(due.number - 1)}


def period_text(period: Period) -> str:
    n = number(period.count)
    if period.unit == "days":
        return ngettext("%(count)s day", "%(count)s days", period.count) % {"count": n}
    if period.unit == "months":
        return ngettext("%(count)s month", "%(count)s months", period.count) % {"count": n}
    return ngettext("%(count)s year", "%(count)s years", period.count) % {"count": n}


def rule_text(rule: Rule, after: str) -> str:
    """When a rule lands, in words: ``after`` names the event the period runs from."""
    values = {"period": period_text(rule.period), "event": after}
    if rule.alignment is Alignment.FIRST_DAY_OF_FOLLOWING_MONTH:
        # Translators: completes "The treaty enters into force ..."; %(period)s is "3 months", %(event)s is
        # "the deposit of the last instrument needed" (ICRMW article 87).
        return gettext("on the first day of the month following a period of %(period)s after %(event)s") % values
    # Translators: completes "The treaty enters into force ..."; %(period)s is "30 days".
    return gettext("%(period)s after %(event)s") % values


def counted_kinds(treaty: Treaty) -> str:
    """The kinds of instrument that count towards entry into force, listed: "Ratification, Accession and
    Succession"."""
    order = list(ActionKind)
    kinds = sorted(treaty.entry_into_force.counts, key=order.index)
    return list_text([kind_label(k) for k in kinds])
