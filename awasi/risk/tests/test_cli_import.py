"""`awasi risk score|import|categories` and the all-or-nothing file import service."""

import csv

import pytest
from django.core.management import CommandError, call_command
from django.utils import translation

from awasi.core.errors import DomainError
from awasi.risk import services
from awasi.risk.models import Observation, ScoreRun

pytestmark = pytest.mark.django_db


def _write(tmp_path, name, text):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_cli_import_then_score_then_categories(tmp_path, stations, capsys):
    codes = [s.code for s in stations.values() if s.code.startswith("19.01")]
    header = "tps_code,kam_kekerasan,kam_intimidasi,jar_internet"
    rows = "\n".join(f"{code},1,0,0" for code in codes)
    call_command("risk", "import", str(_write(tmp_path, "wide.csv", f"{header}\n{rows}\n")))
    assert Observation.objects.filter(source="import").count() == 3 * len(codes)
    call_command(
        "risk", "score", "--election", "pemilu-2024", "--region", "19.01", "--as-of", "2024-02-12"
    )
    out = capsys.readouterr().out
    assert "3 TPS" in out and "(2024-02-12)" in out  # progress lines are translated
    run = ScoreRun.objects.get()
    assert (run.region_code, str(run.as_of)) == ("19.01", "2024-02-12")
    target = tmp_path / "categories.csv"
    call_command("risk", "categories", str(target), "--region", "19.01")
    with target.open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert {r["category"] for r in rows} == {"rawan", "sangat_rawan"}  # violence floor; prison


def test_cli_import_with_bad_rows_fails_and_saves_nothing(tmp_path, stations, capsys):
    good = stations["bangka1"].code
    path = _write(
        tmp_path, "bad.csv", f"tps_code,indicator,value\n{good},hp_dptb,1\n{good},kmp_sara,maybe\n"
    )
    with pytest.raises(CommandError, match="nothing was imported"):
        call_command("risk", "import", str(path))
    assert "row 3 value" in capsys.readouterr().err
    assert not Observation.objects.exists()


def test_cli_refuses_unknown_election(stations):
    with pytest.raises(CommandError, match="unknown election"):
        call_command("risk", "score", "--election", "pemilu-2099")


def test_import_service_limits_officers_to_their_area(officer_bangka, babel, stations):
    content = f"tps_code,indicator,value\n{stations['belitung1'].code},hp_dptb,1\n".encode()
    result = services.import_observations(
        actor=officer_bangka, election=babel["pemilu"], content=content, filename="x.csv"
    )
    assert [e.column for e in result.errors] == ["tps_code"]
    assert not Observation.objects.exists()


def test_import_service_refuses_other_agencies_and_unreadable_files(
    police_bangka, officer_bangka, babel, stations
):
    with pytest.raises(DomainError):
        services.import_observations(
            actor=police_bangka, election=babel["pemilu"], content=b"x", filename="x.csv"
        )
    with translation.override("en"), pytest.raises(DomainError, match="could not be read"):
        services.import_observations(
            actor=officer_bangka,
            election=babel["pemilu"],
            content=b"PK\x03\x04junk",
            filename="x.xlsx",
        )


def test_reimporting_the_same_file_does_not_double_count(officer_bangka, babel, stations):
    content = f"tps_code,indicator,value\n{stations['bangka1'].code},hp_dptb,1\n".encode()
    for _ in range(2):
        services.import_observations(
            actor=officer_bangka, election=babel["pemilu"], content=content, filename="x.csv"
        )
    assert Observation.objects.count() == 1
