"""Vulnerability pages: overview map, rankings, region profile, comparison, exports, data entry."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy
from django.views.decorators.http import require_POST

from awasi.accounts.scoping import can_see_region, has_national_scope
from awasi.core import exports
from awasi.core.errors import DomainError
from awasi.elections.models import Election
from awasi.risk import reports, selectors, services
from awasi.risk.choices import TpsCategory
from awasi.risk.models import IkpScore, RegionScore, ScoreRun
from awasi.risk.store import top_group_codes

LEVEL_BELOW = {"province": "regency", "regency": "district", "district": "village"}
LEVEL_CHOICES = [
    ("regency", _lazy("Regency/city")),
    ("district", _lazy("District (kecamatan)")),
    ("village", _lazy("Village (desa/kelurahan)")),
]


def _election(request: HttpRequest) -> Election:
    slug = request.GET.get("election") or request.POST.get("election") or "pemilu-2024"
    return get_object_or_404(Election, slug=slug)


def _area(request: HttpRequest) -> str | None:
    """The picked region (limited to the user's own by the middleware), else the user's own."""
    picked = getattr(request, "region_code", None)
    if picked or has_national_scope(request.user):
        return picked
    return request.user.region_code  # type: ignore[union-attr]


def _reader(request: HttpRequest) -> None:
    if not selectors.can_read(request.user):
        raise PermissionDenied(_("Vulnerability data is for Bawaslu and Polri."))


def _context(request: HttpRequest) -> dict[str, Any]:
    _reader(request)
    election = _election(request)
    area = _area(request)
    run = selectors.latest_run(request.user, election, area)
    catalogue = run.catalogue.parsed() if run else None
    return {
        "election": election,
        "area": area,
        "run": run,
        "catalogue": catalogue,
        "elections": Election.objects.all(),
        "category_choices": TpsCategory.choices,
    }


def _area_score(run: ScoreRun | None, area: str | None) -> RegionScore | None:
    if run is None:
        return None
    scores = run.region_scores.select_related("region")
    if area:
        return scores.filter(region_id=area).first()
    return scores.filter(level="province").order_by("region_id").first()


@login_required
def overview(request: HttpRequest) -> HttpResponse:
    """Map of TPS by category and regions by index; the area's counts and frequent indicators."""
    context = _context(request)
    score = _area_score(context["run"], context["area"])
    level = LEVEL_BELOW.get(score.level if score else "province", "regency")
    context.update(
        score=score,
        frequencies=reports.frequencies(score, context["catalogue"]) if score else [],
        ranking=reports.region_ranking(request.user, context["run"], level, score.region_id)
        if score
        else [],
        level=level,
        runs=selectors.visible_runs(request.user, context["election"])[:20],
        can_record=selectors.can_record(request.user),
    )
    return render(request, "risk/overview.html", context)


@login_required
def map_data(request: HttpRequest) -> JsonResponse:
    """TPS of the latest run coloured by category, and districts placed at their TPS' centre."""
    context = _context(request)
    run, catalogue = context["run"], context["catalogue"]
    if run is None:
        return JsonResponse({"tps": [], "regions": []})
    names = {i.code: i.name for i in catalogue.indicators}
    tps, centres = [], {}
    rows = selectors.visible_tps_scores(request.user, run).values_list(
        "polling_station__code",
        "polling_station__village_id",
        "polling_station__latitude",
        "polling_station__longitude",
        "category",
        "score",
        "drivers",
    )
    area = context["area"]
    for code, village, lat, lon, category, value, drivers in rows:
        if lat is None or (area and not village.startswith(area + ".") and village != area):
            continue
        tps.append(
            {
                "code": code,
                "lat": lat,
                "lon": lon,
                "category": category,
                "score": value,
                "drivers": [names.get(d[0], d[0]) for d in drivers],
            }
        )
        centre = centres.setdefault(village.rsplit(".", 1)[0], [0.0, 0.0, 0])
        centre[0] += lat
        centre[1] += lon
        centre[2] += 1
    regions = [
        {
            "code": r.region_id,
            "name": r.region.name,
            "index": r.mean_score,
            "tps": r.tps_count,
            "vulnerable": r.vulnerable_count,
            "lat": centres[r.region_id][0] / centres[r.region_id][2],
            "lon": centres[r.region_id][1] / centres[r.region_id][2],
        }
        for r in selectors.visible_region_scores(request.user, run)
        .filter(level="district", region__pk__in=list(centres))
        .select_related("region")
    ]
    return JsonResponse({"tps": tps, "regions": regions, "colours": reports.CATEGORY_COLOUR})


@login_required
def ranking(request: HttpRequest) -> HttpResponse:
    """Regions of one level by index, and the most vulnerable TPS; CSV/XLSX on request."""
    context = _context(request)
    level = request.GET.get("level", "district")
    if level not in ("regency", "district", "village"):
        raise Http404
    run = context["run"]
    regions = reports.region_ranking(request.user, run, level, context["area"]) if run else []
    tps = reports.top_tps(request.user, run, context["area"], limit=200) if run else []
    export = request.GET.get("format")
    if export in ("csv", "xlsx"):
        return _ranking_export(export, regions, tps, context)
    context.update(level=level, regions=regions, tps=tps, level_choices=LEVEL_CHOICES)
    return render(request, "risk/ranking.html", context)


def _ranking_rows(regions: list[RegionScore]) -> tuple[list[str], list[list[Any]]]:
    header = [
        _("Rank"),
        _("Code"),
        _("Region"),
        _("Index"),
        "TPS",
        _("Kurang rawan"),
        _("Rawan"),
        _("Sangat rawan"),
        _("Khusus"),
    ]
    rows = [
        [
            n,
            r.region_id,
            r.region.name,
            r.mean_score,
            r.tps_count,
            *[r.category_counts.get(c, 0) for c in TpsCategory.values],
        ]
        for n, r in enumerate(regions, start=1)
    ]
    return header, rows


def _tps_rows(tps: list, catalogue: Any) -> tuple[list[str], list[list[Any]]]:
    names = {i.code: i.name for i in catalogue.indicators} if catalogue else {}
    header = [_("TPS code"), _("Village"), _("Category"), _("Score"), _("Main indicators")]
    rows = [
        [
            s.polling_station.code,
            s.polling_station.village.name,
            s.category,
            s.score,
            "; ".join(names.get(d[0], d[0]) for d in s.drivers),
        ]
        for s in tps
    ]
    return header, rows


def _ranking_export(kind: str, regions: list, tps: list, context: dict) -> HttpResponse:
    name = f"kerawanan-{context['election'].slug}-{context['area'] or 'semua'}"
    if kind == "csv":
        return exports.csv_response(f"{name}.csv", *_ranking_rows(regions))
    return exports.xlsx_response(
        f"{name}.xlsx",
        {
            _("Regions"): _ranking_rows(regions),
            "TPS": _tps_rows(tps, context["catalogue"]),
        },
    )


@login_required
def region_profile(request: HttpRequest, code: str) -> HttpResponse:
    """One region: index per variable, TPS per category, frequent indicators, its parts, top TPS."""
    context = _context(request)
    if not can_see_region(request.user, code):
        raise Http404
    run = selectors.latest_run(request.user, context["election"], code)
    score = (
        run.region_scores.select_related("region").filter(region_id=code).first() if run else None
    )
    if score is None:
        raise Http404
    catalogue = run.catalogue.parsed()
    names = {g.code: g.name for g in catalogue.groups}
    context.update(
        run=run,
        score=score,
        catalogue=catalogue,
        variables=[
            (names[c], v)
            for c, v in zip(top_group_codes(catalogue), score.group_means, strict=True)
            if names.get(c)
        ],
        frequencies=reports.frequencies(score, catalogue),
        children=reports.region_ranking(request.user, run, LEVEL_BELOW.get(score.level, ""), code)
        if score.level in LEVEL_BELOW
        else [],
        tps=reports.top_tps(request.user, run, code, limit=50),
        ikp=IkpScore.objects.filter(region_id=code).select_related("catalogue__election"),
        indicator_names={i.code: i.name for i in catalogue.indicators},
    )
    return render(request, "risk/region.html", context)


@login_required
def compare(request: HttpRequest) -> HttpResponse:
    """Two dated runs side by side: category totals and the TPS whose category changed."""
    context = _context(request)
    runs = selectors.visible_runs(request.user, context["election"])
    picked = [request.GET.get("a"), request.GET.get("b")]
    if all(picked):
        first = get_object_or_404(runs, pk=picked[0])
        second = get_object_or_404(runs, pk=picked[1])
    else:
        latest = list(runs.order_by("-as_of", "-id")[:2])
        second, first = (latest + [None, None])[:2]
    result = reports.compare(request.user, first, second) if first and second else None
    context.update(
        runs=runs, first=first, second=second, result=result, categories=TpsCategory.choices
    )
    return render(request, "risk/compare.html", context)


@login_required
def export_categories(request: HttpRequest) -> HttpResponse:
    """TPS categories in the police deployment planner's file format (CSV)."""
    _reader(request)
    election = _election(request)
    rows = selectors.tps_category_rows(election=election, region_code=_area(request))
    header = ["tps_code", "village_code", "category", "latitude", "longitude"]
    return exports.csv_response(f"tps-kategori-{election.slug}.csv", header, rows)


@login_required
def summary_pdf(request: HttpRequest) -> HttpResponse:
    """A printable summary of the area: counts per category, ranking and the top TPS."""
    context = _context(request)
    run, score = context["run"], _area_score(context["run"], context["area"])
    if run is None or score is None:
        raise Http404
    level = LEVEL_BELOW.get(score.level, "district")
    regions = reports.region_ranking(request.user, run, level, score.region_id)
    blocks: list[tuple] = [
        (
            "p",
            _(
                "%(region)s — mapping date %(date)s. Weights and TPS thresholds are Awasi "
                "defaults, not Bawaslu's; the police set the final categories."
            )
            % {"region": score.region.name, "date": run.as_of},
        ),
        (
            "table",
            [_("Category"), "TPS"],
            [[label, score.category_counts.get(value, 0)] for value, label in TpsCategory.choices],
        ),
        ("h", _("Regions by index")),
        ("table", *_ranking_rows(regions)),
        ("h", _("Most vulnerable TPS")),
        (
            "table",
            *_tps_rows(
                reports.top_tps(request.user, run, score.region_id, 40), context["catalogue"]
            ),
        ),
    ]
    if run.is_synthetic:
        blocks.insert(0, ("p", _("DEMO DATA — synthetic observations.")))
    title = _("Vulnerability summary: %(region)s") % {"region": score.region.name}
    return exports.pdf_response(f"ringkasan-kerawanan-{score.region_id}.pdf", title, blocks)


@login_required
@require_POST
def compute(request: HttpRequest) -> HttpResponse:
    """Recompute the scores of the user's area now."""
    election = _election(request)
    try:
        run = services.compute_scores(
            actor=request.user, election=election, region_code=_area(request)
        )
    except DomainError as error:
        messages.error(request, str(error.message))
    else:
        messages.success(request, _("%(n)d TPS scored.") % {"n": run.tps_count})
    return redirect(f"{request.build_absolute_uri('/risk/')}?election={election.slug}")
