from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RegionsConfig(AppConfig):
    name = "awasi.regions"
    verbose_name = _("Regions and polling stations")
    nav_label = _("Map")
    nav_url_name = "regions:map"
