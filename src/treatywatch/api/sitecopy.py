"""An offline copy of the public portal as static files: what ``treatywatch export-site DIR`` writes.

Pages are rendered in-process by the same views that serve the site (Django's test client, no server), as of
today, and written where a static web server finds them: ``/en/states/MEX/`` becomes ``en/states/MEX/index.html``,
``/data/ICRMW/ledger.csv`` stays a file. It starts from every page of every language (home, each treaty, each
State, timeline, search, widgets), the downloads, the badge and the feeds, and follows every link and stylesheet
it finds on the site. A link's query string is dropped (a static server answers the page without it).

Links are kept as the site writes them (root-relative, or absolute on ``base_url``), so the copy works served at
the root of ``base_url``'s host. A file whose bytes did not change is not rewritten: exporting an unchanged
record again writes nothing.
"""

from __future__ import annotations

import os
import re
from collections import deque
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from html import escape
from html.parser import HTMLParser
from pathlib import Path
from typing import Any
from urllib.parse import urljoin, urlsplit

from django.conf import settings
from django.contrib.staticfiles import finders
from django.test import Client

from treatywatch.engine import LANGUAGES
from treatywatch.treaties import store

from .documents import portal_lang
from .downloads import PACKAGE_TABLES, PER_TREATY

__all__ = ["ExportReport", "SiteCopy", "file_for"]

PUBLIC = re.compile(r"^/(?:(?:ar|zh-hans|en|fr|ru|es)/|data/|badge/|static/|api/v1/(?:docs|openapi\.json)$)")
"""What the copy holds: the portal's pages in each language, the downloads, the badge, static files, API docs."""
_CSS_URL = re.compile(r"url\(\s*['\"]?([^'\")]+)['\"]?\s*\)")


def file_for(path: str) -> str:
    """The file that answers ``path`` on a static server: directories get ``index.html``."""
    if path.endswith("/"):
        return path.lstrip("/") + "index.html"
    if "." in path.rsplit("/", 1)[-1]:
        return path.lstrip("/")
    return path.lstrip("/") + "/index.html"


@dataclass
class ExportReport:
    written: int = 0
    unchanged: int = 0
    redirects: int = 0
    missing: list[tuple[str, int]] = field(default_factory=list)
    """Links the site answered with an error: (path, status)."""
    changed: list[str] = field(default_factory=list)
    """The files written (new or different)."""

    @property
    def files(self) -> int:
        return self.written + self.unchanged

    def __str__(self) -> str:
        text = f"{self.files} files: {self.written} written, {self.unchanged} unchanged"
        if self.missing:
            text += f"; {len(self.missing)} links answered an error (first: {self.missing[0][0]} {self.missing[0][1]})"
        return text


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.found += [v for k, v in attrs if k in ("href", "src", "action", "xlink:href") and v]


