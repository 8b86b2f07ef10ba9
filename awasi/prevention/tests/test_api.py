import pytest

from awasi.prevention.models import ActionItem

pytestmark = pytest.mark.django_db


def test_owner_lists_and_completes_through_the_api(api_client_for, polda_investigator, polda_item):
    client = api_client_for(polda_investigator)
    listing = client.get("/api/v1/prevention/commitments/?mine=1").json()
    assert [r["id"] for r in listing["results"]] == [polda_item.pk]
    done = client.post(
        f"/api/v1/prevention/commitments/{polda_item.pk}/",
        {"status": "done", "evidence": "Sprin", "version": 1},
        format="json",
    )
    assert done.status_code == 200 and done.json()["status"] == "done"


def test_api_refusal_has_the_error_shape(api_client_for, polda_investigator, polda_item):
    response = api_client_for(polda_investigator).post(
        f"/api/v1/prevention/commitments/{polda_item.pk}/",
        {"status": "done", "version": 1},
        format="json",
    )
    assert response.status_code == 400
    assert response.json()["error"]["code"] == "evidence"
    assert ActionItem.objects.get().status == "open"


def test_stale_version_is_409(api_client_for, polda_investigator, polda_item):
    response = api_client_for(polda_investigator).post(
        f"/api/v1/prevention/commitments/{polda_item.pk}/",
        {"status": "in_progress", "version": 7},
        format="json",
    )
    assert response.status_code == 409


@pytest.mark.parametrize("persona", ["officer_belitung", "police_bangka", "prosecutor"])
def test_non_owner_gets_404(api_client_for, persona, request, polda_item):
    client = api_client_for(request.getfixturevalue(persona))
    response = client.post(
        f"/api/v1/prevention/commitments/{polda_item.pk}/",
        {"status": "in_progress", "version": 1},
        format="json",
    )
    assert response.status_code == 404


def test_anonymous_is_refused(client, polda_item):
    assert client.get("/api/v1/prevention/commitments/").status_code in (401, 403)


def test_summary_api(api_client_for, officer_babel, polda_item):
    data = api_client_for(officer_babel).get("/api/v1/prevention/summary/?region=19").json()
    assert data["total"]["commitments_open"] == 1
