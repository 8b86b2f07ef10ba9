"""TPS import: row-level reasons, nothing saved unless valid, scoped to the officer's area."""

import io

import pytest
from openpyxl import Workbook

from awasi.core.errors import DomainError
from awasi.regions.models import PollingStation
from awasi.regions.services import import_polling_stations

HEADER = "village_code,number,address,voter_count,latitude,longitude,special_location\n"


def run(user, election, text, **kw):
    return import_polling_stations(
        actor=user, election=election, content=text.encode(), filename="tps.csv", **kw
    )


def test_valid_file_is_saved_and_audited(officer_bangka, babel):
    text = HEADER + "19.01.01.1001,1,Jl. Merdeka,250,-1.85,106.12,\n19.01.01.1001,2,,199,,,prison\n"
    report = run(officer_bangka, babel["pemilu"], text)
    assert report.saved and report.created == 2
    tps = PollingStation.objects.get(code="19.01.01.1001.TPS002")
    assert tps.special_location == "prison" and not tps.is_synthetic
    again = run(officer_bangka, babel["pemilu"], text.replace("250", "260"))
    assert again.updated == 2 and again.created == 0
    from awasi.core.models import AuditEvent

    assert AuditEvent.objects.filter(action="regions.tps_imported").count() == 2


def test_bad_rows_are_listed_and_nothing_is_saved(officer_bangka, babel):
    text = (
        HEADER
        + "\n".join(
            [
                "19.01.01.1001,1,,250,,,",  # fine
                "19.01.01.1001,1,,250,,,",  # duplicate of line 2
                "19.02.01.1001,1,,250,,,",  # Belitung: outside Bangka's area
                "19.99.99.9999,1,,250,,,",  # unknown village
                "19.01.01.1001,2,,301,,,",  # over the 300 cap
                "19.01.01.1001,3,,100,-1.8,,",  # half a coordinate
                "19.01.01.1001,x,,100,,,",  # not a number
                "19.01.01.1001,4,,100,,,castle",  # unknown special location
                "19.01.01.1001,5,,100,40,106,",  # latitude outside Indonesia
            ]
        )
        + "\n"
    )
    report = run(officer_bangka, babel["pemilu"], text)
    assert not report.saved
    assert [e.line for e in report.errors] == [3, 4, 5, 6, 7, 8, 9, 10]
    assert "duplikat baris 2" in report.errors[0].reason
    assert "di luar wilayah kerja" in report.errors[1].reason
    assert PollingStation.objects.count() == 0
    partial = run(officer_bangka, babel["pemilu"], text, valid_rows_only=True)
    assert partial.saved and partial.created == 1


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        ("", "tidak berisi baris data"),
        ("village_code,number\n19.01.01.1001,1\n", "Kolom tidak ada"),
    ],
)
def test_file_level_errors(officer_bangka, babel, content, reason):
    report = run(officer_bangka, babel["pemilu"], content)
    assert reason in report.file_error and not report.saved


def test_xlsx_import(officer_bangka, babel):
    book = Workbook()
    book.active.append(HEADER.strip().split(","))
    book.active.append(["19.01.01.1001", 7, "Balai desa", 120, None, None, None])
    buffer = io.BytesIO()
    book.save(buffer)
    report = import_polling_stations(
        actor=officer_bangka,
        election=babel["pemilu"],
        content=buffer.getvalue(),
        filename="tps.xlsx",
    )
    assert report.saved and report.created == 1


def test_only_registry_editors_may_import(police_bangka, no_role_user, babel):
    for user in (police_bangka, no_role_user):
        with pytest.raises(DomainError):
            run(user, babel["pemilu"], HEADER + "19.01.01.1001,1,,250,,,\n")


def test_import_page_reports_rows(client_for, officer_bangka, babel):
    from django.core.files.uploadedfile import SimpleUploadedFile

    upload = SimpleUploadedFile("tps.csv", (HEADER + "19.02.01.1001,1,,250,,,\n").encode())
    response = client_for(officer_bangka).post(
        "/regions/tps/import/", {"election": babel["pemilu"].pk, "file": upload}
    )
    assert response.status_code == 400
    assert "di luar wilayah kerja" in response.content.decode()
