"""`awasi prevention remind` — email owners of commitments nearing or past their due date (cron)."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from awasi.prevention.services.reminders import send_due_reminders


class Command(BaseCommand):
    help = "Prevention jobs. `remind`: send due reminders for action items (idempotent)."

    def add_arguments(self, parser: CommandParser) -> None:
        sub = parser.add_subparsers(dest="job", required=True)
        remind = sub.add_parser("remind", help="email owners of commitments that are due")
        remind.add_argument("--today", help="pretend today is YYYY-MM-DD (local date)")
        remind.add_argument("--dry-run", action="store_true", help="list, send nothing")

    def handle(self, *args: Any, **options: Any) -> None:
        if options["job"] != "remind":
            raise CommandError(f"unknown job {options['job']!r}")
        today = None
        if options.get("today"):
            try:
                today = date.fromisoformat(options["today"])
            except ValueError as err:
                raise CommandError(f"bad --today: {options['today']!r}") from err
        sent = send_due_reminders(
            today=today, dry_run=options["dry_run"], progress=self.stdout.write
        )
        verb = "would send" if options["dry_run"] else "sent"
        self.stdout.write(self.style.SUCCESS(f"{verb} {len(sent)} reminder(s)"))
