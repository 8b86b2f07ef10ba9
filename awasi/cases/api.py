"""/api/v1/cases/: idempotent intake (reports, findings, tips), the reporter's status, and the
scoped case list/detail. Every submission needs an ``Idempotency-Key`` header: a retry after a
lost connection returns the first answer and never creates a second case."""

from __future__ import annotations

from typing import Any

from django.urls import path
from django.utils.translation import gettext as _
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import permissions, status, viewsets
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.routers import SimpleRouter
from rest_framework.views import APIView

from awasi.cases import serializers as s
from awasi.cases.access import access_case, can_handle
from awasi.cases.choices import Channel
from awasi.cases.models import Case
from awasi.cases.selectors import filtered_cases, find_by_code
from awasi.cases.services import (
    CaseData,
    ReporterData,
    declare_finding,
    submit_report,
    submit_tip,
)
from awasi.cases.services.intake import check_status_secret
from awasi.cases.services.staging import find_staged, staged_status
from awasi.cases.views.intake_api import staged_report_intake
from awasi.core.errors import DomainError

KEY_HEADER = "HTTP_IDEMPOTENCY_KEY"
KEY_PARAM = OpenApiParameter(
    "Idempotency-Key", str, OpenApiParameter.HEADER, required=True,
    description="A client-chosen key; repeating it returns the first answer.",
)  # fmt: skip


def idempotency_key(request: Request) -> str:
    key = request.META.get(KEY_HEADER, "").strip()
    if not key or len(key) > 100:
        raise DomainError(
            _("Send an Idempotency-Key header (1-100 characters) with every submission."),
            code="idempotency_key_required",
        )
    return key


def _case_data(data: dict[str, Any]) -> CaseData:
    return CaseData(
        election=data["election"], region=data["region"], title=data["title"],
        description=data["description"], reported_party=data["reported_party"],
        place=data["place"], occurred_on=data["occurred_on"], known_on=data.get("known_on"),
        violation_type=data.get("violation_type", ""), witnesses=data.get("witnesses", []),
    )  # fmt: skip


class ReportIntake(APIView):
    """File a report (public, throttled) or enter one received at the desk (staff)."""

    permission_classes = [permissions.AllowAny]

    @extend_schema(request=s.ReportInSerializer, responses={201: dict}, parameters=[KEY_PARAM])
    def post(self, request: Request) -> Response:
        key = idempotency_key(request)
        body = s.ReportInSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        staff = can_handle(request.user)
        result = submit_report(
            data=_case_data(body.validated_data),
            reporter=ReporterData(**body.validated_data["reporter"]),
            intake_key=key,
            channel=Channel.DESK if staff else Channel.API,
            actor=request.user if staff else None,
        )
        answer = {
            "tracking_code": result.case.tracking_code, "secret": result.secret,
            "status": result.case.status, "received_at": result.case.received_at,
        }  # fmt: skip
        if staff:
            answer["id"] = result.case.pk
        return Response(answer, status=status.HTTP_201_CREATED if result.created else 200)


class FindingIntake(APIView):
    """A supervisor declares a finding."""

    @extend_schema(
        request=s.FindingInSerializer, responses={201: s.CaseSerializer}, parameters=[KEY_PARAM]
    )
    def post(self, request: Request) -> Response:
        if not can_handle(request.user):
            raise DomainError(_("Your role may not take this action."), code="forbidden")
        key = idempotency_key(request)
        body = s.FindingInSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        existed = Case.objects.filter(intake_key=key).exists()
        case = declare_finding(
            data=_case_data(body.validated_data), intake_key=key, actor=request.user,
            discovered_on=body.validated_data["discovered_on"],
        )  # fmt: skip
        data = s.CaseSerializer(case).data
        return Response(data, status=200 if existed else status.HTTP_201_CREATED)


class TipIntake(APIView):
    """Anonymous information (public, throttled)."""

    permission_classes = [permissions.AllowAny]

    @extend_schema(request=s.TipInSerializer, responses={201: dict}, parameters=[KEY_PARAM])
    def post(self, request: Request) -> Response:
        key = idempotency_key(request)
        body = s.TipInSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        tip = submit_tip(**body.validated_data, intake_key=key)
        return Response({"received_at": tip.received_at}, status=status.HTTP_201_CREATED)


class ReporterStatus(APIView):
    """The reporter's status: tracking code + secret; public notices only."""

    permission_classes = [permissions.AllowAny]

    @extend_schema(request=s.StatusInSerializer, responses={200: dict})
    def post(self, request: Request) -> Response:
        body = s.StatusInSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        code, secret = body.validated_data["tracking_code"], body.validated_data["secret"]
        case = find_by_code(code)
        if case is None or not check_status_secret(case, secret):
            staged = find_staged(code, secret)
            if staged is None:
                raise DomainError(
                    _("No report matches this tracking code and secret."), code="not_found"
                )
            if staged.case is None:
                pending = staged_status(staged)
                return Response({
                    "tracking_code": pending.tracking_code, "number": "",
                    "status": pending.status, "status_label": pending.status_label,
                    "history": pending.history,
                })  # fmt: skip
            case = staged.case
        history = case.history.exclude(public_note="").order_by("at", "id")
        return Response({
            "tracking_code": case.tracking_code, "number": case.number, "status": case.status,
            "status_label": case.get_status_display(),
            "history": s.PublicHistorySerializer(history, many=True).data,
        })  # fmt: skip


class CaseViewSet(viewsets.ReadOnlyModelViewSet):
    """Cases the user may see (scoped like the pages); no reporter identity, ever."""

    serializer_class = s.CaseSerializer
    filter_backends: list[Any] = []
    lookup_value_regex = r"[0-9]+"

    def get_queryset(self) -> Any:
        params = {key: self.request.query_params.get(key, "") for key in (
            "status", "origin", "violation_type", "region", "deadline", "assignee", "q", "stage",
        )}  # fmt: skip
        return filtered_cases(self.request.user, params)

    @extend_schema(responses={200: s.CaseDetailSerializer})
    def retrieve(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        case = access_case(request.user, int(kwargs["pk"]))
        return Response(s.CaseDetailSerializer(case).data)


router = SimpleRouter()
router.register("cases", CaseViewSet, basename="case")

router_urls = [
    path("cases/reports/", ReportIntake.as_view(), name="case-report-intake"),
    path("cases/intake/", staged_report_intake, name="case-staged-intake"),
    path("cases/findings/", FindingIntake.as_view(), name="case-finding-intake"),
    path("cases/tips/", TipIntake.as_view(), name="case-tip-intake"),
    path("cases/status/", ReporterStatus.as_view(), name="case-reporter-status"),
    *router.urls,
]
