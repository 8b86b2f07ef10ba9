"""Services: order, agency, conflicts, backdating, requests + approval, placement, parts."""

import pytest
import time_machine
from django.core.files.uploadedfile import SimpleUploadedFile

from awasi.cases.models import CaseDeadline
from awasi.core.errors import ConflictError, DomainError
from awasi.core.models import AuditEvent
from awasi.gakkumdu import services, services_parts
from awasi.gakkumdu.models import DiscussionRule, DocumentAccess
from awasi.gakkumdu.tests.conftest import open_file, step, wib

pytestmark = pytest.mark.django_db

T0 = wib(2024, 2, 5, 9)
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


@pytest.fixture
def file(babel, units, officer_bangka):
    return open_file(
        units["gakkumdu-19.01"],
        officer_bangka,
        election=babel["pemilu"],
        region_code="19.01.01.1001",
        at=T0,
    )


@pytest.fixture
def inquiry(file, officer_bangka):
    for event, hour in [
        ("first_discussion", 10),
        ("second_discussion", 11),
        ("decide_forward", 12),
        ("forward_to_police", 13),
    ]:
        file = step(file, event, officer_bangka, wib(2024, 2, 5, hour))
    return file


def test_step_out_of_order_is_refused_and_changes_nothing(file, officer_bangka):
    with pytest.raises(DomainError) as info:
        step(file, "read_verdict", officer_bangka, wib(2024, 2, 5, 10))
    assert info.value.code == "out_of_order"
    file.refresh_from_db()
    assert (file.stage, file.version, file.events.count()) == ("opened", 1, 0)


def test_agency_records_only_its_own_steps(inquiry, officer_bangka, police_bangka):
    with pytest.raises(DomainError) as info:
        step(inquiry, "find_sufficient_evidence", officer_bangka, wib(2024, 2, 6, 9))
    assert info.value.code == "wrong_party"
    step(inquiry, "find_sufficient_evidence", police_bangka, wib(2024, 2, 6, 9))


def test_police_not_referred_cannot_record(inquiry, police_belitung, prosecutor):
    for user in (police_belitung, prosecutor):
        with pytest.raises(DomainError) as info:
            step(inquiry, "find_sufficient_evidence", user, wib(2024, 2, 6, 9))
        assert info.value.code == "forbidden"


def test_concurrent_updates_by_two_agencies_end_in_a_conflict(inquiry, police_bangka):
    stale = inquiry.version
    step(inquiry, "find_sufficient_evidence", police_bangka, wib(2024, 2, 6, 9))
    with time_machine.travel(wib(2024, 2, 6, 10), tick=False), pytest.raises(ConflictError):
        services.record_step(
            file=inquiry,
            event="start_investigation",
            actor=police_bangka,
            occurred_at=wib(2024, 2, 6, 10),
            expected_version=stale,
        )
    inquiry.refresh_from_db()
    assert inquiry.stage == "inquiry_complete"
    assert not CaseDeadline.objects.filter(
        case=inquiry.case, step="inquiry_to_investigator", stopped_at__isnull=False
    ).exists()


def test_backdating_needs_a_reason_which_is_stored_and_audited(inquiry, police_bangka):
    with time_machine.travel(wib(2024, 2, 8, 9), tick=False):
        with pytest.raises(DomainError) as info:
            services.record_step(
                file=inquiry,
                event="find_sufficient_evidence",
                actor=police_bangka,
                occurred_at=wib(2024, 2, 6, 9),
                expected_version=inquiry.version,
            )
        assert info.value.code == "backdating_reason_required"
        services.record_step(
            file=inquiry,
            event="find_sufficient_evidence",
            actor=police_bangka,
            occurred_at=wib(2024, 2, 6, 9),
            expected_version=inquiry.version,
            backdating_reason="Berita acara diterima terlambat",
        )
    event = inquiry.events.get(kind="find_sufficient_evidence")
    assert event.is_backdated and event.backdating_reason == "Berita acara diterima terlambat"
    audit = AuditEvent.objects.filter(action="gakkumdu.step.find_sufficient_evidence").get()
    assert audit.data["backdated"] is True
    assert audit.data["agency"] == "polri"
    # the clock starts when the step happened, not when it was typed in
    clock = CaseDeadline.objects.get(case=inquiry.case, step="inquiry_to_investigator")
    assert clock.started_at == wib(2024, 2, 6, 9)


