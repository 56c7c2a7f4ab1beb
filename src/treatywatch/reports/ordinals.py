"""Session numbers in words, as the masthead and the text of a General Assembly document give them.

"Fifty-fifth session", "Cinquante-cinquième session", "Quincuagésimo quinto período de sesiones",
"Пятьдесят пятая сессия", "第五十五届会议", "الدورة الخامسة والخمسون". Two forms: the masthead heading
(``heading``) and the form used inside a sentence (``in_text``): lower case, and in Russian the prepositional
case ("на ее пятьдесят пятой сессии"), in Arabic the genitive with the possessive ("في دورتها الخامسة والخمسين").

Words cover sessions 1 to 99 (the ninety-ninth session opens in 2044); larger numbers raise ``ValueError`` rather
than print an invented form.
"""

from __future__ import annotations

__all__ = ["MAX_SESSION", "session_heading", "session_in_text"]

MAX_SESSION = 99

_EN_UNITS = ["", "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth"]
_EN_TEENS = [
    "tenth",
    "eleventh",
    "twelfth",
    "thirteenth",
    "fourteenth",
    "fifteenth",
    "sixteenth",
    "seventeenth",
    "eighteenth",
    "nineteenth",
]
_EN_TENS = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
_EN_TENS_ORD = ["", "", "twentieth", "thirtieth", "fortieth", "fiftieth", "sixtieth", "seventieth", "eightieth"]
_EN_TENS_ORD.append("ninetieth")


def _en(n: int) -> str:
    if n < 10:
        return _EN_UNITS[n]
    if n < 20:
        return _EN_TEENS[n - 10]
    tens, units = divmod(n, 10)
    return _EN_TENS_ORD[tens] if units == 0 else f"{_EN_TENS[tens]}-{_EN_UNITS[units]}"


_FR_CARD = [
    "",
    "un",
    "deux",
    "trois",
    "quatre",
    "cinq",
    "six",
    "sept",
    "huit",
    "neuf",
    "dix",
    "onze",
    "douze",
    "treize",
    "quatorze",
    "quinze",
    "seize",
    "dix-sept",
    "dix-huit",
    "dix-neuf",
]
_FR_TENS = {2: "vingt", 3: "trente", 4: "quarante", 5: "cinquante", 6: "soixante"}
_FR_ORD_LAST = {"un": "unième", "cinq": "cinquième", "neuf": "neuvième", "vingts": "vingtième"}


def _fr_cardinal(n: int) -> str:
    if n < 20:
        return _FR_CARD[n]
    if n < 70:
        tens, units = divmod(n, 10)
        if units == 0:
            return _FR_TENS[tens]
        return f"{_FR_TENS[tens]} et un" if units == 1 else f"{_FR_TENS[tens]}-{_FR_CARD[units]}"
    if n < 80:
        return "soixante et onze" if n == 71 else f"soixante-{_FR_CARD[n - 60]}"
    return "quatre-vingts" if n == 80 else f"quatre-vingt-{_FR_CARD[n - 80]}"


def _fr(n: int) -> str:
    if n == 1:
        return "première"  # session is feminine
    words = _fr_cardinal(n)
    cut = max(words.rfind("-"), words.rfind(" ")) + 1
    head, last = words[:cut], words[cut:]
    if last in _FR_ORD_LAST:
        return head + _FR_ORD_LAST[last]
    return head + (last[:-1] if last.endswith("e") else last) + "ième"


_ES_UNITS = ["", "primer", "segundo", "tercer", "cuarto", "quinto", "sexto", "séptimo", "octavo", "noveno"]
_ES_TEENS = [
    "décimo",
    "undécimo",
    "duodécimo",
    "decimotercer",
    "decimocuarto",
    "decimoquinto",
    "decimosexto",
    "decimoséptimo",
    "decimoctavo",
    "decimonoveno",
]
_ES_TENS = [
    "",
    "",
    "vigésimo",
    "trigésimo",
    "cuadragésimo",
    "quincuagésimo",
    "sexagésimo",
    "septuagésimo",
    "octogésimo",
    "nonagésimo",
]


def _es(n: int) -> str:
    """Masculine, apocopated before the noun ("primer período", "quincuagésimo tercer período")."""
    if n < 10:
        return _ES_UNITS[n]
    if n < 20:
        return _ES_TEENS[n - 10]
    tens, units = divmod(n, 10)
    return _ES_TENS[tens] if units == 0 else f"{_ES_TENS[tens]} {_ES_UNITS[units]}"


