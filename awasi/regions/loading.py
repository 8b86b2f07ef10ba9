"""Idempotent loading of the shipped Kemendagri region and island data (ODbL, see README there)."""

from __future__ import annotations

import csv
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.db import transaction

from awasi.regions.choices import RegionLevel
from awasi.regions.models import Island, Region

FILES = [
    ("provinces.csv", RegionLevel.PROVINCE, None),
    ("regencies.csv", RegionLevel.REGENCY, "province_code"),
    ("districts.csv", RegionLevel.DISTRICT, "regency_code"),
    ("villages.csv", RegionLevel.VILLAGE, "district_code"),
]
_DMS = re.compile(r"(\d+)°(\d+)'([\d.]+)\"\s*([NSEW])")

Progress = Callable[[str], None]


@dataclass
class LoadResult:
    """Counts after a load: rows created and updated per level."""

    created: int = 0
    updated: int = 0
    islands: int = 0


def _rows(path: Path, prefix: str | None) -> Iterator[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            code = row["code"]
            if prefix is None or code == prefix or code.startswith(prefix + "."):
                yield row


def parse_coordinate(text: str) -> tuple[float | None, float | None]:
    """`03°19'03.44" N 097°07'41.73" E` → (3.3176, 97.1283)."""
    values: dict[str, float] = {}
    for deg, minute, sec, hemi in _DMS.findall(text or ""):
        value = int(deg) + int(minute) / 60 + float(sec) / 3600
        values["lat" if hemi in "NS" else "lon"] = -value if hemi in "SW" else value
    return values.get("lat"), values.get("lon")


@transaction.atomic
def load_regions(
    *, prefix: str | None = None, data_dir: Path | None = None, progress: Progress | None = None
) -> LoadResult:
    """Create or rename regions (and islands) from the CSVs; `prefix` limits to one subtree."""
    data_dir = data_dir or Path(settings.AWASI_WILAYAH_DIR)
    result = LoadResult()
    existing = dict(Region.objects.values_list("code", "name"))
    for filename, level, parent_field in FILES:
        new, changed = [], []
        for row in _rows(data_dir / filename, prefix):
            code, name = row["code"], row["name"].strip()
            if code not in existing:
                parent = row[parent_field] if parent_field else None
                new.append(Region(code=code, level=level, name=name, parent_id=parent))
            elif existing[code] != name:
                changed.append(Region(code=code, name=name))
        Region.objects.bulk_create(new, batch_size=5000)
        Region.objects.bulk_update(changed, ["name"], batch_size=2000)
        existing.update({r.code: r.name for r in new})
        result.created += len(new)
        result.updated += len(changed)
        if progress:
            progress(f"{filename}: {len(new)} created, {len(changed)} renamed")
    result.islands = _load_islands(data_dir, prefix, set(existing))
    if progress:
        progress(f"islands.csv: {result.islands} created")
    return result


def _load_islands(data_dir: Path, prefix: str | None, known: set[str]) -> int:
    have = set(Island.objects.values_list("code", flat=True))
    new = []
    for row in _rows(data_dir / "islands.csv", prefix):
        if row["code"] in have:
            continue
        lat, lon = parse_coordinate(row["coordinate"])
        regency = row["regency_code"] if row["regency_code"] in known else None
        new.append(
            Island(
                code=row["code"],
                regency_id=regency,
                name=row["name"].strip(),
                latitude=lat,
                longitude=lon,
                is_populated=row["is_populated"] == "1",
                is_outermost_small=row["is_outermost_small"] == "1",
            )
        )
    Island.objects.bulk_create(new, batch_size=5000)
    return len(new)
