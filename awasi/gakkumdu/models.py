"""Sentra Gakkumdu: units of three agencies, joint files and what they hold.

UU 7/2017 Pasal 486 (article number UNVERIFIED, legal-notes §2.1) sets up Gakkumdu of Bawaslu,
Polri (Polda/Polres) and the prosecution service (Kejati/Kejari); Perbawaslu 3/2023 governs it for
Pemilu 2024. Evidence items, documents and people of a file live in ``models_parts``.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from awasi.accounts.choices import Agency, OrgLevel
from awasi.cases.deadlines import Counting, RuleStatus
from awasi.core.models import TimeStampedModel, VersionedModel
from awasi.gakkumdu.choices import (
    FileEventKind,
    FileStage,
    RequestStatus,
    VerdictOutcome,
)
from awasi.gakkumdu.querysets import JointFileQuerySet

COUNTING_CHOICES = [(c.value, c.value.replace("_", " ")) for c in Counting]
STATUS_CHOICES = [(s.value, s.value.upper()) for s in RuleStatus]
GAKKUMDU_AGENCIES = ("bawaslu", "polri", "kejaksaan")
AGENCY_CHOICES = [(a, label) for a, label in Agency.choices if a in GAKKUMDU_AGENCIES]


class GakkumduUnit(TimeStampedModel):
    """A Sentra Gakkumdu: Bawaslu, the Polda/Polres and the Kejati/Kejari of one level and area."""

    code = models.SlugField(_("code"), max_length=40, unique=True)
    name = models.CharField(_("name"), max_length=200)
    level = models.CharField(_("level"), max_length=10, choices=OrgLevel.choices)
    region = models.ForeignKey(
        "regions.Region", on_delete=models.PROTECT, related_name="+", verbose_name=_("area")
    )
    bawaslu = models.ForeignKey(
        "accounts.Organisation",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("Bawaslu"),
    )
    police = models.ForeignKey(
        "accounts.Organisation",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("police (Polda/Polres)"),
    )
    prosecutor = models.ForeignKey(
        "accounts.Organisation",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("prosecution (Kejati/Kejari)"),
    )
    is_synthetic = models.BooleanField(_("synthetic (demo)"), default=False)

    class Meta:
        ordering = ["code"]
        verbose_name = _("Gakkumdu unit")
        verbose_name_plural = _("Gakkumdu units")

    def __str__(self) -> str:
        return self.name

    def organisation_of(self, agency: str):  # type: ignore[no-untyped-def]
        """The unit's organisation for one agency."""
        return {"bawaslu": self.bawaslu, "polri": self.police, "kejaksaan": self.prosecutor}[agency]


class GakkumduMember(models.Model):
    """A person seconded to a Gakkumdu unit by their agency."""

    unit = models.ForeignKey(GakkumduUnit, on_delete=models.CASCADE, related_name="members")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="gakkumdu_memberships"
    )
    position = models.CharField(_("position"), max_length=120, blank=True)
    is_active = models.BooleanField(_("active"), default=True)

    class Meta:
        verbose_name = _("Gakkumdu member")
        verbose_name_plural = _("Gakkumdu members")
        constraints = [
            models.UniqueConstraint(fields=["unit", "user"], name="gakkumdu_member_unique")
        ]

    def __str__(self) -> str:
        return f"{self.user} · {self.unit}"


class DiscussionRule(models.Model):
    """An admin-set time limit for a Gakkumdu discussion (pembahasan 1/2/3).

    No source read fixes these limits (legal-notes §2.3), so none ships: a discussion clock runs
    only for a regime where an admin has entered a rule, with its basis and status.
    """

    regime = models.CharField(_("legal regime"), max_length=10)
    number = models.PositiveSmallIntegerField(_("discussion"), choices=[(1, 1), (2, 2), (3, 3)])
    amount = models.PositiveIntegerField(_("amount"))
    counting = models.CharField(_("counting"), max_length=20, choices=COUNTING_CHOICES)
    basis = models.CharField(_("legal basis"), max_length=300)
    status = models.CharField(
        _("status"), max_length=12, choices=STATUS_CHOICES, default=RuleStatus.UNVERIFIED.value
    )
    note = models.CharField(_("note"), max_length=300, blank=True)

    class Meta:
        ordering = ["regime", "number"]
        verbose_name = _("discussion time limit")
        verbose_name_plural = _("discussion time limits")
        constraints = [
            models.UniqueConstraint(fields=["regime", "number"], name="discussion_rule_unique")
        ]

    def __str__(self) -> str:
        return f"{self.regime} pembahasan {self.number}: {self.amount} {self.counting}"


