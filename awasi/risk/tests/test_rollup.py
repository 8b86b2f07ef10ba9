"""Roll-ups by code prefix, regional aggregation and the frequency classes of the indicator
chart."""

import math

import numpy as np
import pytest

from awasi.risk import catalogue, rollup, scoring

PEMILU = catalogue.load("tps-pemilu-2024")
CODES = PEMILU.indicator_codes()
ENGINE = scoring.compile_catalogue(PEMILU)
VILLAGES = ["19.01.01.1001", "19.01.02.1001", "19.02.01.2001"]


def _scores():
    values = np.zeros((5, len(CODES)))
    values[0, CODES.index("kam_kekerasan")] = 1  # 7.14, rawan by floor
    values[2, CODES.index("lok_khusus")] = 1  # 2.38, sangat_rawan by floor
    values[3, :] = 1  # 100
    values[4, :] = np.nan  # nothing observed: no score, no category
    return scoring.score(values, ENGINE)


def test_parent_code_takes_the_prefix_of_the_level():
    assert rollup.parent_code("19.04.05.2001", "regency") == "19.04"
    assert rollup.parent_code("19.04.05.2001", "province") == "19"
    assert rollup.parent_code("19.04.05.2001", "village") == "19.04.05.2001"


def test_rollup_counts_means_and_categories_per_level():
    result = rollup.rollup(_scores(), np.array([0, 0, 1, 2, 2]), VILLAGES, n_categories=4)
    village, regency, province = result["village"], result["regency"], result["province"]
    assert village.codes == tuple(VILLAGES)
    assert village.tps_count.tolist() == [2, 1, 2]
    assert village.scored_count.tolist() == [2, 1, 1]
    assert village.mean_score[0] == pytest.approx(50 / 7 / 2)
    assert regency.codes == ("19.01", "19.02")
    assert regency.category_counts.tolist() == [[1, 1, 1, 0], [0, 0, 1, 0]]
    assert regency.mean_score == pytest.approx([(50 / 7 + 100 / 42) / 3, 100.0])
    assert regency.max_score == pytest.approx([50 / 7, 100.0])
    assert province.tps_count.tolist() == [5]
    assert province.indicator_counts[0, CODES.index("lok_khusus")] == 2
    assert province.indicator_counts[0].sum() == 1 + 1 + len(CODES)


def test_region_without_any_scored_tps_has_nan_index():
    values = np.full((1, len(CODES)), np.nan)
    result = rollup.rollup(
        scoring.score(values, ENGINE), np.array([0]), VILLAGES[:1], n_categories=4
    )
    assert math.isnan(result["district"].mean_score[0])
    assert math.isnan(result["district"].max_score[0])
    assert result["district"].category_counts.sum() == 0


def test_group_means_ignore_unobserved_variables():
    values = np.zeros((2, len(CODES)))
    values[1, :] = np.nan
    values[1, CODES.index("kam_kekerasan")] = 1
    result = rollup.rollup(
        scoring.score(values, ENGINE), np.array([0, 0]), VILLAGES[:1], n_categories=4
    )["village"]
    assert result.group_means[0, 1] == pytest.approx(50.0)  # keamanan: (0 + 100) / 2
    assert result.group_means[0, 0] == 0.0  # hak_pilih: only the first TPS observed it


def test_aggregate_regions_is_a_nan_aware_weighted_mean():
    codes = ["19.01", "19.02", "19.71", "21.01"]
    values = np.array([[10.0, 1.0], [20.0, np.nan], [np.nan, np.nan], [5.0, 5.0]])
    parents, mean = rollup.aggregate_regions(
        values, codes, "province", weights=np.array([1, 3, 1, 1])
    )
    assert parents == ["19", "21"]
    assert mean[0] == pytest.approx([(10 + 60) / 4, 1.0])
    assert mean[1] == pytest.approx([5.0, 5.0])


def test_national_pemilu_2024_counts_reproduce_the_published_7_14_1_split():
    counts = np.array([i.reference_count for i in PEMILU.published_indicators])
    classes = rollup.frequency_classes(counts, 820_161, PEMILU.frequency_bands)
    assert [classes.count(label) for label in ("paling_banyak", "banyak", "tidak_banyak")] == [
        7,
        14,
        1,
    ]
    assert classes[CODES.index("kmp_sara")] == "tidak_banyak"
    assert classes[CODES.index("lok_dekat_posko")] == "paling_banyak"


def test_indicator_that_never_occurs_has_no_frequency_class():
    # 1,000 of 820,161 TPS scaled to Babel's 4,116 is 5.02 TPS.
    classes = rollup.frequency_classes(np.array([0, 5, 6, 51]), 4116, PEMILU.frequency_bands)
    assert classes == ["", "tidak_banyak", "banyak", "paling_banyak"]
