"""Comparison levels per field for blocked pairs (vectorised; linkage.md §5.4).

Each field gets one integer level per pair. NIK, birth date, sex, name and geography are
compared **once each**: the birth date takes the best agreement among the stated dates and the
dates inside the NIKs (so the NIK's date part is never counted twice), and geography takes the
best of birth place and region codes (one comparison, not several correlated ones).
"""

from __future__ import annotations

import dataclasses
from enum import IntEnum

import numpy as np
from rapidfuzz import fuzz
from rapidfuzz.distance import OSA
from rapidfuzz.process import cpdist

from .blocking import _civil, nik_usable
from .prep import INT_NULL, People


class Nik(IntEnum):
    """NIK agreement, strongest first (NULL: missing, malformed or dummy on either side)."""

    EXACT = 0
    DATE_EDIT = 1  # one substitution/adjacent swap in the birth-date digits
    REGION_EDIT = 2  # ... in the district digits (neighbouring districts look like this)
    SERIAL_EDIT = 3  # ... in the 4-digit serial, to a serial that is not the next one
    SERIAL_NEXT = 4  # serials one apart (0001/0002): how neighbours and twins born the same
    # day in the same district look, and only rarely how a typo does
    SAME_PREFIX = 5  # district and date digits equal, serial different (a second NIK, or a
    # neighbour born the same day: its u is measured among same-day pairs like the edits)
    SAME_REGENCY = 6
    DIFFERENT = 7
    NULL = 8


class Date(IntEnum):
    """Birth-date agreement (best over stated and NIK dates)."""

    EXACT = 0
    SWAPPED = 1  # day and month exchanged
    DAYS = 2  # 1–3 days apart
    YEAR = 3  # same day and month, year 1–2 apart
    TYPO = 4  # one digit of YYYYMMDD mistyped, or two adjacent digits swapped
    MONTH = 5  # same year and month
    DIFFERENT = 6
    NULL = 7


class Name(IntEnum):
    """Name agreement on spelling keys, titles removed."""

    EXACT = 0  # same tokens (any order)
    SAME_INFORMATIVE = 1  # differ only in weak tokens (Muhammad, Siti, I/Ni...)
    SUBSET = 2  # one name's informative tokens all in the other (dropped token, mononym)
    FUZZY = 3  # near-identical spelling (typo)
    PARTIAL = 4  # share some informative token, others conflict
    DIFFERENT = 5
    NULL = 6


class Sex(IntEnum):
    """Sex agreement (stated, else from NIK, else from a title such as Hj.)."""

    SAME = 0
    DIFFERENT = 1
    NULL = 2


class Geo(IntEnum):
    """Geography, one comparison: birth place, else regency codes, else province."""

    PLACE = 0
    REGENCY = 1
    PROVINCE = 2
    # Birth places spelt one or two typos apart ("Frankston"/"Franks Gon"), where no region code
    # agrees: a shared regency or province code is the surer fact.
    PLACE_NEAR = 3
    DIFFERENT = 4
    NULL = 5


@dataclasses.dataclass
class Levels:
    """Levels and the facts the weights and explanations need, one entry per pair."""

    nik: np.ndarray
    other_id: np.ndarray  # bool: both sides hold another identity number, not a NIK
    date: np.ndarray
    nik_sex_digit: np.ndarray  # bool: NIK level DATE_EDIT, and only the +40 of the day differs
    nik_apart: np.ndarray  # int8: digits two usable NIKs differ in beyond one edit (0 within)
    date_source: np.ndarray  # 0 stated↔stated, 1 NIK↔NIK, 2 stated↔NIK, 3 NIK↔stated
    date_value: np.ndarray  # the agreeing date (candidate side) for term frequencies
    stated_date: np.ndarray  # level of the stated dates alone (NULL when either is missing)
    stated_agrees: np.ndarray  # bool: a stated date agrees with the other side's stated or NIK date
    name: np.ndarray
    name_similarity: np.ndarray  # 0–100
    shared_tokens: np.ndarray  # int32 [pairs, MAX_TOKENS] shared informative token ids
    partner_tokens: np.ndarray  # int32 [pairs, MAX_TOKENS] registry token paired with each
    # candidate token, exactly or near-identically (0: none)
    sex: np.ndarray
    sex_doubt: np.ndarray  # bool: a form's stated sex contradicts its own NIK (which is wrong?)
    geo: np.ndarray
    geo_value: np.ndarray  # id of the agreeing place / regency
    initials: np.ndarray  # +1 an initial stands for a token of the other name, -1 none can
    initial_letter: np.ndarray  # ord of the letter concerned (0 without initials)


