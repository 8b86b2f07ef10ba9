"""Table tests for NIK parsing; the vectorised parser must agree with the scalar one."""

import datetime as dt

import polars as pl
import pytest

from awasi.screening.linkage.nik import NikProblem, nik_frame, parse_nik

CASES = [
    # value, problem, birth date, sex
    ("1904012501800002", "", dt.date(1980, 1, 25), "L"),
    ("3171015708450001", "", dt.date(1945, 8, 17), "P"),  # day 57 = 17 + 40: a woman
    ("1971054212990003", "", dt.date(1999, 12, 2), "P"),
    ("1971051203050001", "", dt.date(2005, 3, 12), "L"),  # 2005 is adult by 2026
    ("1971051203150001", "", dt.date(1915, 3, 12), "L"),  # 2015 would be a child: 1915
    ("3171-0157-0845-0001", "", dt.date(1945, 8, 17), "P"),
    ("'3171015708450001", "", dt.date(1945, 8, 17), "P"),  # a spreadsheet's text marker
    ('"3171 0157 0845 0001"', "", dt.date(1945, 8, 17), "P"),
    # Kalimantan Utara (65, since 2012): today's code and the older Kalimantan Timur one (64xx).
    ("6571014303750001", "", dt.date(1975, 3, 3), "P"),
    ("6473014303750001", "", dt.date(1975, 3, 3), "P"),
    ("3333333333333333", NikProblem.DUMMY, None, ""),
    ("1234567890123456", NikProblem.DUMMY, None, ""),
    ("1212121212121212", NikProblem.DUMMY, None, ""),
    # Serial 0000 is never issued: a spreadsheet zeroed the last of 16 digits (15 kept).
    ("3171015708450000", NikProblem.TRUNCATED, dt.date(1945, 8, 17), "P"),
    # Six zeros: keyed in (a truncated NIK of someone born in 2000 looks the same: lost).
    ("3171011708000000", NikProblem.DUMMY, None, ""),
    ("1111222233334444", NikProblem.DUMMY, None, ""),  # four runs: keyed in, not issued
    ("1122334455667788", NikProblem.DUMMY, None, ""),  # every digit doubled
    ("1111111122222222", NikProblem.DUMMY, None, ""),
    ("1111110101110001", "", dt.date(1911, 1, 1), "L"),  # ones and zeros, but a real shape
    ("99710117084500", NikProblem.LENGTH, None, ""),
    ("9971011708450001", NikProblem.PROVINCE, None, ""),
    ("8402106702910001", NikProblem.PROVINCE, dt.date(1991, 2, 27), "P"),  # 84: typo of 74
    ("3171013002001234", NikProblem.DATE, None, ""),  # 30 February
    ("3171017213450001", NikProblem.DATE, None, ""),  # day 72 - 40 = 32
    ("31710a5708450001", NikProblem.NOT_DIGITS, None, ""),
    ("", NikProblem.EMPTY, None, ""),
    (None, NikProblem.EMPTY, None, ""),
]


@pytest.mark.parametrize(("value", "problem", "born", "sex"), CASES)
def test_parse_nik(value, problem, born, sex):
    info = parse_nik(value)
    assert info.problem == problem
    assert info.is_valid == (problem == "")
    if info.is_valid or born:
        assert (info.birth_date, info.sex) == (born, sex)
        assert info.regency == info.digits[:4] and info.serial == info.digits[12:]


def test_vectorised_parser_agrees_with_scalar():
    frame = nik_frame(pl.Series([c[0] for c in CASES]))
    for (value, *_), row in zip(CASES, frame.iter_rows(named=True), strict=True):
        info = parse_nik(value)
        assert row["problem"] == info.problem, value
        readable = info.problem in ("", NikProblem.PROVINCE, NikProblem.TRUNCATED)
        assert row["birth_date"] == (info.birth_date if readable else None), value
        assert row["sex"] == (info.sex if readable else ""), value


def test_regencies_of_the_shipped_wilayah_table_are_known():
    # Papua Barat's Pegunungan Arfak (92.12) is in the official table, not in python-stdnum's.
    assert parse_nik("9212014303750001").is_known_regency
    assert parse_nik("6501014303750001").is_known_regency  # Malinau, Kalimantan Utara
