"""Province → local time zone (WIB/WITA/WIT), as listed in shared/domain/deadlines.md.

Deadlines are counted in the local time of the region where a case is handled.
"""

from __future__ import annotations

from zoneinfo import ZoneInfo

WIB = ZoneInfo("Asia/Jakarta")  # UTC+7
WITA = ZoneInfo("Asia/Makassar")  # UTC+8
WIT = ZoneInfo("Asia/Jayapura")  # UTC+9

# Kemendagri province codes. WITA: Bali, NTB, NTT, South/East/North Kalimantan, all Sulawesi.
WITA_PROVINCES = {"51", "52", "53", "63", "64", "65", "71", "72", "73", "74", "75", "76"}
# WIT: Maluku, North Maluku and every Papua province.
WIT_PROVINCES = {"81", "82", "91", "92", "93", "94", "95", "96"}

ABBREVIATION = {WIB.key: "WIB", WITA.key: "WITA", WIT.key: "WIT"}


def zone_for(region_code: str | None) -> ZoneInfo:
    """The time zone of the province containing `region_code` (WIB when none is given)."""
    if not region_code:
        return WIB
    province = region_code.split(".", 1)[0]
    if province in WIT_PROVINCES:
        return WIT
    if province in WITA_PROVINCES:
        return WITA
    return WIB


def abbreviation(zone: ZoneInfo) -> str:
    """WIB / WITA / WIT for display."""
    return ABBREVIATION.get(zone.key, zone.key)
