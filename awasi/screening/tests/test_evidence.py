"""Decisions that rest on the evidence model: NIK structure, self-consistent dates, rivals, EM."""

import numpy as np
import polars as pl
import pytest

from awasi.screening.linkage import districts, synth
from awasi.screening.linkage.compare import Geo, Name, Nik
from awasi.screening.linkage.em import estimate_m
from awasi.screening.linkage.link import Thresholds, _anchored_prior, link, score_pairs
from awasi.screening.linkage.model import (
    NIK_PSEUDO_PAIRS,
    U_FLOOR_NIK,
    default_m,
    frequencies,
    geo_covered,
)
from awasi.screening.linkage.prep import Vocabulary, prepare

# person_id, full_name, birth_place, birth_date, sex, nik
REGISTRY = [
    ("R-VANESA", "Vanesa Novitasari", "Gunungsitoli", "1990-02-16", "P", "1278135602900001"),
    ("R-SECOND", "Rudi Hartawan Simbolon", "Medan", "1975-08-09", "L", "1271010908750001"),
    ("R-VICTORIA", "Victoria Wahyuningsih", "Kupang", "1965-07-22", "P", "5371016207650001"),
    ("R-NEIGHBOUR", "Rina Lestari Manafe", "Kupang", "1965-04-22", "P", "5371016204650001"),
    ("R-WIDYA", "Widya", "Sleman", "1958-01-09", "P", "3404064901580001"),
    ("R-NODATA", "Bonifasius Kolondam", "Tomohon", "1970-03-03", "L", "7173010303700001"),
    ("R-TWIN-A", "Yohanes Sitorus", "Tarutung", "1980-05-05", "L", ""),
    ("R-TWIN-B", "Yohanes Sitorus", "Tarutung", "1980-05-05", "L", ""),
    ("R-BROTHER", "Yosua Simanjuntak", "Balige", "1984-09-30", "L", "1212013009840001"),
    ("R-GATOT", "Muhammad Gatot", "Sungai Penuh", "1990-09-06", "L", "1572020609900001"),
    ("R-FATHONAH", "Fathonah Wahyuni", "Payakumbuh", "1990-06-23", "P", "1376106306900001"),
    ("R-NATSIR", "Lukman Natsir", "Paniai", "1971-06-17", "L", "1376091706710001"),
]
# candidate_id, full_name, birth_place, birth_date, sex, nik
CANDIDATES = [
    # Same name, another birth date that both her form and her NIK carry: a namesake.
    ("C-NAMESAKE", "VANESA NOVITASARI", "Gunungsitoli", "1998-02-16", "P", "1278135602980001"),
    # Same person with a second NIK (same district and date digits, another serial).
    ("C-SECOND", "H. Rudi Hartawan Simbolon, S.E.", "Medan", "1975-08-09", "L", "1271010908754321"),
    # Her NIK has a typo in the month digit that lands on a neighbour's NIK; her form is right.
    ("C-VICTORIA", "Victoria Wahyuningsih", "Kupang", "1965-07-22", "P", "5371016204650001"),
    # A one-letter typo in a single name, with the NIK and date intact.
    ("C-WIDYA", "Wadya", "Sleman", "1958-01-09", "P", "3404064901580001"),
    # Neither NIK nor birth date: only a person can decide.
    ("C-NODATA", "Bonifasius Kolondam", "", "", "L", ""),
    # Two registry rows fit equally well: never an automatic match.
    ("C-TWIN", "Yohanes Sitorus", "Tarutung", "1980-05-05", "L", ""),
    # His twin: same family name, day and district, the next NIK serial.
    ("C-BROTHER", "Yakub Simanjuntak", "Balige", "1984-09-30", "L", "1212013009840002"),
    # His name written short (a Muhammad variant and an initial), no date on the form, his NIK.
    ("C-GATOT", "MOHAMMAD G.", "Sungai Penuh", "", "L", "1572020609900001"),
    # A namesake born on another day (both forms say so) whose NIK is one date digit away.
    ("C-FATHONAH", "Fathonah Wahjuni", "Payakumbuh", "1991-06-28", "P", "1376106806900001"),
    # His NIK has a typo in the month that lands on a stranger sharing his family name; his
    # form's date contradicts that NIK.
    ("C-NATSIR", "Tgk. Marsudi Natsir", "Purworejo", "1971-07-17", "L", "1376091706710001"),
]


