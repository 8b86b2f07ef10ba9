"""Table tests for the candidate-status rule (pure)."""

import pytest

from awasi.screening.choices import CandidateStatus as S
from awasi.screening.status import PairFacts, candidate_status

ASN_MATCH = PairFacts("match", "pending", "asn")
ASN_REVIEW = PairFacts("review", "pending", "asn")
HON_MATCH = PairFacts("match", "pending", "honorary")
HON_CONFIRMED = PairFacts("review", "confirmed", "honorary")
ASN_REJECTED = PairFacts("match", "rejected", "asn")
TNI_CONFIRMED = PairFacts("review", "confirmed", "tni")


@pytest.mark.parametrize(
    ("pairs", "proof", "screened", "expected"),
    [
        ([], False, False, S.UNSCREENED),
        ([], False, True, S.CLEAR),
        ([ASN_MATCH], False, True, S.MUST_RESIGN),
        ([ASN_MATCH], True, True, S.RESIGNATION_PROVEN),
        ([ASN_REVIEW], False, True, S.AWAITING_REVIEW),
        ([ASN_REJECTED], False, True, S.CLEAR),
        ([TNI_CONFIRMED], False, True, S.MUST_RESIGN),
        ([HON_MATCH], False, True, S.LEGAL_REVIEW),  # never condemned automatically
        ([HON_CONFIRMED], True, True, S.LEGAL_REVIEW),  # nor cleared by a letter
        ([HON_MATCH, ASN_MATCH], False, True, S.MUST_RESIGN),
        ([ASN_REJECTED, ASN_REVIEW], False, True, S.AWAITING_REVIEW),
    ],
)
def test_candidate_status(pairs, proof, screened, expected):
    assert candidate_status(pairs, has_proof=proof, screened=screened) == expected
