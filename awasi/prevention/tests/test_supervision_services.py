from datetime import date, datetime

import pytest
import time_machine

from awasi.core.errors import DomainError
from awasi.prevention import findings
from awasi.prevention.choices import ReportStatus
from awasi.prevention.models import NeutralityCase, SupervisionPhoto, SupervisionReport
from awasi.prevention.services import supervision as services
from awasi.prevention.tests.conftest import WIB, jpeg_bytes, photo, region

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _now():
    with time_machine.travel(datetime(2024, 2, 12, 10, 0, tzinfo=WIB), tick=False):
        yield


def quiet(babel):
    return babel["pemilu"].stages.get(kind="quiet")


def lhp(actor, babel, **kw):
    args = dict(
        actor=actor,
        stage=quiet(babel),
        region=region("19.01.01.1001"),
        supervised_at=datetime(2024, 2, 11, 21, 0, tzinfo=WIB),
        activity="Pengawasan masa tenang",
        place="Jl. Depati Amir",
        result="Ditemukan pembagian amplop oleh tim kampanye",
        suspected_violation=True,
    )
    args.update(kw)
    return services.submit_supervision_report(**args)


def test_submit_with_photos(officer_bangka, babel):
    report = lhp(officer_bangka, babel, photos=[photo("a.jpg", jpeg_bytes()), photo()])
    assert report.status == ReportStatus.TO_BE_DECLARED
    assert report.photos.count() == 2
    stored = report.photos.first()
    with stored.file.open("rb") as handle:
        import hashlib

        assert hashlib.sha256(handle.read()).hexdigest() == stored.sha256


def test_a_bad_photo_saves_nothing(officer_bangka, babel):
    with pytest.raises(DomainError) as err:
        lhp(officer_bangka, babel, photos=[photo(), photo("x.jpg", b"MZ\x90\x00" + b"\0" * 64)])
    assert err.value.code == "photo_type"
    assert not SupervisionReport.objects.exists() and not SupervisionPhoto.objects.exists()


def test_oversized_photo_is_refused(officer_bangka, babel, settings):
    settings.PREVENTION_MAX_PHOTO_BYTES = 50
    with pytest.raises(DomainError) as err:
        lhp(officer_bangka, babel, photos=[photo("a.jpg", jpeg_bytes())])
    assert err.value.code == "too_large"


def test_no_violation_report_is_submitted(officer_bangka, babel):
    report = lhp(officer_bangka, babel, suspected_violation=False)
    assert report.status == ReportStatus.SUBMITTED


@pytest.mark.parametrize("user", ["officer_belitung", "police_bangka"])
def test_outsiders_cannot_file_here(user, babel, request):
    with pytest.raises(DomainError):
        lhp(request.getfixturevalue(user), babel)


def test_future_supervision_is_refused(officer_bangka, babel):
    with pytest.raises(DomainError):
        lhp(officer_bangka, babel, supervised_at=datetime(2024, 2, 13, 9, 0, tzinfo=WIB))


def test_lhp_becomes_a_finding_in_case_handling(officer_bangka, babel):
    if findings.finding_service() is None:
        pytest.skip("case handling has no declare_finding")
    from awasi.cases.models import Case

    report = lhp(officer_bangka, babel, photos=[photo("a.jpg", jpeg_bytes())])
    services.declare_finding_from_report(
        actor=officer_bangka,
        report=report,
        expected_version=1,
        title="Dugaan politik uang",
        reported_party="Tim X",
    )
    report.refresh_from_db()
    assert report.status == ReportStatus.FINDING_DECLARED
    case = Case.objects.get(pk=report.finding_case_id)
    assert case.origin == "finding" and case.region_id == "19.01.01.1001"
    assert report.finding_reference == str(case)
    names = [e.original_name for e in case.evidence.all()]
    assert f"lhp-{report.pk}.pdf" in names and len(names) == 2
    with pytest.raises(DomainError):
        services.declare_finding_from_report(
            actor=officer_bangka,
            report=report,
            expected_version=report.version,
            reported_party="Tim X",
        )
    assert Case.objects.count() == 1


def test_declaring_needs_the_reported_party(officer_bangka, babel):
    if findings.finding_service() is None:
        pytest.skip("case handling has no declare_finding")
    report = lhp(officer_bangka, babel)
    with pytest.raises(DomainError):
        services.declare_finding_from_report(
            actor=officer_bangka, report=report, expected_version=1
        )
    report.refresh_from_db()
    assert report.status == ReportStatus.TO_BE_DECLARED and report.version == 1


def test_without_case_handling_the_report_stays_flagged(officer_bangka, babel, monkeypatch):
    monkeypatch.setattr(services, "finding_service", lambda: None)
    report = lhp(officer_bangka, babel, suspected_violation=False)
    services.declare_finding_from_report(actor=officer_bangka, report=report, expected_version=1)
    report.refresh_from_db()
    assert report.status == ReportStatus.TO_BE_DECLARED and report.finding_case_id is None


def test_no_violation_closes(officer_bangka, babel):
    report = lhp(officer_bangka, babel)
    services.close_report_without_violation(actor=officer_bangka, report=report, expected_version=1)
    report.refresh_from_db()
    assert report.status == ReportStatus.NO_VIOLATION


def neutrality(actor):
    return services.record_neutrality_case(
        actor=actor,
        region=region("19"),
        name="A.B.",
        employer="Pemprov Babel",
        employment="honorary",
        source="social_media",
        description="Unggahan dukungan",
        occurred_on=date(2024, 1, 5),
    )


def test_recommendation_and_follow_up(officer_babel):
    case = neutrality(officer_babel)
    services.send_neutrality_recommendation(
        actor=officer_babel,
        case=case,
        to="bkn",
        number="001/REK",
        sent_on=date(2024, 1, 10),
        expected_version=1,
    )
    services.record_neutrality_follow_up(
        actor=officer_babel,
        case=case,
        acted_on=date(2024, 2, 1),
        action_taken="Teguran tertulis",
        expected_version=2,
    )
    case.refresh_from_db()
    assert (case.recommendation_to, case.acted_on) == ("bkn", date(2024, 2, 1))


def test_follow_up_before_recommendation_is_refused(officer_babel):
    case = neutrality(officer_babel)
    with pytest.raises(DomainError):
        services.record_neutrality_follow_up(
            actor=officer_babel,
            case=case,
            acted_on=date(2024, 2, 1),
            action_taken="x",
            expected_version=1,
        )
    assert NeutralityCase.objects.get().acted_on is None


def test_honorary_candidate_review(officer_babel, babel):
    candidate = services.flag_honorary_candidate(
        actor=officer_babel,
        region=region("19.02"),
        election=babel["pemilu"],
        name="C.D.",
        employer="Dinas Pendidikan",
        employment="honorary",
        party="Partai X",
        office_sought="DPRD Kabupaten Belitung",
    )
    assert candidate.review == "pending"
    with pytest.raises(DomainError):
        services.review_honorary_candidate(
            actor=officer_babel, candidate=candidate, review="pending", note="x"
        )
    services.review_honorary_candidate(
        actor=officer_babel, candidate=candidate, review="refer", note="Perda mewajibkan mundur"
    )
    assert candidate.review == "refer"


def test_civil_servants_do_not_go_on_the_honorary_list(officer_babel, babel):
    with pytest.raises(DomainError):
        services.flag_honorary_candidate(
            actor=officer_babel,
            region=region("19.02"),
            election=babel["pemilu"],
            name="E",
            employer="Dinas",
            employment="pns",
            party="P",
            office_sought="DPRD",
        )