def _frame(rows, columns, extra):
    return pl.DataFrame([row + extra for row in rows], schema=columns, orient="row").with_columns(
        pl.col(c).cast(pl.Utf8) for c in columns
    )


def _beside_background(registry_rows, candidate_rows, *, n_registry=3000, seed=11, category="asn"):
    """Hand-made registry rows added to a generated registry (for realistic frequencies), and
    hand-made candidates alone: (candidates, registry)."""
    background = synth.generate(n_registry=n_registry, n_candidates=10, n_links=0, seed=seed)
    columns = background.registry.columns
    extra = _frame(registry_rows, columns, (category, "Pemda", ""))
    registry = pl.concat([background.registry, extra])
    candidates = _frame(candidate_rows, background.candidates.columns, ("P01", "dpr", "d", ""))
    return candidates, registry


def _flagged(registry_rows, candidate_rows):
    """(person_id, decision) of every flagged pair, as the CLI lists them, sorted."""
    candidates, registry = _beside_background(registry_rows, candidate_rows)
    rows = link(candidates, registry, every_flagged=True)
    return sorted(zip(rows["person_id"], rows["decision"], strict=True))


@pytest.fixture(scope="module")
def decisions():
    candidates, registry = _beside_background(REGISTRY, CANDIDATES)
    result = link(candidates, registry, keep_all=True)
    return {row["candidate_id"]: row for row in result.iter_rows(named=True)}


def test_namesake_whose_nik_confirms_another_birth_date_is_not_a_match(decisions):
    assert decisions["C-NAMESAKE"]["decision"] != "match"


def test_second_nik_of_the_same_district_and_date_matches(decisions):
    row = decisions["C-SECOND"]
    assert (row["person_id"], row["decision"]) == ("R-SECOND", "match")


def test_nik_typo_onto_a_neighbours_nik_does_not_match_the_neighbour(decisions):
    row = decisions["C-VICTORIA"]
    assert row["person_id"] == "R-VICTORIA"


def test_single_name_typo_with_nik_and_date_matches(decisions):
    row = decisions["C-WIDYA"]
    assert (row["person_id"], row["decision"]) == ("R-WIDYA", "match")


def test_candidate_without_nik_or_date_goes_to_review(decisions):
    row = decisions["C-NODATA"]
    assert (row["person_id"], row["decision"]) == ("R-NODATA", "review")


def test_name_written_with_an_initial_and_an_identical_nik_matches(decisions):
    row = decisions["C-GATOT"]
    assert (row["person_id"], row["decision"]) == ("R-GATOT", "match")
    assert "inisial" in row["reasons"]


def test_namesake_with_a_nik_one_date_digit_away_keeps_the_forms_dates(decisions):
    row = decisions["C-FATHONAH"]
    assert row["person_id"] == "R-FATHONAH"
    assert row["decision"] != "match"
    assert "tanggal lahir berbeda" in row["reasons"]


def test_nik_contradicting_its_own_form_does_not_match_a_partly_named_stranger(decisions):
    row = decisions["C-NATSIR"]
    assert row["person_id"] == "R-NATSIR"
    assert row["decision"] == "review"


def test_two_equally_good_registry_people_are_reviewed(decisions):
    assert decisions["C-TWIN"]["decision"] == "review"
    assert "DUA kecocokan kuat" in decisions["C-TWIN"]["reasons"]


def test_a_weak_pair_is_never_explained_as_two_strong_matches(decisions):
    row = decisions["C-NODATA"]  # review for want of evidence, with no rival
    assert "DUA kecocokan kuat" not in row["reasons"]
    assert "hampir sama cocoknya" not in row["reasons"]


def test_twin_with_the_next_nik_serial_is_not_a_match(decisions):
    row = decisions["C-BROTHER"]
    assert row["decision"] != "match"
    assert "nomor urut NIK berurutan" in row["reasons"]


