"""Reading candidate/registry files: CSV with BOM and XLSX give the same table."""

import io

import pytest
from openpyxl import Workbook

from awasi.screening.linkage.tables import CANDIDATE_COLUMNS, TableError, read_rows, validate

ROW = [
    "C1",
    "H. Ahmad Dahlan",
    "Pangkalpinang",
    "1970-01-02",
    "L",
    "1971010201700001",
    "P01",
    "dprd_province",
    "Babel 1",
    "19.71",
]


def test_csv_with_bom_and_xlsx_agree():
    csv_bytes = ("\ufeff" + ",".join(CANDIDATE_COLUMNS) + "\n" + ",".join(ROW) + "\n").encode()
    book = Workbook()
    book.active.append(list(CANDIDATE_COLUMNS))
    book.active.append(ROW)
    buffer = io.BytesIO()
    book.save(buffer)
    from_csv = validate(read_rows("c.csv", csv_bytes), CANDIDATE_COLUMNS)
    from_xlsx = validate(read_rows("c.xlsx", buffer.getvalue()), CANDIDATE_COLUMNS)
    assert from_csv.equals(from_xlsx) and from_csv.row(0) == tuple(ROW)


def test_every_bad_row_is_listed():
    rows = [
        list(CANDIDATE_COLUMNS),
        ["", "x", "", "02-01-1970", "M", "", "", "", "", ""],
        ["C2", "", "", "", "", "", "", "", "", ""],
        ["C2", "y", "", "", "", "", "", "", "", ""],
    ]
    with pytest.raises(TableError) as caught:
        validate(rows, CANDIDATE_COLUMNS)
    text = [str(e) for e in caught.value.errors]
    assert text == [
        "line 2, candidate_id: required value is empty",
        "line 2, birth_date: date must be YYYY-MM-DD ('02-01-1970')",
        "line 2, sex: sex must be L or P ('M')",
        "line 3, full_name: required value is empty",
        "line 4, candidate_id: duplicate id (first on line 3) ('C2')",
    ]


def test_fast_csv_path_lists_the_same_errors():
    from awasi.screening.linkage.tables import validate_csv

    rows = [
        list(CANDIDATE_COLUMNS),
        ["", "x", "", "02-01-1970", "M", "", "", "", "", ""],
        ["C2", "", "", "", "", "", "", "", "", ""],
        ["C2", "y", "", "", "", "", "", "", "", ""],
    ]
    data = "\n".join(",".join(r) for r in rows).encode()
    with pytest.raises(TableError) as slow:
        validate(rows, CANDIDATE_COLUMNS)
    with pytest.raises(TableError) as fast:
        validate_csv(data, CANDIDATE_COLUMNS)
    assert sorted(map(str, slow.value.errors)) == sorted(map(str, fast.value.errors))


def test_non_utf8_csv_is_refused():
    from awasi.screening.linkage.tables import validate_csv

    data = (",".join(CANDIDATE_COLUMNS) + "\nC1,Jos\xe9,,,,,,,,\n").encode("latin-1")
    with pytest.raises(TableError):
        validate_csv(data, CANDIDATE_COLUMNS)


@pytest.mark.parametrize("fast", [False, True])
def test_absent_optional_columns_read_as_empty_and_are_named(fast):
    from awasi.screening.linkage.tables import validate_csv

    rows = [[" Full_Name", "CANDIDATE_ID", "nik", "extra"], ["Budi", "C1", "1971010201700001", "z"]]
    named: list[list[str]] = []
    if fast:
        data = "\n".join(",".join(r) for r in rows).encode()
        frame = validate_csv(data, CANDIDATE_COLUMNS, named.append)
    else:
        frame = validate(rows, CANDIDATE_COLUMNS, on_absent=named.append)
    assert frame.columns == list(CANDIDATE_COLUMNS)
    assert frame.row(0, named=True) == {
        **dict.fromkeys(CANDIDATE_COLUMNS, ""),
        "candidate_id": "C1",
        "full_name": "Budi",
        "nik": "1971010201700001",
    }
    given = ("candidate_id", "full_name", "nik")
    assert named == [[c for c in CANDIDATE_COLUMNS if c not in given]]


@pytest.mark.parametrize("fast", [False, True])
def test_id_name_and_required_columns_must_be_present(fast):
    from awasi.screening.linkage.tables import REGISTRY_COLUMNS, validate_csv

    rows = [["person_id", "nik"], ["R1", ""]]
    with pytest.raises(TableError) as caught:
        if fast:
            validate_csv("\n".join(",".join(r) for r in rows).encode(), REGISTRY_COLUMNS)
        else:
            validate(rows, REGISTRY_COLUMNS, required=("category",))
    missing = [e.column for e in caught.value.errors]
    assert missing == (["full_name"] if fast else ["full_name", "category"])


@pytest.mark.parametrize("fast", [False, True])
@pytest.mark.parametrize(
    ("given", "read"),
    [
        ("l", "L"),
        ("p", "P"),
        ("Laki-laki", "L"),
        ("PEREMPUAN", "P"),
        ("Pria", "L"),
        ("wanita", "P"),
    ],
)
def test_sex_written_as_a_word_or_in_lower_case_is_read_as_l_or_p(fast, given, read):
    from awasi.screening.linkage.tables import validate_csv

    rows = [["candidate_id", "full_name", "sex"], ["C1", "Budi", given]]
    if fast:
        frame = validate_csv("\n".join(",".join(r) for r in rows).encode(), CANDIDATE_COLUMNS)
    else:
        frame = validate(rows, CANDIDATE_COLUMNS)
    assert frame["sex"].to_list() == [read]


def test_numbers_in_xlsx_cells_read_without_a_decimal_point():
    import zipfile

    book = Workbook()
    book.active.append(list(CANDIDATE_COLUMNS))
    book.active.append([7, "Budi", "", "", "L", 1971010201700000, "", "", "", ""])
    saved = io.BytesIO()
    book.save(saved)
    # Excel writes a NIK typed as a number in scientific notation (15 digits kept).
    source, patched = zipfile.ZipFile(saved), io.BytesIO()
    with zipfile.ZipFile(patched, "w") as out:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename == "xl/worksheets/sheet1.xml":
                data = data.replace(b"<v>1971010201700000</v>", b"<v>1.9710102017E+15</v>")
            out.writestr(item, data)
    frame = validate(read_rows("c.xlsx", patched.getvalue()), CANDIDATE_COLUMNS)
    assert frame.row(0, named=True)["nik"] == "1971010201700000"
    assert frame.row(0, named=True)["candidate_id"] == "7"
