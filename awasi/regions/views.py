"""Registry pages: map, TPS list and import, police units, dapil, data attribution."""

from __future__ import annotations

from pathlib import Path

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db.models import Count, Q
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext as _

from awasi.accounts.scoping import region_q
from awasi.core import exports
from awasi.core.errors import DomainError
from awasi.elections.models import Election
from awasi.regions.codes import ancestors, subtree_q
from awasi.regions.forms import TpsImportForm
from awasi.regions.models import ElectoralDistrict, Island, PoliceUnit, PollingStation, Region
from awasi.regions.services import can_edit_registry, import_polling_stations
from awasi.regions.tps_import import error_rows


def _election(request: HttpRequest, having: str = "polling_stations") -> Election | None:
    """The election asked for, else the newest one that has data of the page's kind."""
    slug = request.GET.get("election")
    elections = Election.objects.all()
    chosen = elections.filter(slug=slug).first() if slug else None
    with_data = elections.filter(**{f"{having}__isnull": False}).distinct()
    return chosen or with_data.first() or elections.first()


def _tps_for(request: HttpRequest, election: Election | None):  # type: ignore[no-untyped-def]
    queryset = PollingStation.objects.filter(election=election).filter(
        region_q(request.user, "village_id")
    )
    return queryset.in_region(getattr(request, "region_code", None))


@login_required
def map_page(request: HttpRequest) -> HttpResponse:
    """Leaflet map of TPS and islands; counts table below works even without map tiles."""
    election = _election(request)
    tps = _tps_for(request, election)
    by_regency = (
        tps.values("village__parent__parent__name")
        .annotate(n=Count("id"))
        .order_by("village__parent__parent__name")
    )
    return render(
        request,
        "regions/map.html",
        {
            "election": election,
            "elections": Election.objects.all(),
            "by_regency": by_regency,
            "total": sum(r["n"] for r in by_regency),
            "has_synthetic": tps.filter(is_synthetic=True).exists(),
        },
    )


@login_required
def map_data(request: HttpRequest) -> JsonResponse:
    """GeoJSON of the TPS (and inhabited islands) the user may see."""
    election = _election(request)
    rows = (
        _tps_for(request, election)
        .exclude(latitude=None)
        .values_list(
            "code",
            "number",
            "village__name",
            "voter_count",
            "special_location",
            "latitude",
            "longitude",
            "is_synthetic",
        )
    )
    features = [
        {
            "type": "Feature",
            "geometry": {"type": "Point", "coordinates": [lon, lat]},
            "properties": {
                "kind": "tps",
                "code": code,
                "label": f"TPS {num:03d} {village}",
                "voters": voters,
                "special": special,
                "synthetic": synthetic,
            },
        }
        for code, num, village, voters, special, lat, lon, synthetic in rows
    ]
    code = getattr(request, "region_code", None) or request.user.region_code or ""
    islands = Island.objects.exclude(latitude=None)
    if code:
        islands = islands.filter(code__startswith=code.split(".")[0] + ".")
    features += [
        {
            "type": "Feature",
            "geometry": {"type": "Point", "coordinates": [i.longitude, i.latitude]},
            "properties": {"kind": "island", "label": i.name, "populated": i.is_populated},
        }
        for i in islands.only("name", "latitude", "longitude", "is_populated")
    ]
    return JsonResponse({"type": "FeatureCollection", "features": features})


@login_required
def tps_list(request: HttpRequest) -> HttpResponse:
    """TPS of the user's area with search, paging and CSV/XLSX export."""
    election = _election(request)
    tps = _tps_for(request, election).select_related("village", "village__parent")
    query = request.GET.get("q", "").strip()
    if query:
        tps = tps.filter(village__name__icontains=query) | tps.filter(code__startswith=query)
    header = [
        _("Code"),
        _("Village"),
        _("District"),
        _("TPS"),
        _("Voters"),
        _("Special location"),
        _("Synthetic"),
    ]

    def rows():  # type: ignore[no-untyped-def]
        for t in tps.iterator(2000):
            yield [
                t.code,
                t.village.name,
                t.village.parent.name,
                t.number,
                t.voter_count,
                t.get_special_location_display() if t.special_location else "",
                t.is_synthetic,
            ]

    if request.GET.get("format") == "csv":
        return exports.csv_response("tps.csv", header, rows())
    if request.GET.get("format") == "xlsx":
        return exports.xlsx_response("tps.xlsx", {"TPS": (header, rows())})
    page = Paginator(tps, 50).get_page(request.GET.get("page"))
    return render(
        request,
        "regions/tps_list.html",
        {
            "page": page,
            "election": election,
            "elections": Election.objects.all(),
            "can_import": can_edit_registry(request.user),
        },
    )


@login_required
def tps_import(request: HttpRequest) -> HttpResponse:
    """Upload a TPS list; every bad row is listed with its reason and nothing is half-saved."""
    form = TpsImportForm(request.POST or None, request.FILES or None)
    report = None
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            report = import_polling_stations(
                actor=request.user,
                election=form.cleaned_data["election"],
                content=upload.read(),
                filename=upload.name,
                valid_rows_only=form.cleaned_data["valid_rows_only"],
            )
        except DomainError as exc:
            form.add_error(None, str(exc.message))
    status = 400 if report and not report.saved else 200
    return render(
        request,
        "regions/tps_import.html",
        {
            "form": form,
            "report": report,
            "error_rows": error_rows(report.errors) if report else [],
        },
        status=status,
    )


@login_required
def police_units(request: HttpRequest) -> HttpResponse:
    """Polda › Polres › Polsek with the regions each covers."""
    units = PoliceUnit.objects.prefetch_related("jurisdiction__region").select_related("parent")
    code = request.user.region_code
    if code:
        units = units.filter(subtree_q("base_region_id", code.split(".")[0]))
    return render(request, "regions/police_units.html", {"units": units})


@login_required
def dapil_list(request: HttpRequest) -> HttpResponse:
    """Electoral districts per level with seats and member regions."""
    election = _election(request, having="electoral_districts")
    code = request.user.region_code
    dapil = ElectoralDistrict.objects.filter(election=election)
    if code:  # the dapil of the user's area and of every level above it
        dapil = dapil.filter(Q(area_id__in=ancestors(code)) | subtree_q("area_id", code))
    dapil = dapil.select_related("area").prefetch_related("members")
    return render(
        request,
        "regions/dapil_list.html",
        {"dapil": dapil, "election": election, "elections": Election.objects.all()},
    )


def region_detail(request: HttpRequest, code: str) -> HttpResponse:
    """A region with its children (public reference data)."""
    region = get_object_or_404(Region, code=code)
    children = region.children.all()
    return render(request, "regions/region_detail.html", {"region": region, "children": children})


def attribution(request: HttpRequest) -> HttpResponse:
    """Data sources and the ODbL attribution for the region data."""
    readme = (Path(settings.AWASI_WILAYAH_DIR) / "README.md").read_text(encoding="utf-8")
    return render(request, "regions/attribution.html", {"readme": readme})
