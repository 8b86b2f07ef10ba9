"""Choices for deployment planning."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class TpsCategory(models.TextChoices):
    """Police TPS security categories for Pemilu 2024 (Mabes Polri; legal-notes.md §8)."""

    KURANG_RAWAN = "kurang_rawan", _("Less vulnerable (kurang rawan)")
    RAWAN = "rawan", _("Vulnerable (rawan)")
    SANGAT_RAWAN = "sangat_rawan", _("Very vulnerable (sangat rawan)")
    KHUSUS = "khusus", _("Special TPS (khusus)")


class CategorySource(models.TextChoices):
    """Where a plan's TPS categories came from."""

    RISK = "risk", _("Vulnerability mapping (risk app)")
    FALLBACK = "fallback", _("Special-location flags only (no vulnerability mapping)")
    FILE = "file", _("Uploaded file")
