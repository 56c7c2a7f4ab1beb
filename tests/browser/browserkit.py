"""What the browser tests share: where Chromium and axe-core are, the server's address, the guard on each page.

Every page is opened in a fresh browser context whose requests to any host but the server are refused and
recorded (``Guard``): a test fails if a page tried to reach another site, or if the browser reported a
Content-Security-Policy violation or a script error.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
]
HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
SCREENSHOTS = REPO / "test-output" / "browser"
AXE = HERE / "node_modules" / "axe-core" / "axe.min.js"

NO_CHROMIUM = f"{CHROMIUM} is missing (Debian: apt-get install chromium)"
browser_tests = [pytest.mark.browser, pytest.mark.skipif(not CHROMIUM.exists(), reason=NO_CHROMIUM)]
"""The ``pytestmark`` of every module here."""

LANG_TAGS = {"ar": "ar", "zh-hans": "zh-Hans", "en": "en"}
"""URL prefix -> the value of <html lang>."""


@dataclass(frozen=True)
class Server:
    base: str
    """``http://127.0.0.1:PORT``"""

    @property
    def netloc(self) -> str:
        return urlsplit(self.base).netloc

    def url(self, path: str) -> str:
        return self.base + path


@dataclass
class Guard:
    """What a page tried that it must not: requests to other hosts, CSP violations, script errors."""

    server: Server
    foreign: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)

    def route(self, route: Any) -> None:
        url = urlsplit(route.request.url)
        if url.scheme in ("http", "https") and url.netloc == self.server.netloc:
            route.continue_()
        else:
            self.foreign.append(route.request.url)
            route.abort("blockedbyclient")

    def console(self, message: Any) -> None:
        if "Content Security Policy" in message.text or "Content-Security-Policy" in message.text:
            self.problems.append(f"console: {message.text}")

    def page_error(self, error: Any) -> None:
        self.problems.append(f"script error: {error}")

    def check(self) -> None:
        assert not self.foreign, f"the page tried to reach another host: {self.foreign}"
        assert not self.problems, "\n".join(self.problems)


NewPage = Callable[..., tuple[Any, Guard]]
"""The ``new_page`` fixture: ``new_page(**context_options)`` -> (page, guard)."""


def screenshot(page: Any, name: str, full_page: bool = True) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=full_page)
