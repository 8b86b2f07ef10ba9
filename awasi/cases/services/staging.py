"""The high-volume intake path: stage a report with one INSERT, make the case in the background.

``stage_report`` checks the payload without the ORM (``awasi.cases.intake_payload``, elections and
regions cached per process) and writes one ``IntakeSubmission`` row with
``INSERT … ON CONFLICT (key) DO NOTHING RETURNING id`` — a client retry with the same
``Idempotency-Key`` finds the first row and gets the same tracking code, never a second row.
``process_intake`` turns staged rows into cases with the ordinary intake service
(``submit_report``: same validation, clocks started from the staged ``received_at``, the
service's audit event per case), safe to run in several processes at once (row locks with
``SKIP LOCKED`` on PostgreSQL; SQLite serialises writers).
"""

from __future__ import annotations

import json
import threading
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from django.db import IntegrityError, connection, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from awasi.cases import numbering
from awasi.cases.choices import Channel
from awasi.cases.intake_payload import PayloadError, ReferenceData, check_report
from awasi.cases.models import IntakeSubmission
from awasi.cases.services.intake import (
    CaseData,
    ReporterData,
    check_status_secret,
    hash_secret,
    secret_for,
    submit_report,
)
from awasi.core.errors import ConflictError, DomainError
from awasi.regions.timezones import zone_for


class _References:
    """Elections and known region codes, cached per process; a miss reloads (one query)."""

    def __init__(self) -> None:
        self.elections: dict[str, str] = {}
        self.regions: set[str] = set()
        self.lock = threading.Lock()

    def for_payload(self, payload: Any) -> ReferenceData:
        slug = payload.get("election") if isinstance(payload, dict) else None
        if isinstance(slug, str) and slug and slug not in self.elections:
            self.reload_elections()
        return ReferenceData(elections=self.elections, region_exists=self.region_exists)

    def reload_elections(self) -> None:
        from awasi.elections.models import Election

        with self.lock:
            self.elections = dict(Election.objects.values_list("slug", "region_code"))

    def region_exists(self, code: str) -> bool:
        if code in self.regions:
            return True
        from awasi.regions.models import Region

        if Region.objects.filter(pk=code).exists():
            with self.lock:
                self.regions.add(code)
            return True
        return False

    def clear(self) -> None:
        with self.lock:
            self.elections, self.regions = {}, set()


REFERENCES = _References()


@dataclass(frozen=True)
class StagedAnswer:
    tracking_code: str
    secret: str
    received_at: datetime
    created: bool


def _local_today(region_code: str) -> date:
    return timezone.localdate(timezone=zone_for(region_code))


def _json_ready(clean: dict[str, Any]) -> dict[str, Any]:
    return {k: v.isoformat() if isinstance(v, date) else v for k, v in clean.items()}


def _payload_error(exc: PayloadError) -> DomainError:
    return DomainError(exc.message, code=exc.code, details=exc.details)


INSERT_SQL = (
    "INSERT INTO {table} (key, received_at, payload, tracking_code, secret_hash, submitted_by_id)"
    " VALUES {rows} ON CONFLICT (key) DO NOTHING RETURNING key"
)
ROW_PLACEHOLDERS = "(%s, %s, %s, %s, %s, %s)"


@dataclass(frozen=True)
class Submission:
    """A checked report waiting to be staged: its key, clean payload and who entered it."""

    key: str
    payload: dict[str, Any]
    staff_id: int | None
    received_at: datetime


def check_submission(*, payload: Any, key: str, staff_id: int | None = None) -> Submission:
    """The pure part of staging: check the body (``DomainError`` with the field errors)."""
    try:
        clean = _json_ready(check_report(payload, REFERENCES.for_payload(payload), _local_today))
    except PayloadError as exc:
        raise _payload_error(exc) from None
    return Submission(key, clean, staff_id, timezone.now())


def stage_report(*, payload: Any, key: str, user: Any = None) -> StagedAnswer:
    """Check and stage one report. A repeated key with the same data answers as the first time
    (same tracking code and secret, ``created=False``); with other data it is a conflict."""
    staff_id = user.pk if getattr(user, "is_authenticated", False) else None
    answer = stage_many([check_submission(payload=payload, key=key, staff_id=staff_id)])[0]
    if isinstance(answer, DomainError):
        raise answer
    return answer


