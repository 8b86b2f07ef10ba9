from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RiskConfig(AppConfig):
    name = "awasi.risk"
    verbose_name = _("Vulnerability mapping")
    nav_label = _("Vulnerability")
    nav_url_name = "risk:overview"
