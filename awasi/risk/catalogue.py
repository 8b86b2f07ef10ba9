"""Indicator catalogues as data: dimension › sub-dimension › indicator, or variable › indicator.

Pure module (no Django). A catalogue is loaded from a JSON file in ``awasi/risk/data/`` and
validated here; :mod:`awasi.risk.scoring` compiles it into arrays. Structure sources: Bawaslu's IKP
2024 and the Pemilu 2024 / Pilkada 2024 TPS mappings as summarised in
``shared/domain/legal-notes.md`` §7 (secondary). Weights and TPS category thresholds are not
published by Bawaslu: they are configurable defaults flagged ``weights_are_official = false`` /
``is_official = false``, and the UI labels them "bukan dari Bawaslu".
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

DATA_DIR = Path(__file__).parent / "data"

#: Police TPS security categories, least to most demanding (legal-notes §8: Mabes Polri's three
#: categories
#: plus *TPS khusus* used by some Poldas). Their order is the order of "at least" floor rules.
TPS_CATEGORIES = ("kurang_rawan", "rawan", "sangat_rawan", "khusus")
#: IKP categories (*rawan rendah / sedang / tinggi*), legal-notes §7.1.
IKP_CATEGORIES = ("rendah", "sedang", "tinggi")

SCALE_KINDS = ("binary", "count", "percent")
PROVENANCES = ("listed", "reconstructed", "generic", "awasi")
MISSING_POLICIES = ("unknown", "absent")


class CatalogueError(ValueError):
    """A catalogue file that breaks the structure rules (unknown group, bad scale, unsorted
    bands...)."""


@dataclass(frozen=True)
class Group:
    """A dimension, sub-dimension or variable; ``parent`` is "" for top-level groups."""

    code: str
    name: str
    name_en: str
    parent: str = ""
    weight: float = 1.0


@dataclass(frozen=True)
class Indicator:
    """One indicator: how it is measured (scale), its weight and where its definition comes from.

    ``provenance``: "awasi" (Awasi's own derived extra, not Bawaslu's), "listed" (named by a cited
    source), "reconstructed" (inferred from one, e.g.
    carried over from
    the previous election's set) or "generic" (no source names it). ``floor_category``: when the
    indicator is
    present the TPS is at least this category (a configurable rule, not Bawaslu's).
    """

    code: str
    name: str
    name_en: str
    group: str
    scale: str = "binary"
    scale_max: float = 1.0
    weight: float = 1.0
    description: str = ""
    source: str = ""
    provenance: str = "listed"
    derived_from: str = ""
    floor_category: str = ""
    reference_count: int | None = None


@dataclass(frozen=True)
class Band:
    """A category applies from ``lower`` (inclusive, after rounding) up to the next band's
    ``lower``."""

    category: str
    lower: float


@dataclass(frozen=True)
class Thresholds:
    """Category bands for one level (``tps``, ``province``, ``regency``), ascending by ``lower``."""

    level: str
    bands: tuple[Band, ...]
    source: str = ""
    is_official: bool = False

    def lowers(self) -> list[float]:
        return [band.lower for band in self.bands]


@dataclass(frozen=True)
class FrequencyBand:
    """Class of the "most frequent indicators" chart: share of mapped TPS at or above
    ``min_share``."""

    label: str
    min_share: float


@dataclass(frozen=True)
class Catalogue:
    """A validated indicator catalogue for one election (or the IKP)."""

    slug: str
    kind: str
    name: str
    source: str
    categories: tuple[str, ...]
    groups: tuple[Group, ...]
    indicators: tuple[Indicator, ...]
    thresholds: dict[str, Thresholds]
    weights_are_official: bool = False
    missing: str = "unknown"
    min_coverage: float = 0.5
    decimals: int = 2
    frequency_bands: tuple[FrequencyBand, ...] = ()
    notes: tuple[str, ...] = field(default_factory=tuple)

    @property
    def top_groups(self) -> tuple[Group, ...]:
        return tuple(g for g in self.groups if not g.parent)

    @property
    def published_indicators(self) -> tuple[Indicator, ...]:
        """Indicators of the Bawaslu structure (without Awasi's own derived extras)."""
        return tuple(i for i in self.indicators if i.provenance != "awasi")

    def indicator_codes(self) -> list[str]:
        return [i.code for i in self.indicators]

    def category_rank(self, category: str) -> int:
        return self.categories.index(category)

    def group_path(self, group_code: str) -> list[str]:
        """Codes from the top-level group down to ``group_code``."""
        by_code = {g.code: g for g in self.groups}
        path = [group_code]
        while by_code[path[0]].parent:
            path.insert(0, by_code[path[0]].parent)
        return path


def load(slug: str, directory: Path = DATA_DIR) -> Catalogue:
    """Load and validate ``<directory>/<slug>.json``."""
    return from_dict(json.loads((directory / f"{slug}.json").read_text(encoding="utf-8")))


def available(directory: Path = DATA_DIR) -> list[str]:
    """Slugs of the catalogue files shipped with Awasi."""
    return sorted(p.stem for p in directory.glob("*.json"))


def from_dict(raw: dict[str, Any]) -> Catalogue:
    """Build a :class:`Catalogue` from parsed JSON and check its structure."""
    catalogue = Catalogue(
        slug=raw["slug"],
        kind=raw["kind"],
        name=raw["name"],
        source=raw.get("source", ""),
        categories=tuple(raw["categories"]),
        groups=tuple(Group(**g) for g in raw["groups"]),
        indicators=tuple(Indicator(**i) for i in raw["indicators"]),
        thresholds={
            level: Thresholds(
                level=level,
                bands=tuple(Band(**b) for b in spec["bands"]),
                source=spec.get("source", ""),
                is_official=spec.get("is_official", False),
            )
            for level, spec in raw["thresholds"].items()
        },
        weights_are_official=raw.get("weights_are_official", False),
        missing=raw.get("missing", "unknown"),
        min_coverage=float(raw.get("min_coverage", 0.5)),
        decimals=int(raw.get("decimals", 2)),
        frequency_bands=tuple(FrequencyBand(**b) for b in raw.get("frequency_bands", ())),
        notes=tuple(raw.get("notes", ())),
    )
    validate(catalogue)
    return catalogue


def to_dict(catalogue: Catalogue) -> dict[str, Any]:
    """The JSON-ready form of a catalogue (inverse of :func:`from_dict`)."""
    from dataclasses import asdict

    raw = asdict(catalogue)
    raw["thresholds"] = {
        level: {
            "bands": [asdict(b) for b in t.bands],
            "source": t.source,
            "is_official": t.is_official,
        }
        for level, t in catalogue.thresholds.items()
    }
    result: dict[str, Any] = json.loads(json.dumps(raw))
    return result


def validate(catalogue: Catalogue) -> None:
    """Raise :class:`CatalogueError` unless the tree, scales, weights and bands are consistent."""
    _check_unique([g.code for g in catalogue.groups], "group")
    _check_unique([i.code for i in catalogue.indicators], "indicator")
    groups = {g.code: g for g in catalogue.groups}
    for group in catalogue.groups:
        if group.parent and group.parent not in groups:
            raise CatalogueError(f"group {group.code}: unknown parent {group.parent}")
        if group.weight < 0:
            raise CatalogueError(f"group {group.code}: negative weight")
    parents = {g.parent for g in catalogue.groups}
    leaves = {g.code for g in catalogue.groups if g.code not in parents}
    depths = {len(catalogue.group_path(code)) for code in leaves}
    if len(depths) > 1:
        raise CatalogueError("all leaf groups must be at the same depth")
    for indicator in catalogue.indicators:
        _validate_indicator(catalogue, indicator, leaves)
    if catalogue.missing not in MISSING_POLICIES:
        raise CatalogueError(f"missing policy must be one of {MISSING_POLICIES}")
    for thresholds in catalogue.thresholds.values():
        _validate_bands(catalogue, thresholds)


def _validate_indicator(catalogue: Catalogue, indicator: Indicator, leaves: set[str]) -> None:
    code = indicator.code
    if indicator.group not in leaves:
        raise CatalogueError(f"indicator {code}: group {indicator.group} is not a leaf group")
    if indicator.scale not in SCALE_KINDS or indicator.scale_max <= 0:
        raise CatalogueError(f"indicator {code}: bad scale {indicator.scale}/{indicator.scale_max}")
    if indicator.weight < 0:
        raise CatalogueError(f"indicator {code}: negative weight")
    if indicator.provenance not in PROVENANCES:
        raise CatalogueError(f"indicator {code}: provenance must be one of {PROVENANCES}")
    if indicator.floor_category and indicator.floor_category not in catalogue.categories:
        raise CatalogueError(f"indicator {code}: unknown floor category {indicator.floor_category}")


def _validate_bands(catalogue: Catalogue, thresholds: Thresholds) -> None:
    lowers = thresholds.lowers()
    if not lowers or lowers != sorted(lowers) or len(set(lowers)) != len(lowers):
        raise CatalogueError(f"thresholds {thresholds.level}: bands must ascend strictly")
    for band in thresholds.bands:
        if band.category not in catalogue.categories:
            raise CatalogueError(f"thresholds {thresholds.level}: unknown category {band.category}")


def _check_unique(codes: list[str], what: str) -> None:
    if len(codes) != len(set(codes)):
        raise CatalogueError(f"duplicate {what} codes")
