"""Running clocks: one row per started deadline of a case."""

from __future__ import annotations

from datetime import datetime, timedelta

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from awasi.cases import deadlines
from awasi.cases.models.case import Case
from awasi.cases.models.rules import DeadlineRule

DUE_SOON = timedelta(hours=24)


class DeadlineStatus(models.TextChoices):
    RUNNING = "running", _("running")
    DUE_SOON = "due_soon", _("due soon")
    OVERDUE = "overdue", _("OVERDUE")
    MET = "met", _("met")
    MET_LATE = "met_late", _("met late")


class CaseDeadlineQuerySet(models.QuerySet["CaseDeadline"]):
    def running(self) -> CaseDeadlineQuerySet:
        return self.filter(stopped_at__isnull=True)

    def visible_to(self, user: object) -> CaseDeadlineQuerySet:
        """Deadlines of cases the user may see, plus those owned by the user's organisation."""
        cases = Case.objects.visible_to(user)
        organisation_id = getattr(user, "organisation_id", None)
        owned = Q(owner_organisation_id=organisation_id) if organisation_id else Q(pk__in=[])
        return self.filter(Q(case__in=cases) | owned)


class CaseDeadline(models.Model):
    """A statutory clock on a case: when it started, when it falls due, when it was stopped.

    ``due_at`` is fixed when the clock starts (a later edit of the rule does not move it). The
    owner organisation (nullable: the case's handling body) is who must act and is notified.
    """

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="deadlines")
    step = models.CharField(_("step"), max_length=60)
    rule = models.ForeignKey(
        DeadlineRule, on_delete=models.PROTECT, related_name="+", verbose_name=_("rule")
    )
    started_at = models.DateTimeField(_("started"))
    due_at = models.DateTimeField(_("due"), db_index=True)
    stopped_at = models.DateTimeField(_("stopped"), null=True, blank=True)
    owner_organisation = models.ForeignKey(
        "accounts.Organisation",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("responsible body"),
    )
    note = models.CharField(_("note"), max_length=300, blank=True)
    started_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    stopped_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    objects = CaseDeadlineQuerySet.as_manager()

    class Meta:
        ordering = ["due_at", "id"]
        verbose_name = _("case deadline")
        verbose_name_plural = _("case deadlines")
        constraints = [
            models.UniqueConstraint(
                fields=["case", "step"],
                condition=Q(stopped_at__isnull=True),
                name="cases_one_running_clock_per_step",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.case_id} {self.step} due {self.due_at:%Y-%m-%d %H:%M}"

    def state_at(self, now: datetime) -> str:
        """running / due_soon / overdue / met / met_late at ``now``."""
        return deadlines.deadline_state(
            due_at=self.due_at, stopped_at=self.stopped_at, now=now, soon=DUE_SOON
        ).value

    @property
    def status(self) -> str:
        return self.state_at(timezone.now())

    def get_status_display(self) -> str:
        return str(DeadlineStatus(self.status).label)

    @property
    def time_left(self) -> timedelta:
        """Negative once overdue."""
        return self.due_at - timezone.now()


class DeadlineNotice(models.Model):
    """That a user was told a deadline reached a state; makes ``deadlines sweep`` idempotent."""

    deadline = models.ForeignKey(CaseDeadline, on_delete=models.CASCADE, related_name="notices")
    state = models.CharField(max_length=12, choices=DeadlineStatus.choices)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    sent_at = models.DateTimeField()
    channels = models.CharField(max_length=60, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["deadline", "state", "user"], name="cases_notice_once_per_state"
            )
        ]

    def __str__(self) -> str:
        return f"{self.deadline_id} {self.state} → {self.user_id}"
