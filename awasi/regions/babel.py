"""Kepulauan Bangka Belitung reference data: police units, dapil, approximate district positions.

Figures from shared/domain/babel.md and legal-notes.md §9 (secondary sources named there).
Polsek and the district split of some dapil are demo data and flagged `is_synthetic`.
"""

from __future__ import annotations

from django.db import transaction

from awasi.elections.models import Election
from awasi.regions.choices import DapilLevel, PoliceUnitKind
from awasi.regions.models import ElectoralDistrict, PoliceJurisdiction, PoliceUnit, Region

PROVINCE = "19"
REGENCIES = {
    "19.01": "Bangka",
    "19.02": "Belitung",
    "19.03": "Bangka Selatan",
    "19.04": "Bangka Tengah",
    "19.05": "Bangka Barat",
    "19.06": "Belitung Timur",
    "19.71": "Pangkalpinang",
}
# Pemilu 2024 TPS per regency (babel.md; Belitung Timur is the residual of 4,116).
TPS_PER_REGENCY = {
    "19.01": 911,
    "19.02": 547,
    "19.03": 555,
    "19.04": 548,
    "19.05": 590,
    "19.06": 343,
    "19.71": 622,
}
DPT_PER_REGENCY = {
    "19.01": 234537,
    "19.02": 136500,
    "19.03": 149076,
    "19.04": 141690,
    "19.05": 148424,
    "19.06": 95791,
    "19.71": 161416,
}
PANGKALAN_BARU = "19.04.02"

