"""`awasi load_regions [--prefix 19]`: load the Kemendagri regions and islands (idempotent)."""

import time

from django.core.management.base import BaseCommand

from awasi.regions.loading import load_regions


class Command(BaseCommand):
    help = "Load provinces, regencies, districts, villages and islands from the shipped data."

    def add_arguments(self, parser):  # type: ignore[no-untyped-def]
        parser.add_argument("--prefix", help="only this code's subtree, e.g. 19")

    def handle(self, *args, **options):  # type: ignore[no-untyped-def]
        started = time.perf_counter()
        result = load_regions(prefix=options["prefix"], progress=self.stdout.write)
        self.stdout.write(
            self.style.SUCCESS(
                f"regions: {result.created} created, {result.updated} renamed, "
                f"{result.islands} islands in {time.perf_counter() - started:.1f} s"
            )
        )
