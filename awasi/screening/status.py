"""Candidate status from the reviewed pairs (pure rules, no ORM).

* A confirmed pair, or an automatic ``match`` nobody rejected, is a hit. A hit in any registry
  other than honorary/contract staff means the candidate must resign (UU 7/2017 Pasal 240 ayat (1)
  huruf k) — or that the resignation is proven once a letter or dismissal decision is attached.
* Hits only among honorary/contract staff always go to legal review: whether they must resign is
  contested (legal-notes.md §4.4, UNVERIFIED) so Awasi never clears or condemns them by itself;
  a recorded legal ruling (a person's decision, with its basis) settles it either way.
* Otherwise a pending ``review`` pair keeps the candidate awaiting review; else clear.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from .choices import CandidateStatus, Decision, LegalRuling, RegistryCategory, ReviewOutcome

#: Categories whose members' duty to resign is contested: configurable, never auto-decided.
LEGAL_REVIEW_CATEGORIES = frozenset({RegistryCategory.HONORARY})


@dataclass(frozen=True)
class PairFacts:
    """What the status rule needs to know about one flagged pair."""

    decision: str
    outcome: str
    category: str


def is_hit(pair: PairFacts) -> bool:
    """Confirmed by an officer, or matched automatically and not rejected."""
    if pair.outcome == ReviewOutcome.CONFIRMED:
        return True
    return pair.decision == Decision.MATCH and pair.outcome == ReviewOutcome.PENDING


def candidate_status(
    pairs: Iterable[PairFacts], *, has_proof: bool, screened: bool, legal_ruling: str = ""
) -> CandidateStatus:
    """The status a candidate should have given their pairs, proofs and any legal ruling."""
    pairs = list(pairs)
    hits = [p for p in pairs if is_hit(p)]
    must_resign = CandidateStatus.RESIGNATION_PROVEN if has_proof else CandidateStatus.MUST_RESIGN
    if any(p.category not in LEGAL_REVIEW_CATEGORIES for p in hits):
        return must_resign
    if hits:
        if legal_ruling == LegalRuling.MUST_RESIGN:
            return must_resign
        if legal_ruling == LegalRuling.NEED_NOT_RESIGN:
            return CandidateStatus.CLEAR
        return CandidateStatus.LEGAL_REVIEW
    if any(p.decision == Decision.REVIEW and p.outcome == ReviewOutcome.PENDING for p in pairs):
        return CandidateStatus.AWAITING_REVIEW
    return CandidateStatus.CLEAR if screened else CandidateStatus.UNSCREENED
