"""Which agency a user acts for on a joint file: each agency updates only its own part."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext as _

from awasi.accounts.choices import Agency, Role
from awasi.accounts.scoping import can_see_region, is_bawaslu
from awasi.core.errors import DomainError
from awasi.gakkumdu.chain import Party


def _forbidden() -> DomainError:
    error = DomainError(_("You may not record this on this file."), code="forbidden")
    error.status_code = 403
    return error


def _may_act(user: Any) -> bool:
    return bool(
        getattr(user, "is_authenticated", False) and user.has_role and user.role != Role.VIEWER
    )


def _is_member(user: Any, unit_id: int) -> bool:
    return user.gakkumdu_memberships.filter(unit_id=unit_id, is_active=True).exists()


def acting_party(user: Any, file: Any) -> Party:
    """The party ``user`` records steps for on ``file``, or a 'forbidden' DomainError.

    Bawaslu of the file's area; the file's police unit (by jurisdiction) or the unit's police;
    the file's prosecution office or the unit's. Viewers record nothing.
    """
    if not _may_act(user):
        raise _forbidden()
    if is_bawaslu(user) and (
        can_see_region(user, file.region_id) or can_see_region(user, file.unit.region_id)
    ):
        return Party.BAWASLU
    org = user.organisation_id
    if user.agency == Agency.POLRI and (
        org in (file.police_id, file.unit.police_id) or _is_member(user, file.unit_id)
    ):
        return Party.POLRI
    if user.agency == Agency.KEJAKSAAN and (
        org in (file.prosecutor_id, file.unit.prosecutor_id) or _is_member(user, file.unit_id)
    ):
        return Party.KEJAKSAAN
    raise _forbidden()


def check_bawaslu_of_file(user: Any, region_code: str, *, unit_region: str | None = None) -> None:
    """Raise 'forbidden' unless ``user`` is Bawaslu (not a viewer) over ``region_code``."""
    if not (_may_act(user) and is_bawaslu(user)):
        raise _forbidden()
    codes = [region_code] + ([unit_region] if unit_region else [])
    if not any(can_see_region(user, code) for code in codes):
        raise _forbidden()
