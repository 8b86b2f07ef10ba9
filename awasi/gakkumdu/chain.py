"""The Sentra Gakkumdu chain as data: stages, who acts, what may follow what, which clocks run.

No Django here. A joint file (*berkas bersama*) moves through stages by events; each event
belongs to one party (Bawaslu, Polri, Kejaksaan) and may start and stop statutory clocks, named
by the steps of shared/domain/deadlines.md so the case-handling deadline engine and queue cover
them.

Legal basis (UU 7/2017 Buku Kelima, Pasal 476-484; shared/domain/legal-notes.md §2):
- Pasal 476 ayat (1)-(2): after coordinating in Gakkumdu the supervisor declares an alleged
  election crime and forwards it to Polri within 1 x 24 hours (``forward_to_police``);
- Pasal 479: the inquirer hands over to the investigator within 1 x 24 hours;
- Pasal 480 ayat (1)-(4): investigation 14 days from receipt; the prosecutor returns an
  incomplete file within 3 days; the investigator re-submits within 3 days; the prosecutor
  transfers to court within 5 days;
- Pasal 481-482: the district court decides within 7 days; appeal filed within 3 days,
  forwarded within 3 days, decided by the high court (7 days, UNVERIFIED); Pasal 482 ayat (5):
  the appeal decision is final;
- Pasal 483 ayat (1)-(2): the decision reaches the prosecutor within 3 days and is executed
  within 3 days;
- Pasal 484: cases that can change vote results end 5 days before KPU determines the national
  result.

The Gakkumdu discussions (*pembahasan pertama, kedua, ketiga*, Perbawaslu 3/2023) have no time
limit in any source read: their clocks are ``OPTIONAL_STEPS`` and run only when an admin
configures a rule for them.

Simplifications, stated so a legal officer can challenge them:
- the court is not a user of Awasi; the prosecutor records court events (verdicts, appeal);
- filing an appeal stops the first-instance delivery and execution clocks (that verdict is no
  longer the one to execute); the appeal decision starts them again for itself;
- SP3 (termination of investigation) and a prosecutor's stop are requests that Bawaslu
  approves (``needs_approval``).
"""

from __future__ import annotations

import enum
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta


class Party(enum.StrEnum):
    """The agencies that act in the chain (values match ``accounts.Agency`` where one exists)."""

    BAWASLU = "bawaslu"
    POLRI = "polri"
    KEJAKSAAN = "kejaksaan"
    COURT = "court"


class Stage(enum.StrEnum):
    """Where a joint file stands."""

    OPENED = "opened"
    DISCUSSED_1 = "discussed_1"
    DISCUSSED_2 = "discussed_2"
    FORWARD_DECIDED = "forward_decided"
    INQUIRY = "inquiry"
    INQUIRY_COMPLETE = "inquiry_complete"
    INVESTIGATION = "investigation"
    DISCUSSED_3 = "discussed_3"
    WITH_PROSECUTOR = "with_prosecutor"
    RETURNED = "returned"
    FILE_COMPLETE = "file_complete"
    AT_COURT = "at_court"
    VERDICT_READ = "verdict_read"
    VERDICT_DELIVERED = "verdict_delivered"
    APPEAL_FILED = "appeal_filed"
    APPEAL_AT_HIGH_COURT = "appeal_at_high_court"
    APPEAL_DECIDED = "appeal_decided"
    APPEAL_VERDICT_DELIVERED = "appeal_verdict_delivered"
    EXECUTED = "executed"
    STOPPED = "stopped"
    TERMINATED = "terminated"


