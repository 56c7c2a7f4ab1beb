"""Django settings, read from the environment. Every setting is documented in docs/configuration.md.

TREATYWATCH_ENV        development (default) | production
SECRET_KEY             required in production; in development a random key is kept in the data directory
DATABASE_URL           e.g. postgres://user@host/db; default: SQLite file <data dir>/treatywatch.sqlite3
TREATYWATCH_DATA_DIR   where the SQLite store, the development key and generated files live (default ./var)
ALLOWED_HOSTS          comma-separated (default: 127.0.0.1,localhost in development)
"""

from __future__ import annotations

import os
import secrets
import tempfile
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

PACKAGE_DIR = Path(__file__).resolve().parent.parent
ENV = os.environ.get("TREATYWATCH_ENV", "development")
if ENV not in ("development", "production", "test"):
    raise ImproperlyConfigured(f"TREATYWATCH_ENV={ENV!r}: use development, production or test")
PRODUCTION = ENV == "production"
DEBUG = os.environ.get("DEBUG", "") == "1" and not PRODUCTION

_default_data_dir = Path(tempfile.gettempdir()) / "treatywatch-test" if ENV == "test" else Path.cwd() / "var"
DATA_DIR = Path(os.environ.get("TREATYWATCH_DATA_DIR", _default_data_dir)).resolve()
DATA_DIR.mkdir(parents=True, exist_ok=True)

_INSECURE_KEYS = {"", "changeme", "secret", "django-insecure"}


def _secret_key() -> str:
    key = os.environ.get("SECRET_KEY", "")
    if PRODUCTION:
        if key.strip() in _INSECURE_KEYS or key.startswith("django-insecure") or len(key) < 32:
            raise ImproperlyConfigured(
                "SECRET_KEY must be set to a random value of at least 32 characters in production"
            )
        return key
    if key:
        return key
    path = DATA_DIR / "development-secret-key"
    if not path.exists():
        path.write_text(secrets.token_urlsafe(50))
        path.chmod(0o600)
    return path.read_text().strip()


SECRET_KEY = _secret_key()
ALLOWED_HOSTS = [
    h.strip()
    for h in os.environ.get("ALLOWED_HOSTS", "" if PRODUCTION else "127.0.0.1,localhost,testserver").split(",")
]
ALLOWED_HOSTS = [h for h in ALLOWED_HOSTS if h]

INSTALLED_APPS = [
    "django.contrib.contenttypes",
    "django.contrib.auth",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "ninja",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "csp",
    "treatywatch.accounts",
    "treatywatch.treaties",
    "treatywatch.portal",
    "treatywatch.api",
    "treatywatch.staff",
    "treatywatch.reports",
]

MIDDLEWARE = [
    "treatywatch.site.front.FrontMiddleware",  # keeps public answers for the front (site.asgi, site.wsgi)
    "treatywatch.api.middleware.OpenDataMiddleware",  # CORS for the open data; answers preflight requests first
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "csp.middleware.CSPMiddleware",
    "django.middleware.gzip.GZipMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.http.ConditionalGetMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "axes.middleware.AxesMiddleware",
]

# Staff accounts: Argon2 password hashes; lockout after repeated failures (django-axes, database-backed);
# TOTP second factor (django-otp), required for administrators and the Rapporteur's staff (accounts.roles).
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 12}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
AUTHENTICATION_BACKENDS = ["axes.backends.AxesStandaloneBackend", "django.contrib.auth.backends.ModelBackend"]
LOGIN_URL = "/staff/account/login/"
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = 1  # hours
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "treatywatch.accounts.views.lockout"
AXES_VERBOSE = False
OTP_TOTP_ISSUER = "treatywatch"
SESSION_COOKIE_AGE = 60 * 60 * 8  # a working day; idle sessions end earlier:
SESSION_SAVE_EVERY_REQUEST = True
SESSION_EXPIRE_AT_BROWSER_CLOSE = True

# Content-Security-Policy on every response (django-csp); the embeddable widget relaxes frame-ancestors only.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
        "object-src": ["'none'"],
    }
}

ROOT_URLCONF = "treatywatch.site.urls"
WSGI_APPLICATION = "treatywatch.site.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    }
]

_SQLITE_PATH = DATA_DIR / "treatywatch.sqlite3"
DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL") or f"sqlite:///{_SQLITE_PATH}", conn_max_age=60, conn_health_checks=True
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["CONN_MAX_AGE"] = 0
    DATABASES["default"]["OPTIONS"] = {
        # WAL lets readers go on while a writer writes; IMMEDIATE avoids "database is locked" on upgrade.
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON;",
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

LANGUAGE_CODE = "en"
# The six official languages of the United Nations.
LANGUAGES = [
    ("ar", "العربية"),
    ("zh-hans", "中文"),
    ("en", "English"),
    ("fr", "Français"),
    ("ru", "Русский"),
    ("es", "Español"),
]
LOCALE_PATHS = [PACKAGE_DIR / "locale"]
USE_I18N = True
USE_TZ = True
TIME_ZONE = "UTC"

STATIC_URL = "/static/"
STATIC_ROOT = DATA_DIR / "static"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
if ENV == "test":
    STORAGES["staticfiles"] = {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}
WHITENOISE_MAX_AGE = 60 * 60 * 24 * 30
if ENV == "test":
    # Tests serve static files from the apps' folders; production serves the collected, hashed copies.
    WHITENOISE_AUTOREFRESH = True
    WHITENOISE_USE_FINDERS = True

CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "treatywatch",
        "OPTIONS": {"MAX_ENTRIES": 5000},
    }
}

SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"
SESSION_COOKIE_SECURE = PRODUCTION
CSRF_COOKIE_SECURE = PRODUCTION
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
if PRODUCTION:
    SECURE_HSTS_SECONDS = 60 * 60 * 24 * 365
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
}
