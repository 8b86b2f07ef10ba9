"""Who sees what: anonymous, no role, other region, other agency, own region — per resource."""

from datetime import date, datetime

import pytest
import time_machine
from django.urls import reverse

from awasi.prevention.services import cooperation, supervision
from awasi.prevention.tests.conftest import WIB, org, region

pytestmark = pytest.mark.django_db


@pytest.fixture
def bangka_meeting(officer_bangka):
    return cooperation.record_meeting(
        actor=officer_bangka,
        title="Rakor Bangka",
        region=region("19.01"),
        held_at=datetime(2024, 1, 10, 9, 0, tzinfo=WIB),
        place="Sungailiat",
        agenda="APK",
        invited=[org("polres-bangka")],
    )


@pytest.fixture
def bangka_item(bangka_meeting, officer_bangka):
    return cooperation.add_action_item(
        actor=officer_bangka,
        meeting=bangka_meeting,
        owner=org("bawaslu-bangka"),
        description="Surat imbauan",
        due_on=date(2024, 2, 1),
    )


@pytest.fixture
def bangka_lhp(officer_bangka, babel):
    with time_machine.travel(datetime(2024, 2, 14, 8, 0, tzinfo=WIB), tick=False):
        return supervision.submit_supervision_report(
            actor=officer_bangka,
            stage=babel["pemilu"].stages.get(kind="quiet"),
            region=region("19.01.01"),
            supervised_at=datetime(2024, 2, 12, 9, 0, tzinfo=WIB),
            activity="Masa tenang",
            place="Pasar",
            result="Internal note",
        )


@pytest.fixture
def bangka_asn(officer_bangka):
    return supervision.record_neutrality_case(
        actor=officer_bangka,
        region=region("19.01"),
        name="Rahasia",
        employer="Pemkab",
        employment="pns",
        source="patrol",
        description="x",
        occurred_on=date(2024, 1, 1),
    )


def get(client_for, user, url):
    if user is None:
        from django.test import Client

        return Client().get(url)
    return client_for(user).get(url)


# expected status per persona: anonymous, no role, other region, other agency, own region
MATRIX = {
    "lhp": ("bangka_lhp", "prevention:report", (302, 404, 404, 404, 200)),
    "asn": ("bangka_asn", "prevention:neutrality", (302, 404, 404, 404, 200)),
    "meeting": ("bangka_meeting", "prevention:meeting", (302, 404, 404, 200, 200)),
    "item": ("bangka_item", "prevention:action_item", (302, 404, 404, 200, 200)),
}
PERSONAS = (None, "no_role_user", "officer_belitung", "police_bangka", "officer_bangka")


@pytest.mark.parametrize("resource", MATRIX)
@pytest.mark.parametrize("index", range(5))
def test_detail_pages(resource, index, request, client_for):
    fixture, url_name, expected = MATRIX[resource]
    obj = request.getfixturevalue(fixture)
    persona = PERSONAS[index]
    user = request.getfixturevalue(persona) if persona else None
    response = get(client_for, user, reverse(url_name, args=[obj.pk]))
    assert response.status_code == expected[index], persona


@pytest.mark.parametrize(
    "url_name", ["prevention:reports", "prevention:neutrality_list", "prevention:honorary_list"]
)
@pytest.mark.parametrize("persona", ["police_bangka", "prosecutor", "no_role_user"])
def test_internal_lists_are_bawaslu_only(url_name, persona, request, client_for):
    assert get(client_for, request.getfixturevalue(persona), reverse(url_name)).status_code == 404


def test_other_regency_sees_nothing_of_bangka_internal_reports(
    client_for, officer_belitung, bangka_lhp, bangka_asn
):
    client = client_for(officer_belitung)
    assert "Masa tenang" not in client.get(reverse("prevention:reports")).content.decode()
    assert "Rahasia" not in client.get(reverse("prevention:neutrality_list")).content.decode()
    summary = client.get(reverse("prevention:summary") + "?region=19")
    assert summary.context["total"].findings_total == 0
    assert summary.context["total"].activity_total == 0


def test_province_officer_sees_bangka(client_for, officer_babel, bangka_lhp):
    assert (
        client_for(officer_babel)
        .get(reverse("prevention:report", args=[bangka_lhp.pk]))
        .status_code
        == 200
    )


@pytest.mark.parametrize(
    ("persona", "status"),
    [
        ("officer_belitung", 404),
        ("police_bangka", 404),
        ("officer_babel", 302),
        ("officer_bangka", 302),
    ],
)
def test_only_the_owner_changes_a_commitment(persona, status, request, client_for, bangka_item):
    # bawaslu-babel is the parent of bawaslu-bangka in the same agency, so it may act for it
    response = client_for(request.getfixturevalue(persona)).post(
        reverse("prevention:action_item_update", args=[bangka_item.pk]),
        {"status": "in_progress", "version": bangka_item.version},
    )
    assert response.status_code == status
    bangka_item.refresh_from_db()
    assert (bangka_item.status == "in_progress") == (status == 302)


def test_police_cannot_declare_a_finding(client_for, police_bangka, bangka_lhp):
    response = client_for(police_bangka).post(
        reverse("prevention:report_action", args=[bangka_lhp.pk, "declare"]), {"version": 1}
    )
    assert response.status_code == 404


def test_anonymous_is_sent_to_login(client):
    response = client.get(reverse("prevention:dashboard"))
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]
