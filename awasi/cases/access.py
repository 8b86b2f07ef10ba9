"""Fetching one case (or piece of evidence) for a user: 404 for missing and forbidden alike."""

from __future__ import annotations

from typing import Any

from django.http import Http404

from awasi.accounts.scoping import is_bawaslu
from awasi.cases.models import Case, Evidence, Tip

HANDLING_ROLES = frozenset({"officer", "commissioner", "admin"})


def role_of(user: Any) -> str:
    """The user's role for the lifecycle (superusers act as admin)."""
    if getattr(user, "is_superuser", False):
        return "admin"
    return getattr(user, "role", "") or ""


def can_handle(user: Any) -> bool:
    """Bawaslu officers, commissioners and admins change cases; others only read."""
    return is_bawaslu(user) and role_of(user) in HANDLING_ROLES


def access_case(user: Any, pk: int, *, for_change: bool = False) -> Case:
    """The case if the user may see it (and change it, with ``for_change``); else Http404."""
    queryset = Case.objects.visible_to(user).select_related(
        "election", "region", "organisation", "assignee", "stage"
    )
    case = queryset.filter(pk=pk).first()
    if case is None:
        raise Http404
    if for_change and not can_handle(user):
        raise Http404
    return case


def access_evidence(user: Any, pk: int) -> Evidence:
    """Evidence of a case the user may see; only Bawaslu (chain of custody stays with it)."""
    evidence = Evidence.objects.select_related("case").filter(pk=pk).first()
    if evidence is None:
        raise Http404
    if not is_bawaslu(user):
        raise Http404
    access_case(user, evidence.case_id)
    return evidence


def access_tip(user: Any, pk: int, *, for_change: bool = False) -> Tip:
    """A tip in the user's area (Bawaslu only)."""
    tip = Tip.objects.visible_to(user).filter(pk=pk).first()
    if tip is None:
        raise Http404
    if for_change and not can_handle(user):
        raise Http404
    return tip
