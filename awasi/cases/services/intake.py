"""Intake: public reports, staff entry, findings and anonymous tips — idempotent by client key."""

from __future__ import annotations

import base64
import hashlib
import hmac
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from django.conf import settings
from django.core.files.uploadedfile import UploadedFile
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from awasi.cases import numbering, privacy
from awasi.cases.choices import CaseOrigin, Channel, TipStatus
from awasi.cases.deadlines import start_of_local_day
from awasi.cases.models import Case, Reporter, StatusChange, Tip, Witness
from awasi.cases.selectors import rules_for
from awasi.cases.services.clocks import clock_data, insert_clock, record_elapsed
from awasi.cases.services.evidence import add_evidence, check_upload
from awasi.core import audit
from awasi.core.errors import DomainError
from awasi.elections.calendar import working_calendar
from awasi.regions.codes import in_subtree
from awasi.regions.timezones import zone_for


@dataclass
class ReporterData:
    kind: str
    name: str
    address: str
    nik: str = ""
    phone: str = ""
    email: str = ""


@dataclass
class CaseData:
    """What every report or finding carries (UU 7/2017 Pasal 454 ayat (4))."""

    election: Any
    region: Any
    title: str
    description: str
    reported_party: str
    place: str
    occurred_on: date
    known_on: date | None = None
    stage: Any = None
    violation_type: str = ""
    witnesses: list[dict[str, str]] = field(default_factory=list)
    files: list[UploadedFile] = field(default_factory=list)
    is_synthetic: bool = False


@dataclass
class IntakeResult:
    case: Case
    secret: str
    created: bool


def secret_for(intake_key: str, tracking_code: str) -> str:
    """The reporter's secret. With a client key it is derived (HMAC with SECRET_KEY) so a retried
    submission gets the same answer; only its hash is stored either way."""
    if not intake_key:
        return numbering.new_secret()
    message = f"{intake_key}:{tracking_code}".encode()
    digest = hmac.new(settings.SECRET_KEY.encode(), message, hashlib.sha256).digest()
    return base64.urlsafe_b64encode(digest[:12]).decode()


def hash_secret(secret: str) -> str:
    """Secrets are long random strings, so a plain SHA-256 (not a slow KDF) is enough."""
    return hashlib.sha256(secret.encode()).hexdigest()


def _validate(data: CaseData, *, origin: str) -> None:
    errors: dict[str, str] = {}
    election_area = data.election.region_code or None
    if not in_subtree(data.region.code, election_area):
        errors["region"] = _("The region is outside the area of this election.")
    for name in ("title", "description", "reported_party", "place"):
        if not str(getattr(data, name) or "").strip():
            errors[name] = _("This field is required.")
    today = timezone.localdate(timezone=zone_for(data.region.code))
    if data.occurred_on and data.occurred_on > today:
        errors["occurred_on"] = _("The date of the event cannot be in the future.")
    if origin == CaseOrigin.REPORT and not data.known_on:
        errors["known_on"] = _("Give the date you learned of the event.")
    if data.known_on and (data.known_on > today or data.known_on < data.occurred_on):
        errors["known_on"] = _("That date must be between the event and today.")
    if errors:
        raise DomainError(_("Please correct the errors below."), code="invalid", details=errors)
    for upload in data.files:
        check_upload(upload)


def _validate_reporter(reporter: ReporterData) -> ReporterData:
    errors: dict[str, str] = {}
    if not reporter.name.strip():
        errors["reporter_name"] = _("This field is required.")
    if not reporter.address.strip():
        errors["reporter_address"] = _("This field is required.")
    nik = reporter.nik.strip()
    if nik:
        try:
            nik = privacy.clean_nik(nik)
        except ValueError:
            errors["reporter_nik"] = _("This NIK is not valid (16 digits as on the KTP).")
    if not (reporter.phone.strip() or reporter.email.strip()):
        errors["reporter_phone"] = _("Give a phone number or an email so we can reach you.")
    if errors:
        raise DomainError(_("Please correct the errors below."), code="invalid", details=errors)
    reporter.nik = nik
    return reporter


def _existing(intake_key: str | None) -> Case | None:
    if not intake_key:
        return None
    return Case.objects.filter(intake_key=intake_key).first()