def test_em_estimates_are_distributions_near_the_documented_m_on_small_data():
    data = synth.generate(n_registry=2000, n_candidates=200, n_links=60, seed=5, setting="hard")
    vocab = Vocabulary()
    c = prepare(data.candidates, "candidate_id", vocab)
    r = prepare(data.registry, "person_id", vocab)
    freq = frequencies(r, vocab.size)
    th = Thresholds(em_sample=0)
    prior = _anchored_prior(c, r, vocab, th)
    pairs = np.array([(i, j) for i in range(c.n) for j in range(0, r.n, 50)]).T
    s = score_pairs(c, r, pairs[0], pairs[1], freq, vocab, th, prior=prior)
    covered = geo_covered(s.levels, c, s.ci, r, s.ri)
    m = estimate_m(s.levels, s.weights, freq, prior, covered)
    start = default_m()
    for field, table in m.items():
        assert sum(table.values()) == pytest.approx(1.0)
        assert all(v > 0 for v in table.values())
        assert max(table, key=table.get) == max(start[field], key=start[field].get)


def test_district_codes_a_typo_leaves_unused_and_their_share():
    known = np.array([190401, 190402, 190403])
    assert list(districts.is_unused(np.array([190402, 190454, -1]), known)) == [False, True, False]
    # Of the 54 one-digit variants of each code, only the two other issued codes are used.
    share = districts.typo_unused_share(known, np.array([1, 1, 1]))
    assert share == pytest.approx(1 - 2 / 54)
    assert districts.typo_unused_share(np.array([], np.int64), np.array([])) == districts.BOUNDS[1]


def test_district_codes_are_no_evidence_until_the_other_side_is_known():
    data = synth.generate(n_registry=500, n_candidates=20, n_links=5, seed=6)
    vocab = Vocabulary()
    r = prepare(data.registry, "person_id", vocab)
    freq = frequencies(r, vocab.size)
    assert freq.district_unused_u is None  # double candidacy: one list on both sides
    freq.district_unused_u = districts.unused_share(r, freq.districts)
    assert freq.district_unused_u == districts.BOUNDS[0]  # its own codes are all issued


def _scored_pairs(candidates, registry):
    """Score candidate row k against registry row k (hand-made pairs, documented m)."""
    columns = ["full_name", "birth_place", "birth_date", "sex", "nik"]
    background = synth.generate(n_registry=2000, n_candidates=10, n_links=0, seed=12)
    cand = _frame(candidates, ["candidate_id", *columns], ())
    reg = pl.concat(
        [
            background.registry.select("person_id", *columns),
            _frame(registry, ["person_id", *columns], ()),
        ]
    )
    vocab = Vocabulary()
    c, r = prepare(cand, "candidate_id", vocab), prepare(reg, "person_id", vocab)
    freq = frequencies(r, vocab.size)
    th = Thresholds(em_sample=0)
    ci = np.arange(len(candidates))
    ri = np.arange(len(candidates)) + background.registry.height
    return score_pairs(c, r, ci, ri, freq, vocab, th, prior=-12.0)


def test_birth_place_spelt_with_a_typo_is_weaker_evidence_than_the_same_place():
    s = _scored_pairs(
        [
            ("C1", "Daniel Crook", "Frankston", "1997-11-14", "", ""),
            ("C2", "Daniel Crook", "Frankston", "1997-11-14", "", ""),
            ("C3", "Daniel Crook", "Modbury Heights", "1997-11-14", "", ""),
            ("C4", "Daniel Crook", "Frankston", "1997-11-14", "", ""),
        ],
        [
            ("R1", "Daniel Crook", "Franks Gon", "1997-11-14", "", ""),
            ("R2", "Daniel Crook", "Frankston", "1997-11-14", "", ""),
            ("R3", "Daniel Crook", "Modbury Eh Ights", "1997-11-14", "", ""),
            ("R4", "Daniel Crook", "Toowoomba", "1997-11-14", "", ""),
        ],
    )
    assert list(s.levels.geo) == [Geo.PLACE_NEAR, Geo.PLACE, Geo.PLACE_NEAR, Geo.DIFFERENT]
    near, same, _, other = s.weights.geo
    assert 0 < near <= same  # both may reach the cap of a coarse fact (GEO_MAX_BITS)
    assert other < 0


