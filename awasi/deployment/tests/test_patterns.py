"""Patterns as data: explicit field order, validation, overrides, presets with sources (pure)."""

import numpy as np
import pytest

from awasi.deployment.patterns import (
    CATEGORIES,
    Pattern,
    PatternSet,
    parse_ratio,
    pattern_set_from_ratios,
)
from awasi.deployment.presets import MABES_2019, PRESETS


@pytest.mark.parametrize(
    ("text", "order", "expected"),
    [
        ("2-4-6", ("police", "tps", "linmas"), (2, 4, 6)),
        ("2 : 4 : 6", ("tps", "police", "linmas"), (4, 2, 6)),
        ("1/3", ("police", "tps"), (1, 3, 0)),
        ("20-2-10", ("linmas", "police", "tps"), (2, 10, 20)),
    ],
)
def test_ratio_strings_are_read_in_the_stated_order(text, order, expected):
    assert parse_ratio(text, order) == expected


@pytest.mark.parametrize(
    ("text", "order"),
    [
        ("2-4", ("police", "tps", "linmas")),
        ("2-4-6", ("police", "police", "tps")),
        ("2-4-6", ("police", "tps", "guards")),
    ],
)
def test_ambiguous_ratio_strings_are_refused(text, order):
    with pytest.raises(ValueError):
        parse_ratio(text, order)


def test_patterns_must_be_positive_and_complete():
    with pytest.raises(ValueError):
        Pattern(0, 3, 2)
    with pytest.raises(ValueError):
        Pattern(1, 0, 2)
    with pytest.raises(ValueError):
        PatternSet(default={"rawan": Pattern(1, 2, 2)})
    with pytest.raises(ValueError):
        PatternSet(
            default={c: Pattern(1, 1, 1) for c in CATEGORIES},
            overrides={"POLRES-A": {"aman": Pattern(1, 3, 2)}},
        )


def test_overrides_are_inherited_by_polsek_and_beaten_by_their_own():
    ps = pattern_set_from_ratios({c: "2-1-2" for c in CATEGORIES}, ("police", "tps", "linmas"))
    ps = PatternSet(
        default=ps.default,
        overrides={
            "RES": {"kurang_rawan": Pattern(1, 3, 2)},
            "SEK2": {"kurang_rawan": Pattern(1, 4, 2)},
        },
    )
    m = ps.matrix(["RES", "SEK1", "SEK2", "OTHER"], np.array([-1, 0, 0, -1]))
    assert m[:, 0, 1].tolist() == [3, 3, 4, 1]
    assert m[:, 2, 0].tolist() == [2, 2, 2, 2]


def test_presets_cover_every_category_and_name_a_source():
    for preset in PRESETS:
        assert preset.source and preset.note
        assert set(preset.pattern_set().default) == set(CATEGORIES)
    assert MABES_2019.pattern_set().default["rawan"] == Pattern(4, 2, 4)
