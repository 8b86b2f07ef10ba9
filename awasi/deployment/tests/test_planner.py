"""Hand-checked small plans for the pure planner (issue 6)."""

import numpy as np
import pytest

from awasi.deployment.grouping import TravelRules
from awasi.deployment.patterns import Pattern, PatternSet
from awasi.deployment.planner import PlanInputError, PlanOptions, plan

from .factories_pure import BELITUNG_STYLE, build, many, tps, unit


def _plan(units, stations, patterns=BELITUNG_STYLE, **options):
    t, u = build(units, stations)
    return plan(t, u, patterns, PlanOptions(**options)), t


def _by_code(result):
    return {row.code: row for row in result.units}


def test_groups_follow_the_pattern_per_category_and_village():
    stations = (
        many("A", "V1", "kurang_rawan", "POLRES-A", 7)
        + many("B", "V1", "rawan", "POLRES-A", 2)
        + many("C", "V1", "sangat_rawan", "POLRES-A", 1)
    )
    result, _ = _plan([unit("POLRES-A", available=10)], stations)
    # 7 kurang rawan → 3 groups (3+3+1), 2 rawan → 1, 1 sangat rawan → 1; one officer each.
    assert len(result.groups) == 5
    assert sorted(result.groups.n_tps.tolist()) == [1, 1, 2, 3, 3]
    assert result.required == 5
    assert result.groups.linmas.sum() == 20
    row = _by_code(result)["POLRES-A"]
    assert (row.required, row.available, row.shortfall, row.reinforcements) == (5, 10, 0, 0)
    assert result.lower_bound == 5 and result.gap == 0


def test_groups_never_cross_villages_and_the_gap_shows_it():
    stations = many("A", "V1", "kurang_rawan", "POLRES-A", 4) + many(
        "B", "V2", "kurang_rawan", "POLRES-A", 2
    )
    result, _ = _plan([unit("POLRES-A", available=10)], stations)
    assert result.required == 3  # ceil(4/3) + ceil(2/3)
    assert result.lower_bound == 2  # ceil(6/3) if villages could be mixed
    assert result.gap == 1


def test_tps_on_another_island_stand_alone():
    stations = many("M", "SELATNASIK", "kurang_rawan", "POLRES-BLT", 2, island="Mendanau") + many(
        "T", "TJPANDAN", "kurang_rawan", "POLRES-BLT", 3, island="Belitung"
    )
    result, _ = _plan([unit("POLRES-BLT", available=10, island="Belitung")], stations)
    assert result.groups.isolated.sum() == 2
    assert sorted(result.groups.n_tps.tolist()) == [1, 1, 3]
    assert result.required == 3
    assert result.lower_bound == 3  # isolation is a hard rule, so the bound counts it too


def test_tps_beyond_the_travel_limit_stand_alone():
    base = unit("POLRES-A", available=10, lat=-2.13, lon=106.11)
    near = many("N", "V1", "kurang_rawan", "POLRES-A", 2, lat=-2.14, lon=106.12)
    far = many("F", "V2", "kurang_rawan", "POLRES-A", 2, lat=-3.0, lon=106.9)  # ~130 km
    result, _ = _plan([base], near + far, travel=TravelRules(max_travel_hours=2.0, speed_kmh=40))
    assert result.groups.isolated.tolist().count(True) == 2
    assert result.required == 3


def test_too_few_officers_cover_sangat_rawan_and_rawan_first():
    stations = (
        many("S", "V1", "sangat_rawan", "POLRES-A", 2)
        + many("R", "V1", "rawan", "POLRES-A", 4)
        + many("K", "V1", "kurang_rawan", "POLRES-A", 9)
    )
    result, t = _plan([unit("POLRES-A", available=3)], stations)
    covered_cat = result.groups.category[result.covered]
    assert sorted(covered_cat.tolist()) == [1, 2, 2]  # both sangat rawan, one rawan group
    row = _by_code(result)["POLRES-A"]
    assert (row.required, row.own_used, row.shortfall) == (7, 3, 4)


def test_polda_pool_and_neighbour_reinforce_the_short_polres():
    units = [
        unit("POLDA-X", kind="polda", available=2, lat=-2.1, lon=106.1),
        unit("POLRES-A", parent="POLDA-X", available=1, lat=-2.8, lon=107.6),
        unit("POLRES-B", parent="POLDA-X", available=6, lat=-2.2, lon=106.2),
    ]
    stations = many("A", "VA", "sangat_rawan", "POLRES-A", 6) + many(
        "B", "VB", "kurang_rawan", "POLRES-B", 6
    )
    result, _ = _plan(units, stations)
    rows = _by_code(result)
    # A needs 6, has 1; B needs 2 of its 6 and lends 4; Polda's pool gives 1 more.
    assert rows["POLRES-A"].reinforcements == 5
    assert rows["POLRES-A"].shortfall == 0
    assert rows["POLRES-B"].lent == 4
    moved = {(f.source, f.target): f.officers for f in result.flows}
    assert moved == {(2, 1): 4, (0, 1): 1}
    assert result.shortfall == 0


def test_reinforcement_prefers_the_nearer_source():
    units = [
        unit("POLDA-X", kind="polda", available=0),
        unit("POLRES-A", parent="POLDA-X", available=0, lat=-2.0, lon=106.0),
        unit("POLRES-NEAR", parent="POLDA-X", available=5, lat=-2.05, lon=106.05),
        unit("POLRES-FAR", parent="POLDA-X", available=5, lat=-3.0, lon=108.0),
    ]
    stations = many("A", "VA", "rawan", "POLRES-A", 6)  # 3 groups of 2 → 3 officers
    result, _ = _plan(units, stations)
    assert [(f.source, f.target, f.officers) for f in result.flows] == [(2, 1, 3)]


