"""The audit file formats: every bad row reported, good rows parsed (pure)."""

import json

from awasi.deployment.csvio import (
    complete_patterns,
    plan_rows,
    read_patterns,
    read_personnel,
    read_tps,
    summary,
    write_csv,
)
from awasi.deployment.planner import plan
from awasi.deployment.report import by_category, by_unit

from .factories_pure import BELITUNG_STYLE, build, many, unit

TPS_OK = """tps_code,village_code,category,latitude,longitude
19.02.01.1001.TPS001,19.02.01.1001,kurang_rawan,-2.74,107.63
19.02.01.1001.TPS002,19.02.01.1001,rawan,,
"""


def test_tps_file_parses_with_and_without_coordinates():
    rows, errors = read_tps(TPS_OK)
    assert errors == []
    assert [(r.line, r.category, r.latitude) for r in rows] == [
        (2, "kurang_rawan", -2.74),
        (3, "rawan", None),
    ]


def test_tps_file_lists_every_offending_row():
    text = TPS_OK + (
        "19.02.01.1001.TPS001,19.02.01.1001,kurang_rawan,,\n"  # duplicate
        "X,19.02.01.1001,aman,,\n"  # unknown category
        "Y,,rawan,-2.7,\n"  # no village, one coordinate
        "Z,19.02.01.1001,rawan,95,107\n"  # latitude out of range
    )
    rows, errors = read_tps(text)
    assert len(rows) == 2
    assert [(e.line, e.code) for e in errors] == [
        (4, "duplicate"),
        (5, "bad_category"),
        (6, "empty"),
        (6, "bad_coordinates"),
        (7, "bad_coordinates"),
    ]


def test_missing_columns_and_empty_files_are_errors():
    assert read_tps("tps_code,category\nA,rawan\n")[1][0].code == "missing_columns"
    assert read_tps(TPS_OK.splitlines()[0] + "\n")[1][0].code == "no_rows"
    assert read_personnel("unit,count\n")[1][0].value == "unit_code, available"


def test_personnel_counts_must_be_whole_numbers():
    counts, errors = read_personnel(
        "unit_code,available\nPOLRES-19.02,195\nPOLDA-19,100\nPOLRES-19.01,-3\nPOLRES-19.02,1\n"
    )
    assert counts == {"POLRES-19.02": 195, "POLDA-19": 100}
    assert [(e.line, e.code) for e in errors] == [(4, "bad_count"), (5, "duplicate")]


def test_patterns_need_every_used_category():
    text = (
        "category,police_per_group,tps_per_group,linmas_per_tps\n"
        "kurang_rawan,1,3,2\nrawan,1,2,2\nrawan,1,2,2\nsangat_rawan,0,1,2\n"
    )
    patterns, errors = read_patterns(text)
    assert set(patterns) == {"kurang_rawan", "rawan"}
    assert [(e.line, e.code) for e in errors] == [(4, "duplicate"), (5, "bad_pattern")]
    pattern_set, missing = complete_patterns(patterns, ["rawan", "khusus"])
    assert pattern_set is None and [e.value for e in missing] == ["khusus"]
    pattern_set, missing = complete_patterns(patterns, ["rawan"])
    assert missing == [] and pattern_set.default["rawan"].tps_per_group == 2


def test_plan_rows_and_summary_add_up():
    stations = many("A", "V1", "kurang_rawan", "POLSEK-1", 4) + many(
        "B", "V2", "sangat_rawan", "POLRES-A", 2
    )
    units = [
        unit("POLDA-X", "polda", available=1),
        unit("POLRES-A", parent="POLDA-X", available=3),
        unit("POLSEK-1", "polsek", "POLRES-A"),
    ]
    t, u = build(units, stations)
    result = plan(t, u, BELITUNG_STYLE)
    rows = plan_rows(result, t, u, [2] * len(stations))
    assert sorted(r[0] for r in rows) == sorted(t.codes)
    per_group = {r[2]: r[3] for r in rows}
    data = summary(result, u)
    assert sum(per_group.values()) == data["required"] == 4
    assert data["units"] == [
        {
            "unit_code": "POLRES-A",
            "required": 4,
            "available": 3,
            "shortfall": 0,
            "reinforcements": 1,
        }
    ]
    assert data["proposals"][0]["from"] == "POLDA-X"
    json.dumps(data)
    assert write_csv(["a"], [[1]]) == "a\n1\n"
    units_rows = {r.code: r for r in by_unit(result, u)}
    assert units_rows["POLSEK-1"].planning_code == "POLRES-A"
    assert units_rows["POLSEK-1"].tps_by_category["kurang_rawan"] == 4
    assert by_category(result)["sangat_rawan"] == {
        "tps": 2,
        "groups": 2,
        "officers": 2,
        "guarded": 2,
    }
