"""Top-level URLs: each app is mounted at its own prefix; the API at /api/v1/."""

from django.conf import settings
from django.conf.urls.static import static
from django.contrib import admin
from django.urls import include, path

DOMAIN_APPS = ["cases", "gakkumdu", "risk", "deployment", "screening", "prevention"]

urlpatterns = [
    path("", include("awasi.core.urls")),
    path("accounts/", include("awasi.accounts.urls")),
    path("regions/", include("awasi.regions.urls")),
    path("elections/", include("awasi.elections.urls")),
    path("api/v1/", include("awasi.api.urls")),
    path("i18n/", include("django.conf.urls.i18n")),
    path("admin/", admin.site.urls),
    *[path(f"{app}/", include(f"awasi.{app}.urls")) for app in DOMAIN_APPS],
]
if settings.DEBUG:
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
