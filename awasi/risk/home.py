"""Home page card: TPS *rawan* or worse in the user's area at the latest mapping date."""

from __future__ import annotations

from typing import Any

from django.urls import reverse
from django.utils.translation import gettext as _

from awasi.elections.models import Election
from awasi.risk.selectors import can_read, latest_run


def cards(user: Any) -> list[dict]:
    """One card for Bawaslu and Polri readers when a run exists; nothing for anyone else."""
    election = Election.objects.filter(slug="pemilu-2024").first()
    if election is None or not can_read(user):
        return []
    area = None if user.is_superuser else user.region_code
    run = latest_run(user, election, area)
    if run is None:
        return []
    scores = (
        run.region_scores.filter(region_id=area)
        if area
        else run.region_scores.filter(level="province")
    )
    vulnerable = sum(score.vulnerable_count for score in scores)
    return [
        {
            "title": _("TPS rawan or worse (%(date)s)") % {"date": run.as_of},
            "value": vulnerable,
            "url": reverse("risk:overview"),
        }
    ]
