"""Fetching one prevention record for a user: 404 for missing and forbidden alike."""

from __future__ import annotations

from typing import Any

from django.http import Http404

from awasi.prevention.models import (
    ActionItem,
    Agreement,
    Appeal,
    HonoraryCandidate,
    Meeting,
    NeutralityCase,
    Patrol,
    SupervisionReport,
)
from awasi.prevention.scopes import can_change_commitment


def _get(queryset: Any, pk: Any) -> Any:
    try:
        return queryset.get(pk=int(pk))
    except (queryset.model.DoesNotExist, TypeError, ValueError):
        raise Http404 from None


def access_agreement(user: Any, pk: Any) -> Agreement:
    """An agreement the user may see."""
    return _get(Agreement.objects.visible_to(user).prefetch_related("parties__organisation"), pk)


def access_meeting(user: Any, pk: Any) -> Meeting:
    """A meeting the user may see."""
    return _get(Meeting.objects.visible_to(user).select_related("convened_by", "region"), pk)


def access_action_item(user: Any, pk: Any, *, for_change: bool = False) -> ActionItem:
    """An action item the user may see; with ``for_change``, only if the user's org owns it."""
    item = _get(ActionItem.objects.visible_to(user).select_related("meeting", "owner"), pk)
    if for_change and not can_change_commitment(user, item.owner_id):
        raise Http404
    return item


def access_patrol(user: Any, pk: Any) -> Patrol:
    """A patrol the user may see."""
    return _get(Patrol.objects.visible_to(user), pk)


def access_appeal(user: Any, pk: Any) -> Appeal:
    """An appeal or warning letter the user may see."""
    return _get(Appeal.objects.visible_to(user), pk)


def access_supervision_report(user: Any, pk: Any) -> SupervisionReport:
    """An LHP: Bawaslu users of the region only."""
    return _get(SupervisionReport.objects.visible_to(user).select_related("region", "author"), pk)


def access_neutrality_case(user: Any, pk: Any) -> NeutralityCase:
    """An entry of the ASN-neutrality register: Bawaslu users of the region only."""
    return _get(NeutralityCase.objects.visible_to(user), pk)


def access_honorary_candidate(user: Any, pk: Any) -> HonoraryCandidate:
    """An honorary-staff candidate on the review list: Bawaslu users of the region only."""
    return _get(HonoraryCandidate.objects.visible_to(user), pk)
