"""Staff sign-in: password (lockout by django-axes), then a TOTP second factor where the role requires it."""

from __future__ import annotations

from typing import Any

import segno
from django import forms
from django.contrib.auth import login as auth_login
from django.contrib.auth import logout as auth_logout
from django.contrib.auth.forms import AuthenticationForm
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext_lazy as _
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_http_methods, require_POST
from django_otp import login as otp_login
from django_otp.plugins.otp_totp.models import TOTPDevice

from .models import AuditEvent, record
from .roles import needs_second_factor, roles_of
from .signals import client_ip


def _next(request: HttpRequest, default: str = "/staff/") -> str:
    target = request.POST.get("next") or request.GET.get("next") or default
    if url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}, require_https=request.is_secure()):
        return target
    return default


@sensitive_post_parameters("password")
@require_http_methods(["GET", "POST"])
def login(request: HttpRequest) -> HttpResponse:
    form = AuthenticationForm(request, data=request.POST or None)
    if request.method == "POST" and form.is_valid():
        user = form.get_user()
        auth_login(request, user)
        if needs_second_factor(user) or TOTPDevice.objects.filter(user=user, confirmed=True).exists():
            return HttpResponseRedirect(f"{reverse('accounts:second_factor')}?next={_next(request)}")
        return HttpResponseRedirect(_next(request))
    return render(request, "accounts/login.html", {"form": form, "next": _next(request)})


class TokenForm(forms.Form):
    token = forms.CharField(
        label=_("Six-digit code from your authenticator app"),
        min_length=6,
        max_length=8,
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric"}),
    )


@require_http_methods(["GET", "POST"])
def second_factor(request: HttpRequest) -> HttpResponse:
    """Verify a confirmed TOTP device, or enrol one (shown once as a QR code and a key)."""
    user: Any = request.user
    if not user.is_authenticated:
        return HttpResponseRedirect(reverse("accounts:login"))
    device = TOTPDevice.objects.filter(user=user, confirmed=True).first()
    enrolling = device is None
    if enrolling:
        device = TOTPDevice.objects.filter(user=user, confirmed=False).first() or TOTPDevice.objects.create(
            user=user, name="authenticator", confirmed=False
        )
    assert device is not None
    form = TokenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if device.verify_token(form.cleaned_data["token"]):
            if enrolling:
                device.confirmed = True
                device.save(update_fields=["confirmed"])
            otp_login(request, device)
            record(
                AuditEvent.SECOND_FACTOR,
                user.get_username(),
                "enrolled" if enrolling else "verified",
                client_ip(request),
            )
            return HttpResponseRedirect(_next(request))
        form.add_error("token", _("That code is not valid. Codes change every 30 seconds."))
        record(AuditEvent.LOGIN_FAILED, user.get_username(), "wrong second-factor code", client_ip(request))
    context: dict[str, Any] = {"form": form, "enrolling": enrolling, "next": _next(request)}
    if enrolling:
        context["config_url"] = device.config_url
        context["qr_svg"] = segno.make(device.config_url, error="m").svg_inline(scale=4, title="QR code")
        context["secret"] = _base32(device.bin_key)
    return render(request, "accounts/second_factor.html", context)


def _base32(key: bytes) -> str:
    import base64

    return base64.b32encode(key).decode("ascii").rstrip("=")


@require_POST
def logout(request: HttpRequest) -> HttpResponse:
    auth_logout(request)
    return HttpResponseRedirect(reverse("accounts:login"))


def lockout(request: HttpRequest, credentials: dict[str, Any] | None = None, *args: Any, **kwargs: Any) -> HttpResponse:
    """What django-axes shows after too many failures (AXES_LOCKOUT_CALLABLE); the lockout is audited by a signal."""
    return render(request, "accounts/locked.html", status=429)


def staff_roles(request: HttpRequest) -> set[str]:
    return roles_of(request.user)
