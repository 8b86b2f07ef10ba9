"""Clocks on cases: start/stop services, rule lookup, states, the Maluku example end to end."""

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
import time_machine

from awasi.cases.models import CaseDeadline, DeadlineRule
from awasi.cases.selectors import deadline_queue, get_rule
from awasi.cases.services import start_deadline, stop_deadline
from awasi.core.errors import DomainError
from awasi.core.models import AuditEvent
from awasi.elections.models import CalendarOverride

WIB = ZoneInfo("Asia/Jakarta")


def test_rule_table_is_loaded_by_the_migration(db):
    assert DeadlineRule.objects.filter(regime="pemilu").count() == 19
    assert DeadlineRule.objects.filter(regime="pilkada").count() == 12
    rule = get_rule(regime="pemilu", step="follow_up_extended")
    assert (rule.amount, rule.counting, rule.status) == (14, "working_days", "verified")


def test_get_rule_refuses_to_guess_between_variants(db):
    with pytest.raises(DomainError) as error:
        get_rule(regime="pilkada", step="police_investigation")
    assert error.value.code == "ambiguous_rule"
    assert get_rule(regime="pilkada", step="police_investigation", variant="calendar_days")


def test_deactivating_one_variant_is_an_explicit_choice(db):
    DeadlineRule.objects.filter(
        regime="pilkada", step="police_investigation", variant="working_days"
    ).update(is_active=False)
    assert get_rule(regime="pilkada", step="police_investigation").counting == "calendar_days"


def test_start_and_stop_with_audit(registered_case, officer_bangka):
    started = datetime(2024, 2, 20, 9, 0, tzinfo=WIB)
    clock = start_deadline(
        case=registered_case, step="forward_to_police", started_at=started, actor=officer_bangka
    )
    assert clock.due_at == started + timedelta(hours=24)
    stopped = stop_deadline(
        case=registered_case, step="forward_to_police", stopped_at=started + timedelta(hours=30),
        actor=officer_bangka,
    )  # fmt: skip
    assert stopped.state_at(started + timedelta(days=3)) == "met_late"
    actions = set(AuditEvent.objects.values_list("action", flat=True))
    assert {"cases.deadline.start", "cases.deadline.stop"} <= actions


def test_second_running_clock_for_a_step_is_refused(registered_case, officer_bangka):
    with pytest.raises(DomainError) as error:
        start_deadline(
            case=registered_case, step="follow_up", started_at=datetime.now(WIB),
            actor=officer_bangka,
        )  # fmt: skip
    assert error.value.code == "clock_running"


def test_stop_without_running_clock_is_refused(registered_case, officer_bangka):
    with pytest.raises(DomainError):
        stop_deadline(
            case=registered_case, step="court_decision", stopped_at=datetime.now(WIB),
            actor=officer_bangka,
        )  # fmt: skip


def test_naive_datetimes_are_refused(registered_case, officer_bangka):
    with pytest.raises(DomainError):
        start_deadline(
            case=registered_case, step="court_decision", started_at=datetime(2024, 2, 1),
            actor=officer_bangka,
        )  # fmt: skip


def test_owner_organisation_is_kept(registered_case, babel, police_bangka):
    clock = start_deadline(
        case=registered_case, step="police_investigation",
        started_at=datetime(2024, 2, 20, 9, tzinfo=WIB), actor=police_bangka,
        owner_organisation=babel["orgs"]["polres-bangka"],
    )  # fmt: skip
    assert clock.due_at == datetime(2024, 3, 5, 23, 59, 59, tzinfo=WIB)
    assert CaseDeadline.objects.visible_to(police_bangka).filter(pk=clock.pk).exists()


def test_admin_calendar_override_moves_a_working_day_deadline(registered_case, officer_bangka):
    started = datetime(2024, 3, 1, 10, tzinfo=WIB)  # Friday
    clock = start_deadline(
        case=registered_case, step="kpu_follow_up", started_at=started, actor=officer_bangka
    )
    assert clock.due_at.date() == datetime(2024, 3, 6).date()  # Mon 4, Tue 5, Wed 6
    stop_deadline(
        case=registered_case, step="kpu_follow_up", stopped_at=started, actor=officer_bangka
    )
    CalendarOverride.objects.create(on=datetime(2024, 3, 4).date(), region_code="19.01", reason="x")
    clock = start_deadline(
        case=registered_case, step="kpu_follow_up", started_at=started, actor=officer_bangka
    )
    assert clock.due_at.date() == datetime(2024, 3, 7).date()


@time_machine.travel(datetime(2024, 2, 20, 8, 0, tzinfo=WIB), tick=False)
def test_queue_groups_overdue_today_tomorrow_week(make_report, officer_bangka, officer_belitung):
    case = make_report(
        occurred_on=datetime(2024, 2, 16).date(), known_on=datetime(2024, 2, 16).date()
    )
    for step, start in [
        ("forward_to_police", datetime(2024, 2, 19, 7, tzinfo=WIB)),  # due 20 Feb 07:00: overdue
        ("inquiry_to_investigator", datetime(2024, 2, 19, 20, tzinfo=WIB)),  # today 20:00
        ("appeal_filing", datetime(2024, 2, 18, 9, tzinfo=WIB)),  # 21 Feb: tomorrow
        ("court_decision", datetime(2024, 2, 19, 9, tzinfo=WIB)),  # 26 Feb: this week
    ]:
        start_deadline(case=case, step=step, started_at=start, actor=officer_bangka)
    queue = deadline_queue(officer_bangka)
    assert [d.step for d in queue["overdue"]] == ["forward_to_police"]
    assert [d.step for d in queue["today"]] == ["inquiry_to_investigator"]
    assert "appeal_filing" in [d.step for d in queue["tomorrow"]]
    assert "court_decision" in [d.step for d in queue["week"]]
    assert deadline_queue(officer_belitung) == {
        "overdue": [],
        "today": [],
        "tomorrow": [],
        "week": [],
    }


def test_pasal_484_hard_date_for_pemilu_crimes(registered_case, make_report):
    from datetime import date

    from awasi.cases.selectors import result_hard_date

    assert result_hard_date(registered_case) == date(2024, 3, 15)  # result stage 20 Mar 2024
    assert result_hard_date(make_report()) is None  # type not yet classified
