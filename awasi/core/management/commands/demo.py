"""`awasi demo`: reference data for all Indonesia, Bangka Belitung demo data and accounts."""

import importlib
import os

from django.core.management import call_command
from django.core.management.base import BaseCommand

from awasi.accounts.seed import seed_demo_users, seed_organisations
from awasi.elections.seed import seed_elections
from awasi.regions.babel import seed_dapil, seed_police_units
from awasi.regions.demo_tps import generate_babel_tps
from awasi.regions.models import Region

DOMAIN_APPS = ["cases", "gakkumdu", "risk", "deployment", "screening", "prevention"]


class Command(BaseCommand):
    help = "Load reference and demo data (idempotent) and print the demo accounts."

    def add_arguments(self, parser):  # type: ignore[no-untyped-def]
        parser.add_argument("--url", default="http://127.0.0.1:8000")
        parser.add_argument(
            "--babel-only",
            action="store_true",
            help="load only province 19's regions (faster, for tests)",
        )

    def handle(self, *args, **options):  # type: ignore[no-untyped-def]
        say = self.stdout.write
        if not Region.objects.filter(code="96").exists() and not options["babel_only"]:
            say("Loading all Indonesian regions …")
        call_command(
            "load_regions", prefix="19" if options["babel_only"] else None, stdout=self.stdout
        )
        elections = {e.slug: e for e in seed_elections()}
        say("Elections and stages: " + ", ".join(elections))
        seed_police_units()
        say(f"Dapil: {seed_dapil(elections['pemilu-2024'])}")
        say(f"Synthetic TPS created: {generate_babel_tps(elections['pemilu-2024'])}")
        seed_organisations()
        password = os.environ.get("AWASI_DEMO_PASSWORD", "awasi-demo")
        users = seed_demo_users(password)
        for app in DOMAIN_APPS:
            self._load_app(app)
        say(self.style.SUCCESS(f"\nAwasi demo ready at {options['url']}"))
        say(f"Accounts (password: {password}):")
        for user in users:
            say(f"  {user.username:<22} {user.organisation}  [{user.get_role_display()}]")

    def _load_app(self, app: str) -> None:
        try:
            module = importlib.import_module(f"awasi.{app}.demo")
        except ModuleNotFoundError as exc:
            if exc.name != f"awasi.{app}.demo":
                raise
            return
        self.stdout.write(f"Demo data: {app} …")
        module.load(stdout=self.stdout)
