"""Reads of screening data, scoped: Bawaslu of the list's area only (police, prosecutors and
other agencies see nothing — screening is Bawaslu's supervision of KPU's nomination)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db.models import Count, F, Max, Q, QuerySet, Window

from awasi.accounts.scoping import NOTHING, is_bawaslu, region_q
from awasi.elections.choices import StageKind

from .choices import CandidateStatus, Decision, ReviewOutcome
from .models import Candidate, CandidateList, DuplicatePair, MatchPair, Registry


def lists_visible_to(user: Any) -> QuerySet[CandidateList]:
    """Candidate lists of the user's area."""
    if not is_bawaslu(user):
        return CandidateList.objects.filter(NOTHING)
    return CandidateList.objects.filter(region_q(user, "region__code"))


def lists_with_counts(user: Any) -> QuerySet[CandidateList]:
    """Visible lists with candidate counts per status, for the index page (one query)."""
    counts = {
        f"n_{s}": Count("candidates", filter=Q(candidates__status=s))
        for s in CandidateStatus.values
    }
    return (
        lists_visible_to(user)
        .select_related("election", "region")
        .annotate(n_total=Count("candidates"), **counts)
        .order_by("-created_at")
    )


def candidates_visible_to(user: Any) -> QuerySet[Candidate]:
    """Candidates of visible lists."""
    return Candidate.objects.filter(candidate_list__in=lists_visible_to(user))


def registries_visible_to(user: Any) -> QuerySet[Registry]:
    """Registries are shared reference data for every Bawaslu officer."""
    return Registry.objects.all() if is_bawaslu(user) else Registry.objects.none()


def matches_visible_to(user: Any) -> QuerySet[MatchPair]:
    """Candidate–registry pairs of visible lists."""
    return MatchPair.objects.filter(candidate__candidate_list__in=lists_visible_to(user))


def duplicates_visible_to(user: Any) -> QuerySet[DuplicatePair]:
    """Double-candidacy pairs where at least one candidate is in a visible list."""
    visible = lists_visible_to(user)
    return DuplicatePair.objects.filter(
        Q(first__candidate_list__in=visible) | Q(second__candidate_list__in=visible)
    )


def review_queue(user: Any) -> QuerySet[MatchPair]:
    """Pending ``review`` pairs, strongest candidate first; a candidate's pairs (the best
    registry person and the runner-up) side by side, the stronger first."""
    return (
        matches_visible_to(user)
        .filter(decision=Decision.REVIEW, outcome=ReviewOutcome.PENDING)
        .select_related("candidate__candidate_list", "person__registry")
        .annotate(top=Window(Max("score"), partition_by=[F("candidate_id")]))
        .order_by("-top", "candidate_id", "-score")
    )


def duplicate_queue(user: Any) -> QuerySet[DuplicatePair]:
    """Pending double-candidacy pairs, strongest first."""
    return (
        duplicates_visible_to(user)
        .filter(outcome=ReviewOutcome.PENDING)
        .select_related("first__candidate_list", "second__candidate_list")
        .order_by("-score")
    )


def without_proof(candidate_list: CandidateList) -> QuerySet[Candidate]:
    """Candidates of a list who must resign and have not proven it (for the letter to KPU)."""
    return candidate_list.candidates.filter(status=CandidateStatus.MUST_RESIGN)


def scrutiny_deadline(candidate_list: CandidateList) -> dt.date | None:
    """Last day to submit a dismissal decision: end of the draft-DCT scrutiny stage
    (PKPU 10/2023 Pasal 15 ayat (3), as reported — legal-notes.md §5.1) from the calendar."""
    stage = candidate_list.election.stage(StageKind.DCT_SCRUTINY)
    return stage.ends_on if stage else None
