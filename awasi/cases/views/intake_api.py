"""``POST /api/v1/cases/intake/`` inside Django: the URL, the OpenAPI entry, and the same answer.

In production ``config/wsgi.py`` puts ``awasi.cases.intake_wsgi.IntakeFront`` before Django, which
answers this path without Django's middleware and URL resolving. Requests that reach Django
anyway (the test client, ``runserver`` with another WSGI app, other methods) are answered here by
the same ``answer_submission``: one contract, one implementation. DRF is used only to describe
the endpoint in the schema and to answer other methods with 405 in the API's error shape; its
authentication and throttling are off here because ``answer_submission`` does both.
"""

from __future__ import annotations

from django.http import HttpResponse
from drf_spectacular.utils import OpenApiParameter, extend_schema, inline_serializer
from rest_framework import permissions, serializers
from rest_framework.parsers import JSONParser
from rest_framework.request import Request
from rest_framework.views import APIView

from awasi.cases.intake_wsgi import answer_submission
from awasi.cases.serializers import ReportInSerializer

KEY_PARAM = OpenApiParameter(
    "Idempotency-Key", str, OpenApiParameter.HEADER, required=True,
    description="A client-chosen key (1-100 characters); repeating it answers the first answer "
    "(``repeated: true``) and stages nothing new; with a different report it is refused (409).",
)  # fmt: skip
STAGED = inline_serializer(
    "StagedReport",
    {
        "tracking_code": serializers.CharField(),
        "secret": serializers.CharField(),
        "status": serializers.CharField(),
        "received_at": serializers.DateTimeField(),
        "repeated": serializers.BooleanField(),
    },
)


class StagedReportIntake(APIView):
    """Stage a report for processing (202): the high-volume path, one INSERT per report.

    Same body, field errors and ``Idempotency-Key`` as ``POST /api/v1/cases/reports/``; token
    authentication (staff desk entry) or anonymous (the public), the API's throttle rates. The
    case is made shortly afterwards by the intake processor; the tracking code and secret work
    at once on the status endpoint.
    """

    authentication_classes = ()
    permission_classes = (permissions.AllowAny,)
    throttle_classes = ()
    parser_classes = (JSONParser,)  # for the schema: the body is read by answer_submission

    @extend_schema(
        request=ReportInSerializer, responses={202: STAGED}, parameters=[KEY_PARAM],
        auth=[{"tokenAuth": []}, {}],  # type: ignore[list-item]  # token, or anonymous
        operation_id="cases_intake_create",
    )  # fmt: skip
    def post(self, request: Request) -> HttpResponse:
        answer = answer_submission(request._request.META, request._request.body)
        response = HttpResponse(answer.content(), status=answer.status,
                                content_type="application/json")  # fmt: skip
        for name, value in answer.headers:
            response[name] = value
        return response


staged_report_intake = StagedReportIntake.as_view()
