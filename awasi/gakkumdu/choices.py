"""Choices for Gakkumdu units, joint files and what they hold.

Stage and event values come from the pure chain (``awasi.gakkumdu.chain``) so the database and the
rules cannot drift apart; only the labels (Indonesian legal terms in the translation) live here.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class FileStage(models.TextChoices):
    """Where a joint file stands (``chain.Stage``)."""

    OPENED = "opened", _("Opened, awaiting first discussion")
    DISCUSSED_1 = "discussed_1", _("First discussion held")
    DISCUSSED_2 = "discussed_2", _("Second discussion held")
    FORWARD_DECIDED = "forward_decided", _("Decided to forward to police")
    INQUIRY = "inquiry", _("Police inquiry (penyelidikan)")
    INQUIRY_COMPLETE = "inquiry_complete", _("Sufficient preliminary evidence")
    INVESTIGATION = "investigation", _("Investigation (penyidikan)")
    DISCUSSED_3 = "discussed_3", _("Third discussion held")
    WITH_PROSECUTOR = "with_prosecutor", _("Case file with the prosecutor")
    RETURNED = "returned", _("Returned incomplete (P-19)")
    FILE_COMPLETE = "file_complete", _("Case file complete (P-21)")
    AT_COURT = "at_court", _("Before the district court")
    VERDICT_READ = "verdict_read", _("First-instance verdict read")
    VERDICT_DELIVERED = "verdict_delivered", _("First-instance verdict delivered")
    APPEAL_FILED = "appeal_filed", _("Appeal filed")
    APPEAL_AT_HIGH_COURT = "appeal_at_high_court", _("Appeal before the high court")
    APPEAL_DECIDED = "appeal_decided", _("Appeal decided (final)")
    APPEAL_VERDICT_DELIVERED = "appeal_verdict_delivered", _("Appeal verdict delivered")
    EXECUTED = "executed", _("Verdict executed")
    STOPPED = "stopped", _("Not forwarded (stopped by Bawaslu)")
    TERMINATED = "terminated", _("Terminated (SP3 / prosecution stopped)")


class FileEventKind(models.TextChoices):
    """What happened to a joint file (``chain.Event``)."""

    FIRST_DISCUSSION = "first_discussion", _("First discussion (pembahasan pertama)")
    SECOND_DISCUSSION = "second_discussion", _("Second discussion (pembahasan kedua)")
    DECIDE_FORWARD = "decide_forward", _("Declare alleged election crime, decide to forward")
    STOP_HANDLING = "stop_handling", _("Decide not to forward")
    FORWARD_TO_POLICE = "forward_to_police", _("Forward to police")
    FIND_SUFFICIENT_EVIDENCE = "find_sufficient_evidence", _("Sufficient preliminary evidence")
    START_INVESTIGATION = "start_investigation", _("Start investigation")
    THIRD_DISCUSSION = "third_discussion", _("Third discussion (pembahasan ketiga)")
    SUBMIT_FILE = "submit_file", _("Submit case file to prosecutor (tahap I)")
    TERMINATE_INVESTIGATION = "terminate_investigation", _("Terminate investigation (SP3)")
    RETURN_INCOMPLETE = "return_incomplete", _("Return file incomplete (P-19)")
    RESUBMIT_FILE = "resubmit_file", _("Resubmit completed file")
    DECLARE_COMPLETE = "declare_complete", _("Declare file complete (P-21)")
    STOP_PROSECUTION = "stop_prosecution", _("Stop prosecution")
    TRANSFER_TO_COURT = "transfer_to_court", _("Transfer to district court")
    READ_VERDICT = "read_verdict", _("First-instance verdict read")
    DELIVER_VERDICT = "deliver_verdict", _("Verdict delivered to prosecutor")
    FILE_APPEAL = "file_appeal", _("Appeal filed")
    FORWARD_APPEAL = "forward_appeal", _("Appeal forwarded to high court")
    DECIDE_APPEAL = "decide_appeal", _("Appeal decided")
    EXECUTE_VERDICT = "execute_verdict", _("Verdict executed")


class VerdictOutcome(models.TextChoices):
    """The outcome of a verdict, for the one shared count."""

    NONE = "", _("—")
    CONVICTED = "convicted", _("Convicted")
    ACQUITTED = "acquitted", _("Acquitted (bebas)")
    DISMISSED = "dismissed", _("Released from charges (lepas)")


class RequestStatus(models.TextChoices):
    """A police or prosecution request waiting for Bawaslu."""

    PENDING = "pending", _("Awaiting Bawaslu approval")
    APPROVED = "approved", _("Approved")
    REJECTED = "rejected", _("Rejected")


class SuspectStatus(models.TextChoices):
    SUSPECT = "suspect", _("Suspect (tersangka)")
    DEFENDANT = "defendant", _("Defendant (terdakwa)")
    CONVICTED = "convicted", _("Convicted (terpidana)")
    ACQUITTED = "acquitted", _("Acquitted")
    RELEASED = "released", _("Released (SP3)")


class WitnessKind(models.TextChoices):
    WITNESS = "witness", _("Witness (saksi)")
    EXPERT = "expert", _("Expert (ahli)")


class DocumentKind(models.TextChoices):
    FORWARDING_LETTER = "forwarding_letter", _("Forwarding letter from Bawaslu")
    MINUTES = "minutes", _("Minutes (berita acara)")
    CASE_FILE = "case_file", _("Case file (berkas perkara)")
    P19 = "p19", _("Return with instructions (P-19)")
    P21 = "p21", _("File complete notice (P-21)")
    SP3 = "sp3", _("Termination order (SP3)")
    INDICTMENT = "indictment", _("Indictment (surat dakwaan)")
    VERDICT = "verdict", _("Verdict (putusan)")
    EXECUTION = "execution", _("Execution record (BA pelaksanaan putusan)")
    LETTER = "letter", _("Other letter")


class CourtInstance(models.TextChoices):
    FIRST = "first", _("District court (PN)")
    APPEAL = "appeal", _("High court (PT)")
