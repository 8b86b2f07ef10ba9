"""Deployment demo: Babel patterns, personnel and a province plan near Polda Babel's ~1,900.

Reported figures (legal-notes.md §8–9, secondary): Polres Bangka 358 officers for TPS security,
Polres Belitung 195 (+100 BKO from Polda), Polresta Pangkalpinang 368 (all stages). The other
Polres counts, the Polda pool and Polres Belitung's named roster are synthetic and flagged so.
"""

from __future__ import annotations

import random
from typing import Any

from awasi.deployment import presets
from awasi.deployment.models import Plan, RosterMember
from awasi.deployment.services import create_plan, install_preset, set_personnel
from awasi.elections.models import Election
from awasi.regions.models import PoliceUnit

REPORTED = {"POLRES-19.01": 358, "POLRES-19.02": 195, "POLRESTA-19.71": 368}
SYNTHETIC = {
    "POLRES-19.03": 270,
    "POLRES-19.04": 200,
    "POLRES-19.05": 280,
    "POLRES-19.06": 150,
    "POLDA-19": 300,
}
RANKS = ["Bripda", "Briptu", "Brigpol", "Bripka", "Aipda", "Aiptu", "Ipda"]


def load(*, stdout: Any) -> None:
    """Install the pattern sets, personnel and one province plan (idempotent)."""
    election = Election.objects.get(slug="pemilu-2024")
    if Plan.objects.filter(election=election, region_id="19", is_synthetic=True).exists():
        stdout.write("  deployment demo already loaded")
        return
    install_preset(
        actor=None,
        election=election,
        preset=presets.POLDA_BABEL_2024,
        overrides={"POLRES-19.02": presets.POLRES_BELITUNG_2024},
        is_default=True,
    )
    for preset in (presets.POLRES_BELITUNG_2024, presets.COMMON_2024, presets.MABES_2019):
        install_preset(actor=None, election=election, preset=preset)
    set_personnel(
        actor=None,
        election=election,
        counts=REPORTED,
        source="Antara Babel; metrozone.net; kilasbabel.com (secondary)",
    )
    set_personnel(
        actor=None,
        election=election,
        counts=SYNTHETIC,
        source="synthetic demo figure",
        is_synthetic=True,
    )
    _roster(election, "POLRES-19.02", REPORTED["POLRES-19.02"])
    plan = create_plan(
        actor=None,
        election=election,
        region_code="19",
        title="Rencana pengamanan TPS Pemilu 2024 — Polda Babel (demo)",
        is_synthetic=True,
    )
    stdout.write(
        f"  plan: {plan.tps} TPS, {plan.required} officers required "
        f"(Polda Babel reported about 1,900), shortfall {plan.shortfall}"
    )


def _roster(election: Election, unit_code: str, n: int) -> None:
    from faker import Faker

    fake = Faker("id_ID")
    fake.seed_instance(19)
    rng = random.Random(19)  # noqa: S311 (synthetic names, not security)
    unit = PoliceUnit.objects.get(code=unit_code)
    RosterMember.objects.bulk_create(
        [
            RosterMember(
                election=election,
                unit=unit,
                name=fake.name(),
                rank=rng.choice(RANKS),
                nrp=f"{rng.randint(70000000, 99999999)}",
                is_synthetic=True,
            )
            for _ in range(n)
        ]
    )
