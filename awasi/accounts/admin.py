from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin

from awasi.accounts.models import Organisation, User


@admin.register(Organisation)
class OrganisationAdmin(admin.ModelAdmin):
    list_display = ["code", "name", "kind", "agency", "level", "region"]
    list_filter = ["agency", "level"]
    search_fields = ["code", "name"]
    raw_id_fields = ["region", "parent", "police_unit"]


@admin.register(User)
class UserAdmin(BaseUserAdmin):
    fieldsets = [*BaseUserAdmin.fieldsets, ("Awasi", {"fields": ["organisation", "role", "phone"]})]
    list_display = ["username", "organisation", "role", "is_staff"]
    list_filter = ["role", "organisation__agency"]
