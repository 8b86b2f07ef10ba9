"""Property tests for the planner: every TPS once, group rules, totals that add up (hypothesis)."""

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from awasi.deployment.patterns import CATEGORIES, Pattern, PatternSet
from awasi.deployment.planner import PlanOptions, plan

from .factories_pure import build, tps, unit

pattern = st.builds(Pattern, st.integers(1, 3), st.integers(1, 5), st.integers(0, 3))


@st.composite
def instances(draw, uniform_police=False):  # type: ignore[no-untyped-def]
    n_polres = draw(st.integers(1, 4))
    units = [unit("POLDA", kind="polda", available=draw(st.integers(0, 10)), lat=-2.1, lon=106.1)]
    codes = []
    for r in range(n_polres):
        units.append(
            unit(
                f"R{r}",
                parent="POLDA",
                available=draw(st.integers(0, 15)),
                island=draw(st.sampled_from(["I0", "I1"])),
                lat=-2 - r * 0.3,
                lon=106 + r * 0.2,
            )
        )
        codes.append(f"R{r}")
        for s in range(draw(st.integers(0, 2))):
            units.append(
                unit(f"R{r}S{s}", kind="polsek", parent=f"R{r}", available=draw(st.integers(0, 5)))
            )
            codes.append(f"R{r}S{s}")
    n = draw(st.integers(0, 40))
    stations = []
    for i in range(n):
        has_xy = draw(st.booleans())
        stations.append(
            tps(
                f"T{i}",
                f"V{draw(st.integers(0, 5))}",
                draw(st.sampled_from(CATEGORIES)),
                draw(st.sampled_from(codes)),
                island=draw(st.sampled_from([None, "I0", "I1"])),
                lat=draw(st.floats(-3, -1.5)) if has_xy else None,
                lon=draw(st.floats(105.5, 108)) if has_xy else None,
            )
        )
    if uniform_police:
        police = draw(st.integers(1, 3))
        default = {c: Pattern(police, draw(st.integers(1, 5)), 2) for c in CATEGORIES}
    else:
        default = {c: draw(pattern) for c in CATEGORIES}
    return units, stations, PatternSet(default=default)


@settings(max_examples=150, deadline=None)
@given(instances())
def test_every_tps_lands_in_exactly_one_group_that_respects_the_rules(case):
    units, stations, patterns = case
    t, u = build(units, stations)
    result = plan(t, u, patterns)
    g = result.groups
    assert g.tps_group.shape == (len(stations),)
    assert np.array_equal(np.bincount(g.tps_group, minlength=len(g)), g.n_tps)
    matrix = patterns.matrix(u.codes, u.parent)
    limit = np.where(g.isolated, 1, matrix[g.unit, g.category, 1])
    assert (g.n_tps >= 1).all() and (g.n_tps <= limit).all()
    for attr, per_tps in (
        ("category", t.category),
        ("village", t.village),
        ("unit", t.unit),
        ("island", t.island),
    ):
        assert np.array_equal(getattr(g, attr)[g.tps_group], per_tps)
    assert np.array_equal(g.police, matrix[g.unit, g.category, 0])


@settings(max_examples=150, deadline=None)
@given(instances())
def test_totals_add_up(case):
    units, stations, patterns = case
    t, u = build(units, stations)
    result = plan(t, u, patterns)
    assert sum(r.required for r in result.units) == result.required
    assert result.lower_bound <= result.required
    guarded = int((result.groups.police * result.covered).sum())
    assert result.required - result.shortfall == guarded
    for row in result.units:
        assert row.required == row.own_used + row.reinforcements + row.shortfall
        assert row.own_used + row.lent <= row.available
        assert row.shortfall >= 0
    assert sum(f.officers for f in result.flows if f.source == 0) <= result.pool
    assert all(f.officers > 0 and f.source != f.target for f in result.flows)


@settings(max_examples=150, deadline=None)
@given(instances(uniform_police=True))
def test_a_short_unit_never_guards_a_lower_priority_group_before_a_higher_one(case):
    units, stations, patterns = case
    t, u = build(units, stations)
    result = plan(t, u, patterns)
    rank = {c: i for i, c in enumerate(PlanOptions().priority)}
    g = result.groups
    for p in set(result.plan_unit[g.unit].tolist()):
        mine = result.plan_unit[g.unit] == p
        uncovered = [rank[c] for c in g.category[mine & ~result.covered].tolist()]
        covered = [rank[c] for c in g.category[mine & result.covered].tolist()]
        if uncovered and covered:
            assert max(covered) <= min(uncovered)
