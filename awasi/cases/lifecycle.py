"""The case lifecycle as an explicit state machine, per legal regime. Pure: no Django.

Flow (UU 7/2017 Pasal 454-455; Perbawaslu 7/2022 Pasal 15-20; legal-notes.md §1):
received → initial review (*kajian awal*, reports only) → not registered / time-barred /
registered → clarification ⇄ extension (once, UU 7/2017 Pasal 454 ayat (8)) → plenary → outcome:

- administrative: under Pemilu Bawaslu examines and decides itself (UU 7/2017 Pasal 461) and then
  forwards the decision to KPU; under Pilkada Bawaslu forwards a recommendation to KPU
  (Perpu 1/2014 Pasal 134-135, kept in UU 10/2016);
- ethics → DKPP (Pasal 455 ayat (1) huruf a), or Bawaslu Kab/Kota for ad hoc supervisors
  (Perbawaslu 7/2022 Pasal 20); election crime → Sentra Gakkumdu (Pasal 476); other laws (e.g.
  ASN neutrality) → the competent agency such as BKN (Pasal 455 ayat (1) huruf c); not a
  violation → closed.

Findings (*temuan*) are declared by supervisors and go straight to registration; duplicates can be
merged into another case while they are early in the flow.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass

from awasi.accounts import roles


class State(enum.StrEnum):
    """Where a case stands."""

    RECEIVED = "received"
    INITIAL_REVIEW = "initial_review"
    NOT_REGISTERED = "not_registered"
    TIME_BARRED = "time_barred"
    REGISTERED = "registered"
    CLARIFICATION = "clarification"
    EXTENDED = "extended"
    PLENARY = "plenary"
    ADMIN_EXAMINATION = "admin_examination"
    FORWARDED = "forwarded"
    CLOSED = "closed"
    MERGED = "merged"


class Action(enum.StrEnum):
    """What an officer or commissioner does to move a case."""

    START_REVIEW = "start_review"
    REGISTER = "register"
    REJECT = "reject"
    TIME_BAR = "time_bar"
    START_CLARIFICATION = "start_clarification"
    EXTEND = "extend"
    SUBMIT_TO_PLENARY = "submit_to_plenary"
    DECIDE = "decide"
    DECIDE_ADMINISTRATIVE = "decide_administrative"
    CLOSE = "close"
    MERGE = "merge"


class Origin(enum.StrEnum):
    """How a case came in: a report (*laporan*) or a finding (*temuan*)."""

    REPORT = "report"
    FINDING = "finding"


class Outcome(enum.StrEnum):
    """The plenary's classification of the case (UU 7/2017 Pasal 455 ayat (1))."""

    ADMINISTRATIVE = "administrative"
    ETHICS = "ethics"
    ETHICS_AD_HOC = "ethics_ad_hoc"
    CRIME = "crime"
    OTHER_LAW = "other_law"
    NOT_VIOLATION = "not_violation"


class Regime(enum.StrEnum):
    """The legal regime of the election a case belongs to."""

    PEMILU = "pemilu"
    PILKADA = "pilkada"


TERMINAL = frozenset({State.NOT_REGISTERED, State.TIME_BARRED, State.CLOSED, State.MERGED})
HANDLING = frozenset({State.REGISTERED, State.CLARIFICATION, State.EXTENDED})
# Who may take each action: commissioners decide in plenary, officers do the handling.
OFFICER_ROLES = roles.OFFICER_ROLES
DECIDER_ROLES = roles.DECIDING_ROLES


