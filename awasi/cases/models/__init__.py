"""Case models, split by concern; import them from here."""

from awasi.cases.models.case import (
    Case,
    CaseAlias,
    Clarification,
    Comment,
    Decision,
    NumberSequence,
    Referral,
    Reporter,
    StatusChange,
    Witness,
)
from awasi.cases.models.deadline import CaseDeadline, DeadlineNotice, DeadlineStatus
from awasi.cases.models.evidence import Evidence, EvidenceAccess
from awasi.cases.models.rules import DeadlineRule
from awasi.cases.models.staging import IntakeSubmission
from awasi.cases.models.tip import Tip

__all__ = [
    "Case",
    "CaseAlias",
    "CaseDeadline",
    "Clarification",
    "Comment",
    "DeadlineNotice",
    "DeadlineRule",
    "DeadlineStatus",
    "Decision",
    "Evidence",
    "EvidenceAccess",
    "IntakeSubmission",
    "NumberSequence",
    "Referral",
    "Reporter",
    "StatusChange",
    "Tip",
    "Witness",
]