class Event(enum.StrEnum):
    """What happens to a joint file; each is a move of ``ALL_TRANSITIONS``."""

    FIRST_DISCUSSION = "first_discussion"
    SECOND_DISCUSSION = "second_discussion"
    DECIDE_FORWARD = "decide_forward"
    STOP_HANDLING = "stop_handling"
    FORWARD_TO_POLICE = "forward_to_police"
    FIND_SUFFICIENT_EVIDENCE = "find_sufficient_evidence"
    START_INVESTIGATION = "start_investigation"
    THIRD_DISCUSSION = "third_discussion"
    SUBMIT_FILE = "submit_file"
    TERMINATE_INVESTIGATION = "terminate_investigation"
    RETURN_INCOMPLETE = "return_incomplete"
    RESUBMIT_FILE = "resubmit_file"
    DECLARE_COMPLETE = "declare_complete"
    STOP_PROSECUTION = "stop_prosecution"
    TRANSFER_TO_COURT = "transfer_to_court"
    READ_VERDICT = "read_verdict"
    DELIVER_VERDICT = "deliver_verdict"
    FILE_APPEAL = "file_appeal"
    FORWARD_APPEAL = "forward_appeal"
    DECIDE_APPEAL = "decide_appeal"
    EXECUTE_VERDICT = "execute_verdict"


# Clocks for the Gakkumdu discussions: no source fixes them, so they run only when configured.
DISCUSSION_1 = "gakkumdu_discussion_1"
DISCUSSION_2 = "gakkumdu_discussion_2"
DISCUSSION_3 = "gakkumdu_discussion_3"
OPTIONAL_STEPS = frozenset({DISCUSSION_1, DISCUSSION_2, DISCUSSION_3})

# The statutory steps of deadlines.md that belong to the Gakkumdu chain.
STATUTORY_STEPS = (
    "forward_to_police",
    "inquiry_to_investigator",
    "police_investigation",
    "prosecutor_return",
    "investigator_resubmit",
    "prosecutor_to_court",
    "court_decision",
    "appeal_filing",
    "appeal_forward",
    "appeal_decision",
    "verdict_delivery",
    "verdict_execution",
)

# The party answerable for each clock (who gets the due-soon / overdue notice). Court steps are
# watched by the prosecutor, who attends the court and records its acts.
STEP_OWNER: dict[str, Party] = {
    DISCUSSION_1: Party.BAWASLU,
    DISCUSSION_2: Party.BAWASLU,
    DISCUSSION_3: Party.BAWASLU,
    "forward_to_police": Party.BAWASLU,
    "inquiry_to_investigator": Party.POLRI,
    "police_investigation": Party.POLRI,
    "prosecutor_return": Party.KEJAKSAAN,
    "investigator_resubmit": Party.POLRI,
    "prosecutor_to_court": Party.KEJAKSAAN,
    "court_decision": Party.KEJAKSAAN,
    "appeal_filing": Party.KEJAKSAAN,
    "appeal_forward": Party.KEJAKSAAN,
    "appeal_decision": Party.KEJAKSAAN,
    "verdict_delivery": Party.KEJAKSAAN,
    "verdict_execution": Party.KEJAKSAAN,
}

# Who holds the file at each stage (the board groups by this).
STAGE_HOLDER: dict[Stage, Party] = {
    Stage.OPENED: Party.BAWASLU,
    Stage.DISCUSSED_1: Party.BAWASLU,
    Stage.DISCUSSED_2: Party.BAWASLU,
    Stage.FORWARD_DECIDED: Party.BAWASLU,
    Stage.INQUIRY: Party.POLRI,
    Stage.INQUIRY_COMPLETE: Party.POLRI,
    Stage.INVESTIGATION: Party.POLRI,
    Stage.DISCUSSED_3: Party.POLRI,
    Stage.RETURNED: Party.POLRI,
    Stage.WITH_PROSECUTOR: Party.KEJAKSAAN,
    Stage.FILE_COMPLETE: Party.KEJAKSAAN,
    Stage.AT_COURT: Party.COURT,
    Stage.VERDICT_READ: Party.COURT,
    Stage.VERDICT_DELIVERED: Party.KEJAKSAAN,
    Stage.APPEAL_FILED: Party.COURT,
    Stage.APPEAL_AT_HIGH_COURT: Party.COURT,
    Stage.APPEAL_DECIDED: Party.COURT,
    Stage.APPEAL_VERDICT_DELIVERED: Party.KEJAKSAAN,
    Stage.EXECUTED: Party.KEJAKSAAN,
    Stage.STOPPED: Party.BAWASLU,
    Stage.TERMINATED: Party.POLRI,
}

