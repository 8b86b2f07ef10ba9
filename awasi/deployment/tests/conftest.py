"""Fixtures for the deployment tests: synthetic Babel TPS, a pattern set, personnel, a plan."""

from __future__ import annotations

from typing import Any

import pytest

from awasi.deployment import presets
from awasi.deployment.services import create_plan, install_preset, set_personnel
from awasi.regions.demo_tps import generate_babel_tps


@pytest.fixture
def babel_tps(babel: dict) -> dict:
    """The 4,116 synthetic Pemilu 2024 TPS of Babel."""
    generate_babel_tps(babel["pemilu"])
    return babel


@pytest.fixture
def profile(babel: dict) -> Any:
    """Polda Babel's reading with Polres Belitung's override, as the election's default."""
    return install_preset(
        actor=None,
        election=babel["pemilu"],
        preset=presets.POLDA_BABEL_2024,
        overrides={"POLRES-19.02": presets.POLRES_BELITUNG_2024},
        is_default=True,
    )


@pytest.fixture
def personnel(babel: dict) -> dict[str, int]:
    """Personnel as in the demo (reported where known)."""
    counts = {
        "POLRES-19.01": 358,
        "POLRES-19.02": 195,
        "POLRESTA-19.71": 368,
        "POLRES-19.03": 270,
        "POLRES-19.04": 200,
        "POLRES-19.05": 280,
        "POLRES-19.06": 150,
        "POLDA-19": 300,
    }
    set_personnel(actor=None, election=babel["pemilu"], counts=counts)
    return counts


@pytest.fixture
def province_plan(babel_tps: dict, profile: Any, personnel: dict) -> Any:
    """A saved plan for the whole province."""
    return create_plan(actor=None, election=babel_tps["pemilu"], region_code="19")


@pytest.fixture
def bangka_plan(babel_tps: dict, profile: Any, personnel: dict) -> Any:
    """A saved plan for Kabupaten Bangka only."""
    return create_plan(actor=None, election=babel_tps["pemilu"], region_code="19.01")
