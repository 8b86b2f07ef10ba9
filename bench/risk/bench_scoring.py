"""Benchmark: full TPS risk recompute, national (~820,000 TPS × 22 indicators) and Babel (4,116
TPS).

Runs the vectorised engine (score + categories + drivers + roll-ups to four levels) and, in the same
run and on the same rows, the straightforward per-row implementation (``scoring_reference`` plus a
dict-based roll-up). The per-row version is timed on Babel in full and on a random national sample
(``--reference-rows``, default 40,000) whose per-TPS time is scaled to the national count; the
ratio is reported either way. Synthetic data only.

    .venv/bin/python bench/risk/bench_scoring.py [--tps 820161] [--reference-rows 40000]
"""

from __future__ import annotations

import argparse
import json
import os
import time
from collections import defaultdict
from pathlib import Path

import numpy as np

from awasi.risk import catalogue, rollup, scoring, scoring_reference

OUT = Path(__file__).parent / "out"


def synthetic(n_tps: int, seed: int = 2024) -> tuple[np.ndarray, np.ndarray, list[str]]:
    """Indicator values shaped like the Pemilu 2024 national counts, ~10 TPS per village."""
    rng = np.random.default_rng(seed)
    tps = catalogue.load("tps-pemilu-2024")
    share = np.array([i.reference_count or 0 for i in tps.indicators]) / 820_161
    values = (rng.random((n_tps, len(share))) < share * 4).astype(float)
    values[rng.random(values.shape) < 0.01] = np.nan
    villages = _village_codes(max(1, n_tps // 10), rng)
    village_index = rng.integers(0, len(villages), n_tps)
    return values, village_index, villages


def _village_codes(n: int, rng: np.random.Generator) -> list[str]:
    codes = []
    for v in range(n):
        province = 11 + v % 38
        regency = 1 + (v // 38) % 14
        district = 1 + (v // (38 * 14)) % 15
        codes.append(f"{province}.{regency:02d}.{district:02d}.{2001 + v // (38 * 14 * 15)}")
    rng.shuffle(codes)
    return codes


def vectorised(values, village_index, villages, engine) -> dict:
    scores = scoring.score(values, engine, level="tps")
    levels = rollup.rollup(
        scores, village_index, villages, n_categories=len(engine.catalogue.categories)
    )
    return {"scores": scores, "levels": levels}


def per_row(values, village_index, villages, tps) -> dict:
    sums: dict[str, list[float]] = defaultdict(lambda: [0, 0, 0.0])
    for n in range(len(values)):
        total, _, category, _ = scoring_reference.score_row(list(values[n]), tps)
        code = villages[village_index[n]]
        for level in rollup.LEVELS:
            bucket = sums[f"{level}:{rollup.parent_code(code, level)}"]
            bucket[0] += 1
            if not np.isnan(total):
                bucket[1] += 1
                bucket[2] += total
    return sums


def timed(function, *args, repeat: int = 1) -> tuple[float, object, float]:
    """Best wall time, the result, and the CPU time of that best run (less sensitive to load)."""
    best, result, cpu = float("inf"), None, 0.0
    for _ in range(repeat):
        start, cpu_start = time.perf_counter(), time.process_time()
        result = function(*args)
        if time.perf_counter() - start < best:
            best, cpu = time.perf_counter() - start, time.process_time() - cpu_start
    return best, result, cpu


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tps", type=int, default=820_161)
    parser.add_argument("--reference-rows", type=int, default=40_000)
    args = parser.parse_args()
    tps = catalogue.load("tps-pemilu-2024")
    engine = scoring.compile_catalogue(tps)
    results = {}
    for name, n in (("babel", 4_116), ("national", args.tps)):
        print(f"[{name}] generating {n:,} TPS × {len(tps.indicators)} indicators…", flush=True)
        values, village_index, villages = synthetic(n)
        seconds, out, cpu = timed(vectorised, values, village_index, villages, engine, repeat=3)
        print(f"[{name}] vectorised full recompute: {seconds:.3f} s (CPU {cpu:.3f} s)", flush=True)
        sample = min(n, args.reference_rows)
        pick = (
            np.random.default_rng(1).choice(n, sample, replace=False) if sample < n else slice(None)
        )
        print(f"[{name}] per-row reference on {sample:,} rows…", flush=True)
        ref_seconds, _, ref_cpu = timed(per_row, values[pick], village_index[pick], villages, tps)
        ref_full = ref_seconds * n / sample
        _check_agreement(out["scores"], values, tps)
        results[name] = {
            "tps": n,
            "vectorised_s": round(seconds, 4),
            "vectorised_cpu_s": round(cpu, 4),
            "reference_cpu_s_measured": round(ref_cpu, 3),
            "load_average_1min": os.getloadavg()[0],
            "reference_rows": sample,
            "reference_s_measured": round(ref_seconds, 3),
            "reference_s_for_all_rows": round(ref_full, 2),
            "speedup": round(ref_full / seconds, 1),
        }
        print(
            f"[{name}] per-row {ref_seconds:.2f} s on {sample:,} → {ref_full:.1f} s for all; "
            f"ratio {ref_full / seconds:.0f}×",
            flush=True,
        )
    OUT.mkdir(exist_ok=True)
    (OUT / "scoring.json").write_text(json.dumps(results, indent=2))
    print(json.dumps(results, indent=2))


def _check_agreement(scores, values, tps) -> None:
    """The two implementations must give the same scores on a few rows, or the timing means
    nothing."""
    for n in range(0, len(values), max(1, len(values) // 50)):
        total, _, _, _ = scoring_reference.score_row(list(values[n]), tps)
        assert np.isnan(total) == np.isnan(scores.score[n])
        assert np.isnan(total) or abs(total - scores.score[n]) < 1e-9


if __name__ == "__main__":
    main()