TERMINAL_STAGES = frozenset({Stage.EXECUTED, Stage.STOPPED, Stage.TERMINATED})
# Stages at which a verdict exists (for the one shared count: each file's verdict counted once).
VERDICT_STAGES = frozenset(
    {
        Stage.VERDICT_READ,
        Stage.VERDICT_DELIVERED,
        Stage.APPEAL_FILED,
        Stage.APPEAL_AT_HIGH_COURT,
        Stage.APPEAL_DECIDED,
        Stage.APPEAL_VERDICT_DELIVERED,
        Stage.EXECUTED,
    }
)
# The order stages are shown in (board columns, progress bars).
STAGE_ORDER = tuple(Stage)


@dataclass(frozen=True, slots=True)
class Transition:
    """One allowed move: ``event`` by ``party`` takes a file from ``sources`` to ``target``."""

    event: Event
    sources: frozenset[Stage]
    target: Stage
    party: Party
    starts: tuple[str, ...] = ()
    stops: tuple[str, ...] = ()
    needs_reason: bool = False
    needs_approval: bool = False
    basis: str = ""


def _t(
    event: Event, sources: Iterable[Stage], target: Stage, party: Party, **kw: object
) -> Transition:
    return Transition(event, frozenset(sources), target, party, **kw)  # type: ignore[arg-type]


S, E, P = Stage, Event, Party
_POLICE_RUNNING = (
    "inquiry_to_investigator",
    "police_investigation",
    "investigator_resubmit",
    DISCUSSION_3,
)

