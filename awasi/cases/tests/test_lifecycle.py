"""Every allowed and every refused transition of the case state machine."""

import itertools

import pytest

from awasi.cases.lifecycle import (
    Action,
    Facts,
    Origin,
    Outcome,
    Regime,
    State,
    TransitionRefused,
    allowed_actions,
    check,
    may_take,
)

S, A, R, F = State, Action, Origin.REPORT, Origin.FINDING

# (state, action, origin) → next state, for actions that take no outcome. Written out by hand.
ALLOWED = {
    (S.RECEIVED, A.START_REVIEW, R): S.INITIAL_REVIEW,
    (S.RECEIVED, A.REGISTER, F): S.REGISTERED,
    (S.RECEIVED, A.TIME_BAR, R): S.TIME_BARRED,
    (S.RECEIVED, A.TIME_BAR, F): S.TIME_BARRED,
    (S.RECEIVED, A.MERGE, R): S.MERGED,
    (S.RECEIVED, A.MERGE, F): S.MERGED,
    (S.INITIAL_REVIEW, A.REGISTER, R): S.REGISTERED,
    (S.INITIAL_REVIEW, A.REJECT, R): S.NOT_REGISTERED,
    (S.INITIAL_REVIEW, A.TIME_BAR, R): S.TIME_BARRED,
    (S.INITIAL_REVIEW, A.MERGE, R): S.MERGED,
    (S.REGISTERED, A.START_CLARIFICATION, R): S.CLARIFICATION,
    (S.REGISTERED, A.START_CLARIFICATION, F): S.CLARIFICATION,
    (S.REGISTERED, A.EXTEND, R): S.EXTENDED,
    (S.REGISTERED, A.EXTEND, F): S.EXTENDED,
    (S.REGISTERED, A.SUBMIT_TO_PLENARY, R): S.PLENARY,
    (S.REGISTERED, A.SUBMIT_TO_PLENARY, F): S.PLENARY,
    (S.REGISTERED, A.MERGE, R): S.MERGED,
    (S.REGISTERED, A.MERGE, F): S.MERGED,
    (S.CLARIFICATION, A.EXTEND, R): S.EXTENDED,
    (S.CLARIFICATION, A.EXTEND, F): S.EXTENDED,
    (S.CLARIFICATION, A.SUBMIT_TO_PLENARY, R): S.PLENARY,
    (S.CLARIFICATION, A.SUBMIT_TO_PLENARY, F): S.PLENARY,
    (S.EXTENDED, A.START_CLARIFICATION, R): S.CLARIFICATION,
    (S.EXTENDED, A.START_CLARIFICATION, F): S.CLARIFICATION,
    (S.EXTENDED, A.SUBMIT_TO_PLENARY, R): S.PLENARY,
    (S.EXTENDED, A.SUBMIT_TO_PLENARY, F): S.PLENARY,
    (S.ADMIN_EXAMINATION, A.DECIDE_ADMINISTRATIVE, R): S.FORWARDED,
    (S.ADMIN_EXAMINATION, A.DECIDE_ADMINISTRATIVE, F): S.FORWARDED,
    (S.FORWARDED, A.CLOSE, R): S.CLOSED,
    (S.FORWARDED, A.CLOSE, F): S.CLOSED,
}
PLAIN_ACTIONS = [action for action in Action if action is not A.DECIDE]
COMBOS = list(itertools.product(State, PLAIN_ACTIONS, Origin, Regime))


@pytest.mark.parametrize(("state", "action", "origin", "regime"), COMBOS)
def test_every_plain_transition(state, action, origin, regime):
    facts = Facts(state=state, regime=regime, origin=origin)
    expected = ALLOWED.get((state, action, origin))
    if expected is None:
        with pytest.raises(TransitionRefused) as refused:
            check(facts, action)
        assert refused.value.code in {"terminal", "not_allowed"}
    else:
        assert check(facts, action) is expected


