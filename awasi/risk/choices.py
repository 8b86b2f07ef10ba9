"""Choices of the risk app: catalogue kinds, observation sources, TPS categories."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class CatalogueKind(models.TextChoices):
    TPS = "tps", _("TPS vulnerability mapping")
    IKP = "ikp", _("Election vulnerability index (IKP)")


class ObservationSource(models.TextChoices):
    FIELD = "field", _("Field form (supervisor)")
    IMPORT = "import", _("Bulk import")
    REGISTRY = "registry", _("Derived: TPS registry")
    CASES = "cases", _("Derived: violations handled nearby")


class TpsCategory(models.TextChoices):
    """Police TPS security categories (Mabes Polri 2024 three plus *TPS khusus*; legal-notes §8)."""

    KURANG_RAWAN = "kurang_rawan", _("Less vulnerable (kurang rawan)")
    RAWAN = "rawan", _("Vulnerable (rawan)")
    SANGAT_RAWAN = "sangat_rawan", _("Very vulnerable (sangat rawan)")
    KHUSUS = "khusus", _("Special (TPS khusus)")


class IkpCategory(models.TextChoices):
    RENDAH = "rendah", _("Low (rawan rendah)")
    SEDANG = "sedang", _("Medium (rawan sedang)")
    TINGGI = "tinggi", _("High (rawan tinggi)")
