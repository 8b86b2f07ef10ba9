"""ASN-neutrality follow-up: did BKN / the staffing officer (PPK) act on Bawaslu's
recommendation? Pure.

Bawaslu handles ASN neutrality as a "violation of other laws" and forwards a recommendation (UU
7/2017 Pasal 455 ayat (1) huruf c; secondary, legal-notes §4.3); KASN's role passed to BKN in
2024 (secondary, legal-notes §4.1). The deadline within which the PPK must act is in the annex
of the SKB 2022 on ASN neutrality, which was not read (UNVERIFIED, legal-notes §11) — so
``expected_days`` is configuration (``PREVENTION_ASN_FOLLOW_UP_DAYS``), never a legal fact in
code. PPK follow-up is often missing (DEEP, Nov 2023, legal-notes §4.3): the point of this
module is to make that visible.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum


class FollowUpState(StrEnum):
    """Where a recommendation stands, as shown in the register."""

    NOT_SENT = "not_sent"
    AWAITING = "awaiting"
    MISSING = "missing"
    ACTED = "acted"
    ACTED_LATE = "acted_late"


@dataclass(frozen=True)
class FollowUp:
    """The follow-up state of one recommendation and the day it was expected."""

    state: FollowUpState
    expected_by: date | None
    days_waiting: int | None


def follow_up(
    *, sent_on: date | None, acted_on: date | None, today: date, expected_days: int
) -> FollowUp:
    """Classify a follow-up: ``MISSING`` once ``expected_days`` passed unanswered."""
    if expected_days < 0:
        raise ValueError("expected_days must not be negative")
    if sent_on is None:
        return FollowUp(FollowUpState.NOT_SENT, None, None)
    expected_by = sent_on + timedelta(days=expected_days)
    if acted_on is not None:
        if acted_on < sent_on:
            raise ValueError("follow-up cannot precede the recommendation")
        late = acted_on > expected_by
        return FollowUp(
            FollowUpState.ACTED_LATE if late else FollowUpState.ACTED, expected_by, None
        )
    waiting = (today - sent_on).days
    state = FollowUpState.MISSING if today > expected_by else FollowUpState.AWAITING
    return FollowUp(state, expected_by, waiting)
