"""Reads of the prevention app: commitments, the ASN register's follow-up, the stage summary."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from django.conf import settings
from django.db.models import Count, Q, QuerySet

from awasi.prevention.choices import OPEN_ACTION_STATUSES, ActionStatus, ReportStatus
from awasi.prevention.models import (
    ActionItem,
    Appeal,
    NeutralityCase,
    Patrol,
    Socialisation,
    SupervisionReport,
)
from awasi.prevention.neutrality import FollowUp, FollowUpState, follow_up
from awasi.prevention.scopes import org_ids
from awasi.prevention.summary import ActivityFact, CommitmentFact, FindingFact, Summary, summarise
from awasi.regions.codes import subtree_q


def open_commitments_of(user: Any) -> QuerySet[ActionItem]:
    """Open commitments owned by the user's organisation (and those under it), soonest first."""
    return (
        ActionItem.objects.filter(owner_id__in=org_ids(user))
        .open()
        .select_related("meeting", "owner")
        .order_by("due_on", "id")
    )


def commitments_overview(user: Any, *, today: date) -> list[dict[str, Any]]:
    """Per owner organisation: commitments open, in progress, done, cancelled and overdue."""
    rows = (
        ActionItem.objects.visible_to(user)
        .values("owner_id", "owner__name", "owner__agency")
        .annotate(
            open=Count("pk", filter=Q(status=ActionStatus.OPEN)),
            in_progress=Count("pk", filter=Q(status=ActionStatus.IN_PROGRESS)),
            done=Count("pk", filter=Q(status=ActionStatus.DONE)),
            cancelled=Count("pk", filter=Q(status=ActionStatus.CANCELLED)),
            overdue=Count("pk", filter=Q(status__in=OPEN_ACTION_STATUSES, due_on__lt=today)),
        )
        .order_by("-overdue", "owner__name")
    )
    return list(rows)


def asn_follow_up_days() -> int:
    """``PREVENTION_ASN_FOLLOW_UP_DAYS``: configurable, the SKB 2022 annex is UNVERIFIED."""
    return int(getattr(settings, "PREVENTION_ASN_FOLLOW_UP_DAYS", 14))


@dataclass(frozen=True)
class RegisterRow:
    """One register entry with its computed follow-up state."""

    case: NeutralityCase
    follow_up: FollowUp

    @property
    def is_missing(self) -> bool:
        return self.follow_up.state == FollowUpState.MISSING


def neutrality_register(user: Any, *, today: date) -> list[RegisterRow]:
    """The ASN-neutrality register the user may see, missing follow-ups first."""
    days = asn_follow_up_days()
    rows = [
        RegisterRow(
            c,
            follow_up(
                sent_on=c.recommendation_sent_on,
                acted_on=c.acted_on,
                today=today,
                expected_days=days,
            ),
        )
        for c in NeutralityCase.objects.visible_to(user).select_related("region")
    ]
    order = {FollowUpState.MISSING: 0, FollowUpState.NOT_SENT: 1, FollowUpState.AWAITING: 2}
    return sorted(rows, key=lambda r: (order.get(r.follow_up.state, 3), r.case.occurred_on))


def _in(qs: QuerySet, region_code: str, stage: Any) -> QuerySet:
    qs = qs.filter(subtree_q("region_id", region_code))
    return qs.filter(stage=stage) if stage is not None else qs


def stage_summary(user: Any, *, region_code: str, stage: Any, today: date) -> Summary:
    """Activities, findings and commitments for one stage and region, as the user may see them."""
    activities: list[ActivityFact] = []
    for kind, model in (("socialisation", Socialisation), ("appeal", Appeal)):
        rows = _in(model.objects.visible_to(user), region_code, stage)
        value = "participants" if model is Socialisation else "pk"
        for region_id, n in rows.values_list("region_id", value):
            activities.append(ActivityFact(kind, region_id, n if kind == "socialisation" else 0))
    for region_id, found in _in(Patrol.objects.visible_to(user), region_code, stage).values_list(
        "region_id", "has_findings"
    ):
        activities.append(ActivityFact("patrol", region_id, has_findings=found))
    reports = _in(SupervisionReport.objects.visible_to(user), region_code, stage)
    findings: list[FindingFact] = []
    for region_id, status in reports.values_list("region_id", "status"):
        activities.append(ActivityFact("supervision", region_id))
        if status in (ReportStatus.TO_BE_DECLARED, ReportStatus.FINDING_DECLARED):
            findings.append(FindingFact(region_id, status == ReportStatus.FINDING_DECLARED))
    items = ActionItem.objects.visible_to(user).filter(subtree_q("meeting__region_id", region_code))
    if stage is not None:
        items = items.filter(Q(meeting__stage=stage) | Q(meeting__stage__isnull=True))
    commitments = [
        CommitmentFact(r, s, d, s in OPEN_ACTION_STATUSES)
        for r, s, d in items.values_list("meeting__region_id", "status", "due_on")
    ]
    return summarise(
        region_code=region_code,
        today=today,
        activities=activities,
        findings=findings,
        commitments=commitments,
    )
