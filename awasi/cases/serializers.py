"""API shapes. No serializer here ever carries reporter identity (it is need-to-know)."""

from __future__ import annotations

from rest_framework import serializers

from awasi.cases.choices import ReporterKind
from awasi.cases.models import Case, CaseDeadline, StatusChange
from awasi.elections.models import Election
from awasi.regions.models import Region


class ReporterInSerializer(serializers.Serializer):
    kind = serializers.ChoiceField(choices=ReporterKind.choices)
    name = serializers.CharField(max_length=200)
    address = serializers.CharField(max_length=300)
    nik = serializers.CharField(max_length=20, required=False, allow_blank=True, default="")
    phone = serializers.CharField(max_length=30, required=False, allow_blank=True, default="")
    email = serializers.EmailField(required=False, allow_blank=True, default="")


class WitnessInSerializer(serializers.Serializer):
    name = serializers.CharField(max_length=200)
    phone = serializers.CharField(max_length=30, required=False, allow_blank=True, default="")


class CaseInSerializer(serializers.Serializer):
    election = serializers.SlugRelatedField(slug_field="slug", queryset=Election.objects.all())
    region = serializers.PrimaryKeyRelatedField(queryset=Region.objects.all())
    title = serializers.CharField(max_length=200)
    description = serializers.CharField()
    reported_party = serializers.CharField(max_length=200)
    place = serializers.CharField(max_length=300)
    occurred_on = serializers.DateField()
    witnesses = WitnessInSerializer(many=True, required=False, default=list)


class ReportInSerializer(CaseInSerializer):
    known_on = serializers.DateField()
    reporter = ReporterInSerializer()


class FindingInSerializer(CaseInSerializer):
    discovered_on = serializers.DateField()
    violation_type = serializers.CharField(required=False, allow_blank=True, default="")


class TipInSerializer(serializers.Serializer):
    election = serializers.SlugRelatedField(slug_field="slug", queryset=Election.objects.all())
    region = serializers.PrimaryKeyRelatedField(queryset=Region.objects.all())
    description = serializers.CharField()
    place = serializers.CharField(required=False, allow_blank=True, default="")
    occurred_on = serializers.DateField(required=False, allow_null=True, default=None)
    contact = serializers.CharField(required=False, allow_blank=True, default="")


class StatusInSerializer(serializers.Serializer):
    tracking_code = serializers.CharField(max_length=20)
    secret = serializers.CharField(max_length=60)


class DeadlineSerializer(serializers.ModelSerializer):
    status = serializers.CharField(read_only=True)
    basis = serializers.CharField(source="rule.basis", read_only=True)
    rule_status = serializers.CharField(source="rule.status", read_only=True)
    owner_organisation = serializers.SlugRelatedField(slug_field="code", read_only=True)

    class Meta:
        model = CaseDeadline
        fields = ["step", "started_at", "due_at", "stopped_at", "status", "basis", "rule_status",
                  "owner_organisation", "note"]  # fmt: skip


class CaseSerializer(serializers.ModelSerializer):
    election = serializers.SlugRelatedField(slug_field="slug", read_only=True)
    organisation = serializers.SlugRelatedField(slug_field="code", read_only=True)
    next_due = serializers.DateTimeField(read_only=True, allow_null=True)
    assignee = serializers.SlugRelatedField(slug_field="username", read_only=True)

    class Meta:
        model = Case
        fields = [
            "id", "number", "tracking_code", "origin", "channel", "status", "violation_type",
            "outcome", "election", "region", "organisation", "title", "reported_party", "place",
            "occurred_on", "known_on", "received_at", "registered_at", "decided_at",
            "is_forwarded_to_gakkumdu", "assignee", "next_due", "version", "is_synthetic",
        ]  # fmt: skip


class CaseDetailSerializer(CaseSerializer):
    deadlines = DeadlineSerializer(many=True, read_only=True)

    class Meta(CaseSerializer.Meta):
        fields = [*CaseSerializer.Meta.fields, "description", "deadlines"]


class PublicHistorySerializer(serializers.ModelSerializer):
    status = serializers.CharField(source="to_status")
    status_label = serializers.CharField(source="get_to_status_display")
    notice = serializers.CharField(source="public_note")

    class Meta:
        model = StatusChange
        fields = ["at", "status", "status_label", "notice"]
