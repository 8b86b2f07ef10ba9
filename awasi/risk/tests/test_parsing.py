"""Bulk observation files: both layouts, every rejection reason, and the all-or-nothing contract."""

from datetime import date
from io import BytesIO

import pytest
from openpyxl import Workbook

from awasi.risk import catalogue, parsing

PEMILU = catalogue.load("tps-pemilu-2024")
KNOWN = {"19.71.01.1001.TPS001", "19.71.01.1001.TPS002"}


def parse_csv(text):
    return parsing.parse(parsing.read_table(text.encode(), "f.csv"), PEMILU, KNOWN)


def test_long_layout_with_dates_sources_and_yes_no_words():
    result = parse_csv(
        "tps_code,indicator,value,observed_on,source\n"
        "19.71.01.1001.TPS001,kam_kekerasan,ya,2024-02-05,PTPS\n"
        "19.71.01.1001.TPS001,lok_khusus,0,05/02/2024,PTPS\n"
    )
    assert result.ok
    first, second = result.observations
    assert (first.indicator, first.value, first.observed_on) == (
        "kam_kekerasan",
        1.0,
        date(2024, 2, 5),
    )
    assert (second.value, second.observed_on, second.row) == (0.0, date(2024, 2, 5), 3)


def test_wide_layout_gives_one_observation_per_filled_indicator_cell():
    result = parse_csv(
        "tps_code;kam_kekerasan;jar_internet;lok_khusus\n19.71.01.1001.TPS002;1;tidak;\n"
    )
    assert result.ok
    assert [(o.indicator, o.value) for o in result.observations] == [
        ("kam_kekerasan", 1.0),
        ("jar_internet", 0.0),
    ]


def test_xlsx_is_read_like_csv():
    book = Workbook()
    sheet = book.active
    sheet.append(["tps_code", "indicator", "value", "observed_on"])
    sheet.append(["19.71.01.1001.TPS001", "hp_dptb", 1, date(2024, 2, 4)])
    buffer = BytesIO()
    book.save(buffer)
    result = parsing.parse(parsing.read_table(buffer.getvalue(), "f.xlsx"), PEMILU, KNOWN)
    assert result.ok
    assert result.observations[0].observed_on == date(2024, 2, 4)


@pytest.mark.parametrize(
    ("line", "column", "message"),
    [
        ("19.99.01.1001.TPS001,kam_kekerasan,1,", "tps_code", "Unknown TPS code"),
        ("19.71.01.1001.TPS001,aman,1,", "indicator", "Unknown indicator"),
        ("19.71.01.1001.TPS001,kam_kekerasan,mungkin,", "value", "Invalid value"),
        ("19.71.01.1001.TPS001,kam_kekerasan,1,31/02/2024", "observed_on", "Invalid date"),
    ],
)
def test_bad_rows_are_rejected_with_row_column_and_reason(line, column, message):
    result = parse_csv(
        "tps_code,indicator,value,observed_on\n19.71.01.1001.TPS002,hp_dptb,1,\n" + line + "\n"
    )
    assert not result.ok
    (error,) = result.errors
    assert (error.row, error.column) == (3, column)
    assert error.text().startswith(message)


def test_the_same_tps_and_indicator_twice_in_one_file_is_an_error():
    result = parse_csv(
        "tps_code,indicator,value\n19.71.01.1001.TPS001,hp_dptb,1\n19.71.01.1001.TPS001,hp_dptb,0\n"
    )
    assert [e.text() for e in result.errors] == ["Same TPS and indicator as row 2."]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "The file is empty."),
        ("kode,nilai\nx,1\n", "Header must have"),
        ("tps_code,kam_kekerasan,warna\nx,1,merah\n", "Unknown columns: warna."),
    ],
)
def test_bad_headers_are_rejected(text, message):
    result = parse_csv(text)
    assert result.errors[0].text().startswith(message)


def test_counts_must_be_whole_and_percent_at_most_100():
    count = catalogue.Indicator(
        code="c", name="c", name_en="c", group="g", scale="count", scale_max=5
    )
    percent = catalogue.Indicator(
        code="p", name="p", name_en="p", group="g", scale="percent", scale_max=100
    )
    assert parsing.parse_value("3", count) == 3.0
    assert parsing.parse_value("2,5", count) is None
    assert parsing.parse_value("-1", count) is None
    assert parsing.parse_value("99,5", percent) == 99.5
    assert parsing.parse_value("101", percent) is None
