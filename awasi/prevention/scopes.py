"""Who sees and who changes prevention records — the app's permission rules in one place."""

from __future__ import annotations

from typing import Any

from django.db.models import Q

from awasi.accounts.choices import Agency, Role
from awasi.accounts.models import Organisation
from awasi.accounts.scoping import (
    NOTHING,
    can_see_region,
    has_national_scope,
    is_agency,
    is_bawaslu,
    region_q,
)

ACTING_ROLES = frozenset({Role.ADMIN, Role.COMMISSIONER, Role.OFFICER, Role.INVESTIGATOR})


def sees_everything(user: Any) -> bool:
    """Superusers and national organisations see all regions."""
    return has_national_scope(user)


def visible_region_q(user: Any, field_path: str) -> Q:
    """Rows whose region lies in the user's area."""
    return region_q(user, field_path)


def bawaslu_region_q(user: Any, field_path: str) -> Q:
    """Internal Bawaslu records: Bawaslu users of the region only (police, prosecutors: nothing)."""
    if not is_bawaslu(user):
        return NOTHING
    return region_q(user, field_path)


def org_ids(user: Any) -> frozenset[int]:
    """The user's organisation and every organisation under it (cached on the user object)."""
    cached = getattr(user, "_prevention_org_ids", None)
    if cached is not None:
        return cached
    result: set[int] = set()
    if getattr(user, "is_authenticated", False) and user.organisation_id:
        frontier = {user.organisation_id}
        while frontier:
            result |= frontier
            frontier = (
                set(
                    Organisation.objects.filter(parent_id__in=frontier).values_list("pk", flat=True)
                )
                - result
            )
    user._prevention_org_ids = frozenset(result)
    return user._prevention_org_ids


def can_act(user: Any) -> bool:
    """A signed-in member of an organisation whose role may change records (not a viewer)."""
    if not getattr(user, "is_authenticated", False):
        return False
    return user.is_superuser or (bool(user.organisation_id) and user.role in ACTING_ROLES)


def can_record_in(user: Any, region_code: str, *, agencies: tuple[str, ...]) -> bool:
    """Whether the user may record something in ``region_code`` as one of ``agencies``."""
    if not can_act(user) or not can_see_region(user, region_code):
        return False
    return user.is_superuser or any(is_agency(user, a) for a in agencies)


def can_change_commitment(user: Any, owner_id: int) -> bool:
    """Each agency edits only its own commitments: the owner organisation or one above it."""
    if not can_act(user):
        return False
    return user.is_superuser or owner_id in org_ids(user)


BAWASLU = (Agency.BAWASLU,)
BAWASLU_AND_POLICE = (Agency.BAWASLU, Agency.POLRI)