def test_remaining_shortfall_is_stated_when_nobody_can_help():
    units = [
        unit("POLDA-X", kind="polda", available=1),
        unit("POLRES-A", parent="POLDA-X", available=0),
    ]
    result, _ = _plan(units, many("A", "VA", "sangat_rawan", "POLRES-A", 4))
    row = _by_code(result)["POLRES-A"]
    assert (row.required, row.reinforcements, row.shortfall) == (4, 1, 3)
    assert result.pool == 1 and result.reinforcements == 1


def test_prison_tps_are_khusus_with_their_own_pattern():
    stations = many("P", "V1", "khusus", "POLRES-A", 3) + many(
        "K", "V1", "kurang_rawan", "POLRES-A", 3
    )
    result, _ = _plan([unit("POLRES-A", available=2)], stations)
    assert result.required == 2 * 3 + 1
    # With 2 officers the plan guards one prison TPS (khusus is covered before kurang rawan).
    assert result.groups.category[result.covered].tolist() == [3]


def test_polsek_personnel_pool_with_their_polres_and_report_per_polres():
    units = [
        unit("POLRES-A", available=1),
        unit("POLSEK-A1", kind="polsek", parent="POLRES-A", available=2),
    ]
    stations = many("S", "V1", "kurang_rawan", "POLSEK-A1", 6) + many(
        "H", "V2", "kurang_rawan", "POLRES-A", 3
    )
    result, _ = _plan(units, stations)
    rows = _by_code(result)
    assert list(rows) == ["POLRES-A"]
    assert (rows["POLRES-A"].required, rows["POLRES-A"].available) == (3, 3)
    assert result.shortfall == 0


def test_a_polres_covering_a_district_of_another_regency_counts_it():
    # Kec. Pangkalan Baru (19.04.xx, Bangka Tengah) is guarded by Polresta Pangkalpinang (babel.md).
    stations = (
        many("PB", "19.04.03.1001", "kurang_rawan", "POLRESTA-19.71", 3)
        + many("PK", "19.71.01.1001", "kurang_rawan", "POLRESTA-19.71", 3)
        + many("KB", "19.04.01.1001", "kurang_rawan", "POLRES-19.04", 3)
    )
    units = [unit("POLRESTA-19.71", available=5), unit("POLRES-19.04", available=5)]
    rows = _by_code(_plan(units, stations)[0])
    assert rows["POLRESTA-19.71"].tps == 6 and rows["POLRESTA-19.71"].required == 2
    assert rows["POLRES-19.04"].tps == 3


def test_per_unit_override_applies_to_its_polsek():
    patterns = PatternSet(
        default={c: Pattern(2, 1, 2) for c in ("kurang_rawan", "rawan", "sangat_rawan", "khusus")},
        overrides={"POLRES-BLT": {"kurang_rawan": Pattern(1, 3, 2)}},
    )
    units = [
        unit("POLRES-BLT", available=9),
        unit("POLSEK-1", "polsek", "POLRES-BLT"),
        unit("POLRES-X", available=9),
    ]
    stations = many("A", "V1", "kurang_rawan", "POLSEK-1", 3) + many(
        "B", "V2", "kurang_rawan", "POLRES-X", 3
    )
    rows = _by_code(_plan(units, stations, patterns)[0])
    assert rows["POLRES-BLT"].required == 1
    assert rows["POLRES-X"].required == 6


def test_groups_keep_nearby_tps_together():
    west = [
        tps(f"W{i}", "V1", "kurang_rawan", "POLRES-A", lat=-2.0, lon=106.0 + i * 0.001)
        for i in range(3)
    ]
    east = [
        tps(f"E{i}", "V1", "kurang_rawan", "POLRES-A", lat=-2.0, lon=106.5 + i * 0.001)
        for i in range(3)
    ]
    interleaved = [x for pair in zip(west, east, strict=True) for x in pair]
    result, t = _plan([unit("POLRES-A", available=9)], interleaved)
    g = result.groups.tps_group
    assert len({g[i] for i in (0, 2, 4)}) == 1 and len({g[i] for i in (1, 3, 5)}) == 1


def test_inconsistent_inputs_are_refused():
    t, u = build([unit("POLDA-X", kind="polda")], [tps("T1", "V", "rawan", "POLDA-X")])
    with pytest.raises(PlanInputError):
        plan(t, u, BELITUNG_STYLE)
    t, u = build([unit("POLRES-A")], [tps("T1", "V", "rawan", "POLRES-A")])
    with pytest.raises(PlanInputError):
        plan(t, u, BELITUNG_STYLE, PlanOptions(priority=(0, 1, 2)))


def test_empty_input_gives_an_empty_plan():
    t, u = build([unit("POLRES-A", available=4)], [])
    result = plan(t, u, BELITUNG_STYLE)
    assert result.required == 0 and result.lower_bound == 0 and len(result.groups) == 0
    assert np.asarray(result.covered).size == 0


def test_a_polsek_directly_under_the_polda_plans_on_its_own():
    units = [
        unit("POLDA-X", kind="polda", available=1),
        unit("POLSEK-Z", kind="polsek", parent="POLDA-X", available=1),
    ]
    result, _ = _plan(units, many("Z", "VZ", "sangat_rawan", "POLSEK-Z", 2))
    rows = _by_code(result)
    assert list(rows) == ["POLSEK-Z"]
    assert (rows["POLSEK-Z"].own_used, rows["POLSEK-Z"].reinforcements) == (1, 1)
