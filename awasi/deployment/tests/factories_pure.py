"""Small builders for planner inputs used by the pure tests (no Django)."""

from __future__ import annotations

from awasi.deployment.inputs import TpsRecord, UnitRecord, build
from awasi.deployment.patterns import Pattern, PatternSet

BELITUNG_STYLE = PatternSet(
    default={
        "kurang_rawan": Pattern(1, 3, 2),
        "rawan": Pattern(1, 2, 2),
        "sangat_rawan": Pattern(1, 1, 2),
        "khusus": Pattern(2, 1, 2),
    },
    label="test",
)


def tps(code, village, category, unit, island=None, lat=None, lon=None):  # type: ignore[no-untyped-def]
    """A TPS record with short positional arguments."""
    return TpsRecord(
        code=code,
        village_code=village,
        category=category,
        unit_code=unit,
        island=island,
        latitude=lat,
        longitude=lon,
    )


def unit(code, kind="polres", parent=None, available=0, island=None, lat=None, lon=None):  # type: ignore[no-untyped-def]
    """A unit record with short arguments."""
    return UnitRecord(
        code=code,
        kind=kind,
        parent_code=parent,
        available=available,
        island=island,
        latitude=lat,
        longitude=lon,
    )


def many(prefix, village, category, unit_code, n, **kw):  # type: ignore[no-untyped-def]
    """``n`` TPS in one village."""
    return [tps(f"{prefix}{i:03d}", village, category, unit_code, **kw) for i in range(n)]


__all__ = ["BELITUNG_STYLE", "build", "many", "tps", "unit"]