class JointFile(TimeStampedModel, VersionedModel):
    """One alleged election crime handled jointly, from Gakkumdu discussion to executed verdict."""

    number = models.CharField(_("file number"), max_length=40, unique=True)
    case = models.OneToOneField(
        "cases.Case",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="gakkumdu_file",
        verbose_name=_("Bawaslu case"),
    )
    unit = models.ForeignKey(
        GakkumduUnit, on_delete=models.PROTECT, related_name="files", verbose_name=_("Gakkumdu")
    )
    election = models.ForeignKey(
        "elections.Election",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("election"),
    )
    region = models.ForeignKey(
        "regions.Region",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("place of the alleged crime"),
    )
    police = models.ForeignKey(
        "accounts.Organisation",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("police unit (by jurisdiction)"),
    )
    prosecutor = models.ForeignKey(
        "accounts.Organisation",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("prosecution office"),
    )
    title = models.CharField(_("title"), max_length=200)
    summary = models.TextField(_("summary of the alleged crime"), blank=True)
    alleged_articles = models.CharField(_("alleged articles"), max_length=200, blank=True)
    stage = models.CharField(
        _("stage"),
        max_length=30,
        choices=FileStage.choices,
        default=FileStage.OPENED,
        db_index=True,
    )
    stage_changed_at = models.DateTimeField(_("stage since"))
    affects_results = models.BooleanField(
        _("can change vote results"),
        default=False,
        help_text=_("UU 7/2017 Pasal 484: must be decided 5 days before the national result."),
    )
    hard_date = models.DateField(_("Pasal 484 hard date"), null=True, blank=True)
    court_case_number = models.CharField(_("district court case number"), max_length=80, blank=True)
    appeal_case_number = models.CharField(_("high court case number"), max_length=80, blank=True)
    first_verdict = models.CharField(
        _("first-instance outcome"), max_length=12, choices=VerdictOutcome.choices, blank=True
    )
    appeal_verdict = models.CharField(
        _("appeal outcome"), max_length=12, choices=VerdictOutcome.choices, blank=True
    )
    closing_reason = models.TextField(_("reason for stopping or termination"), blank=True)
    counting_variant = models.CharField(
        _("day counting (Pilkada)"),
        max_length=20,
        blank=True,
        choices=[
            ("", "—"),
            ("working_days", _("working days (Peraturan Bersama Gakkumdu 2024)")),
            ("calendar_days", _("calendar days (Bawaslu RI, Sep 2024)")),
        ],
        help_text=_("Pilkada sources conflict; the file states which reading its clocks use."),
    )
    discussion_due_at = models.DateTimeField(_("discussion due"), null=True, blank=True)
    opened_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT, related_name="+"
    )
    is_synthetic = models.BooleanField(_("synthetic (demo)"), default=False)

    objects = JointFileQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("joint file")
        verbose_name_plural = _("joint files")

    def __str__(self) -> str:
        return f"{self.number} {self.title}"

    @property
    def case_ref(self) -> str:
        """The linked Bawaslu case's number (empty when none)."""
        return str(getattr(self.case, "number", "") or "") if self.case_id else ""

    def organisation_of(self, agency: str):  # type: ignore[no-untyped-def]
        """The file's organisation for one agency (Bawaslu of the unit, police by jurisdiction)."""
        return {
            "bawaslu": self.unit.bawaslu,
            "polri": self.police,
            "kejaksaan": self.prosecutor,
        }[agency]


