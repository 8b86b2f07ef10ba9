"""``awasi deploy plan`` exactly as issue 6 states it: files in, PLAN.csv and SUMMARY.json out."""

import csv
import json
import sys

import pytest
from django.core.management import execute_from_command_line

from awasi.regions.models import PollingStation

pytestmark = pytest.mark.django_db

PATTERNS = """category,police_per_group,tps_per_group,linmas_per_tps
kurang_rawan,1,3,2
rawan,1,2,2
sangat_rawan,1,1,2
khusus,2,1,2
"""


def _run(*args):
    argv = sys.argv
    try:
        execute_from_command_line(["awasi", "deploy", "plan", *[str(a) for a in args]])
    finally:
        sys.argv = argv


def _files(tmp_path, tps_rows, personnel, patterns=PATTERNS):
    tps = tmp_path / "TPS.csv"
    tps.write_text(
        "tps_code,village_code,category,latitude,longitude\n"
        + "".join(",".join(str(v) for v in r) + "\n" for r in tps_rows)
    )
    pers = tmp_path / "PERSONNEL.csv"
    pers.write_text("unit_code,available\n" + "".join(f"{u},{n}\n" for u, n in personnel.items()))
    pat = tmp_path / "PATTERNS.csv"
    pat.write_text(patterns)
    return [
        "--tps",
        tps,
        "--personnel",
        pers,
        "--patterns",
        pat,
        "--out",
        tmp_path / "PLAN.csv",
        "--summary",
        tmp_path / "SUMMARY.json",
    ]


def _read(tmp_path):
    with (tmp_path / "PLAN.csv").open() as f:
        rows = list(csv.DictReader(f))
    return rows, json.loads((tmp_path / "SUMMARY.json").read_text())


def _registry_rows(election, prefix, n, category="kurang_rawan"):
    qs = PollingStation.objects.filter(election=election).in_region(prefix).order_by("code")[:n]
    return [(s.code, s.village_id, category, "", "") for s in qs]


def test_island_tps_stand_alone_and_mainland_tps_share_guards(babel_tps, tmp_path):
    election = babel_tps["pemilu"]
    # Kec. Kepulauan Pongok (19.03.08) has no Polsek: Polres Bangka Selatan guards it from Bangka.
    island = _registry_rows(election, "19.03.08", 4)
    mainland = _registry_rows(election, "19.03.07", 7)
    _run(*_files(tmp_path, island + mainland, {"POLRES-19.03": 20}))
    rows, summary = _read(tmp_path)
    by_code = {r["tps_code"]: r for r in rows}
    island_groups = [by_code[r[0]]["group_id"] for r in island]
    assert len(set(island_groups)) == 4
    villages = {r[1] for r in mainland}
    mainland_groups = {by_code[r[0]]["group_id"] for r in mainland}
    expected = sum(-(-sum(1 for m in mainland if m[1] == v) // 3) for v in villages)
    assert len(mainland_groups) == expected
    assert summary["required"] == 4 + expected
    assert summary["units"] == [
        {
            "unit_code": "POLRES-19.03",
            "required": 4 + expected,
            "available": 20,
            "shortfall": 0,
            "reinforcements": 0,
        }
    ]


def test_every_tps_once_and_groups_share_category_and_village(babel_tps, tmp_path):
    election = babel_tps["pemilu"]
    rows_in = (
        _registry_rows(election, "19.71.01", 10)
        + _registry_rows(election, "19.04.02", 8, "rawan")
        + _registry_rows(election, "19.01.01", 5, "sangat_rawan")
    )
    _run(*_files(tmp_path, rows_in, {"POLRESTA-19.71": 9, "POLRES-19.01": 1, "POLDA-19": 2}))
    rows, summary = _read(tmp_path)
    assert sorted(r["tps_code"] for r in rows) == sorted(r[0] for r in rows_in)
    cat = {r[0]: (r[2], r[1]) for r in rows_in}
    groups = {}
    for r in rows:
        groups.setdefault(r["group_id"], set()).add(cat[r["tps_code"]])
    assert all(len(v) == 1 for v in groups.values())
    police = {r["group_id"]: int(r["group_police"]) for r in rows}
    assert sum(police.values()) == summary["required"]
    assert summary["required"] == sum(u["required"] for u in summary["units"])
    # Kec. Pangkalan Baru (Bangka Tengah) is guarded by Polresta Pangkalpinang's Polsek.
    pb_units = {r["unit_code"] for r in rows if r["tps_code"].startswith("19.04.02.")}
    assert pb_units == {"POLSEK-19.04.02"}
    assert {u["unit_code"] for u in summary["units"]} == {"POLRESTA-19.71", "POLRES-19.01"}
    bangka = next(u for u in summary["units"] if u["unit_code"] == "POLRES-19.01")
    # 5 sangat rawan TPS need 5 officers; Polres Bangka has 1, the rest is reinforced or short.
    assert bangka["required"] == 5
    assert bangka["shortfall"] + bangka["reinforcements"] == 4
    assert summary["lower_bound"] <= summary["required"]
    assert {"proposals", "reinforcement_pool"} <= set(summary)


def test_bad_files_exit_2_list_rows_and_write_nothing(babel, tmp_path, capsys):
    rows = [
        ("A1", "19.02.01.1001", "kurang_rawan", "", ""),
        ("A1", "19.02.01.1001", "rawan", "", ""),
        ("A3", "19.99.01.1001", "aman", "x", ""),
    ]
    args = _files(tmp_path, rows, {"POLRES-19.02": "-1", "POLRES-77": 2})
    with pytest.raises(SystemExit) as exit_info:
        _run(*args, "--language", "en")
    assert exit_info.value.code == 2
    err = capsys.readouterr().err
    for expected in (
        "TPS.csv:3: duplicate: A1",
        "TPS.csv:4: unknown category",
        "TPS.csv:4: latitude/longitude",
        "PERSONNEL.csv:2:",
        "PERSONNEL.csv:3:",
    ):
        assert expected in err
    assert not (tmp_path / "PLAN.csv").exists() and not (tmp_path / "SUMMARY.json").exists()


def test_errors_are_in_indonesian_by_default(babel, tmp_path, capsys):
    args = _files(tmp_path, [("A1", "19.02.01.1001", "aman", "", "")], {"POLRES-19.02": 1})
    with pytest.raises(SystemExit):
        _run(*args)
    assert "kategori tidak dikenal" in capsys.readouterr().err


def test_plans_from_the_data_in_awasi(babel_tps, profile, personnel, tmp_path, capsys):
    out, summary = tmp_path / "PLAN.csv", tmp_path / "SUMMARY.json"
    _run("--election", "pemilu-2024", "--region", "19", "--out", out, "--summary", summary)
    rows, data = _read(tmp_path)
    assert len(rows) == 4116 and len({r["tps_code"] for r in rows}) == 4116
    assert 1800 <= data["required"] <= 2000
    assert data["shortfall"] == 0
    assert "lokasi khusus" in capsys.readouterr().err  # no mapping: the fallback is stated


def test_unknown_election_exits_2(babel, tmp_path):
    with pytest.raises(SystemExit) as exit_info:
        _run(
            "--election",
            "pemilu-1999",
            "--region",
            "19",
            "--out",
            tmp_path / "P.csv",
            "--summary",
            tmp_path / "S.json",
        )
    assert exit_info.value.code == 2
