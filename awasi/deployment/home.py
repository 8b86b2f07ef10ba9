"""Home-page cards: the newest TPS security plan the user may see."""

from __future__ import annotations

from typing import Any

from django.urls import reverse
from django.utils.translation import gettext as _

from awasi.deployment.access import COVERAGE, plan_scope
from awasi.deployment.models import Plan


def cards(user: Any) -> list[dict[str, Any]]:
    """Officers required and shortfall of the newest visible plan (police), or a link (Bawaslu)."""
    scope = plan_scope(user)
    plan = Plan.objects.visible_to(user).first() if scope else None
    if plan is None:
        return []
    if scope == COVERAGE:
        url = reverse("deployment:coverage", args=[plan.pk])
        return [{"title": _("TPS security coverage"), "value": plan.election.name, "url": url}]
    url = reverse("deployment:plan", args=[plan.pk])
    return [
        {"title": _("Officers required for TPS security"), "value": plan.required, "url": url},
        {"title": _("TPS security shortfall"), "value": plan.shortfall, "url": url},
    ]
