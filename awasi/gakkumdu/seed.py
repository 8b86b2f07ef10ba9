"""Gakkumdu units for Bangka Belitung, built from the foundation's organisations (idempotent).

Province: Bawaslu Provinsi + Polda + Kejaksaan Tinggi; each regency/city: Bawaslu Kabupaten/Kota +
its Polres/Polresta + Kejaksaan Negeri (UU 7/2017 Pasal 486, legal-notes §2.1). Which Polres takes a
file is decided per file by police jurisdiction (``placement.police_for``), not by this table.
"""

from __future__ import annotations

from django.db import transaction

from awasi.accounts.choices import OrgKind, OrgLevel
from awasi.accounts.models import Organisation
from awasi.gakkumdu.models import GakkumduUnit
from awasi.regions.babel import REGENCIES


def _slug(name: str) -> str:
    return name.lower().replace(" ", "-")


@transaction.atomic
def seed_units(province: str = "19") -> list[GakkumduUnit]:
    """The provincial unit and one unit per regency/city of ``province``."""
    orgs = {o.code: o for o in Organisation.objects.filter(region__code__startswith=province)}
    units = [
        _unit(
            f"gakkumdu-{province}",
            "Sentra Gakkumdu Provinsi Kepulauan Bangka Belitung",
            OrgLevel.PROVINCE,
            province,
            orgs["bawaslu-babel"],
            orgs["polda-babel"],
            orgs["kejati-babel"],
        )
    ]
    for code, name in REGENCIES.items():
        slug = _slug(name)
        bawaslu = orgs[f"bawaslu-{slug}"]
        police = orgs[f"polres-{slug}"]
        prosecutor = orgs.get(f"kejari-{slug}") or _kejari(code, name, orgs["kejati-babel"])
        label = f"Sentra Gakkumdu {bawaslu.name.removeprefix('Bawaslu ')}"
        units.append(
            _unit(f"gakkumdu-{code}", label, OrgLevel.REGENCY, code, bawaslu, police, prosecutor)
        )
    return units


def _unit(
    code: str,
    name: str,
    level: str,
    region: str,
    bawaslu: Organisation,
    police: Organisation,
    prosecutor: Organisation,
) -> GakkumduUnit:
    unit, _ = GakkumduUnit.objects.update_or_create(
        code=code,
        defaults={
            "name": name,
            "level": level,
            "region_id": region,
            "bawaslu": bawaslu,
            "police": police,
            "prosecutor": prosecutor,
        },
    )
    return unit


def _kejari(code: str, name: str, kejati: Organisation) -> Organisation:
    """A Kejaksaan Negeri when the foundation lacks one (created, never edited there)."""
    org, _ = Organisation.objects.get_or_create(
        code=f"kejari-{_slug(name)}",
        defaults={
            "name": f"Kejaksaan Negeri {name}",
            "kind": OrgKind.KEJARI,
            "level": OrgLevel.REGENCY,
            "region_id": code,
            "parent": kejati,
        },
    )
    return org
