"""The interface translations: every catalogue under src/treatywatch/locale complete, consistent and compiled.

English is the source language; Arabic, Chinese (Simplified), French, Russian and Spanish each have a
``locale/<lang>/LC_MESSAGES/django.po`` made by ``makemessages`` and a ``django.mo`` made by ``compilemessages``.
No database is needed: the catalogues are read with babel (a dependency of the project) and the standard library.

To bring the catalogues up to date after changing a translatable string, from src/treatywatch with
TREATYWATCH_ENV=test and DJANGO_SETTINGS_MODULE=treatywatch.site.settings:

    django-admin makemessages -l ar -l zh_Hans -l fr -l ru -l es -e html,txt,svg,py --no-location --ignore "*/tests/*"
    (translate the new entries in each locale/<lang>/LC_MESSAGES/django.po; remove "#, fuzzy" once checked)
    django-admin compilemessages

A ``.mo`` counts as out of date when its messages differ from its ``.po``: a git checkout does not keep file
modification times, so comparing them would pass or fail by chance.
"""

from __future__ import annotations

import gettext
import re
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from babel.messages.catalog import Catalog, Message
from babel.messages.pofile import read_po

import treatywatch

PACKAGE = Path(treatywatch.__file__).resolve().parent
LOCALE = PACKAGE / "locale"

PLURAL_FORMS = {
    "ar": "nplurals=6; plural=n==0 ? 0 : n==1 ? 1 : n==2 ? 2 : n%100>=3 && n%100<=10 ? 3 : n%100>=11 ? 4 : 5;",
    "zh_Hans": "nplurals=1; plural=0;",
    "fr": "nplurals=2; plural=(n > 1);",
    "ru": "nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n%10>=2 && n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2);",
    "es": "nplurals=2; plural=(n != 1);",
}
"""The five translated languages (the directory names makemessages uses) and their plural rules."""

SAME_IN_EVERY_LANGUAGE = {
    "TreatyWatch",
    "treatywatch",
    "API",
    "Atom",
    "CSV",
    "DOCX",
    "HTML",
    "ICRMW",
    "JSON",
    "PDF",
    "SVG",
}
"""The project's name, file formats and codes: they stay as they are."""

SAME_AS_ENGLISH = {
    # Words that French spells as English does.
    "fr": {
        "Article",
        "Date",
        "Europe",
        "Instrument",
        "Note",
        "Notifications",
        "Objection",
        "Participant",
        "Participants",
        "Ratification",
        "Session",
        "session",
        "Signature",
        "Source",
        "Succession",
        "%(action)s (article %(article)s)",
        "%(title)s (article %(article)s)",
    },
    # UN M49 names that Spanish spells as English does.
    "es": {"Asia", "Melanesia", "Micronesia"},
}
"""msgids whose translation may equal the English, by language. A msgid of placeholders and punctuation only
(a list separator, "%(state)s: %(position)s") may always stay as it is."""

EXTENSIONS = ["html", "txt", "svg", "py"]
"""What makemessages reads: templates (HTML, text, SVG) and Python. The project has no JavaScript to translate."""

_PLACEHOLDER = re.compile(
    r"%\(\w+\)[-#0 +]*\d*(?:\.\d+)?[diouxXeEfFgGcrsa]"  # %(name)s
    r"|%[-#0 +]*\d*(?:\.\d+)?[diouxXeEfFgGcrsa]"  # %s, %d
    r"|\{\w*\}"  # {name}, {}
)


def placeholders(text: str) -> list[str]:
    return sorted(_PLACEHOLDER.findall(text.replace("%%", "")))


def _catalogue_paths() -> list[Path]:
    return sorted(LOCALE.glob("*/LC_MESSAGES/django.po"))


def _read(po: Path) -> Catalog:
    with po.open("rb") as f:
        return read_po(f)


def _messages(catalog: Catalog) -> Iterator[Message]:
    """The catalogue's messages without the header (obsolete "#~" entries are not among them)."""
    return (m for m in catalog if m.id)


