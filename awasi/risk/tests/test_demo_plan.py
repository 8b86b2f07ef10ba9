"""The demo planner's patterns give the published counts under the real engine and catalogue."""

import numpy as np

from awasi.risk import catalogue, demo_plan, scoring

PEMILU = catalogue.load("tps-pemilu-2024")
CODES = PEMILU.indicator_codes()
ENGINE = scoring.compile_catalogue(PEMILU)


def _province():
    focus = [demo_plan.DemoTps(f"19.71.{n:04d}", True, n < 7, False) for n in range(738)]
    other = [demo_plan.DemoTps(f"19.01.{n:04d}", False, n < 2, 10 <= n < 40) for n in range(3378)]
    return focus + other


def _categories(rows, tps):
    values = np.array(
        [[rows[t.code].get(c, 1.0 if t.is_special else 0.0) for c in CODES] for t in tps]
    )
    return [PEMILU.categories[i] for i in scoring.score(values, ENGINE).category]


def test_october_snapshot_reproduces_polresta_pangkalpinang():
    tps = _province()
    rows = demo_plan.plan(tps, CODES)["2023-10-26"]
    focus = _categories(rows, [t for t in tps if t.in_focus_area])
    assert [focus.count(c) for c in ("kurang_rawan", "rawan", "sangat_rawan")] == [688, 43, 7]


def test_february_snapshot_has_39_rawan_or_worse_province_wide():
    tps = _province()
    categories = _categories(demo_plan.plan(tps, CODES)["2024-02-12"], tps)
    assert len(categories) - categories.count("kurang_rawan") == 39
    assert categories.count("sangat_rawan") == 9 + 10  # 9 special locations, 10 remote islands


def test_plan_is_deterministic_and_never_observes_the_derived_indicator():
    tps = _province()[:50]
    first, second = demo_plan.plan(tps, CODES), demo_plan.plan(tps, CODES)
    assert first == second
    assert all("lok_khusus" not in row for row in first["2024-02-12"].values())
