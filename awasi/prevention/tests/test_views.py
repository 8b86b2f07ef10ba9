"""Every page renders for its users; forms save through the services; exports are real files."""

from datetime import date, datetime
from io import BytesIO

import pytest
import time_machine
from django.urls import reverse
from openpyxl import load_workbook

from awasi.prevention.choices import ActionStatus
from awasi.prevention.models import ActionItem, Meeting, Socialisation, SupervisionReport
from awasi.prevention.services import activities, supervision
from awasi.prevention.tests.conftest import WIB, jpeg_bytes, org, photo, region

pytestmark = pytest.mark.django_db


@pytest.fixture
def activity_data(babel, officer_bangka, polda_item):
    quiet = babel["pemilu"].stages.get(kind="quiet")
    with time_machine.travel(datetime(2024, 2, 14, 8, 0, tzinfo=WIB), tick=False):
        activities.record_socialisation(
            actor=officer_bangka,
            region=region("19.01"),
            stage=quiet,
            held_on=date(2024, 2, 11),
            topic="asn_neutrality",
            title="Netralitas ASN",
            audience="asn",
            participants=80,
        )
        activities.record_patrol(
            actor=officer_bangka,
            region=region("19.01.01"),
            stage=quiet,
            area="Sungailiat",
            starts_at=datetime(2024, 2, 11, 20, 0, tzinfo=WIB),
            ends_at=datetime(2024, 2, 12, 2, 0, tzinfo=WIB),
            team=[(org("bawaslu-bangka"), 4), (org("polres-bangka"), 6)],
            findings="Amplop",
        )
        supervision.submit_supervision_report(
            actor=officer_bangka,
            stage=quiet,
            region=region("19.01.01.1001"),
            supervised_at=datetime(2024, 2, 12, 9, 0, tzinfo=WIB),
            activity="Masa tenang",
            place="Pasar",
            result="Baliho belum diturunkan",
            suspected_violation=True,
        )
    return quiet


PAGES = [
    "dashboard",
    "agreements",
    "meetings",
    "commitments",
    "my_commitments",
    "activities",
    "reports",
    "neutrality_list",
    "honorary_list",
    "summary",
    "agreement_create",
    "meeting_create",
    "socialisation_create",
    "patrol_create",
    "appeal_create",
    "report_create",
    "neutrality_create",
    "honorary_create",
]


@pytest.mark.parametrize("name", PAGES)
def test_pages_render_for_a_bawaslu_officer(name, client_for, officer_babel, activity_data):
    response = client_for(officer_babel).get(reverse(f"prevention:{name}"))
    assert response.status_code == 200


def test_meeting_form_saves(client_for, officer_babel, babel):
    response = client_for(officer_babel).post(
        reverse("prevention:meeting_create"),
        {
            "title": "Rakor",
            "kind": "coordination",
            "region": "19",
            "held_at": "2024-01-10T09:00",
            "place": "Pangkalpinang",
            "agenda": "Masa tenang",
            "invited": [org("polda-babel").pk],
            "attending": [org("polda-babel").pk],
        },
    )
    meeting = Meeting.objects.get()
    assert response.status_code == 302 and response["Location"].endswith(f"/{meeting.pk}/")
    assert meeting.held_at == datetime(2024, 1, 10, 9, 0, tzinfo=WIB)


def test_meeting_form_shows_errors_and_saves_nothing(client_for, officer_babel, babel):
    response = client_for(officer_babel).post(
        reverse("prevention:meeting_create"),
        {
            "title": "Rakor",
            "kind": "coordination",
            "region": "19",
            "held_at": "kemarin",
            "place": "",
            "agenda": "",
        },
    )
    assert response.status_code == 400 and not Meeting.objects.exists()


def test_owner_marks_done_in_the_page(client_for, polda_investigator, polda_item):
    response = client_for(polda_investigator).post(
        reverse("prevention:action_item_update", args=[polda_item.pk]),
        {"status": "done", "evidence": "Sprin", "version": 1},
    )
    assert response.status_code == 302
    assert ActionItem.objects.get().status == ActionStatus.DONE


