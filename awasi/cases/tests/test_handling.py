"""Lifecycle services: registration, clarification, extension, plenary, routing, merge."""

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from django.core import mail

from awasi.cases import services
from awasi.cases.models import Case, CaseAlias, CaseDeadline, Referral
from awasi.core.errors import ConflictError, DomainError
from awasi.core.models import AuditEvent

WIB = ZoneInfo("Asia/Jakarta")


def fresh(case):
    return Case.objects.get(pk=case.pk)


def running_steps(case):
    return set(
        CaseDeadline.objects.filter(case=case, stopped_at__isnull=True).values_list(
            "step", flat=True
        )
    )


def test_registration_gives_a_number_and_starts_follow_up(registered_case):
    case = registered_case
    assert case.status == "registered"
    year = case.registered_at.astimezone(WIB).year
    assert case.number.startswith("001/Reg/LP/PL/Kab/19.01/") and case.number.endswith(str(year))
    assert running_steps(case) == {"follow_up"}
    review = CaseDeadline.objects.get(case=case, step="initial_review")
    assert review.stopped_at is not None


def test_numbers_count_up_per_body(make_report, officer_bangka):
    numbers = []
    for _ in range(2):
        case = make_report()
        services.start_review(case=case, actor=officer_bangka, expected_version=case.version)
        services.register_case(
            case=case, actor=officer_bangka, expected_version=case.version,
            violation_type="administrative",
        )  # fmt: skip
        numbers.append(case.number[:3])
        assert "administrative_decision" in running_steps(case)
    assert numbers == ["001", "002"]


def test_stale_version_is_a_conflict_and_changes_nothing(make_report, officer_bangka):
    case = make_report()
    stale = case.version
    services.start_review(case=case, actor=officer_bangka, expected_version=stale)
    other = fresh(case)
    with pytest.raises(ConflictError):
        services.reject_case(case=other, actor=officer_bangka, expected_version=stale, reasons="x")
    assert fresh(case).status == "initial_review"


def test_crime_route_forwards_to_gakkumdu(registered_case, officer_bangka, officer_babel):
    case = registered_case
    services.start_clarification(case=case, actor=officer_bangka, expected_version=case.version)
    services.extend_case(
        case=case, actor=officer_bangka, expected_version=case.version, reasons="Saksi belum hadir"
    )
    assert running_steps(case) == {"follow_up_extended"}
    with pytest.raises(DomainError) as error:
        services.extend_case(
            case=case, actor=officer_bangka, expected_version=case.version, reasons="x"
        )
    assert error.value.code in {"already_extended", "not_allowed"}
    services.submit_to_plenary(case=case, actor=officer_bangka, expected_version=case.version)
    with pytest.raises(DomainError) as error:
        services.decide_case(
            case=case, actor=officer_bangka, expected_version=case.version, outcome="crime",
            summary="x",
        )  # fmt: skip
    assert error.value.code == "forbidden"
    services.decide_case(
        case=case, actor=officer_babel, expected_version=case.version, outcome="crime",
        summary="Unsur pidana Pasal 523 terpenuhi",
    )  # fmt: skip
    case = fresh(case)
    assert case.status == "forwarded" and case.outcome == "crime" and case.is_forwarded_to_gakkumdu
    assert Referral.objects.get(case=case).recipient == "gakkumdu"
    assert running_steps(case) == set()


def test_administrative_route_tracks_kpu_follow_up(make_report, officer_bangka, officer_babel):
    case = make_report()
    services.start_review(case=case, actor=officer_bangka, expected_version=case.version)
    services.register_case(
        case=case, actor=officer_bangka, expected_version=case.version,
        violation_type="administrative",
    )  # fmt: skip
    services.submit_to_plenary(case=case, actor=officer_bangka, expected_version=case.version)
    services.decide_case(
        case=case, actor=officer_babel, expected_version=case.version,
        outcome="administrative", summary="Pelanggaran prosedur",
    )  # fmt: skip
    assert fresh(case).status == "admin_examination"
    assert "administrative_decision" in running_steps(case)
    services.decide_administrative(
        case=case, actor=officer_babel, expected_version=case.version,
        summary="Perbaikan administrasi", recipient_name="KPU Kabupaten Bangka",
    )  # fmt: skip
    assert running_steps(case) == {"kpu_follow_up"}
    referral = Referral.objects.get(case=case, recipient="kpu")
    services.record_follow_up(
        referral=referral, actor=officer_bangka, status="followed_up", note="ok"
    )
    assert running_steps(case) == set()
    services.close_case(case=case, actor=officer_bangka, expected_version=case.version)
    assert fresh(case).status == "closed"


@pytest.mark.parametrize(
    ("outcome", "status", "recipient"),
    [
        ("ethics", "forwarded", "dkpp"),
        ("ethics_ad_hoc", "forwarded", "bawaslu_regency"),
        ("other_law", "forwarded", "bkn"),
        ("not_violation", "closed", None),
    ],
)
def test_routes(registered_case, officer_bangka, officer_babel, outcome, status, recipient):
    case = registered_case
    services.submit_to_plenary(case=case, actor=officer_bangka, expected_version=case.version)
    services.decide_case(
        case=case, actor=officer_babel, expected_version=case.version, outcome=outcome,
        summary="Putusan pleno",
    )  # fmt: skip
    assert fresh(case).status == status
    assert list(Referral.objects.filter(case=case).values_list("recipient", flat=True)) == (
        [recipient] if recipient else []
    )