def test_step_cannot_precede_the_previous_one(inquiry, police_bangka):
    with pytest.raises(DomainError) as info:
        step(inquiry, "find_sufficient_evidence", police_bangka, wib(2024, 2, 5, 12, 30))
    assert info.value.code == "before_previous"


def test_sp3_is_a_request_until_bawaslu_approves(inquiry, police_bangka, officer_bangka):
    with pytest.raises(DomainError) as info:
        step(
            inquiry,
            "terminate_investigation",
            police_bangka,
            wib(2024, 2, 6, 9),
            note="Tidak cukup bukti",
        )
    assert info.value.code == "needs_approval"
    with time_machine.travel(wib(2024, 2, 6, 9), tick=False):
        request = services.request_closure(
            file=inquiry,
            event="terminate_investigation",
            actor=police_bangka,
            occurred_at=wib(2024, 2, 6, 9),
            reason="Tidak cukup bukti",
        )
        with pytest.raises(DomainError) as info:
            services.request_closure(
                file=inquiry,
                event="terminate_investigation",
                actor=police_bangka,
                occurred_at=wib(2024, 2, 6, 9),
                reason="lagi",
            )
        assert info.value.code == "request_pending"
    inquiry.refresh_from_db()
    assert inquiry.stage == "inquiry"  # nothing changed yet
    with pytest.raises(DomainError):  # the police cannot approve their own request
        services.decide_request(request=request, actor=police_bangka, approve=True)
    with time_machine.travel(wib(2024, 2, 6, 10), tick=False):
        services.decide_request(
            request=request, actor=officer_bangka, approve=True, expected_version=inquiry.version
        )
    inquiry.refresh_from_db()
    assert (inquiry.stage, inquiry.closing_reason) == ("terminated", "Tidak cukup bukti")
    event = inquiry.events.get(kind="terminate_investigation")
    assert (event.agency, event.actor) == ("polri", police_bangka)
    assert CaseDeadline.objects.get(case=inquiry.case, step="police_investigation").stopped_at


def test_rejected_request_changes_nothing_and_needs_a_reason(
    inquiry, police_bangka, officer_bangka
):
    with time_machine.travel(wib(2024, 2, 6, 9), tick=False):
        request = services.request_closure(
            file=inquiry,
            event="terminate_investigation",
            actor=police_bangka,
            occurred_at=wib(2024, 2, 6, 9),
            reason="Tidak cukup bukti",
        )
    with pytest.raises(DomainError):
        services.decide_request(request=request, actor=officer_bangka, approve=False)
    services.decide_request(
        request=request, actor=officer_bangka, approve=False, note="Periksa saksi tambahan"
    )
    inquiry.refresh_from_db()
    request.refresh_from_db()
    assert (inquiry.stage, request.status) == ("inquiry", "rejected")


def test_police_unit_follows_jurisdiction_not_regency(babel, units, officer_babel):
    """Kec. Pangkalan Baru (Bangka Tengah) is Polresta Pangkalpinang's (babel.md §9.2)."""
    file = open_file(
        units["gakkumdu-19.04"],
        officer_babel,
        election=babel["pemilu"],
        region_code="19.04.02",
        at=T0,
    )
    assert file.police.code == "polres-pangkalpinang"
    assert file.prosecutor.code == "kejari-bangka-tengah"
    other = open_file(
        units["gakkumdu-19.04"],
        officer_babel,
        election=babel["pemilu"],
        region_code="19.04.01",
        at=T0,
    )
    assert other.police.code == "polres-bangka-tengah"


