"""Walk a whole file through the chain on the real 2024 calendar and check every deadline.

Due moments are worked out by hand from deadlines.md (day 1 is the day after the trigger; day-based
deadlines end 23:59:59 local time; "1 x 24 jam" is 24 hours to the minute), not by the engine.
"""

from datetime import date

import pytest

from awasi.cases.models import CaseDeadline
from awasi.gakkumdu.tests.conftest import open_file, step, wib

pytestmark = pytest.mark.django_db


def _clock(file, step_name, nth=0):
    return CaseDeadline.objects.filter(case=file.case, step=step_name).order_by("started_at")[nth]


END = (23, 59, 59)

# (event, actor key, happened at, extra kwargs, [(step, nth, expected due, expected owner org)])
WALK = [
    ("first_discussion", "bawaslu", wib(2024, 2, 5, 14), {}, []),
    ("second_discussion", "bawaslu", wib(2024, 2, 7, 10), {}, []),
    (
        "decide_forward",
        "bawaslu",
        wib(2024, 2, 8, 10),
        {},
        [("forward_to_police", 0, wib(2024, 2, 9, 10), "bawaslu-bangka")],
    ),
    (
        "forward_to_police",
        "bawaslu",
        wib(2024, 2, 9, 9),
        {},
        [("police_investigation", 0, wib(2024, 2, 23, *END), "polres-bangka")],
    ),
    (
        "find_sufficient_evidence",
        "police",
        wib(2024, 2, 10, 10),
        {},
        [("inquiry_to_investigator", 0, wib(2024, 2, 11, 10), "polres-bangka")],
    ),
    ("start_investigation", "police", wib(2024, 2, 11, 8), {}, []),
    ("third_discussion", "bawaslu", wib(2024, 2, 20, 10), {}, []),
    (
        "submit_file",
        "police",
        wib(2024, 2, 22, 10),
        {},
        [("prosecutor_return", 0, wib(2024, 2, 25, *END), "kejari-bangka")],
    ),
    (
        "return_incomplete",
        "prosecutor",
        wib(2024, 2, 24, 10),
        {"note": "Keterangan saksi kurang"},
        [("investigator_resubmit", 0, wib(2024, 2, 27, *END), "polres-bangka")],
    ),
    # the second prosecutor_return clock ends on the leap day
    (
        "resubmit_file",
        "police",
        wib(2024, 2, 26, 10),
        {},
        [("prosecutor_return", 1, wib(2024, 2, 29, *END), "kejari-bangka")],
    ),
    (
        "declare_complete",
        "prosecutor",
        wib(2024, 2, 28, 10),
        {},
        [("prosecutor_to_court", 0, wib(2024, 3, 4, *END), "kejari-bangka")],
    ),
    (
        "transfer_to_court",
        "prosecutor",
        wib(2024, 3, 1, 10),
        {"details": {"court_case_number": "12/Pid.Sus/2024/PN Sgl"}},
        [("court_decision", 0, wib(2024, 3, 8, *END), "kejari-bangka")],
    ),
    (
        "read_verdict",
        "prosecutor",
        wib(2024, 3, 7, 14),
        {"details": {"outcome": "convicted"}},
        [
            ("appeal_filing", 0, wib(2024, 3, 10, *END), "kejari-bangka"),
            ("verdict_delivery", 0, wib(2024, 3, 10, *END), "kejari-bangka"),
        ],
    ),
    (
        "file_appeal",
        "prosecutor",
        wib(2024, 3, 8, 10),
        {},
        [("appeal_forward", 0, wib(2024, 3, 11, *END), "kejari-bangka")],
    ),
    (
        "forward_appeal",
        "prosecutor",
        wib(2024, 3, 11, 10),
        {"details": {"appeal_case_number": "5/PID.SUS/2024/PT BBL"}},
        [("appeal_decision", 0, wib(2024, 3, 18, *END), "kejari-bangka")],
    ),
    (
        "decide_appeal",
        "prosecutor",
        wib(2024, 3, 14, 10),
        {"details": {"outcome": "convicted"}},
        [("verdict_delivery", 1, wib(2024, 3, 17, *END), "kejari-bangka")],
    ),
    (
        "deliver_verdict",
        "prosecutor",
        wib(2024, 3, 15, 10),
        {},
        [("verdict_execution", 0, wib(2024, 3, 18, *END), "kejari-bangka")],
    ),
    ("execute_verdict", "prosecutor", wib(2024, 3, 18, 10), {}, []),
]


