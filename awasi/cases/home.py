"""Home-page cards: overdue and due-today deadlines, cases waiting for action."""

from __future__ import annotations

from typing import Any

from django.urls import reverse
from django.utils.translation import gettext as _

from awasi.accounts.scoping import is_bawaslu
from awasi.cases.models import Case
from awasi.cases.selectors import deadline_queue


def cards(user: Any) -> list[dict[str, Any]]:
    """Only for Bawaslu users (police see Gakkumdu's cards instead)."""
    if not is_bawaslu(user):
        return []
    queue = deadline_queue(user)
    waiting = Case.objects.visible_to(user).filter(status__in=["received", "initial_review"])
    return [
        {"title": _("Overdue deadlines"), "value": len(queue["overdue"]),
         "url": reverse("cases:queue")},
        {"title": _("Due today"), "value": len(queue["today"]), "url": reverse("cases:queue")},
        {"title": _("New cases to review"), "value": waiting.count(),
         "url": reverse("cases:list") + "?status=received"},
    ]  # fmt: skip