def test_done_without_evidence_shows_the_rule(client_for, polda_investigator, polda_item):
    response = client_for(polda_investigator).post(
        reverse("prevention:action_item_update", args=[polda_item.pk]),
        {"status": "done", "evidence": "", "version": 1},
    )
    assert response.status_code == 400
    assert ActionItem.objects.get().status == ActionStatus.OPEN


def test_lhp_form_with_photo(client_for, officer_bangka, babel):
    quiet = babel["pemilu"].stages.get(kind="quiet")
    with time_machine.travel(datetime(2024, 2, 14, 8, 0, tzinfo=WIB), tick=False):
        response = client_for(officer_bangka).post(
            reverse("prevention:report_create"),
            {
                "stage": quiet.pk,
                "region": "19.01.01.1001",
                "supervised_at": "2024-02-12T09:00",
                "activity": "Masa tenang",
                "place": "Pasar",
                "result": "Aman",
                "photos": [photo("a.jpg", jpeg_bytes())],
            },
        )
    assert response.status_code == 302
    assert SupervisionReport.objects.get().photos.count() == 1


def test_lhp_form_refuses_a_disguised_file(client_for, officer_bangka, babel):
    quiet = babel["pemilu"].stages.get(kind="quiet")
    with time_machine.travel(datetime(2024, 2, 14, 8, 0, tzinfo=WIB), tick=False):
        response = client_for(officer_bangka).post(
            reverse("prevention:report_create"),
            {
                "stage": quiet.pk,
                "region": "19.01.01.1001",
                "supervised_at": "2024-02-12T09:00",
                "activity": "Masa tenang",
                "place": "Pasar",
                "result": "Aman",
                "photos": [photo("a.jpg", b"%PDF-1.4 not a photo")],
            },
        )
    assert response.status_code == 400 and not SupervisionReport.objects.exists()


def test_summary_counts_and_exports(client_for, officer_babel, activity_data):
    client = client_for(officer_babel)
    url = reverse("prevention:summary") + f"?region=19&stage={activity_data.pk}"
    page = client.get(url)
    assert page.status_code == 200
    rows = {r[0]: r for r in page.context["rows"]}
    bangka = rows[region("19.01").name]
    assert bangka[1:5] == [1, 1, 1, 0]  # LHP, socialisation, patrol, appeal
    xlsx = client.get(url + "&format=xlsx")
    assert xlsx["Content-Type"].startswith("application/vnd.openxmlformats")
    sheet = load_workbook(BytesIO(xlsx.content)).active
    values = [[c.value for c in row] for row in sheet.iter_rows()]
    assert values[-1][0] == "Total" or values[-1][0] == "Jumlah"
    assert values[-1][1:4] == [1, 1, 1]
    pdf = client.get(url + "&format=pdf")
    assert pdf.content.startswith(b"%PDF-")


def test_commitments_overview_exports(client_for, officer_babel, polda_item):
    client = client_for(officer_babel)
    csv = client.get(reverse("prevention:commitments") + "?format=csv")
    text = csv.content.decode("utf-8-sig")
    assert "Menyiapkan personel patroli bersama" in text and "Polda" in text
    xlsx = client.get(reverse("prevention:commitments") + "?status=open&format=xlsx")
    rows = list(load_workbook(BytesIO(xlsx.content)).active.iter_rows(values_only=True))
    assert len(rows) == 2


def test_list_queries_do_not_grow(
    client_for, officer_babel, meeting, django_assert_max_num_queries
):
    client = client_for(officer_babel)
    client.get(reverse("prevention:commitments"))
    with django_assert_max_num_queries(14):
        client.get(reverse("prevention:meetings"))
    for n in range(20):
        Meeting.objects.create(
            title=f"m{n}",
            region=region("19"),
            held_at=meeting.held_at,
            place="p",
            agenda="a",
            convened_by=org("bawaslu-babel"),
        )
    with django_assert_max_num_queries(14):
        client.get(reverse("prevention:meetings"))


