"""The layers keep their places: the engine is pure, and no public code imports the confidential cases app."""

from __future__ import annotations

import ast
import re
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "src" / "treatywatch"
CONFIDENTIAL = "treatywatch.cases"
PUBLIC_AREAS = ("engine", "portal", "api", "reports", "treaties", "site", "cli.py", "serialize.py", "catalogue.py")


def imported_modules(path: Path) -> set[str]:
    package = ".".join(path.relative_to(PACKAGE.parent).with_suffix("").parts[:-1])
    return modules_in(path.read_text(encoding="utf-8"), package)


def modules_in(source: str, package: str) -> set[str]:
    tree = ast.parse(source)
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                module = ".".join([*base, node.module] if node.module else base)
            else:
                module = node.module or ""
            found.add(module)
            found.update(f"{module}.{alias.name}" for alias in node.names)
    return found


def python_files(area: str) -> list[Path]:
    target = PACKAGE / area
    return [target] if target.is_file() else sorted(target.rglob("*.py"))


def test_public_code_never_imports_the_confidential_cases_app() -> None:
    offenders = []
    for area in PUBLIC_AREAS:
        for path in python_files(area):
            if any(m == CONFIDENTIAL or m.startswith(CONFIDENTIAL + ".") for m in imported_modules(path)):
                offenders.append(str(path.relative_to(PACKAGE)))
    assert offenders == []


def test_the_check_would_catch_an_import_of_the_cases_app() -> None:
    assert CONFIDENTIAL in modules_in("from treatywatch.cases import models\n", "treatywatch.portal")
    assert "treatywatch.cases.models" in modules_in("from ..cases import models\n", "treatywatch.portal")
    assert "treatywatch.cases.crypto" in modules_in("import treatywatch.cases.crypto\n", "treatywatch.api")


def test_the_engine_imports_nothing_but_itself_and_the_standard_library() -> None:
    allowed = re.compile(
        r"^(treatywatch\.engine(\..*)?|__future__|dataclasses|datetime|enum|functools|itertools|operator|typing|re|"
        r"calendar|bisect|collections(\.abc)?|unicodedata|dateutil\.relativedelta(\..*)?)$"
    )
    for path in python_files("engine"):
        for module in imported_modules(path):
            root = module.split(".")[0]
            if root == "treatywatch":
                assert module.startswith("treatywatch.engine"), f"{path.name} imports {module}"
            else:
                assert allowed.match(module) or allowed.match(module.rsplit(".", 1)[0]), f"{path.name} imports {module}"


def test_every_setting_read_from_the_environment_is_documented() -> None:
    settings = (PACKAGE / "site" / "settings.py").read_text(encoding="utf-8")
    names = set(re.findall(r'os\.environ\.get\("([A-Z_]+)"', settings))
    assert names, "settings read no environment variables?"
    documented = (PACKAGE.parent.parent / "docs" / "configuration.md").read_text(encoding="utf-8")
    missing = sorted(n for n in names if f"`{n}`" not in documented)
    assert missing == []
