from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DeploymentConfig(AppConfig):
    """Police deployment planning for polling stations (pengamanan TPS)."""

    name = "awasi.deployment"
    verbose_name = _("Deployment planning")
    nav_label = _("TPS security")
    nav_url_name = "deployment:index"
