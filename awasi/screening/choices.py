"""Choices of the screening app."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Level(models.TextChoices):
    """Representative body a list is for."""

    DPR = "dpr", _("DPR")
    DPRD_PROVINCE = "dprd_province", _("DPRD Provinsi")
    DPRD_REGENCY = "dprd_regency", _("DPRD Kabupaten/Kota")
    DPD = "dpd", _("DPD")


class ListStage(models.TextChoices):
    """Which list was imported: provisional (DCS) or final (DCT)."""

    DCS = "dcs", _("Provisional list (DCS)")
    DCT = "dct", _("Final list (DCT)")


class RegistryCategory(models.TextChoices):
    """Registries of people who must resign (UU 7/2017 Pasal 240 ayat (1) huruf k; PKPU 10/2023,
    as reported — legal-notes.md §5.1). Honorary staff: contested (§4.4), always legal review."""

    ASN = "asn", _("Civil servant (ASN)")
    PPPK = "pppk", _("Contract civil servant (PPPK)")
    TNI = "tni", _("TNI")
    POLRI = "polri", _("Polri")
    BUMN = "bumn", _("BUMN staff")
    BUMD = "bumd", _("BUMD staff")
    VILLAGE_HEAD = "village_head", _("Village head")
    VILLAGE_OFFICIAL = "village_official", _("Village official / BPD")
    HONORARY = "honorary", _("Honorary/contract staff")
    ELECTION_BODY = "election_body", _("Election body (KPU/Bawaslu/ad hoc)")


class Decision(models.TextChoices):
    """The linker's decision for a pair."""

    MATCH = "match", _("Match")
    REVIEW = "review", _("Needs review")


class ReviewOutcome(models.TextChoices):
    """An officer's verdict on a flagged pair."""

    PENDING = "pending", _("Pending")
    CONFIRMED = "confirmed", _("Confirmed: same person")
    REJECTED = "rejected", _("Rejected: different people")


class CandidateStatus(models.TextChoices):
    """Screening status of a candidate."""

    UNSCREENED = "unscreened", _("Not screened yet")
    AWAITING_REVIEW = "awaiting_review", _("Awaiting review")
    CLEAR = "clear", _("Clear")
    MUST_RESIGN = "must_resign", _("Must resign")
    RESIGNATION_PROVEN = "resignation_proven", _("Resignation proven")
    LEGAL_REVIEW = "legal_review", _("Needs legal review")


class LegalRuling(models.TextChoices):
    """The legal decision on a candidate whose only hits are in contested categories."""

    MUST_RESIGN = "must_resign", _("Must resign (legal ruling)")
    NEED_NOT_RESIGN = "need_not_resign", _("Need not resign (legal ruling)")


class ProofKind(models.TextChoices):
    """Documents that prove a resignation (PKPU 10/2023 Pasal 15, as reported)."""

    RESIGNATION_LETTER = "resignation_letter", _("Resignation letter with receipt")
    DISMISSAL_DECISION = "dismissal_decision", _("Dismissal decision")
    STATEMENT = "statement", _("Stamped personal statement (issuer late)")


class RunStatus(models.TextChoices):
    """State of a background screening run."""

    QUEUED = "queued", _("Queued")
    RUNNING = "running", _("Running")
    DONE = "done", _("Done")
    FAILED = "failed", _("Failed")