def test_another_identity_number_does_not_cover_the_birth_place_like_a_nik():
    # A 7-digit number (an old card, a registry's own id) says nothing about places, so a
    # shared birth place still counts; a 16-digit NIK encodes its district, so there it does not.
    s = _scored_pairs(
        [
            ("C1", "Matthew Sincovich", "Barrack Heights", "1960-07-31", "", "4440480"),
            ("C2", "Vanesa Novitasari", "Gunungsitoli", "1990-02-16", "P", "1278135602900001"),
        ],
        [
            ("R1", "Kynan Sincovich", "Barrack Heights", "1947-09-22", "", "4440480"),
            ("R2", "Vanesa Novitasari", "Gunungsitoli", "1990-02-16", "P", "1278135602900001"),
        ],
    )
    assert list(s.levels.nik) == [Nik.EXACT, Nik.EXACT]
    assert list(s.levels.geo) == [Geo.PLACE, Geo.PLACE]
    assert s.weights.geo[0] > 0
    assert s.weights.geo[1] == 0


def test_a_shared_surname_spelt_with_a_typo_is_not_evidence_against():
    # The given name was replaced and the family name mistyped: the only shared token has a
    # near partner, and carrying a rare family name is evidence for, as when spelt alike.
    s = _scored_pairs(
        [
            ("C1", "Tara Huddlestone", "Park Holme", "1916-06-30", "", ""),
            ("C2", "Tara Huddlestone", "Park Holme", "1916-06-30", "", ""),
        ],
        [
            ("R1", "Iren Huddlestoen", "Park Holme", "1916-06-30", "", ""),
            ("R2", "Iren Huddlestone", "Park Holme", "1916-06-30", "", ""),
        ],
    )
    assert list(s.levels.name) == [Name.PARTIAL, Name.PARTIAL]
    typo, exact = s.weights.name
    assert 0 < typo < exact


def test_another_identity_numbers_u_is_counted_over_all_pairs_of_the_registry():
    rng = np.random.default_rng(3)
    numbers = [str(x) for x in rng.integers(1_000_000, 9_999_999, 300)]
    numbers += ["4440480", "4440481", "4404480", "4440480"]  # a typo, a swap, a double
    registry = pl.DataFrame(
        {
            "person_id": [f"R{i}" for i in range(len(numbers))],
            "full_name": ["Budi"] * len(numbers),
            "nik": numbers,
        }
    )
    vocab = Vocabulary()
    freq = frequencies(prepare(registry, "person_id", vocab), vocab.size)

    def one_edit(a: str, b: str) -> bool:
        diff = [i for i in range(len(a)) if a[i] != b[i]]
        swap = len(diff) == 2 and diff[1] == diff[0] + 1 and a[diff[0]] == b[diff[1]]
        return len(diff) == 1 or (swap and a[diff[1]] == b[diff[0]])

    pairs = [(a, b) for k, a in enumerate(numbers) for b in numbers[k + 1 :]]
    doubles = sum(a == b for a, b in pairs)
    edits = sum(one_edit(a, b) for a, b in pairs if len(a) == len(b))
    pseudo = NIK_PSEUDO_PAIRS
    expected = (edits + U_FLOOR_NIK[Nik.SERIAL_EDIT] * pseudo) / (len(pairs) - doubles + pseudo)
    assert edits >= 4  # the planted typo and swap, each against both copies of the double
    assert freq.other_u[Nik.SERIAL_EDIT] == pytest.approx(expected)
    # Equal numbers are the table's own doubles, not chance: exact agreement keeps the floor.
    assert freq.other_u[Nik.EXACT] == pytest.approx(
        U_FLOOR_NIK[Nik.EXACT] * pseudo / (len(pairs) - doubles + pseudo)
    )


def test_reasons_name_another_identity_number_as_such_and_keep_the_place():
    columns = ["full_name", "birth_place", "birth_date", "sex", "nik"]
    background = synth.generate(n_registry=2000, n_candidates=10, n_links=0, seed=12)
    registry = pl.concat(
        [
            background.registry.select("person_id", *columns),
            _frame(
                [("R1", "Kynan Sincovich", "Barrack Heights", "", "", "4440480")],
                ["person_id", *columns],
                (),
            ),
        ]
    )
    candidates = _frame(
        [("C1", "Matthew Sincovich", "Barrack Heights", "", "", "4440480")],
        ["candidate_id", *columns],
        (),
    )
    row = link(candidates, registry, language="en").row(0, named=True)
    assert row["person_id"] == "R1"
    assert "identity number (not a NIK) identical" in row["reasons"]
    assert "same birth place" in row["reasons"]
    assert "covered by the NIK" not in row["reasons"]


