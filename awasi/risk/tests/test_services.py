"""Services and selectors against the database: observations, derived values, runs, categories."""

from datetime import date

import pytest
import time_machine
from django.utils import translation

from awasi.core.errors import DomainError
from awasi.core.models import AuditEvent
from awasi.risk import catalogue, selectors, services
from awasi.risk.choices import ObservationSource
from awasi.risk.models import Observation, RegionScore, ScoreRun, Submission

pytestmark = pytest.mark.django_db
TODAY = date(2024, 2, 8)


@pytest.fixture(autouse=True)
def _frozen():
    with time_machine.travel("2024-02-08 10:00 +07:00", tick=False):
        yield


FIELD_CODES = [
    i.code
    for i in catalogue.load("tps-pemilu-2024").indicators
    if not i.derived_from.startswith(("tps.special_location", "cases"))
    or i.derived_from.endswith("remote")
]


def _record_all(user, station, **flags):
    """A complete form: every field indicator answered, 0 unless flagged."""
    values = {code: float(flags.get(code, 0)) for code in FIELD_CODES}
    return services.record_observations(
        actor=user, station=station, values=values, observed_on=TODAY
    )


def _record(user, station, key="", **values):
    return services.record_observations(
        actor=user, station=station, values=values, observed_on=TODAY, key=key
    )


def test_recording_twice_updates_instead_of_counting_twice(officer_bangka, stations):
    station = stations["bangka1"]
    assert _record(officer_bangka, station, kam_kekerasan=1, jar_internet=0) == 2
    assert _record(officer_bangka, station, kam_kekerasan=1, jar_internet=1) == 2
    rows = Observation.objects.filter(polling_station=station, source=ObservationSource.FIELD)
    assert rows.count() == 2
    assert rows.get(indicator="jar_internet").value == 1
    assert rows.get(indicator="kam_kekerasan").recorded_by == officer_bangka
    assert AuditEvent.objects.filter(action="risk.observations.record").count() == 2


def test_the_same_idempotency_key_is_applied_once(officer_bangka, stations):
    station = stations["bangka1"]
    assert _record(officer_bangka, station, key="k-1", hp_dptb=1) == 1
    assert _record(officer_bangka, station, key="k-1", hp_dptb=0) == 0
    assert Observation.objects.get(polling_station=station).value == 1
    assert Submission.objects.count() == 1


@pytest.mark.parametrize(
    ("persona", "tps"),
    [("officer_belitung", "bangka1"), ("police_bangka", "bangka1"), ("prosecutor", "bangka1")],
)
def test_only_bawaslu_of_the_area_may_record(request, persona, tps, stations):
    user = request.getfixturevalue(persona)
    with pytest.raises(DomainError):
        _record(user, stations[tps], hp_dptb=1)
    assert not Observation.objects.exists()


def test_unknown_indicator_and_future_dates_are_refused(officer_bangka, stations):
    with translation.override("en"), pytest.raises(DomainError, match="Unknown indicators"):
        _record(officer_bangka, stations["bangka1"], warna=1)
    with pytest.raises(DomainError):
        services.record_observations(
            actor=officer_bangka,
            station=stations["bangka1"],
            values={"hp_dptb": 1},
            observed_on=date(2024, 3, 1),
        )
    assert not Observation.objects.exists()


def test_compute_scores_derives_registry_indicators_and_rolls_up(officer_babel, babel, stations):
    _record_all(officer_babel, stations["bangka1"], kmp_politik_uang=1, jar_internet=1)
    _record_all(officer_babel, stations["bangka2"])
    run = services.compute_scores(actor=officer_babel, election=babel["pemilu"], region_code="19")
    categories = selectors.tps_categories(election="pemilu-2024")
    assert categories[stations["bangka1"].pk] == "rawan"  # 50/7 + 50/7 = 14.3
    assert categories[stations["bangka_prison"].pk] == "sangat_rawan"  # registry → lok_khusus
    assert categories[stations["bangka2"].pk] == "kurang_rawan"
    # Only registry values for the others: too little observed to score, and no floor rule.
    assert stations["city1"].pk not in categories
    province = RegionScore.objects.get(run=run, region_id="19")
    assert province.tps_count == 6
    assert province.category_counts["sangat_rawan"] == 1
    assert province.indicator_counts["lok_khusus"] == 1
    assert province.indicator_counts["lok_sulit_dijangkau"] == 1
    assert run.as_of == TODAY
    assert AuditEvent.objects.filter(action="risk.scores.compute").count() == 1


def test_a_newer_region_run_overrides_only_its_region(officer_babel, babel, stations):
    services.compute_scores(actor=officer_babel, election=babel["pemilu"], region_code="19")
    _record_all(officer_babel, stations["belitung1"], kam_kekerasan=1)
    services.compute_scores(
        actor=officer_babel, election=babel["pemilu"], region_code="19.02", as_of=date(2024, 2, 8)
    )
    categories = selectors.tps_categories(election=babel["pemilu"], region_code="19.02")
    assert categories == {stations["belitung1"].pk: "rawan"}
    assert selectors.tps_categories(election="pemilu-2024")[stations["bangka_prison"].pk]


def test_category_rows_are_in_the_deployment_cli_format(officer_babel, babel, stations):
    services.compute_scores(actor=officer_babel, election=babel["pemilu"])
    rows = selectors.tps_category_rows(election="pemilu-2024", region_code="19.01")
    prison = stations["bangka_prison"]
    assert rows == [
        (prison.code, prison.village_id, "sangat_rawan", prison.latitude, prison.longitude)
    ]


def test_officer_cannot_compute_outside_their_area(officer_bangka, babel, stations):
    with pytest.raises(DomainError):
        services.compute_scores(actor=officer_bangka, election=babel["pemilu"], region_code="19")
    assert not ScoreRun.objects.exists()
