"""/api/v1/gakkumdu/: joint files, their steps and clocks, and the shared board."""

from __future__ import annotations

from typing import Any

from django.shortcuts import get_object_or_404
from django.urls import path
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema
from rest_framework import serializers, status
from rest_framework.permissions import IsAuthenticated
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from awasi.api.pagination import Pagination
from awasi.gakkumdu import chain, services
from awasi.gakkumdu.access import access_file
from awasi.gakkumdu.models import ClosureRequest, FileEvent, JointFile
from awasi.gakkumdu.selectors import board_for, clock_lines, files_for


class FileSerializer(serializers.ModelSerializer):
    unit = serializers.CharField(source="unit.code")
    police = serializers.CharField(source="police.name")
    prosecutor = serializers.CharField(source="prosecutor.name")
    stage_label = serializers.CharField(source="get_stage_display")

    class Meta:
        model = JointFile
        fields = [
            "id",
            "number",
            "case",
            "unit",
            "election",
            "region",
            "police",
            "prosecutor",
            "title",
            "alleged_articles",
            "stage",
            "stage_label",
            "stage_changed_at",
            "affects_results",
            "hard_date",
            "court_case_number",
            "appeal_case_number",
            "first_verdict",
            "appeal_verdict",
            "closing_reason",
            "version",
            "is_synthetic",
        ]


class EventSerializer(serializers.ModelSerializer):
    actor = serializers.CharField(source="actor.username", default=None)

    class Meta:
        model = FileEvent
        fields = [
            "kind",
            "from_stage",
            "to_stage",
            "agency",
            "actor",
            "occurred_at",
            "recorded_at",
            "is_backdated",
            "backdating_reason",
            "note",
        ]


class StepInput(serializers.Serializer):
    event = serializers.ChoiceField(choices=[e.value for e in chain.Event])
    occurred_at = serializers.DateTimeField()
    version = serializers.IntegerField()
    note = serializers.CharField(required=False, allow_blank=True, default="")
    backdating_reason = serializers.CharField(required=False, allow_blank=True, default="")
    details = serializers.DictField(required=False, default=dict)


def _clocks(file: JointFile) -> list[dict[str, Any]]:
    return [
        {
            "step": line["clock"].step,
            "due_at": line["clock"].due_at,
            "stopped_at": line["clock"].stopped_at,
            "state": line["state"].value,
            "owner": str(line["clock"].owner_organisation or ""),
        }
        for line in clock_lines(file)
    ]


class FileList(APIView):
    """Files the caller may see (filters: ``unit``, ``stage``)."""

    permission_classes = [IsAuthenticated]

    @extend_schema(responses=FileSerializer(many=True))
    def get(self, request: Request) -> Response:
        files = files_for(
            request.user,
            unit=request.query_params.get("unit", ""),
            stage=request.query_params.get("stage", ""),
        )
        paginator = Pagination()
        page = paginator.paginate_queryset(files, request, view=self)
        return paginator.get_paginated_response(FileSerializer(page, many=True).data)


class FileDetail(APIView):
    """One file with its steps and every agency's clocks."""

    permission_classes = [IsAuthenticated]

    @extend_schema(responses=FileSerializer)
    def get(self, request: Request, pk: int) -> Response:
        file = access_file(request.user, pk)
        data = FileSerializer(file).data
        data["events"] = EventSerializer(file.events.select_related("actor"), many=True).data
        data["clocks"] = _clocks(file)
        return Response(data)


class FileSteps(APIView):
    """Record one step (the version read must be sent back: a stale one is a 409 conflict)."""

    permission_classes = [IsAuthenticated]

    @extend_schema(request=StepInput, responses={201: FileSerializer})
    def post(self, request: Request, pk: int) -> Response:
        file = access_file(request.user, pk, for_change=True)
        payload = StepInput(data=request.data)
        payload.is_valid(raise_exception=True)
        data = payload.validated_data
        services.record_step(
            file=file,
            event=data["event"],
            actor=request.user,
            occurred_at=data["occurred_at"],
            expected_version=data["version"],
            note=data["note"],
            backdating_reason=data["backdating_reason"],
            details=data["details"],
        )
        file.refresh_from_db()
        return Response(FileSerializer(file).data, status=status.HTTP_201_CREATED)