def test_another_number_one_typo_apart_outweighs_a_replaced_birth_date():
    # A number with no date digits and no same-day neighbours, one adjacent swap apart, agrees
    # as a number does; a number that differs leaves the same name and place to a person.
    columns = ["full_name", "birth_place", "birth_date", "sex", "nik"]
    rng = np.random.default_rng(4)
    others = [
        (f"R-{k}", "Budi Santoso", "Medan", "1970-01-01", "L", str(n))
        for k, n in enumerate(rng.integers(1_000_000, 9_999_999, 2000))
    ]
    registry = _frame(
        [*others, ("R1", "Corey Godfrey", "Rapid Creek", "1988-06-13", "", "7156436")],
        ["person_id", *columns],
        (),
    )
    candidates = _frame(
        [
            ("C1", "Corey Godfrey", "Rapid Creek", "1972-04-08", "", "7156463"),
            ("C2", "Corey Godfrey", "Rapid Creek", "1972-04-08", "", "2591877"),
        ],
        ["candidate_id", *columns],
        (),
    )
    rows = {
        row["candidate_id"]: row
        for row in link(candidates, registry, keep_all=True).rows(named=True)
    }
    assert (rows["C1"]["person_id"], rows["C1"]["decision"]) == ("R1", "match")
    assert rows["C2"]["decision"] != "match"


def test_nik_differing_only_by_the_womans_40_is_told_apart_from_a_date_typo():
    registry = synth.generate(n_registry=20_000, n_candidates=10, n_links=0, seed=3).registry
    # A district of the busiest regency (how crowded a regency is scales near-NIK chances).
    district = registry["nik"].str.slice(0, 6).mode().sort()[0]
    extra = [
        ("R-SITI", "Siti Aminah", "Siak", "1969-06-10", "P", f"{district}5006690001"),
        ("R-AGUS", "Agus Salim", "Siak", "1969-06-10", "L", f"{district}1006690001"),
    ]
    registry = pl.concat([registry, _frame(extra, registry.columns, ("asn", "Pemda", ""))])
    cands = [
        # She wrote her NIK without the +40 of the day.
        ("C-SITI", "Siti Aminah", "Siak", "1969-06-10", "P", f"{district}1006690001"),
        # He swapped the two year digits of his NIK.
        ("C-AGUS", "Agus Salim", "Siak", "1969-06-10", "L", f"{district}1006960001"),
    ]
    background = synth.generate(n_registry=10, n_candidates=2, n_links=0, seed=3).candidates
    candidates = _frame(cands, background.columns, ("P01", "dpr", "d", ""))
    vocab = Vocabulary()
    c = prepare(candidates, "candidate_id", vocab)
    r = prepare(registry, "person_id", vocab)
    freq = frequencies(r, vocab.size)
    # Among people born the same day, a man and a woman of one district often hold NIKs one
    # +40 apart; a typo elsewhere in the date digits is never seen there.
    assert freq.nik_sex_digit_u > 3 * freq.nik_u[Nik.DATE_EDIT]
    ci = np.array([0, 1])
    ri = np.array([r.n - 2, r.n - 1])
    s = score_pairs(c, r, ci, ri, freq, vocab, Thresholds(em_sample=0), prior=-15.0)
    assert list(s.levels.nik) == [Nik.DATE_EDIT, Nik.DATE_EDIT]
    assert list(s.levels.nik_sex_digit) == [True, False]
    assert s.weights.nik[1] > s.weights.nik[0] + 3
    result = link(candidates, registry, keep_all=True)
    reasons = dict(zip(result["candidate_id"], result["reasons"], strict=True))
    assert "tanda perempuan (+40" in reasons["C-SITI"]
    assert "tanda perempuan" not in reasons["C-AGUS"]


