"""Reads for the core pages: the audit log."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet

from awasi.core.models import AuditEvent


def audit_events(
    *, action: str = "", target_type: str = "", actor: str = ""
) -> QuerySet[AuditEvent]:
    """Audit events, newest first, filtered by action prefix, object type and actor name."""
    events = AuditEvent.objects.all()
    if action:
        events = events.filter(action__startswith=action)
    if target_type:
        events = events.filter(target_type=target_type)
    if actor:
        events = events.filter(actor_label__icontains=actor)
    return events


def audit_row(event: AuditEvent) -> list[Any]:
    """One exported row of the audit log."""
    return [
        event.id,
        event.created_at,
        event.actor_label,
        event.organisation_label,
        event.action,
        event.target_type,
        event.target_id,
        event.target_repr,
        event.before,
        event.after,
        event.data,
        event.prev_hash,
        event.hash,
    ]


AUDIT_HEADER = [
    "id",
    "at",
    "actor",
    "organisation",
    "action",
    "object_type",
    "object_id",
    "object",
    "before",
    "after",
    "data",
    "prev_hash",
    "hash",
]
