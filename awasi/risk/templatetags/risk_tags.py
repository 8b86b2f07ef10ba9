"""Template helpers for the risk pages."""

from typing import Any

from django import template

from awasi.risk.choices import TpsCategory
from awasi.risk.reports import CATEGORY_BADGE

register = template.Library()


@register.filter
def get(mapping: Any, key: str) -> Any:
    """``mapping[key]`` (0 when missing) for JSON dicts in templates."""
    return (mapping or {}).get(key, 0)


@register.filter
def category_badge(category: str) -> str:
    return CATEGORY_BADGE.get(category, "")


@register.filter
def category_label(category: str) -> str:
    return TpsCategory(category).label if category in TpsCategory.values else "—"
