"""Scoring engine: hand-computed cases, threshold edges, missing values, and agreement with the
per-row method."""

import math

import numpy as np
import pytest

from awasi.risk import catalogue, scoring, scoring_reference

PEMILU = catalogue.load("tps-pemilu-2024")
CODES = PEMILU.indicator_codes()
CATS = PEMILU.categories
ENGINE = scoring.compile_catalogue(PEMILU)
NAN = math.nan


def row(**flags):
    """A fully observed Pemilu 2024 row, 0 everywhere except the given indicator values."""
    values = np.zeros(len(CODES))
    for code, value in flags.items():
        values[CODES.index(code)] = value
    return values


def one(values, engine=ENGINE, level="tps"):
    result = scoring.score(np.atleast_2d(values), engine, level=level)
    category = int(result.category[0])
    names = engine.catalogue.categories
    drivers = [engine.catalogue.indicators[i].code for i in result.driver_index[0] if i >= 0]
    return result.score[0], (names[category] if category >= 0 else None), drivers, result


@pytest.mark.parametrize(
    ("flags", "expected_score", "expected_category", "expected_drivers"),
    [
        ({}, 0.0, "kurang_rawan", []),
        # One of keamanan's two indicators: 50 / 7 variables; the violence floor lifts it to rawan.
        ({"kam_kekerasan": 1}, 50 / 7, "rawan", ["kam_kekerasan"]),
        # Two of four hak_pilih (50) and one of two jaringan (50): 100 / 7 = 14.29 ≥ 10.
        (
            {"hp_dptb": 1, "hp_dpk": 1, "jar_internet": 1},
            100 / 7,
            "rawan",
            ["jar_internet", "hp_dptb", "hp_dpk"],
        ),
        # Special location: 1 of 6 lokasi indicators = 16.67 / 7, floor sangat_rawan (prison TPS).
        ({"lok_khusus": 1}, 100 / 6 / 7, "sangat_rawan", ["lok_khusus"]),
        ({"hp_dpt_tms": 1}, 25 / 7, "kurang_rawan", ["hp_dpt_tms"]),
    ],
)
def test_hand_computed_tps_scores(flags, expected_score, expected_category, expected_drivers):
    value, category, drivers, _ = one(row(**flags))
    assert value == pytest.approx(expected_score)
    assert category == expected_category
    assert drivers == expected_drivers


def test_all_indicators_present_scores_100_and_drivers_sum_to_the_score():
    value, category, drivers, result = one(np.ones(len(CODES)))
    assert value == pytest.approx(100.0)
    assert category == "sangat_rawan"
    # Top 3 of 22: the biggest shares are the 2-indicator variables' (50/7 each), earliest first.
    assert drivers == ["kam_kekerasan", "kam_intimidasi", "kmp_politik_uang"]
    assert result.driver_points[0] == pytest.approx([50 / 7] * 3)


def test_driver_points_sum_to_the_score_when_all_drivers_are_listed():
    values = np.atleast_2d(row(hp_dptb=1, jar_listrik=1))
    result = scoring.score(values, ENGINE, top=22)
    assert result.driver_points[0].sum() == pytest.approx(result.score[0])


def test_missing_variable_is_left_out_of_the_mean_and_lowers_coverage():
    values = row(jar_listrik=1)
    values[CODES.index("kam_kekerasan")] = NAN
    values[CODES.index("kam_intimidasi")] = NAN
    value, category, _, result = one(values)
    assert value == pytest.approx(50 / 6)
    assert result.coverage[0] == pytest.approx(6 / 7)
    assert math.isnan(result.group_scores[0][1])
    assert category == "kurang_rawan"


def test_missing_indicator_inside_a_variable_renormalises_that_variable():
    values = row(hp_dptb=1)
    values[CODES.index("hp_dpk")] = NAN
    value, _, _, result = one(values)
    assert value == pytest.approx((100 / 3) / 7)
    assert result.coverage[0] == pytest.approx(1 - 1 / 28)


def _half_observed():
    """hak_pilih, keamanan, kampanye fully observed (3/7) plus one of jaringan's two (1/14) =
    0.5."""
    values = np.full(len(CODES), NAN)
    for code in CODES[:8] + ["jar_internet"]:
        values[CODES.index(code)] = 0.0
    return values


def test_coverage_exactly_at_the_minimum_is_scored():
    value, category, _, result = one(_half_observed())
    assert result.coverage[0] == pytest.approx(0.5)
    assert value == 0.0
    assert category == "kurang_rawan"


def test_coverage_just_below_the_minimum_gets_no_score_or_category():
    values = _half_observed()
    values[CODES.index("hp_dpk")] = NAN
    value, category, drivers, result = one(values)
    assert math.isnan(value)
    assert category is None
    assert drivers == []


def test_floor_rule_still_applies_without_enough_coverage():
    values = np.full(len(CODES), NAN)
    values[CODES.index("lok_khusus")] = 1
    value, category, drivers, result = one(values)
    assert math.isnan(value)
    assert category == "sangat_rawan"
    assert drivers == ["lok_khusus"]
    assert math.isnan(result.driver_points[0][0])


def test_absent_policy_counts_missing_as_zero():
    raw = catalogue.to_dict(PEMILU)
    raw["missing"] = "absent"
    engine = scoring.compile_catalogue(catalogue.from_dict(raw))
    values = np.full(len(CODES), NAN)
    values[CODES.index("kam_kekerasan")] = 1
    value, _, _, result = one(values, engine)
    assert value == pytest.approx(50 / 7)
    assert result.coverage[0] == 1.0


