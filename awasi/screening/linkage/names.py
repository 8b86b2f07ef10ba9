"""Indonesian personal-name normalisation for record linkage (pure, no Django).

A raw name such as ``"Dr. H. Muh. Yusuf, S.H., M.M."`` becomes a :class:`ParsedName` with
the titles kept apart (``titles_pre`` / ``titles_post``: weak evidence only, never part of
the compared name), canonical tokens (``muhammad yusuf``) and spelling-insensitive keys
(``muhamad yusup``) that make old and new orthography agree (Soeharto/Suharto, Djoko/Joko,
Tjahjono/Cahyono). The rules follow shared/domain/linkage.md §4.1–4.4 and §5.2:

* titles: academic degrees (Permenristekdikti 59/2018 Pasal 20), older degrees (Drs., Ir.),
  religious (H., Hj., KH.) and noble/adat titles (R., R.A., Teuku, Cut, Tgk.);
* very frequent tokens (Muhammad and its abbreviations, Abdul, Siti, Nur, Balinese birth-order
  names, I/Ni) are canonicalised and marked *weak*: kept, but carrying little evidence;
* the spelling key applies the EYD 1972 and Soewandi 1947 changes (oe→u, dj→j, tj→c, nj→ny,
  sj→sy, ch→kh; old dj/tj also stood for today's dy/ty, so those meet them too), then merges
  j/y, folds a few consonant variants and collapses double letters.

``NORMALISER_VERSION`` changes whenever a rule changes, so decisions stay reproducible.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

import numpy as np

if TYPE_CHECKING:
    import polars as pl

NORMALISER_VERSION = "2026.11-2"

#: Titles written before the name (dots removed). Religious, academic and noble/adat.
PREFIX_TITLES = frozenset(
    "dr drs dra ir prof h hj hji kh kyai ust ustadz ustad ustadzah habib pdt pastor romo "
    "drg dokter raden r rm ra rr ray tgk teuku teungku t cut dt datuk sutan puti bapak ibu "
    "bpk sdr sdri tn ny nn hajjah haji apt ns bd".split()
)
#: Sex implied by a title (weak evidence): Hj. = hajjah, Dra. = doktoranda, R.A./Cut/Puti.
TITLE_SEX = {
    "hj": "P",
    "hajjah": "P",
    "dra": "P",
    "ra": "P",
    "cut": "P",
    "puti": "P",
    "ny": "P",
    "ibu": "P",
    "sdri": "P",
    "h": "L",
    "haji": "L",
    "kh": "L",
    "drs": "L",
    "teuku": "L",
    "rm": "L",
    "bapak": "L",
    "tn": "L",
}
#: Degree abbreviations written after the name (dots removed; Permenristekdikti 59/2018).
_DEGREE_RE = re.compile(
    r"^(?:s|m|d|a|sp|ss|st|sst|str|mtr|amd|ap|am|dr|drtr|phd|mba|msc|bsc|ba|ma|llm|mph|ak|cpa"
    r"|ca|ked|kep|sh|se|mm|mh|mp|mt|ms|mag|dipl|ir|spd|mpd|ssos|msi|skom|mkom|st|sip|ssi)"
    r"(?:[a-z]{0,5})$"
)
_KNOWN_DEGREES = frozenset(
    "sh se st spd spdi ssos skom sip sag sthi shi sei sked sgz spt sfarm spsi sikom ssi sp ssn "
    "shum sak mm mh msi mpd mkom mt mag mak mfarm mti mba msc phd amd ama amk amkep amkeb ap "
    "am ak apt skm skep sstp mhum mkes mikom mip mp msos ked sked str mtr cpa ca llm mph "
    "spog spb spa sppd sppk sh mkn".split()
)
#: Frequent tokens and their canonical form (linkage.md §4.2): low evidence, never removed.
_CANONICAL = {
    **dict.fromkeys(
        "m md mhd muh moh mohd mochd muhd mohammad mohamad muhamad muhammad mochammad mochamad "
        "muchammad muchamad muhamat mohamed muhammed mukhammad mokhamad mokhammad muchamat "
        "mochamat mohammed".split(),
        "muhammad",
    ),
    **dict.fromkeys("abd abdul abdoel".split(), "abdul"),
    **dict.fromkeys("siti sitti st".split(), "siti"),
    **dict.fromkeys("nur noor nurul noer".split(), "nur"),
    **dict.fromkeys("achmad akhmad ahmad ahmat achmat".split(), "ahmad"),
}
#: Tokens shared by very many people (Balinese birth-order/caste names, I/Ni, bin/binti...).
WEAK_TOKENS = frozenset(
    "muhammad abdul siti nur ahmad i ni wayan made nyoman ketut putu kadek komang gede nengah "
    "ida bagus ayu anak agung gusti ngurah dewa desak andi daeng bin binti".split()
)
_CONNECTORS = frozenset({"bin", "binti", "bt", "bte", "van", "de", "al"})
#: Ordered old→new orthography and consonant folds for the spelling key (linkage.md §4.3).
_SPELLING_STEPS = (
    ("oe", "u"),
    # Old "dj" and "tj" also stood for today's "dy" and "ty" (Widja/Widya, Prasetjo/Prasetyo):
    # both spellings of today meet the old one.
    ("dj", "j"),
    ("dy", "j"),
    ("tj", "c"),
    ("ty", "c"),
    ("nj", "ny"),
    ("sj", "sy"),
    ("ch", "kh"),
    ("kh", "h"),
    ("dh", "d"),
    ("th", "t"),
    ("ph", "f"),
    ("sh", "sy"),
    ("j", "y"),
    ("f", "p"),
    ("v", "p"),
    ("q", "k"),
    ("x", "ks"),
    ("z", "s"),
)
_DOUBLE_RE = re.compile(r"(.)\1+")
_SPLIT_RE = re.compile(r"[\s]+")
_GLUED_RE = re.compile(r"\.(?=[a-z]{3,})")  # "H.Ahmad" → "H. Ahmad"
_NON_ALPHA_RE = re.compile(r"[^a-z.]")


@dataclass(frozen=True, slots=True)
class ParsedName:
    """A name split into titles and canonical tokens, with spelling keys per token."""

    raw: str
    titles_pre: tuple[str, ...]
    titles_post: tuple[str, ...]
    tokens: tuple[str, ...]
    keys: tuple[str, ...]
    weak: tuple[bool, ...]

    @property
    def normalised(self) -> str:
        """Canonical tokens joined by spaces, titles removed (``muhammad yusuf``)."""
        return " ".join(self.tokens)

    @property
    def key(self) -> str:
        """Order-free spelling key of the whole name (sorted token keys)."""
        return " ".join(sorted(self.keys))

    @property
    def informative_keys(self) -> tuple[str, ...]:
        """Spelling keys of the tokens that are not weak, in name order."""
        return tuple(k for k, w in zip(self.keys, self.weak, strict=True) if not w)

    @property
    def sex_hint(self) -> str:
        """``L``/``P`` implied by a title such as H./Hj., or ``""``."""
        hints = {TITLE_SEX[t] for t in self.titles_pre if t in TITLE_SEX}
        return hints.pop() if len(hints) == 1 else ""


def ascii_fold(text: str) -> str:
    """NFKD-fold to lower-case ASCII (diacritics and apostrophes dropped)."""
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return folded.lower().replace("'", "").replace("`", "")


@lru_cache(maxsize=200_000)
def spelling_key(token: str) -> str:
    """Spelling-insensitive key of one lower-case token (``djoko`` and ``joko`` → ``yoko``)."""
    key = _DOUBLE_RE.sub(r"\1", token)
    for old, new in _SPELLING_STEPS:
        key = key.replace(old, new)
    key = _DOUBLE_RE.sub(r"\1", key)
    if len(key) > 3 and key.endswith("h") and key[-2] in "aiueo":
        key = key[:-1]  # Fatimah/Fatima, Aisyah/Aisya
    return key


def _title_parts(token: str) -> tuple[str, ...] | None:
    """The title(s) a dotted token stands for (``r.a.`` → ``ra``), or None if not a title."""
    bare = token.strip(".")
    if not bare:
        return ()
    if "." not in bare:
        return (bare,) if bare in PREFIX_TITLES else None
    joined = bare.replace(".", "")
    if joined in PREFIX_TITLES:
        return (joined,)
    parts = tuple(p for p in bare.split(".") if p)
    return parts if all(p in PREFIX_TITLES for p in parts) else None


def _is_degree(token: str) -> bool:
    bare = token.replace(".", "")
    return bare in _KNOWN_DEGREES or (("." in token) and bool(_DEGREE_RE.match(bare)))


#: Old spellings undone before looking a token up in ``_CANONICAL`` (Noeroel → nurul).
_OLD_SPELLING = (("oe", "u"), ("dj", "j"), ("tj", "c"))


def _expand(token: str) -> list[str]:
    """Canonical token(s) for one bare token; splits fused Abdur-/Abdul- compounds."""
    if token in _CANONICAL:
        return [_CANONICAL[token]]
    modern = token
    for old, new in _OLD_SPELLING:
        modern = modern.replace(old, new)
    if modern in _CANONICAL:
        return [_CANONICAL[modern]]
    if len(token) > 7 and token.startswith(("abdur", "abdul")) and token[5] != "l":
        rest = token[5:]
        return ["abdul", rest if rest[0] == "r" or token[4] == "l" else "r" + rest]
    return [token]


@lru_cache(maxsize=400_000)
def parse_name(raw: str) -> ParsedName:
    """Split a raw name into titles, canonical tokens and spelling keys."""
    text = ascii_fold(raw or "")
    head, _, tail = text.partition(",")
    head = _GLUED_RE.sub(". ", _NON_ALPHA_RE.sub(" ", head.replace("-", " ")))
    words = [w for w in _SPLIT_RE.split(head) if w]
    pre: list[str] = []
    while len(words) > 1 and (parts := _title_parts(words[0])) is not None:
        pre.extend(parts)
        words.pop(0)
    post = [d.replace(".", "") for d in _SPLIT_RE.split(_NON_ALPHA_RE.sub(" ", tail)) if d]
    while len(words) > 1 and _is_degree(words[-1]):
        post.insert(0, words.pop().replace(".", ""))
    tokens: list[str] = []
    for word in words:
        for piece in word.split("."):
            if piece and piece not in _CONNECTORS:
                tokens.extend(_expand(piece))
    keys = tuple(spelling_key(t) for t in tokens)
    weak = tuple(t in WEAK_TOKENS or len(t) == 1 for t in tokens)
    return ParsedName(raw, tuple(pre), tuple(p for p in post if p), tuple(tokens), keys, weak)


#: Names the vectorised parser takes: ASCII only (accented names go through :func:`parse_name`
#: one by one, for its Unicode folding).
ASCII_NAME_PATTERN = r"^[\x00-\x7f]*$"


def parse_names(names: pl.Series) -> tuple[pl.DataFrame, pl.DataFrame]:
    """:func:`parse_name` for a column of lower-case ASCII names at once.

    Returns ``(tokens, names)``: ``tokens`` has one row per name token in name order
    (``row``, ``key``, ``weak``); ``names`` one row per input name (``row``, ``titles`` —
    titles before, then degrees after, space-joined — and ``sex_hint``). The values are those
    :func:`parse_name` gives for each name: every distinct word is classified once in Python
    (title, degree, the tokens it stands for); which leading words are titles and which trailing
    ones degrees is worked out on the whole column.
    """
    import polars as pl

    n = len(names)
    text = names.fill_null("").str.replace_all("['`]", "")
    split = text.str.splitn(",", 2).struct.rename_fields(["head", "tail"]).struct.unnest()
    head = (
        split["head"]
        .fill_null("")
        .str.replace_all("-", " ")
        .str.replace_all(r"[^a-z.]", " ")
        .str.replace_all(r"\.([a-z]{3,})", ". $1")
    )
    rows = pl.Series("row", np.arange(n, dtype=np.int64))

    def exploded(column: pl.Series) -> pl.DataFrame:
        """One row per word (``row``, ``w``), with its position and the row's word count."""
        lists = column.str.strip_chars(" ").str.replace_all(" +", " ").str.split(" ")
        lists = (
            pl.when(lists.list.first() == "").then(pl.lit([], pl.List(pl.Utf8))).otherwise(lists)
        )
        lists = pl.select(lists.alias("w")).to_series()
        counts = lists.list.len().to_numpy().astype(np.int64)
        starts = np.repeat(np.cumsum(counts) - counts, counts)
        frame = pl.DataFrame({"row": rows, "w": lists}).explode("w").drop_nulls("w")
        return frame.with_columns(
            pos=np.arange(len(starts), dtype=np.int64) - starts,
            n=np.repeat(counts, counts),
        )

    words = exploded(head)
    tail = exploded(split["tail"].fill_null("").str.replace_all(r"[^a-z.]", " "))
    vocabulary = words["w"].unique(maintain_order=True).to_list()
    parts = [_title_parts(w) for w in vocabulary]
    table = pl.DataFrame(
        {
            "w": vocabulary,
            "title": [p is not None for p in parts],
            "parts": [list(p or ()) for p in parts],
            "degree": [_is_degree(w) for w in vocabulary],
            "canon": [
                [
                    t
                    for piece in w.split(".")
                    if piece and piece not in _CONNECTORS
                    for t in _expand(piece)
                ]
                for w in vocabulary
            ],
        },
        schema={
            "w": pl.Utf8,
            "title": pl.Boolean,
            "parts": pl.List(pl.Utf8),
            "degree": pl.Boolean,
            "canon": pl.List(pl.Utf8),
        },
    )
    words = words.join(table, on="w", how="left", maintain_order="left")
    # Leading titles while more than one word is left, then trailing degrees likewise.
    first_plain = pl.when(~pl.col("title")).then(pl.col("pos")).otherwise(pl.col("n"))
    words = words.with_columns(
        pre=pl.min_horizontal(first_plain.min().over("row"), pl.col("n") - 1)
    )
    last_plain = pl.when(~pl.col("degree") & (pl.col("pos") >= pl.col("pre"))).then(pl.col("pos"))
    words = words.with_columns(
        post=pl.max_horizontal(last_plain.max().over("row").fill_null(-1) + 1, pl.col("pre") + 1)
    )
    body = (
        words.filter((pl.col("pos") >= pl.col("pre")) & (pl.col("pos") < pl.col("post")))
        .select("row", "pos", "canon")
        .explode("canon")
        .filter(pl.col("canon").is_not_null())
        .rename({"canon": "token"})
    )
    distinct = body["token"].unique(maintain_order=True).to_list()
    keyed = pl.DataFrame(
        {
            "token": distinct,
            "key": [spelling_key(t) for t in distinct],
            "weak": [t in WEAK_TOKENS or len(t) == 1 for t in distinct],
        },
        schema={"token": pl.Utf8, "key": pl.Utf8, "weak": pl.Boolean},
    )
    tokens = body.join(keyed, on="token", how="left", maintain_order="left").select(
        "row", "key", "weak"
    )
    pre = (
        words.filter(pl.col("pos") < pl.col("pre"))
        .select("row", "pos", pl.col("parts").alias("t"))
        .explode("t")
        .filter(pl.col("t").is_not_null())
    )
    titles = pl.concat(
        [
            pre.select("row", pl.lit(0).alias("part"), "pos", "t"),
            words.filter(pl.col("pos") >= pl.col("post")).select(
                "row",
                pl.lit(1).alias("part"),
                "pos",
                pl.col("w").str.replace_all(".", "", literal=True).alias("t"),
            ),
            tail.select(
                "row",
                pl.lit(2).alias("part"),
                "pos",
                pl.col("w").str.replace_all(".", "", literal=True).alias("t"),
            ),
        ]
    ).filter(pl.col("t") != "")
    joined = (
        titles.sort("row", "part", "pos", maintain_order=True)
        .group_by("row", maintain_order=True)
        .agg(titles=pl.col("t").str.join(" "))
    )
    hints = (
        pre.with_columns(sex=pl.col("t").replace_strict(TITLE_SEX, default=""))
        .filter(pl.col("sex") != "")
        .group_by("row")
        .agg(pl.col("sex").unique())
        .select(
            "row",
            sex_hint=pl.when(pl.col("sex").list.len() == 1).then(pl.col("sex").list.first()),
        )
    )
    out = pl.DataFrame({"row": rows})
    for part in (joined, hints):
        out = out.join(part, on="row", how="left", maintain_order="left")
    return tokens, out.select(
        "row", pl.col("titles").fill_null(""), pl.col("sex_hint").fill_null("")
    )
