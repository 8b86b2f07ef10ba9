"""Decisions on hand-made hard pairs, against a synthetic registry background."""

import numpy as np
import polars as pl
import pytest

from awasi.screening.linkage import synth
from awasi.screening.linkage.blocking import block, block_self
from awasi.screening.linkage.link import clusters, duplicates, link
from awasi.screening.linkage.prep import Vocabulary, prepare

REGISTRY = [
    # person_id, full_name, birth_place, birth_date, sex, nik, category, employer, region_code
    (
        "R-BUDI",
        "Budi Santoso",
        "Pangkalpinang",
        "1982-06-15",
        "L",
        "1971011506820001",
        "asn",
        "Pemkot",
        "19.71",
    ),
    (
        "R-DJOKO",
        "Djoko Tjahjono",
        "Bangka",
        "1968-04-08",
        "L",
        "1901010804680002",
        "asn",
        "Pemkab",
        "19.01",
    ),
    (
        "R-SITI",
        "Siti Rahmawati Wulandari",
        "Belitung",
        "1975-09-21",
        "P",
        "1902016109750003",
        "pppk",
        "RSUD",
        "19.02",
    ),
    (
        "R-DUMMY",
        "Rudi Hartono Saputra",
        "Bangka Barat",
        "1979-02-11",
        "L",
        "3333333333333333",
        "honorary",
        "Dinas",
        "19.05",
    ),
    (
        "R-YUSUF",
        "Muhammad Yusuf Prawiranegara",
        "Bangka Tengah",
        "1971-03-05",
        "L",
        "1904010503710004",
        "tni",
        "Kodim",
        "19.04",
    ),
]
CANDIDATES = [
    # candidate_id, full_name, birth_place, birth_date, sex, nik, party, level, dapil, region_code
    (
        "C-NAMESAKE",
        "BUDI SANTOSO",
        "Pangkalpinang",
        "1970-01-01",
        "L",
        "",
        "P01",
        "dprd_province",
        "Babel 1",
        "19.71",
    ),
    (
        "C-OLDSPELL",
        "Dr. H. Joko Cahyono, S.H., M.M.",
        "Kab. Bangka",
        "1968-04-08",
        "L",
        "1901010804680002",
        "P02",
        "dprd_province",
        "Babel 6",
        "19.01",
    ),
    (
        "C-NIKTYPO",
        "Hj. Siti Rahmawati Wulandari, S.Pd",
        "Belitung",
        "1975-09-21",
        "P",
        "1902016109750008",
        "P03",
        "dprd_regency",
        "Belitung 1",
        "19.02",
    ),
    (
        "C-DUMMY",
        "Agus Salim Nasution",
        "Bangka Barat",
        "1985-07-30",
        "L",
        "3333333333333333",
        "P04",
        "dprd_regency",
        "Bangka Barat 2",
        "19.05",
    ),
    (
        "C-MUH",
        "Muh. Jusuf Prawiranegara",
        "Bangka Tengah",
        "1971-03-05",
        "L",
        "",
        "P05",
        "dpr",
        "Babel",
        "19.04",
    ),
]


@pytest.fixture(scope="module")
def decisions():
    background = synth.generate(n_registry=3000, n_candidates=10, n_links=0, seed=11)
    registry = pl.concat(
        [
            background.registry,
            pl.DataFrame(REGISTRY, schema=background.registry.columns, orient="row"),
        ]
    )
    candidates = pl.DataFrame(CANDIDATES, schema=background.candidates.columns, orient="row")
    result = link(candidates, registry, keep_all=True)
    return {row["candidate_id"]: row for row in result.iter_rows(named=True)}


def test_namesake_with_other_birth_date_is_not_a_match(decisions):
    assert decisions["C-NAMESAKE"]["decision"] != "match"


def test_old_spelling_with_titles_matches(decisions):
    row = decisions["C-OLDSPELL"]
    assert (row["person_id"], row["decision"]) == ("R-DJOKO", "match")
    assert "gelar diabaikan" in row["reasons"]


def test_nik_typo_still_matches_and_is_explained(decisions):
    row = decisions["C-NIKTYPO"]
    assert (row["person_id"], row["decision"]) == ("R-SITI", "match")
    assert "NIK beda 1 digit" in row["reasons"]


def test_shared_dummy_nik_is_no_evidence(decisions):
    row = decisions.get("C-DUMMY", {"person_id": "", "decision": "no match"})
    assert row["person_id"] != "R-DUMMY" or row["decision"] == "no match"


def test_muhammad_abbreviation_and_old_j_match_without_nik(decisions):
    row = decisions["C-MUH"]
    assert (row["person_id"], row["decision"]) == ("R-YUSUF", "match")


