"""Admin: units and members, and the discussion time limits a legal officer may configure."""

from django.contrib import admin

from awasi.gakkumdu.models import (
    ClosureRequest,
    DiscussionRule,
    FileEvent,
    GakkumduMember,
    GakkumduUnit,
    JointFile,
)


class MemberInline(admin.TabularInline):
    model = GakkumduMember
    extra = 0
    autocomplete_fields = ["user"]


@admin.register(GakkumduUnit)
class GakkumduUnitAdmin(admin.ModelAdmin):
    list_display = ["code", "name", "level", "bawaslu", "police", "prosecutor", "is_synthetic"]
    list_filter = ["level"]
    search_fields = ["code", "name"]
    inlines = [MemberInline]


@admin.register(DiscussionRule)
class DiscussionRuleAdmin(admin.ModelAdmin):
    """No source fixes these limits (legal-notes §2.3): none ships; each row states its basis."""

    list_display = ["regime", "number", "amount", "counting", "status", "basis"]
    list_filter = ["regime", "status"]


class EventInline(admin.TabularInline):
    model = FileEvent
    extra = 0
    can_delete = False
    readonly_fields = [f.name for f in FileEvent._meta.fields]

    def has_add_permission(self, request, obj=None):  # type: ignore[no-untyped-def]
        return False


@admin.register(JointFile)
class JointFileAdmin(admin.ModelAdmin):
    """Read-only: files change only through the services (order, agency, audit)."""

    list_display = ["number", "title", "unit", "police", "stage", "is_synthetic"]
    list_filter = ["stage", "unit", "is_synthetic"]
    search_fields = ["number", "title"]
    inlines = [EventInline]

    def has_change_permission(self, request, obj=None):  # type: ignore[no-untyped-def]
        return False

    def has_add_permission(self, request):  # type: ignore[no-untyped-def]
        return False


@admin.register(ClosureRequest)
class ClosureRequestAdmin(admin.ModelAdmin):
    list_display = ["file", "kind", "agency", "status", "created_at"]
    list_filter = ["status", "kind"]

    def has_change_permission(self, request, obj=None):  # type: ignore[no-untyped-def]
        return False