def submit_report(
    *,
    data: CaseData,
    reporter: ReporterData,
    intake_key: str | None,
    channel: str = Channel.WEB,
    actor: Any = None,
    received_at: datetime | None = None,
    tracking_code: str | None = None,
) -> IntakeResult:
    """File a formal report; a repeated ``intake_key`` returns the case it first created.

    ``received_at`` and ``tracking_code`` are given by the staged intake processor: the clocks
    start when the report was received, and the reporter keeps the code answered at staging."""
    existing = _existing(intake_key)
    if existing is not None:
        return IntakeResult(existing, secret_for(intake_key or "", existing.tracking_code), False)
    _validate(data, origin=CaseOrigin.REPORT)
    reporter = _validate_reporter(reporter)
    try:
        return _create_report(
            data, reporter, intake_key, channel, actor, received_at, tracking_code
        )
    except IntegrityError:
        # A concurrent retry with the same key won the race: answer with its case.
        existing = _existing(intake_key)
        if existing is None:
            raise
        return IntakeResult(existing, secret_for(intake_key or "", existing.tracking_code), False)


@transaction.atomic
def _create_report(
    data: CaseData,
    reporter: ReporterData,
    intake_key: str | None,
    channel: str,
    actor: Any,
    received_at: datetime | None,
    tracking_code: str | None = None,
) -> IntakeResult:
    received_at = received_at or timezone.now()
    case, secret = _create_case(
        data, CaseOrigin.REPORT, channel, intake_key, received_at, tracking_code
    )
    Reporter.objects.create(case=case, **reporter.__dict__)
    _add_people_and_files(case, data, actor)
    _history(case, actor, received_at, _("Your report was received and will be reviewed."))
    clocks = _intake_clocks(case, received_at, actor)
    # One audit event for the intake and the clocks it started: the chain's lock is held only
    # for the last statement of the transaction.
    audit.record(
        actor=actor or "public", action="cases.report.submit", target=case,
        data={"channel": channel, "clocks": [clock_data(c) for c in clocks]},
    )  # fmt: skip
    return IntakeResult(case, secret, True)


def _intake_clocks(case: Case, received_at: datetime, actor: Any) -> list[Any]:
    """Report filing (already elapsed: met or met late) and the initial-review clock, started
    with one rule query and one calendar (Pilkada has no initial-review rule: skipped)."""
    rules = rules_for(regime=case.election.regime, steps=["report_filing", "initial_review"])
    calendar = working_calendar(case.region_id)
    clocks = []
    if case.known_on and "report_filing" in rules:
        started = start_of_local_day(case.known_on, zone_for(case.region_id))
        clocks.append(insert_clock(
            case=case, rule=rules["report_filing"], started_at=started, actor=actor,
            calendar=calendar, stopped_at=max(received_at, started),
        ))  # fmt: skip
    if "initial_review" in rules:
        clocks.append(insert_clock(
            case=case, rule=rules["initial_review"], started_at=received_at, actor=actor,
            calendar=calendar,
        ))  # fmt: skip
    return clocks


def _create_case(
    data: CaseData,
    origin: str,
    channel: str,
    intake_key: str | None,
    received_at: datetime,
    tracking_code: str | None = None,
) -> tuple[Case, str]:
    # Runs in the caller's transaction: a lost idempotency race surfaces as IntegrityError.
    tracking_code = tracking_code or numbering.new_tracking_code()
    secret = secret_for(intake_key or "", tracking_code)
    case = Case.objects.create(
        tracking_code=tracking_code,
        secret_hash=hash_secret(secret),
        intake_key=intake_key or None,
        origin=origin,
        channel=channel,
        election=data.election,
        stage=data.stage or stage_on(data.election, data.occurred_on),
        region=data.region,
        organisation=handling_body_for(data.region.code),
        violation_type=data.violation_type,
        title=data.title.strip(),
        description=data.description.strip(),
        reported_party=data.reported_party.strip(),
        place=data.place.strip(),
        occurred_on=data.occurred_on,
        known_on=data.known_on,
        received_at=received_at,
        is_synthetic=data.is_synthetic,
    )
    return case, secret


def stage_on(election: Any, day: date) -> Any:
    """The election stage running on ``day`` (the shortest one when stages overlap)."""
    from django.db.models import F

    stages = election.stages.filter(starts_on__lte=day, ends_on__gte=day)
    return stages.order_by(F("ends_on") - F("starts_on")).first()


def _add_people_and_files(case: Case, data: CaseData, actor: Any) -> None:
    for witness in data.witnesses:
        if witness.get("name", "").strip():
            Witness.objects.create(case=case, **{k: v.strip() for k, v in witness.items()})
    for upload in data.files:
        add_evidence(case=case, upload=upload, actor=actor, validated=True)


def _history(case: Case, actor: Any, at: datetime, public_note: str) -> None:
    StatusChange.objects.create(
        case=case,
        from_status="",
        to_status=case.status,
        at=at,
        actor=actor if getattr(actor, "is_authenticated", False) else None,
        public_note=public_note,
    )


