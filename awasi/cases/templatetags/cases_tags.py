"""Template helpers: deadline badges and time left, in the case's local time."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from django import template
from django.utils.html import format_html
from django.utils.translation import gettext as _

from awasi.cases.models import CaseDeadline

register = template.Library()

BADGE = {"running": "badge-info", "due_soon": "badge-warn", "overdue": "badge-danger",
         "met": "badge-ok", "met_late": "badge-warn"}  # fmt: skip
STATUS_BADGE = {"not_registered": "", "time_barred": "", "closed": "badge-ok", "merged": "",
                "forwarded": "badge-info", "plenary": "badge-warn"}  # fmt: skip


@register.simple_tag
def deadline_badge(clock: CaseDeadline, now: datetime) -> str:
    state = clock.state_at(now)
    label = {"running": _("running"), "due_soon": _("due soon"), "overdue": _("OVERDUE"),
             "met": _("met"), "met_late": _("met late")}[state]  # fmt: skip
    return format_html(
        '<span class="badge {}" data-state="{}">{}</span>', BADGE[state], state, label
    )


@register.filter
def time_left(due_at: datetime | None, now: datetime) -> str:
    """ "2 d 4 h left" or "3 h 5 m overdue"."""
    if due_at is None:
        return ""
    delta = due_at - now
    late = delta < timedelta(0)
    delta = abs(delta)
    days, rest = divmod(int(delta.total_seconds()), 86400)
    hours, rest = divmod(rest, 3600)
    text = (
        f"{days} {_('d')} {hours} {_('h')}" if days else f"{hours} {_('h')} {rest // 60} {_('m')}"
    )
    return _("%s overdue") % text if late else _("%s left") % text


@register.filter
def status_badge(status: str) -> str:
    return STATUS_BADGE.get(status, "")


@register.filter
def get_item(mapping: dict[str, Any], key: str) -> Any:
    return mapping.get(key)
