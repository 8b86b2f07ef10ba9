"""Elections, their stage calendars, and admin corrections to the working-day calendar."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from awasi.elections.choices import LegalRegime, StageKind


class Election(models.Model):
    """An election event (Pemilu 2024, Pilkada 2024) and the legal regime that governs it."""

    slug = models.SlugField(_("code"), max_length=40, unique=True)
    name = models.CharField(_("name"), max_length=120)
    regime = models.CharField(_("legal regime"), max_length=10, choices=LegalRegime.choices)
    voting_on = models.DateField(_("voting day"))
    region_code = models.CharField(
        _("area"),
        max_length=16,
        blank=True,
        help_text=_("Empty for a national election; a province or regency code otherwise."),
    )
    max_voters_per_tps = models.PositiveIntegerField(_("maximum voters per TPS"), default=300)
    source = models.CharField(_("source"), max_length=300, blank=True)

    class Meta:
        ordering = ["-voting_on"]
        verbose_name = _("election")
        verbose_name_plural = _("elections")

    def __str__(self) -> str:
        return self.name

    def stage(self, kind: str) -> Stage | None:
        """The stage of this kind, if the calendar has it."""
        return self.stages.filter(kind=kind).first()


class Stage(models.Model):
    """One stage of an election's calendar (PKPU 3/2022 for Pemilu 2024)."""

    election = models.ForeignKey(
        Election, on_delete=models.CASCADE, related_name="stages", verbose_name=_("election")
    )
    kind = models.CharField(_("stage"), max_length=30, choices=StageKind.choices)
    name = models.CharField(_("name"), max_length=200)
    starts_on = models.DateField(_("starts"))
    ends_on = models.DateField(_("ends"))
    source = models.CharField(_("source"), max_length=300, blank=True)

    class Meta:
        ordering = ["election", "starts_on", "ends_on"]
        verbose_name = _("stage")
        verbose_name_plural = _("stages")
        constraints = [
            models.UniqueConstraint(fields=["election", "kind"], name="stage_unique_kind"),
            models.CheckConstraint(
                condition=models.Q(ends_on__gte=models.F("starts_on")), name="stage_dates_ordered"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.starts_on:%d %b %Y} – {self.ends_on:%d %b %Y})"

    def clean(self) -> None:
        if self.starts_on and self.ends_on and self.ends_on < self.starts_on:
            raise ValidationError(_("A stage cannot end before it starts."))


class CalendarOverride(models.Model):
    """An admin correction to the working-day calendar: a regional holiday or a late decree.

    `is_working_day=False` closes offices that day; `True` reopens a day the `holidays` package
    lists. An empty `region_code` applies everywhere; otherwise to that region's subtree.
    """

    on = models.DateField(_("date"))
    is_working_day = models.BooleanField(_("offices open"), default=False)
    region_code = models.CharField(_("region"), max_length=16, blank=True)
    reason = models.CharField(_("reason"), max_length=200)

    class Meta:
        ordering = ["on"]
        verbose_name = _("calendar correction")
        verbose_name_plural = _("calendar corrections")
        constraints = [
            models.UniqueConstraint(fields=["on", "region_code"], name="override_unique_day")
        ]

    def __str__(self) -> str:
        return f"{self.on} {self.reason}"
