from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class GakkumduConfig(AppConfig):
    """Sentra Gakkumdu: joint handling of election crimes by Bawaslu, Polri and Kejaksaan."""

    name = "awasi.gakkumdu"
    verbose_name = _("Sentra Gakkumdu")
    nav_label = _("Gakkumdu")
    nav_url_name = "gakkumdu:index"
