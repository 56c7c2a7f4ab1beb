"""A treaty's status and final clauses in words and numbers, as the home and treaty pages say them."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.utils.translation import gettext, ngettext, npgettext, pgettext

from treatywatch.engine import (
    ActionKind,
    EnlargementTrigger,
    LaterStates,
    Participant,
    ProcedureStatus,
    Status,
    Treaty,
    TreatyRecord,
)

from .formatting import day_text, number, span_text, when_partial, when_span
from .labels import counted_kinds, period_text, position_label, position_sentence, procedure_title, rule_text

__all__ = [
    "Figure",
    "Section",
    "committee_sentence",
    "figures",
    "final_clauses",
    "in_force_sentence",
    "position_summary",
    "procedure_sentence",
    "procedures",
    "undated_declarations",
]


@dataclass(frozen=True, slots=True)
class Figure:
    label: str
    value: str
    note: str = ""


@dataclass(frozen=True, slots=True)
class Section:
    heading: str
    sentences: tuple[str, ...]


def _uncertain(count: int) -> str:
    if not count:
        return ""
    return ngettext(
        "and %(count)s more whose date the record gives only in part",
        "and %(count)s more whose dates the record gives only in part",
        count,
    ) % {"count": number(count)}


def figures(status: Status) -> list[Figure]:
    return [
        Figure(
            gettext("Contracting States"),
            number(status.contracting_states),
            _uncertain(status.contracting_states_uncertain),
        ),
        Figure(
            gettext("Parties for which it is in force"),
            number(status.parties_in_force),
            _uncertain(status.parties_in_force_uncertain),
        ),
        Figure(
            gettext("Signatories not yet bound"),
            number(status.signatories_not_bound),
            _uncertain(status.signatories_not_bound_uncertain),
        ),
    ]


def in_force_sentence(record: TreatyRecord, status: Status) -> str:
    article = record.treaty.entry_into_force.article
    if status.in_force and status.entry_into_force is not None:
        when = when_span(status.entry_into_force)
        if when.form == "day":
            text = gettext("In force since %(date)s (article %(article)s).")
        elif when.form == "month":
            text = pgettext("in a month", "Entered into force in %(date)s (article %(article)s).")
        elif when.form == "year":
            text = pgettext("in a year", "Entered into force in %(date)s (article %(article)s).")
        else:
            text = gettext("Entered into force between %(start)s and %(end)s (article %(article)s).")
        return text % {**when.values, "article": article}
    if status.entry_into_force is not None:
        return ngettext(
            "The %(threshold)s instrument needed was deposited by %(reached)s: it enters into force on %(date)s "
            "(article %(article)s).",
            "The %(threshold)s instruments needed were deposited by %(reached)s: it enters into force on %(date)s "
            "(article %(article)s).",
            status.threshold,
        ) % {
            "threshold": number(status.threshold),
            "reached": span_text(status.threshold_reached),
            "date": span_text(status.entry_into_force),
            "article": article,
        }
    return ngettext(
        "Not yet in force: %(count)s more ratification or accession is needed (article %(article)s requires "
        "%(threshold)s).",
        "Not yet in force: %(count)s more ratifications or accessions are needed (article %(article)s requires "
        "%(threshold)s).",
        status.instruments_needed,
    ) % {"count": number(status.instruments_needed), "article": article, "threshold": number(status.threshold)}


def _threshold_sentence(treaty: Treaty) -> str:
    eif = treaty.entry_into_force
    n = number(eif.threshold)
    if eif.counts == {ActionKind.RATIFICATION, ActionKind.ACCESSION}:
        return ngettext(
            "It needs %(count)s instrument of ratification or accession.",
            "It needs %(count)s instruments of ratification or accession.",
            eif.threshold,
        ) % {"count": n}
    return ngettext(
        "It needs %(count)s instrument (these count: %(kinds)s).",
        "It needs %(count)s instruments (these count: %(kinds)s).",
        eif.threshold,
    ) % {"count": n, "kinds": counted_kinds(treaty)}


def _later_states(treaty: Treaty) -> str:
    eif = treaty.entry_into_force
    # Translators: the event a period runs from; it fills %(event)s in "... %(period)s after %(event)s".
    when = rule_text(eif.later_rule, gettext("the deposit of its own instrument"))
    if eif.later_states is LaterStates.AFTER_ENTRY_INTO_FORCE:
        text = gettext("For a State that ratifies or accedes after entry into force, it enters into force %(when)s.")
    else:
        text = gettext(
            "For a State that ratifies or accedes after the last instrument needed, it enters into force %(when)s."
        )
    return text % {"when": when}


def committee_sentence(record: TreatyRecord, status: Status) -> str:
    committee = record.treaty.committee
    if committee is None or status.committee_size is None:
        return ""
    return ngettext(
        "The Committee (article %(article)s) has %(count)s member.",
        "The Committee (article %(article)s) has %(count)s members.",
        status.committee_size,
    ) % {"article": committee.article, "count": number(status.committee_size)}


def procedures(status: Status) -> list[str]:
    """A sentence for each optional procedure, followed by one on its undated declarations if it has any."""
    found = []
    for p in status.procedures:
        found.append(procedure_sentence(p, status.record_as_of))
        if p.declarations_uncertain:
            found.append(undated_declarations(p))
    return found


def undated_declarations(p: ProcedureStatus) -> str:
    return ngettext(
        "Article %(article)s: the date of %(count)s more declaration is not known.",
        "Article %(article)s: the dates of %(count)s more declarations are not known.",
        p.declarations_uncertain,
    ) % {"article": p.article, "count": number(p.declarations_uncertain)}


def procedure_sentence(p: ProcedureStatus, record_as_of: date | None = None) -> str:
    """Declarations made under an optional procedure, its threshold, and whether it operates.

    A record copied from status tables (``record_as_of`` set) may hold no declarations at all, though States
    made them: then it says the declarations are not recorded rather than that the procedure does not operate."""
    if record_as_of is not None and not p.declarations_recorded:
        return ngettext(
            "Article %(article)s (%(title)s): declarations not recorded. The record of this treaty, as of %(date)s, "
            "holds no declarations, so it cannot tell whether the procedure operates (%(threshold)s declaration "
            "is needed).",
            "Article %(article)s (%(title)s): declarations not recorded. The record of this treaty, as of %(date)s, "
            "holds no declarations, so it cannot tell whether the procedure operates (%(threshold)s declarations "
            "are needed).",
            p.threshold,
        ) % {
            "article": p.article,
            "title": procedure_title(p),
            "date": day_text(record_as_of),
            "threshold": number(p.threshold),
        }
    values = {
        "article": p.article,
        "title": procedure_title(p),
        "count": number(p.declarations),
        "threshold": number(p.threshold),
    }
    n = p.declarations
    if not p.operative:
        text = ngettext(
            "Article %(article)s (%(title)s): %(count)s declaration of the %(threshold)s needed; the procedure is "
            "not yet operative.",
            "Article %(article)s (%(title)s): %(count)s declarations of the %(threshold)s needed; the procedure is "
            "not yet operative.",
            n,
        )
    elif p.operative_since is None:
        text = ngettext(
            "Article %(article)s (%(title)s): %(count)s declaration of the %(threshold)s needed; the procedure is "
            "operative.",
            "Article %(article)s (%(title)s): %(count)s declarations of the %(threshold)s needed; the procedure is "
            "operative.",
            n,
        )
    else:
        when = when_span(p.operative_since)
        values.update(when.values)
        if when.form == "day":
            text = ngettext(
                "Article %(article)s (%(title)s): %(count)s declaration of the %(threshold)s needed; the procedure "
                "has been operative since %(date)s.",
                "Article %(article)s (%(title)s): %(count)s declarations of the %(threshold)s needed; the procedure "
                "has been operative since %(date)s.",
                n,
            )
        elif when.form == "month":
            text = npgettext(
                "in a month",
                "Article %(article)s (%(title)s): %(count)s declaration of the %(threshold)s needed; the procedure "
                "became operative in %(date)s.",
                "Article %(article)s (%(title)s): %(count)s declarations of the %(threshold)s needed; the procedure "
                "became operative in %(date)s.",
                n,
            )
        elif when.form == "year":
            text = npgettext(
                "in a year",
                "Article %(article)s (%(title)s): %(count)s declaration of the %(threshold)s needed; the procedure "
                "became operative in %(date)s.",
                "Article %(article)s (%(title)s): %(count)s declarations of the %(threshold)s needed; the procedure "
                "became operative in %(date)s.",
                n,
            )
        else:
            text = ngettext(
                "Article %(article)s (%(title)s): %(count)s declaration of the %(threshold)s needed; the procedure "
                "became operative between %(start)s and %(end)s.",
                "Article %(article)s (%(title)s): %(count)s declarations of the %(threshold)s needed; the procedure "
                "became operative between %(start)s and %(end)s.",
                n,
            )
    return text % values


def final_clauses(record: TreatyRecord, status: Status) -> list[Section]:
    """The final-clause rules the engine applies, in words, each with its article."""
    treaty: Treaty = record.treaty
    eif = treaty.entry_into_force
    sections = [
        Section(
            gettext("Entry into force (article %(article)s)") % {"article": eif.article},
            (
                _threshold_sentence(treaty),
                gettext("The treaty enters into force %(when)s.")
                # Translators: the event a period runs from; it fills %(event)s in "... %(period)s after %(event)s".
                % {"when": rule_text(eif.rule, gettext("the deposit of the last instrument needed"))},
                _later_states(treaty),
                in_force_sentence(record, status),
            ),
        )
    ]
    if treaty.committee is not None:
        c = treaty.committee
        sentences = [
            ngettext(
                "The Committee has %(count)s member when the treaty enters into force.",
                "The Committee has %(count)s members when the treaty enters into force.",
                c.initial_size,
            )
            % {"count": number(c.initial_size)}
        ]
        for step in c.enlargements:
            if step.trigger is EnlargementTrigger.ENTRY_INTO_FORCE_FOR_NTH_PARTY:
                text = ngettext(
                    "It grows to %(size)s members once the treaty is in force for %(n)s State Party.",
                    "It grows to %(size)s members once the treaty is in force for %(n)s States Parties.",
                    step.n,
                )
            else:
                text = ngettext(
                    "It grows to %(size)s members once %(n)s State has ratified or acceded.",
                    "It grows to %(size)s members once %(n)s States have ratified or acceded.",
                    step.n,
                )
            sentences.append(text % {"size": number(step.size), "n": number(step.n)})
        if status.committee_size is not None:
            sentences.append(
                ngettext(
                    "As of %(date)s it has %(count)s member.",
                    "As of %(date)s it has %(count)s members.",
                    status.committee_size,
                )
                % {"date": day_text(status.as_of), "count": number(status.committee_size)}
            )
        sections.append(Section(gettext("Committee (article %(article)s)") % {"article": c.article}, tuple(sentences)))
    if treaty.reporting is not None:
        r = treaty.reporting
        sections.append(
            Section(
                gettext("Reports (article %(article)s)") % {"article": r.article},
                (
                    gettext(
                        "Each State Party reports within %(initial)s after the treaty enters into force for it, and "
                        "then every %(periodic)s."
                    )
                    % {"initial": period_text(r.initial), "periodic": period_text(r.periodic)},
                ),
            )
        )
    if treaty.denunciation is not None:
        d = treaty.denunciation
        sentences = []
        if d.not_before is not None:
            sentences.append(
                gettext(
                    "A State Party may denounce the treaty no earlier than %(period)s after it entered into force "
                    "for that State."
                )
                % {"period": period_text(d.not_before)}
            )
        sentences.append(
            gettext("A denunciation takes effect %(when)s.")
            # Translators: the event a period runs from; it fills %(event)s in "... %(period)s after %(event)s".
            % {"when": rule_text(d.rule, gettext("the notification is received"))}
        )
        sections.append(
            Section(gettext("Denunciation (article %(article)s)") % {"article": d.article}, tuple(sentences))
        )
    for p in status.procedures:
        sections.append(
            Section(
                pgettext("procedure heading", "%(title)s (article %(article)s)")
                % {"title": procedure_title(p), "article": p.article},
                (
                    ngettext(
                        "States Parties may declare that they accept this procedure. It operates once %(count)s "
                        "State Party has made the declaration.",
                        "States Parties may declare that they accept this procedure. It operates once %(count)s "
                        "States Parties have made the declaration.",
                        p.threshold,
                    )
                    % {"count": number(p.threshold)},
                    procedure_sentence(p, status.record_as_of),
                    *([undated_declarations(p)] if p.declarations_uncertain else []),
                ),
            )
        )
    return sections


def position_summary(p: Participant | None) -> str:
    """A State's position in one phrase, with the date that matters for it."""
    if p is None or p.position == "none":
        return position_label("none")
    if p.position == "party" and p.entry_into_force is not None:
        return position_sentence("party", when_span(p.entry_into_force))
    if p.position == "contracting" and p.consent is not None:
        return position_sentence("contracting", when_partial(p.consent.date))
    if p.position == "signatory" and p.signature is not None:
        return position_sentence("signatory", when_partial(p.signature.date))
    if p.position == "withdrawn" and p.withdrawal_effective is not None:
        return position_sentence("withdrawn", when_span(p.withdrawal_effective))
    return position_label(p.position)
