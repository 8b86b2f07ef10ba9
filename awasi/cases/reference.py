"""Reference data the cases app needs in every database: the shipped deadline rule table.

Migration 0002 loads it; `ensure()` restores it where a test flush or a reset emptied the table.
"""

from __future__ import annotations


def ensure() -> int:
    """Load the shipped rules if the table is empty; return how many were created."""
    from awasi.cases.deadlines import load_rules
    from awasi.cases.models import DeadlineRule

    if DeadlineRule.objects.exists():
        return 0
    rules = [
        DeadlineRule(
            regime=rule.regime,
            step=rule.step,
            variant=rule.variant,
            amount=rule.amount,
            counting=rule.counting.value,
            basis=rule.basis,
            status=rule.status.value,
            trigger=rule.trigger,
            note=rule.note,
            is_active=True,
        )
        for rule in load_rules()
    ]
    DeadlineRule.objects.bulk_create(rules)
    return len(rules)
