"""Candidate screening by record linkage: registry matches and double candidacies.

:func:`link` compares a candidate list with a registry and keeps, per candidate, the best
registry person and the runner-up, with a decision ``match`` / ``review`` / ``no match``.
:func:`duplicates` finds pairs of candidate rows that are the same person. Both return polars
frames whose ``reasons`` column explains each flagged pair in words (Indonesian; English with
``language="en"``). Pipeline: prepare → block → compare → weigh → decide (linkage.md §5.1).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from typing import Any

import numpy as np
import polars as pl

from . import districts
from .blocking import BlockingSettings, block, block_self, reference_keys
from .compare import Date, Levels, Name, Nik, Sex, compare
from .em import estimate_m
from .explain import explain
from .model import MODEL_VERSION, Frequencies, Weights, frequencies, geo_covered, weights
from .names import NORMALISER_VERSION
from .prep import INT_NULL, People, Vocabulary, prepare

Progress = Callable[[str, float], None]
MATCH, REVIEW, NO_MATCH = "match", "review", "no match"


@dataclasses.dataclass(frozen=True)
class Thresholds:
    """Decision bands on the match probability (configurable; chosen for recall first)."""

    match: float = 0.5
    strong: float = 0.999  # probability that lets a partly shared name match automatically
    review: float = 0.001
    ambiguous_margin_bits: float = 2.0  # best and runner-up closer than this → review
    anchor_recall: float = 0.6  # share of true links the deterministic anchor finds (for λ)
    min_rate: float = 0.01  # bounds of the estimated share of candidates in the registry
    max_rate: float = 0.9
    em_sample: int = 5_000  # candidates whose blocked pairs re-estimate m (0: documented m)
    #: Two valid NIKs this many digits apart never match automatically: a second NIK or a
    #: namesake born the same day (serials restart at 0001 in every district, so two such
    #: people of one regency differ only in the district digits). 2 was tried (session 5): on
    #: independent data with second NIKs issued in another district it removed 6-9 false
    #: matches per seed and lost 10-13 true ones.
    nik_far_digits: int = 3


@dataclasses.dataclass
class Scored:
    """All compared pairs with levels, weights and probability (index into the two tables)."""

    ci: np.ndarray
    ri: np.ndarray
    levels: Levels
    weights: Weights
    prior: float
    score: np.ndarray  # bits including the prior
    probability: np.ndarray
    decision: np.ndarray  # object


def _noop(_stage: str, _fraction: float) -> None:
    return None


def _province_of(vocab: Vocabulary) -> np.ndarray:
    return vocab.derived("province_of", _build_province_of)


def _build_province_of(vocab: Vocabulary) -> np.ndarray:
    out = np.full(vocab.size + 1, -1, np.int64)
    for text, idx in vocab.ids.items():
        if text.startswith("%") and len(text) == 5:
            out[idx] = int(text[1:3])
    return out


def _token_text(vocab: Vocabulary) -> np.ndarray:
    """Strings by vocabulary id (for token-level fuzzy comparison)."""
    return vocab.derived("token_text", _build_token_text)


def _build_token_text(vocab: Vocabulary) -> np.ndarray:
    out = np.empty(vocab.size + 1, object)
    out[:] = ""
    for text, idx in vocab.ids.items():
        out[idx] = text
    return out


def _anchored_prior(c: People, r: People, vocab: Vocabulary, th: Thresholds) -> float:
    """The prior from anchor pairs found by two cheap joins (same NIK; same name and date),
    computed once for the whole candidate list so that chunking changes nothing."""

    def keyed(key: np.ndarray, ok: np.ndarray, side: str) -> pl.DataFrame:
        return pl.DataFrame({side: np.flatnonzero(ok).astype(np.int64), "k": key[ok]})

    weights = 10 ** np.arange(15, -1, -1, dtype=np.int64)
    nik_c, nik_r = c.nik_digits.astype(np.int64) @ weights, r.nik_digits.astype(np.int64) @ weights
    name_c = c.info_key.astype(np.int64) * 100_000 + (c.dob.astype(np.int64) + 50_000)
    name_r = r.info_key.astype(np.int64) * 100_000 + (r.dob.astype(np.int64) + 50_000)
    joins = [
        (nik_c, c.nik_usable, nik_r, r.nik_usable),
        (name_c, c.dob != INT_NULL, name_r, r.dob != INT_NULL),
    ]
    found = [
        keyed(a, ok_a, "l").join(keyed(b, ok_b, "r"), on="k").select("l", "r")
        for a, ok_a, b, ok_b in joins
    ]
    pairs = pl.concat(found).unique()
    ci, ri = pairs["l"].to_numpy(), pairs["r"].to_numpy()
    lv = compare(c, r, ci, ri, _province_of(vocab))
    return _prior(lv, ci, c.n, r.n, th)


def _prior(lv: Levels, ci: np.ndarray, n_left: int, n_right: int, th: Thresholds) -> float:
    """log2 prior odds from a deterministic anchor (NIK and date exact, names agreeing)."""
    anchor = (lv.nik == Nik.EXACT) & (lv.date == Date.EXACT) & (lv.name <= Name.FUZZY)
    # Without NIKs (or where they are missing), the same name and birth date anchors too.
    anchor |= (
        (lv.name <= Name.SAME_INFORMATIVE) & (lv.date == Date.EXACT) & (lv.nik >= Nik.DIFFERENT)
    )
    rate = len(np.unique(ci[anchor])) / max(n_left, 1) / th.anchor_recall
    rate = float(np.clip(rate, th.min_rate, th.max_rate))
    lam = rate / max(n_right, 1)
    return float(np.log2(lam / (1 - lam)))


def decide(lv: Levels, probability: np.ndarray, th: Thresholds) -> np.ndarray:
    """``match``/``review``/``no match`` per pair, from the probability and hard conflicts.

    An automatic ``match`` needs the names to agree beyond one shared token, or the NIK and the
    birth date to agree exactly (possible alias); a sex conflict or an exact NIK with a
    different date always goes to a person (linkage.md §4.5: NIK exact with name and date
    disagreeing is review, never automatic).
    """
    decision = np.full(len(probability), NO_MATCH, dtype=object)
    names_agree = lv.name <= Name.FUZZY
    # One shared name token (a family name, or a replaced given name) is enough only with an
    # exact birth date and overwhelming evidence: twins and siblings share the rest.
    # The same holds with an identity number that agrees instead of the date (twins and
    # siblings never share a NIK).
    # A NIK counts only where the forms do not contradict it (a typo'd NIK may be a stranger's
    # whose date then differs from the form); a date read from that NIK is the NIK again.
    near_id = lv.nik <= Nik.SERIAL_EDIT
    near_id &= lv.other_id | np.isin(lv.stated_date, (Date.EXACT, Date.NULL))
    second_id = (lv.stated_date == Date.EXACT) | ((lv.date == Date.EXACT) & lv.other_id) | near_id
    names_agree |= (lv.name == Name.PARTIAL) & second_id & (probability >= th.strong)
    # An identical NIK confirmed by identical stated birth dates: two independent identifiers
    # agree, whatever the name says (an alias). A near date is not enough: a NIK typo often
    # lands on a neighbour's NIK, whose date then differs from the form by one digit.
    # So does an identical NIK where one form states no date and the other's stated date is the
    # NIK's own: nothing contradicts the NIK (linkage.md §4.5 holds back an identical NIK whose
    # name *and* date disagree). A typo landing on another person's NIK would need that person
    # to share district, birth date and sex with the candidate.
    dateless = (lv.stated_date == Date.NULL) & lv.stated_agrees
    nik_and_date = (lv.nik == Nik.EXACT) & ((lv.stated_date == Date.EXACT) | dateless)
    # Not when a form's stated sex contradicts its own NIK: a woman's NIK written without the
    # +40 is a man's NIK, and may be exactly the NIK of a man born the same day in her district.
    nik_and_date &= (lv.sex != Sex.DIFFERENT) & ~lv.sex_doubt
    # A NIK one typo away in its date digits explains a differing date read from it, not forms
    # that state different days (namesakes whose NIKs happen to be near).
    nik_supports_date = (lv.nik == Nik.EXACT) | (
        (lv.nik == Nik.DATE_EDIT) & (lv.stated_date != Date.DIFFERENT)
    )
    # Another identity number has no date digits and no same-day neighbours: one typo apart
    # (u measured over the registry, model._other_u) agrees as a number, as an identical one does.
    nik_supports_date |= lv.other_id & (lv.nik <= Nik.SERIAL_EDIT)
    auto = (probability >= th.match) & (names_agree | nik_and_date) & (lv.sex != Sex.DIFFERENT)
    auto &= (lv.date != Date.DIFFERENT) | nik_supports_date  # namesakes born on other days
    auto &= (lv.date <= Date.TYPO) | (lv.nik <= Nik.SERIAL_EDIT)  # a name and place alone: review
    # Two valid NIKs further apart than slips explain (Thresholds.nik_far_digits): a second NIK
    # is possible (linkage.md §4.5), but so is a namesake born the same day; only a person can
    # tell. (Another identity number has no date or region inside and is often mistyped in
    # several digits: not held back.)
    auto &= ~((lv.nik_apart >= th.nik_far_digits) & ~lv.other_id)
    flagged = (probability >= th.review) | (lv.nik == Nik.EXACT)
    flagged |= (lv.name <= Name.SAME_INFORMATIVE) & (lv.date == Date.EXACT)
    # Without a comparable NIK or birth date no score can decide: an agreeing name goes to a
    # person rather than being dropped for want of evidence.
    flagged |= (lv.nik == Nik.NULL) & (lv.date == Date.NULL) & (lv.name <= Name.FUZZY)
    decision[flagged] = REVIEW
    decision[auto] = MATCH
    return decision


def score_pairs(
    c: People,
    r: People,
    ci: np.ndarray,
    ri: np.ndarray,
    freq: Frequencies,
    vocab: Vocabulary,
    th: Thresholds,
    *,
    prior: float | None = None,
    levels: Levels | None = None,
) -> Scored:
    """Compare (unless ``levels`` are given), weigh and decide every pair ``(ci[k], ri[k])``."""
    lv = (
        levels
        if levels is not None
        else compare(c, r, ci, ri, _province_of(vocab), _token_text(vocab))
    )
    w = weights(lv, freq, c, ci, r, ri)
    if prior is None:
        prior = _prior(lv, ci, c.n, r.n, th)
    score = prior + w.total()
    probability = 1.0 / (1.0 + np.exp2(-np.clip(score, -60, 60)))
    return Scored(ci, ri, lv, w, prior, score, probability, decide(lv, probability, th))


def _best_per_left(s: Scored, skip: np.ndarray | None = None) -> tuple[np.ndarray, np.ndarray]:
    """Positions of the best and runner-up pair per left row (-1 when there is none), leaving
    out the pairs marked in ``skip``."""
    frame = pl.DataFrame({"pos": np.arange(len(s.ci)), "l": s.ci, "score": s.score, "r": s.ri})
    if skip is not None:
        frame = frame.filter(pl.Series(~skip))
    # Ties (same score) go to the lower registry row, so runs repeat exactly.
    ranked = frame.sort(["l", "score", "r"], descending=[False, True, False]).with_columns(
        rank=pl.int_range(pl.len()).over("l")
    )
    best = ranked.filter(pl.col("rank") == 0)
    second = ranked.filter(pl.col("rank") == 1).select("l", pl.col("pos").alias("pos2"))
    joined = best.join(second, on="l", how="left")
    return joined["pos"].to_numpy(), joined["pos2"].fill_null(-1).to_numpy()


def _copies_of_best(s: Scored, r: People, best: np.ndarray) -> np.ndarray:
    """Flagged pairs, other than a candidate's best, whose registry row is the best's person
    again — one person kept in two registries (the ASN list and the village council's, say):
    the same valid NIK (a stated date that differs is then a slip or a default such as 1 July
    against the NIK's own, as both cannot agree with it); or, beside a best that the
    candidate's NIK anchors (identical or one slip away), a row without a usable NIK (left
    blank, a dummy) that carries the candidate's name and exact birth date; or two rows under
    the candidate's name and birth date whose NIKs agree on the 15 digits a spreadsheet kept."""
    copies = np.zeros(len(s.ci), bool)
    if not len(best):
        return copies
    best_of = np.full(int(s.ci.max()) + 1, -1, np.int64)
    best_of[s.ci[best]] = best
    flagged = np.flatnonzero(s.decision != NO_MATCH)
    b = best_of[s.ci[flagged]]
    others = flagged[(b >= 0) & (b != flagged)]
    bo = best_of[s.ci[others]]
    rb, ro = s.ri[bo], s.ri[others]
    valid = r.nik_usable & ~r.other_id & ~r.nik_truncated
    valid_b, valid_o = valid[rb], valid[ro]
    same = valid_b & valid_o & (r.nik_digits[rb] == r.nik_digits[ro]).all(axis=1)
    lv = s.levels
    alike = (lv.name[bo] <= Name.FUZZY) & (lv.name[others] <= Name.FUZZY)
    alike &= (lv.date[bo] == Date.EXACT) & (lv.date[others] == Date.EXACT)
    alike &= lv.sex[others] != Sex.DIFFERENT
    blank = valid_b & ~valid_o & (lv.nik[bo] <= Nik.SERIAL_NEXT) & alike
    # A spoilt NIK (last digit lost) on either record that agrees with the other's on the 15
    # digits it kept, under the candidate's name and birth date (a neighbour's NIK could
    # agree on 15 digits too, not on the name as well).
    kept = r.nik_usable & ~r.other_id
    spoilt = (r.nik_truncated[rb] | r.nik_truncated[ro]) & kept[rb] & kept[ro] & alike
    spoilt &= (r.nik_digits[rb, :15] == r.nik_digits[ro, :15]).all(axis=1)
    copies[others[same | blank | spoilt]] = True
    return copies


def link(
    candidates: pl.DataFrame,
    registry: pl.DataFrame,
    *,
    thresholds: Thresholds | None = None,
    blocking: BlockingSettings | None = None,
    language: str = "id",
    progress: Progress = _noop,
    keep_all: bool = False,
    every_flagged: bool = False,
    chunk_size: int = 25_000,
) -> pl.DataFrame:
    """Best registry match per candidate with its runner-up and decision.

    Returns columns ``candidate_id, person_id, score, decision, reasons, runner_up_id,
    runner_up_score, bits`` (flagged pairs only unless ``keep_all``), one row per candidate.
    With ``every_flagged`` (as the CLI writes MATCHES.csv: one row per flagged pair) a candidate
    whose best pair goes to review also lists its runner-up as a second ``review`` row when the
    runner-up's own evidence flags it, and the best's person kept twice in the registry (same
    valid NIK) is listed again with the best's decision.
    The registry is prepared once; candidates are blocked and scored ``chunk_size`` at a time so
    memory stays bounded.
    """
    th = thresholds or Thresholds()
    if candidates.height == 0 or registry.height == 0:
        progress("done", 1.0)
        return pl.DataFrame([], schema=RESULT_SCHEMA)
    vocab = Vocabulary()
    progress("prepare", 0.0)
    c = prepare(candidates, "candidate_id", vocab)
    r = prepare(registry, "person_id", vocab)
    progress("frequencies", 0.25)
    freq = frequencies(r, vocab.size)
    freq.district_unused_u = districts.unused_share(c, freq.districts)
    prior = _anchored_prior(c, r, vocab, th)
    progress("estimating m", 0.3)
    # The registry's keys are built once for the EM sample and every chunk (20,000 x 1,000,000:
    # about 2 s less for about 0.2 GB more at the peak).
    keys = reference_keys(r)
    rows: list[dict[str, Any]] = []
    if c.n <= chunk_size:
        # One chunk: block and compare once; EM reads its sample's pairs from them.
        ci, ri = block(c, r, blocking, right_keys=keys)
        lv = compare(c, r, ci, ri, _province_of(vocab), _token_text(vocab))
        freq.m = _m_from_block(lv, c, ci, r, ri, freq, th, prior)
        progress("blocking and scoring", 0.35)
        pairs = (ci, ri, lv)
        rows += _link_chunk(
            c, r, freq, vocab, th, blocking, language, keep_all, every_flagged, prior, keys, pairs
        )
    else:
        freq.m = _estimated_m(c, r, freq, vocab, th, blocking, prior, keys)
        for start in range(0, c.n, chunk_size):
            part = c.take(np.arange(start, min(start + chunk_size, c.n)))
            progress("blocking and scoring", 0.35 + 0.6 * start / max(c.n, 1))
            rows += _link_chunk(
                part, r, freq, vocab, th, blocking, language, keep_all, every_flagged, prior, keys
            )
    progress("done", 1.0)
    return pl.DataFrame(rows, schema=RESULT_SCHEMA)


def _em_sample(c: People, th: Thresholds) -> np.ndarray:
    """Evenly spaced candidates whose blocked pairs re-estimate m (the same however the run is
    chunked)."""
    return np.unique(np.linspace(0, c.n - 1, min(c.n, th.em_sample)).astype(np.int64))


def _estimated_m(
    c: People,
    r: People,
    freq: Frequencies,
    vocab: Vocabulary,
    th: Thresholds,
    blocking: BlockingSettings | None,
    prior: float,
    keys: pl.DataFrame | None,
) -> dict[str, dict[int, float]]:
    """m re-estimated by EM on the blocked pairs of an evenly spaced sample of candidates."""
    if th.em_sample <= 0:
        return freq.m
    part = c.take(_em_sample(c, th))
    ci, ri = block(part, r, blocking, right_keys=keys)
    if not len(ci):
        return freq.m
    lv = compare(part, r, ci, ri, _province_of(vocab), _token_text(vocab))
    return _m_from(lv, part, ci, r, ri, freq, prior)


def _m_from(
    lv: Levels,
    c: People,
    ci: np.ndarray,
    r: People,
    ri: np.ndarray,
    freq: Frequencies,
    prior: float,
) -> dict[str, dict[int, float]]:
    w = weights(lv, freq, c, ci, r, ri)
    return estimate_m(lv, w, freq, prior, geo_covered(lv, c, ci, r, ri))


def _m_from_block(
    lv: Levels,
    c: People,
    ci: np.ndarray,
    r: People,
    ri: np.ndarray,
    freq: Frequencies,
    th: Thresholds,
    prior: float,
) -> dict[str, dict[int, float]]:
    """:func:`_estimated_m` from the pairs of a run that is one chunk, already blocked and
    compared: the sample's pairs are exactly those blocking the sample alone gives (a key's cap
    counts registry rows only), in the same order, so m is the same."""
    if th.em_sample <= 0:
        return freq.m
    keep = np.isin(ci, _em_sample(c, th))
    if not keep.any():
        return freq.m
    sub = Levels(**{f.name: getattr(lv, f.name)[keep] for f in dataclasses.fields(lv)})
    return _m_from(sub, c, ci[keep], r, ri[keep], freq, prior)


def _link_chunk(
    c: People,
    r: People,
    freq: Frequencies,
    vocab: Vocabulary,
    th: Thresholds,
    blocking: BlockingSettings | None,
    language: str,
    keep_all: bool,
    every_flagged: bool,
    prior: float,
    keys: pl.DataFrame | None,
    pairs: tuple[np.ndarray, np.ndarray, Levels] | None = None,
) -> list[dict[str, Any]]:
    if pairs is None:
        ci, ri = block(c, r, blocking, right_keys=keys)
        s = score_pairs(c, r, ci, ri, freq, vocab, th, prior=prior)
    else:
        ci, ri, lv = pairs
        s = score_pairs(c, r, ci, ri, freq, vocab, th, prior=prior, levels=lv)
    best, second = _best_per_left(s)
    copies = _copies_of_best(s, r, best)
    if copies.any():
        # The best's person kept twice in the registry is not a rival: the runner-up is the
        # next *other* person (the best itself never counts as its own copy, so it stays).
        best, second = _best_per_left(s, skip=copies)
    decision = s.decision[best].copy()
    has_second = second >= 0
    close = np.zeros(len(best), bool)
    close[has_second] = (
        s.score[best[has_second]] - s.score[second[has_second]] < th.ambiguous_margin_bits
    ) & (s.decision[second[has_second]] == MATCH)
    # An identical NIK under another name (matched as a possible alias) beside another registry
    # person who carries the candidate's name with a NIK one typo away: the typo explains both
    # with one slip, the alias needs a second name — a person decides, unless *settled*: the
    # namesake has the candidate's name and stated birth date with a NIK one slip away and the
    # NIK's holder another name altogether (the alias would need a second name *and* a namesake
    # born that day in that district).
    lv = s.levels
    b1, b2 = best[has_second], second[has_second]

    def holder(p: np.ndarray) -> np.ndarray:
        return np.asarray((lv.name[p] > Name.FUZZY) & (lv.nik[p] == Nik.EXACT), bool)

    def namesake(p: np.ndarray) -> np.ndarray:
        return np.asarray((lv.name[p] <= Name.PARTIAL) & (lv.nik[p] <= Nik.SAME_PREFIX), bool)

    def settles(near: np.ndarray, far: np.ndarray) -> np.ndarray:
        same = (lv.name[near] <= Name.SAME_INFORMATIVE) & (lv.stated_date[near] == Date.EXACT)
        return np.asarray(
            same & (lv.nik[near] <= Nik.SERIAL_NEXT) & (lv.name[far] == Name.DIFFERENT)
        )

    typo = np.zeros(len(best), bool)  # the holder ranked first
    typo[has_second] = holder(b1) & namesake(b2) & (s.probability[b2] >= th.match)
    settled = np.zeros(len(best), bool)
    settled[has_second] = (typo[has_second] & settles(b2, b1)) | (
        namesake(b1) & holder(b2) & settles(b1, b2)
    )
    close = (close | typo) & ~settled
    # The namesake is the likelier person (one slip rather than a slip and an alias): shown
    # first, the holder as its runner-up; the holder's records are not the namesake's copies.
    holder_left = np.zeros(c.n, bool)
    holder_left[s.ci[best[typo]]] = True
    copies = copies & ~holder_left[s.ci]
    best, second = np.where(typo, second, best), np.where(typo, best, second)
    decision = np.where(typo, s.decision[best], decision)
    # Once settled, no record carrying the candidate's NIK (the holder's) is a rival.
    settled_left = np.zeros(c.n, bool)
    settled_left[s.ci[best[settled]]] = True
    ignored = copies | (settled_left[s.ci] & (lv.nik == Nik.EXACT))
    # A candidate is at most one registry person: the best pair's probability shared with
    # every rival (odds normalised over the candidate's pairs) must still reach the match band.
    odds = np.exp2(np.clip(s.score, -60, 60))
    rivals = np.bincount(s.ci, weights=np.where(ignored, 0.0, odds), minlength=c.n)[s.ci[best]]
    shared = odds[best] / (1.0 + rivals) < th.match
    would_match = decision == MATCH
    # Why a would-be match goes to review, for the explanation (nothing for other decisions).
    why = np.where(would_match & close, "two", np.where(would_match & shared, "rivals", ""))
    decision[would_match & (close | shared)] = REVIEW
    keep = np.ones(len(best), bool) if keep_all else decision != NO_MATCH
    listed = [(k, best[k], second[k], decision[k], str(why[k])) for k in np.flatnonzero(keep)]
    if every_flagged:
        # A candidate a person must decide on: the runner-up goes to that person too when its
        # own evidence flags it (the best may be the namesake, the runner-up the candidate);
        # so does a runner-up that would match on its own beside a best that does (a second
        # record of the person, typed differently, or a rival the best outscored).
        doubt = second >= 0
        own = np.full(len(best), NO_MATCH, dtype=object)
        own[doubt] = s.decision[second[doubt]]
        doubt &= ((decision == REVIEW) & (own != NO_MATCH)) | ((decision == MATCH) & (own == MATCH))
        listed += [(k, second[k], best[k], REVIEW, "") for k in np.flatnonzero(doubt)]
        # The best's person again (another registry's record): as decided for the best.
        k_of_left = np.full(c.n, -1, np.int64)
        k_of_left[s.ci[best]] = np.arange(len(best))
        for pos in np.flatnonzero(copies):
            k = int(k_of_left[s.ci[pos]])
            both = decision[k] == MATCH and s.decision[pos] == MATCH
            listed.append((k, pos, second[k], MATCH if both else REVIEW, ""))
        listed.sort(key=lambda item: item[0])  # a candidate's rows together, the best first
    rows = []
    for _k, pos, pos2, verdict, ambiguous in listed:
        rows.append(
            {
                "candidate_id": c.ids[s.ci[pos]],
                "person_id": r.ids[s.ri[pos]],
                "score": round(float(s.probability[pos]), 6),
                "decision": verdict,
                "reasons": explain(
                    s, pos, c, r, language=language, runner_up=pos2, ambiguous=ambiguous
                ),
                "runner_up_id": r.ids[s.ri[pos2]] if pos2 >= 0 else "",
                "runner_up_score": round(float(s.probability[pos2]), 6) if pos2 >= 0 else None,
                "bits": round(float(s.score[pos]), 2),
            }
        )
    return rows


RESULT_SCHEMA = {
    "candidate_id": pl.Utf8,
    "person_id": pl.Utf8,
    "score": pl.Float64,
    "decision": pl.Utf8,
    "reasons": pl.Utf8,
    "runner_up_id": pl.Utf8,
    "runner_up_score": pl.Float64,
    "bits": pl.Float64,
}
DUPLICATE_SCHEMA = {
    "candidate_id_a": pl.Utf8,
    "candidate_id_b": pl.Utf8,
    "score": pl.Float64,
    "decision": pl.Utf8,
    "reasons": pl.Utf8,
    "bits": pl.Float64,
}


def duplicates(
    candidates: pl.DataFrame,
    *,
    thresholds: Thresholds | None = None,
    blocking: BlockingSettings | None = None,
    language: str = "id",
    progress: Progress = _noop,
    chunk_size: int = 25_000,
    pair_batch: int = 1_000_000,
    em_pairs: int = 4_000_000,
) -> pl.DataFrame:
    """Pairs of candidate rows that are likely the same person (double candidacy).

    Pairs are reported as found, never closed transitively: A–B and B–C do not make A–C, so
    unrelated namesakes are not chained into one cluster (see :func:`clusters`). The list is
    blocked ``chunk_size`` rows at a time and the pairs scored ``pair_batch`` at a time, so a
    national list (250,000 candidates, 3.5 million blocked pairs) stays near 2 GB; m is
    estimated by EM on up to ``em_pairs`` evenly spaced pairs — all of them for a national list,
    so the result does not depend on the batch size (a sample would: the few true doubles among
    millions of pairs weigh little against EM's prior).
    """
    th = thresholds or Thresholds()
    if candidates.height < 2:
        progress("done", 1.0)
        return pl.DataFrame([], schema=DUPLICATE_SCHEMA)
    vocab = Vocabulary()
    progress("prepare", 0.0)
    c = prepare(candidates, "candidate_id", vocab)
    freq = frequencies(c, vocab.size)
    li, ri = block_self(
        c, blocking, chunk_size=chunk_size, progress=lambda f: progress("blocking", 0.1 + 0.4 * f)
    )
    prior = _dedupe_prior(c.n, th)
    if th.em_sample > 0 and len(li):  # m re-estimated on the list's own pairs
        progress("estimating m", 0.5)
        sample = np.unique(np.linspace(0, len(li) - 1, min(len(li), em_pairs)).astype(np.int64))
        s = score_pairs(c, c, li[sample], ri[sample], freq, vocab, th, prior=prior)
        covered = geo_covered(s.levels, c, s.ci, c, s.ri)
        freq.m = estimate_m(s.levels, s.weights, freq, prior, covered)
    rows = []
    for start in range(0, len(li), pair_batch):
        progress("scoring", 0.6 + 0.4 * start / len(li))
        part = slice(start, start + pair_batch)
        s = score_pairs(c, c, li[part], ri[part], freq, vocab, th, prior=prior)
        for pos in np.flatnonzero(s.decision != NO_MATCH):
            rows.append(
                {
                    "candidate_id_a": c.ids[s.ci[pos]],
                    "candidate_id_b": c.ids[s.ri[pos]],
                    "score": round(float(s.probability[pos]), 6),
                    "decision": s.decision[pos],
                    "reasons": explain(s, int(pos), c, c, language=language),
                    "bits": round(float(s.score[pos]), 2),
                }
            )
    progress("done", 1.0)
    return pl.DataFrame(rows, schema=DUPLICATE_SCHEMA).sort("score", descending=True)


def _dedupe_prior(n: int, th: Thresholds) -> float:
    """Prior for candidate-vs-candidate pairs: about one double per 200 candidates."""
    lam = min(0.005 / max(n - 1, 1), 0.5)
    return float(np.log2(lam / (1 - lam)))


def clusters(pairs: pl.DataFrame, *, decisions: tuple[str, ...] = (MATCH,)) -> list[set[str]]:
    """Group double-candidacy pairs without chaining: a row joins a group only if it is linked
    to **every** member (complete linkage), strongest pairs first."""
    group_of: dict[str, int] = {}
    groups: list[set[str]] = []
    linked = {(a, b) for a, b in zip(pairs["candidate_id_a"], pairs["candidate_id_b"], strict=True)}
    linked |= {(b, a) for a, b in linked}
    for a, b, decision in pairs.select("candidate_id_a", "candidate_id_b", "decision").iter_rows():
        if decision not in decisions:
            continue
        ga, gb = group_of.get(a), group_of.get(b)
        if ga is None and gb is None:
            group_of[a] = group_of[b] = len(groups)
            groups.append({a, b})
        elif ga is not None and gb is None and all((b, x) in linked for x in groups[ga]):
            groups[ga].add(b)
            group_of[b] = ga
        elif gb is not None and ga is None and all((a, x) in linked for x in groups[gb]):
            groups[gb].add(a)
            group_of[a] = gb
    return groups


VERSIONS = {"normaliser": NORMALISER_VERSION, "model": MODEL_VERSION}
