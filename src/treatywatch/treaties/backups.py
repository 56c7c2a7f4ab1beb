"""Consistent snapshots of the store, and restoring them with a check of the ledger's hash chain.

- ``FILE.json``: a portable dump of the record, the staff accounts and the audit log; it moves a store between
  SQLite and PostgreSQL. Restored only into an empty (freshly migrated) store: the ledger is append-only.
- otherwise on SQLite: the SQLite online-backup API (a consistent copy while the site keeps serving).
- otherwise on PostgreSQL: ``pg_dump --format=custom``; restored with ``pg_restore --clean``.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess  # nosec B404 - runs pg_dump/pg_restore with arguments we build, never a shell
from pathlib import Path

from django.core.management import call_command
from django.db import connection, transaction

from . import models
from .ledger import verify

PORTABLE_MODELS = (
    "auth.group",
    "auth.user",
    "otp_totp.totpdevice",
    "treaties.state",
    "treaties.treaty",
    "treaties.source",
    "treaties.ledgerhead",
    "treaties.action",
    "treaties.notification",
    "treaties.recordversion",
    "treaties.loadedfile",
    "accounts.auditevent",
)


class BackupError(Exception):
    """A backup or restore that cannot be done; the message says why and what to do."""


def _optional_models() -> tuple[str, ...]:
    from django.apps import apps

    extra = []
    if apps.is_installed("treatywatch.reports"):
        extra = [f"reports.{m._meta.model_name}" for m in apps.get_app_config("reports").get_models()]
    return PORTABLE_MODELS + tuple(extra)


def backup(path: Path) -> str:
    path = Path(path)
    if path.parent and not path.parent.exists():
        raise BackupError(f"{path.parent}: no such directory")
    if path.suffix == ".json":
        with transaction.atomic():  # one snapshot of every table
            call_command("dumpdata", *_optional_models(), output=str(path), verbosity=0)
        return "portable JSON"
    if connection.vendor == "sqlite":
        connection.ensure_connection()
        target = sqlite3.connect(path)
        try:
            connection.connection.backup(target)
        finally:
            target.close()
        return "SQLite online backup"
    if connection.vendor == "postgresql":
        pg_dump = shutil.which("pg_dump")
        if pg_dump is None:
            raise BackupError("pg_dump not found: install postgresql-client, or back up to a .json file")
        subprocess.run(  # noqa: S603  # nosec B603 - fixed executable, no shell
            [pg_dump, "--format=custom", f"--file={path}", *_pg_args()], check=True, env=_pg_env()
        )
        return "pg_dump custom format"
    raise BackupError(f"no backup method for database {connection.vendor!r}: use a .json file")


def restore(path: Path) -> int:
    path = Path(path)
    if not path.is_file():
        raise BackupError(f"{path}: no such file")
    if path.suffix == ".json":
        if models.Action.objects.exists():
            raise BackupError("a portable dump is restored into an empty store: the ledger is append-only")
        with transaction.atomic():
            call_command("loaddata", str(path), verbosity=0)
            return _verified()
    if connection.vendor == "sqlite":
        with path.open("rb") as fh:
            if fh.read(16) != b"SQLite format 3\x00":
                raise BackupError(f"{path}: not an SQLite backup (portable dumps end in .json)")
        source = sqlite3.connect(path)
        try:
            connection.ensure_connection()
            source.backup(connection.connection)
        finally:
            source.close()
        return _verified()
    if connection.vendor == "postgresql":
        pg_restore = shutil.which("pg_restore")
        if pg_restore is None:
            raise BackupError("pg_restore not found: install postgresql-client")
        connection.close()
        subprocess.run(  # noqa: S603  # nosec B603 - fixed executable, no shell
            [pg_restore, "--clean", "--if-exists", "--no-owner", "--single-transaction", *_pg_args(), str(path)],
            check=True,
            env=_pg_env(),
        )
        return _verified()
    raise BackupError(f"no restore method for database {connection.vendor!r}")


def _verified() -> int:
    checked, broken = verify()
    if broken is not None:
        raise BackupError(f"restored, but verify failed: {broken}")
    return checked


def _pg_args() -> list[str]:
    s = connection.settings_dict
    args = [f"--dbname={s['NAME']}"]
    if s.get("HOST"):
        args.append(f"--host={s['HOST']}")
    if s.get("PORT"):
        args.append(f"--port={s['PORT']}")
    if s.get("USER"):
        args.append(f"--username={s['USER']}")
    return args


def _pg_env() -> dict[str, str]:
    env = dict(os.environ)
    if connection.settings_dict.get("PASSWORD"):
        env["PGPASSWORD"] = str(connection.settings_dict["PASSWORD"])
    return env
