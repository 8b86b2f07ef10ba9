"""Fixtures for Gakkumdu tests: Babel units, a Bawaslu case, helpers to open and move a file."""

from __future__ import annotations

from datetime import date, datetime
from itertools import count
from typing import Any
from zoneinfo import ZoneInfo

import pytest
import time_machine

from awasi.accounts.choices import Role
from awasi.core.testing import make_user
from awasi.gakkumdu import services
from awasi.gakkumdu.seed import seed_units

WIB = ZoneInfo("Asia/Jakarta")
_numbers = count(1)


def wib(*parts: int) -> datetime:
    return datetime(*parts, tzinfo=WIB)


@pytest.fixture
def units(babel: dict) -> dict[str, Any]:
    return {u.code: u for u in seed_units()}


@pytest.fixture
def prosecutor_bangka(babel: dict) -> Any:
    return make_user("jaksa-bangka", "kejari-bangka", Role.PROSECUTOR)


def make_case(election: Any, region_code: str, *, received_at: datetime | None = None) -> Any:
    """A Bawaslu case suspected to be an election crime (created directly: the intake rules are
    the case-handling app's concern, tested there)."""
    from awasi.cases.models import Case
    from awasi.cases.services.intake import handling_body_for
    from awasi.regions.models import Region

    n = next(_numbers)
    return Case.objects.create(
        tracking_code=f"GKD-T{n:05d}",
        origin="finding",
        channel="supervision",
        election=election,
        region=Region.objects.get(code=region_code),
        organisation=handling_body_for(region_code),
        title=f"Politik uang #{n}",
        description="Pembagian uang kepada pemilih",
        reported_party="Caleg X",
        place="Desa",
        occurred_on=date(2024, 2, 1),
        received_at=received_at or wib(2024, 2, 2, 9),
        number=f"001/Reg/TM/PL/Kab/19.01/II/2024-{n}",
    )


def open_file(
    unit: Any, actor: Any, *, election: Any, region_code: str, at: datetime, **kw: Any
) -> Any:
    from awasi.regions.models import Region

    with time_machine.travel(at, tick=False):
        return services.open_joint_file(
            unit=unit,
            election=election,
            region=Region.objects.get(code=region_code),
            title="Dugaan politik uang",
            actor=actor,
            case=make_case(election, region_code),
            opened_at=at,
            **kw,
        )


def step(file: Any, event: str, actor: Any, at: datetime, **kw: Any) -> Any:
    """Record ``event`` as if done at ``at`` (the clock stands there too: not backdated)."""
    file.refresh_from_db()
    with time_machine.travel(at, tick=False):
        services.record_step(
            file=file, event=event, actor=actor, occurred_at=at, expected_version=file.version, **kw
        )
    file.refresh_from_db()
    return file
