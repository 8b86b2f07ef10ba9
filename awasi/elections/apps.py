from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ElectionsConfig(AppConfig):
    name = "awasi.elections"
    verbose_name = _("Elections and stages")
    nav_label = _("Elections")
    nav_url_name = "elections:list"
