from datetime import date

import pytest

from awasi.prevention.neutrality import FollowUpState, follow_up

SENT = date(2024, 1, 10)


@pytest.mark.parametrize(
    ("sent_on", "acted_on", "today", "state"),
    [
        (None, None, date(2024, 3, 1), FollowUpState.NOT_SENT),
        (SENT, None, date(2024, 1, 20), FollowUpState.AWAITING),
        (SENT, None, date(2024, 1, 24), FollowUpState.AWAITING),  # the last expected day
        (SENT, None, date(2024, 1, 25), FollowUpState.MISSING),
        (SENT, date(2024, 1, 24), date(2024, 3, 1), FollowUpState.ACTED),
        (SENT, date(2024, 2, 1), date(2024, 3, 1), FollowUpState.ACTED_LATE),
    ],
)
def test_follow_up_states(sent_on, acted_on, today, state):
    result = follow_up(sent_on=sent_on, acted_on=acted_on, today=today, expected_days=14)
    assert result.state == state


def test_days_waiting_counts_from_sending():
    result = follow_up(sent_on=SENT, acted_on=None, today=date(2024, 2, 9), expected_days=14)
    assert (result.days_waiting, result.expected_by) == (30, date(2024, 1, 24))


def test_follow_up_before_recommendation_is_refused():
    with pytest.raises(ValueError):
        follow_up(sent_on=SENT, acted_on=date(2024, 1, 1), today=SENT, expected_days=14)


def test_negative_expectation_is_refused():
    with pytest.raises(ValueError):
        follow_up(sent_on=SENT, acted_on=None, today=SENT, expected_days=-1)
