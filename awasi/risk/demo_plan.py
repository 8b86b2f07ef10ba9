"""Synthetic Babel observations that reproduce the published TPS picture (pure, no Django).

Two snapshots, because the two published figures are from different dates and bodies:

* 26 Oct 2023 — Polresta Pangkalpinang's area (Pangkalpinang + Kec. Pangkalan Baru): 738 TPS,
  688 *kurang rawan*, 43 *rawan*, 7 *sangat rawan* (the 7 in prisons), from the 2019 Mantap Brata
  mapping (kilasbabel.com 26 Oct 2023, secondary; legal-notes §9.2);
* 12 Feb 2024 — Polda Babel: 39 TPS *rawan/sangat rawan* province-wide (Kapolda, beritacmm.com
  12 Feb 2024, secondary; legal-notes §8).

Observations are drawn from indicator patterns whose category under the shipped Pemilu 2024
catalogue is known (checked by the tests with the real engine). Special-location TPS get no field
observation for ``lok_khusus``: that value is derived from the TPS registry.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

#: Patterns by the category they produce with equal weights and the default thresholds.
CALM = (
    (),
    ("hp_dptb",),
    ("hp_dpt_tms", "hp_dptb"),
    ("jar_internet",),
    ("lok_dekat_posko",),
    ("hp_dptb", "lok_dekat_posko"),
)
RAWAN = (
    ("kmp_politik_uang", "jar_internet"),
    ("hp_dptb", "hp_dpk", "jar_internet"),
    ("kam_kekerasan",),
    ("kam_intimidasi", "lok_dekat_posko"),
    ("net_asn_aparat", "hp_dptb", "hp_dpt_tms"),
)
SANGAT_RAWAN_REMOTE = (
    "lok_sulit_dijangkau",
    "lok_rawan_bencana",
    "jar_listrik",
    "jar_internet",
    "kam_intimidasi",
)

OCTOBER_RAWAN_IN_FOCUS = 43
FEBRUARY_RAWAN_OR_WORSE = 39


@dataclass(frozen=True)
class DemoTps:
    """What the planner needs to know about a TPS."""

    code: str
    in_focus_area: bool
    is_special: bool
    is_remote: bool


def plan(
    tps: list[DemoTps], codes: list[str], *, seed: int = 19
) -> dict[str, dict[str, dict[str, float]]]:
    """{snapshot: {tps_code: {indicator: 0/1}}} for both snapshots, every indicator filled in."""
    rng = random.Random(seed)  # noqa: S311 (synthetic demo data, not security)
    field = [c for c in codes if c != "lok_khusus"]
    ordered = sorted(tps, key=lambda t: t.code)
    october = _october(ordered, rng)
    february = _february(ordered, rng)
    return {
        "2023-10-26": {t.code: _row(field, october[t.code]) for t in ordered},
        "2024-02-12": {t.code: _row(field, february[t.code]) for t in ordered},
    }


def _row(field: list[str], flagged: tuple[str, ...]) -> dict[str, float]:
    return {code: (1.0 if code in flagged else 0.0) for code in field}


def _october(tps: list[DemoTps], rng: random.Random) -> dict[str, tuple[str, ...]]:
    """Focus area: 43 rawan among ordinary TPS, prisons by the registry; elsewhere calm."""
    ordinary = [t for t in tps if t.in_focus_area and not t.is_special]
    rawan = {t.code for t in rng.sample(ordinary, min(OCTOBER_RAWAN_IN_FOCUS, len(ordinary)))}
    return {t.code: rng.choice(RAWAN) if t.code in rawan else rng.choice(CALM) for t in tps}


def _february(tps: list[DemoTps], rng: random.Random) -> dict[str, tuple[str, ...]]:
    """39 in all: special-location TPS (sangat rawan by the registry), remote islands sangat
    rawan, the rest rawan chosen across the province."""
    special = [t for t in tps if t.is_special]
    remaining = max(0, FEBRUARY_RAWAN_OR_WORSE - len(special))
    remote = _round_robin([t for t in tps if t.is_remote and not t.is_special])[: remaining // 3]
    others = [t for t in tps if not t.is_special and not t.is_remote]
    rawan = rng.sample(others, min(len(others), remaining - len(remote)))
    chosen: dict[str, tuple[str, ...]] = {t.code: SANGAT_RAWAN_REMOTE for t in remote}
    chosen.update({t.code: rng.choice(RAWAN) for t in rawan})
    return {t.code: chosen.get(t.code) or rng.choice(CALM) for t in tps}


def _round_robin(tps: list[DemoTps]) -> list[DemoTps]:
    """Alternate between districts (code prefix) so several islands are represented."""
    by_district: dict[str, list[DemoTps]] = {}
    for t in tps:
        by_district.setdefault(t.code[:8], []).append(t)
    queues = list(by_district.values())
    result = []
    while any(queues):
        for queue in queues:
            if queue:
                result.append(queue.pop(0))
    return result