def test_open_refuses_outside_area_and_other_bawaslu(
    babel, units, officer_bangka, officer_belitung
):
    with pytest.raises(DomainError) as info:
        open_file(
            units["gakkumdu-19.01"],
            officer_bangka,
            election=babel["pemilu"],
            region_code="19.02.01",
            at=T0,
        )
    assert info.value.code == "region"
    with pytest.raises(DomainError) as info:
        open_file(
            units["gakkumdu-19.01"],
            officer_belitung,
            election=babel["pemilu"],
            region_code="19.01.01",
            at=T0,
        )
    assert info.value.code == "forbidden"


def test_pilkada_file_must_choose_day_counting(babel, units, officer_bangka):
    with pytest.raises(DomainError) as info:
        open_file(
            units["gakkumdu-19.01"],
            officer_bangka,
            election=babel["pilkada"],
            region_code="19.01.01",
            at=T0,
        )
    assert info.value.code == "counting_variant_required"


def test_discussion_clock_runs_only_when_configured(babel, units, officer_bangka):
    plain = open_file(
        units["gakkumdu-19.01"],
        officer_bangka,
        election=babel["pemilu"],
        region_code="19.01.01",
        at=T0,
    )
    assert plain.discussion_due_at is None
    DiscussionRule.objects.create(
        regime="pemilu",
        number=1,
        amount=24,
        counting="hours",
        basis="Keputusan Sentra Gakkumdu (contoh)",
    )
    ruled = open_file(
        units["gakkumdu-19.01"],
        officer_bangka,
        election=babel["pemilu"],
        region_code="19.01.01",
        at=T0,
    )
    assert ruled.discussion_due_at == wib(2024, 2, 6, 9)
    assert DiscussionRule.objects.get().status == "unverified"


def test_discussion_records_views_and_moves_the_file(file, officer_bangka):
    with time_machine.travel(wib(2024, 2, 5, 10), tick=False):
        services.record_discussion(
            file=file,
            number=1,
            held_at=wib(2024, 2, 5, 10),
            actor=officer_bangka,
            conclusion="Memenuhi unsur Pasal 523",
            expected_version=file.version,
            views={
                "bawaslu": ("2 orang", "Lanjut"),
                "polri": ("Penyidik A", "Lanjut"),
                "kejaksaan": ("Jaksa B", "Perlu saksi"),
            },
        )
    file.refresh_from_db()
    assert file.stage == "discussed_1"
    assert {v.agency for v in file.discussions.get().views.all()} == {
        "bawaslu",
        "polri",
        "kejaksaan",
    }
    with pytest.raises(DomainError) as info:
        services.record_discussion(
            file=file,
            number=4,
            held_at=wib(2024, 2, 5, 11),
            actor=officer_bangka,
            conclusion="x",
            expected_version=file.version,
        )
    assert info.value.code == "discussion_number"


def test_first_instance_verdict_not_executed_while_appeal_window_open(
    babel, units, officer_bangka, police_bangka, prosecutor_bangka
):
    file = open_file(
        units["gakkumdu-19.01"],
        officer_bangka,
        election=babel["pemilu"],
        region_code="19.01.01",
        at=T0,
    )
    for event, who, at, kw in [
        ("first_discussion", officer_bangka, wib(2024, 2, 5, 10), {}),
        ("second_discussion", officer_bangka, wib(2024, 2, 5, 11), {}),
        ("decide_forward", officer_bangka, wib(2024, 2, 5, 12), {}),
        ("forward_to_police", officer_bangka, wib(2024, 2, 5, 13), {}),
        ("find_sufficient_evidence", police_bangka, wib(2024, 2, 6, 9), {}),
        ("start_investigation", police_bangka, wib(2024, 2, 6, 10), {}),
        ("submit_file", police_bangka, wib(2024, 2, 10, 10), {}),
        ("declare_complete", prosecutor_bangka, wib(2024, 2, 11, 10), {}),
        (
            "transfer_to_court",
            prosecutor_bangka,
            wib(2024, 2, 12, 10),
            {"details": {"court_case_number": "3/Pid.Sus/2024/PN Sgl"}},
        ),
        (
            "read_verdict",
            prosecutor_bangka,
            wib(2024, 2, 16, 10),
            {"details": {"outcome": "convicted"}},
        ),
        ("deliver_verdict", prosecutor_bangka, wib(2024, 2, 17, 10), {}),
    ]:
        file = step(file, event, who, at, **kw)
    with pytest.raises(DomainError) as info:
        step(file, "execute_verdict", prosecutor_bangka, wib(2024, 2, 18, 10))
    assert info.value.code == "appeal_period_open"
    step(file, "execute_verdict", prosecutor_bangka, wib(2024, 2, 20, 10))


