"""Navigation and home cards collected from the installed apps (each app declares its own)."""

from __future__ import annotations

import importlib
from typing import Any

from django.apps import apps
from django.urls import NoReverseMatch, reverse


def nav_items() -> list[dict[str, str]]:
    """One entry per app whose AppConfig declares `nav_label` and `nav_url_name`."""
    items = []
    for config in apps.get_app_configs():
        label = getattr(config, "nav_label", None)
        url_name = getattr(config, "nav_url_name", None)
        if not (label and url_name):
            continue
        try:
            url = reverse(url_name)
        except NoReverseMatch:
            continue
        items.append({"label": str(label), "url": url, "app": config.label})
    return items


def home_cards(user: Any) -> list[dict[str, Any]]:
    """Cards from each app's optional `home.cards(user)`."""
    cards: list[dict[str, Any]] = []
    for config in apps.get_app_configs():
        if not config.name.startswith("awasi."):
            continue
        try:
            module = importlib.import_module(f"{config.name}.home")
        except ModuleNotFoundError:
            continue
        cards.extend(module.cards(user))
    return cards