def _ids(m: Message) -> tuple[str, ...]:
    return tuple(m.id) if isinstance(m.id, (list, tuple)) else (m.id,)


def _strings(m: Message) -> tuple[str, ...]:
    return tuple(m.string) if isinstance(m.string, (list, tuple)) else (m.string,)


def _key(m: Message) -> tuple[str | None, tuple[str, ...]]:
    return (m.context, _ids(m))


def _label(m: Message) -> str:
    return f"{m.context}|{_ids(m)[0]!r}" if m.context else repr(_ids(m)[0])


def _lang(po: Path) -> str:
    return po.parent.parent.name


@pytest.fixture(params=sorted(PLURAL_FORMS), ids=sorted(PLURAL_FORMS))
def po(request: pytest.FixtureRequest) -> Path:
    path = LOCALE / request.param / "LC_MESSAGES" / "django.po"
    assert path.is_file(), f"{path} is missing: run makemessages for {request.param} (see the module docstring)"
    return path


def test_every_catalogue_is_a_known_language() -> None:
    found = {_lang(p) for p in _catalogue_paths()}
    assert found == set(PLURAL_FORMS), f"catalogues for {sorted(found)}, expected {sorted(PLURAL_FORMS)}"


def test_plural_forms_header(po: Path) -> None:
    text = po.read_text(encoding="utf-8")
    found = re.search(r'^"Plural-Forms: (.*)\\n"$', text, re.MULTILINE)
    assert found is not None, f"{po}: no Plural-Forms header"
    assert found.group(1) == PLURAL_FORMS[_lang(po)], f"{po}: Plural-Forms is {found.group(1)!r}"
    assert re.search(r'^"Content-Type: text/plain; charset=UTF-8\\n"$', text, re.MULTILINE), f"{po}: not UTF-8"


def test_no_empty_or_fuzzy_entry(po: Path) -> None:
    catalog = _read(po)
    nplurals = int(PLURAL_FORMS[_lang(po)].split(";")[0].removeprefix("nplurals="))
    problems = []
    if catalog.fuzzy:
        problems.append("the header is marked fuzzy")
    for m in _messages(catalog):
        strings = _strings(m)
        if m.fuzzy:
            problems.append(f"fuzzy: {_label(m)}")
        if m.pluralizable and len(strings) != nplurals:
            problems.append(f"{len(strings)} plural forms instead of {nplurals}: {_label(m)}")
        if not all(s.strip() for s in strings):
            problems.append(f"untranslated: {_label(m)}")
    assert not problems, f"{po}:\n" + "\n".join(problems)


def test_nothing_left_in_english(po: Path) -> None:
    allowed = SAME_IN_EVERY_LANGUAGE | SAME_AS_ENGLISH.get(_lang(po), set())
    problems = []
    for m in _messages(_read(po)):
        ids = _ids(m)
        if ids[0] in allowed or not re.search(r"[^\W\d_]", _PLACEHOLDER.sub("", ids[0])):
            continue
        problems += [f"same as the English: {_label(m)}" for s in _strings(m) if s in ids]
    assert not problems, f"{po}:\n" + "\n".join(problems)


def test_placeholders_kept(po: Path) -> None:
    problems = []
    for m in _messages(_read(po)):
        ids = _ids(m)
        expected = sorted(set().union(*(placeholders(i) for i in ids)))
        for n, s in enumerate(_strings(m)):
            found = sorted(set(placeholders(s)))
            if found != expected:
                problems.append(f"{_label(m)} [{n}]: {found} instead of {expected}")
    assert not problems, f"{po}:\n" + "\n".join(problems)


def test_every_language_has_the_same_messages() -> None:
    keys = {_lang(p): {_key(m) for m in _messages(_read(p))} for p in _catalogue_paths()}
    reference = keys.get("fr", set())
    for lang, found in keys.items():
        assert found == reference, (
            f"{lang} differs from fr: missing {sorted(reference - found)[:10]}, extra {sorted(found - reference)[:10]}"
        )


