"""Registry pages: map, TPS list with exports, police units, dapil; per persona."""

import pytest

from awasi.regions.demo_tps import generate_babel_tps


@pytest.fixture
def tps(babel):
    generate_babel_tps(babel["pemilu"])


@pytest.mark.parametrize(
    "url",
    [
        "/regions/map/",
        "/regions/tps/",
        "/regions/map.geojson",
        "/regions/police/",
        "/regions/dapil/",
        "/elections/",
    ],
)
def test_pages_need_sign_in(client, babel, url):
    assert client.get(url).status_code == 302


def test_map_counts_follow_scope(tps, client_for, officer_bangka, officer_babel):
    bangka = client_for(officer_bangka).get("/regions/map/")
    assert bangka.context["total"] == 911
    assert client_for(officer_babel).get("/regions/map/").context["total"] == 4116
    features = client_for(officer_bangka).get("/regions/map.geojson").json()["features"]
    assert sum(f["properties"]["kind"] == "tps" for f in features) == 911


def test_tps_list_and_exports(tps, client_for, officer_belitung, django_assert_max_num_queries):
    client = client_for(officer_belitung)
    with django_assert_max_num_queries(12):
        page = client.get("/regions/tps/")
    assert page.context["page"].paginator.count == 547
    csv = client.get("/regions/tps/?format=csv").content.decode("utf-8-sig")
    assert csv.count("\n") == 548
    xlsx = client.get("/regions/tps/?format=xlsx")
    assert xlsx["Content-Type"].startswith("application/vnd.openxmlformats")


def test_police_and_dapil_pages(babel, client_for, police_bangka):
    client = client_for(police_bangka)
    assert "Polresta Pangkalpinang" in client.get("/regions/police/").content.decode()
    assert "Babel 4" in client.get("/regions/dapil/").content.decode()


def test_election_page_shows_stages_and_closed_days(babel, client_for, officer_bangka):
    body = client_for(officer_bangka).get("/elections/pemilu-2024/").content.decode()
    assert "Masa tenang" in body and "General Election Day" in body


def test_public_pages(client, babel):
    assert client.get("/").status_code == 200
    assert "Open Database License" in client.get("/regions/sources/").content.decode()
    assert client.get("/regions/r/19.04/").status_code == 200
    assert client.get("/healthz").content == b"ok"
