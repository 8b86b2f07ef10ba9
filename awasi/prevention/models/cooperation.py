"""Agreements, coordination meetings and the commitments (action items) they produce."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from awasi.core.models import TimeStampedModel, VersionedModel
from awasi.prevention.choices import (
    OPEN_ACTION_STATUSES,
    ActionStatus,
    AgreementStatus,
    MeetingKind,
)
from awasi.prevention.scopes import org_ids, sees_everything, visible_region_q


class AgreementQuerySet(models.QuerySet["Agreement"]):
    def visible_to(self, user: object) -> AgreementQuerySet:
        """Agreements in the user's region, or to which the user's organisation is a party."""
        if sees_everything(user):
            return self.all()
        mine = Q(parties__organisation_id__in=org_ids(user))
        return self.filter(visible_region_q(user, "region_id") | mine).distinct()


class Agreement(TimeStampedModel, VersionedModel):
    """A cooperation agreement (*perjanjian kerja sama*, MoU) between organisations."""

    number = models.CharField(_("number"), max_length=120, blank=True)
    title = models.CharField(_("title"), max_length=300)
    scope = models.TextField(_("scope"))
    region = models.ForeignKey(
        "regions.Region", on_delete=models.PROTECT, related_name="+", verbose_name=_("region")
    )
    starts_on = models.DateField(_("valid from"))
    ends_on = models.DateField(_("valid until"), null=True, blank=True)
    signed_on = models.DateField(_("signed on"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=12, choices=AgreementStatus.choices, default=AgreementStatus.DRAFT
    )
    document = models.FileField(
        _("signed document"), upload_to="prevention/agreements/", blank=True
    )
    document_sha256 = models.CharField(_("SHA-256 of the document"), max_length=64, blank=True)
    terminated_on = models.DateField(_("terminated on"), null=True, blank=True)
    termination_reason = models.TextField(_("reason for termination"), blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT, related_name="+"
    )
    is_synthetic = models.BooleanField(_("synthetic (demo)"), default=False)

    objects = AgreementQuerySet.as_manager()

    class Meta:
        ordering = ["-starts_on", "id"]
        verbose_name = _("cooperation agreement")
        verbose_name_plural = _("cooperation agreements")
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_on__isnull=True) | Q(ends_on__gte=models.F("starts_on")),
                name="prevention_agreement_period",
            )
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def shown_status(self) -> str:
        """The status to show: an agreement in force whose period has passed reads as ended."""
        ended = self.ends_on is not None and self.ends_on < timezone.localdate()
        if self.status == AgreementStatus.IN_FORCE and ended:
            return str(AgreementStatus.ENDED.label)
        return self.get_status_display()


class AgreementParty(models.Model):
    """One party to an agreement and what it committed to."""

    agreement = models.ForeignKey(Agreement, on_delete=models.CASCADE, related_name="parties")
    organisation = models.ForeignKey(
        "accounts.Organisation",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("organisation"),
    )
    signatory = models.CharField(_("signatory"), max_length=200, blank=True)
    obligations = models.TextField(_("obligations"))

    class Meta:
        ordering = ["id"]
        verbose_name = _("party")
        verbose_name_plural = _("parties")
        constraints = [
            models.UniqueConstraint(
                fields=["agreement", "organisation"], name="prevention_party_once"
            )
        ]

    def __str__(self) -> str:
        return str(self.organisation)


class MeetingQuerySet(models.QuerySet["Meeting"]):
    def visible_to(self, user: object) -> MeetingQuerySet:
        """Meetings in the user's region, or convened by / open to the user's organisation."""
        if sees_everything(user):
            return self.all()
        ids = org_ids(user)
        mine = Q(convened_by_id__in=ids) | Q(invited__id__in=ids) | Q(attending__id__in=ids)
        ok = self.filter(visible_region_q(user, "region_id") | mine).values("pk")
        return self.filter(pk__in=ok)


class Meeting(TimeStampedModel):
    """A coordination or sector meeting (*rapat koordinasi*) and its minutes and decisions."""

    agreement = models.ForeignKey(
        Agreement,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="meetings",
        verbose_name=_("agreement"),
    )
    kind = models.CharField(
        _("kind"), max_length=14, choices=MeetingKind.choices, default=MeetingKind.COORDINATION
    )
    title = models.CharField(_("title"), max_length=300)
    region = models.ForeignKey(
        "regions.Region", on_delete=models.PROTECT, related_name="+", verbose_name=_("region")
    )
    stage = models.ForeignKey(
        "elections.Stage",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("election stage"),
    )
    held_at = models.DateTimeField(_("held at"))
    place = models.CharField(_("place"), max_length=300)
    convened_by = models.ForeignKey(
        "accounts.Organisation",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("convened by"),
    )
    invited = models.ManyToManyField(
        "accounts.Organisation", related_name="+", blank=True, verbose_name=_("invited")
    )
    attending = models.ManyToManyField(
        "accounts.Organisation", related_name="+", blank=True, verbose_name=_("attending")
    )
    agenda = models.TextField(_("agenda"))
    minutes = models.TextField(_("minutes"), blank=True)
    decisions = models.TextField(_("decisions"), blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT, related_name="+"
    )
    is_synthetic = models.BooleanField(_("synthetic (demo)"), default=False)

    objects = MeetingQuerySet.as_manager()

    class Meta:
        ordering = ["-held_at", "id"]
        verbose_name = _("coordination meeting")
        verbose_name_plural = _("coordination meetings")

    def __str__(self) -> str:
        return self.title


class ActionItemQuerySet(models.QuerySet["ActionItem"]):
    def visible_to(self, user: object) -> ActionItemQuerySet:
        """Items of meetings the user sees, and every item the user's organisation owns."""
        if sees_everything(user):
            return self.all()
        meetings = Meeting.objects.visible_to(user).values("pk")
        return self.filter(Q(meeting__in=meetings) | Q(owner_id__in=org_ids(user)))

    def open(self) -> ActionItemQuerySet:
        """Items still to be done."""
        return self.filter(status__in=OPEN_ACTION_STATUSES)


