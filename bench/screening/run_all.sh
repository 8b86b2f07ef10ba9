#!/bin/sh
# The figures in docs/benchmarks.md (screening section), in one go; appends JSON lines to $1.
set -e
OUT=${1:-bench-screening.jsonl}
PY=.venv/bin/python
$PY bench/screening/bench_linkage.py --febrl4 >> "$OUT"
$PY bench/screening/bench_linkage.py --setting hard --registry 200000 --candidates 5000 --links 1500 >> "$OUT"
$PY bench/screening/bench_linkage.py --setting standard --registry 200000 --candidates 5000 --links 1500 >> "$OUT"
$PY bench/screening/bench_linkage.py --setting hard --registry 1000000 --candidates 20000 --links 6000 --no-splink >> "$OUT"
# scaling series for the national extrapolation (linker only)
$PY bench/screening/bench_linkage.py --setting hard --registry 2000000 --candidates 40000 --links 12000 --no-splink >> "$OUT"
# double candidacy (linker only)
for s in hard standard; do for seed in 1 2; do
  $PY bench/screening/bench_duplicates.py --setting $s --seed $seed >> "$OUT"
done; done
