"""Officers' verdicts on flagged pairs, and resignation proofs."""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from awasi.accounts import roles
from awasi.core.audit import record, snapshot
from awasi.core.errors import DomainError
from awasi.screening.access import access_candidate, access_duplicate, access_match
from awasi.screening.choices import CandidateStatus, LegalRuling, ProofKind, ReviewOutcome
from awasi.screening.models import Candidate, ResignationProof

from .status import refresh_statuses

_REVIEW_FIELDS = ["outcome", "note"]


def _decide(pair: Any, actor: Any, confirmed: bool, note: str) -> None:
    if pair.outcome != ReviewOutcome.PENDING:
        raise DomainError(_("This pair has already been reviewed."), code="already_reviewed")
    if not note.strip():
        raise DomainError(_("A note is required."), code="note_required")
    before = snapshot(pair, _REVIEW_FIELDS)
    pair.outcome = ReviewOutcome.CONFIRMED if confirmed else ReviewOutcome.REJECTED
    pair.note, pair.reviewed_by, pair.reviewed_at = note.strip(), actor, timezone.now()
    pair.save(update_fields=["outcome", "note", "reviewed_by", "reviewed_at", "updated_at"])
    record(
        actor=actor,
        action=f"screening.review_{pair._meta.model_name}",
        target=pair,
        before=before,
        after=snapshot(pair, _REVIEW_FIELDS),
    )


@transaction.atomic
def review_match(*, actor: Any, pair_id: int, confirmed: bool, note: str) -> Any:
    """Confirm (same person) or reject (different people) a candidate–registry pair."""
    pair = access_match(actor, pair_id, for_change=True)
    _decide(pair, actor, confirmed, note)
    refresh_statuses(Candidate.objects.filter(pk=pair.candidate_id))
    return pair


@transaction.atomic
def review_duplicate(*, actor: Any, pair_id: int, confirmed: bool, note: str) -> Any:
    """Confirm or reject a double-candidacy pair."""
    pair = access_duplicate(actor, pair_id, for_change=True)
    _decide(pair, actor, confirmed, note)
    return pair


@transaction.atomic
def attach_proof(
    *, actor: Any, candidate_id: int, kind: str, document: Any, reference: str = ""
) -> ResignationProof:
    """Attach a resignation letter or dismissal decision; the status follows."""
    candidate = access_candidate(actor, candidate_id, for_change=True)
    if kind not in ProofKind.values:
        raise DomainError(_("Unknown document kind."), code="invalid_kind")
    proof = ResignationProof.objects.create(
        candidate=candidate,
        kind=kind,
        document=document,
        reference=reference[:120],
        uploaded_by=actor,
    )
    refresh_statuses(Candidate.objects.filter(pk=candidate.pk))
    record(
        actor=actor,
        action="screening.attach_proof",
        target=candidate,
        data={"kind": kind, "reference": reference[:120]},
    )
    return proof


#: Who may record a legal ruling: the commissioners who decide (and admins), not the staff.
RULING_ROLES = roles.DECIDING_ROLES
_RULING_FIELDS = ["legal_ruling", "legal_basis", "status"]


def may_rule(user: Any) -> bool:
    """Whether the user may record a legal ruling (role only; the area is checked on access)."""
    return bool(getattr(user, "is_superuser", False) or getattr(user, "role", "") in RULING_ROLES)


@transaction.atomic
def record_legal_ruling(*, actor: Any, candidate_id: int, ruling: str, basis: str) -> Candidate:
    """Settle a candidate held for legal review (hits only among honorary/contract staff).

    A person decides, with the basis written down; a later ruling may replace it (both are in
    the audit log). Hits in other registries still make the candidate resign whatever the ruling.
    """
    candidate = access_candidate(actor, candidate_id, for_change=True)
    if not may_rule(actor):
        raise DomainError(_("Only a commissioner may record a legal ruling."), code="forbidden")
    if candidate.status != CandidateStatus.LEGAL_REVIEW and not candidate.legal_ruling:
        raise DomainError(_("This candidate is not held for legal review."), code="no_legal_review")
    if ruling not in LegalRuling.values:
        raise DomainError(_("Unknown legal ruling."), code="invalid_ruling")
    if not basis.strip():
        raise DomainError(_("The basis of the ruling is required."), code="basis_required")
    before = snapshot(candidate, _RULING_FIELDS)
    candidate.legal_ruling, candidate.legal_basis = ruling, basis.strip()
    candidate.legal_ruled_by, candidate.legal_ruled_at = actor, timezone.now()
    candidate.save(
        update_fields=[
            "legal_ruling", "legal_basis", "legal_ruled_by", "legal_ruled_at", "updated_at"
        ]
    )  # fmt: skip
    refresh_statuses(Candidate.objects.filter(pk=candidate.pk))
    candidate.refresh_from_db(fields=["status"])
    record(
        actor=actor,
        action="screening.legal_ruling",
        target=candidate,
        before=before,
        after=snapshot(candidate, _RULING_FIELDS),
    )
    return candidate
