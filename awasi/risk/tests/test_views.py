"""Pages per persona (anonymous, no role, other agency, other region, own region), exports."""

import csv
import io

import pytest

from awasi.risk import services
from awasi.risk.models import Observation, Submission

pytestmark = pytest.mark.django_db


@pytest.fixture
def scored(officer_babel, babel, stations):
    services.compute_scores(actor=officer_babel, election=babel["pemilu"])
    return stations


PAGES = [
    "/risk/",
    "/risk/map.json",
    "/risk/ranking/",
    "/risk/compare/",
    "/risk/summary.pdf",
    "/risk/export/tps-categories.csv",
]


@pytest.mark.parametrize("url", PAGES + ["/risk/region/19.01/", "/risk/observe/"])
def test_anonymous_is_sent_to_login(client, url):
    response = client.get(url)
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]


@pytest.mark.parametrize("persona", ["no_role_user", "prosecutor"])
@pytest.mark.parametrize("url", PAGES + ["/risk/region/19.01/"])
def test_no_role_and_other_agencies_are_refused(request, client_for, scored, persona, url):
    assert client_for(request.getfixturevalue(persona)).get(url).status_code == 403


@pytest.mark.parametrize("persona", ["officer_bangka", "police_bangka", "officer_babel"])
@pytest.mark.parametrize("url", PAGES + ["/risk/region/19.01/", "/risk/ranking/?format=xlsx"])
def test_own_region_readers_get_every_page(request, client_for, scored, persona, url):
    assert client_for(request.getfixturevalue(persona)).get(url).status_code == 200


def test_other_region_profile_is_not_found(client_for, officer_belitung, scored):
    assert client_for(officer_belitung).get("/risk/region/19.01/").status_code == 404
    assert client_for(officer_belitung).get("/risk/region/19.02/").status_code == 200


def test_map_data_holds_only_the_users_area(client_for, officer_belitung, scored):
    data = client_for(officer_belitung).get("/risk/map.json").json()
    assert {t["code"][:5] for t in data["tps"]} == {"19.02"}
    assert all(r["code"].startswith("19.02.") for r in data["regions"])


def test_police_may_read_but_not_record(client_for, police_bangka, scored):
    assert client_for(police_bangka).get("/risk/observe/").status_code == 403
    assert client_for(police_bangka).get("/risk/import/").status_code == 403


def test_police_csv_has_the_deployment_format_and_area(client_for, police_bangka, scored):
    response = client_for(police_bangka).get("/risk/export/tps-categories.csv")
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[0] == ["tps_code", "village_code", "category", "latitude", "longitude"]
    assert [r[0] for r in rows[1:]] == [scored["bangka_prison"].code]
    assert rows[1][2] == "sangat_rawan"


def test_ranking_page_query_count_does_not_grow_with_rows(
    client_for, officer_babel, scored, django_assert_max_num_queries
):
    with django_assert_max_num_queries(35):
        response = client_for(officer_babel).get("/risk/ranking/?level=village")
    assert response.status_code == 200


def test_observation_form_saves_once_per_key(client_for, officer_bangka, scored):
    client = client_for(officer_bangka)
    tps = scored["bangka1"].code
    form = {
        "election": "pemilu-2024",
        "tps": tps,
        "observed_on": "2024-02-05",
        "key": "abc",
        "i_kam_kekerasan": "1",
        "i_jar_internet": "0",
        "i_hp_dptb": "",
    }
    first = client.post("/risk/observe/", form)
    second = client.post("/risk/observe/", form)
    assert first.status_code == second.status_code == 302
    assert (
        Observation.objects.filter(polling_station=scored["bangka1"], source="field").count() == 2
    )
    assert Submission.objects.count() == 1


def test_observation_form_refuses_tps_outside_the_area(client_for, officer_bangka, scored):
    response = client_for(officer_bangka).get(f"/risk/observe/?tps={scored['belitung1'].code}")
    assert response.status_code == 200
    assert b"observation-form" not in response.content


def test_import_page_reports_bad_rows_and_saves_nothing(client_for, officer_bangka, scored):
    content = (
        "tps_code,indicator,value\n"
        f"{scored['bangka1'].code},hp_dptb,1\n"
        f"{scored['belitung1'].code},hp_dptb,1\n"
    ).encode()
    upload = io.BytesIO(content)
    upload.name = "obs.csv"
    response = client_for(officer_bangka).post("/risk/import/", {"file": upload})
    assert response.status_code == 200
    assert b"import-report" in response.content
    assert not Observation.objects.filter(source="import").exists()


def test_home_card_counts_vulnerable_tps_for_readers_only(
    client_for, officer_bangka, prosecutor, scored
):
    from awasi.risk.home import cards

    (card,) = cards(officer_bangka)
    assert card["value"] == 1  # the prison TPS in Kab. Bangka
    assert cards(prosecutor) == []
    assert client_for(officer_bangka).get("/").status_code == 200


def test_api_serves_categories_in_the_users_area_only(
    api_client_for, police_bangka, prosecutor, scored
):
    client = api_client_for(police_bangka)
    data = client.get("/api/v1/risk/tps-categories/").json()
    assert [r["tps_code"] for r in data["results"]] == [scored["bangka_prison"].code]
    assert client.get("/api/v1/risk/tps-categories/?region=19.02").status_code == 403
    assert client.get("/api/v1/risk/region-scores/").json()["results"][0]["region"] == "19.01"
    assert api_client_for(prosecutor).get("/api/v1/risk/tps-categories/").status_code == 403


def test_compare_shows_the_tps_whose_category_moved(client_for, officer_babel, babel, scored):
    from datetime import date

    values = {
        code: 0.0
        for code in (
            "kam_kekerasan",
            "kam_intimidasi",
            "hp_dptb",
            "hp_dpk",
            "hp_dpt_tms",
            "hp_kpps_luar_domisili",
            "kmp_politik_uang",
            "kmp_sara",
            "net_kpps_kampanye",
            "net_asn_aparat",
            "jar_listrik",
            "jar_internet",
        )
    }
    values["kam_kekerasan"] = 1.0
    services.record_observations(
        actor=officer_babel, station=scored["city1"], values=values, observed_on=date(2024, 2, 1)
    )
    services.compute_scores(actor=officer_babel, election=babel["pemilu"])
    page = client_for(officer_babel).get("/risk/compare/").content.decode()
    assert "compare-changed" in page
    assert scored["city1"].code in page
    assert scored["bangka1"].code not in page


def test_catalogue_edits_are_validated():
    from django.core.exceptions import ValidationError

    from awasi.risk import catalogue
    from awasi.risk.models import IndicatorCatalogue

    raw = catalogue.to_dict(catalogue.load("tps-pemilu-2024"))
    raw["thresholds"]["tps"]["bands"].reverse()
    with pytest.raises(ValidationError, match="ascend"):
        IndicatorCatalogue(slug="x", name="x", kind="tps", definition=raw).clean()


def test_overview_shows_the_counts_per_category(client_for, officer_bangka, scored):
    page = client_for(officer_bangka).get("/risk/").content.decode()
    assert 'data-category="sangat_rawan">1<' in page
    assert 'data-category="rawan">0<' in page


def test_bar_widths_are_css_numbers_in_indonesian(client_for, officer_babel, scored):
    import re

    page = client_for(officer_babel).get("/risk/region/19.01/").content.decode()
    widths = re.findall(r'style="--v:([^"]*)%"', page)
    assert widths and all(re.fullmatch(r"[0-9.]+", w) for w in widths)
