from django.contrib import admin

from awasi.regions.models import (
    ElectoralDistrict,
    Island,
    PoliceJurisdiction,
    PoliceUnit,
    PollingStation,
    Region,
)


@admin.register(Region)
class RegionAdmin(admin.ModelAdmin):
    list_display = ["code", "name", "level"]
    search_fields = ["code", "name"]
    list_filter = ["level"]


@admin.register(Island)
class IslandAdmin(admin.ModelAdmin):
    list_display = ["code", "name", "is_populated"]
    search_fields = ["code", "name"]


@admin.register(PollingStation)
class PollingStationAdmin(admin.ModelAdmin):
    list_display = ["code", "election", "voter_count", "special_location", "is_synthetic"]
    search_fields = ["code"]
    list_filter = ["election", "special_location", "is_synthetic"]
    raw_id_fields = ["village", "island"]


class JurisdictionInline(admin.TabularInline):
    model = PoliceJurisdiction
    raw_id_fields = ["region"]
    extra = 0


@admin.register(PoliceUnit)
class PoliceUnitAdmin(admin.ModelAdmin):
    list_display = ["code", "name", "kind", "parent"]
    search_fields = ["code", "name"]
    list_filter = ["kind"]
    inlines = [JurisdictionInline]


@admin.register(ElectoralDistrict)
class ElectoralDistrictAdmin(admin.ModelAdmin):
    list_display = ["name", "election", "level", "seats"]
    filter_horizontal = ["members"]
