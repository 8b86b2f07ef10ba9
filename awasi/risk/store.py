"""Engine arrays → score rows (called by ``services.compute_scores`` inside its transaction)."""

from __future__ import annotations

import math

from awasi.regions.codes import in_subtree
from awasi.risk.catalogue import Catalogue
from awasi.risk.models import RegionScore, ScoreRun, TpsScore
from awasi.risk.rollup import RegionRollup
from awasi.risk.scoring import Scores


def _number(value: float) -> float | None:
    return None if math.isnan(value) else round(float(value), 4)


def save_tps_scores(run: ScoreRun, catalogue: Catalogue, pks: list[int], scores: Scores) -> None:
    """One ``TpsScore`` per TPS with its drivers as ``[[indicator, points], ...]``."""
    codes = catalogue.indicator_codes()
    categories = catalogue.categories
    rows = []
    for n, pk in enumerate(pks):
        drivers = [
            [codes[i], _number(p)]
            for i, p in zip(scores.driver_index[n], scores.driver_points[n], strict=True)
            if i >= 0
        ]
        category = int(scores.category[n])
        rows.append(
            TpsScore(
                run=run,
                polling_station_id=pk,
                score=_number(scores.score[n]),
                coverage=round(float(scores.coverage[n]), 4),
                category=categories[category] if category >= 0 else "",
                drivers=drivers,
                group_scores=[_number(v) for v in scores.group_scores[n]],
            )
        )
    TpsScore.objects.bulk_create(rows, batch_size=2000)


def save_region_scores(
    run: ScoreRun,
    catalogue: Catalogue,
    levels: dict[str, RegionRollup],
    region_code: str | None,
) -> None:
    """One ``RegionScore`` per region inside the run's area (ancestors would be partial)."""
    codes = catalogue.indicator_codes()
    rows = []
    for level, rolled in levels.items():
        for r, code in enumerate(rolled.codes):
            if region_code and not in_subtree(code, region_code):
                continue
            rows.append(_region_row(run, level, rolled, r, code, catalogue, codes))
    RegionScore.objects.bulk_create(rows, batch_size=2000)


def _region_row(run, level, rolled, r, code, catalogue, codes) -> RegionScore:
    counts = rolled.category_counts[r]
    indicators = rolled.indicator_counts[r]
    return RegionScore(
        run=run,
        region_id=code,
        level=level,
        tps_count=int(rolled.tps_count[r]),
        scored_count=int(rolled.scored_count[r]),
        mean_score=_number(rolled.mean_score[r]),
        max_score=_number(rolled.max_score[r]),
        category_counts={c: int(n) for c, n in zip(catalogue.categories, counts, strict=True)},
        group_means=[_number(v) for v in rolled.group_means[r]],
        indicator_counts={c: int(n) for c, n in zip(codes, indicators, strict=True) if n},
    )


def top_group_codes(catalogue: Catalogue) -> list[str]:
    """Codes of the top-level groups, in the order of ``group_scores`` / ``group_means``."""
    return [g.code for g in catalogue.top_groups]