def _expected_mo(catalog: Catalog) -> dict[Any, str]:
    expected: dict[Any, str] = {}
    for m in _messages(catalog):
        key = f"{m.context}\x04{_ids(m)[0]}" if m.context else _ids(m)[0]
        if m.pluralizable:
            for n, s in enumerate(_strings(m)):
                expected[(key, n)] = s
        else:
            expected[key] = _strings(m)[0]
    return expected


def test_mo_compiled_from_the_current_po(po: Path) -> None:
    mo = po.with_suffix(".mo")
    assert mo.is_file(), f"{mo} is missing: run compilemessages"
    with mo.open("rb") as f:
        compiled = dict(gettext.GNUTranslations(f)._catalog)  # type: ignore[attr-defined]
    compiled.pop("", None)
    expected = _expected_mo(_read(po))
    stale = sorted(str(k) for k in expected.keys() ^ compiled.keys()) + sorted(
        str(k) for k in expected.keys() & compiled.keys() if expected[k] != compiled[k]
    )
    assert not stale, f"{mo} is older than {po.name}: run compilemessages. Differences: {stale[:10]}"


def test_msgfmt_accepts(po: Path) -> None:
    msgfmt = shutil.which("msgfmt")
    if msgfmt is None:
        pytest.skip("GNU gettext's msgfmt is not installed (apt-get install gettext)")
    done = subprocess.run(
        [msgfmt, "--check-format", "--check-header", "--check-domain", "-o", "/dev/null", str(po)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, f"msgfmt rejects {po}:\n{done.stderr}"


def _sources_only(directory: str, names: list[str]) -> list[str]:
    """copytree's ignore: keep folders and the files makemessages reads; leave out the catalogues themselves."""
    base = Path(directory)
    skipped = []
    for n in names:
        if (base / n).is_dir():
            if n in {"locale", "__pycache__"}:
                skipped.append(n)
        elif n.rsplit(".", 1)[-1] not in EXTENSIONS:
            skipped.append(n)
    return skipped


def test_makemessages_finds_no_new_message(tmp_path: Path, settings: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    """A string marked for translation in the code or templates but missing from the catalogues fails here, as
    does a catalogue entry whose string is gone from the code: run makemessages (module docstring) and translate.
    makemessages runs on a copy of the package's sources, so the real catalogues are left alone."""
    if shutil.which("xgettext") is None or shutil.which("msgmerge") is None:
        pytest.skip("GNU gettext (xgettext, msgmerge) is not installed (apt-get install gettext)")
    from django.core.management import call_command

    source = tmp_path / "treatywatch"
    shutil.copytree(PACKAGE, source, ignore=_sources_only)
    locale = source / "locale"
    locale.mkdir()
    settings.LOCALE_PATHS = [locale]
    monkeypatch.chdir(source)
    call_command(
        "makemessages",
        locale=["fr"],
        extensions=EXTENSIONS,
        no_location=True,
        ignore_patterns=["tests/*", "*/tests/*"],
        verbosity=0,
    )
    in_code = {_key(m) for m in _messages(_read(locale / "fr" / "LC_MESSAGES" / "django.po"))}
    committed = {_key(m) for m in _messages(_read(LOCALE / "fr" / "LC_MESSAGES" / "django.po"))}

    def show(keys: set[tuple[str | None, tuple[str, ...]]]) -> str:
        return "\n".join(f"  {ctx + ' | ' if ctx else ''}{ids[0]!r}" for ctx, ids in sorted(keys, key=str))

    added, gone = in_code - committed, committed - in_code
    assert not added, (
        "strings marked for translation but not in the catalogues (run makemessages, translate, compilemessages):\n"
        + show(added)
    )
    assert not gone, "catalogue entries no longer in the code (run makemessages):\n" + show(gone)
