"""Keeping candidate statuses in step with reviews and proofs."""

from __future__ import annotations

from django.db.models import QuerySet

from awasi.screening.models import Candidate, MatchPair
from awasi.screening.status import PairFacts, candidate_status


def refresh_statuses(candidates: QuerySet[Candidate], *, screened: bool = False) -> int:
    """Recompute the status of the given candidates from their pairs and proofs; count changes.

    ``screened`` says the candidates have just been screened (the run is not marked done yet).
    """
    facts: dict[int, list[PairFacts]] = {}
    for cid, decision, outcome, category in MatchPair.objects.filter(
        candidate__in=candidates
    ).values_list("candidate_id", "decision", "outcome", "person__category"):
        facts.setdefault(cid, []).append(PairFacts(decision, outcome, category))
    proven = set(candidates.filter(proofs__isnull=False).values_list("pk", flat=True))
    done = set(candidates.filter(candidate_list__runs__status="done").values_list("pk", flat=True))
    changed = []
    for cand in candidates.only("pk", "status", "legal_ruling"):
        status = candidate_status(
            facts.get(cand.pk, []),
            has_proof=cand.pk in proven,
            screened=screened or cand.pk in done or cand.pk in facts,
            legal_ruling=cand.legal_ruling,
        )
        if status != cand.status:
            cand.status = status
            changed.append(cand)
    Candidate.objects.bulk_update(changed, ["status"], batch_size=2000)
    return len(changed)
