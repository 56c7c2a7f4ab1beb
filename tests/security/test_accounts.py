"""Passwords, lockout, CSRF, sessions, the audit log."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import User
from django.db import DatabaseError, connection, transaction
from django.test import Client

from support.staff import PASSWORD, make_user
from treatywatch.accounts.models import AuditEvent

pytestmark = pytest.mark.django_db


def test_passwords_are_hashed_with_argon2() -> None:
    user = make_user("someone")
    assert user.password.startswith("argon2$argon2id$")
    assert PASSWORD not in User.objects.get(pk=user.pk).password


def test_repeated_failures_lock_the_login_even_with_the_right_password() -> None:
    make_user("victim")
    client = Client()
    for _ in range(5):
        client.post("/staff/account/login/", {"username": "victim", "password": "wrong password"})
    response = client.post("/staff/account/login/", {"username": "victim", "password": PASSWORD})
    assert response.status_code == 429
    assert "_auth_user_id" not in client.session
    assert AuditEvent.objects.filter(kind=AuditEvent.LOCKED_OUT, username="victim").exists()
    assert AuditEvent.objects.filter(kind=AuditEvent.LOGIN_FAILED, username="victim").count() >= 5


def test_failed_and_successful_logins_are_audited_without_the_password() -> None:
    make_user("clerk")
    client = Client()
    client.post("/staff/account/login/", {"username": "clerk", "password": "not it"})
    client.post("/staff/account/login/", {"username": "clerk", "password": PASSWORD})
    kinds = list(AuditEvent.objects.filter(username="clerk").values_list("kind", flat=True))
    assert AuditEvent.LOGIN in kinds and AuditEvent.LOGIN_FAILED in kinds
    assert not AuditEvent.objects.filter(detail__contains="not it").exists()


def test_forms_refuse_a_post_without_a_csrf_token() -> None:
    make_user("clerk")
    client = Client(enforce_csrf_checks=True)
    response = client.post("/staff/account/login/", {"username": "clerk", "password": PASSWORD})
    assert response.status_code == 403


def test_session_cookies_are_http_only_same_site_and_expire(settings: object) -> None:
    from django.conf import settings as s

    assert s.SESSION_COOKIE_HTTPONLY is True
    assert s.SESSION_COOKIE_SAMESITE in ("Lax", "Strict")
    assert s.SESSION_EXPIRE_AT_BROWSER_CLOSE is True
    assert 0 < s.SESSION_COOKIE_AGE <= 60 * 60 * 12
    make_user("clerk")
    client = Client()
    response = client.post("/staff/account/login/", {"username": "clerk", "password": PASSWORD})
    cookie = response.cookies["sessionid"]
    assert cookie["httponly"] and cookie["samesite"] == "Lax"


def test_the_audit_log_is_append_only_in_the_database() -> None:
    make_user("clerk")
    Client().post("/staff/account/login/", {"username": "clerk", "password": "nope"})
    with pytest.raises(DatabaseError, match="append-only"), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("DELETE FROM accounts_auditevent")
    with pytest.raises(DatabaseError, match="append-only"), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("UPDATE accounts_auditevent SET username = 'someone else'")
    assert AuditEvent.objects.filter(username="clerk").exists()
