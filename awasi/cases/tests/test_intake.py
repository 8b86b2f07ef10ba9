"""Intake: reports, findings, tips; idempotency, validation, nothing half-saved."""

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest

from awasi.cases import services
from awasi.cases.models import Case, CaseDeadline, Reporter, StatusChange, Tip, Witness
from awasi.cases.services.intake import check_status_secret
from awasi.cases.tests.conftest import case_data, reporter_data
from awasi.core.errors import DomainError

WIB = ZoneInfo("Asia/Jakarta")


def submit(babel, key="k1", **kw):
    reporter = kw.pop("reporter", None) or reporter_data()
    return services.submit_report(
        data=case_data(babel, **kw), reporter=reporter, intake_key=key,
        received_at=datetime(2024, 2, 12, 10, tzinfo=WIB),
    )  # fmt: skip


def test_report_creates_case_reporter_history_and_clocks(babel):
    result = submit(babel, witnesses=[{"name": "Siti", "phone": "0811"}])
    case = result.case
    assert result.created and case.status == "received" and case.origin == "report"
    assert case.organisation.code == "bawaslu-bangka"
    assert Reporter.objects.get(case=case).nik == "1901011708800001"
    assert Witness.objects.filter(case=case).count() == 1
    assert StatusChange.objects.filter(case=case, to_status="received").exists()
    assert check_status_secret(case, result.secret)
    assert not check_status_secret(case, "wrong")
    filing = CaseDeadline.objects.get(case=case, step="report_filing")
    assert filing.status == "met"  # known 10 Feb, filed 12 Feb
    review = CaseDeadline.objects.get(case=case, step="initial_review")
    # Received Mon 12 Feb; 14 Feb is voting day: Tue 13 (1), Thu 15 (2).
    assert review.due_at == datetime(2024, 2, 15, 23, 59, 59, tzinfo=WIB)


def test_late_report_shows_filing_met_late(babel):
    case = submit(babel, occurred_on=date(2024, 1, 2), known_on=date(2024, 1, 2)).case
    assert CaseDeadline.objects.get(case=case, step="report_filing").status == "met_late"


def test_same_key_twice_gives_the_same_case_and_secret(babel):
    first = submit(babel, key="retry-me")
    second = submit(babel, key="retry-me")
    assert second.case.pk == first.case.pk and not second.created
    assert second.secret == first.secret
    assert Case.objects.count() == 1


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"title": " "}, "title"),
        ({"occurred_on": date(2099, 1, 1)}, "occurred_on"),
        ({"known_on": None}, "known_on"),
        ({"known_on": date(2024, 2, 1)}, "known_on"),  # before the event
        ({"region": "19.02.01", "election": "pilkada"}, None),  # valid: pilkada is Babel-wide
    ],
)
def test_bad_case_data_is_refused_and_nothing_saved(babel, changes, field):
    if field is None:
        assert submit(babel, **changes).created
        return
    with pytest.raises(DomainError) as error:
        submit(babel, **changes)
    assert field in error.value.details
    assert Case.objects.count() == 0


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"nik": "123"}, "reporter_nik"),
        ({"name": ""}, "reporter_name"),
        ({"address": ""}, "reporter_address"),
        ({"phone": "", "email": ""}, "reporter_phone"),
    ],
)
def test_bad_reporter_is_refused(babel, changes, field):
    with pytest.raises(DomainError) as error:
        submit(babel, reporter=reporter_data(**changes))
    assert field in error.value.details
    assert Case.objects.count() == 0


def test_finding_is_declared_with_its_clock(babel, officer_bangka):
    data = case_data(babel, known_on=None)
    case = services.declare_finding(
        data=data, discovered_on=date(2024, 2, 10), actor=officer_bangka,
        declared_at=datetime(2024, 2, 13, 9, tzinfo=WIB),
    )  # fmt: skip
    assert case.origin == "finding" and case.channel == "supervision"
    assert CaseDeadline.objects.get(case=case, step="finding_declaration").status == "met"
    assert not Reporter.objects.filter(case=case).exists()


def test_tip_needs_no_identity_and_becomes_a_finding(babel, officer_bangka):
    tip = services.submit_tip(
        election=babel["pemilu"], region=case_data(babel).region, description="Ada serangan fajar",
        intake_key="tip-1",
    )  # fmt: skip
    assert (
        services.submit_tip(
            election=babel["pemilu"], region=tip.region, description="x", intake_key="tip-1"
        ).pk
        == tip.pk
    )
    case = services.convert_tip(
        tip=tip, actor=officer_bangka, title="Serangan fajar", reported_party="?"
    )
    tip.refresh_from_db()
    assert tip.status == "converted" and tip.case == case
    assert case.origin == "finding" and Case.objects.get(pk=case.pk).channel == "tip"
    with pytest.raises(DomainError):
        services.dismiss_tip(tip=tip, actor=officer_bangka)


def test_empty_tip_is_refused(babel):
    with pytest.raises(DomainError):
        services.submit_tip(
            election=babel["pemilu"], region=case_data(babel).region, description=" "
        )
    assert Tip.objects.count() == 0


def test_stage_is_taken_from_the_election_calendar(babel):
    case = submit(babel, key="stage-1").case
    assert case.stage is not None
    assert case.stage.starts_on <= case.occurred_on <= case.stage.ends_on
