"""The shipped catalogues: structure counts from the sources, provenance labels, and validation
rules."""

import copy

import pytest

from awasi.risk import catalogue
from awasi.risk.catalogue import CatalogueError


def test_ikp_2024_has_4_dimensions_12_subdimensions_61_generic_indicators():
    ikp = catalogue.load("ikp-2024")
    assert len(ikp.top_groups) == 4
    assert len(ikp.groups) - len(ikp.top_groups) == 12
    assert len(ikp.indicators) == 61
    assert {i.provenance for i in ikp.indicators} == {"generic"}
    assert set(ikp.thresholds) == {"province", "regency"}


def test_pemilu_2024_tps_set_has_7_variables_22_listed_indicators():
    tps = catalogue.load("tps-pemilu-2024")
    published = tps.published_indicators
    assert len({i.group for i in published}) == 7
    assert len(published) == 22
    assert {i.provenance for i in published} == {"listed"}
    assert all(i.reference_count > 0 for i in published)


@pytest.mark.parametrize("slug", ["tps-pemilu-2024", "tps-pilkada-2024-babel"])
def test_awasi_extra_variable_is_labelled_and_weightless_by_default(slug):
    tps = catalogue.load(slug)
    extra = next(g for g in tps.groups if g.code == "data_awasi")
    assert extra.weight == 0
    assert [i.provenance for i in tps.indicators if i.group == "data_awasi"] == ["awasi"]


def test_pilkada_2024_babel_set_marks_unlisted_indicators_reconstructed():
    tps = catalogue.load("tps-pilkada-2024-babel")
    published = tps.published_indicators
    assert (len({i.group for i in published}), len(published)) == (8, 27)
    provenance = [i.provenance for i in published]
    assert provenance.count("listed") == 9
    assert provenance.count("reconstructed") == 18
    sara = next(g for g in tps.groups if g.code == "sara")
    assert [i.code for i in tps.indicators if i.group == sara.code] == ["sara_penghasutan"]


@pytest.mark.parametrize("slug", catalogue.available())
def test_no_shipped_weight_or_tps_threshold_claims_to_be_bawaslus(slug):
    loaded = catalogue.load(slug)
    assert loaded.weights_are_official is False
    assert all(not t.is_official for t in loaded.thresholds.values())
    assert any("not from Bawaslu" in note for note in loaded.notes)


def test_round_trip_through_dict_keeps_the_catalogue():
    loaded = catalogue.load("tps-pemilu-2024")
    assert catalogue.from_dict(catalogue.to_dict(loaded)) == loaded


def _raw():
    loaded = catalogue.load("tps-pemilu-2024")
    return copy.deepcopy(catalogue.to_dict(loaded))


@pytest.mark.parametrize(
    ("breakage", "message"),
    [
        (lambda r: r["indicators"][0].update(group="nope"), "not a leaf group"),
        (lambda r: r["indicators"][0].update(scale_max=0), "bad scale"),
        (lambda r: r["indicators"][0].update(floor_category="aman"), "unknown floor category"),
        (lambda r: r["indicators"][1].update(code=r["indicators"][0]["code"]), "duplicate"),
        (lambda r: r["thresholds"]["tps"]["bands"].reverse(), "ascend"),
        (
            lambda r: r["groups"].append(
                {"code": "x", "name": "x", "name_en": "x", "parent": "keamanan"}
            ),
            "same depth",
        ),
        (lambda r: r.update(missing="guess"), "missing policy"),
        (lambda r: r["indicators"][0].update(provenance="rumour"), "provenance"),
    ],
)
def test_validation_rejects_broken_catalogues(breakage, message):
    raw = _raw()
    breakage(raw)
    with pytest.raises(CatalogueError, match=message):
        catalogue.from_dict(raw)
