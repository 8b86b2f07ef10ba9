"""Registration numbers, tracking codes and masking."""

from datetime import date

import pytest

from awasi.cases import numbering, privacy
from awasi.cases.numbering import NumberParts


@pytest.mark.parametrize(
    ("parts", "expected"),
    [
        (
            NumberParts(1, "report", "pemilu", "regency", "19.01", date(2024, 2, 20)),
            "001/Reg/LP/PL/Kab/19.01/II/2024",
        ),
        (
            NumberParts(12, "finding", "pilkada", "province", "19", date(2024, 11, 30)),
            "012/Reg/TM/PB/Prov/19/XI/2024",
        ),
        (
            NumberParts(1234, "report", "pemilu", "district", "19.01.01", date(2023, 12, 31)),
            "1234/Reg/LP/PL/Kec/19.01.01/XII/2023",
        ),
    ],
)
def test_format_number(parts, expected):
    assert numbering.format_number(parts) == expected


def test_custom_template():
    parts = NumberParts(7, "finding", "pemilu", "regency", "19.02", date(2024, 1, 5))
    assert numbering.format_number(parts, "{kind}-{seq}-{year}") == "TM-7-2024"


def test_sequence_starts_at_one():
    with pytest.raises(ValueError):
        numbering.format_number(
            NumberParts(0, "report", "pemilu", "regency", "19", date(2024, 1, 1))
        )


def test_tracking_codes_are_readable_and_distinct():
    codes = {numbering.new_tracking_code() for _ in range(200)}
    assert len(codes) == 200
    for code in codes:
        assert len(code) == 12 and code.count("-") == 2
        assert not set(code) & set("01OIL")


@pytest.mark.parametrize("typed", ["kx7p mq2w 9t", "KX7PMQ2W9T", " kx7p-mq2w-9t "])
def test_typed_tracking_codes_are_normalised(typed):
    assert numbering.normalise_tracking_code(typed) == "KX7P-MQ2W-9T"


def test_secrets_are_long_and_random():
    assert len({numbering.new_secret() for _ in range(50)}) == 50
    assert len(numbering.new_secret()) >= 16


@pytest.mark.parametrize(
    ("value", "expected"),
    [("1901011708450001", "************0001"), ("", ""), ("12", "12"), ("1901 0117", "****0117")],
)
def test_mask_nik(value, expected):
    assert privacy.mask_nik(value) == expected


def test_clean_nik_accepts_valid_and_refuses_invalid():
    assert privacy.clean_nik("1901011708450001") == "1901011708450001"
    # Kalimantan Utara (65) and Papua Barat's newer regencies are valid; placeholders are not.
    assert privacy.clean_nik("6571014303750001") == "6571014303750001"
    assert privacy.clean_nik("9212-0143-0375-0001") == "9212014303750001"
    bad_values = ("123", "9971011708450001", "1901013502450001", "19010117084500AB")
    for bad in (*bad_values, "3333333333333333"):
        with pytest.raises(ValueError):
            privacy.clean_nik(bad)


def test_mask_name_and_contact():
    assert privacy.mask_name("Budi Santoso") == "B*** S******"
    assert privacy.mask_contact("081234567890") == "*********890"
    assert privacy.mask_contact("budi.s@example.org") == "***i.s@example.org"