class FileEvent(models.Model):
    """One recorded step of a joint file: who, which agency, when it happened, when recorded."""

    file = models.ForeignKey(JointFile, on_delete=models.CASCADE, related_name="events")
    kind = models.CharField(_("step"), max_length=30, choices=FileEventKind.choices)
    from_stage = models.CharField(_("from"), max_length=30, choices=FileStage.choices)
    to_stage = models.CharField(_("to"), max_length=30, choices=FileStage.choices)
    agency = models.CharField(_("agency"), max_length=20, choices=AGENCY_CHOICES)
    organisation = models.ForeignKey(
        "accounts.Organisation", null=True, on_delete=models.PROTECT, related_name="+"
    )
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT, related_name="+"
    )
    occurred_at = models.DateTimeField(_("happened at"))
    recorded_at = models.DateTimeField(_("recorded at"))
    is_backdated = models.BooleanField(_("backdated"), default=False)
    backdating_reason = models.TextField(_("reason for backdating"), blank=True)
    note = models.TextField(_("note / reason"), blank=True)

    class Meta:
        ordering = ["occurred_at", "id"]
        verbose_name = _("file step")
        verbose_name_plural = _("file steps")

    def __str__(self) -> str:
        return f"{self.file.number} {self.kind}"


class Discussion(models.Model):
    """A Gakkumdu discussion (pembahasan) with its conclusion and minutes (berita acara)."""

    file = models.ForeignKey(JointFile, on_delete=models.CASCADE, related_name="discussions")
    number = models.PositiveSmallIntegerField(_("discussion"), choices=[(1, 1), (2, 2), (3, 3)])
    held_at = models.DateTimeField(_("held at"))
    place = models.CharField(_("place"), max_length=200, blank=True)
    conclusion = models.TextField(_("conclusion"))
    minutes = models.TextField(_("minutes (berita acara)"), blank=True)

    class Meta:
        ordering = ["number"]
        verbose_name = _("discussion")
        verbose_name_plural = _("discussions")
        constraints = [
            models.UniqueConstraint(fields=["file", "number"], name="discussion_unique_number")
        ]

    def __str__(self) -> str:
        return f"{self.file.number} pembahasan {self.number}"


class DiscussionView(models.Model):
    """One agency's attendance and view at a discussion."""

    discussion = models.ForeignKey(Discussion, on_delete=models.CASCADE, related_name="views")
    agency = models.CharField(_("agency"), max_length=20, choices=AGENCY_CHOICES)
    attendees = models.CharField(_("attendees"), max_length=300, blank=True)
    view = models.TextField(_("view"), blank=True)

    class Meta:
        verbose_name = _("agency view")
        verbose_name_plural = _("agency views")
        constraints = [
            models.UniqueConstraint(fields=["discussion", "agency"], name="discussion_view_unique")
        ]

    def __str__(self) -> str:
        return f"{self.discussion} · {self.agency}"


class ClosureRequest(TimeStampedModel):
    """A police or prosecution request (SP3, stop of prosecution) that Bawaslu must approve."""

    file = models.ForeignKey(JointFile, on_delete=models.CASCADE, related_name="requests")
    kind = models.CharField(_("step requested"), max_length=30, choices=FileEventKind.choices)
    agency = models.CharField(_("agency"), max_length=20, choices=AGENCY_CHOICES)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    occurred_at = models.DateTimeField(_("effective at"))
    reason = models.TextField(_("reason"))
    backdating_reason = models.TextField(_("reason for backdating"), blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=RequestStatus.choices, default=RequestStatus.PENDING
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True)
    decision_note = models.TextField(_("decision note"), blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("request for approval")
        verbose_name_plural = _("requests for approval")
        constraints = [
            models.UniqueConstraint(
                fields=["file"],
                condition=models.Q(status="pending"),
                name="one_pending_request_per_file",
            )
        ]

    def __str__(self) -> str:
        return f"{self.file.number} {self.kind} ({self.status})"


from awasi.gakkumdu.models_parts import (  # noqa: E402,F401  (one models namespace for Django)
    Document,
    DocumentAccess,
    EvidenceItem,
    Sentence,
    Suspect,
    Witness,
)
