"""Registration numbers in Bawaslu's style, and tracking codes for reporters. Pure: no Django.

Registered findings and reports carry a number like ``001/Reg/LP/PL/Kab/19.01/II/2024``: a sequence
per issuing office and year, "Reg", LP (*laporan*) or TM (*temuan*), the election (PL Pemilu, PB
*Pemilihan*/Pilkada), the office level, the region code, the month in Roman numerals and the year.
This is the shape seen in Bawaslu's published registers; the exact template is not fixed in any
regulation we read (UNVERIFIED), so it is a setting (``CASES_NUMBER_TEMPLATE``), not law.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from datetime import date

DEFAULT_TEMPLATE = "{seq:03d}/Reg/{kind}/{election}/{level}/{region}/{month}/{year}"
KIND_CODES = {"report": "LP", "finding": "TM"}
ELECTION_CODES = {"pemilu": "PL", "pilkada": "PB"}
LEVEL_CODES = {"national": "RI", "province": "Prov", "regency": "Kab", "district": "Kec"}
ROMAN_MONTHS = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII")
# Tracking codes avoid look-alike characters (0/O, 1/I/L) since reporters copy them by hand.
CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"


@dataclass(frozen=True, slots=True)
class NumberParts:
    """Everything a registration number is made of."""

    seq: int
    origin: str
    regime: str
    level: str
    region_code: str
    registered_on: date


def format_number(parts: NumberParts, template: str = DEFAULT_TEMPLATE) -> str:
    """The registration number for ``parts`` under ``template``."""
    if parts.seq <= 0:
        raise ValueError("sequence numbers start at 1")
    return template.format(
        seq=parts.seq,
        kind=KIND_CODES[parts.origin],
        election=ELECTION_CODES[parts.regime],
        level=LEVEL_CODES.get(parts.level, parts.level),
        region=parts.region_code,
        month=ROMAN_MONTHS[parts.registered_on.month - 1],
        year=parts.registered_on.year,
    )


def new_tracking_code(length: int = 10) -> str:
    """A random tracking code like ``KX7P-MQ2W-9T``, grouped by four for reading aloud."""
    raw = "".join(secrets.choice(CODE_ALPHABET) for _ in range(length))
    return "-".join(raw[i : i + 4] for i in range(0, length, 4))


def normalise_tracking_code(text: str) -> str:
    """Accept codes typed with spaces, lower case or without dashes."""
    raw = "".join(ch for ch in text.upper() if ch.isalnum())
    return "-".join(raw[i : i + 4] for i in range(0, len(raw), 4))


def new_secret() -> str:
    """The secret a reporter needs, with the tracking code, to open the status page."""
    return secrets.token_urlsafe(12)
