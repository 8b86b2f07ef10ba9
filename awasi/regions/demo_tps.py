"""Synthetic TPS for Bangka Belitung with the real per-regency counts (4,116 for Pemilu 2024).

Villages, voters per TPS and positions are generated (seeded) and every row is marked
`is_synthetic`; only the per-regency totals and the special TPS in prisons come from sources.
"""

from __future__ import annotations

import random
from collections import defaultdict

from django.db import transaction

from awasi.elections.models import Election
from awasi.regions.babel import (
    BANGKA_ISLAND,
    DISTRICT_POSITIONS,
    DPT_PER_REGENCY,
    ISLAND_DISTRICTS,
    MAIN_ISLAND,
    PANGKALAN_BARU,
    TPS_PER_REGENCY,
    largest_remainder,
)
from awasi.regions.choices import RegionLevel, SpecialLocation
from awasi.regions.models import Island, PollingStation, Region

# Polresta Pangkalpinang's area had 738 TPS (622 in the city + Pangkalan Baru) and 7 TPS in
# prisons (kilasbabel.com 26 Oct 2023); Rutan Mentok and Lapas Tanjung Pandan each had one.
PANGKALAN_BARU_TPS = 738 - 622
PRISON_TPS = [
    ("19.71", 5, SpecialLocation.PRISON),
    (PANGKALAN_BARU, 2, SpecialLocation.PRISON),
    ("19.05.01", 1, SpecialLocation.DETENTION),
    ("19.02.01", 1, SpecialLocation.PRISON),
]


def _allocate(villages: list[Region], total: int, rng: random.Random) -> dict[str, int]:
    weights = [0.6 + rng.random() * 1.4 for _ in villages]
    shares = largest_remainder(total - len(villages), weights)
    return {v.code: 1 + s for v, s in zip(villages, shares, strict=True)}


def plan_counts(rng: random.Random) -> dict[str, int]:
    """TPS per village so each regency (and Pangkalan Baru) gets its published count."""
    villages: dict[str, list[Region]] = defaultdict(list)
    for village in Region.objects.filter(level=RegionLevel.VILLAGE, code__startswith="19."):
        key = PANGKALAN_BARU if village.code.startswith(PANGKALAN_BARU + ".") else village.code[:5]
        villages[key].append(village)
    targets = dict(TPS_PER_REGENCY)
    targets["19.04"] -= PANGKALAN_BARU_TPS
    targets[PANGKALAN_BARU] = PANGKALAN_BARU_TPS
    counts: dict[str, int] = {}
    for key, total in targets.items():
        counts.update(_allocate(sorted(villages[key], key=lambda v: v.code), total, rng))
    return counts


@transaction.atomic
def generate_babel_tps(election: Election, *, seed: int = 2024) -> int:
    """Create the synthetic Babel TPS for `election` unless it already has TPS there."""
    if PollingStation.objects.filter(election=election, village__pk__startswith="19.").exists():
        return 0
    rng = random.Random(seed)  # noqa: S311 - reproducible demo data, not security
    counts = plan_counts(rng)
    islands = set(Island.objects.filter(code__startswith="19.").values_list("code", flat=True))
    rows = []
    for village_code, n in sorted(counts.items()):
        district, regency = village_code[:8], village_code[:5]
        mean = DPT_PER_REGENCY[regency] / TPS_PER_REGENCY[regency]
        lat0, lon0 = DISTRICT_POSITIONS[district]
        spread = 0.012 if regency == "19.71" else 0.045
        vlat, vlon = lat0 + rng.uniform(-spread, spread), lon0 + rng.uniform(-spread, spread)
        island = ISLAND_DISTRICTS.get(district) or MAIN_ISLAND.get(regency, BANGKA_ISLAND)
        for number in range(1, n + 1):
            rows.append(
                PollingStation(
                    election=election,
                    village_id=village_code,
                    number=number,
                    code=PollingStation.make_code(village_code, number),
                    voter_count=min(election.max_voters_per_tps, max(60, int(rng.gauss(mean, 25)))),
                    latitude=round(vlat + rng.uniform(-0.006, 0.006), 5),
                    longitude=round(vlon + rng.uniform(-0.006, 0.006), 5),
                    island_id=island if island in islands else None,
                    address=f"TPS {number:03d}",
                    is_synthetic=True,
                )
            )
    _mark_prisons(rows, rng)
    PollingStation.objects.bulk_create(rows, batch_size=2000)
    return len(rows)


def _mark_prisons(rows: list[PollingStation], rng: random.Random) -> None:
    for prefix, n, kind in PRISON_TPS:
        candidates = [
            r for r in rows if r.village_id.startswith(prefix + ".") and not r.special_location
        ]
        for row in rng.sample(candidates, n):
            row.special_location = kind
            row.address = "TPS khusus di lembaga pemasyarakatan (demo)"
            row.voter_count = min(row.voter_count, 250)
