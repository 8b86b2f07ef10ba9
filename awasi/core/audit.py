"""Writing and verifying the audit log (append-only, each entry carries the previous hash)."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from django.core.serializers.json import DjangoJSONEncoder
from django.db import models, transaction
from django.utils import timezone

from awasi.core.models import AuditEvent, AuditHead

GENESIS = "0" * 64


def _canonical(value: Any) -> Any:
    """JSON-safe copy so what is hashed is exactly what is stored."""
    if value is None:
        return None
    return json.loads(json.dumps(value, cls=DjangoJSONEncoder, sort_keys=True))


def entry_hash(prev_hash: str, fields: dict[str, Any]) -> str:
    """SHA-256 of the previous hash and this entry's canonical JSON."""
    payload = json.dumps(fields, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return hashlib.sha256((prev_hash + payload).encode("utf-8")).hexdigest()


def _hashed_fields(event: AuditEvent) -> dict[str, Any]:
    return {
        "at": event.created_at.isoformat(),
        "actor": event.actor_id,
        "actor_label": event.actor_label,
        "organisation": event.organisation_label,
        "action": event.action,
        "target_type": event.target_type,
        "target_id": event.target_id,
        "target_repr": event.target_repr,
        "before": event.before,
        "after": event.after,
        "data": event.data,
    }


def snapshot(obj: models.Model, fields: Iterable[str]) -> dict[str, Any]:
    """The named fields of `obj` as a JSON-safe dict (for before/after)."""
    return _canonical({f: getattr(obj, f) for f in fields})


def record(
    *,
    actor: Any,
    action: str,
    target: models.Model | None = None,
    before: dict[str, Any] | None = None,
    after: dict[str, Any] | None = None,
    data: dict[str, Any] | None = None,
) -> AuditEvent:
    """Append one audit event; call inside the transaction of the change it records."""
    with transaction.atomic():
        head, _ = AuditHead.objects.select_for_update().get_or_create(pk=1)
        user = actor if getattr(actor, "is_authenticated", False) else None
        org = getattr(user, "organisation", None)
        event = AuditEvent(
            created_at=timezone.now(),
            actor=user,
            actor_label=(user.get_username() if user else str(actor or "system"))[:200],
            organisation_label=(str(org) if org else "")[:200],
            action=action,
            target_type=target._meta.label_lower if target is not None else "",
            target_id=str(target.pk) if target is not None else "",
            target_repr=str(target)[:300] if target is not None else "",
            before=_canonical(before),
            after=_canonical(after),
            data=_canonical(data),
            prev_hash=head.last_hash,
        )
        event.hash = entry_hash(head.last_hash, _hashed_fields(event))
        event.save()
        head.last_hash = event.hash
        head.count += 1
        head.save(update_fields=["last_hash", "count"])
    return event


@dataclass(frozen=True)
class ChainProblem:
    """A break in the chain: the event id and what is wrong with it."""

    event_id: int
    reason: str


def verify_chain(events: Iterator[AuditEvent] | None = None) -> tuple[int, list[ChainProblem]]:
    """Recompute every hash in order; return (events checked, problems found)."""
    problems: list[ChainProblem] = []
    prev = GENESIS
    checked = 0
    rows = events if events is not None else AuditEvent.objects.order_by("id").iterator(2000)
    for event in rows:
        checked += 1
        if event.prev_hash != prev:
            problems.append(ChainProblem(event.id, "previous hash does not match"))
        # Re-read JSON the way it is stored so the recomputation matches.
        if entry_hash(event.prev_hash, _hashed_fields(event)) != event.hash:
            problems.append(ChainProblem(event.id, "content changed after it was written"))
        prev = event.hash
    head = AuditHead.objects.filter(pk=1).first()
    if head is not None and checked and head.last_hash != prev:
        problems.append(ChainProblem(0, "chain head does not match the newest event"))
    return checked, problems
