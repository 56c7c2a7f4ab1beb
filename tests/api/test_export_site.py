"""``export_site DIR``: the whole public portal as static files, with no broken link, and idempotent."""

from __future__ import annotations

import io
import json
import os
import re
import subprocess
import sys
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
from django.test import Client

from treatywatch.api.sitecopy import CHUNK, SiteCopy, file_for, html_links

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


class EveryLink(HTMLParser):
    """What ``html_links`` stands in for: the standard library's parser, reporting the linking attributes."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.found += [v for k, v in attrs if k in ("href", "src", "action", "xlink:href") and v]


def parsed(text: str) -> list[str]:
    parser = EveryLink()
    parser.feed(text)
    return parser.found


@pytest.mark.parametrize(
    "html",
    [
        '<a href="/x?a=1&amp;b=2">x</a>',
        "<A HREF='/y'>",
        '<img src=/z.png alt="a > b">',
        '<!-- <a href="/commented"> --><a href="/after-comment">',
        '<script>var a = "<a href=\\"/in-script\\">";</script><a href="/after-script">',
        '<SCRIPT src="/s.js">x = "<a href=/no>"</SCRIPT ><a href="/a2">',
        '<style>a { background: url(/in-style) }</style><a href="/after-style">',
        '<a title="x" href="/q" />',
        '<svg><use xlink:href="#i"/></svg>',
        '<a href>empty</a><a href="">empty</a>',
        '<form action="/f" method=get>',
        '<a\nhref="/newline">',
        '<a data-href="/data" href="/yes">',
        "<p>1 < 2 <a href='/lt'>",
        '<a href="/unterminated',
        '<!-- unterminated <a href="/no">',
    ],
)
def test_html_links_reads_the_links_html_parser_reads(html: str) -> None:
    assert html_links(html) == parsed(html)


def test_html_links_agrees_with_html_parser_on_every_kind_of_page(loaded: None, client: Client) -> None:
    for lang in ("ar", "zh-hans", "en"):
        for path in ("", "treaties/ICRMW/", "states/MEX/", "states/YUG/", "timeline/", "search/", "widget/ICRMW/"):
            text = client.get(f"/{lang}/{path}").content.decode()
            assert html_links(text) == parsed(text), path
    text = client.get("/api/v1/docs").content.decode()
    assert html_links(text) == parsed(text)


FORKED_EXPORT = """
import json, sys
from pathlib import Path

import django

django.setup()
from treatywatch.api.sitecopy import SiteCopy, can_fork

root, base = Path(sys.argv[1]), "http://127.0.0.1"
assert can_fork()
in_this_process = []  # addresses exported by this process (the forked ones append to their own copy)
export = SiteCopy.export
SiteCopy.export = lambda self, path: in_this_process.append(path) or export(self, path)
states = ["ARG", "CZE", "CSK", "DEU", "FRA", "MEX", "YUG"]
files = ["/api/v1/docs", "/data/datapackage.json", "/badge/ICRMW.svg"]
files += [f"/{lang}/feeds/states/{s}.atom" for lang in ("en", "ar", "zh-hans", "fr", "ru", "es") for s in states]
pages = [f"/{lang}/states/{s}/" for lang in ("en", "ar", "zh-hans", "ru") for s in states]
pages += ["/fr/", "/es/treaties/CAT/"]
progress = []
reports = {
    "files serial": SiteCopy(root / "serial", base).run(files, jobs=1),
    "pages serial": SiteCopy(root / "serial", base).run(pages, follow=False, jobs=1),
}
serial = len(in_this_process)
reports["files forked"] = SiteCopy(root / "forked", base, progress=progress.append).run(files, jobs=2)
reports["pages forked"] = SiteCopy(root / "forked", base).run(pages, follow=False, jobs=2)
reports["again"] = SiteCopy(root / "forked", base).run(files + pages, follow=False, jobs=2)
out = {k: [r.written, r.unchanged, r.missing] for k, r in reports.items()}
here = [serial, len(in_this_process) - serial]
print(json.dumps({"reports": out, "sizes": [len(files), len(pages)], "progress": progress, "here": here}))
"""


@pytest.mark.slow
def test_an_export_shared_among_processes_writes_the_same_files(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "DJANGO_SETTINGS_MODULE")}
    env.update(
        TREATYWATCH_ENV="test", TREATYWATCH_DATA_DIR=str(tmp_path), DJANGO_SETTINGS_MODULE="treatywatch.site.settings"
    )
    subprocess.run([sys.executable, "-m", "treatywatch.cli", "load"], env=env, check=True, capture_output=True)
    done = subprocess.run(
        [sys.executable, "-c", FORKED_EXPORT, str(tmp_path)], env=env, check=True, capture_output=True, timeout=600
    )
    result = json.loads(done.stdout)
    files, pages = result["sizes"]
    assert files > CHUNK and pages > CHUNK  # more than one chunk: shared out
    assert result["here"][1] == 0 and result["here"][0] > files + pages  # the forked runs exported nothing here
    reports = result["reports"]
    # The API documentation's stylesheet and scripts are found by following its links, in the processes too.
    assert reports["files serial"] == reports["files forked"] and reports["files forked"][0] > files
    assert reports["pages serial"] == reports["pages forked"] == [pages, 0, []]
    assert reports["again"] == [0, files + pages, []]
    assert result["progress"][-1].startswith("export-site: done;")
    serial = {
        p.relative_to(tmp_path / "serial"): p.read_bytes() for p in (tmp_path / "serial").rglob("*") if p.is_file()
    }
    forked = {
        p.relative_to(tmp_path / "forked"): p.read_bytes() for p in (tmp_path / "forked").rglob("*") if p.is_file()
    }
    assert serial.keys() == forked.keys() and len(serial) == reports["files serial"][0] + pages
    assert [name for name in serial if serial[name] != forked[name]] == []


def test_export_site_without_collected_static_files_says_what_to_run(tmp_path: Path) -> None:
    from django.core.management import CommandError, call_command
    from django.test import override_settings

    manifest = {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"}
    storages = {"default": {"BACKEND": "django.core.files.storage.FileSystemStorage"}, "staticfiles": manifest}
    with (
        override_settings(STORAGES=storages, STATIC_ROOT=tmp_path / "static"),
        pytest.raises(CommandError, match="collectstatic"),
    ):
        call_command("export_site", str(tmp_path / "copy"))
    assert not (tmp_path / "copy").exists()