def test_whole_chain_on_the_2024_calendar(
    babel, units, officer_bangka, police_bangka, prosecutor_bangka
):
    actors = {"bawaslu": officer_bangka, "police": police_bangka, "prosecutor": prosecutor_bangka}
    file = open_file(
        units["gakkumdu-19.01"],
        officer_bangka,
        election=babel["pemilu"],
        region_code="19.01.01.1001",
        at=wib(2024, 2, 5, 9),
        affects_results=True,
    )
    assert file.hard_date == date(2024, 3, 15)  # result 20 Mar 2024 - 5 days (Pasal 484)
    for event, who, at, extra, expected in WALK:
        file = step(file, event, actors[who], at, **extra)
        assert file.stage == file.events.last().to_stage
        for step_name, nth, due, owner in expected:
            clock = _clock(file, step_name, nth)
            assert (step_name, clock.due_at) == (step_name, due)
            assert clock.started_at == at
            assert clock.owner_organisation.code == owner
    assert file.stage == "executed"
    assert (file.first_verdict, file.appeal_verdict) == ("convicted", "convicted")
    assert file.court_case_number == "12/Pid.Sus/2024/PN Sgl"
    clocks = CaseDeadline.objects.filter(case=file.case).exclude(
        step__in=["finding_declaration", "initial_review", "follow_up"]
    )
    assert clocks.count() == 14
    assert not clocks.filter(stopped_at__isnull=True).exists()
    # every clock was met on time except none: this walk kept every deadline
    assert {c.state_at(wib(2024, 3, 19)) for c in clocks} == {"met"}
    assert file.events.filter(is_backdated=True).count() == 0


def test_late_step_reads_met_late(babel, units, officer_bangka, police_bangka):
    file = open_file(
        units["gakkumdu-19.01"],
        officer_bangka,
        election=babel["pemilu"],
        region_code="19.01.01.1001",
        at=wib(2024, 2, 5, 9),
    )
    for event, at in [
        ("first_discussion", wib(2024, 2, 5, 10)),
        ("second_discussion", wib(2024, 2, 6, 10)),
        ("decide_forward", wib(2024, 2, 7, 10)),
        ("forward_to_police", wib(2024, 2, 8, 11)),
    ]:  # 25 hours: one hour late
        file = step(file, event, officer_bangka, at)
    assert _clock(file, "forward_to_police").state_at(wib(2024, 2, 9)) == "met_late"


def test_pilkada_working_day_variant_skips_holidays_and_cuti_bersama(
    babel, units, officer_bangka, police_bangka
):
    """Peraturan Bersama Gakkumdu 2024 Pasal 22 ayat (4): 14 hari kerja. From Fri 20 Dec 2024:
    25 Dec (Christmas), 26 Dec (cuti bersama) and 1 Jan 2025 are skipped -> Tue 14 Jan 2025."""
    file = open_file(
        units["gakkumdu-19.01"],
        officer_bangka,
        election=babel["pilkada"],
        region_code="19.01.01.1001",
        at=wib(2024, 12, 17, 9),
        counting_variant="working_days",
    )
    assert file.hard_date is None  # Pasal 484 is Pemilu law
    for event, at in [
        ("first_discussion", wib(2024, 12, 17, 10)),
        ("second_discussion", wib(2024, 12, 18, 10)),
        ("decide_forward", wib(2024, 12, 19, 10)),
        ("forward_to_police", wib(2024, 12, 20, 10)),
    ]:
        file = step(file, event, officer_bangka, at)
    assert _clock(file, "police_investigation").due_at == wib(2025, 1, 14, *END)
    file = step(file, "find_sufficient_evidence", police_bangka, wib(2024, 12, 23, 10))
    # Pilkada has no inquiry_to_investigator rule in the table: no clock, no guess
    assert not CaseDeadline.objects.filter(case=file.case, step="inquiry_to_investigator").exists()


def test_pilkada_calendar_day_variant(babel, units, officer_bangka):
    file = open_file(
        units["gakkumdu-19.01"],
        officer_bangka,
        election=babel["pilkada"],
        region_code="19.01.01.1001",
        at=wib(2024, 12, 17, 9),
        counting_variant="calendar_days",
    )
    for event, at in [
        ("first_discussion", wib(2024, 12, 17, 10)),
        ("second_discussion", wib(2024, 12, 18, 10)),
        ("decide_forward", wib(2024, 12, 19, 10)),
        ("forward_to_police", wib(2024, 12, 20, 10)),
    ]:
        file = step(file, event, officer_bangka, at)
    assert _clock(file, "police_investigation").due_at == wib(2025, 1, 3, *END)
