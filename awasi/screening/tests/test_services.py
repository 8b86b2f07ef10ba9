"""Imports, runs, reviews, statuses and proofs through the services."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from awasi.core.errors import DomainError
from awasi.core.models import AuditEvent
from awasi.regions.models import Region
from awasi.screening.choices import CandidateStatus, ReviewOutcome, RunStatus
from awasi.screening.crypto import decrypt_nik
from awasi.screening.models import CandidateList, MatchPair
from awasi.screening.services.imports import import_candidates
from awasi.screening.services.review import attach_proof, review_match

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF"


def test_run_flags_must_resign_and_honorary_for_legal_review(screening_data):
    run, cands = screening_data["run"], screening_data["candidates"]
    run.refresh_from_db()
    assert run.status == RunStatus.DONE and run.progress == 1.0 and run.versions
    assert cands["C-ASN"].status == CandidateStatus.MUST_RESIGN
    assert cands["C-HON"].status == CandidateStatus.LEGAL_REVIEW  # never auto-condemned
    assert cands["C-REV"].status == CandidateStatus.AWAITING_REVIEW
    assert MatchPair.objects.get(candidate=cands["C-ASN"]).person.external_id == "R-ASN"


def test_nik_is_encrypted_at_rest_and_masked(screening_data):
    cand = screening_data["candidates"]["C-ASN"]
    assert cand.nik_masked == "1901********0001"
    assert "1901011203700001" not in cand.nik_encrypted
    assert decrypt_nik(cand.nik_encrypted) == "1901011203700001"


def test_review_confirm_then_proof_proves_resignation(screening_data, officer_bangka):
    cands = screening_data["candidates"]
    pair = MatchPair.objects.get(candidate=cands["C-REV"])
    review_match(actor=officer_bangka, pair_id=pair.pk, confirmed=True, note="Foto dan NIP cocok")
    cands["C-REV"].refresh_from_db()
    assert cands["C-REV"].status == CandidateStatus.MUST_RESIGN
    attach_proof(
        actor=officer_bangka,
        candidate_id=cands["C-REV"].pk,
        kind="dismissal_decision",
        document=SimpleUploadedFile("sk.pdf", PDF),
        reference="SK 12/2023",
    )
    cands["C-REV"].refresh_from_db()
    assert cands["C-REV"].status == CandidateStatus.RESIGNATION_PROVEN
    assert AuditEvent.objects.filter(action="screening.review_matchpair").exists()


def test_reject_clears_and_second_review_is_refused(screening_data, officer_bangka):
    cands = screening_data["candidates"]
    pair = MatchPair.objects.get(candidate=cands["C-REV"])
    review_match(actor=officer_bangka, pair_id=pair.pk, confirmed=False, note="Orang berbeda")
    cands["C-REV"].refresh_from_db()
    assert cands["C-REV"].status == CandidateStatus.CLEAR
    with pytest.raises(DomainError):
        review_match(actor=officer_bangka, pair_id=pair.pk, confirmed=True, note="lagi")
    pair.refresh_from_db()
    assert pair.outcome == ReviewOutcome.REJECTED


def test_review_needs_a_note(screening_data, officer_bangka):
    pair = MatchPair.objects.get(candidate=screening_data["candidates"]["C-REV"])
    with pytest.raises(DomainError):
        review_match(actor=officer_bangka, pair_id=pair.pk, confirmed=True, note="  ")


def test_bad_file_imports_nothing(babel, officer_bangka):
    bad = (
        b"candidate_id,full_name,birth_place,birth_date,sex,nik,party,level,dapil,region_code\n"
        b"A,Budi,,1990-02-30,L,,,,,\nB,,,,,,,,,\n"
    )
    with pytest.raises(DomainError) as caught:
        import_candidates(
            actor=officer_bangka,
            election=babel["pemilu"],
            region=Region.objects.get(pk="19.01"),
            level="dprd_regency",
            stage="dcs",
            name="x",
            filename="c.csv",
            data=bad,
        )
    assert len(caught.value.details) == 2
    assert not CandidateList.objects.exists()


def test_officer_cannot_import_for_another_area(babel, officer_belitung):
    data = b"candidate_id,full_name,birth_place,birth_date,sex,nik,party,level,dapil,region_code\n"
    with pytest.raises(DomainError):
        import_candidates(
            actor=officer_belitung,
            election=babel["pemilu"],
            region=Region.objects.get(pk="19.01"),
            level="dprd_regency",
            stage="dcs",
            name="x",
            filename="c.csv",
            data=data + b"A,Budi,,,,,,,,\n",
        )


def test_rerun_keeps_verdicts_and_does_not_duplicate_pairs(screening_data, officer_bangka):
    from awasi.screening.services.runs import execute_run, start_run

    cands = screening_data["candidates"]
    pair = MatchPair.objects.get(candidate=cands["C-REV"])
    review_match(actor=officer_bangka, pair_id=pair.pk, confirmed=True, note="Cocok")
    before = MatchPair.objects.count()
    execute_run(start_run(actor=officer_bangka, candidate_list=screening_data["list"]).pk)
    assert MatchPair.objects.count() == before
    assert MatchPair.objects.get(candidate=cands["C-REV"]).outcome == ReviewOutcome.CONFIRMED


def test_officer_cannot_screen_another_areas_list(screening_data, officer_belitung):
    from django.http import Http404

    from awasi.screening.services.runs import start_run

    with pytest.raises(Http404):
        start_run(actor=officer_belitung, candidate_list=screening_data["list"])


def test_officer_can_confirm_the_runner_up_of_an_undecided_candidate(twins, officer_bangka):
    pairs = {p.person.external_id: p for p in MatchPair.objects.all()}
    # Both men are in the queue, each as a review pair naming the other as runner-up.
    assert set(pairs) == {"R-A", "R-B"}
    assert {p.decision for p in pairs.values()} == {"review"}
    assert (pairs["R-A"].runner_up, pairs["R-B"].runner_up) == ("R-B", "R-A")
    # The reasons name the runner-up by its id in the registry, as the officer knows it.
    assert "pembanding terdekat berikutnya: R-B (p=" in pairs["R-A"].reasons
    candidate = twins.candidates.get()
    review_match(actor=officer_bangka, pair_id=pairs["R-A"].pk, confirmed=False, note="NIP beda")
    candidate.refresh_from_db()
    assert candidate.status == CandidateStatus.AWAITING_REVIEW  # the other is still open
    review_match(actor=officer_bangka, pair_id=pairs["R-B"].pk, confirmed=True, note="Foto cocok")
    candidate.refresh_from_db()
    assert candidate.status == CandidateStatus.MUST_RESIGN


def test_registry_people_are_named_by_their_own_id_and_registry_when_ids_clash():
    from awasi.screening.services.runs import _person_ids

    people = [
        {"pk": 1, "external_id": "199001012015011001", "registry__name": "BKN Babel"},
        {"pk": 2, "external_id": "17", "registry__name": "Perangkat desa Bangka"},
        {"pk": 3, "external_id": "17", "registry__name": "BPD Bangka"},
        {"pk": 4, "external_id": "8", "registry__name": "BPD"},
        {"pk": 5, "external_id": "8", "registry__name": "BPD"},
    ]
    assert _person_ids(people) == [
        "199001012015011001",
        "17 (Perangkat desa Bangka)",
        "17 (BPD Bangka)",
        "8 (BPD) #4",
        "8 (BPD) #5",
    ]


def test_letter_names_only_hits_not_a_runner_up_awaiting_review(babel, officer_bangka):
    from awasi.screening.exports import letter_rows

    from .conftest import screen_rows

    clist = screen_rows(
        officer_bangka,
        babel["pemilu"],
        "R-1,Wahyu Hidayat,Klaten,1980-02-11,L,3310011102800001,asn,Dinas Pendidikan,33.10\n"
        # The same name and day, a NIK one digit away: listed for review beside the match.
        "R-2,Wahyu Hidayat,Klaten,1980-02-11,L,3310011102800007,bumd,PDAM Klaten,33.10\n",
        "C-WH,Wahyu Hidayat,Klaten,1980-02-11,L,3310011102800001,P01,dprd_regency,B1,19.01\n",
    )
    decisions = {p.person.external_id: p.decision for p in MatchPair.objects.all()}
    assert decisions == {"R-1": "match", "R-2": "review"}
    (row,) = letter_rows(clist)
    assert "Dinas Pendidikan" in row[-1] and "PDAM" not in row[-1]
