"""Deployment planning: security patterns per election, personnel per unit, saved guard plans."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from awasi.accounts.scoping import has_national_scope
from awasi.core.models import TimeStampedModel
from awasi.deployment.choices import CategorySource, TpsCategory
from awasi.regions.codes import ancestors, subtree_q


class PatternProfile(TimeStampedModel):
    """A named set of security patterns for one election, with its source (configurable data)."""

    election = models.ForeignKey(
        "elections.Election", on_delete=models.PROTECT, related_name="+", verbose_name=_("election")
    )
    slug = models.SlugField(_("code"), max_length=60)
    label = models.CharField(_("name"), max_length=200)
    source = models.CharField(_("source"), max_length=400)
    note = models.TextField(_("note"), blank=True)
    is_default = models.BooleanField(_("default for the election"), default=False)

    class Meta:
        ordering = ["election", "-is_default", "label"]
        verbose_name = _("security pattern set")
        verbose_name_plural = _("security pattern sets")
        constraints = [
            models.UniqueConstraint(fields=["election", "slug"], name="deploy_profile_slug"),
            models.UniqueConstraint(
                fields=["election"], condition=Q(is_default=True), name="deploy_one_default_profile"
            ),
        ]

    def __str__(self) -> str:
        return self.label


class PatternRule(models.Model):
    """Officers per group, TPS per group and linmas per TPS for one category; a unit makes it an
    override for that Polres (and its Polsek)."""

    profile = models.ForeignKey(PatternProfile, on_delete=models.CASCADE, related_name="rules")
    unit = models.ForeignKey(
        "regions.PoliceUnit",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("police unit (override)"),
    )
    category = models.CharField(_("category"), max_length=20, choices=TpsCategory.choices)
    police_per_group = models.PositiveSmallIntegerField(_("police per group"))
    tps_per_group = models.PositiveSmallIntegerField(_("TPS per group"))
    linmas_per_tps = models.PositiveSmallIntegerField(_("linmas per TPS"))
    source = models.CharField(_("source"), max_length=400, blank=True)

    class Meta:
        ordering = ["profile", "unit", "category"]
        verbose_name = _("security pattern")
        verbose_name_plural = _("security patterns")
        constraints = [
            models.UniqueConstraint(
                fields=["profile", "category"],
                condition=Q(unit=None),
                name="deploy_rule_unique_default",
            ),
            models.UniqueConstraint(
                fields=["profile", "unit", "category"],
                condition=Q(unit__isnull=False),
                name="deploy_rule_unique",
            ),
            models.CheckConstraint(
                condition=Q(police_per_group__gte=1) & Q(tps_per_group__gte=1),
                name="deploy_rule_positive",
            ),
        ]

    def __str__(self) -> str:
        p, t, li = self.police_per_group, self.tps_per_group, self.linmas_per_tps
        return f"{self.category}: {p}/{t}/{li}"


class Personnel(TimeStampedModel):
    """Officers a unit can put on TPS duty for an election; a Polda's count is its BKO pool."""

    election = models.ForeignKey(
        "elections.Election", on_delete=models.PROTECT, related_name="+", verbose_name=_("election")
    )
    unit = models.ForeignKey(
        "regions.PoliceUnit",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("police unit"),
    )
    available = models.PositiveIntegerField(_("officers available"))
    source = models.CharField(_("source"), max_length=400, blank=True)
    is_synthetic = models.BooleanField(_("synthetic (demo)"), default=False)

    class Meta:
        ordering = ["election", "unit__code"]
        verbose_name = _("available personnel")
        verbose_name_plural = _("available personnel")
        constraints = [
            models.UniqueConstraint(fields=["election", "unit"], name="deploy_personnel_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.unit} · {self.available}"


class RosterMember(models.Model):
    """A named officer of a unit available for an election (police-only personal data); when a
    unit has a roster, the roster's size is its available count."""

    election = models.ForeignKey(
        "elections.Election", on_delete=models.PROTECT, related_name="+", verbose_name=_("election")
    )
    unit = models.ForeignKey(
        "regions.PoliceUnit",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("police unit"),
    )
    name = models.CharField(_("name"), max_length=200)
    rank = models.CharField(_("rank"), max_length=60, blank=True)
    nrp = models.CharField(_("NRP"), max_length=20, blank=True)
    is_synthetic = models.BooleanField(_("synthetic (demo)"), default=False)

    class Meta:
        ordering = ["unit__code", "name"]
        verbose_name = _("roster member")
        verbose_name_plural = _("roster")

    def __str__(self) -> str:
        return f"{self.rank} {self.name}".strip()


class PlanQuerySet(models.QuerySet["Plan"]):
    def visible_to(self, user: Any) -> PlanQuerySet:
        """Plans of police and Bawaslu users whose area overlaps the plan's region."""
        from awasi.deployment.access import plan_scope

        if plan_scope(user) is None:
            return self.none()
        if has_national_scope(user):
            return self
        code = user.region_code
        return self.filter(subtree_q("region_id", code) | Q(region_id__in=ancestors(code)))


class Plan(TimeStampedModel):
    """A saved guard plan for the TPS of one region in one election, with its totals."""

    election = models.ForeignKey(
        "elections.Election", on_delete=models.PROTECT, related_name="+", verbose_name=_("election")
    )
    region = models.ForeignKey(
        "regions.Region", on_delete=models.PROTECT, related_name="+", verbose_name=_("region")
    )
    profile = models.ForeignKey(
        PatternProfile,
        on_delete=models.PROTECT,
        related_name="plans",
        verbose_name=_("security pattern set"),
    )
    title = models.CharField(_("title"), max_length=200)
    category_source = models.CharField(
        _("categories from"), max_length=20, choices=CategorySource.choices
    )
    options = models.JSONField(_("options"), default=dict)
    required = models.PositiveIntegerField(_("officers required"))
    available = models.PositiveIntegerField(_("officers available"))
    reinforcement_pool = models.PositiveIntegerField(_("Polda reinforcement pool"))
    reinforcements = models.PositiveIntegerField(_("reinforcements proposed"))
    shortfall = models.PositiveIntegerField(_("shortfall"))
    lower_bound = models.PositiveIntegerField(_("lower bound"))
    tps = models.PositiveIntegerField(_("TPS"))
    linmas = models.PositiveIntegerField(_("linmas"))
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("created by"),
    )
    is_synthetic = models.BooleanField(_("synthetic (demo)"), default=False)

    objects = PlanQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("deployment plan")
        verbose_name_plural = _("deployment plans")

    def __str__(self) -> str:
        return self.title

    @property
    def gap(self) -> int:
        """Officers above the lower bound."""
        return self.required - self.lower_bound


class PlanUnit(models.Model):
    """Totals of one Polres (with its Polsek, whose personnel it pools) in a plan."""

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="units")
    unit = models.ForeignKey("regions.PoliceUnit", on_delete=models.PROTECT, related_name="+")
    groups = models.PositiveIntegerField(default=0)
    tps = models.PositiveIntegerField(default=0)
    required = models.PositiveIntegerField(default=0)
    guarded = models.PositiveIntegerField(default=0)
    linmas = models.PositiveIntegerField(default=0)
    available = models.PositiveIntegerField(default=0)
    own_used = models.PositiveIntegerField(default=0)
    reinforcements = models.PositiveIntegerField(default=0)
    lent = models.PositiveIntegerField(default=0)
    shortfall = models.PositiveIntegerField(default=0)
    tps_by_category = models.JSONField(default=dict)

    class Meta:
        ordering = ["plan", "unit__code"]
        constraints = [models.UniqueConstraint(fields=["plan", "unit"], name="deploy_plan_unit")]

    def __str__(self) -> str:
        return f"{self.plan_id} · {self.unit_id}"


