"""Importing candidate lists and registries from CSV/XLSX, all or nothing."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _

from awasi.accounts.scoping import can_see_region, is_bawaslu
from awasi.core.audit import record
from awasi.core.errors import DomainError
from awasi.screening.choices import RegistryCategory
from awasi.screening.crypto import encrypt_nik, mask_nik
from awasi.screening.linkage.nik import parse_nik
from awasi.screening.linkage.tables import (
    CANDIDATE_COLUMNS,
    REGISTRY_COLUMNS,
    RowError,
    TableError,
    read_rows,
    validate,
)
from awasi.screening.models import Candidate, CandidateList, Registry, RegistryPerson

MAX_ROWS = 2_000_000


def _person_fields(row: dict[str, str]) -> dict[str, Any]:
    nik = parse_nik(row["nik"]).digits if row["nik"] else ""
    return {
        "full_name": row["full_name"][:200],
        "birth_place": row["birth_place"][:120],
        "birth_date": dt.date.fromisoformat(row["birth_date"]) if row["birth_date"] else None,
        "sex": row["sex"],
        "nik_encrypted": encrypt_nik(nik),
        "nik_masked": mask_nik(nik),
        "region_code": row["region_code"][:16],
    }


#: Columns a UI import may carry beyond the CLI's: the candidate's number on the party's list.
OPTIONAL_CANDIDATE_COLUMNS = ("number",)


def _validated(
    data: bytes,
    filename: str,
    columns: tuple[str, ...],
    optional: tuple[str, ...] = (),
    required: tuple[str, ...] = (),
) -> list[dict[str, str]]:
    try:
        frame = validate(read_rows(filename, data), columns, optional, required=required)
    except (UnicodeDecodeError, ValueError, KeyError) as exc:
        raise DomainError(
            _("The file cannot be read: %(e)s") % {"e": exc}, code="unreadable_file"
        ) from exc
    except TableError as exc:
        raise DomainError(
            _("The file has %(n)d problem(s); nothing was imported.") % {"n": len(exc.errors)},
            code="invalid_file",
            details=[str(e) for e in exc.errors],
        ) from exc
    if frame.height > MAX_ROWS:
        raise DomainError(_("Too many rows."), code="too_many_rows")
    return frame.to_dicts()


def _check_categories(rows: list[dict[str, str]]) -> None:
    bad = [
        RowError(i, "category", "unknown category", r["category"])
        for i, r in enumerate(rows, start=2)
        if r["category"] not in RegistryCategory.values
    ]
    if bad:
        raise DomainError(
            _("The file has %(n)d problem(s); nothing was imported.") % {"n": len(bad)},
            code="invalid_file",
            details=[str(e) for e in bad],
        )


@transaction.atomic
def import_candidates(
    *,
    actor: Any,
    election: Any,
    region: Any,
    level: str,
    stage: str,
    name: str,
    filename: str,
    data: bytes,
    is_synthetic: bool = False,
) -> CandidateList:
    """Create a candidate list from a file (CANDIDATES.csv columns) or refuse it whole."""
    if not (is_bawaslu(actor) and can_see_region(actor, region.code)):
        raise DomainError(_("You may not import lists for this area."), code="forbidden")
    rows = _validated(data, filename, CANDIDATE_COLUMNS, OPTIONAL_CANDIDATE_COLUMNS)
    clist = CandidateList.objects.create(
        election=election,
        region=region,
        level=level,
        stage=stage,
        name=name,
        imported_by=actor,
        is_synthetic=is_synthetic,
    )
    Candidate.objects.bulk_create(
        [
            Candidate(
                candidate_list=clist,
                external_id=r["candidate_id"],
                party=r["party"][:64],
                dapil=r["dapil"][:64],
                number=int(r["number"]) if r.get("number") else None,
                **_person_fields(r),
            )
            for r in rows
        ],
        batch_size=2000,
    )
    record(
        actor=actor,
        action="screening.import_candidates",
        target=clist,
        data={"rows": len(rows), "file": filename},
    )
    return clist


@transaction.atomic
def import_registry(
    *, actor: Any, name: str, filename: str, data: bytes, is_synthetic: bool = False
) -> Registry:
    """Create a registry from a file (REGISTRY.csv columns) or refuse it whole."""
    if not is_bawaslu(actor):
        raise DomainError(_("You may not import registries."), code="forbidden")
    rows = _validated(data, filename, REGISTRY_COLUMNS, required=("category",))
    _check_categories(rows)
    registry = Registry.objects.create(name=name, imported_by=actor, is_synthetic=is_synthetic)
    RegistryPerson.objects.bulk_create(
        [
            RegistryPerson(
                registry=registry,
                external_id=r["person_id"],
                category=r["category"],
                employer=r["employer"][:200],
                **_person_fields(r),
            )
            for r in rows
        ],
        batch_size=2000,
    )
    record(
        actor=actor,
        action="screening.import_registry",
        target=registry,
        data={"rows": len(rows), "file": filename},
    )
    return registry
