from django.urls import path

from awasi.regions import views

app_name = "regions"
urlpatterns = [
    path("map/", views.map_page, name="map"),
    path("map.geojson", views.map_data, name="map_data"),
    path("tps/", views.tps_list, name="tps_list"),
    path("tps/import/", views.tps_import, name="tps_import"),
    path("police/", views.police_units, name="police_units"),
    path("dapil/", views.dapil_list, name="dapil_list"),
    path("sources/", views.attribution, name="attribution"),
    path("r/<str:code>/", views.region_detail, name="detail"),
]
