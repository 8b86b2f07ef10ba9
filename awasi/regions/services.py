"""Use cases that change the registry: importing a TPS list."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _

from awasi.accounts.choices import Agency, Role
from awasi.accounts.scoping import can_see_region, is_agency
from awasi.core.audit import record
from awasi.core.errors import DomainError
from awasi.elections.models import Election
from awasi.regions.choices import RegionLevel
from awasi.regions.models import PollingStation, Region
from awasi.regions.tps_import import RowError, parse_tps_file

EDIT_ROLES = {Role.ADMIN, Role.OFFICER, Role.COMMISSIONER}


@dataclass
class ImportReport:
    """Outcome of a TPS import: counts and every rejected line with its reason."""

    created: int = 0
    updated: int = 0
    errors: list[RowError] = field(default_factory=list)
    file_error: str = ""
    saved: bool = False


def can_edit_registry(user: Any) -> bool:
    """Bawaslu and KPU staff with an editing role may maintain the TPS registry of their area."""
    if getattr(user, "is_superuser", False):
        return True
    agency_ok = is_agency(user, Agency.BAWASLU) or is_agency(user, Agency.KPU)
    return agency_ok and user.role in EDIT_ROLES


def import_polling_stations(
    *, actor: Any, election: Election, content: bytes, filename: str, valid_rows_only: bool = False
) -> ImportReport:
    """Validate a TPS file; save every row, or none if any is bad (unless `valid_rows_only`)."""
    if not can_edit_registry(actor):
        raise DomainError(_("You may not change the polling-station registry."), code="forbidden")
    villages = set(Region.objects.filter(level=RegionLevel.VILLAGE).values_list("code", flat=True))

    def village_allowed(code: str) -> str | None:
        if code not in villages:
            return _("unknown village code %s") % code
        if not can_see_region(actor, code):
            return _("village %s is outside your area") % code
        return None

    parsed = parse_tps_file(
        content, filename, max_voters=election.max_voters_per_tps, village_allowed=village_allowed
    )
    report = ImportReport(errors=parsed.errors, file_error=parsed.file_error)
    if parsed.file_error or (parsed.errors and not valid_rows_only) or not parsed.rows:
        return report
    _write_rows(actor, election, parsed.rows, report)
    return report


@transaction.atomic
def _write_rows(actor: Any, election: Election, rows: list, report: ImportReport) -> None:
    existing = {
        (t.village_id, t.number): t
        for t in PollingStation.objects.filter(
            election=election, village_id__in={r.village_code for r in rows}
        )
    }
    new, changed = [], []
    for row in rows:
        values = {
            "address": row.address,
            "voter_count": row.voter_count,
            "latitude": row.latitude,
            "longitude": row.longitude,
            "special_location": row.special_location,
            "is_synthetic": False,
        }
        current = existing.get((row.village_code, row.number))
        if current is None:
            new.append(
                PollingStation(
                    election=election,
                    village_id=row.village_code,
                    number=row.number,
                    code=PollingStation.make_code(row.village_code, row.number),
                    **values,
                )
            )
        else:
            for key, value in values.items():
                setattr(current, key, value)
            changed.append(current)
    PollingStation.objects.bulk_create(new, batch_size=2000)
    PollingStation.objects.bulk_update(changed, list(values), batch_size=2000)
    report.created, report.updated, report.saved = len(new), len(changed), True
    record(
        actor=actor,
        action="regions.tps_imported",
        target=election,
        data={"created": report.created, "updated": report.updated, "rejected": len(report.errors)},
    )
