from django.urls import path

from awasi.core import views

app_name = "core"
urlpatterns = [
    path("", views.home, name="home"),
    path("region/", views.pick_region, name="pick_region"),
    path("audit/", views.audit_log, name="audit_log"),
    path("healthz", views.healthz, name="healthz"),
]
