"""Sending reminders to the owners of commitments before (and after) their due dates."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from awasi.core import notify
from awasi.core.audit import record
from awasi.prevention.models import ActionItem, ActionItemReminder
from awasi.prevention.reminders import (
    DEFAULT_OFFSETS,
    OpenItem,
    Reminder,
    ReminderKind,
    normalise_offsets,
    reminders_due,
)

TEXTS = ("sms", "whatsapp")


@dataclass(frozen=True)
class SentReminder:
    """What the command reports for one reminder."""

    item_id: int
    offset: int
    kind: str
    recipients: tuple[str, ...]


def configured_offsets() -> tuple[int, ...]:
    """``PREVENTION_REMINDER_OFFSETS`` from settings (configuration, not law)."""
    return normalise_offsets(getattr(settings, "PREVENTION_REMINDER_OFFSETS", DEFAULT_OFFSETS))


def recipients_for(item: ActionItem) -> tuple[str, ...]:
    """Emails of the owner organisation and its active members with an address."""
    users = (
        get_user_model()
        .objects.filter(organisation_id=item.owner_id, is_active=True)
        .exclude(email="")
    )
    emails = {u.email for u in users}
    if item.owner.email:
        emails.add(item.owner.email)
    return tuple(sorted(emails))


def phones_for(item: ActionItem) -> tuple[str, ...]:
    """Phone numbers of the owner organisation's active members (for SMS/WhatsApp, when on)."""
    users = (
        get_user_model()
        .objects.filter(organisation_id=item.owner_id, is_active=True)
        .exclude(phone="")
    )
    return tuple(sorted({u.phone for u in users}))


def _message(item: ActionItem, reminder: Reminder) -> tuple[str, str]:
    with translation.override(settings.LANGUAGE_CODE):
        if reminder.kind == ReminderKind.OVERDUE:
            subject = _("Overdue commitment: %(d)s") % {"d": str(item)[:60]}
        elif reminder.kind == ReminderKind.DUE_TODAY:
            subject = _("Commitment due today: %(d)s") % {"d": str(item)[:60]}
        else:
            subject = _("Commitment due in %(n)s days: %(d)s") % {
                "n": reminder.days_left,
                "d": str(item)[:60],
            }
        body = _(
            "Meeting: %(meeting)s\nCommitment: %(text)s\nOwner: %(owner)s\nDue on: %(due)s\n"
            "Status: %(status)s\n\nUpdate it in Awasi when it is done, with the evidence."
        ) % {
            "meeting": item.meeting,
            "text": item.description,
            "owner": item.owner,
            "due": item.due_on.isoformat(),
            "status": item.get_status_display(),
        }
    return subject, body


def send_due_reminders(
    *,
    today: date | None = None,
    dry_run: bool = False,
    progress: Callable[[str], None] | None = None,
) -> list[SentReminder]:
    """Email each open commitment's owner when a reminder offset is reached; idempotent.

    Each reminder's row is written in the transaction that sends its email; a second run, or a run
    racing this one, finds the row and sends nothing again. The run is audited once, listing every
    (item, offset) it sent.
    """
    today = today or timezone.localdate()
    items = {i.pk: i for i in ActionItem.objects.open().select_related("owner", "meeting")}
    sent = frozenset(
        ActionItemReminder.objects.filter(action_item_id__in=items).values_list(
            "action_item_id", "offset"
        )
    )
    due = reminders_due(
        [OpenItem(i.pk, i.due_on) for i in items.values()],
        today=today,
        offsets=configured_offsets(),
        already_sent=sent,
    )
    by_owner: dict[int, tuple[str, ...]] = {}
    done: list[SentReminder] = []
    for n, reminder in enumerate(due, 1):
        item = items[reminder.item_id]
        if item.owner_id not in by_owner:
            by_owner[item.owner_id] = recipients_for(item)
        result = SentReminder(item.pk, reminder.offset, reminder.kind, by_owner[item.owner_id])
        if not dry_run and not _send_one(item, reminder, result.recipients):
            continue
        done.append(result)
        if progress:
            progress(f"[{n}/{len(due)}] #{item.pk} {reminder.kind} → {len(result.recipients)}")
    if done and not dry_run:
        record(
            actor=None,
            action="prevention.action_item.remind",
            data={
                "today": today.isoformat(),
                "sent": [[r.item_id, r.offset, len(r.recipients)] for r in done],
            },
        )
    return done


def _send_one(item: ActionItem, reminder: Reminder, recipients: tuple[str, ...]) -> bool:
    try:
        with transaction.atomic():
            ActionItemReminder.objects.create(
                action_item=item,
                offset=reminder.offset,
                sent_at=timezone.now(),
                recipients=len(recipients),
            )
            subject, body = _message(item, reminder)
            if recipients:
                send_mail(subject, body, None, list(recipients))
            for phone in phones_for(item):  # texts: only on the channels a deployment turned on
                notify.deliver(notify.Message(subject, body, phone=phone), channels=TEXTS)
    except IntegrityError:
        return False  # another run recorded it first
    return True
