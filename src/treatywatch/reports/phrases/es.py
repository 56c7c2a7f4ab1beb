"""Spanish."""

from __future__ import annotations

from ._types import Phrase

PHRASES: dict[str, Phrase] = {
    "un": "Naciones Unidas",
    "organ": "Asamblea General",
    "distr": "Distr. general",
    "original": "Original: {language}",
    "symbol_placeholder": "[signatura por asignar]",
    "agenda": "Tema {item} del programa provisional",
    "agenda_placeholder": "[número por asignar]",
    "agenda_title": "Cuestiones relativas a los derechos humanos: aplicación de los instrumentos de derechos humanos",
    "title": "Situación de la Convención Internacional sobre la protección de los derechos de todos los "
    "trabajadores migratorios y de sus familiares",
    "subtitle": "Informe del Secretario General",
    "intro": "En el párrafo {paragraph} de su resolución {resolution}, de {resolution_date}, la Asamblea General "
    "pidió al Secretario General que le presentara en su {session} un informe sobre la situación de la Convención "
    "Internacional sobre la protección de los derechos de todos los trabajadores migratorios y de sus familiares. "
    "El presente informe se presenta en respuesta a esa petición y describe la situación de la Convención al "
    "{as_of}.",
    "intro_unknown": "En su resolución [por especificar], la Asamblea General pidió al Secretario General que le "
    "presentara en su {session} un informe sobre la situación de la Convención. El presente informe se presenta en "
    "respuesta a esa petición y describe la situación de la Convención al {as_of}.",
    "status": "Al {as_of}, {signed} y {bound}.",
    "signed": {"one": "{n} Estado había firmado la Convención", "other": "{n} Estados habían firmado la Convención"},
    "bound": {
        "one": "{n} Estado la había ratificado o se había adherido a ella",
        "other": "{n} Estados la habían ratificado o se habían adherido a ella",
    },
    "annex_reference": "La lista de los Estados que han firmado o ratificado la Convención o se han adherido a "
    "ella, con las fechas de la firma y de recepción de los instrumentos de ratificación o adhesión, figura en el "
    "anexo del presente informe.",
    "eif_pending": "De conformidad con el párrafo 1 de su artículo {article}, la Convención entra en vigor tras el "
    "depósito de {threshold} instrumentos de ratificación o adhesión; {needed}.",
    "needed": {"one": "para su entrada en vigor falta {n}", "other": "para su entrada en vigor faltan {n}"},
    "eif_reached": "El instrumento con el que el número de ratificaciones y adhesiones llegó a {threshold} se "
    "depositó el {reached}; de conformidad con el párrafo 1 de su artículo {article}, la Convención entrará en "
    "vigor el {eif}.",
    "eif_in_force": "La Convención entró en vigor el {eif}, de conformidad con el párrafo 1 de su artículo "
    "{article}. Al {as_of}, estaba en vigor para {parties}.",
    "parties": {"one": "{n} Estado", "other": "{n} Estados"},
    "pending_parties": {
        "one": "Para {n} Estado más que la ha ratificado o se ha adherido a ella, entrará en vigor de conformidad "
        "con el párrafo 2 del artículo {article}.",
        "other": "Para otros {n} Estados que la han ratificado o se han adherido a ella, entrará en vigor de "
        "conformidad con el párrafo 2 del artículo {article}.",
    },
    "art76": "En virtud del artículo 76, todo Estado parte podrá declarar que reconoce la competencia del Comité "
    "de Protección de los Derechos de Todos los Trabajadores Migratorios y de Sus Familiares para recibir y "
    "examinar las comunicaciones en las que un Estado parte alegue que otro Estado parte no cumple sus obligaciones "
    "dimanadas de la Convención.",
    "art77": "En virtud del artículo 77, todo Estado parte podrá declarar que reconoce la competencia del Comité "
    "para recibir y examinar las comunicaciones enviadas por personas sometidas a su jurisdicción, o en su nombre, "
    "que aleguen que ese Estado parte ha violado los derechos individuales que les reconoce la Convención.",
    "proc_count": "Al {as_of}, el número de Estados que habían formulado la declaración prevista en el artículo "
    "{article} ascendía a {n}{names}.",
    "proc_undated": "Las siguientes declaraciones formuladas en virtud del artículo {article} constan sin fecha y "
    "no se han contado más arriba: {list}.",
    "proc_operative": "El procedimiento previsto en el artículo {article} es aplicable desde el {since}.",
    "proc_not_operative": "El procedimiento previsto en el artículo {article} será aplicable cuando {threshold} "
    "Estados partes hayan formulado la declaración; todavía no lo es.",
    "decl92": "Constan declaraciones formuladas en virtud del párrafo 2 del artículo 92, por las que un Estado no "
    "se considera obligado por el párrafo 1 de ese artículo (solución de controversias entre Estados partes), de "
    "los Estados siguientes: {list}.",
    "decl_other": "Constan otras declaraciones de los Estados siguientes: {list}.",
    "reservations": "Constan reservas de los Estados siguientes: {list}.",
    "objections": "Constan objeciones de los Estados siguientes: {list}.",
    "texts": "Los textos figuran en Tratados multilaterales depositados en poder del Secretario General, capítulo "
    "{chapter}.",
    "not_counted_consent": "No se incluye: {list} (instrumento del que solo consta el año o el mes del depósito; "
    "puede haberse depositado después del {as_of}).",
    "not_counted_signature": "No se incluye: {list} (firma de la que solo consta el año o el mes; puede ser "
    "posterior al {as_of}).",
    "note_year_deposit": "Solo consta el año del depósito; no se ha registrado la fecha exacta.",
    "note_month_deposit": "Solo consta el mes del depósito; no se ha registrado la fecha exacta.",
    "note_year_signature": "Solo consta el año de la firma; no se ha registrado la fecha exacta.",
    "note_month_signature": "Solo consta el mes de la firma; no se ha registrado la fecha exacta.",
    "note_interval": "No se ha registrado la fecha exacta; a más tardar el {latest}.",
    "note_declaration": "No consta la fecha de la declaración; se formuló a más tardar el {latest}.",
    "note_span": "Calculada a partir de una fecha de la que solo consta el año o el mes; el día exacto está entre el "
    "{earliest} y el {latest}.",
    "note_denounced": "Notificación de denuncia recibida el {received}; surte efecto el {effective}.",
    "annex": "Anexo",
    "annex_title": "Estados que han firmado o ratificado la Convención Internacional sobre la protección de los "
    "derechos de todos los trabajadores migratorios y de sus familiares o se han adherido a ella, al {as_of}",
    "col_state": "Estado",
    "col_signature": "Fecha de la firma",
    "col_consent": "Fecha de recepción del instrumento de ratificación o adhesión",
    "mark_a": "Adhesión.",
    "mark_d": "Sucesión.",
    "mark_A": "Aceptación.",
    "mark_AA": "Aprobación.",
    "mark_c": "Confirmación formal.",
    "para_number": "{n}.",
    "notes": "Notas",
    "paren": " ({list})",
}
