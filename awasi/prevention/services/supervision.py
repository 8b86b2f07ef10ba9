"""Use cases for supervision reports (LHP), turning one into a finding, and the ASN register."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from awasi.core.audit import record, snapshot
from awasi.core.concurrency import bump_version
from awasi.core.errors import DomainError
from awasi.prevention.choices import (
    EmploymentKind,
    LegalReview,
    NeutralitySource,
    RecommendationTo,
    ReportStatus,
)
from awasi.prevention.findings import finding_service, open_finding
from awasi.prevention.models import (
    HonoraryCandidate,
    NeutralityCase,
    SupervisionPhoto,
    SupervisionReport,
)
from awasi.prevention.scopes import BAWASLU
from awasi.prevention.services._common import checked_photo, require_recorder, require_text

MAX_PHOTOS = 10
REPORT_FIELDS = ("status", "finding_case_id", "finding_reference", "declared_at")


@transaction.atomic
def submit_supervision_report(
    *,
    actor: Any,
    stage: Any,
    region: Any,
    supervised_at: datetime,
    activity: str,
    place: str,
    result: str,
    suspected_violation: bool = False,
    polling_station: Any = None,
    photos: Sequence[Any] = (),
    is_synthetic: bool = False,
) -> SupervisionReport:
    """File an LHP with its photos; a suspected violation waits to be declared a finding."""
    require_recorder(actor, region.pk, BAWASLU)
    if supervised_at > timezone.now():
        raise DomainError(_("Supervision cannot be in the future."), code="date")
    if polling_station is not None and polling_station.village_id != region.pk:
        raise DomainError(_("The TPS is not in the chosen village."), code="tps")
    if len(photos) > MAX_PHOTOS:
        raise DomainError(_("At most %(n)s photos.") % {"n": MAX_PHOTOS}, code="photos")
    checked = [checked_photo(p) for p in photos]  # all validated before anything is written
    report = SupervisionReport.objects.create(
        organisation_id=actor.organisation_id,
        author=actor,
        stage=stage,
        region=region,
        polling_station=polling_station,
        supervised_at=supervised_at,
        activity=require_text(activity, _("What was supervised")),
        place=require_text(place, _("Place")),
        result=require_text(result, _("What was found")),
        suspected_violation=suspected_violation,
        is_synthetic=is_synthetic,
        status=ReportStatus.TO_BE_DECLARED if suspected_violation else ReportStatus.SUBMITTED,
    )
    for content, facts in checked:
        photo = SupervisionPhoto(
            report=report, mime=facts.mime, size=facts.size, sha256=facts.sha256
        )
        photo.file.save(content.name, content, save=True)
    record(
        actor=actor,
        action="prevention.lhp.submit",
        target=report,
        after=snapshot(report, ("region_id", "stage_id", "status", "suspected_violation")),
        data={"photos": [f.sha256 for _c, f in checked]},
    )
    return report


@transaction.atomic
def declare_finding_from_report(
    *,
    actor: Any,
    report: SupervisionReport,
    expected_version: int | None,
    title: str = "",
    reported_party: str = "",
) -> SupervisionReport:
    """Open a finding (*temuan*) in case handling from an LHP, or keep it flagged until possible.

    A finding must be declared within 7 days of discovery (UU 7/2017 Pasal 454 ayat (5),
    secondary); that deadline is computed and tracked by case handling, not here.
    """
    require_recorder(actor, report.region_id, BAWASLU)
    if report.status == ReportStatus.FINDING_DECLARED:
        raise DomainError(_("This report is already a finding."), code="status")
    service = finding_service()
    if service is not None:
        title = require_text(title or report.activity, _("Title"))
        reported_party = require_text(reported_party, _("Reported party"))
    bump_version(report, expected_version)
    before = snapshot(report, REPORT_FIELDS)
    if service is None:
        report.status, report.suspected_violation = ReportStatus.TO_BE_DECLARED, True
    else:
        case = open_finding(
            service, actor=actor, report=report, title=title, reported_party=reported_party
        )
        report.status, report.declared_at = ReportStatus.FINDING_DECLARED, timezone.now()
        report.finding_case_id = case.pk
        report.finding_reference = str(case)[:120]
    report.save()
    record(
        actor=actor,
        action="prevention.lhp.declare_finding",
        target=report,
        before=before,
        after=snapshot(report, REPORT_FIELDS),
    )
    return report


@transaction.atomic
def close_report_without_violation(
    *, actor: Any, report: SupervisionReport, expected_version: int | None
) -> SupervisionReport:
    """Mark an LHP as showing no violation (only before it became a finding)."""
    require_recorder(actor, report.region_id, BAWASLU)
    if report.status == ReportStatus.FINDING_DECLARED:
        raise DomainError(_("This report is already a finding."), code="status")
    bump_version(report, expected_version)
    before = snapshot(report, REPORT_FIELDS)
    report.status, report.suspected_violation = ReportStatus.NO_VIOLATION, False
    report.save()
    record(
        actor=actor,
        action="prevention.lhp.no_violation",
        target=report,
        before=before,
        after=snapshot(report, REPORT_FIELDS),
    )
    return report


def _choice(value: str, choices: Any, label: str) -> str:
    if value not in choices.values:
        raise DomainError(_("Choose a valid %(field)s.") % {"field": label}, code="choice")
    return value


@transaction.atomic
def record_neutrality_case(
    *,
    actor: Any,
    region: Any,
    name: str,
    employer: str,
    employment: str,
    source: str,
    description: str,
    occurred_on: date,
    position: str = "",
    supervision_report: SupervisionReport | None = None,
    source_reference: str = "",
    is_synthetic: bool = False,
) -> NeutralityCase:
    """Enter an ASN / honorary-staff neutrality case in the register."""
    require_recorder(actor, region.pk, BAWASLU)
    if occurred_on > timezone.localdate():
        raise DomainError(_("The date cannot be in the future."), code="date")
    case = NeutralityCase.objects.create(
        region=region,
        organisation_id=actor.organisation_id,
        name=require_text(name, _("Name")),
        employer=require_text(employer, _("Employing agency")),
        employment=_choice(employment, EmploymentKind, _("employment")),
        source=_choice(source, NeutralitySource, _("source")),
        position=position.strip(),
        description=require_text(description, _("What happened")),
        occurred_on=occurred_on,
        supervision_report=supervision_report,
        source_reference=source_reference.strip(),
        is_synthetic=is_synthetic,
    )
    record(
        actor=actor,
        action="prevention.neutrality.record",
        target=case,
        after=snapshot(case, ("region_id", "employment", "source", "occurred_on")),
    )
    return case


FOLLOW_FIELDS = (
    "recommendation_to",
    "recommendation_number",
    "recommendation_sent_on",
    "acted_on",
    "action_taken",
)


@transaction.atomic
def send_neutrality_recommendation(
    *,
    actor: Any,
    case: NeutralityCase,
    to: str,
    number: str,
    sent_on: date,
    expected_version: int | None,
) -> NeutralityCase:
    """Record the recommendation Bawaslu sent to BKN or the staffing officer (PPK)."""
    require_recorder(actor, case.region_id, BAWASLU)
    if case.recommendation_sent_on is not None:
        raise DomainError(_("The recommendation was already sent."), code="status")
    if not case.occurred_on <= sent_on <= timezone.localdate():
        raise DomainError(_("The sending date must be between the event and today."), code="date")
    bump_version(case, expected_version)
    before = snapshot(case, FOLLOW_FIELDS)
    case.recommendation_to = _choice(to, RecommendationTo, _("recipient"))
    case.recommendation_number = require_text(number, _("Recommendation number"))
    case.recommendation_sent_on = sent_on
    case.save()
    record(
        actor=actor,
        action="prevention.neutrality.recommend",
        target=case,
        before=before,
        after=snapshot(case, FOLLOW_FIELDS),
    )
    return case


@transaction.atomic
def record_neutrality_follow_up(
    *,
    actor: Any,
    case: NeutralityCase,
    acted_on: date,
    action_taken: str,
    expected_version: int | None,
) -> NeutralityCase:
    """Record what BKN / the PPK did about the recommendation, and when."""
    require_recorder(actor, case.region_id, BAWASLU)
    if case.recommendation_sent_on is None:
        raise DomainError(_("Send the recommendation first."), code="status")
    if not case.recommendation_sent_on <= acted_on <= timezone.localdate():
        raise DomainError(
            _("The follow-up date must be between the recommendation and today."), code="date"
        )
    bump_version(case, expected_version)
    before = snapshot(case, FOLLOW_FIELDS)
    case.acted_on, case.action_taken = acted_on, require_text(action_taken, _("Follow-up taken"))
    case.save()
    record(
        actor=actor,
        action="prevention.neutrality.follow_up",
        target=case,
        before=before,
        after=snapshot(case, FOLLOW_FIELDS),
    )
    return case


@transaction.atomic
def flag_honorary_candidate(
    *,
    actor: Any,
    region: Any,
    election: Any,
    name: str,
    employer: str,
    employment: str,
    party: str,
    office_sought: str,
    is_synthetic: bool = False,
) -> HonoraryCandidate:
    """Put an honorary/contract staff member running as a candidate on the legal-review list."""
    require_recorder(actor, region.pk, BAWASLU)
    if employment not in (EmploymentKind.HONORARY, EmploymentKind.CONTRACT, EmploymentKind.PPPK):
        raise DomainError(
            _("Only honorary, contract or PPPK staff go on this list."), code="choice"
        )
    candidate = HonoraryCandidate.objects.create(
        region=region,
        election=election,
        name=require_text(name, _("Name")),
        employer=require_text(employer, _("Employing agency")),
        employment=employment,
        party=require_text(party, _("Party")),
        office_sought=require_text(office_sought, _("Running for")),
        is_synthetic=is_synthetic,
    )
    record(
        actor=actor,
        action="prevention.honorary.flag",
        target=candidate,
        after=snapshot(candidate, ("region_id", "employment", "review")),
    )
    return candidate


@transaction.atomic
def review_honorary_candidate(
    *, actor: Any, candidate: HonoraryCandidate, review: str, note: str
) -> HonoraryCandidate:
    """Record the legal review's conclusion (a person decides; Awasi never classifies)."""
    require_recorder(actor, candidate.region_id, BAWASLU)
    if _choice(review, LegalReview, _("review")) == LegalReview.PENDING:
        raise DomainError(_("Choose the review's conclusion."), code="choice")
    before = snapshot(candidate, ("review", "review_note"))
    candidate.review, candidate.review_note = review, require_text(note, _("Review note"))
    candidate.reviewed_by = actor
    candidate.save()
    record(
        actor=actor,
        action="prevention.honorary.review",
        target=candidate,
        before=before,
        after=snapshot(candidate, ("review", "review_note")),
    )
    return candidate
