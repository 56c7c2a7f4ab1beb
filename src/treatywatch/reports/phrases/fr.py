"""French."""

from __future__ import annotations

from ._types import NB, Phrase

PHRASES: dict[str, Phrase] = {
    "un": "Nations Unies",
    "organ": "Assemblée générale",
    "distr": "Distr. générale",
    "original": f"Original{NB}: {{language}}",
    "symbol_placeholder": "[cote à attribuer]",
    "agenda": "Point {item} de l'ordre du jour provisoire",
    "agenda_placeholder": "[numéro à attribuer]",
    "agenda_title": f"Questions relatives aux droits de l'homme{NB}: application des instruments relatifs aux "
    "droits de l'homme",
    "title": "État de la Convention internationale sur la protection des droits de tous les travailleurs migrants "
    "et des membres de leur famille",
    "subtitle": "Rapport du Secrétaire général",
    "intro": "Au paragraphe {paragraph} de sa résolution {resolution} du {resolution_date}, l'Assemblée générale a "
    "prié le Secrétaire général de lui présenter, à sa {session}, un rapport sur l'état de la Convention "
    "internationale sur la protection des droits de tous les travailleurs migrants et des membres de leur famille. "
    "Le présent rapport est soumis en réponse à cette demande et rend compte de l'état de la Convention au {as_of}.",
    "intro_unknown": "Dans sa résolution [à préciser], l'Assemblée générale a prié le Secrétaire général de lui "
    "présenter, à sa {session}, un rapport sur l'état de la Convention. Le présent rapport est soumis en réponse à "
    "cette demande et rend compte de l'état de la Convention au {as_of}.",
    "status": "Au {as_of}, {signed} et {bound}.",
    "signed": {"one": "{n} État avait signé la Convention", "other": "{n} États avaient signé la Convention"},
    "bound": {
        "one": "{n} État l'avait ratifiée ou y avait adhéré",
        "other": "{n} États l'avaient ratifiée ou y avaient adhéré",
    },
    "annex_reference": "La liste des États qui ont signé ou ratifié la Convention ou qui y ont adhéré, avec les "
    "dates de signature et de réception des instruments de ratification ou d'adhésion, figure en annexe au présent "
    "rapport.",
    "eif_pending": "Aux termes du paragraphe 1 de son article {article}, la Convention entre en vigueur après le "
    f"dépôt de {{threshold}} instruments de ratification ou d'adhésion{NB}; {{needed}}.",
    "needed": {"one": "il en manque encore {n}", "other": "il en manque encore {n}"},
    "eif_reached": "L'instrument portant à {threshold} le nombre des ratifications et adhésions a été déposé le "
    f"{{reached}}{NB}; conformément au paragraphe 1 de son article {{article}}, la Convention entrera en vigueur le "
    "{eif}.",
    "eif_in_force": "La Convention est entrée en vigueur le {eif}, conformément au paragraphe 1 de son article "
    "{article}. Au {as_of}, elle était en vigueur à l'égard de {parties}.",
    "parties": {"one": "{n} État", "other": "{n} États"},
    "pending_parties": {
        "one": "Pour {n} autre État qui l'a ratifiée ou y a adhéré, elle entrera en vigueur conformément au "
        "paragraphe 2 de l'article {article}.",
        "other": "Pour {n} autres États qui l'ont ratifiée ou y ont adhéré, elle entrera en vigueur conformément au "
        "paragraphe 2 de l'article {article}.",
    },
    "art76": "En vertu de l'article 76, tout État partie peut déclarer qu'il reconnaît la compétence du Comité pour "
    "la protection des droits de tous les travailleurs migrants et des membres de leur famille pour recevoir et "
    "examiner des communications dans lesquelles un État partie prétend qu'un autre État partie ne s'acquitte pas "
    "de ses obligations au titre de la Convention.",
    "art77": "En vertu de l'article 77, tout État partie peut déclarer qu'il reconnaît la compétence du Comité pour "
    "recevoir et examiner des communications présentées par des personnes ou au nom de personnes relevant de sa "
    "juridiction qui affirment que les droits individuels qui leur sont reconnus par la Convention ont été violés "
    "par cet État partie.",
    "proc_count": "Au {as_of}, le nombre d'États ayant fait la déclaration prévue à l'article {article} s'élevait "
    "à {n}{names}.",
    "proc_undated": "Les déclarations suivantes faites en vertu de l'article {article} sont consignées sans leur "
    f"date et ne sont pas comptées ci-dessus{NB}: {{list}}.",
    "proc_operative": "La procédure prévue à l'article {article} est applicable depuis le {since}.",
    "proc_not_operative": "La procédure prévue à l'article {article} deviendra applicable lorsque {threshold} États "
    f"parties auront fait la déclaration{NB}; elle ne l'est pas encore.",
    "decl92": "Des déclarations faites en vertu du paragraphe 2 de l'article 92, par lesquelles un État ne se "
    "considère pas lié par le paragraphe 1 de cet article (règlement des différends entre États parties), sont "
    f"consignées pour les États suivants{NB}: {{list}}.",
    "decl_other": f"D'autres déclarations sont consignées pour les États suivants{NB}: {{list}}.",
    "reservations": f"Des réserves sont consignées pour les États suivants{NB}: {{list}}.",
    "objections": f"Des objections sont consignées pour les États suivants{NB}: {{list}}.",
    "texts": "Les textes en sont reproduits dans Traités multilatéraux déposés auprès du Secrétaire général, "
    "chapitre {chapter}.",
    "not_counted_consent": f"Non compris{NB}: {{list}} (instrument dont seuls l'année ou le mois du dépôt sont "
    f"consignés{NB}; il peut avoir été déposé après le {{as_of}}).",
    "not_counted_signature": f"Non compris{NB}: {{list}} (signature dont seuls l'année ou le mois sont consignés"
    f"{NB}; elle peut être postérieure au {{as_of}}).",
    "note_year_deposit": f"Année du dépôt seulement{NB}; la date exacte n'est pas consignée.",
    "note_month_deposit": f"Mois du dépôt seulement{NB}; la date exacte n'est pas consignée.",
    "note_year_signature": f"Année de la signature seulement{NB}; la date exacte n'est pas consignée.",
    "note_month_signature": f"Mois de la signature seulement{NB}; la date exacte n'est pas consignée.",
    "note_interval": f"Date exacte non consignée{NB}; au plus tard le {{latest}}.",
    "note_declaration": f"La date de la déclaration n'est pas consignée{NB}; elle a été faite au plus tard le "
    "{latest}.",
    "note_span": "Calculée à partir d'une date dont seuls l'année ou le mois sont consignés; le jour exact se situe "
    "entre le {earliest} et le {latest}.",
    "note_denounced": f"Notification de dénonciation reçue le {{received}}{NB}; prend effet le {{effective}}.",
    "annex": "Annexe",
    "annex_title": "États ayant signé ou ratifié la Convention internationale sur la protection des droits de tous "
    "les travailleurs migrants et des membres de leur famille ou y ayant adhéré, au {as_of}",
    "col_state": "État",
    "col_signature": "Date de la signature",
    "col_consent": "Date de réception de l'instrument de ratification ou d'adhésion",
    "mark_a": "Adhésion.",
    "mark_d": "Succession.",
    "mark_A": "Acceptation.",
    "mark_AA": "Approbation.",
    "mark_c": "Confirmation formelle.",
    "para_number": "{n}.",
    "notes": "Notes",
    "paren": " ({list})",
}
