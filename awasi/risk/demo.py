"""`awasi demo` part for risk: synthetic Babel observations reproducing the published picture.

Two dated runs over the synthetic 4,116 Pemilu 2024 TPS (see :mod:`awasi.risk.demo_plan` for the
sources): 26 Oct 2023 reproduces Polresta Pangkalpinang's 688 / 43 / 7, and 12 Feb 2024 Polda
Babel's 39 TPS *rawan/sangat rawan* province-wide. All observations and runs are marked synthetic.
Also the published IKP values: Babel 29.89 (IKP 2024) and Kab. Belitung 15.78 (Pilkada 2024 IKP).
"""

from __future__ import annotations

from datetime import date
from typing import Any

import numpy as np
from django.db import transaction

from awasi.elections.models import Election
from awasi.regions.babel import ISLAND_DISTRICTS, PANGKALAN_BARU
from awasi.regions.models import PollingStation
from awasi.risk import demo_plan, scoring, services
from awasi.risk.choices import CatalogueKind, ObservationSource
from awasi.risk.models import IkpScore, IndicatorCatalogue, Observation, ScoreRun

SNAPSHOT_NOTES = {
    "2023-10-26": "Demo (synthetic): Polresta Pangkalpinang's picture from the 2019 Mantap Brata "
    "mapping — 738 TPS: 688 kurang rawan, 43 rawan, 7 sangat rawan (kilasbabel.com 26 Oct 2023)",
    "2024-02-12": "Demo (synthetic): Polda Babel's 39 TPS rawan/sangat rawan province-wide "
    "(Kapolda, beritacmm.com 12 Feb 2024)",
}
PUBLISHED_IKP = [
    (
        "pemilu-2024",
        "19",
        "province",
        29.89,
        "sumeksradio.disway.id (Jul 2023); babelpos.disway.id",
    ),
    ("pilkada-2024", "19.02", "regency", 15.78, "Antara Babel 439622 (Bawaslu Belitung)"),
]


def load(*, stdout: Any) -> None:
    """Create the catalogues, the two synthetic runs and the published IKP values (idempotent)."""
    for election in Election.objects.filter(slug__in=services.DEFAULT_CATALOGUES):
        services.ensure_catalogues(election)
    _published_ikp(stdout)
    election = Election.objects.filter(slug="pemilu-2024").first()
    if election is None or ScoreRun.objects.filter(election=election, is_synthetic=True).exists():
        return
    stations = _demo_stations(election)
    if not stations:
        stdout.write("  risk: no TPS to map (load the synthetic TPS first)")
        return
    item = services.tps_catalogue(election)
    plans = demo_plan.plan(list(stations.values()), item.parsed().indicator_codes())
    for snapshot, rows in plans.items():
        run = _load_snapshot(item, election, stations, snapshot, rows)
        stdout.write(f"  risk: run {run.as_of}: {_summary(run)}")


def _demo_stations(election: Election) -> dict[int, demo_plan.DemoTps]:
    islands = set(ISLAND_DISTRICTS.values())
    rows = PollingStation.objects.filter(election=election).in_region("19")
    return {
        pk: demo_plan.DemoTps(
            code=code,
            in_focus_area=village.startswith(("19.71.", PANGKALAN_BARU + ".")),
            is_special=special not in ("", "remote"),
            is_remote=special == "remote" or island in islands,
        )
        for pk, code, village, special, island in rows.values_list(
            "pk", "code", "village_id", "special_location", "island_id"
        )
    }


@transaction.atomic
def _load_snapshot(item, election, stations, snapshot: str, rows) -> ScoreRun:
    observed_on = date.fromisoformat(snapshot)
    pk_of = {tps.code: pk for pk, tps in stations.items()}
    Observation.objects.filter(catalogue=item, source=ObservationSource.FIELD).delete()
    Observation.objects.bulk_create(
        [
            Observation(
                catalogue=item,
                polling_station_id=pk_of[code],
                indicator=indicator,
                source=ObservationSource.FIELD,
                value=value,
                observed_on=observed_on,
                reference="demo",
                is_synthetic=True,
            )
            for code, values in rows.items()
            for indicator, value in values.items()
        ],
        batch_size=5000,
    )
    return services.compute_scores(
        actor=None,
        election=election,
        region_code="19",
        as_of=observed_on,
        note=SNAPSHOT_NOTES[snapshot],
        is_synthetic=True,
    )


def _summary(run: ScoreRun) -> str:
    province = run.region_scores.filter(region_id="19").first()
    return str(province.category_counts if province else {})


def _published_ikp(stdout: Any) -> None:
    for slug, code, level, value, source in PUBLISHED_IKP:
        item = IndicatorCatalogue.objects.filter(
            election__slug=slug, kind=CatalogueKind.IKP
        ).first()
        if item is None:
            continue
        engine = scoring.compile_catalogue(item.parsed())
        category = item.parsed().categories[
            scoring.categorise(np.array([value]), engine, level=level)[0]
        ]
        IkpScore.objects.update_or_create(
            catalogue=item,
            region_id=code,
            defaults={"score": value, "category": category, "source": source, "is_published": True},
        )
