"""`awasi audit verify` checks the hash chain; `awasi audit export FILE` writes it as CSV."""

import csv

from django.core.management.base import BaseCommand, CommandError

from awasi.core.audit import verify_chain
from awasi.core.models import AuditEvent
from awasi.core.selectors import AUDIT_HEADER, audit_row


class Command(BaseCommand):
    help = "Verify or export the tamper-evident audit log."

    def add_arguments(self, parser):  # type: ignore[no-untyped-def]
        sub = parser.add_subparsers(dest="action", required=True)
        sub.add_parser("verify", help="recompute every hash; exit 1 if the chain is broken")
        export = sub.add_parser("export", help="write the log as CSV")
        export.add_argument("file")

    def handle(self, *args, **options):  # type: ignore[no-untyped-def]
        if options["action"] == "export":
            with open(options["file"], "w", newline="", encoding="utf-8") as handle:
                writer = csv.writer(handle)
                writer.writerow(AUDIT_HEADER)
                for event in AuditEvent.objects.order_by("id").iterator(2000):
                    writer.writerow(audit_row(event))
            return
        checked, problems = verify_chain()
        for problem in problems:
            self.stderr.write(f"event {problem.event_id}: {problem.reason}")
        if problems:
            raise CommandError(
                f"audit chain BROKEN: {len(problems)} problem(s) in {checked} events"
            )
        self.stdout.write(self.style.SUCCESS(f"audit chain intact: {checked} events"))
