"""``export_site DIR``: write the public portal as static files (``treatywatch.api.sitecopy``)."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser

from treatywatch.api.sitecopy import SiteCopy

MAX_JOBS = 4


def default_jobs() -> int:
    return max(1, min(MAX_JOBS, os.cpu_count() or 1))


def default_base_url() -> str:
    hosts = [h for h in settings.ALLOWED_HOSTS if h and not h.startswith(".") and h != "*"]
    return f"http://{hosts[0]}" if hosts else "http://localhost"


class Command(BaseCommand):
    help = (
        "Write the public portal (every page in six languages, map, charts, downloads, badge, feeds) as static "
        "files under DIR. Files whose bytes did not change are not rewritten."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("directory", type=Path, help="where to write the copy (made if missing)")
        parser.add_argument(
            "--base-url",
            default=None,
            help="where the copy will be served, for absolute links and feeds (default: http://<first ALLOWED_HOSTS>)",
        )
        parser.add_argument(
            "--jobs",
            type=int,
            default=None,
            help=f"processes rendering pages (default: the CPUs, at most {MAX_JOBS}: {default_jobs()} here)",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        base_url = options["base_url"] or default_base_url()
        if not base_url.startswith(("http://", "https://")):
            raise CommandError(f"--base-url: {base_url!r} is not an http:// or https:// address")
        jobs = default_jobs() if options["jobs"] is None else options["jobs"]
        if jobs < 1:
            raise CommandError(f"--jobs: {jobs} is not a number of processes (1 or more)")
        storage = settings.STORAGES["staticfiles"]["BACKEND"]
        if "Manifest" in storage and not (Path(settings.STATIC_ROOT) / "staticfiles.json").exists():
            raise CommandError(
                f"static files are not collected in {settings.STATIC_ROOT}: "
                "run `treatywatch manage collectstatic --noinput` first (make run does)"
            )
        copy = SiteCopy(options["directory"], base_url, progress=lambda line: self.stderr.write(line))
        report = copy.run(jobs=jobs)
        self.stdout.write(f"export-site: {options['directory']}: {report}")
        if report.missing:
            for path, status in report.missing[:20]:
                self.stderr.write(f"export-site: {path} answered {status}")