def stage_many(batch: list[Submission]) -> list[StagedAnswer | DomainError]:
    """Stage checked submissions with one multi-row ``INSERT … ON CONFLICT (key) DO NOTHING``
    (in autocommit: one statement, one commit), then answer the keys that were already staged
    from their first row (one SELECT). Answers come back in the order of ``batch``; a database
    error raises and stages none of them."""
    firsts: dict[str, Submission] = {}
    for item in batch:
        firsts.setdefault(item.key, item)
    codes = _insert_new(list(firsts.values()))
    earlier = _first_rows([key for key in firsts if key not in codes])
    answers: list[StagedAnswer | DomainError] = []
    for item in batch:
        if item is firsts[item.key] and item.key in codes:
            code = codes[item.key]
            answers.append(StagedAnswer(code, secret_for(item.key, code), item.received_at, True))
        elif item.key in codes:  # the same key twice in one batch: the first one was staged
            answers.append(_repeat(item, _Row(codes[item.key], firsts[item.key])))
        elif item.key in earlier:
            answers.append(_repeat(item, earlier[item.key]))
        else:  # its row vanished between the two statements (an admin deleted it)
            answers.append(DomainError(_("Please try again."), code="retry"))
    return answers


@dataclass(frozen=True)
class _Row:
    tracking_code: str
    first: Submission


def _insert_new(batch: list[Submission]) -> dict[str, str]:
    """Insert the batch; key → tracking code of the rows this statement inserted. A tracking
    code collision (1 in 31**10) fails the statement, which is retried with new codes."""
    if not batch:
        return {}
    meta = IntakeSubmission._meta
    sql = INSERT_SQL.format(  # only the quoted table name and placeholders go in
        table=connection.ops.quote_name(meta.db_table),
        rows=", ".join([ROW_PLACEHOLDERS] * len(batch)),
    )
    at_field, payload_field = meta.get_field("received_at"), meta.get_field("payload")
    for _attempt in range(3):
        codes = {item.key: numbering.new_tracking_code() for item in batch}
        params: list[Any] = []
        for item in batch:
            code = codes[item.key]
            params += [
                item.key,
                at_field.get_db_prep_save(item.received_at, connection),
                payload_field.get_db_prep_save(item.payload, connection),
                code,
                hash_secret(secret_for(item.key, code)),
                item.staff_id,
            ]
        try:
            inserted = _execute(sql, params)
        except IntegrityError:
            continue
        return {row[0]: codes[row[0]] for row in inserted}
    raise DomainError(_("Please try again."), code="retry")


def _execute(sql: str, params: list[Any]) -> list[tuple]:
    """In autocommit the statement is its own transaction (as the raw INSERT reference); inside
    an outer transaction a savepoint keeps a collision recoverable."""
    if connection.in_atomic_block:
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.execute(sql, params)
            return cursor.fetchall()
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()


def _first_rows(keys: list[str]) -> dict[str, _Row]:
    if not keys:
        return {}
    rows = IntakeSubmission.objects.filter(key__in=keys).values_list(
        "key", "tracking_code", "received_at", "payload", "submitted_by_id"
    )
    return {
        key: _Row(code, Submission(key, payload, staff_id, at))
        for key, code, at, payload, staff_id in rows
    }


def _repeat(item: Submission, row: _Row) -> StagedAnswer | DomainError:
    if _canonical(row.first.payload) != _canonical(item.payload):
        return ConflictError(
            gettext_lazy("This Idempotency-Key was already used for a different report."),
            code="idempotency_key_reused",
        )
    secret = secret_for(item.key, row.tracking_code)
    return StagedAnswer(row.tracking_code, secret, row.first.received_at, False)


def _canonical(value: Any) -> str:
    return json.dumps(value, sort_keys=True, default=str)


@dataclass
class ProcessResult:
    processed: int = 0
    failed: int = 0
    batches: int = 0


