"""Pages and permissions per persona: police see plans (a Polres its own), Bawaslu only coverage."""

import pytest
from django.urls import reverse

from awasi.deployment.models import Plan, RosterMember
from awasi.regions.models import PoliceUnit

pytestmark = pytest.mark.django_db


@pytest.fixture
def named_plan(babel_tps, profile, personnel):
    """Province plan with a named roster for Polres Belitung."""
    from awasi.deployment.services import create_plan

    election = babel_tps["pemilu"]
    unit = PoliceUnit.objects.get(code="POLRES-19.02")
    RosterMember.objects.bulk_create(
        [RosterMember(election=election, unit=unit, name=f"Bripda Rahasia {i}") for i in range(195)]
    )
    return create_plan(actor=None, election=election, region_code="19")


def _urls(plan):
    return {
        "detail": reverse("deployment:plan", args=[plan.pk]),
        "unit_belitung": reverse("deployment:unit", args=[plan.pk, "POLRES-19.02"]),
        "unit_bangka": reverse("deployment:unit", args=[plan.pk, "POLRES-19.01"]),
        "coverage": reverse("deployment:coverage", args=[plan.pk]),
        "geojson": reverse("deployment:geojson", args=[plan.pk]),
        "export": reverse("deployment:export", args=[plan.pk, "csv"]),
    }


def test_anonymous_is_sent_to_login(named_plan, client):
    for url in _urls(named_plan).values():
        response = client.get(url)
        assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_no_role_and_other_agency_see_nothing(named_plan, client_for, no_role_user, prosecutor):
    for user in (no_role_user, prosecutor):
        c = client_for(user)
        assert named_plan.title not in c.get(reverse("deployment:index")).content.decode()
        for url in _urls(named_plan).values():
            assert c.get(url).status_code == 404


def test_polda_sees_everything_with_names(named_plan, client_for, polda_investigator):
    c = client_for(polda_investigator)
    for url in _urls(named_plan).values():
        assert c.get(url).status_code == 200
    assert "Bripda Rahasia 0" in c.get(_urls(named_plan)["unit_belitung"]).content.decode()


def test_polres_sees_its_own_plan_only(named_plan, client_for, police_belitung):
    c = client_for(police_belitung)
    urls = _urls(named_plan)
    page = c.get(urls["unit_belitung"])
    assert page.status_code == 200 and "Bripda Rahasia" in page.content.decode()
    assert c.get(urls["unit_bangka"]).status_code == 404
    assert c.get(urls["geojson"]).status_code == 404  # whole-province map is Polda's
    assert c.get(urls["geojson"] + "?unit=POLRES-19.02").status_code == 200
    assert c.get(urls["export"] + "?unit=POLRES-19.02").status_code == 200
    assert c.get(urls["export"]).status_code == 404


def test_bawaslu_sees_aggregated_coverage_of_its_area_without_names(
    named_plan, client_for, officer_belitung
):
    c = client_for(officer_belitung)
    urls = _urls(named_plan)
    assert c.get(urls["detail"]).status_code == 302
    page = c.get(urls["coverage"]).content.decode()
    assert "Tanjungpandan" in page and "Sungailiat" not in page  # own regency's districts only
    assert "Rahasia" not in page
    for key in ("unit_belitung", "geojson", "export"):
        assert c.get(urls[key]).status_code == 404
    csv_text = c.get(urls["coverage"] + "?format=csv").content.decode()
    assert "Rahasia" not in csv_text and csv_text.count("\n") == 1 + 5  # header + 5 districts


def test_other_region_cannot_open_a_regency_plan(
    babel_tps, profile, personnel, client_for, officer_belitung, police_belitung, officer_bangka
):
    from awasi.deployment.services import create_plan

    plan = create_plan(actor=None, election=babel_tps["pemilu"], region_code="19.01")
    for user in (officer_belitung, police_belitung):
        assert (
            client_for(user).get(reverse("deployment:coverage", args=[plan.pk])).status_code == 404
        )
    assert (
        client_for(officer_bangka).get(reverse("deployment:coverage", args=[plan.pk])).status_code
        == 200
    )


def test_plan_list_query_count_does_not_grow(
    named_plan, client_for, polda_investigator, django_assert_max_num_queries
):
    c = client_for(polda_investigator)
    c.get(reverse("deployment:index"))
    with django_assert_max_num_queries(12):
        page = c.get(reverse("deployment:index"))
    assert named_plan.title in page.content.decode()


