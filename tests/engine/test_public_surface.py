"""The engine's public surface, and its purity: no Django, no I/O.

The list below is the declared surface. If ``treatywatch.engine.__all__`` changes, this test fails on purpose:
update the list in the same change, so every addition or removal is a deliberate one.
"""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

import treatywatch.engine as engine

PUBLIC_SURFACE = [
    "CONSENT_KINDS",
    "LANGUAGES",
    "Action",
    "ActionKind",
    "Alignment",
    "Committee",
    "Consequence",
    "DateError",
    "DefinitionError",
    "Denunciation",
    "Due",
    "Enlargement",
    "EnlargementTrigger",
    "EntryIntoForce",
    "LaterStates",
    "LedgerError",
    "PartialDate",
    "Participant",
    "Period",
    "Precision",
    "Procedure",
    "ProcedureStatus",
    "Reconciliation",
    "RecordProblem",
    "Reporting",
    "Rule",
    "Span",
    "State",
    "StateHistory",
    "StateListError",
    "StateRegistry",
    "Status",
    "Term",
    "TimelinePoint",
    "Treaty",
    "TreatyRecord",
    "TreatyWatchError",
    "Tri",
    "UnknownState",
    "UnknownTreaty",
    "consequences",
    "reconcile",
]

ENGINE_DIR = Path(engine.__file__).parent
SOURCES = sorted(ENGINE_DIR.glob("*.py"))

FORBIDDEN_MODULES = {
    "django",
    "os",
    "pathlib",
    "sqlite3",
    "socket",
    "urllib",
    "http",
    "requests",
    "subprocess",
    "shutil",
    "tempfile",
    "io",
    "psycopg",
    "psycopg2",
}
"""Modules whose import would mean the engine reaches for the database, the file system or the network."""

FORBIDDEN_CALLS = {"open", "input", "print", "exec", "eval", "__import__"}
ALLOWED_THIRD_PARTY = {"dateutil"}


def _imports(tree: ast.AST) -> list[tuple[str, int]]:
    """Absolute module names imported by a module (relative imports stay inside the engine)."""
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.extend((alias.name, node.lineno) for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            found.append((node.module, node.lineno))
    return found


def _parse(path: Path) -> ast.AST:
    return ast.parse(path.read_text(encoding="utf-8"), filename=str(path))


# -------------------------------------------------------------------------------------------------------------


def test_the_engines_public_surface_is_exactly_the_declared_list():
    assert sorted(engine.__all__) == sorted(PUBLIC_SURFACE)
    assert len(set(engine.__all__)) == len(engine.__all__)


def test_every_public_name_is_importable_from_the_engine():
    missing = [name for name in PUBLIC_SURFACE if not hasattr(engine, name)]
    assert missing == []


def test_the_engine_has_source_files_to_scan():
    names = {p.name for p in SOURCES}
    assert {"__init__.py", "dates.py", "record.py", "treaty.py", "ledger.py", "tally.py"} <= names


@pytest.mark.parametrize("path", SOURCES, ids=[p.name for p in SOURCES])
def test_an_engine_module_imports_neither_django_nor_any_io_module(path):
    bad = [
        f"{path.name}:{line}: import {name}"
        for name, line in _imports(_parse(path))
        if name.split(".")[0] in FORBIDDEN_MODULES
    ]
    assert bad == []


@pytest.mark.parametrize("path", SOURCES, ids=[p.name for p in SOURCES])
def test_an_engine_module_imports_only_the_standard_library_dateutil_and_itself(path):
    outside = [
        f"{path.name}:{line}: import {name}"
        for name, line in _imports(_parse(path))
        if name.split(".")[0] not in sys.stdlib_module_names and name.split(".")[0] not in ALLOWED_THIRD_PARTY
    ]
    assert outside == []


@pytest.mark.parametrize("path", SOURCES, ids=[p.name for p in SOURCES])
def test_an_engine_module_calls_no_open_print_or_eval(path):
    calls = [
        f"{path.name}:{node.lineno}: {node.func.id}()"
        for node in ast.walk(_parse(path))
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in FORBIDDEN_CALLS
    ]
    assert calls == []


def test_the_scan_would_catch_a_forbidden_import_and_call():
    tree = ast.parse("import os.path\nfrom django.db import models\nfrom . import dates\nopen('x')\n")
    assert [name for name, _ in _imports(tree)] == ["os.path", "django.db"]
    assert any(isinstance(n, ast.Call) and getattr(n.func, "id", "") == "open" for n in ast.walk(tree))


def test_importing_the_engine_loads_no_django_and_no_database_driver():
    code = (
        "import sys, treatywatch.engine\n"
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in {'django', 'sqlite3', 'psycopg', 'socket'})\n"
        "print(','.join(bad))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60)
    assert result.stdout.strip() == ""
