"""Staff screens: record an action (check, see its consequences, confirm), correct one, import, audit log."""

from __future__ import annotations

from typing import Any

from django.core import signing
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import pgettext
from django.views.decorators.http import require_http_methods

from treatywatch.accounts.models import AuditEvent, record
from treatywatch.accounts.roles import ADMINISTRATOR, DEPOSITARY_OFFICER, ROLES, role_required, roles_of
from treatywatch.accounts.signals import client_ip
from treatywatch.engine import LedgerError, StateRegistry
from treatywatch.portal.corrections import entry_text
from treatywatch.portal.formatting import list_text, number, state_name
from treatywatch.treaties import models, store
from treatywatch.treaties.importing import import_ledger as run_import
from treatywatch.treaties.recording import FIELDS, check
from treatywatch.treaties.recording import record as record_entry

from .forms import ActionForm, CorrectionForm, ImportForm
from .messages import describe
from .problems import message_text, problem_text

SIGNING_SALT = "treatywatch.staff.record"


@role_required(*ROLES)
def dashboard(request: HttpRequest) -> HttpResponse:
    roles = sorted(roles_of(request.user))
    return render(
        request, "staff/dashboard.html", {"roles": roles, "role_names": list_text([str(ROLES[r]) for r in roles])}
    )


def _apply_errors(form: ActionForm, errors: dict[str, list[str]], states: StateRegistry) -> None:
    """The engine's problems next to their fields, in the staff member's language."""
    for name, messages in errors.items():
        for message in messages:
            form.add_error(None if name == "__all__" else name, message_text(message, states))


def _workflow(
    request: HttpRequest, form: ActionForm, supersedes: int | None, template: str, extra: dict[str, Any]
) -> HttpResponse:
    """Step 1 (preview): check and show consequences. Step 2 (confirm): re-check the signed data and append."""
    cat = store.catalogue()
    context: dict[str, Any] = {"form": form, **extra}
    if request.method == "POST" and form.is_valid():
        data = {f: str(form.cleaned_data.get(f) or "") for f in FIELDS}
        retract = bool(form.cleaned_data.get("retract"))
        reason = str(form.cleaned_data.get("reason") or "")
        if retract and supersedes is not None:
            return _retract(request, supersedes, reason, data)
        checked = check(cat, data, supersedes)
        if checked.errors:
            _apply_errors(form, checked.errors, cat.states)
        elif request.POST.get("step") == "confirm":
            signed = request.POST.get("signed", "")
            try:
                agreed = signing.loads(signed, salt=SIGNING_SALT, max_age=3600)
            except signing.BadSignature:
                agreed = None
            if agreed != {**data, "supersedes": supersedes, "reason": reason}:
                form.add_error(None, _("The form changed after the preview: check the consequences again."))
            else:
                notification = record_entry(cat, checked, request.user.get_username(), supersedes, reason)
                kind = AuditEvent.CORRECTION if supersedes else AuditEvent.RECORD
                record(
                    kind, request.user.get_username(), f"{notification.reference}: {checked.action}", client_ip(request)
                )
                return render(request, "staff/recorded.html", {"notification": notification})
        else:
            context["consequences"] = [describe(c) for c in checked.effects]
            context["signed"] = signing.dumps({**data, "supersedes": supersedes, "reason": reason}, salt=SIGNING_SALT)
    return render(request, template, context)


@role_required(DEPOSITARY_OFFICER)
@require_http_methods(["GET", "POST"])
def record_action(request: HttpRequest) -> HttpResponse:
    form = ActionForm(store.catalogue(), request.POST or None, initial={"treaty": "ICRMW"})
    return _workflow(request, form, None, "staff/record.html", {})


@role_required(DEPOSITARY_OFFICER)
@require_http_methods(["GET", "POST"])
def correct_action(request: HttpRequest, pk: int) -> HttpResponse:
    entry = get_object_or_404(models.Action.objects.current(), pk=pk)
    initial = {f: getattr(entry, f"{f}_id", None) or getattr(entry, f, "") for f in FIELDS}
    cat = store.catalogue()
    form = CorrectionForm(cat, request.POST or None, initial=initial)
    state = state_name(cat.states.get(entry.state_id)) if entry.state_id in cat.states else entry.state_id
    label = pgettext("an entry of the record: treaty, State, action and date", "%(treaty)s, %(state)s: %(entry)s") % {
        "treaty": entry.treaty_id,
        "state": state,
        "entry": entry_text(entry),
    }
    return _workflow(request, form, entry.pk, "staff/record.html", {"correcting": label})


def _retract(request: HttpRequest, pk: int, reason: str, data: dict[str, str]) -> HttpResponse:
    from treatywatch.treaties.ledger import NewEntry, append

    entry = get_object_or_404(models.Action.objects.current(), pk=pk)
    append(
        [
            NewEntry(
                treaty=entry.treaty_id,
                state=entry.state_id,
                kind=entry.kind,
                date=entry.date,
                article=entry.article,
                target=entry.target,
                supersedes=entry.pk,
                retraction=True,
                reason=reason,
            )
        ],
        by=request.user.get_username(),
        summary=f"retraction of entry {entry.pk}",
    )
    record(
        AuditEvent.CORRECTION, request.user.get_username(), f"retracted entry {entry.pk}: {reason}", client_ip(request)
    )
    return HttpResponseRedirect(reverse("staff:dashboard"))


@role_required(DEPOSITARY_OFFICER)
@require_http_methods(["GET", "POST"])
def import_ledger_view(request: HttpRequest) -> HttpResponse:
    form = ImportForm(request.POST or None, request.FILES or None)
    context: dict[str, Any] = {"form": form}
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            text = upload.read().decode("utf-8-sig")
        except UnicodeDecodeError:
            form.add_error("file", _("The file is not UTF-8 text."))
            return render(request, "staff/import.html", context)
        dry_run = bool(form.cleaned_data["dry_run"])
        cat = store.catalogue()
        try:
            report = run_import(cat, text, request.user.get_username(), dry_run=dry_run)
        except LedgerError as exc:
            context["problems"] = [problem_text(p, cat.states) for p in exc.problems]
        else:
            context["report"] = [
                (_("Lines read"), number(report.lines)),
                (_("Would be added") if dry_run else _("Added"), number(report.added)),
                (_("Already recorded"), number(report.unchanged)),
            ]
            if not dry_run:
                record(AuditEvent.IMPORT, request.user.get_username(), str(report), client_ip(request))
    return render(request, "staff/import.html", context)


@role_required(ADMINISTRATOR)
def audit_log(request: HttpRequest) -> HttpResponse:
    events = AuditEvent.objects.all()[:500]
    return render(request, "staff/audit.html", {"events": events})