def test_nik_typo_onto_a_stranger_matches_the_namesake_not_the_stranger():
    # "Taufan" is a common single name here: 60 namesakes born on other days.
    namesakes = [
        (f"R-NS{k}", "Taufan", "Gresik", f"{1960 + k % 40}-0{1 + k % 9}-1{k % 9}", "L", "")
        for k in range(60)
    ]
    extra = namesakes + [
        ("R-TAUFAN", "Taufan", "Gresik", "1983-05-03", "L", "3525090305830001"),
        ("R-STRANGER", "Bambang Sutrisno", "Gresik", "1983-05-03", "L", "3525040305830001"),
    ]
    # A typo in his NIK's district digit lands exactly on a stranger born the same day.
    cand = [("C-TAUFAN", "drg. Taufan", "Gresik", "1983-05-03", "L", "3525040305830001")]
    candidates, registry = _beside_background(extra, cand)
    row = link(candidates, registry, keep_all=True).row(0, named=True)
    # The namesake (same name and day, one slip in the NIK) explains every field; the
    # stranger would need an alias *and* a namesake born that day: he is the runner-up.
    assert (row["person_id"], row["decision"]) == ("R-TAUFAN", "match")
    assert row["runner_up_id"] == "R-STRANGER"
    assert "DUA kecocokan kuat" not in row["reasons"]


def test_nik_typo_onto_a_stranger_beside_a_partly_named_namesake_goes_to_a_person():
    extra = [
        ("R-TAUFAN", "Taufan Hidayat", "Gresik", "1983-05-03", "L", "3525090305830001"),
        ("R-STRANGER", "Bambang Sutrisno", "Gresik", "1983-05-03", "L", "3525040305830001"),
    ]
    # Only one of the namesake's names on the form: not enough to overrule the NIK's holder.
    cand = [("C-TAUFAN", "drg. Taufan Kurniawan", "Gresik", "1983-05-03", "L", "3525040305830001")]
    candidates, registry = _beside_background(extra, cand)
    row = link(candidates, registry, keep_all=True).row(0, named=True)
    assert row["decision"] == "review"


def test_name_differing_only_in_weak_tokens_is_found_without_nik_or_date():
    extra = [("R-SURYANI", "Ni Ketut Suryani", "Denpasar", "1975-03-03", "P", "5171014303750001")]
    cand = [("C-SURYANI", "Ketut Suryani", "", "", "", "")]  # nothing but the name
    candidates, registry = _beside_background(
        extra, cand, n_registry=2000, seed=12, category="honorary"
    )
    row = link(candidates, registry).row(0, named=True)
    assert (row["person_id"], row["decision"]) == ("R-SURYANI", "review")


def test_same_name_and_day_under_nik_of_another_district_goes_to_a_person():
    # Two women called Melinda Diah Permata born on one day, registered in Banten and East Java.
    extra = [
        ("R-MELINDA", "Melinda Diah Permata", "Bondowoso", "1983-08-27", "P", "3511036708830001")
    ]
    cand = [
        ("C-MELINDA", "Hj. Melinda Diah Permata", "Serang", "1983-08-27", "P", "3603126708830001")
    ]
    candidates, registry = _beside_background(extra, cand)
    row = link(candidates, registry, keep_all=True).row(0, named=True)
    assert (row["person_id"], row["decision"]) == ("R-MELINDA", "review")
    assert "NIK kedua, atau orang lain bernama sama" in row["reasons"]


def test_sex_on_the_form_contradicting_its_own_nik_is_not_a_conflict():
    # Bella's NIK says woman (day 64 = 24 + 40) as the registry does; the form says L.
    extra = [("R-BELLA", "Bella Andriani", "Bantul", "1994-04-24", "P", "3402016404940024")]
    cand = [("C-BELLA", "BELLA ANDRIANI", "Bantul", "1994-04-24", "L", "3402016404940024")]
    candidates, registry = _beside_background(extra, cand)
    row = link(candidates, registry, keep_all=True).row(0, named=True)
    assert (row["person_id"], row["decision"]) == ("R-BELLA", "match")


