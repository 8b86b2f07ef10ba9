"""`awasi risk score|import|categories`: recompute TPS scores, load observations, export categories.

awasi risk score --election pemilu-2024 [--region 19.01] [--as-of 2024-02-12]
awasi risk import FILE [--election pemilu-2024] [--user USERNAME]
awasi risk categories FILE [--election pemilu-2024] [--region 19.71]
"""

import csv
from datetime import date
from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from awasi.core.errors import DomainError
from awasi.elections.models import Election
from awasi.risk import selectors, services

CATEGORY_HEADER = ("tps_code", "village_code", "category", "latitude", "longitude")


class Command(BaseCommand):
    help = "Vulnerability mapping: score TPS, import observations, export TPS categories."

    def add_arguments(self, parser):  # type: ignore[no-untyped-def]
        sub = parser.add_subparsers(dest="action", required=True)
        score = sub.add_parser("score", help="refresh derived indicators and recompute scores")
        score.add_argument("--election", default="pemilu-2024")
        score.add_argument("--region", default=None, help="region code (default: everything)")
        score.add_argument(
            "--as-of",
            type=date.fromisoformat,
            default=None,
            help="mapping date stored with the run (default: today)",
        )
        score.add_argument("--note", default="")
        load = sub.add_parser("import", help="load observations from a CSV or XLSX file")
        load.add_argument("file", type=Path)
        load.add_argument("--election", default="pemilu-2024")
        load.add_argument("--user", default=None, help="record the values as this user")
        export = sub.add_parser("categories", help="write TPS categories for the police planner")
        export.add_argument("file", type=Path)
        export.add_argument("--election", default="pemilu-2024")
        export.add_argument("--region", default=None)

    def handle(self, *args, **options):  # type: ignore[no-untyped-def]
        try:
            election = Election.objects.get(slug=options["election"])
        except Election.DoesNotExist as error:
            raise CommandError(f"unknown election {options['election']!r}") from error
        try:
            getattr(self, f"_{options['action']}")(election, options)
        except DomainError as error:
            raise CommandError(str(error.message)) from error

    def _score(self, election, options):  # type: ignore[no-untyped-def]
        run = services.compute_scores(
            actor=None,
            election=election,
            region_code=options["region"],
            as_of=options["as_of"],
            note=options["note"],
            progress=self._progress,
        )
        counts = run.region_scores.filter(region_id=run.region_code or "19").first()
        summary = counts.category_counts if counts else {}
        self.stdout.write(self.style.SUCCESS(f"run {run.pk} ({run.as_of}): {summary}"))

    def _import(self, election, options):  # type: ignore[no-untyped-def]
        user = None
        if options["user"]:
            user = get_user_model().objects.filter(username=options["user"]).first()
            if user is None:
                raise CommandError(f"unknown user {options['user']!r}")
        path: Path = options["file"]
        if not path.is_file():
            raise CommandError(f"no such file: {path}")
        self._progress(f"Reading {path.name}…")
        result = services.import_observations(
            actor=user, election=election, content=path.read_bytes(), filename=path.name
        )
        for error in result.errors:
            self.stderr.write(f"row {error.row} {error.column}: {error.text()}")
        if result.errors:
            raise CommandError(f"{len(result.errors)} problem(s): nothing was imported")
        self.stdout.write(self.style.SUCCESS(f"{len(result.observations)} values imported"))

    def _categories(self, election, options):  # type: ignore[no-untyped-def]
        rows = selectors.tps_category_rows(election=election, region_code=options["region"])
        with options["file"].open("w", newline="", encoding="utf-8") as handle:
            writer = csv.writer(handle)
            writer.writerow(CATEGORY_HEADER)
            writer.writerows(rows)
        self.stdout.write(self.style.SUCCESS(f"{len(rows)} TPS written to {options['file']}"))

    def _progress(self, message: str) -> None:
        self.stdout.write(message)
        self.stdout.flush()
