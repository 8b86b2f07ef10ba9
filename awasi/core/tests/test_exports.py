"""Shared export helpers produce real CSV, XLSX and PDF files."""

import io

from openpyxl import load_workbook

from awasi.core import exports


def test_csv_neutralises_formulas():
    response = exports.csv_response("x.csv", ["a"], [["=cmd()"], ["ok"]])
    body = response.content.decode("utf-8-sig")
    assert "'=cmd()" in body and "ok" in body


def test_xlsx_round_trip():
    data = exports.xlsx_bytes({"TPS": (["code", "n"], [["19.01", 3]])})
    sheet = load_workbook(io.BytesIO(data)).active
    assert [c.value for c in sheet[2]] == ["19.01", 3]


def test_pdf_is_a_pdf():
    data = exports.pdf_bytes(
        "Judul", [("h", "Bagian"), ("p", "Teks <b>"), ("table", ["a", "b"], [[1, None]])]
    )
    assert data.startswith(b"%PDF")
