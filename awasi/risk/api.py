"""/api/v1/risk/: current TPS categories (what the police planner reads) and region scores.

Read-only; Bawaslu and Polri in their own area, like the pages. Errors use the one API shape.
"""

from __future__ import annotations

from django.shortcuts import get_object_or_404
from django.urls import path
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import permissions
from rest_framework.exceptions import PermissionDenied
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from awasi.accounts.scoping import can_see_region, has_national_scope
from awasi.elections.models import Election
from awasi.risk import selectors

PARAMS = [
    OpenApiParameter("election", str, description="election slug, default pemilu-2024"),
    OpenApiParameter("region", str, description="region code inside your area"),
]


def _scope(request: Request) -> tuple[Election, str | None]:
    if not selectors.can_read(request.user):
        raise PermissionDenied("Vulnerability data is for Bawaslu and Polri.")
    election = get_object_or_404(Election, slug=request.query_params.get("election", "pemilu-2024"))
    region = request.query_params.get("region") or None
    own = None if has_national_scope(request.user) else request.user.region_code
    if region and not can_see_region(request.user, region):
        raise PermissionDenied("That region is outside your area.")
    return election, region or own


class TpsCategories(APIView):
    """Current category of every scored TPS: ``tps_code, village_code, category, lat, lon``."""

    permission_classes = [permissions.IsAuthenticated]

    @extend_schema(parameters=PARAMS, responses={200: dict})
    def get(self, request: Request) -> Response:
        election, region = _scope(request)
        rows = selectors.tps_category_rows(election=election, region_code=region)
        keys = ("tps_code", "village_code", "category", "latitude", "longitude")
        return Response(
            {
                "election": election.slug,
                "region": region,
                "results": [dict(zip(keys, row, strict=True)) for row in rows],
            }
        )


class RegionScores(APIView):
    """Region roll-ups (index, TPS per category) of the newest run covering the area."""

    permission_classes = [permissions.IsAuthenticated]

    @extend_schema(parameters=PARAMS, responses={200: dict})
    def get(self, request: Request) -> Response:
        election, region = _scope(request)
        run = selectors.latest_run(request.user, election, region)
        if run is None:
            return Response({"run": None, "results": []})
        rows = selectors.visible_region_scores(request.user, run)
        if region:
            rows = rows.filter(region__pk__startswith=region)
        return Response(
            {
                "run": {"id": run.pk, "as_of": run.as_of, "is_synthetic": run.is_synthetic},
                "results": [
                    {
                        "region": r.region_id,
                        "level": r.level,
                        "index": r.mean_score,
                        "tps": r.tps_count,
                        "categories": r.category_counts,
                    }
                    for r in rows.order_by("region_id")
                ],
            }
        )


router_urls = [
    path("risk/tps-categories/", TpsCategories.as_view(), name="risk-tps-categories"),
    path("risk/region-scores/", RegionScores.as_view(), name="risk-region-scores"),
]
