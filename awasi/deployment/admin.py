"""Admin for the configurable data: pattern sets and rules, personnel, rosters; plans read-only."""

from django.contrib import admin

from awasi.core.audit import record
from awasi.deployment.models import PatternProfile, PatternRule, Personnel, Plan, RosterMember


class AuditedAdmin(admin.ModelAdmin):
    """Admin changes to planning data are audited like service changes."""

    def save_model(self, request, obj, form, change):  # type: ignore[no-untyped-def]
        super().save_model(request, obj, form, change)
        record(
            actor=request.user,
            action=f"deployment.{obj._meta.model_name}_saved",
            target=obj,
            after={k: str(v) for k, v in form.cleaned_data.items()},
        )

    def save_formset(self, request, form, formset, change):  # type: ignore[no-untyped-def]
        super().save_formset(request, form, formset, change)
        record(actor=request.user, action="deployment.pattern_rules_saved", target=form.instance)

    def delete_model(self, request, obj):  # type: ignore[no-untyped-def]
        record(actor=request.user, action=f"deployment.{obj._meta.model_name}_deleted", target=obj)
        super().delete_model(request, obj)


class PatternRuleInline(admin.TabularInline):
    model = PatternRule
    extra = 0
    raw_id_fields = ["unit"]


@admin.register(PatternProfile)
class PatternProfileAdmin(AuditedAdmin):
    list_display = ["label", "election", "is_default", "source"]
    list_filter = ["election", "is_default"]
    inlines = [PatternRuleInline]


@admin.register(Personnel)
class PersonnelAdmin(AuditedAdmin):
    list_display = ["unit", "election", "available", "is_synthetic", "source"]
    list_filter = ["election", "is_synthetic"]
    raw_id_fields = ["unit"]


@admin.register(RosterMember)
class RosterMemberAdmin(AuditedAdmin):
    list_display = ["name", "rank", "unit", "election", "is_synthetic"]
    list_filter = ["election", "unit"]
    search_fields = ["name", "nrp"]


@admin.register(Plan)
class PlanAdmin(admin.ModelAdmin):
    list_display = [
        "title",
        "election",
        "region",
        "required",
        "available",
        "shortfall",
        "created_at",
    ]
    list_filter = ["election"]

    def has_change_permission(self, request, obj=None):  # type: ignore[no-untyped-def]
        return False

    def has_add_permission(self, request):  # type: ignore[no-untyped-def]
        return False
