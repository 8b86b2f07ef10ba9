"""Models of the prevention app, split by theme."""

from awasi.prevention.models.activities import Appeal, Patrol, PatrolTeamMember, Socialisation
from awasi.prevention.models.cooperation import (
    ActionItem,
    ActionItemReminder,
    Agreement,
    AgreementParty,
    Meeting,
)
from awasi.prevention.models.supervision import (
    HonoraryCandidate,
    NeutralityCase,
    SupervisionPhoto,
    SupervisionReport,
)

__all__ = [
    "ActionItem",
    "ActionItemReminder",
    "Agreement",
    "AgreementParty",
    "Appeal",
    "HonoraryCandidate",
    "Meeting",
    "NeutralityCase",
    "Patrol",
    "PatrolTeamMember",
    "Socialisation",
    "SupervisionPhoto",
    "SupervisionReport",
]