class SiteCopy:
    def __init__(self, target: Path, base_url: str, progress: Callable[[str], None] | None = None) -> None:
        parts = urlsplit(base_url)
        self.target = target
        self.base = f"{parts.scheme}://{parts.netloc}"
        environ: dict[str, Any] = {"HTTP_HOST": parts.netloc, "wsgi.url_scheme": parts.scheme}
        self.client = Client(**environ)
        self.progress = progress or (lambda _: None)
        self.report = ExportReport()

    def seeds(self) -> list[str]:
        cat = store.catalogue()
        treaties = sorted(cat.treaties)
        states = sorted(s.code for s in cat.states)
        paths = ["/", "/data/datapackage.json", "/api/v1/docs", "/api/v1/openapi.json"]
        paths += [f"/data/{name}.{fmt}" for name in PACKAGE_TABLES for fmt in ("csv", "json")]
        paths += [f"/data/{t}/{name}.{fmt}" for t in treaties for name in PER_TREATY for fmt in ("csv", "json")]
        paths += [f"/badge/{t}.svg" for t in treaties]
        for lang in (portal_lang(code) for code in LANGUAGES):
            paths += [f"/{lang}/", f"/{lang}/timeline/", f"/{lang}/search/", f"/{lang}/feeds/actions.atom"]
            paths += [f"/{lang}/treaties/{t}/" for t in treaties]
            paths += [f"/{lang}/widget/{t}/" for t in treaties]
            paths += [f"/{lang}/feeds/treaties/{t}.atom" for t in treaties]
            paths += [f"/{lang}/states/{s}/" for s in states]
            paths += [f"/{lang}/feeds/states/{s}.atom" for s in states]
        return paths

    def run(self, seeds: Iterable[str] | None = None, follow: bool = True) -> ExportReport:
        """Export ``seeds`` (default: every page, download and feed) and, if ``follow``, all they link to."""
        queue = deque(self.seeds() if seeds is None else seeds)
        seen = set(queue)
        done = 0
        while queue:
            path = queue.popleft()
            for found in self.export(path):
                if follow and found not in seen:
                    seen.add(found)
                    queue.append(found)
            done += 1
            if done % 200 == 0:
                self.progress(f"export-site: {done} of {done + len(queue)} addresses; {self.report}")
        self.progress(f"export-site: done; {self.report}")
        return self.report

    def export(self, path: str) -> list[str]:
        """Write the answer for ``path``; return the site's addresses it links to."""
        if path.startswith(settings.STATIC_URL):
            body = self._static(path)
            if body is None:
                self.report.missing.append((path, 404))
                return []
            self._write(file_for(path), body)
            return self._links(path, body, "text/css" if path.endswith(".css") else "")
        response = self.client.get(path)
        if response.status_code in (301, 302, 307, 308):
            target = self._internal(path, response["Location"])
            if target is None:
                return []
            self._write(file_for(path), _redirect_page(target))
            self.report.redirects += 1
            return [target]
        if response.status_code != 200:
            self.report.missing.append((path, response.status_code))
            return []
        body = bytes(response.content)
        self._write(file_for(path), body)
        return self._links(path, body, response.get("Content-Type", ""))

    def _links(self, path: str, body: bytes, content_type: str) -> list[str]:
        if content_type.startswith("text/html"):
            parser = _Links()
            parser.feed(body.decode("utf-8", errors="replace"))
            refs = parser.found
        elif content_type.startswith("text/css"):
            refs = _CSS_URL.findall(body.decode("utf-8", errors="replace"))
        else:
            return []
        return [p for ref in refs if (p := self._internal(path, ref)) is not None]

    def _internal(self, page: str, ref: str) -> str | None:
        """The site's own public address a reference points to, without query or fragment (else None)."""
        url = urlsplit(urljoin(self.base + page, ref))
        if f"{url.scheme}://{url.netloc}" != self.base or not PUBLIC.match(url.path):
            return None
        return url.path

    def _static(self, path: str) -> bytes | None:
        name = path[len(settings.STATIC_URL) :]
        collected = Path(settings.STATIC_ROOT) / name
        if collected.is_file():
            return collected.read_bytes()
        found = finders.find(name)
        return Path(found).read_bytes() if isinstance(found, str) else None

    def _write(self, rel: str, body: bytes) -> None:
        path = self.target / rel
        if path.is_file() and path.read_bytes() == body:
            self.report.unchanged += 1
            return
        path.parent.mkdir(parents=True, exist_ok=True)
        partial = path.with_name(path.name + ".partial")
        partial.write_bytes(body)
        os.replace(partial, path)  # never a half-written file where a server may read it
        self.report.written += 1
        self.report.changed.append(rel)


def _redirect_page(target: str) -> bytes:
    where = escape(target)
    return (
        f'<!DOCTYPE html><html><head><meta charset="utf-8"><meta http-equiv="refresh" content="0; url={where}">'
        f'<link rel="canonical" href="{where}"><title>{where}</title></head>'
        f'<body><a href="{where}">{where}</a></body></html>\n'
    ).encode()
