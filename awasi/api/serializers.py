"""Serializers for the reference data."""

from rest_framework import serializers

from awasi.elections.models import Election, Stage
from awasi.regions.models import ElectoralDistrict, Island, PoliceUnit, PollingStation, Region


class RegionSerializer(serializers.ModelSerializer):
    class Meta:
        model = Region
        fields = ["code", "level", "name", "parent"]


class IslandSerializer(serializers.ModelSerializer):
    class Meta:
        model = Island
        fields = [
            "code",
            "name",
            "regency",
            "latitude",
            "longitude",
            "is_populated",
            "is_outermost_small",
        ]


class PollingStationSerializer(serializers.ModelSerializer):
    election = serializers.SlugRelatedField(slug_field="slug", read_only=True)

    class Meta:
        model = PollingStation
        fields = [
            "id",
            "code",
            "election",
            "village",
            "number",
            "address",
            "voter_count",
            "latitude",
            "longitude",
            "special_location",
            "island",
            "is_synthetic",
        ]


class ElectoralDistrictSerializer(serializers.ModelSerializer):
    election = serializers.SlugRelatedField(slug_field="slug", read_only=True)

    class Meta:
        model = ElectoralDistrict
        fields = [
            "id",
            "election",
            "level",
            "area",
            "number",
            "name",
            "seats",
            "members",
            "source",
            "is_synthetic",
        ]


class PoliceUnitSerializer(serializers.ModelSerializer):
    parent = serializers.SlugRelatedField(slug_field="code", read_only=True)
    jurisdiction = serializers.SerializerMethodField()

    class Meta:
        model = PoliceUnit
        fields = ["code", "kind", "name", "parent", "base_region", "jurisdiction", "is_synthetic"]

    def get_jurisdiction(self, unit: PoliceUnit) -> list[str]:
        return [j.region_id for j in unit.jurisdiction.all()]


class StageSerializer(serializers.ModelSerializer):
    election = serializers.SlugRelatedField(slug_field="slug", read_only=True)

    class Meta:
        model = Stage
        fields = ["id", "election", "kind", "name", "starts_on", "ends_on", "source"]


class ElectionSerializer(serializers.ModelSerializer):
    class Meta:
        model = Election
        fields = ["slug", "name", "regime", "voting_on", "region_code", "max_voters_per_tps"]
