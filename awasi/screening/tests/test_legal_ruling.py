"""Legal review of candidates whose only hits are honorary/contract staff: a commissioner rules."""

from __future__ import annotations

import io

import openpyxl
import pytest
from django.urls import reverse

from awasi.core.audit import AuditEvent
from awasi.core.errors import DomainError
from awasi.screening.choices import CandidateStatus as S
from awasi.screening.services.review import record_legal_ruling
from awasi.screening.status import PairFacts, candidate_status

HON_MATCH = PairFacts("match", "pending", "honorary")
ASN_MATCH = PairFacts("match", "pending", "asn")


@pytest.mark.parametrize(
    ("pairs", "proof", "ruling", "expected"),
    [
        ([HON_MATCH], False, "", S.LEGAL_REVIEW),
        ([HON_MATCH], False, "must_resign", S.MUST_RESIGN),
        ([HON_MATCH], True, "must_resign", S.RESIGNATION_PROVEN),
        ([HON_MATCH], False, "need_not_resign", S.CLEAR),
        # a ruling on honorary work never clears a hit in another registry
        ([HON_MATCH, ASN_MATCH], False, "need_not_resign", S.MUST_RESIGN),
        # nor does it matter once the honorary pair is rejected
        ([PairFacts("match", "rejected", "honorary")], False, "must_resign", S.CLEAR),
    ],
)
def test_status_with_ruling(pairs, proof, ruling, expected):
    assert candidate_status(pairs, has_proof=proof, screened=True, legal_ruling=ruling) == expected


def test_commissioner_rules_and_status_follows(screening_data, officer_babel):
    cand = screening_data["candidates"]["C-HON"]
    assert cand.status == S.LEGAL_REVIEW
    record_legal_ruling(
        actor=officer_babel,
        candidate_id=cand.pk,
        ruling="need_not_resign",
        basis="Rapat pleno 3 Okt 2023: tenaga honorer RSUD tidak wajib mundur",
    )
    cand.refresh_from_db()
    assert (cand.status, cand.legal_ruling, cand.legal_ruled_by) == (
        S.CLEAR,
        "need_not_resign",
        officer_babel,
    )
    # replaced by a later ruling: both are in the audit log
    record_legal_ruling(
        actor=officer_babel, candidate_id=cand.pk, ruling="must_resign", basis="Putusan baru"
    )
    cand.refresh_from_db()
    assert cand.status == S.MUST_RESIGN
    events = AuditEvent.objects.filter(action="screening.legal_ruling").order_by("id")
    assert [e.after["status"] for e in events] == ["clear", "must_resign"]


def test_staff_cannot_rule_and_nothing_changes(screening_data, officer_bangka):
    cand = screening_data["candidates"]["C-HON"]
    with pytest.raises(DomainError) as err:
        record_legal_ruling(
            actor=officer_bangka, candidate_id=cand.pk, ruling="need_not_resign", basis="x"
        )
    assert err.value.code == "forbidden"
    cand.refresh_from_db()
    assert (cand.status, cand.legal_ruling) == (S.LEGAL_REVIEW, "")
    assert not AuditEvent.objects.filter(action="screening.legal_ruling").exists()


@pytest.mark.parametrize(
    ("external_id", "ruling", "basis", "code"),
    [
        ("C-ASN", "need_not_resign", "dasar", "no_legal_review"),  # ASN: no legal question
        ("C-HON", "maybe", "dasar", "invalid_ruling"),
        ("C-HON", "must_resign", "   ", "basis_required"),
    ],
)
def test_refused_rulings(screening_data, officer_babel, external_id, ruling, basis, code):
    cand = screening_data["candidates"][external_id]
    before = cand.status
    with pytest.raises(DomainError) as err:
        record_legal_ruling(actor=officer_babel, candidate_id=cand.pk, ruling=ruling, basis=basis)
    assert err.value.code == code
    cand.refresh_from_db()
    assert (cand.status, cand.legal_ruling) == (before, "")


def test_other_area_cannot_rule(screening_data, client_for, officer_belitung):
    cand = screening_data["candidates"]["C-HON"]
    url = reverse("screening:legal_ruling", args=[cand.pk])
    response = client_for(officer_belitung).post(url, {"ruling": "must_resign", "basis": "x"})
    assert response.status_code == 404


def test_page_offers_the_ruling_to_commissioners_only(
    screening_data, client_for, officer_babel, officer_bangka
):
    cand = screening_data["candidates"]["C-HON"]
    page = reverse("screening:candidate", args=[cand.pk])
    staff_page = client_for(officer_bangka).get(page).content.decode()
    assert "Kajian hukum" in staff_page and 'name="basis"' not in staff_page
    client = client_for(officer_babel)
    assert 'name="basis"' in client.get(page).content.decode()
    url = reverse("screening:legal_ruling", args=[cand.pk])
    response = client.post(url, {"ruling": "must_resign", "basis": ""}, follow=True)
    assert "Pilih putusan dan tuliskan dasarnya." in response.content.decode()
    response = client.post(url, {"ruling": "must_resign", "basis": "Pleno"}, follow=True)
    body = response.content.decode()
    assert "Putusan hukum dicatat." in body and "Wajib mundur (putusan hukum)" in body
    cand.refresh_from_db()
    assert cand.status == S.MUST_RESIGN
    export = client.get(reverse("screening:export", args=[cand.candidate_list_id]))
    sheet = openpyxl.load_workbook(io.BytesIO(export.content)).worksheets[0]
    rows = {row[0]: row for row in sheet.iter_rows(values_only=True)}
    assert rows["C-HON"][-2:] == ("Wajib mundur (putusan hukum)", "Pleno")