def test_activity_list_queries_constant(
    client_for, officer_babel, activity_data, django_assert_num_queries
):
    client = client_for(officer_babel)
    client.get(reverse("prevention:activities"))
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as first:
        client.get(reverse("prevention:activities"))
    for n in range(10):
        Socialisation.objects.create(
            region=region("19.01"),
            stage=activity_data,
            organiser=org("bawaslu-bangka"),
            held_on=date(2024, 2, 1),
            topic="asn_neutrality",
            title=f"s{n}",
            audience="asn",
            participants=n,
        )
    with django_assert_num_queries(len(first)):
        client.get(reverse("prevention:activities"))


def test_home_card_counts_open_and_overdue(polda_investigator, polda_item):
    from awasi.prevention.home import cards

    with time_machine.travel(datetime(2024, 2, 10, 8, 0, tzinfo=WIB), tick=False):
        [card] = cards(polda_investigator)
    assert card["value"] == 1 and "1" in card["title"]
    assert card["url"] == reverse("prevention:my_commitments")


def test_home_card_absent_without_organisation(no_role_user):
    from awasi.prevention.home import cards

    assert cards(no_role_user) == []


def test_socialisation_under_an_agreement(client_for, officer_babel, babel):
    from awasi.prevention.services import cooperation

    agreement = cooperation.create_agreement(
        actor=officer_babel,
        title="PKS",
        scope="x",
        region=region("19"),
        starts_on=date(2023, 1, 1),
        ends_on=None,
        parties=[
            cooperation.PartyInput(org("bawaslu-babel"), "a"),
            cooperation.PartyInput(org("polda-babel"), "b"),
        ],
    )
    client = client_for(officer_babel)
    response = client.post(
        reverse("prevention:socialisation_create"),
        {
            "region": "19.02",
            "stage": babel["pemilu"].stages.get(kind="campaign").pk,
            "agreement": agreement.pk,
            "held_on": "2024-01-15",
            "topic": "asn_neutrality",
            "title": "Sosialisasi netralitas ASN Belitung",
            "audience": "asn",
            "participants": 70,
        },
    )
    assert response.status_code == 302, response.context["form"].errors
    assert Socialisation.objects.get().agreement == agreement
    page = client.get(reverse("prevention:agreement", args=[agreement.pk]))
    assert "Sosialisasi netralitas ASN Belitung" in page.content.decode()


def test_asn_case_from_an_lhp(client_for, officer_bangka, activity_data):
    from awasi.prevention.models import NeutralityCase

    report = SupervisionReport.objects.get()
    client = client_for(officer_bangka)
    url = reverse("prevention:neutrality_create") + f"?lhp={report.pk}"
    assert client.get(url).context["form"].initial["source"] == "supervision"
    response = client.post(
        url,
        {
            "region": report.region_id,
            "name": "X",
            "employer": "Pemkab Bangka",
            "employment": "pns",
            "source": "supervision",
            "occurred_on": "2024-02-12",
            "description": "Baliho",
        },
    )
    assert response.status_code == 302
    assert NeutralityCase.objects.get().supervision_report == report


def test_meeting_minutes_and_lhp_as_pdf(client_for, officer_babel, polda_item, activity_data):
    client = client_for(officer_babel)
    minutes = client.get(
        reverse("prevention:meeting", args=[polda_item.meeting_id]) + "?format=pdf"
    )
    assert minutes["Content-Type"] == "application/pdf" and minutes.content.startswith(b"%PDF-")
    report = SupervisionReport.objects.get()
    lhp = client.get(reverse("prevention:report", args=[report.pk]) + "?format=pdf")
    assert lhp.content.startswith(b"%PDF-")
