"""/api/v1/deployment/: plans (police: totals per Polres; Bawaslu: coverage of its area only)."""

from __future__ import annotations

from typing import Any

from django.urls import path
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.permissions import IsAuthenticated
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from awasi.api.pagination import Pagination
from awasi.deployment import reports
from awasi.deployment.access import COVERAGE, UNIT, access_plan, own_polres, plan_scope
from awasi.deployment.models import Plan, PlanUnit


class PlanSerializer(serializers.ModelSerializer):
    election = serializers.CharField(source="election.slug")
    profile = serializers.CharField(source="profile.slug")

    class Meta:
        model = Plan
        fields = [
            "id",
            "title",
            "election",
            "region",
            "profile",
            "category_source",
            "tps",
            "required",
            "available",
            "reinforcement_pool",
            "reinforcements",
            "shortfall",
            "lower_bound",
            "linmas",
            "created_at",
            "is_synthetic",
        ]


class PlanUnitSerializer(serializers.ModelSerializer):
    unit = serializers.CharField(source="unit.code")

    class Meta:
        model = PlanUnit
        fields = [
            "unit",
            "tps",
            "groups",
            "required",
            "available",
            "own_used",
            "reinforcements",
            "lent",
            "shortfall",
            "linmas",
            "tps_by_category",
        ]


class PlanList(APIView):
    """Plans whose region overlaps the caller's area."""

    permission_classes = [IsAuthenticated]

    @extend_schema(operation_id="deployment_plans_list", responses={200: PlanSerializer(many=True)})
    def get(self, request: Request) -> Response:
        plans = Plan.objects.visible_to(request.user).select_related("election", "profile")
        paginator = Pagination()
        page = paginator.paginate_queryset(plans, request, view=self)
        return paginator.get_paginated_response(PlanSerializer(page, many=True).data)


class PlanDetail(APIView):
    """One plan: police get per-Polres totals (a Polres only its own); Bawaslu the coverage of
    its area by district."""

    permission_classes = [IsAuthenticated]

    @extend_schema(responses={200: OpenApiTypes.OBJECT})
    def get(self, request: Request, pk: int) -> Response:
        plan = access_plan(request.user, pk)
        data: dict[str, Any] = dict(PlanSerializer(plan).data)
        scope = plan_scope(request.user)
        if scope == COVERAGE:
            return Response(
                {**data, "coverage": reports.coverage(plan, reports.area_of(request.user, plan))}
            )
        units = plan.units.select_related("unit")
        if scope == UNIT:
            mine = own_polres(request.user)
            units = units.filter(unit=mine)
        data["units"] = PlanUnitSerializer(units, many=True).data
        return Response(data)


router_urls = [
    path("deployment/plans/", PlanList.as_view(), name="deployment-plans"),
    path("deployment/plans/<int:pk>/", PlanDetail.as_view(), name="deployment-plan"),
]
