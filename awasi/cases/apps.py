from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CasesConfig(AppConfig):
    """Findings and reports of election violations under statutory deadlines."""

    name = "awasi.cases"
    verbose_name = _("Cases")
    default_auto_field = "django.db.models.BigAutoField"
    nav_label = _("Cases")
    nav_url_name = "cases:list"
