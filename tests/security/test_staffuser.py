from __future__ import annotations

import io

import pytest
from django.contrib.auth.models import User
from django.core.management import call_command
from django.core.management.base import CommandError

pytestmark = pytest.mark.django_db


def test_staffuser_creates_an_account_with_roles_and_a_validated_password(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO("a much longer passphrase 123\n"))
    out = io.StringIO()
    call_command("staffuser", "ana", "depositary_officer", "administrator", password_stdin=True, stdout=out)
    user = User.objects.get(username="ana")
    assert sorted(user.groups.values_list("name", flat=True)) == ["administrator", "depositary_officer"]
    assert user.check_password("a much longer passphrase 123")
    assert "roles: depositary_officer, administrator" in out.getvalue()


def test_staffuser_refuses_a_weak_password_and_keeps_no_account(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO("password\n"))
    with pytest.raises(CommandError, match=r"too short|too common"):
        call_command("staffuser", "bob", "campaign_editor", password_stdin=True)
    assert not User.objects.filter(username="bob").exists()
