"""/api/v1/screening/: Bawaslu of the area only, NIK masked, statuses and flagged people."""

from __future__ import annotations

import pytest
from django.urls import reverse


def test_lists_and_candidates_for_the_areas_officer(screening_data, api_client_for, officer_bangka):
    client = api_client_for(officer_bangka)
    lists = client.get(reverse("screening-lists")).json()
    [clist] = lists["results"]
    assert clist["id"] == screening_data["list"].pk and clist["election"] == "pemilu-2024"
    assert clist["counts"]["total"] == screening_data["list"].candidates.count()
    url = reverse("screening-candidates", args=[clist["id"]])
    page = client.get(url, {"status": "must_resign", "page_size": 200}).json()
    by_id = {c["candidate_id"]: c for c in page["results"]}
    asn = by_id["C-ASN"]
    assert asn["nik"] != "1901011203700001" and asn["nik"].endswith("0001")
    assert asn["matches"][0]["category"] == "asn" and asn["matches"][0]["reasons"]
    assert all(c["status"] == "must_resign" for c in page["results"])
    assert "1901011203700001" not in str(page)


@pytest.mark.parametrize("who", ["polda_investigator", "prosecutor", "no_role_user"])
def test_others_are_refused(request, screening_data, api_client_for, who):
    client = api_client_for(request.getfixturevalue(who))
    response = client.get(reverse("screening-lists"))
    assert response.status_code == 403 and "error" in response.json()


def test_another_areas_list_is_not_found(screening_data, api_client_for, officer_belitung):
    client = api_client_for(officer_belitung)
    assert client.get(reverse("screening-lists")).json()["results"] == []
    url = reverse("screening-candidates", args=[screening_data["list"].pk])
    assert client.get(url).status_code == 404


def test_anonymous_is_refused(screening_data, client):
    assert client.get(reverse("screening-lists")).status_code in (401, 403)
