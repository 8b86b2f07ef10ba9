from io import StringIO

import pytest

from awasi.accounts.seed import seed_demo_users
from awasi.prevention import demo
from awasi.prevention.models import (
    ActionItem,
    Agreement,
    HonoraryCandidate,
    NeutralityCase,
    Patrol,
    Socialisation,
    SupervisionReport,
)

pytestmark = pytest.mark.django_db


def test_demo_loads_once_and_is_synthetic(babel):
    seed_demo_users("demo-password-for-tests")
    demo.load(stdout=StringIO())
    counts = [
        Agreement.objects.count(),
        ActionItem.objects.count(),
        Patrol.objects.count(),
        SupervisionReport.objects.count(),
        NeutralityCase.objects.count(),
    ]
    out = StringIO()
    demo.load(stdout=out)
    assert "already loaded" in out.getvalue()
    assert counts == [
        Agreement.objects.count(),
        ActionItem.objects.count(),
        Patrol.objects.count(),
        SupervisionReport.objects.count(),
        NeutralityCase.objects.count(),
    ]
    agreement = Agreement.objects.get()
    assert agreement.status == "in_force" and len(agreement.document_sha256) == 64
    assert Patrol.objects.filter(starts_at__date__range=("2024-02-11", "2024-02-13")).count() == 7
    assert Socialisation.objects.filter(topic="asn_neutrality").count() == 7
    regencies = {r.region_id[:5] for r in SupervisionReport.objects.all()}
    assert len(regencies) == 7
    for model in (
        Agreement,
        ActionItem,
        Patrol,
        SupervisionReport,
        NeutralityCase,
        HonoraryCandidate,
    ):
        assert not model.objects.filter(is_synthetic=False).exists()
    assert ActionItem.objects.filter(status="done").count() == 3
    if demo.finding_service() is not None:
        assert SupervisionReport.objects.filter(status="finding_declared").count() == 3
    assert SupervisionReport.objects.filter(status="to_be_declared").exists()
