"""Supervision reports (*laporan hasil pengawasan*, LHP) and the ASN-neutrality register.

Both are internal to Bawaslu: other agencies and officers outside the region see none of them.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from awasi.core.models import TimeStampedModel, VersionedModel
from awasi.prevention.choices import (
    EmploymentKind,
    LegalReview,
    NeutralitySource,
    RecommendationTo,
    ReportStatus,
)
from awasi.prevention.scopes import bawaslu_region_q


class InternalQuerySet(models.QuerySet):
    def visible_to(self, user: object) -> InternalQuerySet:
        """Bawaslu users whose region covers the record's region; nobody else."""
        return self.filter(bawaslu_region_q(user, "region_id"))


class SupervisionReport(TimeStampedModel, VersionedModel):
    """An LHP: what was supervised, where, when, what was found; may become a finding (*temuan*)."""

    organisation = models.ForeignKey(
        "accounts.Organisation",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("supervisor's office"),
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("supervisor"),
    )
    stage = models.ForeignKey(
        "elections.Stage",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("election stage"),
    )
    region = models.ForeignKey(
        "regions.Region", on_delete=models.PROTECT, related_name="+", verbose_name=_("region")
    )
    polling_station = models.ForeignKey(
        "regions.PollingStation",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("TPS"),
    )
    supervised_at = models.DateTimeField(_("supervised at"))
    activity = models.CharField(_("what was supervised"), max_length=300)
    place = models.CharField(_("place"), max_length=300)
    result = models.TextField(_("what was found"))
    suspected_violation = models.BooleanField(_("suspected violation"), default=False)
    status = models.CharField(
        _("status"),
        max_length=18,
        choices=ReportStatus.choices,
        default=ReportStatus.SUBMITTED,
        db_index=True,
    )
    finding_case_id = models.PositiveBigIntegerField(_("finding (case id)"), null=True, blank=True)
    finding_reference = models.CharField(_("finding number"), max_length=120, blank=True)
    declared_at = models.DateTimeField(_("declared a finding at"), null=True, blank=True)
    is_synthetic = models.BooleanField(_("synthetic (demo)"), default=False)

    objects = InternalQuerySet.as_manager()

    class Meta:
        ordering = ["-supervised_at", "id"]
        verbose_name = _("supervision report (LHP)")
        verbose_name_plural = _("supervision reports (LHP)")

    def __str__(self) -> str:
        return f"LHP {self.pk} — {self.activity[:60]}"


class SupervisionPhoto(models.Model):
    """A photo attached to an LHP, checked by content and stored with its SHA-256."""

    report = models.ForeignKey(SupervisionReport, on_delete=models.PROTECT, related_name="photos")
    file = models.FileField(upload_to="prevention/lhp/")
    mime = models.CharField(max_length=40)
    size = models.PositiveIntegerField()
    sha256 = models.CharField(max_length=64)
    uploaded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["id"]

    def __str__(self) -> str:
        return self.sha256[:12]


class NeutralityCase(TimeStampedModel, VersionedModel):
    """An ASN/honorary-staff neutrality case and the follow-up of Bawaslu's recommendation.

    Routing as "violation of other laws": UU 7/2017 Pasal 455 ayat (1) huruf c (secondary);
    recipient KASN until 2024, then BKN, or the staffing officer (PPK) — legal-notes §4.3.
    """

    region = models.ForeignKey(
        "regions.Region", on_delete=models.PROTECT, related_name="+", verbose_name=_("region")
    )
    organisation = models.ForeignKey(
        "accounts.Organisation",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("handled by"),
    )
    name = models.CharField(_("name"), max_length=200)
    position = models.CharField(_("position"), max_length=200, blank=True)
    employer = models.CharField(_("employing agency"), max_length=200)
    employment = models.CharField(_("employment"), max_length=10, choices=EmploymentKind.choices)
    source = models.CharField(_("source"), max_length=14, choices=NeutralitySource.choices)
    supervision_report = models.ForeignKey(
        SupervisionReport,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("supervision report"),
    )
    source_reference = models.CharField(_("source reference"), max_length=200, blank=True)
    description = models.TextField(_("what happened"))
    occurred_on = models.DateField(_("occurred on"))
    recommendation_to = models.CharField(
        _("recommendation to"), max_length=6, choices=RecommendationTo.choices, blank=True
    )
    recommendation_number = models.CharField(_("recommendation number"), max_length=120, blank=True)
    recommendation_sent_on = models.DateField(_("recommendation sent on"), null=True, blank=True)
    acted_on = models.DateField(_("follow-up on"), null=True, blank=True)
    action_taken = models.TextField(_("follow-up taken"), blank=True)
    is_synthetic = models.BooleanField(_("synthetic (demo)"), default=False)

    objects = InternalQuerySet.as_manager()

    class Meta:
        ordering = ["-occurred_on", "id"]
        verbose_name = _("ASN neutrality case")
        verbose_name_plural = _("ASN neutrality register")

    def __str__(self) -> str:
        return f"{self.name} ({self.employer})"


class HonoraryCandidate(TimeStampedModel):
    """Honorary/contract staff running as a candidate, flagged for manual legal review.

    Whether they must resign is contested (UU 7/2017 Pasal 240 ayat (1) huruf k; KPU offices
    disagree — legal-notes §4.4, UNVERIFIED), so Awasi never classifies them automatically.
    """

    region = models.ForeignKey(
        "regions.Region", on_delete=models.PROTECT, related_name="+", verbose_name=_("region")
    )
    election = models.ForeignKey(
        "elections.Election",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("election"),
    )
    name = models.CharField(_("name"), max_length=200)
    employer = models.CharField(_("employing agency"), max_length=200)
    employment = models.CharField(_("employment"), max_length=10, choices=EmploymentKind.choices)
    party = models.CharField(_("party"), max_length=120)
    office_sought = models.CharField(_("running for"), max_length=200)
    review = models.CharField(
        _("legal review"),
        max_length=10,
        choices=LegalReview.choices,
        default=LegalReview.PENDING,
    )
    review_note = models.TextField(_("review note"), blank=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    is_synthetic = models.BooleanField(_("synthetic (demo)"), default=False)

    objects = InternalQuerySet.as_manager()

    class Meta:
        ordering = ["review", "name"]
        verbose_name = _("honorary staff running as candidate")
        verbose_name_plural = _("honorary staff running as candidates")

    def __str__(self) -> str:
        return self.name