def test_reasons_available_in_english():
    background = synth.generate(n_registry=2000, n_candidates=10, n_links=0, seed=2)
    registry = pl.concat(
        [
            background.registry,
            pl.DataFrame(REGISTRY, schema=background.registry.columns, orient="row"),
        ]
    )
    candidates = pl.DataFrame(CANDIDATES[1:2], schema=background.candidates.columns, orient="row")
    row = link(candidates, registry, language="en").row(0, named=True)
    assert "NIK identical" in row["reasons"] and "titles ignored" in row["reasons"]


def test_double_candidacy_found_without_chaining_namesakes():
    base = synth.generate(n_registry=10, n_candidates=400, n_links=0, seed=4).candidates
    cols = base.columns
    extra = pl.DataFrame(
        [
            (
                "D1",
                "Hendra Gunawan Siregar",
                "Medan",
                "1977-05-05",
                "L",
                "1271010505770001",
                "P01",
                "dprd_province",
                "Babel 1",
                "19.71",
            ),
            (
                "D2",
                "H. Hendra Gunawan Siregar, S.E.",
                "Medan",
                "1977-05-05",
                "L",
                "1271010505770001",
                "P07",
                "dprd_regency",
                "Bangka 2",
                "19.01",
            ),
            (
                "D3",
                "Hendra Gunawan Siregar",
                "Medan",
                "1990-11-30",
                "L",
                "1271013011900002",
                "P09",
                "dprd_regency",
                "Belitung 1",
                "19.02",
            ),
        ],
        schema=cols,
        orient="row",
    )
    pairs = duplicates(pl.concat([base, extra]))
    flagged = {
        frozenset((a, b)): d
        for a, b, d in pairs.select("candidate_id_a", "candidate_id_b", "decision").iter_rows()
    }
    assert flagged.get(frozenset(("D1", "D2"))) == "match"
    assert flagged.get(frozenset(("D1", "D3"))) != "match"
    assert {"D1", "D2"} in clusters(pairs) and not any("D3" in g for g in clusters(pairs))


def test_other_id_numbers_typos_and_token_typos():
    background = synth.generate(n_registry=2000, n_candidates=10, n_links=0, seed=3)
    cols_r, cols_c = background.registry.columns, background.candidates.columns
    registry = pl.concat(
        [
            background.registry,
            pl.DataFrame(
                [
                    (
                        "R-OLD",
                        "Ratih",
                        "Toboali",
                        "1966-02-14",
                        "P",
                        "0912345",
                        "village_head",
                        "Desa",
                        "19.03",
                    ),
                    (
                        "R-TYPO",
                        "Hendrik Simanjuntak",
                        "Muntok",
                        "1981-12-03",
                        "L",
                        "",
                        "bumd",
                        "PT",
                        "19.05",
                    ),
                ],
                schema=cols_r,
                orient="row",
            ),
        ]
    )
    candidates = pl.DataFrame(
        [
            ("C-OLD", "RAIH", "Toboali", "1966-02-14", "P", "0912345", "P01", "x", "d", "19.03"),
            (
                "C-TYPO",
                "Hendrik Simanjuntak",
                "Muntok",
                "1981-12-30",
                "L",
                "",
                "P01",
                "x",
                "d",
                "19.05",
            ),
        ],
        schema=cols_c,
        orient="row",
    )
    result = {r["candidate_id"]: r for r in link(candidates, registry).iter_rows(named=True)}
    assert (result["C-OLD"]["person_id"], result["C-OLD"]["decision"]) == ("R-OLD", "match")
    assert result["C-TYPO"]["person_id"] == "R-TYPO"
    assert "beda 1 angka" in result["C-TYPO"]["reasons"]  # 03 ↔ 30: digits swapped


def test_chunked_run_gives_the_same_answer():
    data = synth.generate(n_registry=3000, n_candidates=300, n_links=100, seed=8, setting="hard")
    whole = link(data.candidates, data.registry)
    chunked = link(data.candidates, data.registry, chunk_size=70)
    key = ["candidate_id", "person_id", "decision"]
    assert whole.select(key).sort(key).equals(chunked.select(key).sort(key))


def test_chunked_double_candidacy_gives_the_same_answer():
    data = synth.generate(n_registry=100, n_candidates=1500, n_links=0, seed=9, setting="hard")
    # Plant doubles: second forms of some candidates, so there is something to find.
    seconds = data.candidates.head(60).with_columns(
        candidate_id=pl.col("candidate_id") + "-B", party=pl.lit("P99")
    )
    candidates = pl.concat([data.candidates, seconds])
    vocab = Vocabulary()
    people = prepare(candidates, "candidate_id", vocab)
    whole = block(people, people, same_table=True)
    li, ri = block_self(people, chunk_size=97)
    assert np.array_equal(whole[0], li) and np.array_equal(whole[1], ri)
    key = ["candidate_id_a", "candidate_id_b", "decision", "score"]
    default = duplicates(candidates).select(key).sort(key)
    chunked = duplicates(candidates, chunk_size=97, pair_batch=53).select(key).sort(key)
    assert default.height >= 60
    assert default.equals(chunked)