def _one_digit_apart(a: np.ndarray, b: np.ndarray, width: int = 8) -> np.ndarray:
    """Whether two numbers differ in one digit or by one adjacent swap (as written)."""
    scale = 10 ** np.arange(width - 1, -1, -1, dtype=np.int64)
    da = (a.astype(np.int64)[:, None] // scale) % 10
    db = (b.astype(np.int64)[:, None] // scale) % 10
    diff = da != db
    count = diff.sum(axis=1)
    first = np.argmax(diff, axis=1)
    nxt = np.minimum(first + 1, width - 1)
    rows = np.arange(len(a))
    swap = (
        (count == 2)
        & diff[rows, nxt]
        & (da[rows, first] == db[rows, nxt])
        & (da[rows, nxt] == db[rows, first])
    )
    return np.asarray((count == 1) | swap, dtype=bool)


Civil = tuple[np.ndarray, np.ndarray, np.ndarray]


def _civil_of(days: np.ndarray) -> Civil:
    """Year, month and day of each date (anything for INT_NULL: callers mask those)."""
    return _civil(np.where(days != INT_NULL, days, 0))


def _date_level(a: np.ndarray, b: np.ndarray, ca: Civil, cb: Civil) -> np.ndarray:
    """Level per pair of dates ``a``/``b`` whose year/month/day are ``ca``/``cb``."""
    level = np.full(len(a), Date.NULL, np.int8)
    known = (a != INT_NULL) & (b != INT_NULL)
    (ya, ma, da), (yb, mb, db) = ca, cb
    diff = np.abs(a.astype(np.int64) - b.astype(np.int64))
    level[known] = Date.DIFFERENT
    rules = [
        ((ya == yb) & (ma == mb), Date.MONTH),
        (None, Date.TYPO),
        ((ma == mb) & (da == db) & (np.abs(ya - yb) <= 2), Date.YEAR),
        (diff <= 3, Date.DAYS),
        ((ya == yb) & (ma == db) & (da == mb), Date.SWAPPED),
        (diff == 0, Date.EXACT),
    ]
    # A mistyped digit is looked for only where no stronger level holds.
    stronger = np.zeros(len(a), bool)
    for rule, _ in rules[2:]:
        stronger |= rule
    todo = np.flatnonzero(known & ~stronger)
    typo = np.zeros(len(a), bool)
    typo[todo] = _one_digit_apart(
        ya[todo] * 10000 + ma[todo] * 100 + da[todo], yb[todo] * 10000 + mb[todo] * 100 + db[todo]
    )
    rules[1] = (typo, Date.TYPO)
    for rule, value in rules:  # later rules are stronger and win
        level[known & rule] = value
    return level


def compare_dates(
    c: People, r: People, ci: np.ndarray, ri: np.ndarray
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Best date level over stated/NIK combinations, its source, the agreeing date, the level
    of the stated dates alone (evidence independent of the NIKs), and whether a stated date on
    either side agrees exactly with the other side's stated or NIK date."""
    combos = [(c.dob, r.dob), (c.nik_dob, r.nik_dob), (c.dob, r.nik_dob), (c.nik_dob, r.dob)]
    # Year/month/day once per person, not once per pair.
    civil = {id(x): _civil_of(x) for x in (c.dob, c.nik_dob, r.dob, r.nik_dob)}

    def at(days: np.ndarray, idx: np.ndarray) -> Civil:
        y, m, d = civil[id(days)]
        return y[idx], m[idx], d[idx]

    levels = np.stack([_date_level(a[ci], b[ri], at(a, ci), at(b, ri)) for a, b in combos])
    source = levels.argmin(axis=0)
    best = levels.min(axis=0)
    values = np.stack([a[ci] for a, _ in combos])[source, np.arange(len(ci))]
    stated_agrees = (levels[[0, 2, 3]] == Date.EXACT).any(axis=0)
    return best, source.astype(np.int8), values, levels[0], stated_agrees


_SERIAL_PLACES = np.array([1000, 100, 10, 1], np.int64)


def compare_niks(c: People, r: People, ci: np.ndarray, ri: np.ndarray) -> np.ndarray:
    """NIK level: exact, one substitution/adjacent swap (by part), same regency, different."""
    level = np.full(len(ci), Nik.NULL, np.int8)
    both = nik_usable(c)[ci] & nik_usable(r)[ri]
    a, b = c.nik_digits[ci], r.nik_digits[ri]
    mismatch = a != b
    # A NIK whose last digit a spreadsheet zeroed is compared on the 15 digits it kept.
    truncated = c.nik_truncated[ci] | r.nik_truncated[ri]
    mismatch[truncated, 15] = False
    hamming = mismatch.sum(axis=1)
    swapped = np.zeros(len(ci), bool)
    first = np.argmax(mismatch, axis=1)
    two = np.flatnonzero(hamming == 2)
    if len(two):
        pos = first[two]
        nxt = np.minimum(pos + 1, 15)
        rows = np.arange(len(two))
        aa, bb = a[two], b[two]
        swapped[two] = (
            mismatch[two, nxt] & (aa[rows, pos] == bb[rows, nxt]) & (aa[rows, nxt] == bb[rows, pos])
        )
    level[both] = Nik.DIFFERENT
    level[both & (a[:, :4] == b[:, :4]).all(axis=1)] = Nik.SAME_REGENCY
    level[both & (a[:, :12] == b[:, :12]).all(axis=1)] = Nik.SAME_PREFIX
    one = both & ((hamming == 1) | swapped)
    where = first[one]
    level[one] = np.where(
        where >= 12, Nik.SERIAL_EDIT, np.where(where >= 6, Nik.DATE_EDIT, Nik.REGION_EDIT)
    )
    serial_a = a[:, 12:].astype(np.int64) @ _SERIAL_PLACES
    serial_b = b[:, 12:].astype(np.int64) @ _SERIAL_PLACES
    level[(level == Nik.SERIAL_EDIT) & (np.abs(serial_a - serial_b) == 1) & ~truncated] = (
        Nik.SERIAL_NEXT
    )
    level[both & (hamming == 0)] = Nik.EXACT
    # The 15 kept digits agree: the same district, day and serial but for its last digit —
    # a typo's evidence, not an identical NIK's.
    level[both & (hamming == 0) & truncated] = Nik.SERIAL_EDIT
    # Another identity number on both sides (no structure): equal, one typo, or different.
    other = c.other_id[ci] & r.other_id[ri]
    level[other] = Nik.DIFFERENT
    level[other & ((hamming == 1) | swapped)] = Nik.SERIAL_EDIT
    level[other & (hamming == 0)] = Nik.EXACT
    return level


def nik_sex_digit(c: People, r: People, ci: np.ndarray, ri: np.ndarray) -> np.ndarray:
    """NIKs that differ only in the tens digit of the day, by 4: the +40 that marks a woman.
    A man and a woman born the same day in the same district often hold exactly such NIKs
    (serials count per district, day-with-sex and month), so this is far commoner among
    different people than a typo elsewhere in the date digits (model._nik_u)."""
    a, b = c.nik_digits[ci].astype(np.int16), r.nik_digits[ri].astype(np.int16)
    rest = np.ones(16, bool)
    rest[6] = False
    same_rest = (a[:, rest] == b[:, rest]).all(axis=1)
    both = nik_usable(c)[ci] & nik_usable(r)[ri]
    return np.asarray(both & same_rest & (np.abs(a[:, 6] - b[:, 6]) == 4), bool)


def _informative_tokens(people: People, idx: np.ndarray) -> np.ndarray:
    """Informative token ids per row; a name of weak tokens only ("Ayu") keeps them all."""
    tokens = people.tokens[idx]
    informative = np.where(people.weak[idx], 0, tokens)
    none = (informative == 0).all(axis=1)
    informative[none] = tokens[none]
    return informative


def _lengths(texts: np.ndarray) -> np.ndarray:
    return np.fromiter((len(t) for t in texts), np.int32, count=len(texts))


def _fuzzy_token_hits(
    c_inf: np.ndarray, r_inf: np.ndarray, token_text: np.ndarray, todo: np.ndarray
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Per slot: does the token have an exact or near-identical partner (one typo: an edit or
    an adjacent swap; two for tokens of eight letters or more)?

    Also returns, per candidate slot, the registry token it was paired with (exact partners
    first, then the most similar near one; 0 when none): the name's u is built from them.
    """
    hit_c = (c_inf[:, :, None] == r_inf[:, None, :]).any(axis=2) & (c_inf > 0)
    hit_r = (r_inf[:, :, None] == c_inf[:, None, :]).any(axis=2) & (r_inf > 0)
    partner = np.where(hit_c, c_inf, 0)
    best = np.zeros(c_inf.shape, np.float32)
    rows = np.flatnonzero(todo)
    width = c_inf.shape[1]
    used = np.unique(np.concatenate([c_inf[rows].ravel(), r_inf[rows].ravel()]))
    length = np.zeros(len(token_text), np.int32)
    length[used] = _lengths(token_text[used])
    for a in range(width):
        for b in range(width):
            live = rows[(c_inf[rows, a] > 0) & (r_inf[rows, b] > 0)]
            if not len(live):
                continue
            # Each distinct pair of tokens is measured once (common names repeat a lot).
            pair = c_inf[live, a].astype(np.int64) << 32 | r_inf[live, b].astype(np.int64)
            distinct, back = np.unique(pair, return_inverse=True)
            left, right = distinct >> 32, distinct & 0xFFFFFFFF
            edits = cpdist(
                token_text[left], token_text[right], scorer=OSA.distance, workers=-1, dtype=np.int32
            )[back]
            shorter = np.minimum(length[c_inf[live, a]], length[r_inf[live, b]])
            ok = (edits <= 1) & (shorter >= 3) | (edits <= 2) & (shorter >= 8)
            sim = np.where(ok, 1.0 / (1 + edits), 0.0).astype(np.float32)
            hit_c[live[ok], a] = True
            hit_r[live[ok], b] = True
            better = ok & (sim > best[live, a]) & (partner[live, a] != c_inf[live, a])
            partner[live[better], a] = r_inf[live[better], b]
            best[live[better], a] = sim[better]
    return hit_c, hit_r, partner


def compare_names(
    c: People, r: People, ci: np.ndarray, ri: np.ndarray, token_text: np.ndarray | None = None
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Name level, fuzzy similarity (0–100), the shared informative token ids and, per
    candidate token, its exact or near registry partner (0 when none)."""
    c_inf = _informative_tokens(c, ci)
    r_inf = _informative_tokens(r, ri)
    in_r = (c_inf[:, :, None] == r_inf[:, None, :]).any(axis=2) & (c_inf > 0)
    in_c = (r_inf[:, :, None] == c_inf[:, None, :]).any(axis=2) & (r_inf > 0)
    shared = np.where(in_r, c_inf, 0)
    n_shared = in_r.sum(axis=1)
    n_c, n_r = (c_inf > 0).sum(axis=1), (r_inf > 0).sum(axis=1)
    similarity = cpdist(
        c.info_text[ci], r.info_text[ri], scorer=fuzz.token_sort_ratio, workers=-1, dtype=np.float32
    )
    level = np.full(len(ci), Name.DIFFERENT, np.int8)
    level[n_shared > 0] = Name.PARTIAL
    level[(similarity >= 85) & ((n_shared > 0) | (similarity >= 88))] = Name.FUZZY
    contained = (n_shared > 0) & ((n_shared == n_c) | (in_c.sum(axis=1) == n_r))
    level[contained] = Name.SUBSET
    level[(n_shared > 0) & (n_shared == n_c) & (in_c.sum(axis=1) == n_r)] = Name.SAME_INFORMATIVE
    level[c.name_key[ci] == r.name_key[ri]] = Name.EXACT
    # The same letters with the spaces in other places (Murti Anggraini / MURTIANGGRAINI).
    level[(c.joined_key[ci] == r.joined_key[ri]) & (c.joined_key[ci] > 0)] = Name.EXACT
    partner = np.where(in_r, c_inf, 0)
    if token_text is not None:  # typo'd tokens: every token of one name has a near partner
        hit_c, hit_r, partner = _fuzzy_token_hits(c_inf, r_inf, token_text, level >= Name.FUZZY)
        all_c = (hit_c.sum(axis=1) == n_c) & (n_c > 0)
        all_r = (hit_r.sum(axis=1) == n_r) & (n_r > 0)
        # Near partners for every token of both names: a typo'd name; for every token of one
        # name only: one name contains the other, spelt with a typo.
        level[(level > Name.FUZZY) & all_c & all_r] = Name.FUZZY
        level[(level > Name.SUBSET) & (all_c ^ all_r)] = Name.SUBSET
        level[(level == Name.DIFFERENT) & hit_c.any(axis=1)] = Name.PARTIAL
    level[(c.tokens[ci, 0] == 0) | (r.tokens[ri, 0] == 0)] = Name.NULL
    return level, similarity, shared, partner


def _initials_side(
    a: People, ai: np.ndarray, b: People, bi: np.ndarray, single: np.ndarray
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Initials written on side ``a`` ("Novi P.") against the tokens of side ``b``: does one
    stand for a token of ``b``, or does ``b`` have no token with that letter at all?"""
    is_initial = single[a.tokens[ai]]
    letters = np.where(is_initial, a.initials[ai], -1)
    full = ~single[b.tokens[bi]] & (b.tokens[bi] > 0)
    b_letters = np.where(full, b.initials[bi], -2)
    found = (letters[:, :, None] == b_letters[:, None, :]).any(axis=2)
    agree = (found & is_initial).any(axis=1)
    conflict = (is_initial & ~found).any(axis=1) & full.any(axis=1)
    letter = np.where(is_initial, letters, 0).max(axis=1)
    return agree, conflict, letter.astype(np.int32)


def _abbreviated_side(
    a: People, ai: np.ndarray, b: People, bi: np.ndarray, single: np.ndarray
) -> np.ndarray:
    """Side ``a`` is side ``b``'s name written short: every token of ``a`` is one of ``b``'s or
    an initial of one of ``b``'s ("Muhammad G." for "Muhammad Gatot", "Ni Komang E."), with at
    least one whole token and one initial."""
    tokens, other = a.tokens[ai], b.tokens[bi]
    is_initial = single[tokens]
    present = (tokens[:, :, None] == other[:, None, :]).any(axis=2) & (tokens > 0) & ~is_initial
    full = ~single[other] & (other > 0)
    letters = np.where(full, b.initials[bi], -2)
    stands = is_initial & (a.initials[ai][:, :, None] == letters[:, None, :]).any(axis=2)
    accounted = ((tokens == 0) | present | stands).all(axis=1)
    return np.asarray(accounted & stands.any(axis=1) & present.any(axis=1), bool)


def compare_initials(
    c: People, r: People, ci: np.ndarray, ri: np.ndarray, token_text: np.ndarray
) -> tuple[np.ndarray, np.ndarray]:
    """+1 where an initial on either side stands for a token of the other, -1 where no token
    of the other starts with it, 0 without initials; and the letter concerned."""
    single = np.fromiter((len(t) == 1 for t in token_text), bool, count=len(token_text))
    single[0] = False
    agree_c, conflict_c, letter_c = _initials_side(c, ci, r, ri, single)
    agree_r, conflict_r, letter_r = _initials_side(r, ri, c, ci, single)
    level = np.where(conflict_c | conflict_r, -1, np.where(agree_c | agree_r, 1, 0))
    return level.astype(np.int8), np.maximum(letter_c, letter_r)


def _sex_doubt(people: People) -> np.ndarray:
    """Rows whose stated sex contradicts the sex their own NIK encodes."""
    stated, coded = people.stated_sex, people.nik_sex
    return np.asarray((stated > 0) & (coded > 0) & (stated != coded), bool)


def compare_sex(c: People, r: People, ci: np.ndarray, ri: np.ndarray) -> np.ndarray:
    """Sex level from the best available source on each side."""
    a, b = c.sex[ci], r.sex[ri]
    level = np.full(len(ci), Sex.NULL, np.int8)
    level[(a > 0) & (b > 0)] = Sex.DIFFERENT
    level[(a > 0) & (a == b)] = Sex.SAME
    return level


def _near_places(c_place: np.ndarray, r_place: np.ndarray, token_text: np.ndarray) -> np.ndarray:
    """Whether two different birth places are spelt one typo apart (two from eight letters),
    spaces ignored ("Allambie H Eights"); computed once per distinct pair of places."""
    codes = c_place.astype(np.int64) * (len(token_text) + 1) + r_place
    unique, inverse = np.unique(codes, return_inverse=True)
    left = token_text[unique // (len(token_text) + 1)]
    right = token_text[unique % (len(token_text) + 1)]
    squeeze = np.vectorize(lambda t: t.lstrip("@").replace(" ", ""), otypes=[object])
    left, right = squeeze(left), squeeze(right)
    edits = cpdist(left, right, scorer=OSA.distance, workers=-1, dtype=np.int32)
    shorter = np.minimum(_lengths(left), _lengths(right))
    ok = (edits <= 1) & (shorter >= 4) | (edits <= 2) & (shorter >= 8)
    return np.asarray(ok[inverse.ravel()], bool)


def compare_geo(
    c: People,
    r: People,
    ci: np.ndarray,
    ri: np.ndarray,
    province_of: np.ndarray,
    token_text: np.ndarray | None = None,
) -> tuple[np.ndarray, np.ndarray]:
    """One geography level: same birth place, else a shared regency code, else province, else
    the same place spelt with a typo."""
    level = np.full(len(ci), Geo.NULL, np.int8)
    value = np.zeros(len(ci), np.int32)
    c_regs = [c.regency[ci], c.nik_regency[ci]]
    r_regs = [r.regency[ri], r.nik_regency[ri]]
    any_known = (c.place[ci] > 0) | (c_regs[0] > 0) | (c_regs[1] > 0)
    level[any_known & ((r.place[ri] > 0) | (r_regs[0] > 0) | (r_regs[1] > 0))] = Geo.DIFFERENT
    for a in c_regs:
        for b in r_regs:
            same_prov = (a > 0) & (province_of[a] == province_of[b]) & (level > Geo.PROVINCE)
            level[same_prov] = Geo.PROVINCE
    for a in c_regs:
        for b in r_regs:
            hit = (a > 0) & (a == b) & (level > Geo.REGENCY)
            level[hit], value[hit] = Geo.REGENCY, a[hit]
    if token_text is not None:
        todo = (c.place[ci] > 0) & (r.place[ri] > 0) & (c.place[ci] != r.place[ri])
        todo = np.flatnonzero(todo & (level == Geo.DIFFERENT))
        if len(todo):
            near = todo[_near_places(c.place[ci[todo]], r.place[ri[todo]], token_text)]
            level[near], value[near] = Geo.PLACE_NEAR, r.place[ri[near]]
    hit = (c.place[ci] > 0) & (c.place[ci] == r.place[ri])
    level[hit], value[hit] = Geo.PLACE, c.place[ci][hit]
    return level, value


def _self_consistent(people: People) -> np.ndarray:
    """Rows whose NIK carries the same birth date as the form."""
    return np.asarray((people.dob != INT_NULL) & (people.dob == people.nik_dob), bool)


def compare(
    c: People,
    r: People,
    ci: np.ndarray,
    ri: np.ndarray,
    province_of: np.ndarray,
    token_text: np.ndarray | None = None,
) -> Levels:
    """All field levels for the pairs ``(ci[k], ri[k])``."""
    date, source, value, stated, stated_agrees = compare_dates(c, r, ci, ri)
    nik = compare_niks(c, r, ci, ri)
    # A date read only from a NIK whose date digits hold a typo says nothing more than the NIK
    # comparison already did: not a second, contradicting fact. The stated dates, when both
    # forms carry one, are still their own evidence (else the level is NULL).
    from_typo = (nik == Nik.DATE_EDIT) & (source != 0) & (date > Date.EXACT)
    date[from_typo] = stated[from_typo]
    source[from_typo] = 0
    # Each side's NIK repeats its own stated birth date, and the two dates differ: not a slip
    # on one form (that would leave one side inconsistent) but two people born on other days.
    confirmed = _self_consistent(c)[ci] & _self_consistent(r)[ri] & (c.dob[ci] != r.dob[ri])
    date[confirmed] = Date.DIFFERENT
    nik[confirmed & (nik == Nik.DATE_EDIT)] = Nik.DIFFERENT
    sex = compare_sex(c, r, ci, ri)
    # Sex read from a NIK whose date digits hold a typo is unreliable too (the day carries +40).
    from_nik = (c.sex_source[ci] == "nik") | (r.sex_source[ri] == "nik")
    sex[(nik == Nik.DATE_EDIT) & from_nik] = Sex.NULL
    name, similarity, shared, partner = compare_names(c, r, ci, ri, token_text)
    geo, geo_value = compare_geo(c, r, ci, ri, province_of, token_text)
    initials, letter = np.zeros(len(ci), np.int8), np.zeros(len(ci), np.int32)
    if token_text is not None:
        initials, letter = compare_initials(c, r, ci, ri, token_text)
    initials[name == Name.NULL] = 0
    if token_text is not None:  # a name written with initials is contained in the full one
        single = np.fromiter((len(t) == 1 for t in token_text), bool, count=len(token_text))
        single[0] = False
        short = _abbreviated_side(c, ci, r, ri, single) | _abbreviated_side(r, ri, c, ci, single)
        name[(name > Name.SUBSET) & (name != Name.NULL) & short] = Name.SUBSET
    sex_digit = np.zeros(len(ci), bool)
    edited = np.flatnonzero(nik == Nik.DATE_EDIT)  # only these can differ by the +40 alone
    sex_digit[edited] = nik_sex_digit(c, r, ci[edited], ri[edited])
    far = np.zeros(len(ci), np.int8)
    apart = np.flatnonzero(np.isin(nik, (Nik.SAME_REGENCY, Nik.DIFFERENT)))
    far[apart] = (c.nik_digits[ci[apart]] != r.nik_digits[ri[apart]]).sum(axis=1)
    return Levels(
        nik=nik,
        nik_sex_digit=sex_digit,
        nik_apart=far,
        other_id=np.asarray(c.other_id[ci] & r.other_id[ri], bool),
        date=date,
        date_source=source,
        date_value=value,
        stated_date=stated,
        stated_agrees=stated_agrees,
        name=name,
        name_similarity=similarity,
        shared_tokens=shared,
        partner_tokens=partner,
        initials=initials,
        initial_letter=letter,
        sex=sex,
        sex_doubt=_sex_doubt(c)[ci] | _sex_doubt(r)[ri],
        geo=geo,
        geo_value=geo_value,
    )