def test_name_written_without_its_space_is_the_same_name():
    extra = [("R-MURTI", "Ir. Murti Anggraini, S.T.", "Klaten", "1980-05-08", "P", "")]
    cand = [("C-MURTI", "MURTIANGGRAINI", "Klaten", "1980-05-08", "P", "")]
    candidates, registry = _beside_background(extra, cand)
    row = link(candidates, registry, keep_all=True, language="en").row(0, named=True)
    assert row["person_id"] == "R-MURTI"
    assert "same name after normalisation" in row["reasons"]


def test_identical_nik_under_an_alias_matches_when_the_form_states_no_date():
    extra = [("R-HALIM", "Bakijan Halim", "Manado", "1980-03-27", "L", "7107022703800001")]
    cand = [
        # A Chinese-Indonesian name for the same man, his NIK, no birth date on the form.
        ("C-ALIAS", "The Ho Lim", "Manado", "", "L", "7107022703800001"),
        # The same, but the form states another birth date: name and date both disagree.
        ("C-OTHERDAY", "The Ho Lim", "Manado", "1982-11-02", "L", "7107022703800001"),
    ]
    candidates, registry = _beside_background(extra, cand)
    rows = {
        r["candidate_id"]: r
        for r in link(candidates, registry, keep_all=True).iter_rows(named=True)
    }
    assert (rows["C-ALIAS"]["person_id"], rows["C-ALIAS"]["decision"]) == ("R-HALIM", "match")
    assert "alias" in rows["C-ALIAS"]["reasons"]
    assert (rows["C-OTHERDAY"]["person_id"], rows["C-OTHERDAY"]["decision"]) == (
        "R-HALIM",
        "review",
    )


def test_runner_up_of_a_review_is_listed_for_the_same_person_to_decide():
    candidates, registry = _beside_background(REGISTRY, CANDIDATES)
    rows = link(candidates, registry, every_flagged=True)
    twins = rows.filter(pl.col("candidate_id") == "C-TWIN")
    assert sorted(twins["person_id"]) == ["R-TWIN-A", "R-TWIN-B"]
    assert set(twins["decision"]) == {"review"}
    # A confident match lists no runner-up; without the option every candidate has one row.
    assert rows.filter(pl.col("candidate_id") == "C-SECOND").height == 1
    assert link(candidates, registry).filter(pl.col("candidate_id") == "C-TWIN").height == 1


def test_one_person_kept_in_two_registries_matches_both_records():
    # The same man in the ASN list and the village council (BPD) list: one NIK, two records.
    extra = [
        ("R-ASN", "Drs. Bambang Sutrisno", "Sungailiat", "1970-03-12", "L", "1901011203700001"),
        ("R-BPD", "Bambang Sutrisno", "Sungailiat", "1970-03-12", "L", "1901011203700001"),
    ]
    cand = [
        ("C-BS", "H. BAMBANG SOETRISNO, S.Pd", "Sungailiat", "1970-03-12", "L", "1901011203700001")
    ]
    candidates, registry = _beside_background(extra, cand)
    rows = link(candidates, registry, every_flagged=True)
    assert sorted(zip(rows["person_id"], rows["decision"], strict=True)) == [
        ("R-ASN", "match"),
        ("R-BPD", "match"),
    ]
    assert "DUA kecocokan kuat" not in " ".join(rows["reasons"])  # not two rival people
    best = link(candidates, registry).row(0, named=True)  # one row per candidate by default
    assert (best["person_id"], best["decision"]) == ("R-ASN", "match")


def test_second_record_without_a_usable_nik_is_the_same_person_and_listed():
    extra = [
        ("R-DESA", "Kasiyah", "Bantul", "1971-04-09", "P", "3402014904710001"),
        # The same woman in the honorary list: NIK left blank, name typed in capitals.
        ("R-HONOR", "KASIYAH", "BANTUL", "1971-04-09", "P", ""),
        # And in the BPD list with a NIK spoilt by a spreadsheet (its last digit lost).
        ("R-BPD", "Kasiyah, S.Pd.", "", "1971-04-09", "P", "3402014904710000"),
    ]
    cand = [("C-KAS", "Hj. Kasiyah", "Bantul", "1971-04-09", "P", "3402014904710001")]
    assert _flagged(extra, cand) == [
        ("R-BPD", "match"),
        ("R-DESA", "match"),
        ("R-HONOR", "match"),
    ]


