"""An offline copy of the public portal as static files: what ``treatywatch export-site DIR`` writes.

Pages are rendered in-process by the same views that serve the site (Django's test client, no server), as of
today, and written where a static web server finds them: ``/en/states/MEX/`` becomes ``en/states/MEX/index.html``,
``/data/ICRMW/ledger.csv`` stays a file. It starts from every page of every language (home, each treaty, each
State, timeline, search, widgets), the downloads, the badge and the feeds, and follows every link and stylesheet
it finds on the site. A link's query string is dropped (a static server answers the page without it).

Links are kept as the site writes them (root-relative, or absolute on ``base_url``), so the copy works served at
the root of ``base_url``'s host. A file whose bytes did not change is not rewritten: exporting an unchanged
record again writes nothing.

With ``jobs`` above 1 the addresses are shared out, a few dozen at a time, among that many processes forked after
the record is loaded (each renders and writes its own; this process merges their reports and follows the links
they found, so every address is exported once). Forking needs a store another process can open: not an in-memory
SQLite database, not inside a transaction (the tests); there it runs in this process alone.
"""

from __future__ import annotations

import multiprocessing
import os
import re
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from html import escape, unescape
from pathlib import Path
from typing import Any
from urllib.parse import urljoin, urlsplit

from django.conf import settings
from django.contrib.staticfiles import finders
from django.db import connections
from django.test import Client
from django.utils import timezone

from treatywatch.engine import LANGUAGES
from treatywatch.treaties import store

from .documents import portal_lang
from .downloads import PACKAGE_TABLES, PER_TREATY

__all__ = ["ExportReport", "SiteCopy", "file_for", "html_links"]

PUBLIC = re.compile(r"^/(?:(?:ar|zh-hans|en|fr|ru|es)/|data/|badge/|static/|api/v1/(?:docs|openapi\.json)$)")
"""What the copy holds: the portal's pages in each language, the downloads, the badge, static files, API docs."""
_CSS_URL = re.compile(r"url\(\s*['\"]?([^'\")]+)['\"]?\s*\)")
_SCHEME = re.compile(r"[a-zA-Z][a-zA-Z0-9+.-]*:")


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

    def merge(self, other: ExportReport) -> None:
        self.written += other.written
        self.unchanged += other.unchanged
        self.redirects += other.redirects
        self.missing += other.missing
        self.changed += other.changed

    def __str__(self) -> str:
        text = f"{self.files} files: {self.written} written, {self.unchanged} unchanged"
        if self.missing:
            text += f"; {len(self.missing)} links answered an error (first: {self.missing[0][0]} {self.missing[0][1]})"
        return text


_VALUES = r"[^>\"']*(?:(?:\"[^\"]*\"|'[^']*')[^>\"']*)*"
"""A start tag's attributes: anything but ``>`` outside quotes."""
_TOKEN = re.compile(
    r"<!--.*?(?:-->|\Z)"  # a comment
    rf"|<script\b{_VALUES}>.*?(?=</script|\Z)"  # raw text: no tags in it, but its start tag may have src
    rf"|<style\b{_VALUES}>.*?(?=</style|\Z)"
    rf"|<[a-zA-Z]{_VALUES}>",  # a start tag
    re.S | re.I,
)
_START_TAG = re.compile(rf"<[a-zA-Z]{_VALUES}>")
# The tag name, then one attribute at a time: html.parser's own tagfind_tolerant and attrfind_tolerant.
_TAG_NAME = re.compile(r"<[a-zA-Z][^\t\n\r\f />\x00]*(?:\s|/(?!>))*")
_ATTRIBUTE = re.compile(
    r"((?<=['\"\s/])[^\s/>][^\s/=>]*)(\s*=+\s*('[^']*'|\"[^\"]*\"|(?!['\"])[^>\s]*))?(?:\s|/(?!>))*"
)
_LINKING = re.compile(r"href|src|action", re.I)
_LINK_ATTRIBUTES = frozenset(("href", "src", "action", "xlink:href"))


def html_links(text: str) -> list[str]:
    """The values of every start tag's href, src, action and xlink:href attributes, in order, unescaped: what
    ``html.parser.HTMLParser`` reports for them (comments and the text of script and style elements skipped), at a
    fifth of its cost. The regular expressions find the tags in C; only tags with such an attribute are read in
    Python, which is one tag in eight on a portal page (tested against HTMLParser on every exported page)."""
    found = []
    for token in _TOKEN.findall(text):
        if token[1] == "!":
            continue
        if token[-1] != ">":  # a script or style element: its start tag
            token = _START_TAG.match(token).group(0)  # type: ignore[union-attr]
        if _LINKING.search(token) is None:
            continue
        at, stop = _TAG_NAME.match(token).end(), len(token) - 1  # type: ignore[union-attr]
        while at < stop and (attribute := _ATTRIBUTE.match(token, at, stop)) is not None:
            name, rest, value = attribute.group(1, 2, 3)
            at = attribute.end()
            if not rest or name.lower() not in _LINK_ATTRIBUTES:
                continue
            if value[:1] == "'" == value[-1:] or value[:1] == '"' == value[-1:]:
                value = value[1:-1]
            if value:
                found.append(unescape(value))
    return found


