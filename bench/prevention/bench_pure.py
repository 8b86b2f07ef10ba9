"""Benchmark of the pure prevention modules: reminder selection and the stage summary.

Reference measured in the same run: a bare loop that touches every fact once (the floor any
aggregation must pay). Prints one JSON line per measurement; `--quick` for iteration.

    .venv/bin/python bench/prevention/bench_pure.py [--quick]
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from datetime import date, timedelta

from awasi.prevention.reminders import OpenItem, reminders_due
from awasi.prevention.summary import ActivityFact, CommitmentFact, summarise

REGENCIES = ["19.01", "19.02", "19.03", "19.04", "19.05", "19.06", "19.71"]


def _best(fn, repeat: int) -> float:  # type: ignore[no-untyped-def]
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--quick", action="store_true")
    args = parser.parse_args()
    n = 20_000 if args.quick else 200_000
    repeat = 3
    rng = random.Random(8)
    today = date(2024, 2, 10)
    items = [OpenItem(i, today + timedelta(days=rng.randint(-20, 20))) for i in range(n)]
    sent = frozenset((i, 7) for i in range(0, n, 3))
    codes = [f"{rng.choice(REGENCIES)}.{rng.randint(1, 9):02d}" for _ in range(n)]
    acts = [ActivityFact(rng.choice(["patrol", "socialisation"]), c, 10) for c in codes]
    comms = [CommitmentFact(c, "open", today, True) for c in codes]

    def reference() -> None:
        total = 0
        for a in acts:
            total += a.participants
        for c in comms:
            total += c.is_open

    ref = _best(reference, repeat)
    remind = _best(lambda: reminders_due(items, today=today, already_sent=sent), repeat)
    summ = _best(
        lambda: summarise(region_code="19", today=today, activities=acts, commitments=comms), repeat
    )
    progress = sys.stderr
    for name, secs in (("reminders_due", remind), ("summarise", summ)):
        print(
            json.dumps(
                {
                    "bench": name,
                    "n": n,
                    "seconds": round(secs, 4),
                    "per_second": round(n / secs),
                    "reference_seconds": round(ref, 4),
                    "ratio_to_reference": round(secs / ref, 2),
                }
            )
        )
        progress.flush()


if __name__ == "__main__":
    main()