class RequestInput(serializers.Serializer):
    event = serializers.ChoiceField(choices=["terminate_investigation", "stop_prosecution"])
    occurred_at = serializers.DateTimeField()
    reason = serializers.CharField()
    backdating_reason = serializers.CharField(required=False, allow_blank=True, default="")


class DecisionInput(serializers.Serializer):
    approve = serializers.BooleanField()
    note = serializers.CharField(required=False, allow_blank=True, default="")
    version = serializers.IntegerField()


class RequestOutput(serializers.ModelSerializer):
    class Meta:
        model = ClosureRequest
        fields = ["id", "kind", "agency", "status", "reason", "occurred_at", "decision_note"]


def _request_data(request: ClosureRequest) -> dict[str, Any]:
    return {
        "id": request.pk,
        "kind": request.kind,
        "agency": request.agency,
        "status": request.status,
        "reason": request.reason,
        "occurred_at": request.occurred_at,
        "decision_note": request.decision_note,
    }


class FileRequests(APIView):
    """Police or prosecution requests Bawaslu must approve (SP3, stop of prosecution)."""

    permission_classes = [IsAuthenticated]

    @extend_schema(responses=RequestOutput(many=True))
    def get(self, request: Request, pk: int) -> Response:
        file = access_file(request.user, pk)
        return Response([_request_data(r) for r in file.requests.all()])

    @extend_schema(request=RequestInput, responses={201: RequestOutput})
    def post(self, request: Request, pk: int) -> Response:
        file = access_file(request.user, pk, for_change=True)
        payload = RequestInput(data=request.data)
        payload.is_valid(raise_exception=True)
        data = payload.validated_data
        closure = services.request_closure(
            file=file,
            event=data["event"],
            actor=request.user,
            occurred_at=data["occurred_at"],
            reason=data["reason"],
            backdating_reason=data["backdating_reason"],
        )
        return Response(_request_data(closure), status=status.HTTP_201_CREATED)


class RequestDecision(APIView):
    """Bawaslu approves (the step is recorded) or rejects a pending request."""

    permission_classes = [IsAuthenticated]

    @extend_schema(request=DecisionInput, responses=RequestOutput)
    def post(self, request: Request, pk: int, request_pk: int) -> Response:
        file = access_file(request.user, pk, for_change=True)
        closure = get_object_or_404(ClosureRequest, pk=request_pk, file=file)
        payload = DecisionInput(data=request.data)
        payload.is_valid(raise_exception=True)
        data = payload.validated_data
        closure = services.decide_request(
            request=closure,
            actor=request.user,
            approve=data["approve"],
            note=data["note"],
            expected_version=data["version"],
        )
        return Response(_request_data(closure))


class BoardView(APIView):
    """The shared board's numbers (``unit`` filter)."""

    permission_classes = [IsAuthenticated]

    @extend_schema(responses=OpenApiTypes.OBJECT)
    def get(self, request: Request) -> Response:
        board = board_for(files_for(request.user, unit=request.query_params.get("unit", "")))
        return Response(
            {
                "files": board.files,
                "verdicts": board.verdicts,
                "outcomes": board.outcomes,
                "by_stage": {k.value: v for k, v in board.by_stage.items()},
                "by_holder": {k.value: v for k, v in board.by_holder.items()},
                "overdue_steps": board.overdue_steps,
                "due_soon_steps": board.due_soon_steps,
                "per_police": [vars(x) for x in board.per_police],
                "per_prosecutor": [vars(x) for x in board.per_prosecutor],
            }
        )


router_urls = [
    path("gakkumdu/files/", FileList.as_view(), name="gakkumdu-file-list"),
    path("gakkumdu/files/<int:pk>/", FileDetail.as_view(), name="gakkumdu-file-detail"),
    path("gakkumdu/files/<int:pk>/steps/", FileSteps.as_view(), name="gakkumdu-file-steps"),
    path(
        "gakkumdu/files/<int:pk>/requests/", FileRequests.as_view(), name="gakkumdu-file-requests"
    ),
    path(
        "gakkumdu/files/<int:pk>/requests/<int:request_pk>/decision/",
        RequestDecision.as_view(),
        name="gakkumdu-request-decision",
    ),
    path("gakkumdu/board/", BoardView.as_view(), name="gakkumdu-board"),
]
