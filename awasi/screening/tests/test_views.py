"""Pages and permissions: anonymous, no role, other region, other agency, own region."""

from __future__ import annotations

import pytest
from django.urls import reverse

from awasi.screening.models import MatchPair

pytestmark = pytest.mark.django_db


def _urls(data):
    clist = data["list"]
    cand = data["candidates"]["C-REV"]
    pair = MatchPair.objects.get(candidate=cand)
    return {
        "index": reverse("screening:index"),
        "list": reverse("screening:list", args=[clist.pk]),
        "export": reverse("screening:export", args=[clist.pk]),
        "letter": reverse("screening:letter", args=[clist.pk]),
        "queue": reverse("screening:review_queue"),
        "candidate": reverse("screening:candidate", args=[cand.pk]),
        "pair": pair,
    }


def test_anonymous_is_sent_to_login(client, screening_data):
    response = client.get(_urls(screening_data)["list"])
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


@pytest.mark.parametrize("who", ["no_role_user", "police_bangka", "prosecutor"])
def test_no_role_police_and_prosecutors_see_nothing(request, client_for, screening_data, who):
    client = client_for(request.getfixturevalue(who))
    urls = _urls(screening_data)
    for name in ("index", "list", "queue", "candidate", "export", "letter"):
        assert client.get(urls[name]).status_code in (403, 404), name


def test_other_region_gets_404_and_cannot_review(client_for, officer_belitung, screening_data):
    client = client_for(officer_belitung)
    urls = _urls(screening_data)
    for name in ("list", "candidate", "export", "letter"):
        assert client.get(urls[name]).status_code == 404, name
    pair = urls["pair"]
    url = reverse("screening:review_match", args=[pair.pk])
    assert client.post(url, {"verdict": "confirm", "note": "x"}).status_code == 404
    assert "ANDI" not in client.get(urls["queue"]).content.decode()
    pair.refresh_from_db()
    assert pair.outcome == "pending"


def test_own_region_sees_masked_nik_and_can_review(client_for, officer_bangka, screening_data):
    client = client_for(officer_bangka)
    urls = _urls(screening_data)
    page = client.get(urls["list"]).content.decode()
    assert "1901********0001" in page and "1901011203700001" not in page
    assert client.get(urls["export"])["Content-Type"].startswith("application/vnd.openxml")
    letter = client.get(urls["letter"])
    assert letter["Content-Type"] == "application/pdf" and letter.content.startswith(b"%PDF")
    queue = client.get(urls["queue"]).content.decode()
    assert "ANDI SAPUTRA WIJAYA" in queue
    url = reverse("screening:review_match", args=[urls["pair"].pk])
    assert client.post(url, {"verdict": "reject", "note": "Beda orang"}).status_code == 302
    urls["pair"].refresh_from_db()
    assert urls["pair"].outcome == "rejected"


def test_pages_speak_indonesian_by_default(client_for, officer_bangka, screening_data):
    page = client_for(officer_bangka).get(reverse("screening:index")).content.decode()
    assert "Pencermatan calon" in page and "Antrean pemeriksaan" in page


def test_province_officer_sees_regency_lists(client_for, officer_babel, screening_data):
    assert client_for(officer_babel).get(_urls(screening_data)["list"]).status_code == 200


def test_index_query_count_does_not_grow_with_lists(
    client_for, officer_bangka, screening_data, django_assert_max_num_queries
):
    client = client_for(officer_bangka)
    with django_assert_max_num_queries(12):
        assert client.get(reverse("screening:index")).status_code == 200


def test_bad_import_shows_offending_rows(client_for, officer_bangka, babel):
    from django.core.files.uploadedfile import SimpleUploadedFile

    bad = SimpleUploadedFile(
        "c.csv",
        b"candidate_id,full_name,birth_place,birth_date,sex,nik,"
        b"party,level,dapil,region_code\nA,,,1990-02-30,L,,,,,\n",
    )
    response = client_for(officer_bangka).post(
        reverse("screening:import_candidates"),
        {
            "election": babel["pemilu"].pk,
            "region": "19.01",
            "level": "dprd_regency",
            "stage": "dcs",
            "name": "x",
            "file": bad,
        },
    )
    assert response.status_code == 400
    body = response.content.decode()
    assert "line 2, full_name" in body and "line 2, birth_date" in body


def test_queue_keeps_a_candidates_pairs_together_and_says_so(
    client_for, officer_bangka, screening_data, twins
):
    from awasi.screening.models import MatchPair

    body = client_for(officer_bangka).get(reverse("screening:review_queue")).content.decode()
    assert body.count('class="card review-pair"') >= 3  # the other list's review pairs too
    ids = MatchPair.objects.filter(candidate__candidate_list=twins).values_list("pk", flat=True)
    first, second = sorted(body.index(f'id="pair-{pk}"') for pk in ids)
    assert body[first:second].count('class="card review-pair"') == 1  # the next card is its own
    assert body.count("Lebih dari satu orang di registri mungkin kandidat ini") == 2


@pytest.mark.browser
def test_review_queue_in_browser(live_login, live_server, officer_bangka, screening_data):
    from selenium.webdriver.common.by import By

    browser = live_login(officer_bangka)
    browser.get(f"{live_server.url}{reverse('screening:review_queue')}")
    pair = _urls(screening_data)["pair"]
    card = browser.find_element(By.ID, f"pair-{pair.pk}")  # reasons and masked NIKs shown
    assert "ANDI SAPUTRA WIJAYA" in card.text
    card.find_element(By.CSS_SELECTOR, "input[value=confirm]").click()
    card.find_element(By.NAME, "note").send_keys("Dicek dengan data BKN")
    card.find_element(By.CSS_SELECTOR, "button").click()
    browser.find_element(By.CSS_SELECTOR, ".msg-success")
    assert not browser.find_elements(By.ID, f"pair-{pair.pk}")  # left the queue
    pair.refresh_from_db()
    assert pair.outcome == "confirmed" and pair.note == "Dicek dengan data BKN"


def test_home_cards_for_bawaslu_only(officer_bangka, police_bangka, screening_data):
    from awasi.screening.home import cards

    assert cards(police_bangka) == []
    values = {c["url"]: c["value"] for c in cards(officer_bangka)}
    assert values[reverse("screening:review_queue")] >= 1
    assert values[reverse("screening:index")] >= 1


def test_long_lists_are_paged(client_for, officer_bangka, screening_data, monkeypatch):
    from awasi.screening import views

    monkeypatch.setattr(views, "LIST_PAGE_SIZE", 10)
    client = client_for(officer_bangka)
    url = _urls(screening_data)["list"]
    total = screening_data["list"].candidates.count()
    first = client.get(url).content.decode()
    assert (
        f"1 / {-(-total // 10)} · {total} calon" in first
        and first.count('href="/screening/candidates/') == 10
    )
    last = client.get(url, {"page": 999}).content.decode()  # past the end: the last page
    assert last.count('href="/screening/candidates/') == (total % 10 or 10)
