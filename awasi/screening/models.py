"""Candidate lists, registries, screening runs, flagged pairs and resignation proofs.

Personal data is minimised: name, birth place and date, sex and NIK only (no address); the NIK is
encrypted at rest (:mod:`awasi.screening.crypto`) and only its masked form is ever listed.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from awasi.core.models import TimeStampedModel

from .choices import (
    CandidateStatus,
    Decision,
    LegalRuling,
    Level,
    ListStage,
    ProofKind,
    RegistryCategory,
    ReviewOutcome,
    RunStatus,
)


class PersonFields(models.Model):
    """The identity fields screening compares (shared by candidates and registry people)."""

    full_name = models.CharField(_("name"), max_length=200)
    birth_place = models.CharField(_("place of birth"), max_length=120, blank=True)
    birth_date = models.DateField(_("date of birth"), null=True, blank=True)
    sex = models.CharField(_("sex"), max_length=1, blank=True)
    nik_encrypted = models.TextField(blank=True)
    nik_masked = models.CharField(_("NIK"), max_length=16, blank=True)
    region_code = models.CharField(_("region code"), max_length=16, blank=True)

    class Meta:
        abstract = True


class CandidateList(TimeStampedModel):
    """One imported DCS/DCT file for an election, body and area (all parties and dapil in it)."""

    election = models.ForeignKey("elections.Election", on_delete=models.PROTECT)
    region = models.ForeignKey("regions.Region", on_delete=models.PROTECT, verbose_name=_("area"))
    level = models.CharField(_("level"), max_length=16, choices=Level.choices)
    stage = models.CharField(
        _("list"), max_length=8, choices=ListStage.choices, default=ListStage.DCS
    )
    name = models.CharField(_("name"), max_length=200)
    imported_by = models.ForeignKey(
        "accounts.User", null=True, blank=True, on_delete=models.SET_NULL
    )
    is_synthetic = models.BooleanField(_("synthetic"), default=False)

    def __str__(self) -> str:
        return self.name


class Candidate(PersonFields, TimeStampedModel):
    """One candidate row of a list, with party, dapil, list number and screening status."""

    candidate_list = models.ForeignKey(
        CandidateList, on_delete=models.CASCADE, related_name="candidates"
    )
    external_id = models.CharField(_("candidate id"), max_length=64)
    party = models.CharField(_("party"), max_length=64, blank=True)
    dapil = models.CharField(_("electoral district"), max_length=64, blank=True)
    number = models.PositiveIntegerField(_("number on list"), null=True, blank=True)
    status = models.CharField(
        _("status"),
        max_length=24,
        choices=CandidateStatus.choices,
        default=CandidateStatus.UNSCREENED,
        db_index=True,
    )
    # Legal review of hits in contested categories (honorary/contract staff): a person decides.
    legal_ruling = models.CharField(
        _("legal ruling"), max_length=16, choices=LegalRuling.choices, blank=True, default=""
    )
    legal_basis = models.TextField(_("basis of the legal ruling"), blank=True)
    legal_ruled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("ruled by"),
    )
    legal_ruled_at = models.DateTimeField(_("ruled at"), null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["candidate_list", "external_id"], name="screening_candidate_unique_id"
            )
        ]
        ordering = ["party", "dapil", "number", "full_name"]

    def __str__(self) -> str:
        return f"{self.full_name} ({self.party}, {self.dapil})"


class Registry(TimeStampedModel):
    """One imported registry file (e.g. BKN's ASN of the province); categories are per person."""

    name = models.CharField(_("name"), max_length=200)
    imported_by = models.ForeignKey(
        "accounts.User", null=True, blank=True, on_delete=models.SET_NULL
    )
    is_synthetic = models.BooleanField(_("synthetic"), default=False)

    def __str__(self) -> str:
        return self.name


class RegistryPerson(PersonFields):
    """A person in a registry of people who must resign before candidacy."""

    registry = models.ForeignKey(Registry, on_delete=models.CASCADE, related_name="people")
    external_id = models.CharField(_("person id"), max_length=64)
    category = models.CharField(_("category"), max_length=32, choices=RegistryCategory.choices)
    employer = models.CharField(_("employer"), max_length=200, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["registry", "external_id"], name="screening_person_unique_id"
            )
        ]

    def __str__(self) -> str:
        return f"{self.full_name} ({self.registry})"


class ScreeningRun(TimeStampedModel):
    """One background run of the linker over a candidate list (registries + double candidacy)."""

    candidate_list = models.ForeignKey(CandidateList, on_delete=models.CASCADE, related_name="runs")
    status = models.CharField(
        _("status"), max_length=8, choices=RunStatus.choices, default=RunStatus.QUEUED
    )
    progress = models.FloatField(_("progress"), default=0.0)
    stage = models.CharField(_("stage"), max_length=64, blank=True)
    started_by = models.ForeignKey("accounts.User", null=True, on_delete=models.SET_NULL)
    finished_at = models.DateTimeField(null=True, blank=True)
    error = models.TextField(blank=True)
    versions = models.JSONField(default=dict, blank=True)
    counts = models.JSONField(default=dict, blank=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.candidate_list} @ {self.created_at:%Y-%m-%d %H:%M}"


class ReviewFields(models.Model):
    """Linker output and the officer's verdict (shared by both kinds of pair)."""

    score = models.FloatField(_("score"))
    decision = models.CharField(_("decision"), max_length=8, choices=Decision.choices)
    reasons = models.TextField(_("reasons"))
    outcome = models.CharField(
        _("review"),
        max_length=12,
        choices=ReviewOutcome.choices,
        default=ReviewOutcome.PENDING,
        db_index=True,
    )
    note = models.TextField(_("note"), blank=True)
    reviewed_by = models.ForeignKey(
        "accounts.User", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    reviewed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        abstract = True


class MatchPair(ReviewFields, TimeStampedModel):
    """A candidate and the registry person the linker thinks they are."""

    run = models.ForeignKey(ScreeningRun, on_delete=models.CASCADE, related_name="matches")
    candidate = models.ForeignKey(Candidate, on_delete=models.CASCADE, related_name="matches")
    person = models.ForeignKey(RegistryPerson, on_delete=models.CASCADE, related_name="+")
    runner_up = models.CharField(_("runner-up"), max_length=64, blank=True)

    class Meta:
        ordering = ["-score"]

    def __str__(self) -> str:
        return f"{self.candidate} ~ {self.person}"


class DuplicatePair(ReviewFields, TimeStampedModel):
    """Two candidate rows the linker thinks are one person (double candidacy)."""

    run = models.ForeignKey(ScreeningRun, on_delete=models.CASCADE, related_name="duplicates")
    first = models.ForeignKey(Candidate, on_delete=models.CASCADE, related_name="+")
    second = models.ForeignKey(Candidate, on_delete=models.CASCADE, related_name="+")

    class Meta:
        ordering = ["-score"]

    def __str__(self) -> str:
        return f"{self.first} = {self.second}"


class ResignationProof(TimeStampedModel):
    """A resignation letter or dismissal decision attached to a candidate."""

    candidate = models.ForeignKey(Candidate, on_delete=models.CASCADE, related_name="proofs")
    kind = models.CharField(_("kind"), max_length=24, choices=ProofKind.choices)
    document = models.FileField(_("document"), upload_to="screening/proofs/%Y/%m/")
    reference = models.CharField(_("number/date"), max_length=120, blank=True)
    uploaded_by = models.ForeignKey("accounts.User", null=True, on_delete=models.SET_NULL)

    def __str__(self) -> str:
        return f"{self.get_kind_display()} — {self.candidate}"
