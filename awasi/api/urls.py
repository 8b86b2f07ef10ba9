"""/api/v1/: reference data here; each domain app adds its routes via `<app>.api.router_urls`."""

import importlib

from django.urls import path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerView
from rest_framework.authtoken.views import obtain_auth_token
from rest_framework.routers import DefaultRouter

from awasi.api import views

router = DefaultRouter()
router.register("regions", views.RegionViewSet, basename="region")
router.register("islands", views.IslandViewSet, basename="island")
router.register("tps", views.PollingStationViewSet, basename="tps")
router.register("dapil", views.DapilViewSet, basename="dapil")
router.register("police-units", views.PoliceUnitViewSet, basename="police-unit")
router.register("elections", views.ElectionViewSet, basename="election")
router.register("stages", views.StageViewSet, basename="stage")

DOMAIN_APPS = ["cases", "gakkumdu", "risk", "deployment", "screening", "prevention"]


def _domain_urls() -> list:
    urls: list = []
    for app in DOMAIN_APPS:
        try:
            module = importlib.import_module(f"awasi.{app}.api")
        except ModuleNotFoundError as exc:
            if exc.name != f"awasi.{app}.api":
                raise
            continue
        urls += getattr(module, "router_urls", [])
    return urls


urlpatterns = [
    path("auth/token/", obtain_auth_token, name="api-token"),
    path("schema/", SpectacularAPIView.as_view(), name="api-schema"),
    path("docs/", SpectacularSwaggerView.as_view(url_name="api-schema"), name="api-docs"),
    *_domain_urls(),
    *router.urls,
]
