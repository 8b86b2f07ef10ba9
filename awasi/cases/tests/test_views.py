"""Pages: public intake and status, officers' list/detail/actions, exports, permissions."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from PIL import Image

from awasi.cases import services
from awasi.cases.models import Case, EvidenceAccess
from awasi.core.models import AuditEvent


def png_bytes():
    buffer = io.BytesIO()
    Image.new("RGB", (4, 4), "red").save(buffer, "PNG")
    return buffer.getvalue()


def report_post(babel, **changes):
    data = {
        "election": babel["pemilu"].pk, "region": "19.01.01", "place": "TPS 5 Sungailiat",
        "occurred_on": "2024-02-10", "known_on": "2024-02-10",
        "reported_party": "Caleg X", "title": "Politik uang", "description": "Amplop dibagikan",
        "reporter_kind": "voter", "reporter_name": "Budi", "reporter_address": "Jl. Melati 2",
        "reporter_nik": "1901011708800001", "reporter_phone": "0812345678",
        "reporter_email": "budi@example.test", "intake_key": "form-key-1",
    }  # fmt: skip
    data.update(changes)
    return data


def test_public_report_then_status(babel):
    client = Client()
    assert client.get(reverse("cases:public_report")).status_code == 200
    upload = SimpleUploadedFile("foto.png", png_bytes(), content_type="image/png")
    response = client.post(reverse("cases:public_report"), {**report_post(babel), "files": upload})
    assert response.status_code == 200
    case = Case.objects.get()
    secret = response.context["secret"]
    assert case.evidence.count() == 1
    again = client.post(reverse("cases:public_report"), report_post(babel))
    assert again.context["case"].pk == case.pk and Case.objects.count() == 1
    page = client.post(
        reverse("cases:public_status"),
        {"tracking_code": case.tracking_code.lower(), "secret": secret},
    )
    body = page.content.decode()
    assert page.status_code == 200 and "Politik uang" in body
    assert "1901011708800001" not in body and "Jl. Melati" not in body
    wrong = client.post(
        reverse("cases:public_status"), {"tracking_code": case.tracking_code, "secret": "x"}
    )
    assert "Politik uang" not in wrong.content.decode()


def test_public_report_errors_are_shown_and_nothing_saved(babel):
    response = Client().post(
        reverse("cases:public_report"), report_post(babel, reporter_nik="123", title="")
    )
    assert response.status_code == 200
    assert response.context["form"].errors
    assert Case.objects.count() == 0


def test_wrong_file_type_is_refused(babel):
    upload = SimpleUploadedFile("foto.jpg", b"MZ\x90\x00 not a photo", content_type="image/jpeg")
    response = Client().post(
        reverse("cases:public_report"), {**report_post(babel), "files": upload}
    )
    assert response.context["form"].errors
    assert Case.objects.count() == 0


def test_public_status_is_rate_limited(babel):
    client = Client()
    for _ in range(30):
        client.post(reverse("cases:public_status"), {"tracking_code": "AAAA", "secret": "x"})
    response = client.post(reverse("cases:public_status"), {"tracking_code": "AAAA", "secret": "x"})
    assert response.status_code == 429


def test_tip_and_statistics_are_public(babel, make_report):
    make_report()
    client = Client()
    response = client.post(
        reverse("cases:public_tip"),
        {"election": babel["pemilu"].pk, "region": "19.02", "description": "Serangan fajar",
         "intake_key": "tip-form-1"},
    )  # fmt: skip
    assert response.status_code == 200
    stats = client.get(reverse("cases:statistics")).content.decode()
    assert "Kabupaten Bangka" in stats and "Budi" not in stats


@pytest.mark.parametrize(
    ("persona", "status"),
    [
        (None, 302),
        ("no_role_user", 404),
        ("officer_belitung", 404),
        ("police_bangka", 404),
        ("prosecutor", 404),
        ("officer_bangka", 200),
        ("officer_babel", 200),
    ],
)
def test_case_page_permissions(request, registered_case, persona, status):
    client = Client()
    if persona:
        client.force_login(request.getfixturevalue(persona))
    response = client.get(reverse("cases:detail", args=[registered_case.pk]))
    assert response.status_code == status


def test_police_see_cases_forwarded_to_gakkumdu_in_their_area(
    registered_case, officer_bangka, officer_babel, police_bangka, police_belitung, client_for
):
    case = registered_case
    services.submit_to_plenary(case=case, actor=officer_bangka, expected_version=case.version)
    services.decide_case(
        case=case, actor=officer_babel, expected_version=case.version, outcome="crime",
        summary="Pidana",
    )  # fmt: skip
    url = reverse("cases:detail", args=[case.pk])
    page = client_for(police_bangka).get(url)
    assert page.status_code == 200
    assert "reporter-link" not in page.content.decode()
    assert client_for(police_belitung).get(url).status_code == 404
    assert (
        client_for(police_bangka).get(reverse("cases:reporter", args=[case.pk])).status_code == 404
    )


def test_list_filters_and_constant_queries(
    make_report, officer_bangka, client_for, django_assert_max_num_queries
):
    for _ in range(3):
        make_report()
    make_report(region="19.02.01")
    client = client_for(officer_bangka)
    with django_assert_max_num_queries(12):
        response = client.get(reverse("cases:list"))
    assert response.context["page"].paginator.count == 3
    for _ in range(6):
        make_report()
    with django_assert_max_num_queries(12):
        client.get(reverse("cases:list"))
    filtered = client.get(reverse("cases:list"), {"status": "registered"})
    assert filtered.context["page"].paginator.count == 0


def test_exports_mask_nik(make_report, officer_bangka, client_for):
    make_report()
    client = client_for(officer_bangka)
    csv_text = client.get(reverse("cases:list"), {"format": "csv"}).content.decode("utf-8-sig")
    assert "************0001" in csv_text and "1901011708800001" not in csv_text
    xlsx = client.get(reverse("cases:list"), {"format": "xlsx"})
    assert xlsx["Content-Type"].startswith("application/vnd.openxmlformats")


def test_case_pdf(registered_case, officer_bangka, client_for):
    response = client_for(officer_bangka).get(reverse("cases:pdf", args=[registered_case.pk]))
    assert response.content.startswith(b"%PDF")


def test_actions_through_the_page(make_report, officer_bangka, officer_babel, client_for):
    case = make_report()
    client = client_for(officer_bangka)
    url = reverse("cases:transition", args=[case.pk, "start_review"])
    client.post(url, {"version": case.version})
    assert Case.objects.get(pk=case.pk).status == "initial_review"
    register = reverse("cases:transition", args=[case.pk, "register"])
    stale = client.post(register, {"version": case.version, "violation_type": "crime"}, follow=True)
    assert [m.level_tag for m in stale.context["messages"]][-1] == "error"
    assert not Case.objects.get(pk=case.pk).number
    client.post(register, {"version": case.version + 1, "violation_type": "crime"})
    assert Case.objects.get(pk=case.pk).number


def test_reporter_identity_is_logged(registered_case, officer_bangka, client_for):
    client = client_for(officer_bangka)
    url = reverse("cases:reporter", args=[registered_case.pk])
    assert "1901011708800001" not in client.get(url).content.decode()
    page = client.post(url, {"reason": "klarifikasi pelapor"})
    assert "1901011708800001" in page.content.decode()
    assert AuditEvent.objects.filter(action="cases.reporter.view").count() == 1


def test_evidence_views_and_downloads_are_logged(registered_case, officer_bangka, client_for):
    upload = SimpleUploadedFile("foto.png", png_bytes(), content_type="image/png")
    evidence = services.add_evidence(case=registered_case, upload=upload, actor=officer_bangka)
    client = client_for(officer_bangka)
    assert client.get(reverse("cases:evidence", args=[evidence.pk])).status_code == 200
    download = client.get(reverse("cases:download_evidence", args=[evidence.pk]))
    assert b"".join(download.streaming_content) == png_bytes()
    assert list(EvidenceAccess.objects.values_list("action", flat=True).order_by("id")) == [
        "view", "download",
    ]  # fmt: skip


@pytest.mark.parametrize("name", ["cases:queue", "cases:rules", "cases:tips", "cases:desk_report"])
def test_officer_pages_render(officer_bangka, client_for, name):
    assert client_for(officer_bangka).get(reverse(name)).status_code == 200


def test_police_cannot_open_staff_entry_or_tips(police_bangka, client_for):
    assert client_for(police_bangka).get(reverse("cases:desk_report")).status_code == 404
    assert client_for(police_bangka).get(reverse("cases:tips")).status_code == 404


def test_desk_entry_and_finding_forms(babel, officer_bangka, client_for):
    client = client_for(officer_bangka)
    desk = client.post(reverse("cases:desk_report"), report_post(babel, intake_key="desk-form"))
    assert desk.status_code == 200 and Case.objects.get().channel == "desk"
    finding = {
        **{k: v for k, v in report_post(babel).items() if not k.startswith("reporter")},
        "discovered_on": "2024-02-11", "violation_type": "crime", "intake_key": "finding-form",
    }  # fmt: skip
    response = client.post(reverse("cases:new_finding"), finding)
    case = Case.objects.get(origin="finding")
    assert response.status_code == 302 and case.violation_type == "crime"


def test_tip_conversion_through_the_page(babel, officer_bangka, client_for):
    tip = services.submit_tip(
        election=babel["pemilu"], region=Case.region.field.related_model.objects.get(pk="19.01"),
        description="Serangan fajar di Sungailiat",
    )  # fmt: skip
    client = client_for(officer_bangka)
    assert "Serangan fajar" in client.get(reverse("cases:tips")).content.decode()
    response = client.post(
        reverse("cases:tip_action", args=[tip.pk]),
        {"action": "convert", "title": "Serangan fajar", "reported_party": "Tim X"},
    )
    case = Case.objects.get()
    assert response.status_code == 302 and case.origin == "finding" and case.channel == "tip"
