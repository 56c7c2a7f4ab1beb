"""``export_site DIR``: the whole public portal as static files, with no broken link, and idempotent."""

from __future__ import annotations

import io
import re
import threading
from collections import deque
from collections.abc import Iterator
from functools import partial
from html.parser import HTMLParser
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.error import HTTPError
from urllib.parse import urljoin, urlsplit
from urllib.request import urlopen

import pytest
from django.core.management import call_command

from treatywatch.api.sitecopy import SiteCopy, file_for

from .conftest import forget_caches

pytestmark = pytest.mark.django_db


class QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


@pytest.fixture
def static_server(tmp_path: Path) -> Iterator[tuple[Path, str]]:
    """A static file server on loopback for the export directory, and its base address."""
    root = tmp_path / "site"
    root.mkdir()
    server = ThreadingHTTPServer(("127.0.0.1", 0), partial(QuietHandler, directory=str(root)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield root, f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


class Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.found: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.found += [v for k, v in attrs if k in ("href", "src") and v]


def crawl(base: str, start: str) -> tuple[int, list[tuple[str, str, int]]]:
    """Follow every link of the site from ``start``; return pages visited and (page, link, status) failures."""
    queue, seen, broken = deque([start]), {start}, []
    pages = 0
    while queue:
        url = queue.popleft()
        try:
            with urlopen(url, timeout=10) as response:
                body, kind = response.read(), response.headers.get("Content-Type", "")
        except HTTPError as exc:
            broken.append(("", url, exc.code))
            continue
        if not kind.startswith("text/html"):
            continue
        pages += 1
        parser = Links()
        parser.feed(body.decode("utf-8"))
        for ref in parser.found:
            target = urljoin(url, ref)
            parts = urlsplit(target)
            if f"{parts.scheme}://{parts.netloc}" != base:
                continue
            clean = f"{base}{parts.path}"
            if clean not in seen:
                seen.add(clean)
                queue.append(clean)
    return pages, broken


def test_file_for_maps_addresses_to_files() -> None:
    assert file_for("/") == "index.html"
    assert file_for("/en/states/MEX/") == "en/states/MEX/index.html"
    assert file_for("/data/ICRMW/ledger.csv") == "data/ICRMW/ledger.csv"
    assert file_for("/api/v1/docs") == "api/v1/docs/index.html"


def test_the_exported_site_has_no_broken_link_and_an_unchanged_export_writes_nothing(
    loaded: None, static_server: tuple[Path, str]
) -> None:
    root, base = static_server
    out, err = io.StringIO(), io.StringIO()
    call_command("export_site", str(root), base_url=base, stdout=out, stderr=err)
    summary = out.getvalue()
    written = int(re.search(r"(\d+) written", summary).group(1))  # type: ignore[union-attr]
    assert written > 1000 and "0 unchanged" in summary, summary
    assert "export-site:" in err.getvalue()  # progress
    assert "answered" not in summary, summary
    for page in ("en/index.html", "ar/states/MEX/index.html", "zh-hans/treaties/ICRMW/index.html"):
        assert (root / page).is_file(), page
    for other in ("data/datapackage.json", "data/ICRMW/ledger.csv", "badge/ICRMW.svg", "fr/feeds/states/MEX.atom"):
        assert (root / other).is_file(), other
    assert "/static/portal/site.css" in (root / "en" / "index.html").read_text(encoding="utf-8")

    pages, broken = crawl(base, f"{base}/en/index.html")
    assert pages > 1000
    assert broken == []

    # Again, from cold caches, over a sample of every kind of file: nothing is rewritten.
    forget_caches()
    sample = ["/", "/data/datapackage.json", "/data/ledger.csv", "/data/ICRMW/participants.json", "/badge/ICRMW.svg"]
    for lang in ("ar", "zh-hans", "en"):
        sample += [f"/{lang}/", f"/{lang}/treaties/ICRMW/", f"/{lang}/states/MEX/", f"/{lang}/timeline/"]
        sample += [f"/{lang}/widget/ICRMW/", f"/{lang}/feeds/states/ARG.atom", f"/{lang}/feeds/actions.atom"]
    report = SiteCopy(root, base).run(sample, follow=False)
    assert (report.written, report.unchanged) == (0, len(sample)), report.changed
