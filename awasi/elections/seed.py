"""Elections Awasi ships with and their stage calendars (awasi/elections/data/stages.csv)."""

from __future__ import annotations

import csv
from datetime import date
from pathlib import Path

from django.db import transaction

from awasi.elections.choices import LegalRegime
from awasi.elections.models import Election, Stage

STAGES_CSV = Path(__file__).parent / "data" / "stages.csv"

ELECTIONS = [
    {
        "slug": "pemilu-2024",
        "name": "Pemilu 2024",
        "regime": LegalRegime.PEMILU,
        "voting_on": date(2024, 2, 14),
        "region_code": "",
        "max_voters_per_tps": 300,
        "source": "PKPU 3/2022; max 300 voters per TPS (KPU guidance, secondary)",
    },
    {
        "slug": "pilkada-2024",
        "name": "Pilkada 2024 Kepulauan Bangka Belitung",
        "regime": LegalRegime.PILKADA,
        "voting_on": date(2024, 11, 27),
        "region_code": "19",
        "max_voters_per_tps": 500,
        "source": "KPU; max 500 voters per TPS in Pilkada (secondary)",
    },
]


@transaction.atomic
def seed_elections() -> list[Election]:
    """Create or update the shipped elections and their stages (idempotent)."""
    elections = []
    for spec in ELECTIONS:
        election, _ = Election.objects.update_or_create(slug=spec["slug"], defaults=spec)
        elections.append(election)
    by_slug = {e.slug: e for e in elections}
    with STAGES_CSV.open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            Stage.objects.update_or_create(
                election=by_slug[row["election"]],
                kind=row["kind"],
                defaults={
                    "name": row["name"],
                    "starts_on": date.fromisoformat(row["starts_on"]),
                    "ends_on": date.fromisoformat(row["ends_on"]),
                    "source": row["source"],
                },
            )
    return elections