def test_polda_creates_a_plan_from_the_page(
    babel_tps, profile, personnel, client_for, polda_investigator, police_bangka
):
    data = {
        "election": babel_tps["pemilu"].pk,
        "region": "19.06",
        "profile": profile.pk,
        "max_travel_hours": 3,
    }
    assert client_for(police_bangka).post(reverse("deployment:create"), data).status_code == 404
    response = client_for(polda_investigator).post(reverse("deployment:create"), data)
    plan = Plan.objects.get(region_id="19.06")
    assert response.status_code == 302 and plan.tps == 343 and plan.created_by == polda_investigator
    bad = client_for(polda_investigator).post(
        reverse("deployment:create"), {**data, "max_travel_hours": 0}
    )
    assert bad.status_code == 400 and Plan.objects.count() == 1


def test_exports_are_real_files(named_plan, client_for, polda_investigator):
    c = client_for(polda_investigator)
    pdf = c.get(reverse("deployment:export", args=[named_plan.pk, "pdf"]) + "?unit=POLRES-19.02")
    assert pdf.content[:4] == b"%PDF"
    xlsx = c.get(reverse("deployment:export", args=[named_plan.pk, "xlsx"]))
    assert xlsx.content[:2] == b"PK"
    rows = c.get(reverse("deployment:export", args=[named_plan.pk, "csv"])).content.decode()
    assert rows.count("\n") == 4117


def test_personnel_upload_is_all_or_nothing(
    babel, client_for, polda_investigator, police_bangka, officer_bangka
):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from awasi.deployment.models import Personnel

    url = reverse("deployment:personnel")
    assert client_for(officer_bangka).get(url).status_code == 404
    c = client_for(polda_investigator)
    bad = SimpleUploadedFile("p.csv", b"unit_code,available\nPOLRES-19.01,12\nPOLRES-77,3\n")
    response = c.post(url, {"election": babel["pemilu"].pk, "kind": "counts", "file": bad})
    assert response.status_code == 400 and "POLRES-77" in response.content.decode()
    assert not Personnel.objects.exists()
    good = SimpleUploadedFile("p.csv", b"unit_code,available\nPOLRES-19.01,12\nPOLDA-19,30\n")
    c.post(url, {"election": babel["pemilu"].pk, "kind": "counts", "file": good})
    assert Personnel.objects.get(unit__code="POLRES-19.01").available == 12
    roster = SimpleUploadedFile(
        "r.csv", b"unit_code,name,rank,nrp\nPOLRES-19.01,Budi,Bripda,87050123\n"
    )
    c.post(url, {"election": babel["pemilu"].pk, "kind": "roster", "file": roster})
    assert RosterMember.objects.get().name == "Budi"
    # A Polres officer sees its counts but cannot upload.
    page = client_for(police_bangka).get(url).content.decode()
    assert "Polres Bangka" in page and "Polda" not in page.split("personnel-table")[1]
    assert "Budi" not in page


def test_home_cards_follow_the_scope(province_plan, polda_investigator, officer_bangka, prosecutor):
    from awasi.deployment.home import cards

    assert [c["value"] for c in cards(polda_investigator)] == [
        province_plan.required,
        province_plan.shortfall,
    ]
    assert "coverage" in cards(officer_bangka)[0]["url"]
    assert cards(prosecutor) == []


def test_api_gives_police_totals_and_bawaslu_coverage_only(
    province_plan, api_client_for, police_bangka, officer_bangka, prosecutor
):
    url = reverse("deployment-plan", args=[province_plan.pk])
    police = api_client_for(police_bangka).get(url).json()
    assert [u["unit"] for u in police["units"]] == ["POLRES-19.01"]
    bawaslu = api_client_for(officer_bangka).get(url).json()
    assert "units" not in bawaslu
    assert {r["code"][:5] for r in bawaslu["coverage"]} == {"19.01"}
    assert api_client_for(prosecutor).get(url).status_code == 404
    listing = api_client_for(officer_bangka).get(reverse("deployment-plans")).json()
    assert [p["id"] for p in listing["results"]] == [province_plan.pk]


def test_district_supervisors_see_coverage_per_village(province_plan, client_for):
    from awasi.core.testing import make_user

    panwascam = make_user("panwascam", "panwascam-sungailiat")
    rows = (
        client_for(panwascam)
        .get(reverse("deployment:coverage", args=[province_plan.pk]) + "?format=csv")
        .content.decode()
        .strip()
        .splitlines()[1:]
    )
    assert rows and all(r.lstrip("\ufeff").startswith("19.01.01.") for r in rows)