# Approximate district centres (degrees) used only to place synthetic TPS on the map.
DISTRICT_POSITIONS = {
    "19.01.01": (-1.855, 106.12),
    "19.01.02": (-1.63, 105.77),
    "19.01.03": (-1.97, 106.05),
    "19.01.04": (-2.15, 105.93),
    "19.01.05": (-1.90, 106.05),
    "19.01.06": (-1.95, 105.82),
    "19.01.07": (-1.75, 105.87),
    "19.01.08": (-2.05, 105.80),
    "19.02.01": (-2.74, 107.64),
    "19.02.02": (-2.98, 107.63),
    "19.02.03": (-2.86, 107.42),
    "19.02.04": (-2.56, 107.70),
    "19.02.05": (-2.78, 107.80),
    "19.03.01": (-3.01, 106.46),
    "19.03.02": (-2.96, 106.81),
    "19.03.03": (-2.75, 106.30),
    "19.03.04": (-2.70, 105.97),
    "19.03.05": (-2.63, 106.08),
    "19.03.06": (-3.05, 106.33),
    "19.03.07": (-2.85, 106.55),
    "19.03.08": (-2.86, 107.06),
    "19.04.01": (-2.49, 106.41),
    "19.04.02": (-2.18, 106.15),
    "19.04.03": (-2.36, 106.23),
    "19.04.04": (-2.33, 106.07),
    "19.04.05": (-2.25, 106.24),
    "19.04.06": (-2.57, 106.60),
    "19.05.01": (-2.06, 105.18),
    "19.05.02": (-2.00, 105.35),
    "19.05.03": (-1.70, 105.50),
    "19.05.04": (-1.87, 105.62),
    "19.05.05": (-2.05, 105.66),
    "19.05.06": (-1.62, 105.53),
    "19.06.01": (-2.88, 108.26),
    "19.06.02": (-2.97, 108.13),
    "19.06.03": (-3.07, 107.93),
    "19.06.04": (-2.70, 108.05),
    "19.06.05": (-2.78, 108.20),
    "19.06.06": (-2.90, 108.00),
    "19.06.07": (-3.05, 107.98),
    "19.71.01": (-2.120, 106.140),
    "19.71.02": (-2.125, 106.115),
    "19.71.03": (-2.100, 106.140),
    "19.71.04": (-2.130, 106.100),
    "19.71.05": (-2.150, 106.090),
    "19.71.06": (-2.090, 106.120),
    "19.71.07": (-2.115, 106.125),
}
# Districts on small islands: their TPS are tied to that island (islands.csv codes).
ISLAND_DISTRICTS = {"19.02.03": "19.02.40114", "19.03.02": "19.03.40037", "19.03.08": "19.03.40050"}
MAIN_ISLAND = {"19.02": "19.00.40002", "19.06": "19.00.40002"}  # others: Pulau Bangka
BANGKA_ISLAND = "19.00.40001"
# Districts assumed to have no Polsek of their own (11, babel.md; which ones is demo data).
NO_POLSEK = {
    "19.01.06",
    "19.01.07",
    "19.02.05",
    "19.03.07",
    "19.03.08",
    "19.04.05",
    "19.05.02",
    "19.06.06",
    "19.06.07",
    "19.71.06",
    "19.71.07",
}
SEATS = {
    "19.01": (35, 4),
    "19.02": (25, 3),
    "19.04": (30, 3),
    "19.06": (25, 3),
    "19.71": (30, 5),
}  # regency: (seats, dapil) where the split is not published
DPRD_PROVINCE_DAPIL = [
    ("Babel 1", 7, ["19.71"]),
    ("Babel 2", 6, ["19.04"]),
    ("Babel 3", 6, ["19.03"]),
    ("Babel 4", 9, ["19.02", "19.06"]),
    ("Babel 5", 7, ["19.05"]),
    ("Babel 6", 10, ["19.01"]),
]
PUBLISHED_SPLITS = {  # PKPU 6/2023 via belitung.tribunnews / sekilasindonews (secondary)
    "19.05": [
        ("Bangka Barat 1 (Mentok)", 8, ["19.05.01"]),
        ("Bangka Barat 2 (Simpang Teritip)", 5, ["19.05.02"]),
        ("Bangka Barat 3 (Jebus–Parittiga)", 8, ["19.05.03", "19.05.06"]),
        ("Bangka Barat 4 (Kelapa–Tempilang)", 9, ["19.05.04", "19.05.05"]),
    ],
    "19.03": [
        ("Bangka Selatan 1 (Toboali)", 12, ["19.03.01"]),
        ("Bangka Selatan 2 (Air Gegas)", 6, ["19.03.03"]),
        (
            "Bangka Selatan 3 (Tukak Sadai–Lepar–Kep. Pongok)",
            4,
            ["19.03.06", "19.03.02", "19.03.08"],
        ),
        (
            "Bangka Selatan 4 (Simpang Rimba–Payung–Pulau Besar)",
            8,
            ["19.03.04", "19.03.05", "19.03.07"],
        ),
    ],
}


@transaction.atomic
def seed_police_units() -> dict[str, PoliceUnit]:
    """Polda Babel, its 7 Polres (real) and demo Polsek, with their jurisdictions."""
    polda, _ = PoliceUnit.objects.update_or_create(
        code="POLDA-19",
        defaults={
            "kind": PoliceUnitKind.POLDA,
            "base_region_id": "19.71",
            "name": "Polda Kepulauan Bangka Belitung",
        },
    )
    _cover(polda, ["19"])
    units = {"POLDA-19": polda}
    for code, name in REGENCIES.items():
        is_city = code == "19.71"
        unit_code = f"POLRESTA-{code}" if is_city else f"POLRES-{code}"
        label = f"Polresta {name}" if is_city else f"Polres {name}"
        lat, lon = DISTRICT_POSITIONS[f"{code}.01"]
        unit, _ = PoliceUnit.objects.update_or_create(
            code=unit_code,
            defaults={
                "kind": PoliceUnitKind.POLRES,
                "name": label,
                "parent": polda,
                "base_region_id": code,
                "latitude": lat,
                "longitude": lon,
            },
        )
        # Polresta Pangkalpinang also covers Kec. Pangkalan Baru of Bangka Tengah (babel.md).
        _cover(unit, [code, PANGKALAN_BARU] if is_city else [code])
        units[code] = unit
    for district in Region.objects.filter(parent__parent_id=PROVINCE, level="district"):
        if district.code in NO_POLSEK:
            continue
        regency = "19.71" if district.code == PANGKALAN_BARU else district.parent_id
        lat, lon = DISTRICT_POSITIONS.get(district.code, (None, None))
        unit, _ = PoliceUnit.objects.update_or_create(
            code=f"POLSEK-{district.code}",
            defaults={
                "kind": PoliceUnitKind.POLSEK,
                "name": f"Polsek {district.name}",
                "parent": units[regency],
                "base_region": district,
                "latitude": lat,
                "longitude": lon,
                "is_synthetic": True,
            },
        )
        _cover(unit, [district.code])
    return units


