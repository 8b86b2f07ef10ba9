"""`awasi cases process-intake [--loop] [--batch N] [--idle S]`: turn staged API submissions
(``/api/v1/cases/intake/``) into cases. Without ``--loop`` it drains the staging table once (for
cron or tests); with ``--loop`` it keeps polling (for a systemd service; stop with SIGTERM).
Several copies may run at once: each batch locks its rows with SKIP LOCKED on PostgreSQL."""

from __future__ import annotations

import signal
import time
from typing import Any

from django.core.management.base import BaseCommand, CommandParser
from django.db import close_old_connections

from awasi.cases.services.staging import ProcessResult, process_intake


class Command(BaseCommand):
    help = "Case handling jobs: process-intake."

    def add_arguments(self, parser: CommandParser) -> None:
        sub = parser.add_subparsers(dest="action", required=True)
        intake = sub.add_parser("process-intake", help="make cases from staged API submissions")
        intake.add_argument("--batch", type=int, default=200, help="rows per transaction")
        intake.add_argument("--loop", action="store_true", help="keep polling (systemd)")
        intake.add_argument("--idle", type=float, default=1.0, help="seconds between polls")

    def handle(self, *args: Any, **options: Any) -> None:
        if options["action"] == "process-intake":
            self.process_intake(options["batch"], options["loop"], options["idle"])

    def process_intake(self, batch: int, loop: bool, idle: float) -> None:
        stop = {"now": False}
        if loop:
            signal.signal(signal.SIGTERM, lambda *_: stop.update(now=True))
        total = ProcessResult()
        while True:
            result = process_intake(batch_size=batch, progress=self._progress)
            total.processed += result.processed
            total.failed += result.failed
            if not loop or stop["now"]:
                break
            if not result.processed:
                close_old_connections()
                time.sleep(idle)
        self.stdout.write(
            f"processed {total.processed} staged submissions ({total.failed} refused)"
        )

    def _progress(self, result: ProcessResult) -> None:
        self.stderr.write(f"... {result.processed} processed, {result.failed} refused")
