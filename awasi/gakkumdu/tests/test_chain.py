"""Table tests of the pure Gakkumdu chain: every allowed and every refused move."""

from datetime import UTC, date, datetime, timedelta

import pytest

from awasi.gakkumdu.chain import (
    ALL_TRANSITIONS,
    DISCUSSION_1,
    DISCUSSION_2,
    DISCUSSION_3,
    STATUTORY_STEPS,
    STEP_OWNER,
    ChainError,
    Event,
    Moment,
    Party,
    Stage,
    allowed_events,
    check_moment,
    find_transition,
    pasal_484_hard_date,
    plan,
    replay,
    running_steps,
)

S, E, P = Stage, Event, Party

# The chain written out by hand from UU 7/2017 Pasal 476-484 and legal-notes.md §2, independent of
# the module's table: (stage, event) -> (target stage, party that records it).
EXPECTED = {
    (S.OPENED, E.FIRST_DISCUSSION): (S.DISCUSSED_1, P.BAWASLU),
    (S.DISCUSSED_1, E.SECOND_DISCUSSION): (S.DISCUSSED_2, P.BAWASLU),
    (S.DISCUSSED_1, E.STOP_HANDLING): (S.STOPPED, P.BAWASLU),
    (S.DISCUSSED_2, E.STOP_HANDLING): (S.STOPPED, P.BAWASLU),
    (S.DISCUSSED_2, E.DECIDE_FORWARD): (S.FORWARD_DECIDED, P.BAWASLU),
    (S.FORWARD_DECIDED, E.FORWARD_TO_POLICE): (S.INQUIRY, P.BAWASLU),
    (S.INQUIRY, E.FIND_SUFFICIENT_EVIDENCE): (S.INQUIRY_COMPLETE, P.POLRI),
    (S.INQUIRY, E.TERMINATE_INVESTIGATION): (S.TERMINATED, P.POLRI),
    (S.INQUIRY_COMPLETE, E.START_INVESTIGATION): (S.INVESTIGATION, P.POLRI),
    (S.INQUIRY_COMPLETE, E.TERMINATE_INVESTIGATION): (S.TERMINATED, P.POLRI),
    (S.INVESTIGATION, E.THIRD_DISCUSSION): (S.DISCUSSED_3, P.BAWASLU),
    (S.INVESTIGATION, E.SUBMIT_FILE): (S.WITH_PROSECUTOR, P.POLRI),
    (S.INVESTIGATION, E.TERMINATE_INVESTIGATION): (S.TERMINATED, P.POLRI),
    (S.DISCUSSED_3, E.SUBMIT_FILE): (S.WITH_PROSECUTOR, P.POLRI),
    (S.DISCUSSED_3, E.TERMINATE_INVESTIGATION): (S.TERMINATED, P.POLRI),
    (S.WITH_PROSECUTOR, E.RETURN_INCOMPLETE): (S.RETURNED, P.KEJAKSAAN),
    (S.WITH_PROSECUTOR, E.DECLARE_COMPLETE): (S.FILE_COMPLETE, P.KEJAKSAAN),
    (S.WITH_PROSECUTOR, E.STOP_PROSECUTION): (S.TERMINATED, P.KEJAKSAAN),
    (S.RETURNED, E.RESUBMIT_FILE): (S.WITH_PROSECUTOR, P.POLRI),
    (S.RETURNED, E.TERMINATE_INVESTIGATION): (S.TERMINATED, P.POLRI),
    (S.FILE_COMPLETE, E.TRANSFER_TO_COURT): (S.AT_COURT, P.KEJAKSAAN),
    (S.FILE_COMPLETE, E.STOP_PROSECUTION): (S.TERMINATED, P.KEJAKSAAN),
    (S.AT_COURT, E.READ_VERDICT): (S.VERDICT_READ, P.KEJAKSAAN),
    (S.VERDICT_READ, E.DELIVER_VERDICT): (S.VERDICT_DELIVERED, P.KEJAKSAAN),
    (S.VERDICT_READ, E.FILE_APPEAL): (S.APPEAL_FILED, P.KEJAKSAAN),
    (S.VERDICT_DELIVERED, E.FILE_APPEAL): (S.APPEAL_FILED, P.KEJAKSAAN),
    (S.VERDICT_DELIVERED, E.EXECUTE_VERDICT): (S.EXECUTED, P.KEJAKSAAN),
    (S.APPEAL_FILED, E.FORWARD_APPEAL): (S.APPEAL_AT_HIGH_COURT, P.KEJAKSAAN),
    (S.APPEAL_AT_HIGH_COURT, E.DECIDE_APPEAL): (S.APPEAL_DECIDED, P.KEJAKSAAN),
    (S.APPEAL_DECIDED, E.DELIVER_VERDICT): (S.APPEAL_VERDICT_DELIVERED, P.KEJAKSAAN),
    (S.APPEAL_VERDICT_DELIVERED, E.EXECUTE_VERDICT): (S.EXECUTED, P.KEJAKSAAN),
}