def _cover(unit: PoliceUnit, codes: list[str]) -> None:
    for code in codes:
        PoliceJurisdiction.objects.get_or_create(unit=unit, region_id=code)


@transaction.atomic
def seed_dapil(election: Election) -> int:
    """DPR, DPRD Provinsi and DPRD Kabupaten/Kota dapil of Babel for Pemilu 2024."""
    count = 0
    count += _dapil(
        election,
        DapilLevel.DPR,
        "19",
        1,
        "Kepulauan Bangka Belitung",
        3,
        ["19"],
        "KPU: 1 dapil, 3 seats (bloombergtechnoz 18 Feb 2024)",
        False,
    )
    for number, (name, seats, members) in enumerate(DPRD_PROVINCE_DAPIL, start=1):
        count += _dapil(
            election,
            DapilLevel.DPRD_PROVINCE,
            "19",
            number,
            name,
            seats,
            members,
            "PKPU 6/2023 (secondary)",
            False,
        )
    for regency, dapil in PUBLISHED_SPLITS.items():
        for number, (name, seats, members) in enumerate(dapil, start=1):
            count += _dapil(
                election,
                DapilLevel.DPRD_REGENCY,
                regency,
                number,
                name,
                seats,
                members,
                "PKPU 6/2023 (secondary)",
                False,
            )
    for regency, (seats, parts) in SEATS.items():
        count += _demo_split(election, regency, seats, parts)
    return count


def _demo_split(election: Election, regency: str, seats: int, parts: int) -> int:
    districts = list(Region.objects.filter(parent_id=regency).order_by("code"))
    groups = [districts[i::parts] for i in range(parts)]
    weights = [sum(TPS_PER_REGENCY[regency] / len(districts) for _ in g) for g in groups]
    shares = largest_remainder(seats, weights)
    name = REGENCIES[regency]
    for number, (group, share) in enumerate(zip(groups, shares, strict=True), start=1):
        _dapil(
            election,
            DapilLevel.DPRD_REGENCY,
            regency,
            number,
            f"{name} {number}",
            share,
            [d.code for d in group],
            "Seats: KPU decree 457/2022 (secondary); district split is demo data",
            True,
        )
    return parts


def largest_remainder(total: int, weights: list[float]) -> list[int]:
    """Split `total` seats in proportion to `weights` (Hamilton's method)."""
    whole = sum(weights)
    quotas = [total * w / whole for w in weights]
    seats = [int(q) for q in quotas]
    order = sorted(range(len(quotas)), key=lambda i: quotas[i] - seats[i], reverse=True)
    for i in order[: total - sum(seats)]:
        seats[i] += 1
    return seats


def _dapil(
    election: Election,
    level: str,
    area: str,
    number: int,
    name: str,
    seats: int,
    members: list[str],
    source: str,
    synthetic: bool,
) -> int:
    dapil, _ = ElectoralDistrict.objects.update_or_create(
        election=election,
        level=level,
        area_id=area,
        number=number,
        defaults={"name": name, "seats": seats, "source": source, "is_synthetic": synthetic},
    )
    dapil.members.set(members)
    return 1
