"""Are the linker's misses of ``match`` truly ambiguous? Namesakes in the allowed date window.

Usage (from the repository root):

    .venv/bin/python bench/screening/analyse_ambiguity.py --setting hard --seed 1

For every true link the linker did not decide ``match``, counts the registry people other than
the true one whose stated or NIK birth date lies in the window the candidate's dates allow (±3
days, day↔month swapped, ±2 years on the same day and month) and who carry every name token the
true pair shares (one edit allowed). A miss with such a namesake is ambiguous on the evidence;
one without is a miss the registry itself does not explain. Prints one line per miss and the
counts per kind.
"""

from __future__ import annotations

import argparse
import collections
import datetime as dt
import os
import sys

from rapidfuzz.distance import OSA

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", ".."))

from awasi.screening.linkage import synth  # noqa: E402
from awasi.screening.linkage.link import _token_text, link  # noqa: E402
from awasi.screening.linkage.prep import INT_NULL, People, Vocabulary, prepare  # noqa: E402

EPOCH = dt.date(1970, 1, 1)


def _window(days: set[int]) -> set[int]:
    out: set[int] = set()
    for x in days:
        out |= {x + k for k in range(-3, 4)}
        born = EPOCH + dt.timedelta(days=x)
        variants = [(born.year, born.day, born.month)]
        variants += [(born.year + k, born.month, born.day) for k in (-2, -1, 1, 2)]
        for y, m, d in variants:
            try:
                out.add((dt.date(y, m, d) - EPOCH).days)
            except ValueError:
                continue
    return out


def _tokens(people: People, i: int, text) -> list[str]:
    tokens = [text[t] for t in people.tokens[i] if t > 0]
    informative = [
        text[t]
        for t, weak in zip(people.tokens[i], people.weak[i], strict=True)
        if t > 0 and not weak
    ]
    return informative or tokens


def _near(a: str, b: str) -> bool:
    return OSA.distance(a, b) <= 1


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--setting", default="hard", choices=sorted(synth.SETTINGS))
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    data = synth.generate(
        n_registry=200_000, n_candidates=5_000, n_links=1_500, setting=args.setting, seed=args.seed
    )
    out = link(data.candidates, data.registry, keep_all=True, language="en")
    chosen = {row["candidate_id"]: row for row in out.iter_rows(named=True)}
    misses = [
        c
        for c, p in data.truth.items()
        if chosen.get(c, {}).get("person_id") != p or chosen[c]["decision"] != "match"
    ]
    vocab = Vocabulary()
    c = prepare(data.candidates, "candidate_id", vocab)
    r = prepare(data.registry, "person_id", vocab)
    text = _token_text(vocab)
    c_row = {x: i for i, x in enumerate(c.ids)}
    r_row = {x: i for i, x in enumerate(r.ids)}
    by_date: dict[int, set[int]] = collections.defaultdict(set)
    for j in range(r.n):
        for day in (r.dob[j], r.nik_dob[j]):
            if day != INT_NULL:
                by_date[int(day)].add(j)
    kinds: collections.Counter[str] = collections.Counter()
    for cid in misses:
        i, true = c_row[cid], r_row[data.truth[cid]]
        days = {int(x) for x in (c.dob[i], c.nik_dob[i]) if x != INT_NULL}
        ct, tt = _tokens(c, i, text), _tokens(r, true, text)
        shared = [a for a in ct if any(_near(a, b) for b in tt)]
        near_rows = set().union(*(by_date[x] for x in _window(days))) - {true} if days else set()
        namesakes = [
            j
            for j in near_rows
            if shared and all(any(_near(a, b) for b in _tokens(r, j, text)) for a in shared)
        ]
        kind = "no date" if not days else ("namesake" if namesakes else "no namesake")
        kinds[kind] += 1
        got = chosen.get(cid, {})
        print(
            f"{cid} p={got.get('score')} {got.get('decision')} "
            f"right={got.get('person_id') == data.truth[cid]} cand={' '.join(ct)} "
            f"true={' '.join(tt)} namesakes in window={len(namesakes)}"
        )
    print(f"{len(misses)} misses: {dict(kinds)}")


if __name__ == "__main__":
    main()
