"""The registry: regions, islands, polling stations (TPS), electoral districts, police units."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from awasi.core.models import TimeStampedModel
from awasi.regions.choices import DapilLevel, PoliceUnitKind, RegionLevel, SpecialLocation
from awasi.regions.codes import subtree_q


class RegionQuerySet(models.QuerySet["Region"]):
    def subtree(self, code: str | None) -> RegionQuerySet:
        """The region `code` and everything under it (the whole country for None)."""
        return self.filter(subtree_q("code", code))


class Region(models.Model):
    """A province, regency/city, district or village with its official Kemendagri code."""

    code = models.CharField(_("code"), max_length=16, primary_key=True)
    level = models.CharField(_("level"), max_length=10, choices=RegionLevel.choices, db_index=True)
    name = models.CharField(_("name"), max_length=120, db_index=True)
    parent = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
        verbose_name=_("parent"),
    )

    objects = RegionQuerySet.as_manager()

    class Meta:
        ordering = ["code"]
        verbose_name = _("region")
        verbose_name_plural = _("regions")

    def __str__(self) -> str:
        return f"{self.name} ({self.code})"

    @property
    def province_code(self) -> str:
        return self.code.split(".", 1)[0]


class Island(models.Model):
    """An island with its coordinates (Kemendagri island codes, e.g. `19.04.40012`)."""

    code = models.CharField(_("code"), max_length=16, primary_key=True)
    regency = models.ForeignKey(
        Region,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="islands",
        verbose_name=_("regency/city"),
    )
    name = models.CharField(_("name"), max_length=120)
    latitude = models.FloatField(_("latitude"), null=True, blank=True)
    longitude = models.FloatField(_("longitude"), null=True, blank=True)
    is_populated = models.BooleanField(_("inhabited"), default=False)
    is_outermost_small = models.BooleanField(_("outermost small island"), default=False)

    class Meta:
        ordering = ["code"]
        verbose_name = _("island")
        verbose_name_plural = _("islands")

    def __str__(self) -> str:
        return self.name


class PollingStationQuerySet(models.QuerySet["PollingStation"]):
    def in_region(self, code: str | None) -> PollingStationQuerySet:
        """TPS whose village lies under `code`."""
        return self.filter(subtree_q("village_id", code))


class PollingStation(TimeStampedModel):
    """A polling station (TPS) of one election in one village."""

    election = models.ForeignKey(
        "elections.Election",
        on_delete=models.PROTECT,
        related_name="polling_stations",
        verbose_name=_("election"),
    )
    village = models.ForeignKey(
        Region,
        on_delete=models.PROTECT,
        related_name="polling_stations",
        limit_choices_to={"level": RegionLevel.VILLAGE},
        verbose_name=_("village"),
    )
    number = models.PositiveSmallIntegerField(_("TPS number"))
    code = models.CharField(_("code"), max_length=32)
    address = models.CharField(_("address"), max_length=300, blank=True)
    voter_count = models.PositiveIntegerField(_("voters (DPT)"), default=0)
    latitude = models.FloatField(_("latitude"), null=True, blank=True)
    longitude = models.FloatField(_("longitude"), null=True, blank=True)
    special_location = models.CharField(
        _("special location"),
        max_length=20,
        choices=SpecialLocation.choices,
        blank=True,
        default=SpecialLocation.NONE,
    )
    island = models.ForeignKey(
        Island,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="polling_stations",
        verbose_name=_("island"),
    )
    is_synthetic = models.BooleanField(
        _("synthetic (demo)"),
        default=False,
        help_text=_("Generated for demonstration; not a real KPU polling station."),
    )

    objects = PollingStationQuerySet.as_manager()

    class Meta:
        ordering = ["election", "code"]
        verbose_name = _("polling station (TPS)")
        verbose_name_plural = _("polling stations (TPS)")
        constraints = [
            models.UniqueConstraint(fields=["election", "code"], name="tps_unique_code"),
            models.UniqueConstraint(
                fields=["election", "village", "number"], name="tps_unique_number"
            ),
        ]

    def __str__(self) -> str:
        return f"TPS {self.number:03d} {self.village.name}"

    @staticmethod
    def make_code(village_code: str, number: int) -> str:
        """The TPS code Awasi uses: village code + TPS number (`19.01.01.1001.TPS005`)."""
        return f"{village_code}.TPS{number:03d}"


class ElectoralDistrict(models.Model):
    """An electoral district (dapil) of one election and level, with its seats and regions."""

    election = models.ForeignKey(
        "elections.Election",
        on_delete=models.PROTECT,
        related_name="electoral_districts",
        verbose_name=_("election"),
    )
    level = models.CharField(_("level"), max_length=20, choices=DapilLevel.choices)
    area = models.ForeignKey(
        Region,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("area"),
        help_text=_("The province (DPR, DPRD Provinsi) or regency/city (DPRD Kabupaten/Kota)."),
    )
    number = models.PositiveSmallIntegerField(_("number"))
    name = models.CharField(_("name"), max_length=120)
    seats = models.PositiveSmallIntegerField(_("seats"))
    members = models.ManyToManyField(
        Region, related_name="electoral_districts", verbose_name=_("member regions")
    )
    source = models.CharField(_("source"), max_length=300, blank=True)
    is_synthetic = models.BooleanField(_("synthetic (demo)"), default=False)

    class Meta:
        ordering = ["election", "level", "area", "number"]
        verbose_name = _("electoral district (dapil)")
        verbose_name_plural = _("electoral districts (dapil)")
        constraints = [
            models.UniqueConstraint(
                fields=["election", "level", "area", "number"], name="dapil_unique_number"
            )
        ]

    def __str__(self) -> str:
        return self.name


class PoliceUnit(models.Model):
    """A Polda, Polres/Polresta or Polsek; its jurisdiction is its own, not the regency map."""

    code = models.CharField(_("code"), max_length=32, unique=True)
    kind = models.CharField(_("kind"), max_length=10, choices=PoliceUnitKind.choices)
    name = models.CharField(_("name"), max_length=120)
    parent = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
        verbose_name=_("parent unit"),
    )
    base_region = models.ForeignKey(
        Region,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("seat"),
    )
    latitude = models.FloatField(_("latitude"), null=True, blank=True)
    longitude = models.FloatField(_("longitude"), null=True, blank=True)
    is_synthetic = models.BooleanField(_("synthetic (demo)"), default=False)
    regions = models.ManyToManyField(
        Region,
        through="PoliceJurisdiction",
        related_name="police_units",
        verbose_name=_("jurisdiction"),
    )

    class Meta:
        ordering = ["code"]
        verbose_name = _("police unit")
        verbose_name_plural = _("police units")

    def __str__(self) -> str:
        return self.name


class PoliceJurisdiction(models.Model):
    """A region (regency, district or village) that a police unit covers."""

    unit = models.ForeignKey(PoliceUnit, on_delete=models.CASCADE, related_name="jurisdiction")
    region = models.ForeignKey(Region, on_delete=models.PROTECT, related_name="+")

    class Meta:
        verbose_name = _("police jurisdiction")
        verbose_name_plural = _("police jurisdictions")
        constraints = [
            models.UniqueConstraint(fields=["unit", "region"], name="jurisdiction_unique")
        ]

    def __str__(self) -> str:
        return f"{self.unit} · {self.region}"