def handling_body_for(region_code: str) -> Any:
    """The Bawaslu body that handles a case in ``region_code``: the regency's Bawaslu
    Kabupaten/Kota, else the nearest Bawaslu above it (Perbawaslu 7/2022 Pasal 10 ayat (1):
    reports go to the body where the violation occurred)."""
    from awasi.accounts.choices import Agency, OrgLevel
    from awasi.accounts.models import Organisation
    from awasi.regions.codes import ancestors

    candidates = {
        org.region_id: org
        for org in Organisation.objects.filter(
            agency=Agency.BAWASLU,
            level__in=[OrgLevel.PROVINCE, OrgLevel.REGENCY],
            region_id__in=ancestors(region_code),
        )
    }
    for code in reversed(ancestors(region_code)):
        if code in candidates:
            return candidates[code]
    return None


@transaction.atomic
def declare_finding(
    *,
    data: CaseData,
    discovered_on: date,
    actor: Any,
    intake_key: str | None = None,
    declared_at: datetime | None = None,
) -> Case:
    """A supervisor declares a finding (*temuan*, UU 7/2017 Pasal 454 ayat (5))."""
    existing = _existing(intake_key)
    if existing is not None:
        return existing
    data.known_on = None
    _validate(data, origin=CaseOrigin.FINDING)
    if discovered_on < data.occurred_on:
        raise DomainError(
            _("Please correct the errors below."),
            details={"discovered_on": _("Discovery cannot precede the event.")},
        )
    declared_at = declared_at or timezone.now()
    case, _secret = _create_case(
        data, CaseOrigin.FINDING, Channel.SUPERVISION, intake_key, declared_at
    )
    _add_people_and_files(case, data, actor)
    _history(case, actor, declared_at, "")
    clock = record_elapsed(
        case=case, step="finding_declaration", record=False,
        started_at=start_of_local_day(discovered_on, zone_for(case.region_id)),
        stopped_at=declared_at, actor=actor,
    )  # fmt: skip
    audit.record(
        actor=actor, action="cases.finding.declare", target=case,
        data={"clocks": [clock_data(clock)] if clock else []},
    )  # fmt: skip
    return case


@transaction.atomic
def submit_tip(
    *,
    election: Any,
    region: Any,
    description: str,
    place: str = "",
    occurred_on: date | None = None,
    contact: str = "",
    intake_key: str | None = None,
) -> Tip:
    """Record an anonymous tip; information only, never a formal report."""
    if intake_key:
        existing = Tip.objects.filter(intake_key=intake_key).first()
        if existing is not None:
            return existing
    if not description.strip():
        raise DomainError(
            _("Please correct the errors below."),
            details={"description": _("This field is required.")},
        )
    tip = Tip.objects.create(
        election=election,
        region=region,
        description=description.strip(),
        place=place.strip(),
        occurred_on=occurred_on,
        contact=contact.strip(),
        intake_key=intake_key or None,
        received_at=timezone.now(),
    )
    audit.record(actor="public", action="cases.tip.submit", target=tip)
    return tip


@transaction.atomic
def convert_tip(*, tip: Tip, actor: Any, title: str, reported_party: str) -> Case:
    """Turn a tip into a finding the supervisor declares (the tip itself stays anonymous)."""
    if tip.status != TipStatus.NEW:
        raise DomainError(_("This tip was already handled."), code="tip_handled")
    today = timezone.localdate()
    data = CaseData(
        election=tip.election,
        region=tip.region,
        title=title,
        description=tip.description,
        reported_party=reported_party,
        place=tip.place or tip.region.name,
        occurred_on=tip.occurred_on or today,
    )
    case = declare_finding(data=data, discovered_on=today, actor=actor)
    Case.objects.filter(pk=case.pk).update(channel=Channel.TIP)
    tip.status, tip.case = TipStatus.CONVERTED, case
    tip.save(update_fields=["status", "case"])
    audit.record(actor=actor, action="cases.tip.convert", target=tip, data={"case": case.pk})
    return case


@transaction.atomic
def dismiss_tip(*, tip: Tip, actor: Any) -> Tip:
    """Close a tip without a finding."""
    if tip.status != TipStatus.NEW:
        raise DomainError(_("This tip was already handled."), code="tip_handled")
    tip.status = TipStatus.DISMISSED
    tip.save(update_fields=["status"])
    audit.record(actor=actor, action="cases.tip.dismiss", target=tip)
    return tip


def check_status_secret(case: Case, secret: str) -> bool:
    """Constant-time check of a reporter's secret."""
    return bool(case.secret_hash) and hmac.compare_digest(case.secret_hash, hash_secret(secret))
