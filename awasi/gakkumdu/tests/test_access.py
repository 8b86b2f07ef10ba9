"""Who sees and who changes a joint file: anonymous, no role, other region, other agency, own."""

import pytest
from django.http import Http404

from awasi.accounts.choices import Role
from awasi.core.testing import make_user
from awasi.gakkumdu.access import access_file
from awasi.gakkumdu.models import GakkumduMember, JointFile
from awasi.gakkumdu.tests.conftest import open_file, step, wib

pytestmark = pytest.mark.django_db


@pytest.fixture
def file(babel, units, officer_bangka):
    file = open_file(
        units["gakkumdu-19.01"],
        officer_bangka,
        election=babel["pemilu"],
        region_code="19.01.01.1001",
        at=wib(2024, 2, 5, 9),
    )
    for event, hour in [
        ("first_discussion", 10),
        ("second_discussion", 11),
        ("decide_forward", 12),
        ("forward_to_police", 13),
    ]:
        file = step(file, event, officer_bangka, wib(2024, 2, 5, hour))
    return file


@pytest.mark.parametrize(
    ("persona", "sees"),
    [
        ("officer_bangka", True),  # Bawaslu of the regency
        ("officer_babel", True),  # Bawaslu of the province (its area contains the file)
        ("police_bangka", True),  # the Polres the file was referred to
        ("prosecutor_bangka", True),  # the Kejari of the unit
        ("officer_belitung", False),  # Bawaslu of another regency
        ("police_belitung", False),  # a police unit that was not referred the case
        ("polda_investigator", False),  # the Polda is in the provincial unit, not this one
        ("prosecutor", False),  # Kejati Babel: another prosecution office
        ("no_role_user", False),
    ],
)
def test_visibility(request, file, persona, sees):
    user = request.getfixturevalue(persona)
    assert JointFile.objects.visible_to(user).filter(pk=file.pk).exists() is sees
    if not sees:
        with pytest.raises(Http404):
            access_file(user, file.pk)


def test_public_sees_nothing(file):
    from django.contrib.auth.models import AnonymousUser

    assert not JointFile.objects.visible_to(AnonymousUser()).exists()


def test_seconded_member_sees_the_units_files(file, units, prosecutor):
    GakkumduMember.objects.create(
        unit=units["gakkumdu-19.01"], user=prosecutor, position="Jaksa pendamping"
    )
    assert access_file(prosecutor, file.pk) == file


def test_viewer_sees_but_cannot_change(file, babel):
    viewer = make_user("viewer-bangka", "bawaslu-bangka", Role.VIEWER)
    assert access_file(viewer, file.pk) == file
    with pytest.raises(Http404):
        access_file(viewer, file.pk, for_change=True)


@pytest.mark.parametrize(
    ("persona", "status"),
    [
        (None, 302),
        ("no_role_user", 404),
        ("officer_belitung", 404),
        ("police_belitung", 404),
        ("prosecutor", 404),
        ("officer_bangka", 200),
        ("police_bangka", 200),
        ("prosecutor_bangka", 200),
    ],
)
def test_file_page_permissions(request, client, client_for, file, persona, status):
    web = client_for(request.getfixturevalue(persona)) if persona else client
    assert web.get(f"/gakkumdu/{file.pk}/").status_code == status


@pytest.mark.parametrize(
    ("persona", "status"),
    [
        (None, 401),
        ("no_role_user", 404),
        ("officer_belitung", 404),
        ("police_belitung", 404),
        ("police_bangka", 200),
    ],
)
def test_api_permissions(request, api_client_for, file, persona, status):
    from rest_framework.test import APIClient

    api = api_client_for(request.getfixturevalue(persona)) if persona else APIClient()
    response = api.get(f"/api/v1/gakkumdu/files/{file.pk}/")
    assert response.status_code == status
    if status == 404:
        assert response.json()["error"]["code"]


def test_every_agency_sees_the_others_steps(client_for, file, police_bangka, prosecutor_bangka):
    police_page = client_for(police_bangka).get(f"/gakkumdu/{file.pk}/").content.decode()
    # Bawaslu's (met) forwarding clock and its steps are on the police's page
    assert "<code>forward_to_police</code>" in police_page
    assert "Bawaslu Kabupaten Bangka" in police_page
    prosecutor_page = client_for(prosecutor_bangka).get(f"/gakkumdu/{file.pk}/").content.decode()
    # the police's running investigation clock is on the prosecutor's page
    assert "<code>police_investigation</code>" in prosecutor_page
    assert "Polres Bangka" in prosecutor_page


def test_police_cannot_post_a_bawaslu_step_on_the_page(client_for, file, police_belitung):
    response = client_for(police_belitung).post(
        f"/gakkumdu/{file.pk}/step/",
        {"event": "find_sufficient_evidence", "occurred_at": "2024-02-06T09:00", "version": 1},
    )
    assert response.status_code == 404
