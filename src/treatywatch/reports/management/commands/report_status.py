from __future__ import annotations

from datetime import date
from typing import Any, Protocol

from django.core.management.base import BaseCommand, CommandError, CommandParser

from treatywatch.reports.issuing import compute, render
from treatywatch.reports.options import BadReportInput, add_report_arguments, parse_report_options

EXIT_BAD_INPUT = 2


class Writer(Protocol):
    def write(self, msg: str) -> Any: ...


def run(options: dict[str, Any], stdout: Writer) -> None:
    """Write the report the options describe; ``BadReportInput`` (one line) for anything the user can fix."""
    job = parse_report_options(options, date.today())
    content, digest = compute(job.inputs)
    data = render(content, job.format)
    try:
        job.out.write_bytes(data)
    except OSError as exc:
        raise BadReportInput(f"--out: cannot write {job.out}: {exc.strerror}") from None
    figures = content.figures
    stdout.write(
        f"{job.out}: {job.format}, {job.inputs.lang}, as of {job.inputs.as_of}: {figures['signatories']} signatories, "
        f"{figures['contracting_states']} States bound, {len(figures['annex_states'])} annex rows; "
        f"ledger {digest[:12]}\n"
    )


class Command(BaseCommand):
    help = (
        "Write the Secretary-General's report on the status of the Convention (PDF, DOCX or HTML) from the stored "
        "record, as of a day, in one of the six languages."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        add_report_arguments(parser)

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            run(options, self.stdout)
        except BadReportInput as exc:
            raise CommandError(str(exc), returncode=EXIT_BAD_INPUT) from None
