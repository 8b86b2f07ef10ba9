"""The vectorised name preparation gives, for every row, what ``parse_name`` gives alone."""

import numpy as np
import polars as pl
import pytest

from awasi.screening.linkage import synth
from awasi.screening.linkage.names import parse_name
from awasi.screening.linkage.prep import MAX_TOKENS, Vocabulary, _names

HAND = [
    "",
    "bin",
    "H",
    "Dr",
    "Budi SH",
    "dr h muhammad yusuf sh mm",
    "DR. H. MUH. YUSUF, S.H., M.M.",
    "Abdurrahman Wahid",
    "abdul rahman  bin  ahmad",
    "Siti Nurhaliza binti Ahmad",
    "Hj Ratna",
    "Hj. Ratna, S.Pd.",
    "h hj budi",
    "Ir Soekarno",
    "I Wayan Sudarsana",
    "Ni Komang Ayu Sri Dewi Lestari",
    "Noeroel Hoeda",
    "José Ramos-Horta",
    "Tjoa  Kim   Liong",
    "kh ahmad dahlan ma",
    "sh mm",
    "Prof Dr Ir Bambang Soedibyo MBA",
    "teuku umar",
    "R.A. Kartini",
    "Muhammad G.",
    "O'neil Sitorus",
    "h.ahmad dahlan",
    "dr.h.muhammad yusuf",
    "muh.yusuf",
    "h. . budi",
    "budi ,",
    ", s.h.",
    "a.b.c",
    "ST. TITI SAPUTRA",
    "ir.",
    "Budi S.",
    "Ni Made Sri, S.Pd, M.Pd",
    "budi 2 santoso",
    "dra siti usada msi",
    "R. Lanjar Irwan Nababan, S.Pd.",
    "abdoel rachman",
    "Moehammad Joesoef",
    "  spaced   out  ",
    "Ahmad-Dahlan bin Abdul",
    "`Ali",
    "drs.",
    "h h",
    "sh budi",
    "Murti Anggraini",
    "MURTIANGGRAINI",
]


def _expected(raw: str, vocab: Vocabulary) -> dict:
    p = parse_name(raw)  # as given: lower-casing first must not change the parse
    keys = list(p.keys)
    informative = sorted(k for k, w in zip(p.keys, p.weak, strict=True) if not w)
    return {
        "tokens": keys[:MAX_TOKENS],
        "weak": list(p.weak[:MAX_TOKENS]),
        "name_key": "#" + " ".join(sorted(keys)),
        "joined": "=" + "".join(keys) if keys else "",
        "info_text": " ".join(informative or sorted(keys)),
        "titles": " ".join(p.titles_pre + p.titles_post),
        "sex_hint": {"L": 1, "P": 2}.get(p.sex_hint, 0),
    }


@pytest.mark.parametrize("setting", ["standard", "hard"])
def test_vectorised_names_agree_with_parse_name(setting):
    data = synth.generate(n_registry=6000, n_candidates=3000, n_links=1500, seed=3, setting=setting)
    raw = HAND + data.candidates["full_name"].to_list() + data.registry["full_name"].to_list()
    vocab = Vocabulary()
    got = _names(pl.Series(raw), vocab)
    text = vocab.texts()
    for k, name in enumerate(raw):
        want = _expected(name, vocab)
        n = len(want["tokens"])
        assert [text[i] for i in got["tokens"][k][:n]] == want["tokens"], name
        assert not got["tokens"][k][n:].any(), name
        assert list(got["weak"][k][:n]) == want["weak"], name
        assert list(got["initials"][k][:n]) == [ord(t[0]) for t in want["tokens"]], name
        assert text[got["name_key"][k]] == want["name_key"], name
        assert got["info_text"][k] == want["info_text"], name
        assert text[got["info_key"][k]] == "#" + want["info_text"], name
        assert got["titles"][k] == want["titles"], name
        assert text[got["joined_key"][k]] == want["joined"], name
        assert got["sex_hint"][k] == want["sex_hint"], name


def test_case_variants_share_one_parse():
    vocab = Vocabulary()
    got = _names(pl.Series(["BUDI SANTOSO", "Budi Santoso", "budi santoso"]), vocab)
    assert np.unique(got["name_key"]).size == 1 and (got["tokens"] == got["tokens"][0]).all()
