"""Anonymous tips: information only, never a formal report."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from awasi.accounts.scoping import is_bawaslu, region_q
from awasi.cases.choices import TipStatus


class TipQuerySet(models.QuerySet["Tip"]):
    def visible_to(self, user: object) -> TipQuerySet:
        """Bawaslu officers of the area; tips without a region only for national/province staff."""
        if not is_bawaslu(user):
            return self.none()
        return self.filter(region_q(user, "region_id"))


class Tip(models.Model):
    """What someone saw, sent without identity (heavy identity demands kept Gowaslu empty)."""

    election = models.ForeignKey(
        "elections.Election", on_delete=models.PROTECT, related_name="+", verbose_name=_("election")
    )
    region = models.ForeignKey(
        "regions.Region", on_delete=models.PROTECT, related_name="+", verbose_name=_("region")
    )
    place = models.CharField(_("place"), max_length=300, blank=True)
    occurred_on = models.DateField(_("date"), null=True, blank=True)
    description = models.TextField(_("what happened"))
    contact = models.CharField(_("contact (optional)"), max_length=200, blank=True)
    received_at = models.DateTimeField(_("received"))
    intake_key = models.CharField(max_length=100, null=True, blank=True, unique=True)
    status = models.CharField(
        _("status"), max_length=12, choices=TipStatus.choices, default=TipStatus.NEW
    )
    case = models.ForeignKey(
        "cases.Case",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("finding"),
    )
    is_synthetic = models.BooleanField(_("synthetic (demo)"), default=False)

    objects = TipQuerySet.as_manager()

    class Meta:
        ordering = ["-received_at"]
        verbose_name = _("anonymous tip")
        verbose_name_plural = _("anonymous tips")

    def __str__(self) -> str:
        return f"tip {self.pk}"
