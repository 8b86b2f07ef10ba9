"""`awasi deadlines compute` (audit the engine) and `awasi deadlines sweep` (cron notifications).

compute: ``awasi deadlines compute --regime pemilu --step STEP --from WHEN [--region CODE]``
prints one JSON object ``{"step", "due", "counting", "amount", "basis"}``. WHEN is an ISO 8601
date or datetime; without an offset it is local time of the region (default WIB). ``due`` is
ISO 8601 with the region's UTC offset, to the second. Unknown step, regime or region, or a bad
date: exit status 2 and a one-line error.
"""

from __future__ import annotations

import csv
import json
from datetime import datetime
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser

from awasi.cases import deadlines
from awasi.cases.selectors import get_rule
from awasi.cases.services.notices import sweep
from awasi.cases.services.staging import process_intake
from awasi.core.errors import DomainError
from awasi.elections.calendar import working_calendar
from awasi.elections.choices import LegalRegime
from awasi.regions.codes import level_of
from awasi.regions.models import Region
from awasi.regions.timezones import zone_for

CSV_OF_LEVEL = {"province": "provinces", "regency": "regencies", "district": "districts",
                "village": "villages"}  # fmt: skip


def fail(message: str) -> CommandError:
    return CommandError(message.replace("\n", " "), returncode=2)


def region_known(code: str) -> bool:
    """In the database, or in the shipped Kemendagri list (so any province can be audited)."""
    try:
        level = level_of(code)
    except ValueError:
        return False
    if Region.objects.filter(pk=code).exists():
        return True
    path = settings.AWASI_WILAYAH_DIR / f"{CSV_OF_LEVEL[level]}.csv"
    if not path.exists():
        return False
    with path.open(encoding="utf-8", newline="") as handle:
        return any(row.get("code") == code for row in csv.DictReader(handle))


def parse_when(text: str, region: str | None) -> datetime:
    try:
        moment = datetime.fromisoformat(text)
    except ValueError as exc:
        message = f"bad date/time {text!r}: use ISO 8601, e.g. 2024-01-19 or 2024-01-19T14:00"
        raise fail(message) from exc
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=zone_for(region))
    return moment


class Command(BaseCommand):
    help = "Compute a statutory deadline (audit) or notify officers of due and overdue clocks."

    def add_arguments(self, parser: CommandParser) -> None:
        sub = parser.add_subparsers(dest="action", required=True)
        compute = sub.add_parser("compute", help="print the due moment of one step as JSON")
        compute.add_argument("--regime", required=True)
        compute.add_argument("--step", required=True)
        compute.add_argument("--from", dest="when", required=True)
        compute.add_argument("--region", default=None)
        compute.add_argument("--variant", default=None, help="for steps with conflicting rules")
        sub.add_parser("sweep", help="notify responsible officers (idempotent; for cron)")

    def handle(self, *args: Any, **options: Any) -> None:
        if options["action"] == "compute":
            self.compute(**options)
        else:
            self.sweep()

    def compute(self, **options: Any) -> None:
        regime, step, region = options["regime"], options["step"], options["region"]
        if regime not in LegalRegime.values:
            raise fail(f"unknown regime {regime!r} (known: {', '.join(LegalRegime.values)})")
        if region is not None and not region_known(region):
            raise fail(f"unknown region {region!r}")
        trigger = parse_when(options["when"], region)
        try:
            rule = get_rule(regime=regime, step=step, variant=options["variant"])
        except DomainError as exc:
            if exc.code == "ambiguous_rule":
                raise fail(f"{exc} Use --variant.") from exc
            raise fail(f"unknown step {step!r} for regime {regime!r}") from exc
        zone = zone_for(region)
        due = deadlines.compute_due(rule.as_rule(), trigger, zone, working_calendar(region))
        answer = {
            "step": rule.step,
            "due": due.isoformat(timespec="seconds"),
            "counting": rule.counting,
            "amount": rule.amount,
            "basis": rule.basis,
        }
        self.stdout.write(json.dumps(answer, ensure_ascii=False))

    def sweep(self) -> None:
        # Staged API reports become cases first, so their clocks are swept too.
        staged = process_intake()
        if staged.processed:
            self.stdout.write(f"processed {staged.processed} staged submissions")
        result = sweep(progress=lambda n: self.stderr.write(f"... {n} clocks checked"))
        self.stdout.write(
            f"checked {result.checked} running clocks; sent {result.notices} notices "
            f"({json.dumps(result.by_state)})"
        )
