"""Deployment pages: plan list, a plan, a Polres plan, coverage for Bawaslu, map data, exports."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Count
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from awasi.core.errors import DomainError
from awasi.deployment import reports, services
from awasi.deployment.access import (
    COVERAGE,
    FULL,
    UNIT,
    access_plan,
    access_plan_unit,
    may_create_plans,
    own_polres,
    plan_scope,
)
from awasi.deployment.exports import export_coverage, export_plan
from awasi.deployment.fileplan import describe
from awasi.deployment.forms import PersonnelUploadForm, PlanForm
from awasi.deployment.grouping import TravelRules
from awasi.deployment.models import Personnel, Plan, RosterMember


@login_required
def plan_list(request: HttpRequest) -> HttpResponse:
    """Plans the user may see, and the form to start one (Polda-level police)."""
    plans = Plan.objects.visible_to(request.user).select_related("election", "region", "profile")
    form = PlanForm() if may_create_plans(request.user) else None
    return render(
        request,
        "deployment/plan_list.html",
        {"plans": plans[:100], "form": form, "scope": plan_scope(request.user)},
    )


@login_required
@require_POST
def plan_create(request: HttpRequest) -> HttpResponse:
    """Run the planner and save the plan."""
    if not may_create_plans(request.user):
        raise Http404
    form = PlanForm(request.POST)
    if form.is_valid():
        try:
            plan = services.create_plan(
                actor=request.user,
                election=form.cleaned_data["election"],
                region_code=form.cleaned_data["region"].code,
                profile=form.cleaned_data["profile"],
                travel=TravelRules(max_travel_hours=form.cleaned_data["max_travel_hours"]),
            )
        except DomainError as error:
            form.add_error(None, str(error.message))
        else:
            messages.success(request, _("Plan saved."))
            return redirect("deployment:plan", pk=plan.pk)
    plans = Plan.objects.visible_to(request.user).select_related("election", "region", "profile")
    return render(
        request,
        "deployment/plan_list.html",
        {"plans": plans[:100], "form": form, "scope": FULL},
        status=400,
    )


@login_required
def plan_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """Totals, Polres table, reinforcements and map; Bawaslu goes to the coverage page."""
    plan = access_plan(request.user, pk)
    scope = plan_scope(request.user)
    if scope == COVERAGE:
        return redirect("deployment:coverage", pk=plan.pk)
    units = list(plan.units.select_related("unit"))
    mine = own_polres(request.user) if scope != FULL else None
    return render(
        request,
        "deployment/plan_detail.html",
        {
            "plan": plan,
            "units": units,
            "scope": scope,
            "own_polres": mine,
            "transfers": plan.transfers.select_related("source", "target") if scope == FULL else [],
            "categories": plan.options.get("categories", {}),
            "is_fallback": _is_fallback(plan),
        },
    )


@login_required
def unit_plan(request: HttpRequest, pk: int, unit_code: str) -> HttpResponse:
    """One Polres's plan: per Polsek, groups with their TPS and named guards."""
    plan, row = access_plan_unit(request.user, pk, unit_code)
    groups = list(reports.groups_of(plan, row.unit_id))
    stations, guards = reports.stations_by_group(groups), reports.guards_by_group(groups)
    for g in groups:
        g.codes = stations.get(g.pk, [])  # type: ignore[attr-defined]
        g.guard_names = guards.get(g.pk, [])  # type: ignore[attr-defined]
    return render(
        request,
        "deployment/unit_plan.html",
        {
            "plan": plan,
            "row": row,
            "breakdown": reports.unit_breakdown(plan, row.unit_id),
            "groups": groups,
            "received": plan.transfers.filter(target=row.unit).select_related("source"),
            "is_fallback": _is_fallback(plan),
        },
    )


@login_required
def coverage(request: HttpRequest, pk: int) -> HttpResponse:
    """Aggregated coverage of the user's area (what Bawaslu sees)."""
    plan = access_plan(request.user, pk)
    area = reports.area_of(request.user, plan)
    rows = reports.coverage(plan, area)
    fmt = request.GET.get("format", "")
    if fmt in ("csv", "xlsx", "pdf"):
        return export_coverage(fmt, plan, area, rows)
    return render(
        request,
        "deployment/coverage.html",
        {
            "plan": plan,
            "rows": rows,
            "area": area,
            "is_fallback": _is_fallback(plan),
            "tps": sum(r["tps"] for r in rows),
            "guarded": sum(r["guarded_tps"] for r in rows),
        },
    )


@login_required
def groups_geojson(request: HttpRequest, pk: int) -> JsonResponse:
    """Guard groups as GeoJSON points (no names); ``?unit=`` limits to one Polres."""
    unit_code = request.GET.get("unit", "")
    if unit_code:
        plan, row = access_plan_unit(request.user, pk, unit_code)
        polres_id = row.unit_id
    else:
        plan = access_plan(request.user, pk)
        if plan_scope(request.user) != FULL:
            raise Http404
        polres_id = None
    features = [
        {
            "type": "Feature",
            "geometry": {"type": "Point", "coordinates": [g.longitude, g.latitude]},
            "properties": {
                "label": g.label,
                "unit": g.unit.name,
                "village": g.village.name,
                "category": g.category,
                "tps": g.tps,
                "police": g.police,
                "covered": g.is_covered,
                "isolated": g.is_isolated,
            },
        }
        for g in reports.groups_of(plan, polres_id)
        if g.latitude is not None
    ]
    return JsonResponse({"type": "FeatureCollection", "features": features})


@login_required
def plan_export(request: HttpRequest, pk: int, fmt: str) -> HttpResponse:
    """Per-TPS assignment and per-Polres totals as CSV, XLSX or a printable PDF (police)."""
    unit_code = request.GET.get("unit", "")
    if unit_code:
        plan, row = access_plan_unit(request.user, pk, unit_code)
        return export_plan(fmt, plan, [row])
    plan = access_plan(request.user, pk)
    if plan_scope(request.user) != FULL:
        raise Http404
    return export_plan(fmt, plan, list(plan.units.select_related("unit")))


def _is_fallback(plan: Plan) -> bool:
    return plan.category_source == "fallback" or bool(plan.options.get("defaulted"))


@login_required
def personnel(request: HttpRequest) -> HttpResponse:
    """Officers available per unit for each election (counts only); Polda-level police upload."""
    scope = plan_scope(request.user)
    if scope not in (FULL, UNIT):
        raise Http404
    form = PersonnelUploadForm(request.POST or None, request.FILES or None)
    problems: list[str] = []
    if request.method == "POST" and scope == FULL and form.is_valid():
        data = form.cleaned_data
        importer = services.import_roster if data["kind"] == "roster" else services.import_personnel
        try:
            n = importer(actor=request.user, election=data["election"], text=data["file"])
        except DomainError as error:
            problems = [str(error.message)] + [describe(d) for d in error.details or []]
        else:
            messages.success(request, _("%(n)s rows saved.") % {"n": n})
            return redirect("deployment:personnel")
    rows = Personnel.objects.select_related("election", "unit").order_by("election", "unit__code")
    mine = own_polres(request.user) if scope == UNIT else None
    if mine is not None:
        rows = rows.filter(unit__in=[mine, *mine.children.all()])
    rosters = RosterMember.objects.values("election__name", "unit__name").annotate(n=Count("id"))
    return render(
        request,
        "deployment/personnel.html",
        {
            "rows": rows,
            "rosters": rosters if scope == FULL else [],
            "problems": problems,
            "form": form if scope == FULL else None,
        },
        status=400 if problems else 200,
    )