OUTCOMES = {
    (Outcome.ADMINISTRATIVE, Regime.PEMILU): S.ADMIN_EXAMINATION,
    (Outcome.ADMINISTRATIVE, Regime.PILKADA): S.FORWARDED,
    (Outcome.ETHICS, Regime.PEMILU): S.FORWARDED,
    (Outcome.ETHICS, Regime.PILKADA): S.FORWARDED,
    (Outcome.ETHICS_AD_HOC, Regime.PEMILU): S.FORWARDED,
    (Outcome.ETHICS_AD_HOC, Regime.PILKADA): S.FORWARDED,
    (Outcome.CRIME, Regime.PEMILU): S.FORWARDED,
    (Outcome.CRIME, Regime.PILKADA): S.FORWARDED,
    (Outcome.OTHER_LAW, Regime.PEMILU): S.FORWARDED,
    (Outcome.OTHER_LAW, Regime.PILKADA): S.FORWARDED,
    (Outcome.NOT_VIOLATION, Regime.PEMILU): S.CLOSED,
    (Outcome.NOT_VIOLATION, Regime.PILKADA): S.CLOSED,
}


@pytest.mark.parametrize(("outcome", "regime"), list(OUTCOMES))
@pytest.mark.parametrize("origin", list(Origin))
def test_plenary_decision_routes_by_outcome_and_regime(outcome, regime, origin):
    facts = Facts(state=S.PLENARY, regime=regime, origin=origin)
    assert check(facts, A.DECIDE, outcome=outcome) is OUTCOMES[(outcome, regime)]


@pytest.mark.parametrize("state", [state for state in State if state is not S.PLENARY])
def test_decision_outside_plenary_is_refused(state):
    facts = Facts(state=state, regime=Regime.PEMILU, origin=R)
    with pytest.raises(TransitionRefused):
        check(facts, A.DECIDE, outcome=Outcome.CRIME)


def test_decision_needs_an_outcome():
    with pytest.raises(TransitionRefused) as refused:
        check(Facts(S.PLENARY, Regime.PEMILU, R), A.DECIDE)
    assert refused.value.code == "outcome_required"


def test_other_actions_take_no_outcome():
    with pytest.raises(TransitionRefused) as refused:
        check(Facts(S.REGISTERED, Regime.PEMILU, R), A.EXTEND, outcome=Outcome.CRIME)
    assert refused.value.code == "outcome_unexpected"


@pytest.mark.parametrize("state", [S.REGISTERED, S.CLARIFICATION])
def test_extension_only_once(state):
    with pytest.raises(TransitionRefused) as refused:
        check(Facts(state, Regime.PEMILU, R, is_extended=True), A.EXTEND)
    assert refused.value.code == "already_extended"


@pytest.mark.parametrize(
    ("state", "role", "expected"),
    [
        (S.RECEIVED, "officer", [A.START_REVIEW, A.TIME_BAR, A.MERGE]),
        (S.PLENARY, "officer", []),
        (S.PLENARY, "commissioner", [A.DECIDE]),
        (S.ADMIN_EXAMINATION, "officer", []),
        (S.ADMIN_EXAMINATION, "commissioner", [A.DECIDE_ADMINISTRATIVE]),
        (S.REGISTERED, "viewer", []),
        (S.REGISTERED, "investigator", []),
        (S.CLOSED, "admin", []),
        (
            S.REGISTERED,
            "officer",
            [A.START_CLARIFICATION, A.EXTEND, A.SUBMIT_TO_PLENARY, A.MERGE],
        ),
    ],
)
def test_allowed_actions_by_role(state, role, expected):
    assert allowed_actions(Facts(state, Regime.PEMILU, R), role) == expected


def test_may_take_follows_roles():
    facts = Facts(S.PLENARY, Regime.PEMILU, R)
    assert may_take(facts, A.DECIDE, "commissioner")
    assert not may_take(facts, A.DECIDE, "officer")
