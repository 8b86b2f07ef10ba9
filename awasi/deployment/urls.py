"""Deployment pages under /deployment/."""

from django.urls import path

from awasi.deployment import views

app_name = "deployment"

urlpatterns = [
    path("", views.plan_list, name="index"),
    path("new/", views.plan_create, name="create"),
    path("personnel/", views.personnel, name="personnel"),
    path("<int:pk>/", views.plan_detail, name="plan"),
    path("<int:pk>/coverage/", views.coverage, name="coverage"),
    path("<int:pk>/groups.geojson", views.groups_geojson, name="geojson"),
    path("<int:pk>/export.<str:fmt>", views.plan_export, name="export"),
    path("<int:pk>/unit/<str:unit_code>/", views.unit_plan, name="unit"),
]
