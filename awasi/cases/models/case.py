"""Cases (findings and reports), the people in them, and their history."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from awasi.accounts.choices import Agency
from awasi.accounts.scoping import NOTHING, has_national_scope, is_agency, region_q
from awasi.cases.choices import (
    CaseOrigin,
    CaseStatus,
    Channel,
    FollowUpStatus,
    PartyRole,
    Recipient,
    ReporterKind,
    ViolationType,
)
from awasi.core.models import TimeStampedModel, VersionedModel


class CaseQuerySet(models.QuerySet["Case"]):
    """Scoped reads of cases."""

    def visible_to(self, user: Any) -> CaseQuerySet:
        """Bawaslu sees its area; police and prosecutors see the crime cases sent to Gakkumdu
        in their area; everyone else (and the public) sees nothing here."""
        if not getattr(user, "is_authenticated", False):
            return self.none()
        if has_national_scope(user) and is_agency(user, Agency.BAWASLU):
            return self.all()
        if is_agency(user, Agency.BAWASLU):
            return self.filter(region_q(user, "region_id"))
        if is_agency(user, Agency.POLRI) or is_agency(user, Agency.KEJAKSAAN):
            return self.filter(region_q(user, "region_id"), is_forwarded_to_gakkumdu=True)
        return self.filter(NOTHING)


class Case(TimeStampedModel, VersionedModel):
    """One finding (*temuan*) or report (*laporan*) of an alleged election violation."""

    number = models.CharField(_("registration number"), max_length=80, blank=True)
    tracking_code = models.CharField(_("tracking code"), max_length=20, unique=True)
    secret_hash = models.CharField(max_length=128, blank=True, editable=False)
    intake_key = models.CharField(
        _("idempotency key"), max_length=100, null=True, blank=True, unique=True, editable=False
    )
    origin = models.CharField(_("origin"), max_length=10, choices=CaseOrigin.choices)
    channel = models.CharField(_("channel"), max_length=12, choices=Channel.choices)
    election = models.ForeignKey(
        "elections.Election",
        on_delete=models.PROTECT,
        related_name="cases",
        verbose_name=_("election"),
    )
    stage = models.ForeignKey(
        "elections.Stage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("election stage"),
    )
    region = models.ForeignKey(
        "regions.Region", on_delete=models.PROTECT, related_name="+", verbose_name=_("region")
    )
    organisation = models.ForeignKey(
        "accounts.Organisation",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="cases",
        verbose_name=_("handling body"),
    )
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=CaseStatus.choices,
        default=CaseStatus.RECEIVED,
        db_index=True,
    )
    violation_type = models.CharField(
        _("type of violation"), max_length=20, choices=ViolationType.choices, blank=True
    )
    outcome = models.CharField(
        _("outcome"), max_length=20, choices=ViolationType.choices, blank=True
    )
    title = models.CharField(_("summary"), max_length=200)
    description = models.TextField(_("description of the event"))
    reported_party = models.CharField(_("reported party (terlapor)"), max_length=200)
    place = models.CharField(_("place of the event"), max_length=300)
    occurred_on = models.DateField(_("date of the event"))
    known_on = models.DateField(_("date it became known"), null=True, blank=True)
    received_at = models.DateTimeField(_("received"), db_index=True)
    registered_at = models.DateTimeField(_("registered"), null=True, blank=True)
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)
    is_extended = models.BooleanField(_("period extended"), default=False)
    is_forwarded_to_gakkumdu = models.BooleanField(_("forwarded to Sentra Gakkumdu"), default=False)
    assignee = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="assigned_cases",
        verbose_name=_("assigned to"),
    )
    merged_into = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="merged_cases",
        verbose_name=_("merged into"),
    )
    rejection_reasons = models.TextField(_("reasons"), blank=True)
    is_synthetic = models.BooleanField(_("synthetic (demo)"), default=False)

    objects = CaseQuerySet.as_manager()

    class Meta:
        ordering = ["-received_at", "-id"]
        verbose_name = _("case")
        verbose_name_plural = _("cases")
        constraints = [
            models.UniqueConstraint(
                fields=["number"], condition=~Q(number=""), name="cases_case_unique_number"
            ),
        ]
        indexes = [
            models.Index(fields=["region", "status"], name="cases_case_region_status"),
            models.Index(fields=["election", "status"], name="cases_case_election_status"),
        ]

    def __str__(self) -> str:
        return self.number or self.tracking_code

    @property
    def regime(self) -> str:
        return self.election.regime

    @property
    def label(self) -> str:
        """The number when registered, else the tracking code."""
        return self.number or self.tracking_code


class CaseAlias(models.Model):
    """A number or tracking code that now points to another case (kept after a merge)."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="aliases")
    alias = models.CharField(_("alias"), max_length=80, unique=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("case alias")
        verbose_name_plural = _("case aliases")

    def __str__(self) -> str:
        return self.alias


class Reporter(models.Model):
    """The reporter's identity (UU 7/2017 Pasal 454 ayat (4)): need-to-know, every view logged."""

    case = models.OneToOneField(Case, on_delete=models.CASCADE, related_name="reporter")
    kind = models.CharField(_("reporter is"), max_length=12, choices=ReporterKind.choices)
    name = models.CharField(_("name"), max_length=200)
    address = models.CharField(_("address"), max_length=300)
    nik = models.CharField(_("NIK"), max_length=16, blank=True)
    phone = models.CharField(_("phone"), max_length=30, blank=True)
    email = models.EmailField(_("email"), blank=True)

    class Meta:
        verbose_name = _("reporter")
        verbose_name_plural = _("reporters")

    def __str__(self) -> str:
        return f"reporter of {self.case_id}"


class Witness(models.Model):
    """A witness named in a report or found during handling."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="witnesses")
    name = models.CharField(_("name"), max_length=200)
    address = models.CharField(_("address"), max_length=300, blank=True)
    phone = models.CharField(_("phone"), max_length=30, blank=True)

    class Meta:
        ordering = ["id"]
        verbose_name = _("witness")
        verbose_name_plural = _("witnesses")

    def __str__(self) -> str:
        return self.name


class StatusChange(models.Model):
    """One step of a case's history; ``public_note`` is the notice the reporter sees."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="history")
    from_status = models.CharField(max_length=20, choices=CaseStatus.choices, blank=True)
    to_status = models.CharField(max_length=20, choices=CaseStatus.choices)
    at = models.DateTimeField(_("at"))
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    public_note = models.TextField(_("notice to the reporter"), blank=True)
    internal_note = models.TextField(_("internal note"), blank=True)
    notified_at = models.DateTimeField(_("reporter notified"), null=True, blank=True)

    class Meta:
        ordering = ["at", "id"]
        verbose_name = _("status change")
        verbose_name_plural = _("status history")

    def __str__(self) -> str:
        return f"{self.case_id}: {self.from_status} → {self.to_status}"


class Comment(TimeStampedModel):
    """An internal comment by an officer (never shown to the reporter)."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="comments")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    body = models.TextField(_("comment"))

    class Meta:
        ordering = ["created_at", "id"]
        verbose_name = _("comment")
        verbose_name_plural = _("comments")

    def __str__(self) -> str:
        return f"comment {self.pk} on {self.case_id}"


class Clarification(TimeStampedModel):
    """An invitation to clarify (reporter, witness, expert, reported party) and its minutes."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="clarifications")
    party_role = models.CharField(_("invited as"), max_length=12, choices=PartyRole.choices)
    person_name = models.CharField(_("name"), max_length=200)
    scheduled_at = models.DateTimeField(_("scheduled for"))
    place = models.CharField(_("place"), max_length=200)
    held_at = models.DateTimeField(_("held"), null=True, blank=True)
    minutes = models.TextField(_("minutes (berita acara)"), blank=True)

    class Meta:
        ordering = ["scheduled_at", "id"]
        verbose_name = _("clarification")
        verbose_name_plural = _("clarifications")

    def __str__(self) -> str:
        return f"{self.get_party_role_display()}: {self.person_name}"


class Decision(TimeStampedModel):
    """A plenary decision (or an administrative examination decision) on a case."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="decisions")
    is_administrative = models.BooleanField(_("administrative examination decision"), default=False)
    outcome = models.CharField(_("outcome"), max_length=20, choices=ViolationType.choices)
    decided_at = models.DateTimeField(_("decided"))
    summary = models.TextField(_("decision and reasons"))
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        ordering = ["decided_at", "id"]
        verbose_name = _("decision")
        verbose_name_plural = _("decisions")

    def __str__(self) -> str:
        return f"{self.case_id}: {self.outcome}"


class Referral(TimeStampedModel):
    """Where a decided case went and whether the recipient followed it up (tracked)."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="referrals")
    recipient = models.CharField(_("sent to"), max_length=20, choices=Recipient.choices)
    recipient_name = models.CharField(_("recipient"), max_length=200, blank=True)
    sent_at = models.DateTimeField(_("sent"))
    follow_up_status = models.CharField(
        _("follow-up"),
        max_length=20,
        choices=FollowUpStatus.choices,
        default=FollowUpStatus.PENDING,
    )
    followed_up_at = models.DateTimeField(_("followed up"), null=True, blank=True)
    follow_up_note = models.TextField(_("follow-up note"), blank=True)

    class Meta:
        ordering = ["sent_at", "id"]
        verbose_name = _("referral")
        verbose_name_plural = _("referrals")

    def __str__(self) -> str:
        return f"{self.case_id} → {self.recipient}"


class NumberSequence(models.Model):
    """The last registration sequence used per issuing body, origin and year."""

    issuer = models.CharField(max_length=60)
    origin = models.CharField(max_length=10, choices=CaseOrigin.choices)
    year = models.PositiveIntegerField()
    last = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["issuer", "origin", "year"], name="cases_seq_unique")
        ]

    def __str__(self) -> str:
        return f"{self.issuer}/{self.origin}/{self.year}: {self.last}"
