"""Organisations for Bangka Belitung and the national bodies, and the demo accounts."""

from __future__ import annotations

from dataclasses import dataclass

from django.db import transaction

from awasi.accounts.choices import OrgKind, OrgLevel, Role
from awasi.accounts.models import Organisation, User
from awasi.regions.babel import REGENCIES
from awasi.regions.models import PoliceUnit, Region

NATIONAL = [
    ("bawaslu-ri", "Bawaslu Republik Indonesia", OrgKind.BAWASLU_RI),
    ("kpu-ri", "KPU Republik Indonesia", OrgKind.KPU_RI),
    ("dkpp", "Dewan Kehormatan Penyelenggara Pemilu (DKPP)", OrgKind.DKPP),
    ("bkn", "Badan Kepegawaian Negara (BKN)", OrgKind.BKN),
    ("kemendes-pdtt", "Kementerian Desa, PDT dan Transmigrasi", OrgKind.MINISTRY),
    ("mabes-polri", "Markas Besar Polri", OrgKind.MABES_POLRI),
    ("kejagung", "Kejaksaan Agung RI", OrgKind.KEJAGUNG),
]


def _org(
    code: str,
    name: str,
    kind: str,
    level: str,
    region: str | None,
    parent: Organisation | None,
    unit: PoliceUnit | None = None,
) -> Organisation:
    org, _ = Organisation.objects.update_or_create(
        code=code,
        defaults={
            "name": name,
            "kind": kind,
            "level": level,
            "region_id": region,
            "parent": parent,
            "police_unit": unit,
        },
    )
    return org


@transaction.atomic
def seed_organisations() -> dict[str, Organisation]:
    """National bodies plus Bawaslu, KPU, police and prosecution offices of Babel (idempotent)."""
    orgs = {
        code: _org(code, name, kind, OrgLevel.NATIONAL, None, None) for code, name, kind in NATIONAL
    }
    prov = "Kepulauan Bangka Belitung"
    orgs["bawaslu-babel"] = _org(
        "bawaslu-babel",
        f"Bawaslu Provinsi {prov}",
        OrgKind.BAWASLU_PROVINCE,
        OrgLevel.PROVINCE,
        "19",
        orgs["bawaslu-ri"],
    )
    orgs["kpu-babel"] = _org(
        "kpu-babel",
        f"KPU Provinsi {prov}",
        OrgKind.KPU_PROVINCE,
        OrgLevel.PROVINCE,
        "19",
        orgs["kpu-ri"],
    )
    polda = PoliceUnit.objects.get(code="POLDA-19")
    orgs["polda-babel"] = _org(
        "polda-babel",
        f"Polda {prov}",
        OrgKind.POLDA,
        OrgLevel.PROVINCE,
        "19",
        orgs["mabes-polri"],
        polda,
    )
    orgs["kejati-babel"] = _org(
        "kejati-babel",
        f"Kejaksaan Tinggi {prov}",
        OrgKind.KEJATI,
        OrgLevel.PROVINCE,
        "19",
        orgs["kejagung"],
    )
    for code, name in REGENCIES.items():
        _seed_regency(orgs, code, name)
    _seed_districts(orgs)
    return orgs


def _seed_regency(orgs: dict[str, Organisation], code: str, name: str) -> None:
    slug = name.lower().replace(" ", "-")
    kind_label = "Kota" if code == "19.71" else "Kabupaten"
    orgs[f"bawaslu-{slug}"] = _org(
        f"bawaslu-{slug}",
        f"Bawaslu {kind_label} {name}",
        OrgKind.BAWASLU_REGENCY,
        OrgLevel.REGENCY,
        code,
        orgs["bawaslu-babel"],
    )
    orgs[f"kpu-{slug}"] = _org(
        f"kpu-{slug}",
        f"KPU {kind_label} {name}",
        OrgKind.KPU_REGENCY,
        OrgLevel.REGENCY,
        code,
        orgs["kpu-babel"],
    )
    unit = PoliceUnit.objects.get(base_region_id=code, kind="polres")
    orgs[f"polres-{slug}"] = _org(
        f"polres-{slug}",
        unit.name,
        OrgKind.POLRES,
        OrgLevel.REGENCY,
        code,
        orgs["polda-babel"],
        unit,
    )
    orgs[f"kejari-{slug}"] = _org(
        f"kejari-{slug}",
        f"Kejaksaan Negeri {name}",
        OrgKind.KEJARI,
        OrgLevel.REGENCY,
        code,
        orgs["kejati-babel"],
    )


def _seed_districts(orgs: dict[str, Organisation]) -> None:
    for district in Region.objects.filter(level="district", code__startswith="19."):
        regency_slug = REGENCIES[district.parent_id].lower().replace(" ", "-")
        slug = "panwascam-" + district.name.lower().replace(" ", "-")
        orgs[slug] = _org(
            slug,
            f"Panwaslu Kecamatan {district.name}",
            OrgKind.PANWASLU_DISTRICT,
            OrgLevel.DISTRICT,
            district.code,
            orgs[f"bawaslu-{regency_slug}"],
        )


@dataclass(frozen=True)
class DemoAccount:
    username: str
    organisation: str
    role: str
    full_name: str


DEMO_ACCOUNTS = [
    DemoAccount("bawaslu-babel", "bawaslu-babel", Role.COMMISSIONER, "Staf Bawaslu Babel"),
    DemoAccount("bawaslu-bangka", "bawaslu-bangka", Role.OFFICER, "Staf Bawaslu Bangka"),
    DemoAccount("bawaslu-belitung", "bawaslu-belitung", Role.OFFICER, "Staf Bawaslu Belitung"),
    DemoAccount(
        "panwascam-sungailiat", "panwascam-sungailiat", Role.OFFICER, "Staf Panwascam Sungailiat"
    ),
    DemoAccount("polda-babel", "polda-babel", Role.INVESTIGATOR, "Penyidik Polda Babel"),
    DemoAccount("polres-bangka", "polres-bangka", Role.INVESTIGATOR, "Penyidik Polres Bangka"),
    DemoAccount(
        "polres-belitung", "polres-belitung", Role.INVESTIGATOR, "Penyidik Polres Belitung"
    ),
    DemoAccount("kejati-babel", "kejati-babel", Role.PROSECUTOR, "Jaksa Kejati Babel"),
]


@transaction.atomic
def seed_demo_users(password: str) -> list[User]:
    """The demo accounts of the README (idempotent; resets their passwords)."""
    users = []
    admin, _ = User.objects.get_or_create(username="admin", defaults={"email": "admin@localhost"})
    admin.is_staff = admin.is_superuser = True
    admin.role = Role.ADMIN
    admin.organisation = Organisation.objects.get(code="bawaslu-ri")
    admin.set_password(password)
    admin.save()
    users.append(admin)
    for spec in DEMO_ACCOUNTS:
        user, _ = User.objects.get_or_create(username=spec.username)
        user.organisation = Organisation.objects.get(code=spec.organisation)
        user.role = spec.role
        user.first_name = spec.full_name
        user.email = f"{spec.username}@awasi.local"
        user.set_password(password)
        user.save()
        users.append(user)
    return users
