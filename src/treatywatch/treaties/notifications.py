"""Depositary notifications in the depositary's customary form, in English and French.

References run in sequence per calendar year across all treaties: C.N.<n>.<year>.TREATIES-<chapter>.<no>,
e.g. C.N.123.2003.TREATIES-IV.13 for chapter IV-13.
"""

from __future__ import annotations

from datetime import date

from babel.dates import format_date
from django.db.models import Max

from treatywatch.engine import Action as EngineAction
from treatywatch.engine import Span, StateRegistry, Treaty

from . import models

ACTION_NAMES = {
    "signature": ("SIGNATURE", "SIGNATURE"),
    "succession_to_signature": ("SUCCESSION TO SIGNATURE", "SUCCESSION À LA SIGNATURE"),
    "ratification": ("RATIFICATION", "RATIFICATION"),
    "accession": ("ACCESSION", "ADHÉSION"),
    "succession": ("SUCCESSION", "SUCCESSION"),
    "acceptance": ("ACCEPTANCE", "ACCEPTATION"),
    "approval": ("APPROVAL", "APPROBATION"),
    "formal_confirmation": ("FORMAL CONFIRMATION", "CONFIRMATION FORMELLE"),
    "declaration": ("DECLARATION", "DÉCLARATION"),
    "declaration_withdrawal": ("WITHDRAWAL OF DECLARATION", "RETRAIT DE DÉCLARATION"),
    "reservation": ("RESERVATION", "RÉSERVE"),
    "reservation_withdrawal": ("WITHDRAWAL OF RESERVATION", "RETRAIT DE RÉSERVE"),
    "objection": ("OBJECTION", "OBJECTION"),
    "denunciation": ("DENUNCIATION", "DÉNONCIATION"),
}


def reference_for(treaty: Treaty, number: int, year: int) -> str:
    return f"C.N.{number}.{year}.TREATIES-{treaty.untc.replace('-', '.', 1)}"


def next_number(year: int) -> int:
    current = models.Notification.objects.filter(year=year).aggregate(m=Max("number"))["m"]
    return int(current or 0) + 1


def _day(d: date, lang: str) -> str:
    """Dates as the depositary writes them: "1 July 2003", "1er juillet 2003"."""
    day = "1er" if lang == "fr" and d.day == 1 else str(d.day)
    return f"{day} {format_date(d, format='MMMM', locale=lang)} {d.year}"


def _span(span: Span, lang: str) -> str:
    if span.exact:
        return _day(span.earliest, lang)
    joiner = "and" if lang == "en" else "et le"
    return f"{'between' if lang == 'en' else 'entre le'} {_day(span.earliest, lang)} {joiner} {_day(span.latest, lang)}"


def texts(
    reference: str, treaty: Treaty, states: StateRegistry, action: EngineAction, entry_into_force: Span | None
) -> tuple[str, str]:
    """The notification in English and in French."""
    state = states.get(action.state)
    name_en, name_fr = ACTION_NAMES[action.kind.value]
    when = action.date.span
    article = treaty.entry_into_force.article
    en = [
        f"{reference} (Depositary Notification)",
        treaty.title("en").upper(),
        f"NEW YORK, {_day(treaty.opened, 'en').upper()}",
        f"{state.name('en').upper()}: {name_en}" + (f" (ARTICLE {action.article})" if action.article else ""),
        "The Secretary-General of the United Nations, acting in his capacity as depositary, "
        "communicates the following:",
        f"The above action was effected on {_span(when, 'en')}.",
    ]
    fr = [
        f"{reference} (Notification dépositaire)",
        treaty.title("fr").upper(),
        f"NEW YORK, {_day(treaty.opened, 'fr').upper()}",
        f"{state.name('fr').upper()} : {name_fr}" + (f" (ARTICLE {action.article})" if action.article else ""),
        "Le Secrétaire général de l'Organisation des Nations Unies, agissant en sa qualité de dépositaire, "
        "communique :",
        f"L'action susmentionnée a été effectuée le {_span(when, 'fr')}.",
    ]
    if action.text:
        en.append(f"The text reads as follows: {action.text}")
        fr.append(f"Le texte se lit comme suit : {action.text}")
    if action.kind.is_consent and entry_into_force is not None:
        en.append(
            f"The Convention will enter into force for {state.name('en')} on {_span(entry_into_force, 'en')} "
            f"in accordance with its article {article}."
        )
        fr.append(
            # "à l'égard de cet État": French country names take articles (du Guatemala, de la France).
            f"La Convention entrera en vigueur à l'égard de cet État le {_span(entry_into_force, 'fr')}, "
            f"conformément à son article {article}."
        )
    return "\n\n".join(en), "\n\n".join(fr)
