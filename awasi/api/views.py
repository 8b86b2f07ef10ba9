"""Reference-data endpoints: regions, islands, TPS, dapil, police units, elections, stages."""

from __future__ import annotations

from django.db.models import QuerySet
from django_filters import rest_framework as filters
from rest_framework import permissions, viewsets

from awasi.accounts.scoping import region_q
from awasi.api import serializers as s
from awasi.elections.models import Election, Stage
from awasi.regions.codes import subtree_q
from awasi.regions.models import ElectoralDistrict, Island, PoliceUnit, PollingStation, Region


class SubtreeFilter(filters.CharFilter):
    """`?within=19.04` keeps rows whose region code lies in that subtree."""

    def filter(self, qs: QuerySet, value: str) -> QuerySet:  # type: ignore[override]
        return qs.filter(subtree_q(self.field_name, value)) if value else qs


class RegionFilter(filters.FilterSet):
    within = SubtreeFilter(field_name="code")
    name = filters.CharFilter(lookup_expr="icontains")

    class Meta:
        model = Region
        fields = ["level", "parent"]


class RegionViewSet(viewsets.ReadOnlyModelViewSet):
    """Kemendagri regions (public reference data)."""

    queryset = Region.objects.all()
    serializer_class = s.RegionSerializer
    filterset_class = RegionFilter
    permission_classes = [permissions.AllowAny]
    lookup_value_regex = r"[0-9.]+"


class IslandViewSet(viewsets.ReadOnlyModelViewSet):
    """Islands with coordinates (public reference data)."""

    queryset = Island.objects.all()
    serializer_class = s.IslandSerializer
    permission_classes = [permissions.AllowAny]
    filterset_fields = ["regency", "is_populated"]
    lookup_value_regex = r"[0-9.]+"


class PollingStationFilter(filters.FilterSet):
    within = SubtreeFilter(field_name="village_id")
    election = filters.CharFilter(field_name="election__slug")

    class Meta:
        model = PollingStation
        fields = ["village", "special_location", "is_synthetic"]


class PollingStationViewSet(viewsets.ReadOnlyModelViewSet):
    """TPS in the caller's area."""

    serializer_class = s.PollingStationSerializer
    filterset_class = PollingStationFilter

    def get_queryset(self) -> QuerySet[PollingStation]:
        return (
            PollingStation.objects.filter(region_q(self.request.user, "village_id"))
            .select_related("election")
            .order_by("id")
        )


class DapilViewSet(viewsets.ReadOnlyModelViewSet):
    """Electoral districts with seats and member regions."""

    serializer_class = s.ElectoralDistrictSerializer
    filterset_fields = ["level", "area"]

    def get_queryset(self) -> QuerySet[ElectoralDistrict]:
        return (
            ElectoralDistrict.objects.select_related("election")
            .prefetch_related("members")
            .order_by("id")
        )


class PoliceUnitViewSet(viewsets.ReadOnlyModelViewSet):
    """Polda, Polres and Polsek with their jurisdiction."""

    serializer_class = s.PoliceUnitSerializer
    filterset_fields = ["kind"]
    lookup_field = "code"
    lookup_value_regex = r"[A-Z0-9.\-]+"

    def get_queryset(self) -> QuerySet[PoliceUnit]:
        return PoliceUnit.objects.select_related("parent").prefetch_related("jurisdiction")


class ElectionViewSet(viewsets.ReadOnlyModelViewSet):
    """Elections and their legal regime."""

    queryset = Election.objects.all()
    serializer_class = s.ElectionSerializer
    lookup_field = "slug"


class StageViewSet(viewsets.ReadOnlyModelViewSet):
    """Stages of each election's calendar."""

    queryset = Stage.objects.select_related("election")
    serializer_class = s.StageSerializer
    filterset_fields = ["kind"]

    def get_queryset(self) -> QuerySet[Stage]:
        slug = self.request.query_params.get("election")
        return self.queryset.filter(election__slug=slug) if slug else self.queryset