# One row per move: event, from, to, party, then clocks started/stopped, reason/approval, basis.
# fmt: off
ALL_TRANSITIONS: tuple[Transition, ...] = (
    _t(E.FIRST_DISCUSSION, [S.OPENED], S.DISCUSSED_1, P.BAWASLU,
       starts=(DISCUSSION_2,), stops=(DISCUSSION_1,), basis="Perbawaslu 3/2023"),
    _t(E.SECOND_DISCUSSION, [S.DISCUSSED_1], S.DISCUSSED_2, P.BAWASLU,
       stops=(DISCUSSION_2,), basis="Perbawaslu 3/2023"),
    _t(E.DECIDE_FORWARD, [S.DISCUSSED_2], S.FORWARD_DECIDED, P.BAWASLU,
       starts=("forward_to_police",), basis="UU 7/2017 Pasal 476 ayat (1)-(2)"),
    _t(E.STOP_HANDLING, [S.DISCUSSED_1, S.DISCUSSED_2], S.STOPPED, P.BAWASLU,
       stops=(DISCUSSION_2,), needs_reason=True, basis="UU 7/2017 Pasal 476 ayat (2)"),
    _t(E.FORWARD_TO_POLICE, [S.FORWARD_DECIDED], S.INQUIRY, P.BAWASLU,
       starts=("police_investigation",), stops=("forward_to_police",),
       basis="UU 7/2017 Pasal 476 ayat (1); Pasal 480 ayat (1)"),
    _t(E.FIND_SUFFICIENT_EVIDENCE, [S.INQUIRY], S.INQUIRY_COMPLETE, P.POLRI,
       starts=("inquiry_to_investigator",), basis="UU 7/2017 Pasal 479"),
    _t(E.START_INVESTIGATION, [S.INQUIRY_COMPLETE], S.INVESTIGATION, P.POLRI,
       starts=(DISCUSSION_3,), stops=("inquiry_to_investigator",), basis="UU 7/2017 Pasal 479"),
    _t(E.THIRD_DISCUSSION, [S.INVESTIGATION], S.DISCUSSED_3, P.BAWASLU,
       stops=(DISCUSSION_3,), basis="Perbawaslu 3/2023"),
    _t(E.SUBMIT_FILE, [S.INVESTIGATION, S.DISCUSSED_3], S.WITH_PROSECUTOR, P.POLRI,
       starts=("prosecutor_return",), stops=("police_investigation", DISCUSSION_3),
       basis="UU 7/2017 Pasal 480 ayat (1)-(2)"),
    _t(E.TERMINATE_INVESTIGATION,
       [S.INQUIRY, S.INQUIRY_COMPLETE, S.INVESTIGATION, S.DISCUSSED_3, S.RETURNED],
       S.TERMINATED, P.POLRI,
       stops=_POLICE_RUNNING, needs_reason=True, needs_approval=True,
       basis="UU 8/1981 (KUHAP) Pasal 109 ayat (2) via UU 7/2017 Pasal 477"),
    _t(E.RETURN_INCOMPLETE, [S.WITH_PROSECUTOR], S.RETURNED, P.KEJAKSAAN,
       starts=("investigator_resubmit",), stops=("prosecutor_return",), needs_reason=True,
       basis="UU 7/2017 Pasal 480 ayat (2)-(3)"),
    _t(E.RESUBMIT_FILE, [S.RETURNED], S.WITH_PROSECUTOR, P.POLRI,
       starts=("prosecutor_return",), stops=("investigator_resubmit",),
       basis="UU 7/2017 Pasal 480 ayat (3)"),
    _t(E.DECLARE_COMPLETE, [S.WITH_PROSECUTOR], S.FILE_COMPLETE, P.KEJAKSAAN,
       starts=("prosecutor_to_court",), stops=("prosecutor_return",),
       basis="UU 7/2017 Pasal 480 ayat (4)"),
    _t(E.STOP_PROSECUTION, [S.WITH_PROSECUTOR, S.FILE_COMPLETE], S.TERMINATED, P.KEJAKSAAN,
       stops=("prosecutor_return", "prosecutor_to_court"), needs_reason=True, needs_approval=True,
       basis="UU 8/1981 (KUHAP) Pasal 140 ayat (2) via UU 7/2017 Pasal 477"),
    _t(E.TRANSFER_TO_COURT, [S.FILE_COMPLETE], S.AT_COURT, P.KEJAKSAAN,
       starts=("court_decision",), stops=("prosecutor_to_court",),
       basis="UU 7/2017 Pasal 480 ayat (4); Pasal 481-482"),
    _t(E.READ_VERDICT, [S.AT_COURT], S.VERDICT_READ, P.KEJAKSAAN,
       starts=("appeal_filing", "verdict_delivery"), stops=("court_decision",),
       basis="UU 7/2017 Pasal 482; Pasal 483 ayat (1)"),
    _t(E.DELIVER_VERDICT, [S.VERDICT_READ], S.VERDICT_DELIVERED, P.KEJAKSAAN,
       starts=("verdict_execution",), stops=("verdict_delivery",),
       basis="UU 7/2017 Pasal 483 ayat (1)-(2)"),
    _t(E.FILE_APPEAL, [S.VERDICT_READ, S.VERDICT_DELIVERED], S.APPEAL_FILED, P.KEJAKSAAN,
       starts=("appeal_forward",),
       stops=("appeal_filing", "verdict_delivery", "verdict_execution"),
       basis="UU 7/2017 Pasal 482"),
    _t(E.FORWARD_APPEAL, [S.APPEAL_FILED], S.APPEAL_AT_HIGH_COURT, P.KEJAKSAAN,
       starts=("appeal_decision",), stops=("appeal_forward",), basis="UU 7/2017 Pasal 482"),
    _t(E.DECIDE_APPEAL, [S.APPEAL_AT_HIGH_COURT], S.APPEAL_DECIDED, P.KEJAKSAAN,
       starts=("verdict_delivery",), stops=("appeal_decision",),
       basis="UU 7/2017 Pasal 482 ayat (5); Pasal 483 ayat (1)"),
    _t(E.DELIVER_VERDICT, [S.APPEAL_DECIDED], S.APPEAL_VERDICT_DELIVERED, P.KEJAKSAAN,
       starts=("verdict_execution",), stops=("verdict_delivery",),
       basis="UU 7/2017 Pasal 483 ayat (1)-(2)"),
    _t(E.EXECUTE_VERDICT, [S.VERDICT_DELIVERED, S.APPEAL_VERDICT_DELIVERED], S.EXECUTED,
       P.KEJAKSAAN,
       stops=("verdict_execution", "appeal_filing"), basis="UU 7/2017 Pasal 483 ayat (2)"),
)
# fmt: on
# Clocks started when a file is opened (before any event).
OPENING_STARTS = (DISCUSSION_1,)


