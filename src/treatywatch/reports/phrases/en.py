"""English: the wording of the original."""

from __future__ import annotations

from ._types import Phrase

PHRASES: dict[str, Phrase] = {
    "un": "United Nations",
    "organ": "General Assembly",
    "distr": "Distr.: General",
    "original": "Original: {language}",
    "symbol_placeholder": "[symbol to be assigned]",
    "agenda": "Item {item} of the provisional agenda",
    "agenda_placeholder": "[number to be assigned]",
    "agenda_title": "Human rights questions: implementation of human rights instruments",
    "title": "Status of the International Convention on the Protection of the Rights of All Migrant Workers and "
    "Members of Their Families",
    "subtitle": "Report of the Secretary-General",
    "intro": "In paragraph {paragraph} of its resolution {resolution} of {resolution_date}, the General Assembly "
    "requested the Secretary-General to submit to it at its {session} a report on the status of the International "
    "Convention on the Protection of the Rights of All Migrant Workers and Members of Their Families. The present "
    "report is submitted in response to that request and gives the status of the Convention as at {as_of}.",
    "intro_unknown": "The General Assembly, in its resolution [to be specified], requested the Secretary-General to "
    "submit to it at its {session} a report on the status of the Convention. The present report is submitted in "
    "response to that request and gives the status of the Convention as at {as_of}.",
    "status": "As at {as_of}, {signed} and {bound}.",
    "signed": {"one": "{n} State had signed the Convention", "other": "{n} States had signed the Convention"},
    "bound": {"one": "{n} State had ratified or acceded to it", "other": "{n} States had ratified or acceded to it"},
    "annex_reference": "The list of States that have signed, ratified or acceded to the Convention, with the dates "
    "of signature and of receipt of the instruments of ratification or accession, is contained in the annex to the "
    "present report.",
    "eif_pending": "Under article {article}, paragraph 1, the Convention enters into force after the deposit of "
    "{threshold} instruments of ratification or accession; {needed}.",
    "needed": {
        "one": "{n} more is needed for its entry into force",
        "other": "{n} more are needed for its entry into force",
    },
    "eif_reached": "The instrument that brought the number of ratifications and accessions to {threshold} was "
    "deposited on {reached}; under article {article}, paragraph 1, the Convention will enter into force on {eif}.",
    "eif_in_force": "The Convention entered into force on {eif}, in accordance with its article {article}, "
    "paragraph 1. As at {as_of}, it was in force for {parties}.",
    "parties": {"one": "{n} State", "other": "{n} States"},
    "pending_parties": {
        "one": "For {n} other State that had ratified or acceded to it, it will enter into force in accordance with "
        "article {article}, paragraph 2.",
        "other": "For {n} other States that had ratified or acceded to it, it will enter into force in accordance "
        "with article {article}, paragraph 2.",
    },
    "art76": "Under article 76, a State Party may declare that it recognizes the competence of the Committee on the "
    "Protection of the Rights of All Migrant Workers and Members of Their Families to receive and consider "
    "communications to the effect that a State Party claims that another State Party is not fulfilling its "
    "obligations under the Convention.",
    "art77": "Under article 77, a State Party may declare that it recognizes the competence of the Committee to "
    "receive and consider communications from or on behalf of individuals subject to its jurisdiction who claim "
    "that their individual rights as established by the Convention have been violated by that State Party.",
    "proc_count": "As at {as_of}, the number of States that had made the declaration under article {article} was "
    "{n}{names}.",
    "proc_undated": "The following declarations under article {article} are recorded without their date and are "
    "not counted above: {list}.",
    "proc_operative": "The procedure under article {article} has been operative since {since}.",
    "proc_not_operative": "The procedure under article {article} becomes operative when {threshold} States Parties "
    "have made the declaration; it is not yet operative.",
    "decl92": "Declarations under article 92, paragraph 2, by which a State does not consider itself bound by "
    "paragraph 1 of that article (settlement of disputes between States Parties), are recorded for the following "
    "States: {list}.",
    "decl_other": "Other declarations are recorded for the following States: {list}.",
    "reservations": "Reservations are recorded for the following States: {list}.",
    "objections": "Objections are recorded for the following States: {list}.",
    "texts": "The texts are reproduced in Multilateral Treaties Deposited with the Secretary-General, chapter "
    "{chapter}.",
    "not_counted_consent": "Not counted: {list} (instrument recorded with the year or month of deposit only; it "
    "may have been deposited after {as_of}).",
    "not_counted_signature": "Not counted: {list} (signature recorded with the year or month only; it may have "
    "taken place after {as_of}).",
    "note_year_deposit": "Year of deposit only; exact date not recorded.",
    "note_month_deposit": "Month of deposit only; exact date not recorded.",
    "note_year_signature": "Year of signature only; exact date not recorded.",
    "note_month_signature": "Month of signature only; exact date not recorded.",
    "note_interval": "Exact date not recorded; on or before {latest}.",
    "note_declaration": "The date of the declaration is not recorded; it was made on or before {latest}.",
    "note_span": "Computed from a date recorded with the year or month only; the exact day falls between "
    "{earliest} and {latest}.",
    "note_denounced": "Notification of denunciation received on {received}; effective on {effective}.",
    "annex": "Annex",
    "annex_title": "States that have signed, ratified or acceded to the International Convention on the "
    "Protection of the Rights of All Migrant Workers and Members of Their Families, as at {as_of}",
    "col_state": "State",
    "col_signature": "Date of signature",
    "col_consent": "Date of receipt of the instrument of ratification or accession",
    "mark_a": "Accession.",
    "mark_d": "Succession.",
    "mark_A": "Acceptance.",
    "mark_AA": "Approval.",
    "mark_c": "Formal confirmation.",
    "para_number": "{n}.",
    "notes": "Notes",
    "paren": " ({list})",
}
