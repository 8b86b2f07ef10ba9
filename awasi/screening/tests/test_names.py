"""Table tests for Indonesian name normalisation."""

import pytest

from awasi.screening.linkage.names import parse_name, spelling_key


@pytest.mark.parametrize(
    ("raw", "tokens", "titles_pre", "titles_post"),
    [
        ("Dr. H. Muh. Yusuf, S.H., M.M.", ("muhammad", "yusuf"), ("dr", "h"), ("sh", "mm")),
        ("MUHAMMAD YUSUF", ("muhammad", "yusuf"), (), ()),
        ("Drs. Moh Yusuf", ("muhammad", "yusuf"), ("drs",), ()),
        ("M. Rizki", ("muhammad", "rizki"), (), ()),
        ("H.Ahmad Dahlan", ("ahmad", "dahlan"), ("h",), ()),
        ("R.A. Siti Aminah", ("siti", "aminah"), ("ra",), ()),
        ("St. Aisyah", ("siti", "aisyah"), (), ()),
        ("Abdurrahman Wahid", ("abdul", "rahman", "wahid"), (), ()),
        ("Abdul Rahman", ("abdul", "rahman"), (), ()),
        ("Budi Santoso SH MM", ("budi", "santoso"), (), ("sh", "mm")),
        ("I Wayan Sudarsana", ("i", "wayan", "sudarsana"), (), ()),
        ("Soeharto", ("soeharto",), (), ()),
        ("Ahmad bin Umar", ("ahmad", "umar"), (), ()),
        ("  ", (), (), ()),
    ],
)
def test_parse_name(raw, tokens, titles_pre, titles_post):
    parsed = parse_name(raw)
    assert parsed.tokens == tokens
    assert parsed.titles_pre == titles_pre
    assert parsed.titles_post == titles_post


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("soeharto", "suharto"),
        ("djoko", "joko"),
        ("tjahjono", "cahyono"),
        ("jusuf", "yusuf"),
        ("njoman", "nyoman"),
        ("sjamsul", "syamsul"),
        ("chairul", "khairul"),
        ("fatimah", "fatima"),
        ("muhammad", "muhamad"),
        ("yusup", "yusuf"),
        ("ramadhan", "ramadan"),
        ("prasetjo", "prasetyo"),
        ("setjawati", "setyawati"),
        ("widjaja", "wijaya"),
        ("widja", "widya"),
    ],
)
def test_spelling_key_joins_old_and_new_orthography(old, new):
    assert spelling_key(old) == spelling_key(new)


@pytest.mark.parametrize(("a", "b"), [("budi", "badu"), ("joko", "jaka"), ("siti", "sari")])
def test_spelling_key_keeps_different_names_apart(a, b):
    assert spelling_key(a) != spelling_key(b)


def test_order_free_key_and_weak_tokens():
    a, b = parse_name("Djoko Tjahjono"), parse_name("Cahyono, Joko")
    assert parse_name("Djoko Tjahjono").key == parse_name("Tjahjono Djoko").key
    assert a.informative_keys == ("yoko", "cahyono")
    assert b.tokens == ("cahyono",)  # text after a comma is a degree list, not a name
    assert parse_name("Muhammad Yusuf").informative_keys == ("yusup",)


@pytest.mark.parametrize(("raw", "sex"), [("Hj. Aminah", "P"), ("H. Ahmad", "L"), ("Dr. Ani", "")])
def test_title_implies_sex_weakly(raw, sex):
    assert parse_name(raw).sex_hint == sex


@pytest.mark.parametrize(
    ("old", "new"),
    [("Noeroel Hoeda", "Nurul Huda"), ("Moehammad Noer", "Muhammad Nur"), ("Abdoel", "Abdul")],
)
def test_frequent_tokens_in_old_spelling_are_the_same_weak_token(old, new):
    assert parse_name(old).key == parse_name(new).key
    assert parse_name(old).weak == parse_name(new).weak
