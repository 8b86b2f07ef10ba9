"""/api/v1/prevention/: commitments (list, update by the owner) and the stage summary."""

from __future__ import annotations

from typing import Any

from django.urls import path
from django.utils import timezone
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import serializers
from rest_framework.permissions import IsAuthenticated
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from awasi.api.pagination import Pagination
from awasi.elections.models import Stage
from awasi.prevention import selectors
from awasi.prevention.access import access_action_item
from awasi.prevention.choices import ActionStatus
from awasi.prevention.models import ActionItem
from awasi.prevention.scopes import org_ids
from awasi.prevention.services import cooperation


class ActionItemSerializer(serializers.ModelSerializer):
    owner = serializers.CharField(source="owner.code")
    meeting_title = serializers.CharField(source="meeting.title")
    status_label = serializers.CharField(source="get_status_display")

    class Meta:
        model = ActionItem
        fields = ["id", "meeting", "meeting_title", "description", "owner", "due_on", "status",
                  "status_label", "evidence", "evidence_sha256", "completed_at", "version",
                  "is_synthetic"]  # fmt: skip


class UpdateInput(serializers.Serializer):
    status = serializers.ChoiceField(choices=ActionStatus.values)
    evidence = serializers.CharField(required=False, allow_blank=True, default="")
    version = serializers.IntegerField()


class CommitmentList(APIView):
    """Commitments the user may see; ``?mine=1`` for the user's organisation, ``?status=``."""

    permission_classes = [IsAuthenticated]

    @extend_schema(
        operation_id="prevention_commitments_list",
        parameters=[OpenApiParameter("mine", bool), OpenApiParameter("status", str)],
        responses={200: ActionItemSerializer(many=True)},
    )
    def get(self, request: Request) -> Response:
        items = ActionItem.objects.visible_to(request.user).select_related("owner", "meeting")
        if request.query_params.get("mine"):
            items = items.filter(owner_id__in=org_ids(request.user))
        if status := request.query_params.get("status"):
            items = items.filter(status=status)
        paginator = Pagination()
        page = paginator.paginate_queryset(items.order_by("due_on", "id"), request, view=self)
        return paginator.get_paginated_response(ActionItemSerializer(page, many=True).data)


class CommitmentDetail(APIView):
    """One commitment; POST changes its status and evidence (owner organisation only)."""

    permission_classes = [IsAuthenticated]

    @extend_schema(responses={200: ActionItemSerializer})
    def get(self, request: Request, pk: int) -> Response:
        return Response(ActionItemSerializer(access_action_item(request.user, pk)).data)

    @extend_schema(request=UpdateInput, responses={200: ActionItemSerializer})
    def post(self, request: Request, pk: int) -> Response:
        item = access_action_item(request.user, pk, for_change=True)
        data = UpdateInput(data=request.data)
        data.is_valid(raise_exception=True)
        d: dict[str, Any] = data.validated_data
        item = cooperation.update_action_item(
            actor=request.user,
            item=item,
            status=d["status"],
            evidence=d["evidence"],
            expected_version=d["version"],
        )
        return Response(ActionItemSerializer(item).data)


class SummaryView(APIView):
    """Supervision summary: ``?region=19&stage=<id>`` → totals and rows per sub-region."""

    permission_classes = [IsAuthenticated]

    @extend_schema(
        parameters=[OpenApiParameter("region", str), OpenApiParameter("stage", int)],
        responses={200: OpenApiTypes.OBJECT},
    )
    def get(self, request: Request) -> Response:
        code = request.query_params.get("region") or request.user.region_code or "19"
        stage_id = request.query_params.get("stage")
        stage = Stage.objects.filter(pk=stage_id).first() if stage_id else None
        summary = selectors.stage_summary(
            request.user, region_code=code, stage=stage, today=timezone.localdate()
        )

        def tally(t: Any) -> dict[str, Any]:
            return {
                "activities": dict(t.activities),
                "participants": t.participants,
                "patrols_with_findings": t.patrols_with_findings,
                "findings_pending": t.findings_pending,
                "findings_declared": t.findings_declared,
                "commitments": dict(t.commitments),
                "commitments_open": t.commitments_open,
                "commitments_overdue": t.commitments_overdue,
            }

        return Response(
            {
                "region": code,
                "stage": stage.pk if stage else None,
                "total": tally(summary.total),
                "rows": {k: tally(v) for k, v in summary.rows.items()},
            }
        )


router_urls = [
    path("prevention/commitments/", CommitmentList.as_view(), name="prevention-commitments"),
    path(
        "prevention/commitments/<int:pk>/", CommitmentDetail.as_view(), name="prevention-commitment"
    ),
    path("prevention/summary/", SummaryView.as_view(), name="prevention-summary"),
]
