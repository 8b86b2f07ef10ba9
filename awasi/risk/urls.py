from django.urls import path

from awasi.risk import views, views_entry

app_name = "risk"
urlpatterns = [
    path("", views.overview, name="overview"),
    path("map.json", views.map_data, name="map_data"),
    path("ranking/", views.ranking, name="ranking"),
    path("region/<str:code>/", views.region_profile, name="region"),
    path("compare/", views.compare, name="compare"),
    path("export/tps-categories.csv", views.export_categories, name="export_categories"),
    path("summary.pdf", views.summary_pdf, name="summary_pdf"),
    path("compute/", views.compute, name="compute"),
    path("observe/", views_entry.observe, name="observe"),
    path("import/", views_entry.import_observations, name="import"),
]
