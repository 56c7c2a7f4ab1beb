from __future__ import annotations

import getpass
import sys
from typing import Any

from django.contrib.auth.models import Group, User
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError, CommandParser

from treatywatch.accounts.roles import ROLES


class Command(BaseCommand):
    help = "Create a staff account or change its roles. The password is read from the terminal or --password-stdin."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("username")
        parser.add_argument("roles", nargs="*", choices=sorted(ROLES), help="roles to hold (replaces the current ones)")
        parser.add_argument("--password-stdin", action="store_true", help="read the password from standard input")

    def handle(self, *args: Any, **options: Any) -> None:
        user, created = User.objects.get_or_create(username=options["username"])
        if created or options["password_stdin"]:
            password = sys.stdin.readline().rstrip("\n") if options["password_stdin"] else getpass.getpass()
            try:
                validate_password(password, user)
            except ValidationError as exc:
                if created:
                    user.delete()
                raise CommandError(" ".join(exc.messages)) from None
            user.set_password(password)
            user.save()
        user.groups.set(Group.objects.filter(name__in=options["roles"]))
        held = ", ".join(options["roles"]) or "no role"
        self.stdout.write(f"staffuser: {user.username} {'created' if created else 'updated'}; roles: {held}")