class ChainError(ValueError):
    """An event that the chain refuses; ``code`` is stable for the API and tests."""

    def __init__(self, message: str, *, code: str) -> None:
        super().__init__(message)
        self.code = code


def transitions_from(stage: Stage) -> tuple[Transition, ...]:
    """Every transition allowed from ``stage``, in chain order."""
    return tuple(t for t in ALL_TRANSITIONS if stage in t.sources)


def find_transition(stage: Stage, event: Event) -> Transition:
    """The transition ``event`` takes from ``stage``, or ``ChainError(code="out_of_order")``."""
    for transition in transitions_from(stage):
        if transition.event is event:
            return transition
    raise ChainError(f"{event.value} is not allowed at stage {stage.value}", code="out_of_order")


def allowed_events(stage: Stage, party: Party | None = None) -> tuple[Event, ...]:
    """Events that may happen at ``stage`` (only those ``party`` records, when given)."""
    return tuple(t.event for t in transitions_from(stage) if party is None or t.party is party)


@dataclass(frozen=True, slots=True)
class Moment:
    """When an event happened, when it was recorded, and why it was backdated (if it was)."""

    occurred_at: datetime
    recorded_at: datetime
    previous_at: datetime | None = None
    backdating_reason: str = ""


# Recording an event later than this after it happened is backdating and needs a written reason.
BACKDATING_TOLERANCE = timedelta(hours=1)


def check_moment(moment: Moment, *, tolerance: timedelta = BACKDATING_TOLERANCE) -> bool:
    """Validate an event's times; return whether it is backdated (then a reason was given)."""
    if moment.occurred_at.tzinfo is None or moment.recorded_at.tzinfo is None:
        raise ChainError("times must be timezone-aware", code="naive_time")
    if moment.occurred_at > moment.recorded_at + timedelta(minutes=5):
        raise ChainError("an event cannot be recorded before it happens", code="future_event")
    if moment.previous_at is not None and moment.occurred_at < moment.previous_at:
        raise ChainError(
            "an event cannot happen before the previous step of the file", code="before_previous"
        )
    backdated = moment.recorded_at - moment.occurred_at > tolerance
    if backdated and not moment.backdating_reason.strip():
        raise ChainError("a backdated event needs a reason", code="backdating_reason_required")
    return backdated


def plan(
    stage: Stage, event: Event, *, party: Party, moment: Moment, reason: str = ""
) -> Transition:
    """Check that ``party`` may record ``event`` at ``stage`` at ``moment``; return the move."""
    transition = find_transition(stage, event)
    if transition.party is not party:
        raise ChainError(
            f"{event.value} is recorded by {transition.party.value}, not {party.value}",
            code="wrong_party",
        )
    if transition.needs_reason and not reason.strip():
        raise ChainError(f"{event.value} needs a reason", code="reason_required")
    check_moment(moment)
    return transition


def replay(events: Iterable[Event], start: Stage = Stage.OPENED) -> Stage:
    """The stage a file reaches after ``events`` in order (raises on the first refused one)."""
    stage = start
    for event in events:
        stage = find_transition(stage, event).target
    return stage


def running_steps(events: Iterable[Event], start: Stage = Stage.OPENED) -> frozenset[str]:
    """Clocks left running after ``events`` (optional discussion clocks included)."""
    running = set(OPENING_STARTS) if start is Stage.OPENED else set()
    stage = start
    for event in events:
        transition = find_transition(stage, event)
        running -= set(transition.stops)
        running |= set(transition.starts)
        stage = transition.target
    return frozenset(running)


# UU 7/2017 Pasal 484 ayat (1): "paling lama 5 (lima) hari sebelum KPU menetapkan hasil Pemilu
# secara nasional" (VERIFIED source text). The number of days is a parameter, not a constant
# buried in code.
PASAL_484_DAYS_BEFORE = 5


def pasal_484_hard_date(national_result_on: date, days_before: int = PASAL_484_DAYS_BEFORE) -> date:
    """The last day a case that can change vote results may be decided (Pasal 484 ayat (1))."""
    if days_before < 0:
        raise ValueError("days_before must not be negative")
    return national_result_on - timedelta(days=days_before)