class SiteCopy:
    def __init__(self, target: Path, base_url: str, progress: Callable[[str], None] | None = None) -> None:
        parts = urlsplit(base_url)
        self.target = target
        self.base = f"{parts.scheme}://{parts.netloc}"
        environ: dict[str, Any] = {"HTTP_HOST": parts.netloc, "wsgi.url_scheme": parts.scheme}
        self.client = Client(**environ)
        self.progress = progress or (lambda _: None)
        self.report = ExportReport()
        self._resolved: dict[str | tuple[str, str], str | None] = {}

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

    def run(self, seeds: Iterable[str] | None = None, follow: bool = True, jobs: int = 1) -> ExportReport:
        """Export ``seeds`` (default: every page, download and feed) and, if ``follow``, all they link to; in
        ``jobs`` processes where the store allows it (see the module's documentation)."""
        queue = deque(self.seeds() if seeds is None else seeds)
        if jobs > 1 and len(queue) > CHUNK and can_fork():
            return self._run_forked(queue, follow, jobs)
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

    def _run_forked(self, queue: deque[str], follow: bool, jobs: int) -> ExportReport:
        global _forked
        seen = set(queue)
        # Build the record before forking, so that every process shares it instead of building its own.
        store.catalogue(timezone.localdate()).records()
        connections.close_all()  # each process opens its own connection to the store
        _forked = (self, frozenset(seen))
        done = shown = 0
        try:
            with multiprocessing.get_context("fork").Pool(jobs) as pool:
                while queue:
                    batch = list(queue)
                    queue.clear()
                    for report, found in pool.imap(_export_chunk, _chunks(batch, CHUNK)):
                        self.report.merge(report)
                        done += report.files + len(report.missing)
                        for path in found if follow else ():
                            if path not in seen:
                                seen.add(path)
                                queue.append(path)
                        if done // 200 > shown:
                            shown = done // 200
                            self.progress(f"export-site: {done} of {len(seen)} addresses; {self.report}")
        finally:
            _forked = None
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
            refs = html_links(body.decode("utf-8", errors="replace"))
        elif content_type.startswith("text/css"):
            refs = _CSS_URL.findall(body.decode("utf-8", errors="replace"))
        else:
            return []
        return [p for ref in refs if (p := self._internal(path, ref)) is not None]

    def _internal(self, page: str, ref: str) -> str | None:
        """The site's own public address a reference points to, without query or fragment (else None)."""
        # Most references are root-relative or absolute: the same wherever they appear (pages repeat them by the
        # hundred), so they are resolved once.
        key = ref if ref[:1] == "/" or _SCHEME.match(ref) else (page, ref)
        if key in self._resolved:
            return self._resolved[key]
        url = urlsplit(urljoin(self.base + page, ref))
        path = url.path if f"{url.scheme}://{url.netloc}" == self.base and PUBLIC.match(url.path) else None
        self._resolved[key] = path
        return path

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


CHUNK = 24
"""Addresses a process is given at a time: few enough to share the work out evenly."""
_forked: tuple[SiteCopy, frozenset[str]] | None = None
"""In a forked process: the copy being made and the addresses it was started with (all already queued)."""


def can_fork() -> bool:
    """Whether processes forked from this one can open the store and see what it holds."""
    if not hasattr(os, "fork"):
        return False
    connection = connections["default"]
    if connection.in_atomic_block:
        return False
    return not (connection.vendor == "sqlite" and connection.is_in_memory_db())  # type: ignore[attr-defined]


def _chunks(paths: list[str], size: int) -> Iterator[list[str]]:
    for start in range(0, len(paths), size):
        yield paths[start : start + size]


def _export_chunk(paths: list[str]) -> tuple[ExportReport, list[str]]:
    """In a forked process: export ``paths``; return what was written and the new addresses they link to."""
    assert _forked is not None
    copy, known = _forked
    copy.report = ExportReport()
    found: dict[str, None] = {}
    for path in paths:
        found.update((p, None) for p in copy.export(path) if p not in known)
    return copy.report, list(found)


def _redirect_page(target: str) -> bytes:
    where = escape(target)
    return (
        f'<!DOCTYPE html><html><head><meta charset="utf-8"><meta http-equiv="refresh" content="0; url={where}">'
        f'<link rel="canonical" href="{where}"><title>{where}</title></head>'
        f'<body><a href="{where}">{where}</a></body></html>\n'
    ).encode()
