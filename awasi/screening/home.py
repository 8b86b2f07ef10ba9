"""Home-page cards of the screening app (Bawaslu only)."""

from __future__ import annotations

from typing import Any

from django.urls import reverse
from django.utils.translation import gettext as _

from awasi.accounts.scoping import is_bawaslu
from awasi.screening.choices import CandidateStatus
from awasi.screening.selectors import candidates_visible_to, review_queue


def cards(user: Any) -> list[dict[str, Any]]:
    """Pairs awaiting review and candidates who must still prove their resignation."""
    if not is_bawaslu(user):
        return []
    must = candidates_visible_to(user).filter(status=CandidateStatus.MUST_RESIGN).count()
    return [
        {
            "title": _("Screening pairs to review"),
            "value": review_queue(user).count(),
            "url": reverse("screening:review_queue"),
        },
        {
            "title": _("Candidates who must resign"),
            "value": must,
            "url": reverse("screening:index"),
        },
    ]
