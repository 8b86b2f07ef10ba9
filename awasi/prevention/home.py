"""Home-page cards of the prevention app."""

from __future__ import annotations

from typing import Any

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from awasi.prevention.selectors import open_commitments_of


def cards(user: Any) -> list[dict[str, Any]]:
    """Open and overdue commitments of the user's organisation."""
    if not getattr(user, "organisation_id", None):
        return []
    items = open_commitments_of(user)
    overdue = items.filter(due_on__lt=timezone.localdate()).count()
    return [
        {
            "title": _("Open commitments (overdue: %(n)s)") % {"n": overdue},
            "value": items.count(),
            "url": reverse("prevention:my_commitments"),
        }
    ]
