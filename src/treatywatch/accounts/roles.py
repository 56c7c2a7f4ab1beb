"""Staff roles. A person can hold several; public visitors need no account.

Roles are Django groups (made by migration 0002). Permissions are checked on the server, in every view,
with ``role_required``; the authorisation matrix test walks every URL against every role.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

DEPOSITARY_OFFICER = "depositary_officer"
COMMITTEE_SECRETARIAT = "committee_secretariat"
RAPPORTEUR_STAFF = "rapporteur_staff"
CAMPAIGN_EDITOR = "campaign_editor"
ADMINISTRATOR = "administrator"

ROLES = {
    DEPOSITARY_OFFICER: _("Depositary officer (records actions)"),
    COMMITTEE_SECRETARIAT: _("Committee secretariat"),
    RAPPORTEUR_STAFF: _("Special Rapporteur's staff"),
    CAMPAIGN_EDITOR: _("Campaign editor"),
    ADMINISTRATOR: _("Administrator"),
}
"""Each role's code (the group's name) and its name as staff screens show it."""

SECOND_FACTOR_REQUIRED = frozenset({ADMINISTRATOR, RAPPORTEUR_STAFF})
"""Roles that may act only after a TOTP second factor in this session."""


def roles_of(user: AbstractBaseUser | AnonymousUser) -> set[str]:
    if not user.is_authenticated or not user.is_active:
        return set()
    cached = getattr(user, "_treatywatch_roles", None)
    if cached is None:
        cached = set(user.groups.values_list("name", flat=True)) & set(ROLES)  # type: ignore[attr-defined]
        user._treatywatch_roles = cached  # type: ignore[attr-defined]
    return set(cached)


def needs_second_factor(user: AbstractBaseUser | AnonymousUser) -> bool:
    return bool(roles_of(user) & SECOND_FACTOR_REQUIRED)


def is_verified(user: Any) -> bool:
    """Passed the second factor this session (django-otp sets is_verified)."""
    check = getattr(user, "is_verified", None)
    return bool(check and check())


def role_required(*allowed: str) -> Callable[[Callable[..., HttpResponse]], Callable[..., HttpResponse]]:
    """Anonymous -> login page; logged in without the role -> 403; a role needing 2FA without it -> 2FA."""
    unknown = set(allowed) - set(ROLES)
    if unknown:
        raise ValueError(f"unknown roles {sorted(unknown)}")

    def decorator(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
        @wraps(view)
        def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
            user = request.user
            if not user.is_authenticated:
                return redirect(f"{reverse('accounts:login')}?next={request.path}")
            held = roles_of(user)
            if not held & set(allowed):
                raise PermissionDenied("your roles do not allow this")
            if needs_second_factor(user) and not is_verified(user):
                return redirect(f"{reverse('accounts:second_factor')}?next={request.path}")
            return view(request, *args, **kwargs)

        wrapped.required_roles = frozenset(allowed)  # type: ignore[attr-defined]
        return wrapped

    return decorator
