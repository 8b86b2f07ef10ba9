from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PreventionConfig(AppConfig):
    """Prevention and inter-agency cooperation (*pencegahan dan kerja sama*)."""

    name = "awasi.prevention"
    verbose_name = _("Prevention and cooperation")
    default_auto_field = "django.db.models.BigAutoField"
    nav_label = _("Prevention")
    nav_url_name = "prevention:dashboard"
