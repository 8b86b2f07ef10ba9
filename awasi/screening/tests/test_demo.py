"""The demo: realistic list sizes, planted hits and near-misses, synthetic marks, idempotent."""

import io

import pytest

from awasi.screening import demo
from awasi.screening.choices import CandidateStatus
from awasi.screening.models import Candidate, CandidateList, DuplicatePair, MatchPair

pytestmark = pytest.mark.django_db


def test_demo_loads_babel_lists_and_finds_planted_hits(officer_babel):
    out = io.StringIO()
    demo.load(stdout=out)
    province = CandidateList.objects.get(region_id="19")
    assert province.candidates.count() == 542 and province.is_synthetic
    assert not province.candidates.filter(number__isnull=True).exists()
    assert CandidateList.objects.count() == 3
    hits = MatchPair.objects.filter(candidate__external_id__contains="-P")
    assert hits.filter(decision="match").count() >= 4
    assert Candidate.objects.filter(status=CandidateStatus.MUST_RESIGN).exists()
    assert Candidate.objects.filter(status=CandidateStatus.LEGAL_REVIEW).exists()
    assert DuplicatePair.objects.exists()  # the same people on several lists
    demo.load(stdout=out)
    assert CandidateList.objects.count() == 3 and "already" in out.getvalue()