def process_intake(
    *,
    batch_size: int = 200,
    max_batches: int | None = None,
    progress: Callable[[ProcessResult], None] | None = None,
) -> ProcessResult:
    """Turn staged submissions into cases until none is left (or ``max_batches``). Each batch
    is one transaction holding its rows' locks; each row gets its own savepoint, so a row the
    service refuses records its error and the rest of the batch goes on."""
    result = ProcessResult()
    while max_batches is None or result.batches < max_batches:
        done, failed = _process_batch(batch_size)
        if not done:
            break
        result.processed += done
        result.failed += failed
        result.batches += 1
        if progress:
            progress(result)
    return result


@transaction.atomic
def _process_batch(batch_size: int) -> tuple[int, int]:
    from awasi.accounts.models import User
    from awasi.elections.models import Election
    from awasi.regions.models import Region

    rows = list(
        IntakeSubmission.objects.select_for_update(skip_locked=True)
        .filter(processed_at__isnull=True)
        .order_by("id")[:batch_size]
    )
    if not rows:
        return 0, 0
    elections = Election.objects.in_bulk({r.payload["election"] for r in rows}, field_name="slug")
    regions = Region.objects.in_bulk({r.payload["region"] for r in rows})
    users = User.objects.in_bulk({r.submitted_by_id for r in rows if r.submitted_by_id})
    now, failed = timezone.now(), 0
    for row in rows:
        try:
            with transaction.atomic():
                row.case = _make_case(row, elections, regions, users)
                row.error = None
        except DomainError as exc:
            failed += 1
            row.error = {"code": exc.code, "message": str(exc.message), "details": exc.details}
        row.processed_at = now
    IntakeSubmission.objects.bulk_update(rows, ["case", "error", "processed_at"])
    return len(rows), failed


def _make_case(row: IntakeSubmission, elections: dict, regions: dict, users: dict) -> Any:
    payload = row.payload
    election = elections.get(payload["election"])
    region = regions.get(payload["region"])
    if election is None or region is None:  # removed since staging
        field = "election" if election is None else "region"
        raise DomainError(
            _("Please correct the errors below."), details={field: _("This field is required.")}
        )
    actor = users.get(row.submitted_by_id)
    data = CaseData(
        election=election, region=region, title=payload["title"],
        description=payload["description"], reported_party=payload["reported_party"],
        place=payload["place"], occurred_on=date.fromisoformat(payload["occurred_on"]),
        known_on=date.fromisoformat(payload["known_on"]), witnesses=payload["witnesses"],
    )  # fmt: skip
    result = submit_report(
        data=data, reporter=ReporterData(**payload["reporter"]), intake_key=row.key,
        channel=Channel.DESK if actor else Channel.API, actor=actor,
        received_at=row.received_at, tracking_code=row.tracking_code,
    )  # fmt: skip
    return result.case


def find_staged(tracking_code: str, secret: str) -> IntakeSubmission | None:
    """The staged submission a reporter's tracking code + secret open (processed or not)."""
    code = numbering.normalise_tracking_code(tracking_code)
    row = IntakeSubmission.objects.select_related("case").filter(tracking_code=code).first()
    if row is None or not check_status_secret(row, secret):  # type: ignore[arg-type]
        return None
    return row


@dataclass(frozen=True)
class StagedStatus:
    """What the reporter sees for a submission that is not (yet) a case."""

    tracking_code: str
    status: str
    status_label: str
    title: str
    history: list[dict[str, Any]]


def staged_status(row: IntakeSubmission) -> StagedStatus:
    """ "Received" while waiting for the processor; "not accepted" with the reasons if the
    intake service refused it (no internal data: only the reporter's own fields are named)."""
    from awasi.cases.choices import CaseStatus

    if row.error:
        reasons = row.error.get("details") or {}
        text = "; ".join(str(v) for v in reasons.values()) if isinstance(reasons, dict) else ""
        note = _("Your report could not be accepted: %(reasons)s") % {
            "reasons": text or row.error.get("message", "")
        }
        status, label = "not_accepted", _("Not accepted")
    else:
        note = _("Your report was received and will be reviewed.")
        status, label = CaseStatus.RECEIVED.value, str(CaseStatus.RECEIVED.label)
    history = [{"at": row.received_at, "status": status, "status_label": label, "notice": note}]
    return StagedStatus(row.tracking_code, status, label, row.payload.get("title", ""), history)
