"""`awasi deadlines compute` (exact contract) and `awasi deadlines sweep` (idempotent)."""

import json
from datetime import datetime, timedelta
from io import StringIO
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core import mail
from django.core.management import call_command

from awasi.cases.models import DeadlineNotice
from awasi.cases.services import start_deadline
from awasi.core import notify

WIB = ZoneInfo("Asia/Jakarta")


def compute(*args):
    out = StringIO()
    call_command("deadlines", "compute", *args, stdout=out)
    return json.loads(out.getvalue())


@pytest.mark.parametrize(
    ("args", "due"),
    [
        (["--step", "follow_up", "--from", "2024-01-19", "--region", "81"],
         "2024-01-30T23:59:59+09:00"),
        (["--step", "follow_up", "--from", "2024-01-19T16:00"], "2024-01-30T23:59:59+07:00"),
        (["--step", "report_filing", "--from", "2024-04-05", "--region", "19.01"],
         "2024-04-24T23:59:59+07:00"),
        (["--step", "forward_to_police", "--from", "2024-02-29T10:15:30+07:00", "--region", "73"],
         "2024-03-01T11:15:30+08:00"),
        (["--step", "forward_to_police", "--from", "2024-02-29T10:15:30"],
         "2024-03-01T10:15:30+07:00"),
        (["--step", "police_investigation", "--from", "2024-02-20"], "2024-03-05T23:59:59+07:00"),
    ],
)  # fmt: skip
def test_compute_prints_the_contract(db, args, due):
    answer = compute("--regime", "pemilu", *args)
    assert set(answer) == {"step", "due", "counting", "amount", "basis"}
    assert answer["due"] == due
    assert answer["step"] == args[1]


def test_compute_answer_fields(db):
    answer = compute("--regime", "pemilu", "--step", "follow_up_extended", "--from", "2024-02-05")
    assert answer == {
        "step": "follow_up_extended", "due": "2024-02-28T23:59:59+07:00",
        "counting": "working_days", "amount": 14, "basis": "UU 7/2017 Pasal 454 ayat (8)",
    }  # fmt: skip


@pytest.mark.parametrize(
    "args",
    [
        ["--regime", "pemilu", "--step", "nope", "--from", "2024-01-19"],
        ["--regime", "pileg", "--step", "follow_up", "--from", "2024-01-19"],
        ["--regime", "pemilu", "--step", "follow_up", "--from", "2024-13-40"],
        ["--regime", "pemilu", "--step", "follow_up", "--from", "yesterday"],
        ["--regime", "pemilu", "--step", "follow_up", "--from", "2024-01-19", "--region", "99"],
        ["--regime", "pemilu", "--step", "follow_up", "--from", "2024-01-19", "--region", "x.y"],
        ["--regime", "pilkada", "--step", "police_investigation", "--from", "2024-11-25"],
    ],
)
def test_compute_errors_exit_2_with_one_line(db, args, capsys):
    import sys

    from awasi.__main__ import main

    sys.argv = ["awasi", "deadlines", "compute", *args]
    with pytest.raises(SystemExit) as exit_info:
        main()
    assert exit_info.value.code == 2
    err = capsys.readouterr().err.strip()
    assert err and "\n" not in err


def test_pilkada_variant_can_be_named(db):
    answer = compute(
        "--regime", "pilkada", "--step", "police_investigation", "--from", "2024-11-25",
        "--variant", "working_days",
    )  # fmt: skip
    assert answer["due"] == "2024-12-16T23:59:59+07:00"


def test_sweep_notifies_once_per_state(registered_case, officer_bangka, settings):
    settings.AWASI_SMS_TRANSPORT = "outbox"
    notify.outbox.clear()
    officer_bangka.phone = "0811111"
    officer_bangka.save()
    registered_case.assignee = officer_bangka
    registered_case.save()
    start = datetime(2024, 2, 20, 9, tzinfo=WIB)
    start_deadline(case=registered_case, step="forward_to_police", started_at=start,
                   actor=officer_bangka)  # fmt: skip
    out = StringIO()
    with time_machine.travel(start + timedelta(hours=2), tick=False):
        call_command("deadlines", "sweep", stdout=out)
        call_command("deadlines", "sweep", stdout=out)
    assert DeadlineNotice.objects.filter(state="due_soon").count() == 1
    assert len(mail.outbox) == 1 and "forward_to_police" in mail.outbox[0].subject
    assert notify.outbox and notify.outbox[0]["to"] == "0811111"
    with time_machine.travel(start + timedelta(hours=30), tick=False):
        call_command("deadlines", "sweep", stdout=out)
        call_command("deadlines", "sweep", stdout=out)
    assert DeadlineNotice.objects.filter(state="overdue").count() == 1
    assert "OVERDUE" in mail.outbox[-1].subject or "LEWAT TENGGAT" in mail.outbox[-1].subject
    assert "sent 0 notices" in out.getvalue().splitlines()[-1]


def test_sweep_notifies_the_owning_organisation(
    registered_case, babel, police_bangka, officer_bangka
):
    start = datetime(2024, 2, 20, 9, tzinfo=WIB)
    start_deadline(
        case=registered_case, step="inquiry_to_investigator", started_at=start,
        actor=police_bangka, owner_organisation=babel["orgs"]["polres-bangka"],
    )  # fmt: skip
    with time_machine.travel(start + timedelta(hours=25), tick=False):
        call_command("deadlines", "sweep", stdout=StringIO())
    recipients = {m.to[0] for m in mail.outbox}
    assert "police-bangka@example.test" in recipients
    assert "officer-bangka@example.test" not in recipients
