"""Reference-data API: token auth, schema, filters, scoping, one error shape."""

from rest_framework.test import APIClient

from awasi.core.testing import TEST_PASSWORD
from awasi.regions.demo_tps import generate_babel_tps


def test_token_endpoint(officer_bangka):
    client = APIClient()
    ok = client.post(
        "/api/v1/auth/token/", {"username": officer_bangka.username, "password": TEST_PASSWORD}
    )
    assert ok.status_code == 200 and len(ok.json()["token"]) == 40
    bad = client.post(
        "/api/v1/auth/token/", {"username": officer_bangka.username, "password": "wrong"}
    )
    assert bad.status_code == 400
    assert set(bad.json()["error"]) == {"code", "message", "details"}


def test_schema_and_docs(db):
    client = APIClient()
    schema = client.get("/api/v1/schema/")
    assert schema.status_code == 200 and b"/api/v1/regions/" in schema.content
    assert client.get("/api/v1/docs/").status_code == 200


def test_regions_are_public_and_filterable(babel):
    client = APIClient()
    body = client.get("/api/v1/regions/?level=district&within=19.04").json()
    assert body["count"] == 6
    assert client.get("/api/v1/regions/19.04/").json()["name"] == "Kabupaten Bangka Tengah"


def test_tps_need_auth_and_follow_scope(babel, api_client_for, officer_bangka, officer_babel):
    generate_babel_tps(babel["pemilu"])
    anonymous = APIClient().get("/api/v1/tps/")
    assert anonymous.status_code == 401
    assert anonymous.json()["error"]["code"] == "not_authenticated"
    assert api_client_for(officer_bangka).get("/api/v1/tps/").json()["count"] == 911
    babel_count = api_client_for(officer_babel).get("/api/v1/tps/?within=19.02").json()["count"]
    assert babel_count == 547


def test_police_units_and_elections(babel, api_client_for, police_bangka):
    client = api_client_for(police_bangka)
    unit = client.get("/api/v1/police-units/POLRESTA-19.71/").json()
    assert "19.04.02" in unit["jurisdiction"]
    assert client.get("/api/v1/elections/pemilu-2024/").json()["regime"] == "pemilu"
    stages = client.get("/api/v1/stages/?election=pemilu-2024&kind=voting").json()
    assert stages["results"][0]["starts_on"] == "2024-02-14"
    assert client.get("/api/v1/dapil/?level=dprd_province").json()["count"] == 6


def test_not_found_shape(babel, api_client_for, officer_bangka):
    body = api_client_for(officer_bangka).get("/api/v1/police-units/NOPE/").json()
    assert body["error"]["code"] == "not_found"