def test_negative_values_and_wrong_shapes_are_rejected():
    with pytest.raises(ValueError, match="negative"):
        scoring.score(np.atleast_2d(row(hp_dptb=-1)), ENGINE)
    with pytest.raises(ValueError, match="expected"):
        scoring.score(np.zeros((2, 5)), ENGINE)


def test_counts_are_capped_at_their_scale_maximum():
    raw = catalogue.to_dict(PEMILU)
    raw["indicators"][4].update(scale="count", scale_max=3.0)  # kam_kekerasan: incidents, 3 = full
    engine = scoring.compile_catalogue(catalogue.from_dict(raw))
    scores = scoring.score(np.stack([row(kam_kekerasan=1), row(kam_kekerasan=9)]), engine).score
    assert scores == pytest.approx([50 / 3 / 7, 50 / 7])


# --- IKP: three levels, level-specific thresholds (legal-notes §7.1)
# ---------------------------------

IKP = catalogue.load("ikp-2024")
IKP_ENGINE = scoring.compile_catalogue(IKP)


def test_ikp_one_full_dimension_is_a_quarter_and_one_subdimension_a_twelfth():
    values = np.zeros((2, 61))
    for n, indicator in enumerate(IKP.indicators):
        if IKP.group_path(indicator.group)[0] == "sosial_politik":
            values[0, n] = 100
        if indicator.group == "keamanan":
            values[1, n] = 100
    result = scoring.score(values, IKP_ENGINE, level="province")
    assert result.score == pytest.approx([25.0, 100 / 3 / 4])
    assert result.group_scores[1] == pytest.approx([100 / 3, 0, 0, 0])


def test_ikp_dimension_weights_are_configurable():
    raw = catalogue.to_dict(IKP)
    for group in raw["groups"]:
        if group["code"] == "sosial_politik":
            group["weight"] = 3.0
    engine = scoring.compile_catalogue(catalogue.from_dict(raw))
    values = np.zeros((1, 61))
    values[0, :16] = 100  # all of sosial_politik's 16 indicators
    # 3 / (3 + 1 + 1 + 1) of the score instead of the equal-weight quarter.
    assert scoring.score(values, engine, level="province").score[0] == pytest.approx(50.0)


@pytest.mark.parametrize(
    ("level", "value", "expected"),
    [
        ("province", 0.0, "rendah"),
        ("province", 21.69, "rendah"),
        ("province", 21.7, "sedang"),
        ("province", 29.89, "sedang"),  # Babel, IKP 2024
        ("province", 68.49, "sedang"),
        ("province", 68.5, "tinggi"),
        ("province", 100.0, "tinggi"),
        ("regency", 13.46, "rendah"),  # the unpublished gap falls to the lower band
        ("regency", 13.4649, "rendah"),
        ("regency", 13.4651, "sedang"),  # rounds to 13.47
        ("regency", 13.47, "sedang"),
        ("regency", 15.78, "sedang"),  # Kab. Belitung, Pilkada 2024 IKP
        ("regency", 49.32, "sedang"),
        ("regency", 49.33, "tinggi"),
    ],
)
def test_ikp_thresholds_at_their_edges(level, value, expected):
    category = scoring.categorise(np.array([value]), IKP_ENGINE, level=level)[0]
    assert IKP.categories[category] == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [(9.9949, "kurang_rawan"), (9.9951, "rawan"), (24.99, "rawan"), (25.0, "sangat_rawan")],
)
def test_tps_thresholds_at_their_edges(value, expected):
    assert CATS[scoring.categorise(np.array([value]), ENGINE, level="tps")[0]] == expected


def test_nan_score_has_no_category():
    assert (
        scoring.categorise(np.array([NAN]), IKP_ENGINE, level="regency")[0] == scoring.NO_CATEGORY
    )


# --- the vectorised engine agrees with the per-row reading on random data
# -----------------------------


@pytest.mark.parametrize(
    ("slug", "level"),
    [("tps-pemilu-2024", "tps"), ("tps-pilkada-2024-babel", "tps"), ("ikp-2024", "regency")],
)
def test_vectorised_engine_matches_per_row_reference(slug, level):
    loaded = catalogue.load(slug)
    rng = np.random.default_rng(7)
    k = len(loaded.indicators)
    scale = np.array([i.scale_max for i in loaded.indicators])
    values = np.where(rng.random((300, k)) < 0.2, rng.random((300, k)) * scale, 0.0)
    values[rng.random((300, k)) < 0.15] = NAN
    values[:20, rng.permutation(k)[: k // 2 + 1]] = NAN  # some rows under the coverage minimum
    result = scoring.score(values, scoring.compile_catalogue(loaded), level=level, top=3)
    for n in range(len(values)):
        expected, coverage, category, drivers = scoring_reference.score_row(
            values[n], loaded, level=level
        )
        assert result.coverage[n] == pytest.approx(coverage)
        if math.isnan(expected):
            assert math.isnan(result.score[n])
        else:
            assert result.score[n] == pytest.approx(expected)
        got = int(result.category[n])
        assert (loaded.categories[got] if got >= 0 else None) == category
        codes = [loaded.indicators[i].code for i in result.driver_index[n] if i >= 0]
        assert codes == drivers[:3]
