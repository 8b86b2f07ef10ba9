"""Admin views of prevention records (read-mostly; changes go through the services and the UI)."""

from django.contrib import admin

from awasi.prevention import models


class PartyInline(admin.TabularInline):
    model = models.AgreementParty
    extra = 0


@admin.register(models.Agreement)
class AgreementAdmin(admin.ModelAdmin):
    list_display = ("title", "region", "starts_on", "ends_on", "status", "is_synthetic")
    list_filter = ("status", "is_synthetic")
    search_fields = ("title", "number")
    inlines = [PartyInline]
    readonly_fields = ("document_sha256", "version")


class ActionItemInline(admin.TabularInline):
    model = models.ActionItem
    extra = 0
    fields = ("description", "owner", "due_on", "status")
    readonly_fields = fields


@admin.register(models.Meeting)
class MeetingAdmin(admin.ModelAdmin):
    list_display = ("title", "held_at", "convened_by", "region")
    search_fields = ("title",)
    inlines = [ActionItemInline]


@admin.register(models.ActionItem)
class ActionItemAdmin(admin.ModelAdmin):
    list_display = ("description", "owner", "due_on", "status")
    list_filter = ("status",)
    readonly_fields = ("evidence_sha256", "completed_at", "completed_by", "version")


@admin.register(models.SupervisionReport)
class SupervisionReportAdmin(admin.ModelAdmin):
    list_display = ("id", "activity", "region", "supervised_at", "status")
    list_filter = ("status",)
    readonly_fields = ("finding_case_id", "finding_reference", "declared_at", "version")


admin.site.register(models.Socialisation)
admin.site.register(models.Patrol)
admin.site.register(models.Appeal)
admin.site.register(models.NeutralityCase)
admin.site.register(models.HonoraryCandidate)
