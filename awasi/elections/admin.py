from django.contrib import admin

from awasi.elections.models import CalendarOverride, Election, Stage


class StageInline(admin.TabularInline):
    model = Stage
    extra = 0


@admin.register(Election)
class ElectionAdmin(admin.ModelAdmin):
    list_display = ["name", "slug", "regime", "voting_on"]
    inlines = [StageInline]


@admin.register(CalendarOverride)
class CalendarOverrideAdmin(admin.ModelAdmin):
    list_display = ["on", "is_working_day", "region_code", "reason"]
    list_filter = ["is_working_day"]
