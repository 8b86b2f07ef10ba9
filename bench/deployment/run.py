"""Deployment planner benchmark: Babel-sized and synthetic national plans (issue 6).

Usage: ``.venv/bin/python -m bench.deployment.run [--sizes babel,national] [--repeat 3]``.
Targets: Babel-sized (4,116 TPS) under 2 s, national (~820,000 TPS, ~500 Polres) under 60 s on the
2-core machine. Each size also times a reference in the same run — one ``np.lexsort`` of the TPS
keys, the single unavoidable sort — so the ratio column can be compared across machines.
"""

from __future__ import annotations

import argparse
import json
import platform
import sys
import time

import numpy as np

from awasi.deployment.planner import PlanOptions, plan

from .synthetic import BABEL, NATIONAL, PATTERNS, instance

SIZES = {"babel": (BABEL, 2.0), "national": (NATIONAL, 60.0)}


def _reference(tps) -> float:  # type: ignore[no-untyped-def]
    start = time.perf_counter()
    np.lexsort((tps.village, tps.category, tps.unit))
    return time.perf_counter() - start


def measure(name: str, repeat: int) -> dict[str, object]:
    """Time ``plan`` on one size ``repeat`` times (best and median), with progress on stderr."""
    size, target = SIZES[name]
    print(f"[{name}] building {size.tps:,} TPS ...", file=sys.stderr, flush=True)
    tps, units = instance(size)
    times, ref = [], []
    for i in range(repeat):
        ref.append(_reference(tps))
        start = time.perf_counter()
        result = plan(tps, units, PATTERNS, PlanOptions())
        times.append(time.perf_counter() - start)
        print(f"[{name}] run {i + 1}/{repeat}: {times[-1]:.2f} s", file=sys.stderr, flush=True)
    best = min(times)
    return {
        "size": name,
        "tps": size.tps,
        "polres": size.polres,
        "units": len(units),
        "groups": len(result.groups),
        "required": result.required,
        "lower_bound": result.lower_bound,
        "shortfall": result.shortfall,
        "reinforcements": result.reinforcements,
        "flows": len(result.flows),
        "best_s": round(best, 3),
        "median_s": round(float(np.median(times)), 3),
        "reference_s": round(min(ref), 4),
        "ratio": round(best / min(ref), 1),
        "target_s": target,
        "met": best < target,
    }


def main(argv: list[str] | None = None) -> int:
    """Run the selected sizes and print one JSON line each."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", default="babel,national")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args(argv)
    print(
        f"# {platform.processor() or platform.machine()}, python {platform.python_version()}",
        file=sys.stderr,
    )
    ok = True
    for name in args.sizes.split(","):
        row = measure(name, args.repeat)
        ok &= bool(row["met"])
        print(json.dumps(row), flush=True)
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
