"""Registry: codes, police jurisdiction, Babel seed data."""

import pytest

from awasi.regions.codes import ancestors, in_subtree, level_of, parent_of, village_kind
from awasi.regions.models import PollingStation, Region
from awasi.regions.selectors import police_units_for_villages, polres_of
from awasi.regions.timezones import abbreviation, zone_for


@pytest.mark.parametrize(
    ("code", "level", "parent"),
    [
        ("19", "province", None),
        ("19.04", "regency", "19"),
        ("19.04.02", "district", "19.04"),
        ("19.04.02.2001", "village", "19.04.02"),
    ],
)
def test_code_levels(code, level, parent):
    assert level_of(code) == level
    assert parent_of(code) == parent


@pytest.mark.parametrize("bad", ["", "19.", "1a", "19.04.02.2001.5"])
def test_bad_codes_are_refused(bad):
    with pytest.raises(ValueError):
        level_of(bad)


def test_subtree_needs_the_dot():
    assert in_subtree("19.04.02", "19.04")
    assert not in_subtree("19.041", "19.04")
    assert in_subtree("anything", None)
    assert ancestors("19.04.02") == ["19", "19.04", "19.04.02"]


@pytest.mark.parametrize(
    ("code", "zone"),
    [
        ("19.04", "WIB"),
        ("11", "WIB"),
        ("51.01", "WITA"),
        ("73", "WITA"),
        ("64.01", "WITA"),
        ("81.01", "WIT"),
        ("96", "WIT"),
        (None, "WIB"),
    ],
)
def test_time_zone_by_province(code, zone):
    assert abbreviation(zone_for(code)) == zone


def test_village_kind_follows_kemendagri_numbering():
    assert village_kind("19.71.01.1001") == "kelurahan"
    assert village_kind("19.01.01.2001") == "desa"


def test_babel_counts(babel):
    subtree = Region.objects.subtree("19")
    assert subtree.filter(level="regency").count() == 7
    assert subtree.filter(level="district").count() == 47
    assert subtree.filter(level="village").count() == 393


def test_pangkalan_baru_belongs_to_polresta_pangkalpinang(babel):
    village = Region.objects.filter(code__startswith="19.04.02.").first()
    koba = Region.objects.filter(code__startswith="19.04.01.").first()
    units = police_units_for_villages([village.code, koba.code])
    assert polres_of(units[village.code]).code == "POLRESTA-19.71"
    assert polres_of(units[koba.code]).code == "POLRES-19.04"


def test_district_without_polsek_falls_back_to_polres(babel):
    village = Region.objects.filter(code__startswith="19.01.06.").first()  # Bakam: no Polsek
    assert police_units_for_villages([village.code])[village.code].code == "POLRES-19.01"


def test_synthetic_tps_match_published_counts(babel):
    from awasi.regions.babel import TPS_PER_REGENCY
    from awasi.regions.demo_tps import generate_babel_tps
    from awasi.regions.selectors import tps_counts_by_regency

    election = babel["pemilu"]
    assert generate_babel_tps(election) == 4116
    counts = tps_counts_by_regency(election_id=election.id, province_code="19")
    assert counts == TPS_PER_REGENCY
    tps = PollingStation.objects.filter(election=election)
    assert tps.filter(is_synthetic=False).count() == 0
    polresta_area = tps.in_region("19.71").count() + tps.in_region("19.04.02").count()
    assert polresta_area == 738
    assert tps.exclude(special_location="").count() == 9
    assert not tps.filter(voter_count__gt=300).exists()
    assert generate_babel_tps(election) == 0  # idempotent