class GuardGroup(models.Model):
    """TPS of one village and category guarded together by the pattern's officers."""

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="groups")
    number = models.PositiveIntegerField()
    unit = models.ForeignKey("regions.PoliceUnit", on_delete=models.PROTECT, related_name="+")
    polres = models.ForeignKey("regions.PoliceUnit", on_delete=models.PROTECT, related_name="+")
    village = models.ForeignKey("regions.Region", on_delete=models.PROTECT, related_name="+")
    category = models.CharField(max_length=20, choices=TpsCategory.choices)
    police = models.PositiveSmallIntegerField()
    tps = models.PositiveSmallIntegerField()
    linmas = models.PositiveSmallIntegerField()
    is_isolated = models.BooleanField(default=False)
    is_covered = models.BooleanField(default=False)
    latitude = models.FloatField(null=True)
    longitude = models.FloatField(null=True)

    class Meta:
        ordering = ["plan", "number"]
        constraints = [models.UniqueConstraint(fields=["plan", "number"], name="deploy_group_no")]

    def __str__(self) -> str:
        return f"G{self.number:06d}"

    @property
    def label(self) -> str:
        """The group id as written to PLAN.csv."""
        return f"G{self.number:06d}"


class PlanStation(models.Model):
    """One TPS in a plan: its group, category and linmas."""

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="stations")
    group = models.ForeignKey(GuardGroup, on_delete=models.CASCADE, related_name="stations")
    station = models.ForeignKey(
        "regions.PollingStation", on_delete=models.PROTECT, related_name="+"
    )
    category = models.CharField(max_length=20, choices=TpsCategory.choices)
    linmas = models.PositiveSmallIntegerField()

    class Meta:
        ordering = ["plan", "station__code"]
        constraints = [
            models.UniqueConstraint(fields=["plan", "station"], name="deploy_station_once"),
        ]

    def __str__(self) -> str:
        return f"{self.plan_id} · {self.station_id}"


class Reinforcement(models.Model):
    """A proposed transfer of officers (BKO) from a Polres or the Polda to a short Polres."""

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="transfers")
    source = models.ForeignKey("regions.PoliceUnit", on_delete=models.PROTECT, related_name="+")
    target = models.ForeignKey("regions.PoliceUnit", on_delete=models.PROTECT, related_name="+")
    officers = models.PositiveIntegerField()
    km = models.FloatField()

    class Meta:
        ordering = ["plan", "target__code", "source__code"]

    def __str__(self) -> str:
        return f"{self.source_id} → {self.target_id}: {self.officers}"


class GuardAssignment(models.Model):
    """A named roster member put on a guard group (shown to police only)."""

    group = models.ForeignKey(GuardGroup, on_delete=models.CASCADE, related_name="guards")
    member = models.ForeignKey(RosterMember, on_delete=models.PROTECT, related_name="+")

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["group", "member"], name="deploy_guard_once"),
        ]

    def __str__(self) -> str:
        return f"{self.group_id} · {self.member_id}"