ALLOWED = sorted(EXPECTED, key=lambda k: (k[0].value, k[1].value))
REFUSED = sorted(
    ((stage, event) for stage in Stage for event in Event if (stage, event) not in EXPECTED),
    key=lambda k: (k[0].value, k[1].value),
)


def ids(pair):
    return f"{pair[0].value}-{pair[1].value}"


@pytest.mark.parametrize("pair", ALLOWED, ids=ids)
def test_allowed_move_reaches_its_stage_and_belongs_to_its_party(pair):
    target, party = EXPECTED[pair]
    transition = find_transition(*pair)
    assert (transition.target, transition.party) == (target, party)


@pytest.mark.parametrize("pair", REFUSED, ids=ids)
def test_refused_move_is_out_of_order(pair):
    with pytest.raises(ChainError) as info:
        find_transition(*pair)
    assert info.value.code == "out_of_order"


def test_table_has_no_move_the_expectation_lacks():
    module_moves = {(src, t.event) for t in ALL_TRANSITIONS for src in t.sources}
    assert module_moves == set(EXPECTED)


def test_verdict_before_court_is_refused():
    with pytest.raises(ChainError, match="read_verdict"):
        replay([E.FIRST_DISCUSSION, E.SECOND_DISCUSSION, E.DECIDE_FORWARD, E.READ_VERDICT])


def test_appeal_decision_is_final_no_second_appeal():
    """UU 7/2017 Pasal 482 ayat (5)."""
    assert E.FILE_APPEAL not in allowed_events(S.APPEAL_DECIDED)
    assert E.FILE_APPEAL not in allowed_events(S.APPEAL_VERDICT_DELIVERED)


def test_terminal_stages_allow_nothing():
    for stage in (S.EXECUTED, S.STOPPED, S.TERMINATED):
        assert allowed_events(stage) == ()


def test_allowed_events_filtered_by_party():
    assert allowed_events(S.INVESTIGATION, P.POLRI) == (E.SUBMIT_FILE, E.TERMINATE_INVESTIGATION)
    assert allowed_events(S.INVESTIGATION, P.KEJAKSAAN) == ()


NOW = datetime(2024, 2, 20, 9, 0, tzinfo=UTC)


def moment(**kw):
    return Moment(**({"occurred_at": NOW, "recorded_at": NOW} | kw))


def test_plan_refuses_wrong_party():
    with pytest.raises(ChainError) as info:
        plan(S.WITH_PROSECUTOR, E.DECLARE_COMPLETE, party=P.POLRI, moment=moment())
    assert info.value.code == "wrong_party"


@pytest.mark.parametrize(
    ("stage", "event", "party"),
    [
        (S.DISCUSSED_2, E.STOP_HANDLING, P.BAWASLU),
        (S.INVESTIGATION, E.TERMINATE_INVESTIGATION, P.POLRI),
        (S.WITH_PROSECUTOR, E.RETURN_INCOMPLETE, P.KEJAKSAAN),
        (S.FILE_COMPLETE, E.STOP_PROSECUTION, P.KEJAKSAAN),
    ],
)
def test_moves_needing_a_reason_refuse_a_blank_one(stage, event, party):
    with pytest.raises(ChainError) as info:
        plan(stage, event, party=party, moment=moment(), reason="  ")
    assert info.value.code == "reason_required"
    assert plan(stage, event, party=party, moment=moment(), reason="alat bukti tidak cukup")


def test_only_closing_requests_need_bawaslu_approval():
    needing = {t.event for t in ALL_TRANSITIONS if t.needs_approval}
    assert needing == {E.TERMINATE_INVESTIGATION, E.STOP_PROSECUTION}


