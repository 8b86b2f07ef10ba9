"""Choices for the region, TPS, dapil and police registries."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class RegionLevel(models.TextChoices):
    PROVINCE = "province", _("Province")
    REGENCY = "regency", _("Regency/city")
    DISTRICT = "district", _("District (kecamatan)")
    VILLAGE = "village", _("Village (desa/kelurahan)")


class SpecialLocation(models.TextChoices):
    NONE = "", _("None")
    PRISON = "prison", _("Prison (lapas)")
    DETENTION = "detention", _("Detention centre (rutan)")
    HOSPITAL = "hospital", _("Hospital")
    CARE_HOME = "care_home", _("Care home / social institution")
    WORKSITE = "worksite", _("Mine, plantation or worksite")
    BOARDING_SCHOOL = "boarding_school", _("Boarding school (pesantren)")
    REMOTE = "remote", _("Remote or island location")


class DapilLevel(models.TextChoices):
    DPR = "dpr", _("DPR RI")
    DPRD_PROVINCE = "dprd_province", _("DPRD Provinsi")
    DPRD_REGENCY = "dprd_regency", _("DPRD Kabupaten/Kota")


class PoliceUnitKind(models.TextChoices):
    POLDA = "polda", _("Polda (regional police)")
    POLRES = "polres", _("Polres/Polresta (resort police)")
    POLSEK = "polsek", _("Polsek (sector police)")
