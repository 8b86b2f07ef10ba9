"""Prevention activities tied to an election stage and a region: socialisation, patrols, appeals."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from awasi.core.models import TimeStampedModel
from awasi.prevention.choices import (
    AddresseeKind,
    AppealKind,
    Audience,
    DeliveryStatus,
    Topic,
)
from awasi.prevention.scopes import org_ids, sees_everything, visible_region_q


class ActivityQuerySet(models.QuerySet):
    def visible_to(self, user: object) -> ActivityQuerySet:
        """Activities in the user's region or organised by the user's organisation."""
        if sees_everything(user):
            return self.all()
        return self.filter(visible_region_q(user, "region_id") | Q(organiser_id__in=org_ids(user)))


class Activity(TimeStampedModel):
    """What every prevention activity has: stage, region, organiser, optional agreement."""

    stage = models.ForeignKey(
        "elections.Stage",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("election stage"),
    )
    region = models.ForeignKey(
        "regions.Region", on_delete=models.PROTECT, related_name="+", verbose_name=_("region")
    )
    organiser = models.ForeignKey(
        "accounts.Organisation",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("organiser"),
    )
    agreement = models.ForeignKey(
        "prevention.Agreement",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("under agreement"),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT, related_name="+"
    )
    is_synthetic = models.BooleanField(_("synthetic (demo)"), default=False)

    objects = ActivityQuerySet.as_manager()

    class Meta:
        abstract = True


class Socialisation(Activity):
    """A socialisation session (*sosialisasi*), e.g. on the ban on ASN taking part in politics."""

    held_on = models.DateField(_("held on"))
    topic = models.CharField(_("topic"), max_length=20, choices=Topic.choices)
    title = models.CharField(_("title"), max_length=300)
    audience = models.CharField(_("audience"), max_length=12, choices=Audience.choices)
    participants = models.PositiveIntegerField(_("participants"))
    place = models.CharField(_("place"), max_length=300, blank=True)
    notes = models.TextField(_("notes"), blank=True)

    class Meta:
        ordering = ["-held_on", "id"]
        verbose_name = _("socialisation")
        verbose_name_plural = _("socialisations")

    def __str__(self) -> str:
        return self.title


class PatrolQuerySet(ActivityQuerySet):
    def visible_to(self, user: object) -> PatrolQuerySet:
        """Patrols in the user's region or with the user's organisation on the team."""
        if sees_everything(user):
            return self.all()
        ids = org_ids(user)
        mine = Q(organiser_id__in=ids) | Q(team__organisation_id__in=ids)
        ok = self.filter(visible_region_q(user, "region_id") | mine).values("pk")
        return self.filter(pk__in=ok)


class Patrol(Activity):
    """A joint patrol (*patroli bersama*), e.g. against money politics in the quiet period."""

    area = models.CharField(_("area"), max_length=300)
    starts_at = models.DateTimeField(_("from"))
    ends_at = models.DateTimeField(_("until"))
    findings = models.TextField(_("what was found"), blank=True)
    has_findings = models.BooleanField(_("something was found"), default=False)

    objects = PatrolQuerySet.as_manager()

    class Meta:
        ordering = ["-starts_at", "id"]
        verbose_name = _("joint patrol")
        verbose_name_plural = _("joint patrols")
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_at__gte=models.F("starts_at")), name="prevention_patrol_period"
            )
        ]

    def __str__(self) -> str:
        return self.area


class PatrolTeamMember(models.Model):
    """One agency's share of a patrol team."""

    patrol = models.ForeignKey(Patrol, on_delete=models.CASCADE, related_name="team")
    organisation = models.ForeignKey(
        "accounts.Organisation",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("organisation"),
    )
    personnel = models.PositiveSmallIntegerField(_("personnel"))

    class Meta:
        ordering = ["id"]
        constraints = [
            models.UniqueConstraint(fields=["patrol", "organisation"], name="prevention_team_once")
        ]

    def __str__(self) -> str:
        return f"{self.organisation} × {self.personnel}"


class Appeal(Activity):
    """An appeal or warning letter (*surat imbauan / peringatan*) and its delivery."""

    kind = models.CharField(_("kind"), max_length=8, choices=AppealKind.choices)
    number = models.CharField(_("letter number"), max_length=120)
    addressee_kind = models.CharField(
        _("addressed to"), max_length=10, choices=AddresseeKind.choices
    )
    addressee = models.CharField(_("addressee"), max_length=300)
    subject = models.CharField(_("subject"), max_length=300)
    sent_on = models.DateField(_("sent on"))
    delivery_status = models.CharField(
        _("delivery"),
        max_length=10,
        choices=DeliveryStatus.choices,
        default=DeliveryStatus.PENDING,
    )
    delivered_at = models.DateTimeField(_("delivered at"), null=True, blank=True)
    received_by = models.CharField(_("received by"), max_length=200, blank=True)

    class Meta:
        ordering = ["-sent_on", "id"]
        verbose_name = _("appeal or warning letter")
        verbose_name_plural = _("appeals and warning letters")

    def __str__(self) -> str:
        return f"{self.number} — {self.addressee}"