_RU_UNITS = ["", "первая", "вторая", "третья", "четвертая", "пятая", "шестая", "седьмая", "восьмая", "девятая"]
_RU_TEENS = [
    "десятая",
    "одиннадцатая",
    "двенадцатая",
    "тринадцатая",
    "четырнадцатая",
    "пятнадцатая",
    "шестнадцатая",
    "семнадцатая",
    "восемнадцатая",
    "девятнадцатая",
]
_RU_TENS_ORD = [
    "",
    "",
    "двадцатая",
    "тридцатая",
    "сороковая",
    "пятидесятая",
    "шестидесятая",
    "семидесятая",
    "восьмидесятая",
    "девяностая",
]
_RU_TENS = ["", "", "двадцать", "тридцать", "сорок", "пятьдесят", "шестьдесят", "семьдесят", "восемьдесят", "девяносто"]


def _ru(n: int, prepositional: bool) -> str:
    """Feminine (сессия); only the last word of a compound ordinal declines."""
    if n < 10:
        word = _RU_UNITS[n]
    elif n < 20:
        word = _RU_TEENS[n - 10]
    else:
        tens, units = divmod(n, 10)
        word = _RU_TENS_ORD[tens] if units == 0 else f"{_RU_TENS[tens]} {_RU_UNITS[units]}"
    if not prepositional:
        return word
    if word.endswith("ья"):  # третья -> третьей
        return word[:-1] + "ей"
    return word[:-2] + "ой"


_ZH_DIGITS = "〇一二三四五六七八九"


def _zh(n: int) -> str:
    if n < 10:
        return _ZH_DIGITS[n]
    tens, units = divmod(n, 10)
    head = "十" if tens == 1 else _ZH_DIGITS[tens] + "十"
    return head + (_ZH_DIGITS[units] if units else "")


_AR_UNITS = ["", "الأولى", "الثانية", "الثالثة", "الرابعة", "الخامسة", "السادسة", "السابعة", "الثامنة", "التاسعة"]
_AR_TENS_NOM = ["", "العاشرة", "العشرون", "الثلاثون", "الأربعون", "الخمسون", "الستون", "السبعون", "الثمانون", "التسعون"]


def _ar(n: int, genitive: bool) -> str:
    """Feminine (الدورة). In compounds 1 is الحادية; the tens take -ين in the genitive."""
    if n < 10:
        return _AR_UNITS[n]
    if n == 10:
        return "العاشرة"
    tens, units = divmod(n, 10)
    unit = "الحادية" if units == 1 else _AR_UNITS[units]
    if tens == 1:
        return f"{unit} عشرة"
    ten = _AR_TENS_NOM[tens]
    if genitive:
        ten = ten[:-2] + "ين"
    return ten if units == 0 else f"{unit} و{ten}"


def _check(n: int) -> None:
    if not 1 <= n <= MAX_SESSION:
        raise ValueError(f"session {n}: session numbers in words are supported from 1 to {MAX_SESSION}")


def session_heading(n: int, lang: str) -> str:
    """The masthead line: "Fifty-fifth session"."""
    _check(n)
    if lang == "zh":
        return f"第{_zh(n)}届会议"
    if lang == "ar":
        return f"الدورة {_ar(n, genitive=False)}"
    text = session_in_text(n, lang) if lang != "ru" else f"{_ru(n, prepositional=False)} сессия"
    return text[0].upper() + text[1:]


def session_in_text(n: int, lang: str) -> str:
    """The form inside a sentence: "fifty-fifth session", "пятьдесят пятой сессии", "دورتها الخامسة والخمسين"."""
    _check(n)
    if lang == "en":
        return f"{_en(n)} session"
    if lang == "fr":
        return f"{_fr(n)} session"
    if lang == "es":
        return f"{_es(n)} período de sesiones"
    if lang == "ru":
        return f"{_ru(n, prepositional=True)} сессии"
    if lang == "zh":
        return f"第{_zh(n)}届会议"
    if lang == "ar":
        return f"دورتها {_ar(n, genitive=True)}"
    raise ValueError(f"unknown language {lang!r}")
