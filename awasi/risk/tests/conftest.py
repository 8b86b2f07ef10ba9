"""Small TPS sets for the risk tests (the full synthetic 4,116 only where a test needs it)."""

from __future__ import annotations

from typing import Any

import pytest

from awasi.regions.choices import RegionLevel, SpecialLocation
from awasi.regions.models import PollingStation, Region


def make_tps(election: Any, village: Region, number: int, **extra: Any) -> PollingStation:
    return PollingStation.objects.create(
        election=election,
        village=village,
        number=number,
        code=PollingStation.make_code(village.code, number),
        latitude=-2.1 + number / 1000,
        longitude=106.1,
        voter_count=250,
        is_synthetic=True,
        **extra,
    )


@pytest.fixture
def stations(babel: dict) -> dict[str, PollingStation]:
    """Three TPS in Kab. Bangka (one in a prison), two in Kab. Belitung, one in Pangkalpinang."""
    election = babel["pemilu"]
    villages = Region.objects.filter(level=RegionLevel.VILLAGE)
    bangka = villages.filter(code__startswith="19.01.01.").first()
    belitung = villages.filter(code__startswith="19.02.01.").first()
    city = villages.filter(code__startswith="19.71.").first()
    return {
        "bangka1": make_tps(election, bangka, 1),
        "bangka2": make_tps(election, bangka, 2),
        "bangka_prison": make_tps(election, bangka, 3, special_location=SpecialLocation.PRISON),
        "belitung1": make_tps(election, belitung, 1),
        "belitung2": make_tps(election, belitung, 2, special_location=SpecialLocation.REMOTE),
        "city1": make_tps(election, city, 1),
    }