def test_transfer_needs_court_number_and_verdict_needs_outcome(
    babel, units, officer_bangka, police_bangka, prosecutor_bangka
):
    file = open_file(
        units["gakkumdu-19.01"],
        officer_bangka,
        election=babel["pemilu"],
        region_code="19.01.01",
        at=T0,
    )
    for event, who, at in [
        ("first_discussion", officer_bangka, wib(2024, 2, 5, 10)),
        ("second_discussion", officer_bangka, wib(2024, 2, 5, 11)),
        ("decide_forward", officer_bangka, wib(2024, 2, 5, 12)),
        ("forward_to_police", officer_bangka, wib(2024, 2, 5, 13)),
        ("find_sufficient_evidence", police_bangka, wib(2024, 2, 6, 9)),
        ("start_investigation", police_bangka, wib(2024, 2, 6, 10)),
        ("submit_file", police_bangka, wib(2024, 2, 10, 10)),
        ("declare_complete", prosecutor_bangka, wib(2024, 2, 11, 10)),
    ]:
        file = step(file, event, who, at)
    with pytest.raises(DomainError) as info:
        step(file, "transfer_to_court", prosecutor_bangka, wib(2024, 2, 12, 10))
    assert info.value.code == "court_case_number_required"
    file = step(
        file,
        "transfer_to_court",
        prosecutor_bangka,
        wib(2024, 2, 12, 10),
        details={"court_case_number": "3/Pid.Sus/2024/PN Sgl"},
    )
    with pytest.raises(DomainError) as info:
        step(file, "read_verdict", prosecutor_bangka, wib(2024, 2, 16, 10))
    assert info.value.code == "outcome_required"


def test_parts_and_documents(inquiry, police_bangka, prosecutor_bangka, officer_bangka):
    suspect = services_parts.add_suspect(file=inquiry, actor=police_bangka, name="Caleg X")
    services_parts.add_witness(file=inquiry, actor=officer_bangka, name="Warga A")
    item = services_parts.add_evidence_item(
        file=inquiry, actor=police_bangka, description="Amplop berisi uang", quantity="12"
    )
    assert item.held_by == "polri"
    with pytest.raises(DomainError) as info:
        services_parts.record_sentence(
            file=inquiry,
            actor=police_bangka,
            suspect=suspect,
            instance="first",
            outcome="convicted",
            read_on=wib(2024, 3, 1).date(),
        )
    assert info.value.code == "wrong_party"
    services_parts.record_sentence(
        file=inquiry,
        actor=prosecutor_bangka,
        suspect=suspect,
        instance="first",
        outcome="convicted",
        prison_months=6,
        read_on=wib(2024, 3, 1).date(),
    )
    with pytest.raises(DomainError) as info:
        services_parts.upload_document(
            file=inquiry,
            actor=police_bangka,
            kind="case_file",
            title="Berkas",
            dated_on=wib(2024, 2, 10).date(),
            upload=SimpleUploadedFile("berkas.pdf", b"MZ\x90\x00 not a pdf"),
        )
    assert info.value.code == "bad_file"
    document = services_parts.upload_document(
        file=inquiry,
        actor=police_bangka,
        kind="case_file",
        title="Berkas perkara",
        dated_on=wib(2024, 2, 10).date(),
        to_agency="kejaksaan",
        upload=SimpleUploadedFile("berkas.pdf", PDF),
    )
    assert (document.from_agency, document.size) == ("polri", len(PDF))
    assert len(document.sha256) == 64
    with pytest.raises(PermissionError):
        document.save()
    services_parts.log_document_access(document=document, user=prosecutor_bangka)
    assert DocumentAccess.objects.filter(document=document, user=prosecutor_bangka).exists()
