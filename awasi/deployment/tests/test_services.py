"""Saving plans from the registry: jurisdiction, categories, totals, audit, named guards."""

import pytest
from django.db.models import Sum

from awasi.core.errors import DomainError
from awasi.core.models import AuditEvent
from awasi.deployment.models import GuardAssignment, GuardGroup, Plan, PlanStation, RosterMember
from awasi.deployment.services import create_plan, set_personnel
from awasi.regions.models import PoliceUnit, PollingStation

pytestmark = pytest.mark.django_db


def test_province_plan_covers_every_tps_once_and_lands_near_polda_babel(province_plan):
    plan = province_plan
    assert plan.tps == PollingStation.objects.filter(village__pk__startswith="19.").count() == 4116
    assert PlanStation.objects.filter(plan=plan).values("station").distinct().count() == 4116
    assert GuardGroup.objects.filter(plan=plan).aggregate(n=Sum("tps"))["n"] == 4116
    assert GuardGroup.objects.filter(plan=plan).aggregate(n=Sum("police"))["n"] == plan.required
    # Polda Babel reported about 1,900 officers for 4,116 TPS (legal-notes.md §8).
    assert 1800 <= plan.required <= 2000
    assert plan.lower_bound <= plan.required
    assert sum(u.required for u in plan.units.all()) == plan.required
    assert AuditEvent.objects.filter(
        action="deployment.plan_created", target_id=str(plan.pk)
    ).exists()


def test_polresta_pangkalpinang_plans_pangkalan_baru_of_bangka_tengah(province_plan):
    row = province_plan.units.get(unit__code="POLRESTA-19.71")
    assert row.tps == 738  # 622 in the city + Kec. Pangkalan Baru (babel.md)
    pangkalan_baru = GuardGroup.objects.filter(
        plan=province_plan, village__pk__startswith="19.04.02."
    )
    assert set(pangkalan_baru.values_list("polres__code", flat=True)) == {"POLRESTA-19.71"}
    assert province_plan.units.get(unit__code="POLRES-19.04").tps == 548 - 116


def test_without_a_vulnerability_mapping_prisons_are_khusus(province_plan):
    assert province_plan.category_source == "fallback"
    special = PlanStation.objects.filter(plan=province_plan).exclude(station__special_location="")
    assert special.count() == 9
    assert set(special.values_list("category", flat=True)) == {"khusus"}
    assert set(special.values_list("group__tps", flat=True)) == {1}


def test_risk_categories_are_used_when_the_risk_app_has_them(babel_tps, profile, monkeypatch):
    election = babel_tps["pemilu"]
    stations = list(PollingStation.objects.filter(election=election).in_region("19.02")[:5])
    import awasi.risk.selectors as risk

    monkeypatch.setattr(
        risk,
        "tps_categories",
        lambda *, election, region_code=None: {s.pk: "sangat_rawan" for s in stations},
    )
    plan = create_plan(actor=None, election=election, region_code="19.02")
    assert plan.category_source == "risk"
    assert plan.options["defaulted"] == 547 - 5
    cats = PlanStation.objects.filter(plan=plan, station__in=stations).values_list(
        "category", flat=True
    )
    assert set(cats) == {"sangat_rawan"}


def test_too_few_officers_leave_a_stated_shortfall(babel_tps, profile):
    set_personnel(actor=None, election=babel_tps["pemilu"], counts={"POLRES-19.02": 50})
    plan = create_plan(actor=None, election=babel_tps["pemilu"], region_code="19.02")
    row = plan.units.get()
    assert (row.available, row.reinforcements) == (50, 0)
    assert row.shortfall == row.required - 50 > 0
    covered = GuardGroup.objects.filter(plan=plan, is_covered=True).aggregate(n=Sum("police"))["n"]
    assert covered == 50


def test_roster_names_guards_of_covered_groups_once(babel_tps, profile):
    election = babel_tps["pemilu"]
    unit = PoliceUnit.objects.get(code="POLRES-19.06")
    RosterMember.objects.bulk_create(
        [RosterMember(election=election, unit=unit, name=f"Officer {i}") for i in range(40)]
    )
    plan = create_plan(actor=None, election=election, region_code="19.06")
    assert plan.units.get().available == 40  # the roster's size
    guards = GuardAssignment.objects.filter(group__plan=plan)
    assert guards.count() == 40
    assert guards.values("member").distinct().count() == 40
    assert not guards.filter(group__is_covered=False).exists()


def test_refuses_without_patterns_or_tps(babel):
    with pytest.raises(DomainError):
        create_plan(actor=None, election=babel["pemilu"], region_code="19")
    assert not Plan.objects.exists()


def test_unknown_units_in_personnel_are_refused(babel):
    with pytest.raises(DomainError):
        set_personnel(actor=None, election=babel["pemilu"], counts={"POLRES-99": 3})
