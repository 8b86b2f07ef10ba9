"""Choices for organisations, their levels and users' roles."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Agency(models.TextChoices):
    BAWASLU = "bawaslu", _("Bawaslu")
    POLRI = "polri", _("Polri")
    KEJAKSAAN = "kejaksaan", _("Kejaksaan")
    KPU = "kpu", _("KPU")
    DKPP = "dkpp", _("DKPP")
    OTHER = "other", _("Other agency")


class OrgLevel(models.TextChoices):
    NATIONAL = "national", _("National")
    PROVINCE = "province", _("Province")
    REGENCY = "regency", _("Regency/city")
    DISTRICT = "district", _("District")
    VILLAGE = "village", _("Village")
    TPS = "tps", _("Polling station")


class OrgKind(models.TextChoices):
    BAWASLU_RI = "bawaslu_ri", _("Bawaslu RI")
    BAWASLU_PROVINCE = "bawaslu_province", _("Bawaslu Provinsi")
    BAWASLU_REGENCY = "bawaslu_regency", _("Bawaslu Kabupaten/Kota")
    PANWASLU_DISTRICT = "panwaslu_district", _("Panwaslu Kecamatan")
    PANWASLU_VILLAGE = "panwaslu_village", _("Panwaslu Kelurahan/Desa")
    PENGAWAS_TPS = "pengawas_tps", _("Pengawas TPS")
    MABES_POLRI = "mabes_polri", _("Mabes Polri")
    POLDA = "polda", _("Polda")
    POLRES = "polres", _("Polres/Polresta")
    POLSEK = "polsek", _("Polsek")
    KEJAGUNG = "kejagung", _("Kejaksaan Agung")
    KEJATI = "kejati", _("Kejaksaan Tinggi")
    KEJARI = "kejari", _("Kejaksaan Negeri")
    KPU_RI = "kpu_ri", _("KPU RI")
    KPU_PROVINCE = "kpu_province", _("KPU Provinsi")
    KPU_REGENCY = "kpu_regency", _("KPU Kabupaten/Kota")
    DKPP = "dkpp", _("DKPP")
    BKN = "bkn", _("BKN")
    MINISTRY = "ministry", _("Ministry or agency")
    OTHER = "other", _("Other")


AGENCY_OF_KIND = {
    **dict.fromkeys(
        [
            "bawaslu_ri",
            "bawaslu_province",
            "bawaslu_regency",
            "panwaslu_district",
            "panwaslu_village",
            "pengawas_tps",
        ],
        Agency.BAWASLU,
    ),
    **dict.fromkeys(["mabes_polri", "polda", "polres", "polsek"], Agency.POLRI),
    **dict.fromkeys(["kejagung", "kejati", "kejari"], Agency.KEJAKSAAN),
    **dict.fromkeys(["kpu_ri", "kpu_province", "kpu_regency"], Agency.KPU),
    "dkpp": Agency.DKPP,
    **dict.fromkeys(["bkn", "ministry", "other"], Agency.OTHER),
}


class Role(models.TextChoices):
    ADMIN = "admin", _("Administrator")
    COMMISSIONER = "commissioner", _("Commissioner (pimpinan)")
    OFFICER = "officer", _("Officer (staf)")
    INVESTIGATOR = "investigator", _("Investigator (penyidik)")
    PROSECUTOR = "prosecutor", _("Prosecutor (jaksa)")
    VIEWER = "viewer", _("Viewer")