def test_pilkada_administrative_goes_to_kpu_directly(make_report, officer_bangka, officer_babel):
    case = make_report(election="pilkada", occurred_on=datetime(2024, 11, 20).date(),
                       known_on=datetime(2024, 11, 20).date(),
                       received_at=datetime(2024, 11, 21, 10, tzinfo=WIB))  # fmt: skip
    assert not CaseDeadline.objects.filter(case=case, step="initial_review").exists()
    services.start_review(case=case, actor=officer_bangka, expected_version=case.version)
    services.register_case(
        case=case, actor=officer_bangka, expected_version=case.version,
        violation_type="administrative", at=datetime(2024, 11, 22, 10, tzinfo=WIB),
    )  # fmt: skip
    assert case.number.startswith("001/Reg/LP/PB/")
    follow_up = CaseDeadline.objects.get(case=case, step="follow_up")
    assert follow_up.due_at == datetime(2024, 11, 25, 23, 59, 59, tzinfo=WIB)  # 3 calendar days
    services.submit_to_plenary(case=case, actor=officer_bangka, expected_version=case.version)
    services.decide_case(
        case=case, actor=officer_babel, expected_version=case.version, outcome="administrative",
        summary="Rekomendasi ke KPU",
    )  # fmt: skip
    assert fresh(case).status == "forwarded"
    assert Referral.objects.get(case=case).recipient == "kpu"


def test_reject_and_time_bar_need_reasons(make_report, officer_bangka):
    case = make_report()
    services.start_review(case=case, actor=officer_bangka, expected_version=case.version)
    with pytest.raises(DomainError):
        services.reject_case(
            case=case, actor=officer_bangka, expected_version=case.version, reasons=" "
        )
    services.time_bar_case(
        case=case, actor=officer_bangka, expected_version=case.version, reasons="Lewat 7 hari kerja"
    )
    assert fresh(case).status == "time_barred"
    assert running_steps(case) == set()


def test_police_and_prosecutors_cannot_handle(make_report, police_bangka, prosecutor):
    case = make_report()
    for user in (police_bangka, prosecutor):
        with pytest.raises(DomainError) as error:
            services.start_review(case=case, actor=user, expected_version=case.version)
        assert error.value.code == "forbidden"


def test_merge_keeps_alias(make_report, registered_case, officer_bangka):
    duplicate = make_report()
    code = duplicate.tracking_code
    services.merge_case(
        case=duplicate, into=registered_case, actor=officer_bangka,
        expected_version=duplicate.version,
    )  # fmt: skip
    assert fresh(duplicate).status == "merged"
    assert fresh(duplicate).merged_into == registered_case
    assert CaseAlias.objects.get(alias=code).case == registered_case
    assert running_steps(duplicate) == set()
    with pytest.raises(DomainError):
        services.merge_case(
            case=registered_case, into=registered_case, actor=officer_bangka,
            expected_version=registered_case.version,
        )  # fmt: skip


def test_delegate_and_take_over(registered_case, babel, officer_babel):
    case = registered_case
    services.move_to_body(
        case=case, organisation=babel["orgs"]["bawaslu-babel"], actor=officer_babel,
        expected_version=case.version, reason="Pengambilalihan",
    )  # fmt: skip
    services.move_to_body(
        case=case, organisation=babel["orgs"]["panwascam-sungailiat"], actor=officer_babel,
        expected_version=case.version, reason="Pelimpahan",
    )  # fmt: skip
    actions = list(
        AuditEvent.objects.filter(action__in=["cases.take_over", "cases.delegate"])
        .order_by("id")
        .values_list("action", flat=True)
    )
    assert actions == ["cases.take_over", "cases.delegate"]
    with pytest.raises(DomainError):
        services.move_to_body(
            case=case, organisation=babel["orgs"]["bawaslu-belitung"], actor=officer_babel,
            expected_version=case.version, reason="x",
        )  # fmt: skip


def test_reporter_identity_view_is_logged(registered_case, officer_bangka, police_bangka):
    reporter = services.view_reporter(
        case=registered_case, actor=officer_bangka, reason="klarifikasi"
    )
    assert reporter.name == "Budi Santoso"
    assert AuditEvent.objects.filter(action="cases.reporter.view").count() == 1
    with pytest.raises(DomainError):
        services.view_reporter(case=registered_case, actor=police_bangka)


def test_reporter_is_emailed_on_status_change(
    make_report, officer_bangka, django_capture_on_commit_callbacks
):
    case = make_report()
    with django_capture_on_commit_callbacks(execute=True):
        services.start_review(case=case, actor=officer_bangka, expected_version=case.version)
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["budi@example.test"]
    assert case.tracking_code in mail.outbox[0].subject


def test_assignment_only_to_handlers_who_see_the_case(
    registered_case, officer_bangka, officer_belitung
):
    case = registered_case
    services.assign_case(
        case=case, assignee=officer_bangka, actor=officer_bangka, expected_version=case.version
    )
    assert fresh(case).assignee == officer_bangka
    with pytest.raises(DomainError):
        services.assign_case(
            case=case, assignee=officer_belitung, actor=officer_bangka,
            expected_version=case.version,
        )  # fmt: skip


def test_clarification_invitation_and_minutes(registered_case, officer_bangka):
    item = services.invite_for_clarification(
        case=registered_case, actor=officer_bangka, party_role="witness", person_name="Siti",
        scheduled_at=datetime(2024, 2, 22, 10, tzinfo=WIB), place="Kantor Bawaslu Bangka",
    )  # fmt: skip
    services.record_minutes(clarification=item, actor=officer_bangka, minutes="Saksi melihat...")
    with pytest.raises(DomainError):
        services.record_minutes(clarification=item, actor=officer_bangka, minutes="again")
