from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ScreeningConfig(AppConfig):
    """Candidate screening (*pencermatan DCS/DCT*): registries and double candidacies."""

    name = "awasi.screening"
    verbose_name = _("Candidate screening")
    default_auto_field = "django.db.models.BigAutoField"
    nav_label = _("Screening")
    nav_url_name = "screening:index"
