"""Choices for cases; values mirror the pure modules (``lifecycle``, ``deadlines``)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class CaseOrigin(models.TextChoices):
    """*Laporan* (a report from the public) or *temuan* (a supervisor's finding)."""

    REPORT = "report", _("Report (laporan)")
    FINDING = "finding", _("Finding (temuan)")


class CaseStatus(models.TextChoices):
    """Lifecycle states (see ``awasi.cases.lifecycle``)."""

    RECEIVED = "received", _("Received")
    INITIAL_REVIEW = "initial_review", _("Initial review (kajian awal)")
    NOT_REGISTERED = "not_registered", _("Not registered (requirements not met)")
    TIME_BARRED = "time_barred", _("Time-barred (daluwarsa)")
    REGISTERED = "registered", _("Registered")
    CLARIFICATION = "clarification", _("Clarification (klarifikasi)")
    EXTENDED = "extended", _("Extended: more information needed")
    PLENARY = "plenary", _("Awaiting plenary decision")
    ADMIN_EXAMINATION = "admin_examination", _("Administrative examination")
    FORWARDED = "forwarded", _("Forwarded / follow-up tracked")
    CLOSED = "closed", _("Closed")
    MERGED = "merged", _("Merged into another case")


class ViolationType(models.TextChoices):
    """The category of alleged violation (UU 7/2017 Pasal 455 ayat (1))."""

    ADMINISTRATIVE = "administrative", _("Administrative violation")
    ETHICS = "ethics", _("Code-of-ethics violation (DKPP)")
    ETHICS_AD_HOC = "ethics_ad_hoc", _("Ethics of ad hoc supervisors (Bawaslu Kab/Kota)")
    CRIME = "crime", _("Election crime (Sentra Gakkumdu)")
    OTHER_LAW = "other_law", _("Violation of other laws (e.g. ASN neutrality)")
    NOT_VIOLATION = "not_violation", _("Not a violation")


class ReporterKind(models.TextChoices):
    """Who may report (UU 7/2017 Pasal 454 ayat (3); Perbawaslu 7/2022 Pasal 8 ayat (1))."""

    VOTER = "voter", _("Citizen with the right to vote")
    PARTICIPANT = "participant", _("Election participant")
    MONITOR = "monitor", _("Accredited election monitor")


class Channel(models.TextChoices):
    WEB = "web", _("Public web form")
    API = "api", _("API")
    DESK = "desk", _("In person at the office")
    SUPERVISION = "supervision", _("Supervision (finding)")
    TIP = "tip", _("Converted from an anonymous tip")


class Recipient(models.TextChoices):
    """Where a decided case is sent (UU 7/2017 Pasal 455, 476; Perbawaslu 7/2022 Pasal 20)."""

    KPU = "kpu", _("KPU (administrative follow-up)")
    DKPP = "dkpp", _("DKPP (ethics)")
    BAWASLU_REGENCY = "bawaslu_regency", _("Bawaslu Kabupaten/Kota (ad hoc ethics)")
    GAKKUMDU = "gakkumdu", _("Sentra Gakkumdu (election crime)")
    BKN = "bkn", _("BKN / staffing officer (ASN neutrality)")
    OTHER = "other", _("Other competent agency")


class FollowUpStatus(models.TextChoices):
    PENDING = "pending", _("Awaiting follow-up")
    FOLLOWED_UP = "followed_up", _("Followed up")
    NOT_FOLLOWED_UP = "not_followed_up", _("Not followed up")


class PartyRole(models.TextChoices):
    """Who is invited to a clarification."""

    REPORTER = "reporter", _("Reporter")
    WITNESS = "witness", _("Witness")
    EXPERT = "expert", _("Expert")
    REPORTED = "reported", _("Reported party (terlapor)")


class Counting(models.TextChoices):
    WORKING_DAYS = "working_days", _("working days")
    CALENDAR_DAYS = "calendar_days", _("calendar days")
    HOURS = "hours", _("hours")


class RuleStatus(models.TextChoices):
    VERIFIED = "verified", _("Verified (statute text)")
    SECONDARY = "secondary", _("Secondary source")
    UNVERIFIED = "unverified", _("UNVERIFIED")


class TipStatus(models.TextChoices):
    NEW = "new", _("New")
    CONVERTED = "converted", _("Turned into a finding")
    DISMISSED = "dismissed", _("Dismissed")


ROUTE_OF_OUTCOME = {
    ViolationType.ADMINISTRATIVE: Recipient.KPU,
    ViolationType.ETHICS: Recipient.DKPP,
    ViolationType.ETHICS_AD_HOC: Recipient.BAWASLU_REGENCY,
    ViolationType.CRIME: Recipient.GAKKUMDU,
    ViolationType.OTHER_LAW: Recipient.BKN,
}