class TransitionRefused(ValueError):
    """The action is not allowed for this case now; ``code`` is stable for APIs and tests."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code


@dataclass(frozen=True, slots=True)
class Facts:
    """What the machine needs to know about a case."""

    state: State
    regime: Regime
    origin: Origin
    is_extended: bool = False


@dataclass(frozen=True, slots=True)
class Edge:
    """One allowed move: ``action`` from ``sources`` to ``target`` (None: set by the outcome)."""

    action: Action
    sources: frozenset[State]
    target: State | None
    origins: frozenset[Origin] = frozenset(Origin)
    roles: frozenset[str] = OFFICER_ROLES


def _edge(action: Action, sources: set[State], target: State | None, **kw: object) -> Edge:
    return Edge(action, frozenset(sources), target, **kw)  # type: ignore[arg-type]


REPORT_ONLY = frozenset({Origin.REPORT})
FINDING_ONLY = frozenset({Origin.FINDING})
EDGES: tuple[Edge, ...] = (
    _edge(Action.START_REVIEW, {State.RECEIVED}, State.INITIAL_REVIEW, origins=REPORT_ONLY),
    _edge(Action.REGISTER, {State.INITIAL_REVIEW}, State.REGISTERED, origins=REPORT_ONLY),
    _edge(Action.REGISTER, {State.RECEIVED}, State.REGISTERED, origins=FINDING_ONLY),
    _edge(Action.REJECT, {State.INITIAL_REVIEW}, State.NOT_REGISTERED, origins=REPORT_ONLY),
    _edge(Action.TIME_BAR, {State.RECEIVED}, State.TIME_BARRED),
    _edge(Action.TIME_BAR, {State.INITIAL_REVIEW}, State.TIME_BARRED, origins=REPORT_ONLY),
    _edge(Action.START_CLARIFICATION, {State.REGISTERED, State.EXTENDED}, State.CLARIFICATION),
    _edge(Action.EXTEND, {State.REGISTERED, State.CLARIFICATION}, State.EXTENDED),
    _edge(Action.SUBMIT_TO_PLENARY, set(HANDLING), State.PLENARY),
    _edge(Action.DECIDE, {State.PLENARY}, None, roles=DECIDER_ROLES),
    _edge(
        Action.DECIDE_ADMINISTRATIVE,
        {State.ADMIN_EXAMINATION},
        State.FORWARDED,
        roles=DECIDER_ROLES,
    ),
    _edge(Action.CLOSE, {State.FORWARDED}, State.CLOSED),
    _edge(Action.MERGE, {State.RECEIVED, State.REGISTERED}, State.MERGED),
    _edge(Action.MERGE, {State.INITIAL_REVIEW}, State.MERGED, origins=REPORT_ONLY),
)


def outcome_target(outcome: Outcome, regime: Regime) -> State:
    """Where a plenary decision sends the case (see the module docstring for the law)."""
    if outcome is Outcome.NOT_VIOLATION:
        return State.CLOSED
    if outcome is Outcome.ADMINISTRATIVE and regime is Regime.PEMILU:
        return State.ADMIN_EXAMINATION
    return State.FORWARDED


def _edges_for(facts: Facts, action: Action) -> list[Edge]:
    return [
        edge
        for edge in EDGES
        if edge.action is action and facts.state in edge.sources and facts.origin in edge.origins
    ]


def check(facts: Facts, action: Action, *, outcome: Outcome | None = None) -> State:
    """The state ``action`` leads to, or ``TransitionRefused`` saying why it cannot be taken."""
    if facts.state in TERMINAL:
        raise TransitionRefused("terminal", f"case is {facts.state}: no further action")
    edges = _edges_for(facts, action)
    if not edges:
        raise TransitionRefused("not_allowed", f"cannot {action} a case that is {facts.state}")
    if action is Action.EXTEND and facts.is_extended:
        raise TransitionRefused("already_extended", "the handling period was already extended")
    if action is Action.DECIDE:
        if outcome is None:
            raise TransitionRefused("outcome_required", "a plenary decision needs an outcome")
        return outcome_target(outcome, facts.regime)
    if outcome is not None:
        raise TransitionRefused("outcome_unexpected", f"{action} takes no outcome")
    target = edges[0].target
    assert target is not None  # only DECIDE has an outcome-dependent target
    return target


def allowed_actions(facts: Facts, role: str) -> list[Action]:
    """Actions ``role`` may take on a case now, in the order of the flow."""
    found: list[Action] = []
    for action in Action:
        try:
            check(facts, action, outcome=Outcome.NOT_VIOLATION if action is Action.DECIDE else None)
        except TransitionRefused:
            continue
        if any(role in edge.roles for edge in _edges_for(facts, action)):
            found.append(action)
    return found


def may_take(facts: Facts, action: Action, role: str) -> bool:
    """Whether ``role`` is among those allowed to take ``action`` in this state."""
    return any(role in edge.roles for edge in _edges_for(facts, action))
