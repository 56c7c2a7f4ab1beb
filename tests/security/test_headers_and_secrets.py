"""Security headers on every response, settings that refuse unsafe production, no secret in the repository."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from django.test import Client

from treatywatch.treaties import models

from .test_authorization_matrix import walk

pytestmark = pytest.mark.django_db
ROOT = Path(__file__).resolve().parents[2]
PARAMETER_VALUES = {
    "pk": lambda: str(models.Action.objects.values_list("pk", flat=True).first()),
    "id": lambda: "ICRMW",
    "treaty": lambda: "ICRMW",
    "treaty_id": lambda: "ICRMW",
    "code": lambda: "MEX",
    "state": lambda: "MEX",
    "lang": lambda: "en",
    "fmt": lambda: "csv",
    "path": lambda: "ICRMW",
    "filename": lambda: "ledger.csv",
    "name": lambda: "ledger.csv",
    "resource": lambda: "ledger",
    "year": lambda: "2003",
    "ext": lambda: "csv",
}


def every_url() -> list[str]:
    from django.urls import get_resolver

    urls = []
    for _name, route in walk(get_resolver()):
        route = route.replace("^", "").replace("$", "")
        for param in re.findall(r"<(?:\w+:)?(\w+)>", route):
            if param not in PARAMETER_VALUES:
                raise AssertionError(f"add a sample value for URL parameter {param!r} ({route})")
            route = re.sub(rf"<(?:\w+:)?{param}>", PARAMETER_VALUES[param](), route)
        url = "/" + route
        if "(?P<" in url or "\\" in url:
            continue  # regex routes (Django's i18n prefix is literal text here)
        urls.append(url)
    return sorted(set(urls))


def test_every_response_carries_a_strict_content_security_policy_and_the_security_headers() -> None:
    client = Client()
    checked = 0
    for url in every_url():
        for candidate in (url, url.replace("/en/", "/en/") if "/en/" in url else url):
            response = client.get(candidate)
            policy = response.get("Content-Security-Policy", "")
            assert "default-src 'self'" in policy or "frame-ancestors *" in policy, (candidate, policy)
            assert "unsafe-inline" not in policy and "unsafe-eval" not in policy, (candidate, policy)
            assert response.get("X-Content-Type-Options") == "nosniff", candidate
            assert response.get("Referrer-Policy"), candidate
            checked += 1
    assert checked > 5


def test_pages_refuse_framing_except_the_widget() -> None:
    client = Client()
    for url in every_url():
        response = client.get(url)
        policy = response.get("Content-Security-Policy", "")
        if "/widget/" in url:
            continue
        assert "frame-ancestors 'none'" in policy or response.get("X-Frame-Options") == "DENY", url


def test_hsts_is_sent_over_tls_in_production(settings: object) -> None:
    from django.conf import settings as s

    s.SECURE_HSTS_SECONDS = 31536000
    response = Client().get("/staff/account/login/", secure=True)
    assert "max-age=31536000" in response.get("Strict-Transport-Security", "")


@pytest.mark.parametrize("key", ["", "changeme", "django-insecure-abc", "short"])
def test_production_refuses_to_start_without_a_real_secret_key(key: str, tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k != "SECRET_KEY"}
    env.update(
        TREATYWATCH_ENV="production",
        TREATYWATCH_DATA_DIR=str(tmp_path),
        DJANGO_SETTINGS_MODULE="treatywatch.site.settings",
    )
    if key:
        env["SECRET_KEY"] = key
    result = subprocess.run(
        [sys.executable, "-c", "import django; django.setup()"], env=env, capture_output=True, text=True, timeout=60
    )
    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


SECRET_PATTERNS = [
    re.compile(r"-----BEGIN (RSA |EC |OPENSSH |DSA )?PRIVATE KEY-----"),
    re.compile(r"AKIA[0-9A-Z]{16}"),
    re.compile(r"""SECRET_KEY\s*=\s*['"][^'"]{8,}['"]"""),
    re.compile(r"postgres(?:ql)?://[^:/\s]+:[^@/\s]+@"),
    re.compile(r"(?i)(api[_-]?key|passwd|password)\s*[:=]\s*['\"][^'\"\s]{12,}['\"]"),
]
# A test user's password for the test database only; and this file, whose patterns and probes look like secrets.
ALLOWED = {"tests/support/staff.py", "tests/security/test_headers_and_secrets.py"}


def test_no_secret_is_committed_to_the_repository() -> None:
    files = subprocess.run(["git", "ls-files"], cwd=ROOT, capture_output=True, text=True, check=True).stdout.split()
    found = []
    for name in files:
        path = ROOT / name
        if name in ALLOWED or not path.is_file() or path.stat().st_size > 2_000_000:
            continue
        try:
            text = path.read_text(encoding="utf-8")
        except UnicodeDecodeError:
            continue
        for pattern in SECRET_PATTERNS:
            if pattern.search(text):
                found.append(f"{name}: {pattern.pattern}")
    assert found == []
    assert not any(n.endswith((".sqlite3", ".pem", ".key", ".env")) for n in files)


def test_the_secret_scan_would_catch_a_key() -> None:
    assert any(p.search('SECRET_KEY = "abcdefghijklmnop"') for p in SECRET_PATTERNS)
    assert any(p.search("-----BEGIN PRIVATE KEY-----") for p in SECRET_PATTERNS)
