"""The demo loads cases in every lifecycle state and is idempotent."""

from io import StringIO

from awasi.accounts.seed import seed_demo_users
from awasi.cases import demo
from awasi.cases.choices import CaseStatus
from awasi.cases.models import Case, CaseDeadline


def test_demo_covers_every_state_and_is_idempotent(babel):
    seed_demo_users("a-Long-demo-password-1")
    demo.load(stdout=StringIO())
    statuses = set(Case.objects.values_list("status", flat=True))
    assert statuses == set(CaseStatus.values)
    assert Case.objects.filter(is_synthetic=False).count() == 0
    count = Case.objects.count()
    demo.load(stdout=StringIO())
    assert Case.objects.count() == count
    running = [d for d in CaseDeadline.objects.filter(stopped_at__isnull=True)]
    assert {d.status for d in running} & {"overdue", "due_soon"}
