"""Reads of saved plans for pages and exports: coverage by area, a Polres's breakdown and groups."""

from __future__ import annotations

from typing import Any

from django.db.models import Count, F, Q, QuerySet, Sum

from awasi.accounts.scoping import has_national_scope
from awasi.deployment.models import GuardAssignment, GuardGroup, Plan, PlanStation
from awasi.regions.codes import subtree_q

COVERED = Q(is_covered=True)


def area_of(user: Any, plan: Plan) -> str:
    """The region the user may see coverage for: theirs, or the plan's if it is smaller."""
    if has_national_scope(user):
        return plan.region_id
    mine = user.region_code
    inside = mine == plan.region_id or mine.startswith(plan.region_id + ".")
    return mine if inside else plan.region_id


def coverage(plan: Plan, region_code: str) -> list[dict[str, Any]]:
    """Per district under ``region_code`` (per village for a district or village): TPS, TPS
    guarded, officers planned and guarding, linmas.

    Aggregated only — no unit assignment, no names — so Bawaslu may see it."""
    by_village = region_code.count(".") >= 2
    level = "village" if by_village else "village__parent"
    rows = (
        GuardGroup.objects.filter(plan=plan)
        .filter(subtree_q("village_id", region_code))
        .values(code=F(f"{level}_id"), name=F(f"{level}__name"))
        .annotate(
            n_tps=Sum("tps"),
            guarded_tps=Sum("tps", filter=COVERED),
            officers=Sum("police"),
            guarded=Sum("police", filter=COVERED),
            n_linmas=Sum("linmas"),
            isolated=Count("id", filter=Q(is_isolated=True)),
        )
        .order_by("code")
    )
    out = []
    for r in rows:
        r["guarded_tps"] = r["guarded_tps"] or 0
        r["guarded"] = r["guarded"] or 0
        r["tps"], r["linmas"] = r.pop("n_tps"), r.pop("n_linmas")
        r["share"] = round(100 * r["guarded_tps"] / r["tps"]) if r["tps"] else 0
        out.append(r)
    return out


def unit_breakdown(plan: Plan, polres_id: int) -> list[dict[str, Any]]:
    """Per unit (the Polres itself and each Polsek) of one Polres: groups, TPS, officers, linmas."""
    return list(
        GuardGroup.objects.filter(plan=plan, polres_id=polres_id)
        .values(code=F("unit__code"), name=F("unit__name"))
        .annotate(
            groups=Count("id"),
            n_tps=Sum("tps"),
            officers=Sum("police"),
            guarded=Sum("police", filter=COVERED),
            n_linmas=Sum("linmas"),
        )
        .order_by("code")
    )


def groups_of(plan: Plan, polres_id: int | None = None) -> QuerySet[GuardGroup]:
    """Guard groups of a plan (of one Polres), with unit and village."""
    qs = GuardGroup.objects.filter(plan=plan).select_related("unit", "village")
    return qs.filter(polres_id=polres_id) if polres_id is not None else qs


def stations_by_group(groups: list[GuardGroup]) -> dict[int, list[str]]:
    """Group pk → its TPS codes (one query)."""
    out: dict[int, list[str]] = {}
    rows = (
        PlanStation.objects.filter(group__in=groups)
        .order_by("station__code")
        .values_list("group_id", "station__code")
    )
    for gid, code in rows:
        out.setdefault(gid, []).append(code)
    return out


def guards_by_group(groups: list[GuardGroup]) -> dict[int, list[str]]:
    """Group pk → named guards (police only)."""
    out: dict[int, list[str]] = {}
    rows = GuardAssignment.objects.filter(group__in=groups).select_related("member")
    for row in rows:
        out.setdefault(row.group_id, []).append(str(row.member))
    return out


def assignment_rows(plan: Plan, polres_id: int | None = None) -> list[list[Any]]:
    """Per-TPS rows as in PLAN.csv plus village, category and whether the group is guarded."""
    qs = PlanStation.objects.filter(plan=plan)
    if polres_id is not None:
        qs = qs.filter(group__polres_id=polres_id)
    rows = qs.order_by("station__code").values_list(
        "station__code",
        "group__unit__code",
        "group__number",
        "group__police",
        "linmas",
        "station__village__name",
        "category",
        "group__is_covered",
    )
    return [
        [code, unit, f"G{num:06d}", police, linmas, village, cat, covered]
        for code, unit, num, police, linmas, village, cat, covered in rows
    ]
