"""Admin: catalogues are edited here (the JSON is validated by the model's ``clean``); observations,
runs and IKP values are for inspection and correction."""

from django.contrib import admin

from awasi.core.audit import record
from awasi.risk.models import IkpScore, IndicatorCatalogue, Observation, ScoreRun


@admin.register(IndicatorCatalogue)
class IndicatorCatalogueAdmin(admin.ModelAdmin):
    list_display = ["name", "election", "kind", "slug", "updated_at"]
    list_filter = ["election", "kind"]

    def save_model(self, request, obj, form, change):  # type: ignore[no-untyped-def]
        super().save_model(request, obj, form, change)
        record(
            actor=request.user,
            action="risk.catalogue.edit",
            target=obj,
            data={"slug": obj.slug, "change": change},
        )


@admin.register(Observation)
class ObservationAdmin(admin.ModelAdmin):
    list_display = [
        "polling_station",
        "indicator",
        "value",
        "source",
        "observed_on",
        "recorded_by",
        "is_synthetic",
    ]
    list_filter = ["source", "is_synthetic", "catalogue"]
    search_fields = ["polling_station__code", "indicator"]
    raw_id_fields = ["polling_station", "recorded_by"]


@admin.register(ScoreRun)
class ScoreRunAdmin(admin.ModelAdmin):
    list_display = ["election", "region_code", "as_of", "tps_count", "seconds", "is_synthetic"]
    list_filter = ["election", "is_synthetic"]
    readonly_fields = ["tps_count", "seconds", "computed_by"]


@admin.register(IkpScore)
class IkpScoreAdmin(admin.ModelAdmin):
    list_display = ["region", "catalogue", "score", "category", "is_published", "source"]
    list_filter = ["catalogue", "is_published"]
