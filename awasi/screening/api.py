"""/api/v1/screening/: candidate lists and their candidates' screening status (read-only).

For Bawaslu's own tools (e.g. a spreadsheet that follows who still owes a resignation letter):
the same scope as the pages (Bawaslu officers of the list's area), NIK masked, the flagged
registry people with category, employer, score, decision, review and the reasons in words.
"""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet
from django.urls import path
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import generics, permissions, serializers
from rest_framework.exceptions import PermissionDenied

from awasi.accounts.scoping import is_bawaslu

from . import selectors
from .access import access_list
from .choices import CandidateStatus
from .models import Candidate, CandidateList, MatchPair


class BawasluOnly(permissions.IsAuthenticated):
    def has_permission(self, request: Any, view: Any) -> bool:
        if not super().has_permission(request, view):
            return False
        if not is_bawaslu(request.user):
            raise PermissionDenied("Candidate screening is for Bawaslu officers.")
        return True


class ListSerializer(serializers.ModelSerializer):
    election = serializers.SlugRelatedField(slug_field="slug", read_only=True)
    counts = serializers.SerializerMethodField()

    class Meta:
        model = CandidateList
        fields = ["id", "name", "election", "region", "level", "stage", "is_synthetic", "counts"]

    def get_counts(self, obj: Any) -> dict[str, int]:
        return {s: getattr(obj, f"n_{s}", 0) for s in ["total", *CandidateStatus.values]}


class MatchSerializer(serializers.ModelSerializer):
    person_id = serializers.CharField(source="person.external_id")
    person_name = serializers.CharField(source="person.full_name")
    category = serializers.CharField(source="person.category")
    employer = serializers.CharField(source="person.employer")

    class Meta:
        model = MatchPair
        fields = ["person_id", "person_name", "category", "employer", "score", "decision",
                  "outcome", "reasons"]  # fmt: skip


class CandidateSerializer(serializers.ModelSerializer):
    candidate_id = serializers.CharField(source="external_id")
    nik = serializers.CharField(source="nik_masked")
    matches = MatchSerializer(many=True, read_only=True)
    has_proof = serializers.SerializerMethodField()

    class Meta:
        model = Candidate
        fields = ["id", "candidate_id", "full_name", "party", "dapil", "number", "nik", "status",
                  "legal_ruling", "has_proof", "matches"]  # fmt: skip

    def get_has_proof(self, obj: Any) -> bool:
        return bool(obj.proofs.all())


class Lists(generics.ListAPIView):
    """Candidate lists of your area, with candidate counts per status."""

    permission_classes = [BawasluOnly]
    serializer_class = ListSerializer

    def get_queryset(self) -> QuerySet[CandidateList]:
        return selectors.lists_with_counts(self.request.user)


class Candidates(generics.ListAPIView):
    """One list's candidates (``?status=`` to filter), each with its flagged registry people."""

    permission_classes = [BawasluOnly]
    serializer_class = CandidateSerializer

    @extend_schema(parameters=[OpenApiParameter("status", str, enum=CandidateStatus.values)])
    def get(self, request: Any, *args: Any, **kwargs: Any) -> Any:
        return super().get(request, *args, **kwargs)

    def get_queryset(self) -> QuerySet[Candidate]:
        if getattr(self, "swagger_fake_view", False):  # OpenAPI schema generation
            return Candidate.objects.none()
        clist = access_list(self.request.user, self.kwargs["pk"])
        rows = clist.candidates.prefetch_related("matches__person", "proofs").order_by("pk")
        status = self.request.query_params.get("status")
        return rows.filter(status=status) if status else rows


router_urls = [
    path("screening/lists/", Lists.as_view(), name="screening-lists"),
    path("screening/lists/<int:pk>/candidates/", Candidates.as_view(), name="screening-candidates"),
]
