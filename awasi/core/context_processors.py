"""Context every page needs: navigation, languages, the region picker."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest

from awasi.core.nav import nav_items


def shell(request: HttpRequest) -> dict[str, Any]:
    """Navigation items and the picked region for the page shell."""
    if not request.user.is_authenticated:
        return {"nav": [], "picked_region": None}
    from awasi.regions.models import Region

    code = getattr(request, "region_code", None)
    picked = Region.objects.filter(code=code).first() if code else None
    return {
        "nav": nav_items(),
        "picked_region": picked,
        "region_options": _region_options(request.user),
    }


def _region_options(user: Any) -> list[tuple[str, str]]:
    """The user's area and the two levels under it, for the region picker."""
    from awasi.regions.models import Region

    root = getattr(user, "region_code", None)
    depth = root.count(".") + 1 if root else 0
    levels = ["province", "regency", "district", "village"][depth : depth + 2]
    rows = Region.objects.subtree(root).filter(level__in=levels).values_list("code", "name")
    return [(code, f"{'— ' * (code.count('.') - depth + 1)}{name}") for code, name in rows]
