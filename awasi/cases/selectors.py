"""Reads: deadline rules, the deadline queue, statistics."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from django.db.models import Count, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from awasi.cases.models import Case, CaseDeadline, DeadlineRule
from awasi.core.errors import DomainError
from awasi.regions.timezones import zone_for


def get_rule(*, regime: str, step: str, variant: str | None = None) -> DeadlineRule:
    """The active rule for a step; refuses to guess between conflicting variants."""
    rules = DeadlineRule.objects.filter(regime=regime, step=step, is_active=True)
    if variant is not None:
        rules = rules.filter(variant=variant)
    found = list(rules[:3])
    if not found:
        raise DomainError(
            _("No active deadline rule for step %(step)s in regime %(regime)s.")
            % {"step": step, "regime": regime},
            code="no_rule",
        )
    if len(found) > 1:
        raise DomainError(
            _("Step %(step)s of regime %(regime)s has conflicting rules; choose one of: %(v)s.")
            % {"step": step, "regime": regime, "v": ", ".join(r.variant for r in found)},
            code="ambiguous_rule",
        )
    return found[0]


def deadline_queue(user: Any, *, now: datetime | None = None) -> dict[str, list[CaseDeadline]]:
    """Running deadlines the user may see, grouped overdue / today / tomorrow / this week.

    "Today" is the local date of each case's region, so a WIT case rolls over before a WIB one.
    """
    now = now or timezone.now()
    horizon = now + timedelta(days=8)
    rows = (
        CaseDeadline.objects.visible_to(user)
        .running()
        .filter(due_at__lte=horizon)
        .select_related("case", "case__region", "rule", "owner_organisation")
        .order_by("due_at")
    )
    groups: dict[str, list[CaseDeadline]] = {"overdue": [], "today": [], "tomorrow": [], "week": []}
    for row in rows:
        groups[_bucket(row, now)].append(row)
    return groups


def _bucket(row: CaseDeadline, now: datetime) -> str:
    if row.due_at < now:
        return "overdue"
    zone = zone_for(row.case.region_id)
    days = (row.due_at.astimezone(zone).date() - now.astimezone(zone).date()).days
    if days <= 0:
        return "today"
    return "tomorrow" if days == 1 else "week"


def public_statistics(*, election_id: int | None = None) -> dict[str, list[dict[str, Any]]]:
    """Case counts by type, status and regency: no personal data, synthetic cases excluded."""
    cases: QuerySet[Case] = Case.objects.filter(is_synthetic=False)
    if election_id:
        cases = cases.filter(election_id=election_id)
    return _counts(cases)


def _counts(cases: QuerySet[Case]) -> dict[str, list[dict[str, Any]]]:
    by_type = cases.values("violation_type").annotate(n=Count("id")).order_by("-n")
    by_status = cases.values("status").annotate(n=Count("id")).order_by("-n")
    by_origin = cases.values("origin").annotate(n=Count("id")).order_by("-n")
    regency = [row["region_id"][:5] for row in cases.values("region_id")]
    counts: dict[str, int] = {}
    for code in regency:
        counts[code] = counts.get(code, 0) + 1
    by_region = [{"code": code, "n": n} for code, n in sorted(counts.items())]
    return {
        "type": list(by_type),
        "status": list(by_status),
        "origin": list(by_origin),
        "region": by_region,
    }