def test_a_strong_runner_up_beside_a_match_is_listed_for_review():
    extra = [
        ("R-ONE", "Wahyu Hidayat", "Klaten", "1980-02-11", "L", "3310011102800001"),
        # The same name and day, a NIK one digit away: a second record mistyped, or a namesake.
        ("R-TWO", "Wahyu Hidayat", "Klaten", "1980-02-11", "L", "3310011102800007"),
    ]
    cand = [("C-WH", "Wahyu Hidayat", "Klaten", "1980-02-11", "L", "3310011102800001")]
    assert _flagged(extra, cand) == [
        ("R-ONE", "match"),
        ("R-TWO", "review"),
    ]


def test_identical_nik_under_another_name_and_a_contradicted_sex_is_not_an_alias():
    # Her NIK lacks the +40 of a woman: it is exactly the NIK of a man born that day there.
    extra = [("R-PUTU", "I Putu Suparta", "Gianyar", "2003-07-18", "L", "5104011807030001")]
    cand = [("C-NYOMAN", "Ni Nyoman Puspawati", "Gianyar", "2003-07-18", "P", "5104011807030001")]
    candidates, registry = _beside_background(extra, cand)
    row = link(candidates, registry, keep_all=True).row(0, named=True)
    assert (row["person_id"], row["decision"]) == ("R-PUTU", "review")


def test_nik_whose_last_digit_a_spreadsheet_lost_is_compared_on_the_rest():
    # The village office's list: NIK typed as a number (15 digits kept, the last zeroed), and
    # a default birth date instead of his own.
    extra = [("R-BASO", "ANDI BASO", "", "1990-07-01", "L", "7301010209900000")]
    cand = [("C-BASO", "Andi Baso", "Takalar", "1990-09-02", "L", "7301010209900001")]
    candidates, registry = _beside_background(extra, cand)
    row = link(candidates, registry).row(0, named=True)
    assert row["person_id"] == "R-BASO" and row["decision"] in ("match", "review")
    assert "digit terakhir NIK registri hilang" in row["reasons"]


def test_second_record_with_a_default_birth_date_under_the_same_nik_is_still_a_copy():
    extra = [
        ("R-ASN", "Tina Rahmawati", "Jakarta", "2002-12-29", "P", "3174116912020001"),
        # The honorary list typed her name with a slip and put 1 July for an unknown birthday.
        ("R-HON", "TINA RAHNAWATI", "", "2002-07-01", "P", "3174116912020001"),
    ]
    cand = [("C-TR", "Tina Rahmawati", "Jakarta", "2002-12-29", "P", "3174116912020001")]
    assert _flagged(extra, cand) == [
        ("R-ASN", "match"),
        ("R-HON", "match"),
    ]


def test_two_records_whose_niks_agree_on_the_digits_a_spreadsheet_kept_are_one_person():
    extra = [
        ("R-ASN", "Eni Rahmawati", "Denpasar", "1994-02-12", "P", "5105025202940001"),
        ("R-BPD", "ENI RAHMAWATI", "", "1994-02-12", "P", "5105025202940000"),
    ]
    cand = [("C-ENI", "Eni Rahmawati", "Denpasar", "1994-02-12", "P", "")]  # no NIK on the form
    assert _flagged(extra, cand) == [
        ("R-ASN", "match"),
        ("R-BPD", "match"),
    ]


def test_the_nik_holders_second_record_is_not_listed_for_the_namesake():
    extra = [
        ("R-TAUFAN", "Taufan", "Gresik", "1983-05-03", "L", "3525090305830001"),
        ("R-STRANGER", "Bambang Sutrisno", "Gresik", "1983-05-03", "L", "3525040305830001"),
        ("R-STRANGER-BPD", "BAMBANG SUTRISNO", "", "1983-05-03", "L", "3525040305830001"),
    ]
    cand = [("C-TAUFAN", "drg. Taufan", "Gresik", "1983-05-03", "L", "3525040305830001")]
    candidates, registry = _beside_background(extra, cand)
    rows = link(candidates, registry, every_flagged=True)
    decided = dict(zip(rows["person_id"], rows["decision"], strict=True))
    assert decided["R-TAUFAN"] == "match"
    assert decided.get("R-STRANGER-BPD") != "match" and decided.get("R-STRANGER") != "match"
