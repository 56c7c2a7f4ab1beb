"""axe-core in Chromium on the public pages in English, Arabic and Chinese: WCAG 2.1 A and AA rules, no violation
of impact "serious" or "critical".

axe-core is pinned in tests/browser/package-lock.json and installed with ``npm ci --prefix tests/browser``. The
site's Content-Security-Policy allows no inline script, so the context that injects axe bypasses the CSP (the
pages' own behaviour under the CSP is checked in test_pages_in_browser.py). Every violation found, of any impact,
is written to test-output/browser/axe-<page>-<lang>.json.
"""

from __future__ import annotations

import json
from typing import Any

import pytest
from browserkit import AXE, SCREENSHOTS, NewPage, Server, browser_tests

pytestmark = browser_tests

TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
BLOCKING = ("serious", "critical")
PAGES = {
    "home": "",
    "treaty": "treaties/ICRMW/",
    "state": "states/MEX/",
    "timeline": "timeline/",
    "search": "search/?q=guin",
}
RUN = """tags => axe.run(document, {runOnly: {type: "tag", values: tags}, resultTypes: ["violations"]})"""


def _describe(violation: dict[str, Any]) -> str:
    nodes = violation["nodes"]
    targets = "; ".join(" ".join(n["target"]) if isinstance(n["target"], list) else str(n["target"]) for n in nodes)
    return f"{violation['impact']} {violation['id']}: {violation['help']} ({len(nodes)} nodes: {targets[:400]})"


def _require_axe() -> None:
    if not AXE.exists():
        pytest.fail(f"axe-core is not installed ({AXE} is missing): run `npm ci --prefix tests/browser`")


def test_axe_finds_what_it_should(new_page: NewPage) -> None:
    """The harness itself: a page with an unlabelled field and an image without text fails."""
    _require_axe()
    page, _ = new_page(bypass_csp=True)
    page.set_content('<html lang="en"><title>t</title><main><img src="data:,"><input type="text"></main></html>')
    page.add_script_tag(path=str(AXE))
    found = {v["id"]: v["impact"] for v in page.evaluate(RUN, TAGS)["violations"]}
    assert found.get("image-alt") == "critical" and found.get("label") == "critical", found


@pytest.mark.parametrize("lang", ["en", "ar", "zh-hans"])
@pytest.mark.parametrize("name", PAGES)
def test_no_serious_or_critical_accessibility_violations(
    new_page: NewPage, server: Server, name: str, lang: str
) -> None:
    _require_axe()
    page, guard = new_page(bypass_csp=True)
    response = page.goto(server.url(f"/{lang}/{PAGES[name]}"))
    assert response is not None and response.status == 200
    page.add_script_tag(path=str(AXE))
    result = page.evaluate(RUN, TAGS)
    violations = result["violations"]
    assert len(result["passes"]) >= 10, "axe checked next to nothing: are the tags right?"
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    report = {"url": page.url, "axe": result["testEngine"]["version"], "tags": TAGS, "violations": violations}
    (SCREENSHOTS / f"axe-{name}-{lang}.json").write_text(json.dumps(report, ensure_ascii=False, indent=1))
    blocking = [_describe(v) for v in violations if v["impact"] in BLOCKING]
    assert not blocking, f"/{lang}/{PAGES[name]}:\n" + "\n".join(blocking)
    guard.check()
