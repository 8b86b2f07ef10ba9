"""Choices of the prevention app (stored values in English, labels translated)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class AgreementStatus(models.TextChoices):
    DRAFT = "draft", _("draft")
    IN_FORCE = "in_force", _("in force")
    ENDED = "ended", _("ended")
    TERMINATED = "terminated", _("terminated")


class MeetingKind(models.TextChoices):
    COORDINATION = "coordination", _("coordination meeting")
    SECTOR = "sector", _("sector meeting")


class ActionStatus(models.TextChoices):
    OPEN = "open", _("open")
    IN_PROGRESS = "in_progress", _("in progress")
    DONE = "done", _("done")
    CANCELLED = "cancelled", _("cancelled")


OPEN_ACTION_STATUSES = (ActionStatus.OPEN, ActionStatus.IN_PROGRESS)


class Topic(models.TextChoices):
    ASN_NEUTRALITY = "asn_neutrality", _("ASN neutrality")
    MONEY_POLITICS = "money_politics", _("money politics")
    CAMPAIGN_RULES = "campaign_rules", _("campaign rules")
    SOCIAL_MEDIA = "social_media", _("social media, hoaxes and hate speech")
    VILLAGE_NEUTRALITY = "village_neutrality", _("neutrality of village heads and officials")
    PARTICIPATIVE = "participative", _("participative supervision")
    OTHER = "other", _("other")


class Audience(models.TextChoices):
    ASN = "asn", _("civil servants (ASN) and honorary staff")
    VILLAGE = "village", _("village heads and officials")
    PARTIES = "parties", _("parties and candidates")
    PUBLIC = "public", _("the public / voters")
    STUDENTS = "students", _("students and first-time voters")
    SECURITY = "security", _("police and security personnel")
    OTHER = "other", _("other")


class AppealKind(models.TextChoices):
    APPEAL = "appeal", _("appeal (surat imbauan)")
    WARNING = "warning", _("warning letter (surat peringatan)")


class AddresseeKind(models.TextChoices):
    PARTY = "party", _("political party")
    CANDIDATE = "candidate", _("candidate")
    AGENCY = "agency", _("government agency")
    OTHER = "other", _("other")


class DeliveryStatus(models.TextChoices):
    PENDING = "pending", _("not yet delivered")
    DELIVERED = "delivered", _("delivered")
    REFUSED = "refused", _("refused / returned")


class ReportStatus(models.TextChoices):
    SUBMITTED = "submitted", _("submitted")
    NO_VIOLATION = "no_violation", _("no violation")
    TO_BE_DECLARED = "to_be_declared", _("to be declared a finding")
    FINDING_DECLARED = "finding_declared", _("finding declared")


class EmploymentKind(models.TextChoices):
    PNS = "pns", _("civil servant (PNS)")
    PPPK = "pppk", _("government contract employee (PPPK)")
    HONORARY = "honorary", _("honorary staff (tenaga honorer)")
    CONTRACT = "contract", _("contract / non-permanent staff (PTT)")
    VILLAGE = "village", _("village head or official")
    OTHER = "other", _("other")


class NeutralitySource(models.TextChoices):
    FINDING = "finding", _("finding")
    REPORT = "report", _("public report")
    PATROL = "patrol", _("patrol")
    SUPERVISION = "supervision", _("supervision report (LHP)")
    SOCIAL_MEDIA = "social_media", _("social-media monitoring")


class RecommendationTo(models.TextChoices):
    BKN = "bkn", _("BKN")
    PPK = "ppk", _("staffing officer (PPK)")
    KASN = "kasn", _("KASN (until 2024)")
    OTHER = "other", _("other agency")


class LegalReview(models.TextChoices):
    PENDING = "pending", _("awaiting legal review")
    NO_ISSUE = "no_issue", _("no issue found")
    REFER = "refer", _("refer for handling")
