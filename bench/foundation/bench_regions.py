"""Benchmark: load all Indonesian regions (38/514/7,285/83,762 + 17,373 islands) into a fresh DB.

Reference in the same run: a raw executemany of the same rows into a bare table over the same
connection, so the ratio shows what the ORM loader costs over the database's own insert speed.

Run: .venv/bin/python bench/foundation/bench_regions.py [--database-url postgres://...]
"""

from __future__ import annotations

import argparse
import csv
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--database-url", default="")
    args = parser.parse_args()
    tmp = tempfile.mkdtemp(prefix="awasi-bench-")
    os.environ["DATABASE_URL"] = args.database_url or f"sqlite:///{tmp}/bench.sqlite3"
    os.environ["DJANGO_SETTINGS_MODULE"] = "config.settings.base"
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection, transaction

    from awasi.regions.loading import load_regions
    from awasi.regions.models import Island, Region

    print(f"database: {connection.vendor}", file=sys.stderr)
    if connection.vendor == "postgresql":
        call_command("flush", "--no-input", verbosity=0)
    call_command("migrate", verbosity=0)
    Island.objects.all().delete()
    Region.objects.all().delete()
    started = time.perf_counter()
    load_regions(progress=lambda m: print("  " + m, file=sys.stderr))
    first = time.perf_counter() - started
    started = time.perf_counter()
    load_regions()
    again = time.perf_counter() - started
    counts = {
        lvl: Region.objects.filter(level=lvl).count()
        for lvl in ("province", "regency", "district", "village")
    }
    rows = []
    data = ROOT / "awasi" / "regions" / "data" / "wilayah"
    for name in ("provinces", "regencies", "districts", "villages"):
        with (data / f"{name}.csv").open(encoding="utf-8") as handle:
            rows += [(r["code"], r["name"]) for r in csv.DictReader(handle)]
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("CREATE TABLE bench_raw (code varchar(16) primary key, name varchar(120))")
        started = time.perf_counter()
        cursor.executemany("INSERT INTO bench_raw (code, name) VALUES (%s, %s)", rows)
        raw = time.perf_counter() - started
        cursor.execute("DROP TABLE bench_raw")
    print(
        f"| {connection.vendor} | {counts['province']}/{counts['regency']}/{counts['district']}/"
        f"{counts['village']} + {Island.objects.count()} islands | {first:.1f} s | {again:.1f} s "
        f"| {raw:.2f} s | {first / raw:.1f}× |"
    )


if __name__ == "__main__":
    main()
