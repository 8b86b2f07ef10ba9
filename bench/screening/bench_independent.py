"""Audit-style benchmark of the screening linker on INDEPENDENT synthetic data.

Generates a data set with ``gen_independent.py`` (written without reading the linker or its own
generator), or reuses a folder holding ``registry.csv``, ``candidates.csv`` and ``truth.csv``,
then runs the linker as an outside auditor would, through its real command line::

    .venv/bin/python -m awasi screen --candidates C --registry R --out MATCHES.csv

and scores MATCHES.csv against truth.csv. Prints one JSON line per system. ``--splink`` also
runs the Splink anchor (``run_splink`` from ``bench_linkage.py``) on the same files.
``--explain N`` prints N false negatives and every false positive with the rows involved and the
noise applied to them (``meta.csv`` from the generator).

Usage::

    python bench/screening/bench_independent.py --seed 1 [--hard] [--registry 200000]
        [--candidates 5000] [--links 1500] [--data DIR] [--splink] [--explain 15]
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

import polars as pl

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(HERE))

from bench_linkage import prf  # noqa: E402


def generate(args, data: Path) -> float:
    cmd = [
        sys.executable,
        str(HERE / "gen_independent.py"),
        str(data),
        "--seed",
        str(args.seed),
        "--registry",
        str(args.registry),
        "--candidates",
        str(args.candidates),
        "--links",
        str(args.links),
    ] + (["--hard"] if args.hard else [])
    start = time.perf_counter()
    subprocess.run(cmd, check=True, cwd=ROOT, stdout=subprocess.DEVNULL)
    return time.perf_counter() - start


def run_ours(data: Path) -> tuple[float, Path]:
    out = data / "MATCHES.csv"
    cmd = [
        str(ROOT / ".venv" / "bin" / "python"),
        "-m",
        "awasi",
        "screen",
        "--candidates",
        str(data / "candidates.csv"),
        "--registry",
        str(data / "registry.csv"),
        "--out",
        str(out),
    ]
    start = time.perf_counter()
    proc = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True)
    seconds = time.perf_counter() - start
    if proc.returncode != 0:
        sys.stderr.write(proc.stderr[-4000:])
        raise SystemExit(f"awasi screen failed with status {proc.returncode}")
    return seconds, out


def read(path: Path) -> pl.DataFrame:
    return pl.read_csv(path, infer_schema=False).with_columns(pl.all().fill_null(""))


def score_ours(data: Path, matches: Path, seconds: float, label: dict) -> dict:
    truth_df = read(data / "truth.csv")
    truth = set(zip(truth_df["candidate_id"], truth_df["person_id"], strict=True))
    m = read(matches)
    match = set(
        zip(
            *(m.filter(pl.col("decision") == "match")[c] for c in ("candidate_id", "person_id")),
            strict=True,
        )
    )
    flagged = set(zip(m["candidate_id"], m["person_id"], strict=True))
    review = flagged - match
    result = {
        "system": "awasi screen (CLI)",
        **label,
        "seconds": round(seconds, 1),
        "flagged_pairs": len(flagged),
        "match_pairs": len(match),
        "review_pairs": len(review),
    }
    result["match"] = prf(match, truth)
    result["match+review_recall"] = prf(flagged, truth)["recall"]
    result["FP_match"] = len(match - truth)
    result["FN_match"] = len(truth - match)
    result["FN_match+review"] = len(truth - flagged)
    result["review_true"] = len(review & truth)
    result["review_false"] = len(review - truth)
    return result


def run_splink_on(data: Path, label: dict) -> dict:
    from bench_linkage import run_splink

    from awasi.screening.linkage.tables import CANDIDATE_COLUMNS, REGISTRY_COLUMNS, read_table

    cands = read_table(data / "candidates.csv", CANDIDATE_COLUMNS)
    reg = read_table(data / "registry.csv", REGISTRY_COLUMNS)
    truth_df = read(data / "truth.csv")
    truth = set(zip(truth_df["candidate_id"], truth_df["person_id"], strict=True))
    return {**run_splink(cands, reg, truth), **label}


# ---------------------------------------------------------------- error analysis


def _kinds(noise: str) -> list[str]:
    return [k for k in (noise or "").split("|") if k]


def explain(data: Path, matches: Path, n_fn: int) -> None:
    meta = read(data / "meta.csv")
    truth_df = read(data / "truth.csv")
    cands = read(data / "candidates.csv")
    reg = read(data / "registry.csv")
    m = read(matches)
    truth = dict(zip(truth_df["candidate_id"], truth_df["person_id"], strict=True))
    noise = dict(zip(meta["candidate_id"], meta["noise"], strict=True))
    group = dict(zip(meta["candidate_id"], meta["group"], strict=True))
    best = {r["candidate_id"]: r for r in m.iter_rows(named=True)}
    need = set(truth.values()) | set(m["person_id"])
    reg_rows = {
        r["person_id"]: r
        for r in reg.filter(pl.col("person_id").is_in(list(need))).iter_rows(named=True)
    }
    cand_rows = {r["candidate_id"]: r for r in cands.iter_rows(named=True)}

    fn = [
        c
        for c, p in truth.items()
        if not (c in best and best[c]["person_id"] == p and best[c]["decision"] == "match")
    ]
    fp = [c for c, r in best.items() if r["decision"] == "match" and truth.get(c) != r["person_id"]]
    fp_review = [
        c for c, r in best.items() if r["decision"] == "review" and truth.get(c) != r["person_id"]
    ]

    def base(k: str) -> str:
        return k.replace("_cand", "").replace("_reg", "")

    # noise kinds that matter for linking (surface-only kinds are listed but not grouped on)
    surface = {"title", "upper", "region", "sex_missing"}

    def summarise(ids: list[str], label: str, population: list[str]) -> None:
        print(f"== {label}: {len(ids)}")
        cnt = Counter(k for c in ids for k in _kinds(noise[c]))
        base_cnt = Counter(k for c in population for k in _kinds(noise[c]))
        print("   noise kind: count among errors / share of that kind in the population failing")
        for k, v in cnt.most_common():
            print(f"   {k:18s} {v:4d} / {v / max(1, base_cnt[k]):.1%} of {base_cnt[k]}")
        combo = Counter(
            "+".join(sorted({base(k) for k in _kinds(noise[c]) if k not in surface}) or ["none"])
            for c in ids
        )
        print("   combinations (without surface noise):")
        for k, v in combo.most_common(25):
            print(f"   {v:4d}  {k}")
        print("   groups:", dict(Counter(group[c] for c in ids)))

    def show_cand(c: str) -> None:
        r = cand_rows[c]
        print(
            f"  CAND {c}: {r['full_name']!r} | {r['birth_place']} | {r['birth_date']} | "
            f"{r['sex']} | {r['nik']} | {r['region_code']}   noise={noise[c]}"
        )

    def show_reg(p: str, tag: str) -> None:
        r = reg_rows.get(p)
        if r:
            print(
                f"  {tag} {p}: {r['full_name']!r} | {r['birth_place']} | {r['birth_date']} | "
                f"{r['sex']} | {r['nik']} | {r['region_code']} | {r['category']}"
            )

    linked = list(truth)
    unlinked = [c for c in meta["candidate_id"] if c not in truth]
    summarise(fn, "false negatives (true pair not decided 'match')", linked)
    missed = [c for c in fn if c not in best or best[c]["person_id"] != truth[c]]
    print(f"   of which not flagged at all (or flagged to another person): {len(missed)}")
    for c in fn[:n_fn]:
        print()
        show_cand(c)
        show_reg(truth[c], "TRUE")
        if c in best:
            r = best[c]
            if r["person_id"] != truth[c]:
                show_reg(r["person_id"], "GOT ")
            print(f"  -> {r['decision']} {r['score']} {r['person_id']}: {r['reasons']}")
        else:
            print("  -> not flagged")
    print()
    summarise(fp, "false positives (decision 'match', wrong or no true person)", linked + unlinked)
    for c in fp:
        print()
        show_cand(c)
        if c in truth:
            show_reg(truth[c], "TRUE")
        r = best[c]
        show_reg(r["person_id"], "GOT ")
        print(f"  -> {r['decision']} {r['score']}: {r['reasons']}")
    print()
    print(
        f"== review pairs that are wrong: {len(fp_review)} "
        f"(linked candidates flagged to another person: "
        f"{sum(1 for c in fp_review if c in truth)})"
    )
    print(
        "   noise of non-linked candidates sent to review:",
        dict(
            Counter(
                k
                for c in fp_review
                if c not in truth
                for k in _kinds(noise[c])
                if k in ("doppel", "twin", "nik_missing", "nik_dummy", "g:mononym")
            )
        ),
    )


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--registry", type=int, default=200_000)
    ap.add_argument("--candidates", type=int, default=5_000)
    ap.add_argument("--links", type=int, default=None)
    ap.add_argument("--hard", action="store_true")
    ap.add_argument("--data", type=Path, help="folder to reuse (or to generate into)")
    ap.add_argument("--regenerate", action="store_true", help="generate even if --data exists")
    ap.add_argument("--splink", action="store_true")
    ap.add_argument("--explain", type=int, default=0, metavar="N")
    args = ap.parse_args()
    if args.links is None:
        args.links = int(round(0.3 * args.candidates))
    data = args.data or Path(
        f"/tmp/awasi-indep/s{args.seed}-{'hard' if args.hard else 'plain'}-"  # noqa: S108
        f"{args.registry}x{args.candidates}"
    )
    label = {
        "data": "independent",
        "seed": args.seed,
        "hard": args.hard,
        "registry": args.registry,
        "candidates": args.candidates,
        "links": args.links,
    }
    if args.regenerate or not (data / "truth.csv").exists():
        data.mkdir(parents=True, exist_ok=True)
        label["generate_seconds"] = round(generate(args, data), 1)
    else:
        label["links"] = read(data / "truth.csv").height
        label["candidates"] = read(data / "candidates.csv").height
        label["registry"] = (
            pl.scan_csv(data / "registry.csv", infer_schema=False).select(pl.len()).collect().item()
        )
        label["reused"] = str(data)
        # Seed and setting are those the folder was generated with, not this run's options.
        del label["seed"], label["hard"]
    seconds, matches = run_ours(data)
    print(json.dumps(score_ours(data, matches, seconds, label)), flush=True)
    if args.splink:
        print(json.dumps(run_splink_on(data, label)), flush=True)
    if args.explain:
        explain(data, matches, args.explain)


if __name__ == "__main__":
    os.chdir(ROOT)
    main()
