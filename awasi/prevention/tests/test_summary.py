from datetime import date

import pytest

from awasi.prevention.summary import (
    ActivityFact,
    CommitmentFact,
    FindingFact,
    bar_percent,
    rollup_code,
    summarise,
)


@pytest.mark.parametrize(
    ("code", "parent", "expected"),
    [
        ("19.01.01.1001", "19", "19.01"),
        ("19.01.01.1001", "19.01", "19.01.01"),
        ("19.01", "19.01", "19.01"),
        ("19.02.03", "19.01", None),
        ("19.010", "19.01", None),  # prefix without the dot is another region
        ("21.01", "19", None),
    ],
)
def test_rollup_code(code, parent, expected):
    assert rollup_code(code, parent) == expected


def test_summary_counts_per_regency_and_total():
    today = date(2024, 2, 12)
    result = summarise(
        region_code="19",
        today=today,
        activities=[
            ActivityFact("socialisation", "19.01.01", participants=40),
            ActivityFact("socialisation", "19.02", participants=25),
            ActivityFact("patrol", "19.01.02.2001", has_findings=True),
            ActivityFact("patrol", "19.01", has_findings=False),
            ActivityFact("patrol", "31.71", has_findings=True),  # outside: ignored
        ],
        findings=[FindingFact("19.01.01", True), FindingFact("19.02.01", False)],
        commitments=[
            CommitmentFact("19", "open", date(2024, 2, 1), True),
            CommitmentFact("19.01", "done", date(2024, 2, 1), False),
            CommitmentFact("19.01", "in_progress", date(2024, 2, 20), True),
        ],
    )
    bangka = result.rows["19.01"]
    assert bangka.activities == {"socialisation": 1, "patrol": 2}
    assert (bangka.participants, bangka.patrols_with_findings) == (40, 1)
    assert (bangka.findings_declared, bangka.findings_pending) == (1, 0)
    assert (bangka.commitments_open, bangka.commitments_overdue) == (1, 0)
    assert result.rows["19"].commitments_overdue == 1  # province-level commitment stays at "19"
    assert result.total.activity_total == 4
    assert result.total.findings_total == 2
    assert result.total.commitments == {"open": 1, "done": 1, "in_progress": 1}
    assert list(result.rows) == ["19", "19.01", "19.02"]


def test_empty_summary():
    result = summarise(region_code="19.01", today=date(2024, 1, 1))
    assert result.rows == {} and result.total.activity_total == 0


@pytest.mark.parametrize(
    ("value", "maximum", "pct"), [(0, 0, 0), (5, 10, 50), (10, 10, 100), (1, 3, 33)]
)
def test_bar_percent(value, maximum, pct):
    assert bar_percent(value, maximum) == pct
