"""The one scoping rule every app uses: an officer sees their area's subtree; agencies see what
is shared with them.

Querysets implement `visible_to(user)` with these helpers; single objects go through
`access_<entity>(user, pk, *, for_change=False)`, which answers 404 for missing and forbidden alike.
"""

from __future__ import annotations

from typing import Any

from django.db.models import Q

from awasi.accounts.choices import Agency
from awasi.regions.codes import in_subtree, subtree_q

NOTHING = Q(pk__in=[])


def has_national_scope(user: Any) -> bool:
    """Superusers and members of a national organisation see every region."""
    if not getattr(user, "is_authenticated", False):
        return False
    return user.is_superuser or (user.has_role and user.region_code is None)


def scope_roots(user: Any) -> list[str]:
    """The region codes whose subtrees make up the user's area (cached on the user object).

    Usually the organisation's region; for a police organisation also the jurisdiction of its
    unit and of the units under it, which need not follow the regency map (Polresta
    Pangkalpinang covers Kec. Pangkalan Baru of Bangka Tengah).
    """
    cached = getattr(user, "_awasi_scope_roots", None)
    if cached is not None:
        return cached
    roots = [user.region_code] if user.region_code else []
    unit_id = user.organisation.police_unit_id if user.organisation_id else None
    if unit_id is not None:
        from awasi.regions.models import PoliceJurisdiction

        units = PoliceJurisdiction.objects.filter(Q(unit_id=unit_id) | Q(unit__parent_id=unit_id))
        roots += [code for code in units.values_list("region_id", flat=True) if code not in roots]
    user._awasi_scope_roots = roots
    return roots


def region_q(user: Any, field_path: str) -> Q:
    """Q for rows whose region code (at `field_path`) lies in the user's area; nothing if none."""
    if has_national_scope(user):
        return Q()
    if not getattr(user, "is_authenticated", False) or not user.has_role:
        return NOTHING
    query = NOTHING
    for root in scope_roots(user):
        query |= subtree_q(field_path, root)
    return query


def can_see_region(user: Any, code: str) -> bool:
    """Whether `code` lies in the user's area."""
    if has_national_scope(user):
        return True
    if not getattr(user, "is_authenticated", False) or not user.has_role:
        return False
    return any(in_subtree(code, root) for root in scope_roots(user))


def is_agency(user: Any, agency: str) -> bool:
    """Whether the user belongs to an organisation of `agency` (superusers count as Bawaslu)."""
    if not getattr(user, "is_authenticated", False):
        return False
    if user.is_superuser:
        return agency == Agency.BAWASLU
    return user.has_role and user.agency == agency


def is_bawaslu(user: Any) -> bool:
    """Bawaslu at any level (or a superuser)."""
    return is_agency(user, Agency.BAWASLU)
