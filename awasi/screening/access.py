"""Fetching one screening object for a user: 404 for missing and forbidden alike."""

from __future__ import annotations

from typing import Any

from django.db.models import Model, QuerySet
from django.http import Http404

from .models import Candidate, CandidateList, DuplicatePair, MatchPair
from .selectors import (
    candidates_visible_to,
    duplicates_visible_to,
    lists_visible_to,
    matches_visible_to,
)


def _get(qs: QuerySet, pk: Any, for_change: bool) -> Any:
    if for_change:
        qs = qs.select_for_update()
    try:
        return qs.get(pk=pk)
    except (qs.model.DoesNotExist, ValueError, TypeError) as exc:
        raise Http404 from exc


def access_list(user: Any, pk: Any, *, for_change: bool = False) -> CandidateList:
    """A candidate list of the user's area."""
    return _get(lists_visible_to(user), pk, for_change)


def access_candidate(user: Any, pk: Any, *, for_change: bool = False) -> Candidate:
    """A candidate of a list of the user's area."""
    return _get(candidates_visible_to(user), pk, for_change)


def access_match(user: Any, pk: Any, *, for_change: bool = False) -> MatchPair:
    """A candidate–registry pair of a list of the user's area."""
    return _get(matches_visible_to(user), pk, for_change)


def access_duplicate(user: Any, pk: Any, *, for_change: bool = False) -> DuplicatePair:
    """A double-candidacy pair touching a list of the user's area."""
    return _get(duplicates_visible_to(user), pk, for_change)


__all__ = ["access_list", "access_candidate", "access_match", "access_duplicate", "Model"]
