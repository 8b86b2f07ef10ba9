"""Migration-loaded reference data comes back after a transactional test flushed it."""

from awasi.cases.models import DeadlineRule
from awasi.core.testing import ensure_babel


def test_rules_are_restored_after_a_flush(db):
    ensure_babel()  # an earlier transactional test in this worker may have flushed them already
    count = DeadlineRule.objects.count()
    assert count > 0
    DeadlineRule.objects.all().delete()
    ensure_babel()
    assert DeadlineRule.objects.count() == count