@pytest.mark.parametrize(
    ("kw", "code"),
    [
        ({"occurred_at": NOW + timedelta(hours=1)}, "future_event"),
        ({"previous_at": NOW + timedelta(minutes=1)}, "before_previous"),
        ({"occurred_at": NOW - timedelta(hours=2)}, "backdating_reason_required"),
        ({"occurred_at": datetime(2024, 2, 20, 9, 0)}, "naive_time"),  # noqa: DTZ001
    ],
)
def test_bad_moments_are_refused(kw, code):
    with pytest.raises(ChainError) as info:
        check_moment(moment(**kw))
    assert info.value.code == code


@pytest.mark.parametrize(
    ("occurred", "reason", "backdated"),
    [
        (NOW, "", False),
        (NOW - timedelta(minutes=59), "", False),
        (NOW - timedelta(days=2), "berita acara diterima terlambat", True),
    ],
)
def test_backdating_is_reported_when_a_reason_is_given(occurred, reason, backdated):
    assert check_moment(moment(occurred_at=occurred, backdating_reason=reason)) is backdated


FULL_CHAIN = [
    E.FIRST_DISCUSSION,
    E.SECOND_DISCUSSION,
    E.DECIDE_FORWARD,
    E.FORWARD_TO_POLICE,
    E.FIND_SUFFICIENT_EVIDENCE,
    E.START_INVESTIGATION,
    E.THIRD_DISCUSSION,
    E.SUBMIT_FILE,
    E.RETURN_INCOMPLETE,
    E.RESUBMIT_FILE,
    E.DECLARE_COMPLETE,
    E.TRANSFER_TO_COURT,
    E.READ_VERDICT,
    E.FILE_APPEAL,
    E.FORWARD_APPEAL,
    E.DECIDE_APPEAL,
    E.DELIVER_VERDICT,
    E.EXECUTE_VERDICT,
]

# Clocks running after each prefix of the full chain (hand-written from deadlines.md "runs from").
RUNNING_AFTER = [
    {DISCUSSION_1},
    {DISCUSSION_2},
    set(),
    {"forward_to_police"},
    {"police_investigation"},
    {"police_investigation", "inquiry_to_investigator"},
    {"police_investigation", DISCUSSION_3},
    {"police_investigation"},
    {"prosecutor_return"},
    {"investigator_resubmit"},
    {"prosecutor_return"},
    {"prosecutor_to_court"},
    {"court_decision"},
    {"appeal_filing", "verdict_delivery"},
    {"appeal_forward"},
    {"appeal_decision"},
    {"verdict_delivery"},
    {"verdict_execution"},
    set(),
]


@pytest.mark.parametrize("n", range(len(FULL_CHAIN) + 1))
def test_running_clocks_along_the_full_chain(n):
    assert running_steps(FULL_CHAIN[:n]) == RUNNING_AFTER[n]


def test_full_chain_ends_executed_and_unappealed_chain_too():
    assert replay(FULL_CHAIN) is S.EXECUTED
    short = [*FULL_CHAIN[:8], E.DECLARE_COMPLETE, E.TRANSFER_TO_COURT, E.READ_VERDICT]
    after_read = running_steps([*short, E.DELIVER_VERDICT])
    assert after_read == {"appeal_filing", "verdict_execution"}
    assert replay([*short, E.DELIVER_VERDICT, E.EXECUTE_VERDICT]) is S.EXECUTED
    assert running_steps([*short, E.DELIVER_VERDICT, E.EXECUTE_VERDICT]) == set()


def test_every_statutory_step_is_started_somewhere_and_has_an_owner():
    started = {step for t in ALL_TRANSITIONS for step in t.starts}
    assert set(STATUTORY_STEPS) <= started
    assert set(STATUTORY_STEPS) | {DISCUSSION_1, DISCUSSION_2, DISCUSSION_3} == set(STEP_OWNER)


def test_every_move_cites_its_basis():
    assert all(t.basis for t in ALL_TRANSITIONS)


@pytest.mark.parametrize(
    ("result_on", "days", "expected"),
    [
        (date(2024, 3, 20), 5, date(2024, 3, 15)),
        (date(2024, 3, 3), 5, date(2024, 2, 27)),  # across a leap day
        (date(2024, 3, 20), 0, date(2024, 3, 20)),
    ],
)
def test_pasal_484_hard_date(result_on, days, expected):
    assert pasal_484_hard_date(result_on, days) == expected


def test_pasal_484_refuses_negative_days():
    with pytest.raises(ValueError, match="negative"):
        pasal_484_hard_date(date(2024, 3, 20), -1)
