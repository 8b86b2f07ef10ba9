"""Masking of personal data for lists, exports and public pages. Pure: no Django.

Reporter identity is need-to-know: a NIK encodes place of residence and birth date (structure as
checked by :func:`awasi.screening.linkage.nik.parse_nik`), so outside the logged identity view only
its last four digits are shown.
"""

from __future__ import annotations

from awasi.screening.linkage.nik import parse_nik


def mask_nik(value: str) -> str:
    """``1901011708450001`` → ``************0001``; empty stays empty."""
    digits = "".join(ch for ch in value if ch.isdigit())
    if not digits:
        return ""
    return "*" * max(len(digits) - 4, 0) + digits[-4:]


def clean_nik(value: str) -> str:
    """Validate a NIK's structure (16 digits, province, birth date, not a placeholder such as
    3333333333333333) or raise ValueError. Province codes are today's official ones and the older
    ones NIKs were issued under (python-stdnum's table alone refused Kalimantan Utara's 65xx)."""
    info = parse_nik(value)
    if not info.is_valid:
        raise ValueError(f"invalid NIK ({info.problem})")
    return info.digits


def mask_name(value: str) -> str:
    """``Budi Santoso`` → ``B*** S******`` for places that must hint without revealing."""
    return " ".join(word[:1] + "*" * (len(word) - 1) for word in value.split())


def mask_contact(value: str) -> str:
    """Keep the last three characters of a phone number or e-mail's local part."""
    if "@" in value:
        local, _, domain = value.partition("@")
        return "*" * max(len(local) - 3, 0) + local[-3:] + "@" + domain
    return "*" * max(len(value) - 3, 0) + value[-3:]
