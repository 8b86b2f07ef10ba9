"""The Bawaslu case page leads to Sentra Gakkumdu: refer a registered case, then open its file."""

from awasi.gakkumdu.models import GakkumduUnit
from awasi.gakkumdu.seed import seed_units
from awasi.gakkumdu.services import open_joint_file
from awasi.gakkumdu.tests.conftest import make_case


def test_case_page_offers_referral_then_links_the_joint_file(babel, client_for, officer_bangka):
    case = make_case(babel["pemilu"], "19.01.01")
    case.status = "registered"
    case.save(update_fields=["status"])
    client = client_for(officer_bangka)
    page = client.get(f"/cases/{case.pk}/").content.decode()
    assert f'href="/gakkumdu/open/{case.pk}/"' in page
    assert "Teruskan ke Sentra Gakkumdu" in page
    seed_units()
    unit = GakkumduUnit.objects.get(region__code="19.01")
    joint = open_joint_file(
        unit=unit,
        election=babel["pemilu"],
        region=case.region,
        title=case.title,
        actor=officer_bangka,
        case=case,
    )
    page = client.get(f"/cases/{case.pk}/").content.decode()
    assert f'href="/gakkumdu/{joint.pk}/"' in page
    assert "gakkumdu-open-link" not in page
