"""Security patterns for polling stations (*pola pengamanan TPS*) as explicit data.

A pattern says, per TPS category, how many police officers guard one group, how many TPS one group
holds, and how many civil-defence guards (*linmas*) stand at each TPS. Published patterns are
written as strings such as "2-4-6" whose order differs between sources (Polri : TPS : Linmas, or TPS
: Polri), so Awasi never parses such a string without being told the order: see :func:`parse_ratio`.

Sources of the presets (all secondary, UNVERIFIED as official formulas; legal-notes.md §8): they are
demo data loaded into the database, where each election and each Polres can change them. No module
here imports Django.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

import numpy as np

#: TPS security categories in array-index order (the risk app's codes).
CATEGORIES: tuple[str, ...] = ("kurang_rawan", "rawan", "sangat_rawan", "khusus")
KURANG_RAWAN, RAWAN, SANGAT_RAWAN, KHUSUS = range(4)
CATEGORY_INDEX: dict[str, int] = {name: i for i, name in enumerate(CATEGORIES)}

#: Order in which a short unit covers groups: the issue asks for *sangat rawan* and *rawan* first;
#: special TPS (prisons, hospitals) are placed with *sangat rawan*, as Polres Belitung guarded its
#: Lapas TPS one officer per TPS (Antara Babel, Pemilu 2024; legal-notes.md §8). Configurable.
DEFAULT_PRIORITY: tuple[int, ...] = (SANGAT_RAWAN, KHUSUS, RAWAN, KURANG_RAWAN)

RATIO_FIELDS = ("police", "tps", "linmas")


@dataclass(frozen=True)
class Pattern:
    """Officers per guard group, TPS per guard group and linmas per TPS for one category."""

    police_per_group: int
    tps_per_group: int
    linmas_per_tps: int

    def __post_init__(self) -> None:
        if self.police_per_group < 1:
            raise ValueError("police_per_group must be at least 1")
        if self.tps_per_group < 1:
            raise ValueError("tps_per_group must be at least 1")
        if self.linmas_per_tps < 0:
            raise ValueError("linmas_per_tps must not be negative")


@dataclass(frozen=True)
class PatternSet:
    """A pattern for every category plus per-unit overrides (unit code → category → pattern).

    An override on a Polres applies to its Polsek too unless the Polsek has its own.
    """

    default: Mapping[str, Pattern]
    overrides: Mapping[str, Mapping[str, Pattern]] = field(default_factory=dict)
    label: str = ""
    source: str = ""

    def __post_init__(self) -> None:
        missing = [c for c in CATEGORIES if c not in self.default]
        if missing:
            raise ValueError(f"pattern missing for categories: {', '.join(missing)}")
        for unit, patterns in self.overrides.items():
            unknown = [c for c in patterns if c not in CATEGORY_INDEX]
            if unknown:
                raise ValueError(f"unknown categories in override for {unit}: {unknown}")

    def matrix(self, unit_codes: list[str], parent: np.ndarray) -> np.ndarray:
        """Return an int64 array (units, 4 categories, 3 fields: police, tps, linmas)."""
        base = np.array([_row(self.default[c]) for c in CATEGORIES], dtype=np.int64)
        out = np.broadcast_to(base, (len(unit_codes), len(CATEGORIES), 3)).copy()
        for u in range(len(unit_codes)):
            for code in reversed(_lineage(u, unit_codes, parent)):
                for category, pattern in self.overrides.get(code, {}).items():
                    out[u, CATEGORY_INDEX[category]] = _row(pattern)
        return out


def _row(p: Pattern) -> tuple[int, int, int]:
    return (p.police_per_group, p.tps_per_group, p.linmas_per_tps)


def _lineage(u: int, codes: list[str], parent: np.ndarray) -> list[str]:
    """Codes from the unit up to the root (the unit first)."""
    chain: list[str] = []
    while u >= 0 and len(chain) <= len(codes):
        chain.append(codes[u])
        u = int(parent[u])
    return chain


def parse_ratio(text: str, order: Iterable[str]) -> tuple[int, ...]:
    """Parse a ratio string like "2-4-6" or "2 : 4 : 6" in the stated field order.

    ``order`` names each position with one of ``police``, ``tps``, ``linmas``; the result is always
    (police, tps, linmas), with linmas 0 when the string does not carry it.
    """
    names = list(order)
    unknown = [n for n in names if n not in RATIO_FIELDS]
    if unknown or len(set(names)) != len(names):
        raise ValueError(f"order must name distinct fields of {RATIO_FIELDS}, got {names}")
    parts = [p.strip() for p in text.replace(":", "-").replace("/", "-").split("-") if p.strip()]
    if len(parts) != len(names):
        raise ValueError(f"{text!r} has {len(parts)} numbers, order names {len(names)}")
    values = dict(zip(names, (int(p) for p in parts), strict=True))
    return (values["police"], values["tps"], values.get("linmas", 0))


def pattern_set_from_ratios(
    ratios: Mapping[str, str], order: Iterable[str], *, label: str = "", source: str = ""
) -> PatternSet:
    """Build a :class:`PatternSet` from one ratio string per category in a stated order."""
    order = list(order)
    default = {cat: Pattern(*parse_ratio(text, order)) for cat, text in ratios.items()}
    return PatternSet(default=default, label=label, source=source)
