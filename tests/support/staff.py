from __future__ import annotations

from collections.abc import Callable

import pytest
from django.contrib.auth.models import Group, User
from django.test import Client
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from treatywatch.accounts.roles import SECOND_FACTOR_REQUIRED
from treatywatch.treaties import store
from treatywatch.treaties.loading import load

PASSWORD = "correct horse battery staple 42"


@pytest.fixture
def loaded(db: None) -> None:
    load()
    store.forget()


def make_user(username: str, *roles: str) -> User:
    user = User.objects.create_user(username, password=PASSWORD)
    for role in roles:
        user.groups.add(Group.objects.get(name=role))
    return user


def signed_in(username: str, *roles: str) -> Client:
    """A client signed in with password, and with the second factor where a role requires it."""
    user = make_user(username, *roles)
    client = Client()
    response = client.post("/staff/account/login/", {"username": username, "password": PASSWORD})
    assert response.status_code == 302, response.content[:500]
    if set(roles) & SECOND_FACTOR_REQUIRED:
        client.get("/staff/account/second-factor/")  # enrols a device
        device = TOTPDevice.objects.get(user=user)
        token = f"{totp(device.bin_key):06d}"
        response = client.post("/staff/account/second-factor/", {"token": token})
        assert response.status_code == 302
    return client


@pytest.fixture
def client_for() -> Callable[..., Client]:
    return signed_in
