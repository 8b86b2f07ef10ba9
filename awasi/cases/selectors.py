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


def find_by_code(code: str) -> Case | None:
    """The case a reporter's tracking code (or a merged case's alias) points to."""
    from awasi.cases.models import CaseAlias
    from awasi.cases.numbering import normalise_tracking_code

    code = normalise_tracking_code(code)
    case = Case.objects.filter(tracking_code=code).first()
    if case is None:
        alias = CaseAlias.objects.filter(alias=code).select_related("case").first()
        case = alias.case if alias else None
    return case


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


def rules_for(*, regime: str, steps: list[str]) -> dict[str, DeadlineRule]:
    """The active rule of each step that has one (one query); conflicting variants refused."""
    found: dict[str, DeadlineRule] = {}
    for rule in DeadlineRule.objects.filter(regime=regime, step__in=steps, is_active=True):
        if rule.step in found:
            get_rule(regime=regime, step=rule.step)  # raises the "ambiguous_rule" error
        found[rule.step] = rule
    return found


RESULT_MARGIN_DAYS = 5  # UU 7/2017 Pasal 484 ayat (1): "paling lama 5 (lima) hari sebelum"


def result_hard_date(case: Case) -> Any:
    """For an (alleged) election crime under Pemilu: the last day a decision that can change the
    vote result may come, 5 days before KPU determines the national result (UU 7/2017 Pasal 484
    ayat (1), VERIFIED), from the election's stage calendar; None when not applicable or unknown."""
    is_crime = "crime" in (case.violation_type, case.outcome)
    if not is_crime or case.election.regime != "pemilu":
        return None
    stage = case.election.stage("result")
    return stage.starts_on - timedelta(days=RESULT_MARGIN_DAYS) if stage else None


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
    """Case counts by type, status and regency: no personal data; merged duplicates excluded
    (they are counted once, in the case they were merged into)."""
    cases: QuerySet[Case] = Case.objects.exclude(status="merged")
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
        "synthetic": [{"n": cases.filter(is_synthetic=True).count()}],
        "type": list(by_type),
        "status": list(by_status),
        "origin": list(by_origin),
        "region": by_region,
    }


def filtered_cases(user: Any, params: dict[str, Any], *, area: str | None = None) -> QuerySet[Case]:
    """The case list: visible cases narrowed by the list filters, with the next due moment.

    ``next_due`` (earliest running clock) is annotated in the same query, so the page costs the
    same number of queries whatever its size.
    """
    from django.db.models import OuterRef, Q, Subquery

    from awasi.regions.codes import subtree_q

    cases = Case.objects.visible_to(user)
    if area:
        cases = cases.filter(subtree_q("region_id", area))
    for field in ("status", "origin", "violation_type"):
        if params.get(field):
            cases = cases.filter(**{field: params[field]})
    if params.get("election"):
        cases = cases.filter(election=params["election"])
    if params.get("stage"):
        cases = cases.filter(stage__kind=params["stage"])
    if params.get("region"):
        cases = cases.filter(subtree_q("region_id", params["region"]))
    if params.get("q"):
        text = params["q"]
        cases = cases.filter(
            Q(number__icontains=text) | Q(tracking_code__iexact=text) | Q(title__icontains=text)
            | Q(reported_party__icontains=text)
        )  # fmt: skip
    assignee = params.get("assignee")
    if assignee == "me":
        cases = cases.filter(assignee=user)
    elif assignee == "none":
        cases = cases.filter(assignee__isnull=True)
    # A correlated subquery (not a GROUP BY): only the rows on the page pay for it.
    next_due = CaseDeadline.objects.filter(case=OuterRef("pk"), stopped_at__isnull=True)
    cases = cases.annotate(next_due=Subquery(next_due.order_by("due_at").values("due_at")[:1]))
    now = timezone.now()
    running_clocks = CaseDeadline.objects.filter(stopped_at__isnull=True)
    if params.get("deadline") == "overdue":
        cases = cases.filter(pk__in=running_clocks.filter(due_at__lt=now).values("case_id"))
    elif params.get("deadline") == "soon":
        soon = running_clocks.filter(due_at__gte=now, due_at__lte=now + timedelta(hours=48))
        cases = cases.filter(pk__in=soon.values("case_id"))
    return cases.select_related("region", "election", "assignee", "organisation").order_by(
        "-received_at", "-id"
    )