class ActionItem(TimeStampedModel, VersionedModel):
    """A commitment made at a meeting: who owes what by when, and the evidence that it was done."""

    meeting = models.ForeignKey(
        Meeting, on_delete=models.PROTECT, related_name="action_items", verbose_name=_("meeting")
    )
    description = models.TextField(_("commitment"))
    owner = models.ForeignKey(
        "accounts.Organisation",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("owner organisation"),
    )
    due_on = models.DateField(_("due on"))
    status = models.CharField(
        _("status"),
        max_length=12,
        choices=ActionStatus.choices,
        default=ActionStatus.OPEN,
        db_index=True,
    )
    evidence = models.TextField(_("evidence of completion"), blank=True)
    evidence_file = models.FileField(
        _("evidence file"), upload_to="prevention/evidence/", blank=True
    )
    evidence_sha256 = models.CharField(max_length=64, blank=True)
    completed_at = models.DateTimeField(_("completed at"), null=True, blank=True)
    completed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    is_synthetic = models.BooleanField(_("synthetic (demo)"), default=False)

    objects = ActionItemQuerySet.as_manager()

    class Meta:
        ordering = ["due_on", "id"]
        verbose_name = _("action item")
        verbose_name_plural = _("action items")
        indexes = [models.Index(fields=["owner", "status", "due_on"])]
        constraints = [
            models.CheckConstraint(
                condition=~Q(status=ActionStatus.DONE) | Q(completed_at__isnull=False),
                name="prevention_done_has_moment",
            )
        ]

    def __str__(self) -> str:
        return self.description[:80]

    @property
    def is_open(self) -> bool:
        return self.status in OPEN_ACTION_STATUSES

    @property
    def region_id(self) -> str:
        return self.meeting.region_id


class ActionItemReminder(models.Model):
    """A reminder sent for one action item at one offset; unique so the cron job is idempotent."""

    action_item = models.ForeignKey(ActionItem, on_delete=models.CASCADE, related_name="reminders")
    offset = models.SmallIntegerField(_("days before due date"))
    sent_at = models.DateTimeField(_("sent at"))
    recipients = models.PositiveSmallIntegerField(_("recipients"), default=0)

    class Meta:
        ordering = ["-sent_at"]
        constraints = [
            models.UniqueConstraint(fields=["action_item", "offset"], name="prevention_remind_once")
        ]

    def __str__(self) -> str:
        return f"{self.action_item_id}@{self.offset}"
