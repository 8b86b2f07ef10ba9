"""Admin: legal officers correct the deadline rule table here when a regulation changes."""

from django.contrib import admin

from awasi.cases.models import Case, CaseDeadline, DeadlineRule, Evidence, IntakeSubmission, Tip


@admin.register(DeadlineRule)
class DeadlineRuleAdmin(admin.ModelAdmin):
    list_display = ("regime", "step", "variant", "amount", "counting", "status", "is_active")
    list_filter = ("regime", "counting", "status", "is_active")
    search_fields = ("step", "basis")


@admin.register(Case)
class CaseAdmin(admin.ModelAdmin):
    list_display = ("label", "origin", "status", "region", "election", "received_at")
    list_filter = ("status", "origin", "election")
    search_fields = ("number", "tracking_code", "title")
    readonly_fields = ("number", "tracking_code", "status", "version")
    raw_id_fields = ("assignee", "merged_into", "region", "organisation")


@admin.register(CaseDeadline)
class CaseDeadlineAdmin(admin.ModelAdmin):
    list_display = ("case", "step", "started_at", "due_at", "stopped_at")
    list_filter = ("step",)
    raw_id_fields = ("case",)


@admin.register(Evidence)
class EvidenceAdmin(admin.ModelAdmin):
    list_display = ("original_name", "case", "version", "sha256", "uploaded_at")
    raw_id_fields = ("case", "supersedes")

    def has_change_permission(self, request, obj=None):  # type: ignore[no-untyped-def]
        return False

    def has_delete_permission(self, request, obj=None):  # type: ignore[no-untyped-def]
        return False


@admin.register(Tip)
class TipAdmin(admin.ModelAdmin):
    list_display = ("pk", "election", "region", "status", "received_at")
    list_filter = ("status",)


@admin.register(IntakeSubmission)
class IntakeSubmissionAdmin(admin.ModelAdmin):
    """Read-only queue view; the payload (reporter identity) is deliberately not shown."""

    list_display = ("tracking_code", "key", "received_at", "processed_at", "case")
    fields = ("tracking_code", "key", "received_at", "processed_at", "case", "error")
    readonly_fields = fields
    raw_id_fields = ("case",)

    def has_add_permission(self, request):  # type: ignore[no-untyped-def]
        return False

    def has_change_permission(self, request, obj=None):  # type: ignore[no-untyped-def]
        return False
