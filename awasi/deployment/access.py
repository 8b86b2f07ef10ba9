"""Who sees what of a deployment plan; one-object fetches answer 404 for missing and forbidden.

Police at Polda (or national) level see whole plans; a Polres or Polsek sees its own Polres's
plan with named guards; Bawaslu sees only the aggregated coverage of its own area, never officers'
names or the group-by-group assignment (issue 6). Other agencies see nothing.
"""

from __future__ import annotations

from typing import Any

from django.http import Http404

from awasi.accounts.choices import Agency
from awasi.accounts.scoping import has_national_scope, is_agency
from awasi.deployment.models import Plan, PlanUnit
from awasi.regions.models import PoliceUnit
from awasi.regions.selectors import polres_of

FULL, UNIT, COVERAGE = "full", "unit", "coverage"


def plan_scope(user: Any) -> str | None:
    """``full``, ``unit``, ``coverage`` or None (no access at all)."""
    if not getattr(user, "is_authenticated", False) or not user.has_role:
        return None
    if user.is_superuser:
        return FULL
    if is_agency(user, Agency.POLRI):
        unit = user.organisation.police_unit
        if unit is None or unit.kind == "polda" or has_national_scope(user):
            return FULL
        return UNIT
    if is_agency(user, Agency.BAWASLU):
        return COVERAGE
    return None


def own_polres(user: Any) -> PoliceUnit | None:
    """The Polres of a Polres/Polsek user (None for others)."""
    unit = getattr(getattr(user, "organisation", None), "police_unit", None)
    return polres_of(unit) if unit is not None else None


def access_plan(user: Any, pk: int) -> Plan:
    """Plan ``pk`` if the user's area overlaps its region."""
    plan = (
        Plan.objects.visible_to(user)
        .select_related("election", "region", "profile", "created_by")
        .filter(pk=pk)
        .first()
    )
    if plan is None:
        raise Http404
    return plan


def access_plan_unit(user: Any, pk: int, unit_code: str) -> tuple[Plan, PlanUnit]:
    """A Polres's part of plan ``pk``: Polda-level police see every Polres, a Polres only its own,
    Bawaslu none."""
    plan = access_plan(user, pk)
    row = plan.units.select_related("unit").filter(unit__code=unit_code).first()
    scope = plan_scope(user)
    if row is None or scope == COVERAGE:
        raise Http404
    if scope == UNIT:
        mine = own_polres(user)
        if mine is None or mine.pk != row.unit_id:
            raise Http404
    return plan, row


def may_create_plans(user: Any) -> bool:
    """Police at Polda level and administrators create plans."""
    return plan_scope(user) == FULL
