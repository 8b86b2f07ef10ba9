"""The optional `number` column (a candidate's number on the party's list) in UI imports."""

from __future__ import annotations

import io

import openpyxl
import pytest
from django.urls import reverse

from awasi.core.errors import DomainError
from awasi.regions.models import Region
from awasi.screening.linkage.tables import CANDIDATE_COLUMNS, TableError, validate
from awasi.screening.models import CandidateList
from awasi.screening.services.imports import import_candidates

HEADER = ",".join((*CANDIDATE_COLUMNS, "number"))
ROWS = [
    "C1,Ahmad Dahlan,Sungailiat,1970-01-02,L,,P01,dprd_regency,Bangka 1,19.01,3",
    "C2,Siti Aminah,Belinyu,1982-05-06,P,,P01,dprd_regency,Bangka 1,19.01,",
]


def _import(officer, babel, rows: list[str]):
    return import_candidates(
        actor=officer,
        election=babel["pemilu"],
        region=Region.objects.get(pk="19.01"),
        level="dprd_regency",
        stage="dct",
        name="DCT Bangka",
        filename="c.csv",
        data="\n".join([HEADER, *rows]).encode(),
    )


@pytest.mark.parametrize(
    ("number", "ok"), [("1", True), ("", True), ("999", True), ("0", False), ("x", False)]
)
def test_number_is_optional_and_checked(number, ok):
    rows = [[*CANDIDATE_COLUMNS, "number"], ["C1", "Ahmad", "", "", "", "", "", "", "", "", number]]
    if ok:
        assert validate(rows, CANDIDATE_COLUMNS, ("number",))["number"].to_list() == [number]
    else:
        with pytest.raises(TableError) as err:
            validate(rows, CANDIDATE_COLUMNS, ("number",))
        assert err.value.errors[0].column == "number"
    # without the optional column asked for, the CLI's columns are all there is
    assert "number" not in validate(rows, CANDIDATE_COLUMNS).columns


def test_import_keeps_the_number_and_the_pages_and_export_show_it(
    babel, officer_bangka, client_for
):
    clist = _import(officer_bangka, babel, ROWS)
    numbers = dict(clist.candidates.values_list("external_id", "number"))
    assert numbers == {"C1": 3, "C2": None}
    client = client_for(officer_bangka)
    page = client.get(reverse("screening:list", args=[clist.pk])).content.decode()
    assert "No. urut" in page and "<td>3</td>" in page
    export = client.get(reverse("screening:export", args=[clist.pk]))
    sheet = openpyxl.load_workbook(io.BytesIO(export.content)).worksheets[0]
    header, *body = sheet.iter_rows(values_only=True)
    assert header[4] == "No. urut" and {r[0]: r[4] for r in body} == {"C1": 3, "C2": None}


def test_a_bad_number_imports_nothing(babel, officer_bangka):
    with pytest.raises(DomainError) as err:
        _import(officer_bangka, babel, [ROWS[0].rsplit(",", 1)[0] + ",tiga"])
    assert "number" in err.value.details[0]
    assert not CandidateList.objects.exists()
