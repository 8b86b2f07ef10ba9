"""The ``awasi screen`` contract: columns, decisions, exit status 2 and nothing written."""

import csv

import polars as pl
import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from awasi.screening.linkage import synth


@pytest.fixture(scope="module")
def files(tmp_path_factory):
    folder = tmp_path_factory.mktemp("screen")
    data = synth.generate(n_registry=3000, n_candidates=120, n_links=40, seed=7)
    data.candidates.write_csv(folder / "c.csv")
    data.registry.write_csv(folder / "r.csv")
    return folder, data.truth


def _read(path):
    with open(path, encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def test_matches_file_contract(files):
    folder, truth = files
    call_command(
        "screen",
        candidates=str(folder / "c.csv"),
        registry=str(folder / "r.csv"),
        out=str(folder / "m.csv"),
    )
    rows = _read(folder / "m.csv")
    assert list(rows[0]) == ["candidate_id", "person_id", "score", "decision", "reasons"]
    assert {r["decision"] for r in rows} <= {"match", "review"}
    assert all(0.0 <= float(r["score"]) <= 1.0 and r["reasons"] for r in rows)
    # The best registry person per candidate; a second row only as the runner-up of a review.
    per_candidate: dict[str, list[str]] = {}
    for r in rows:
        per_candidate.setdefault(r["candidate_id"], []).append(r["decision"])
    assert all(d[1:] in ([], ["review"]) for d in per_candidate.values())
    assert all(d == ["review", "review"] for d in per_candidate.values() if len(d) == 2)
    matched = {(r["candidate_id"], r["person_id"]) for r in rows if r["decision"] == "match"}
    assert len(matched & set(truth.items())) >= 0.9 * len(truth)


def test_candidates_without_optional_columns_are_screened(files, tmp_path, capsys):
    folder, truth = files
    short = tmp_path / "c.csv"
    source = pl.read_csv(folder / "c.csv", infer_schema=False)
    source.select("nik", "full_name", "candidate_id", "birth_date").write_csv(short)
    out = tmp_path / "m.csv"
    call_command("screen", candidates=str(short), registry=str(folder / "r.csv"), out=str(out))
    assert "CANDIDATES: no column birth_place, sex, party, level, dapil, region_code" in (
        capsys.readouterr().err
    )
    matched = {(r["candidate_id"], r["person_id"]) for r in _read(out) if r["decision"] == "match"}
    assert len(matched & set(truth.items())) >= 0.8 * len(truth)


def test_duplicates_file_contract(files, tmp_path):
    folder, _ = files
    source = _read(folder / "c.csv")
    twin = dict(source[0], candidate_id="TWIN", party="P99")
    path = tmp_path / "c2.csv"
    with open(path, "w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(source[0]))
        writer.writeheader()
        writer.writerows([*source, twin])
    call_command("screen", candidates=str(path), duplicates=True, out=str(tmp_path / "d.csv"))
    rows = _read(tmp_path / "d.csv")
    assert list(rows[0]) == ["candidate_id_a", "candidate_id_b", "score", "decision", "reasons"]
    pairs = {frozenset((r["candidate_id_a"], r["candidate_id_b"])) for r in rows}
    assert frozenset((source[0]["candidate_id"], "TWIN")) in pairs


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ("candidate_id,nik\nA,\n", "full_name: column missing"),
        (
            "candidate_id,full_name,birth_place,birth_date,sex,nik,party,level,dapil,region_code\n"
            "A,,x,1990-13-01,X,,,,,\nA,Budi,,,,,,,,\n",
            "line 2, full_name",
        ),
    ],
)
def test_bad_file_exits_2_and_writes_nothing(files, tmp_path, content, expected, capsys):
    folder, _ = files
    bad = tmp_path / "bad.csv"
    bad.write_text(content, encoding="utf-8")
    out = tmp_path / "out.csv"
    with pytest.raises(CommandError) as caught:
        call_command("screen", candidates=str(bad), registry=str(folder / "r.csv"), out=str(out))
    assert caught.value.returncode == 2
    assert expected in str(caught.value)
    assert not out.exists() and list(tmp_path.iterdir()) == [bad]


def test_duplicate_ids_and_bad_sex_are_listed(files, tmp_path):
    folder, _ = files
    bad = tmp_path / "bad.csv"
    bad.write_text(
        "candidate_id,full_name,birth_place,birth_date,sex,nik,party,level,dapil,"
        "region_code\nA,Budi,,,L,,,,,\nA,Ani,,,W,,,,,\n",
        encoding="utf-8",
    )
    with pytest.raises(CommandError) as caught:
        call_command("screen", candidates=str(bad), duplicates=True, out=str(tmp_path / "o.csv"))
    assert "duplicate id" in str(caught.value) and "sex must be L or P" in str(caught.value)


def test_empty_registry_gives_a_header_only(files, tmp_path):
    folder, _ = files
    empty = tmp_path / "r0.csv"
    empty.write_text(
        "person_id,full_name,birth_place,birth_date,sex,nik,category,employer,region_code\n",
        encoding="utf-8",
    )
    call_command(
        "screen", candidates=str(folder / "c.csv"), registry=str(empty), out=str(tmp_path / "m.csv")
    )
    assert (tmp_path / "m.csv").read_text(encoding="utf-8").strip() == (
        "candidate_id,person_id,score,decision,reasons"
    )
