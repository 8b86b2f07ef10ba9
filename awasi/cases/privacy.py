"""Masking of personal data for lists, exports and public pages. Pure: no Django.

Reporter identity is need-to-know: a NIK encodes place of residence and birth date (structure as
checked by python-stdnum ``id.nik``), so outside the logged identity view only its last four digits
are shown.
"""

from __future__ import annotations

from stdnum.exceptions import ValidationError
from stdnum.id import nik as nik_format


def mask_nik(value: str) -> str:
    """``1901011708450001`` → ``************0001``; empty stays empty."""
    digits = "".join(ch for ch in value if ch.isdigit())
    if not digits:
        return ""
    return "*" * max(len(digits) - 4, 0) + digits[-4:]


def clean_nik(value: str) -> str:
    """Validate a NIK's structure (16 digits, province, birth date) or raise ValueError."""
    try:
        return str(nik_format.validate(value))
    except ValidationError as exc:
        raise ValueError(str(exc) or "invalid NIK") from exc


def mask_name(value: str) -> str:
    """``Budi Santoso`` → ``B*** S******`` for places that must hint without revealing."""
    return " ".join(word[:1] + "*" * (len(word) - 1) for word in value.split())


def mask_contact(value: str) -> str:
    """Keep the last three characters of a phone number or e-mail's local part."""
    if "@" in value:
        local, _, domain = value.partition("@")
        return "*" * max(len(local) - 3, 0) + local[-3:] + "@" + domain
    return "*" * max(len(value) - 3, 0) + value[-3:]
