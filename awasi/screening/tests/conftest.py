"""Screening fixtures: a small registry and a Bangka DPRD list, screened once."""

from __future__ import annotations

import io
from typing import Any

import polars as pl
import pytest

from awasi.regions.models import Region
from awasi.screening.linkage import synth
from awasi.screening.services.imports import import_candidates, import_registry
from awasi.screening.services.runs import execute_run, start_run

HITS = [
    # person (registry) and candidate rendering of the same person
    (
        (
            "R-ASN",
            "Drs. Bambang Sutrisno",
            "Sungailiat",
            "1970-03-12",
            "L",
            "1901011203700001",
            "asn",
            "Dinas Pendidikan Bangka",
            "19.01",
        ),
        (
            "C-ASN",
            "H. BAMBANG SOETRISNO, S.Pd",
            "Sungailiat",
            "1970-03-12",
            "L",
            "1901011203700001",
            "P01",
            "dprd_regency",
            "Bangka 1",
            "19.01",
        ),
    ),
    (
        (
            "R-HON",
            "Rina Marlina",
            "Belinyu",
            "1988-07-21",
            "P",
            "1901066107880002",
            "honorary",
            "RSUD Depati Bahrin",
            "19.01",
        ),
        (
            "C-HON",
            "Rina Marlina, S.Kep",
            "Belinyu",
            "1988-07-21",
            "P",
            "1901066107880002",
            "P02",
            "dprd_regency",
            "Bangka 2",
            "19.01",
        ),
    ),
    (
        (
            "R-REV",
            "Andi Saputra Wijaya",
            "Pangkalpinang",
            "1979-05-02",
            "L",
            "1971010205790003",
            "polri",
            "Polres Bangka",
            "19.71",
        ),
        (
            "C-REV",
            "ANDI SAPUTRA WIJAYA",
            "Pangkalpinang",
            "",
            "L",
            "",
            "P03",
            "dprd_regency",
            "Bangka 3",
            "19.01",
        ),
    ),
]


def csv_bytes(frame: pl.DataFrame) -> bytes:
    buffer = io.BytesIO()
    frame.write_csv(buffer)
    return buffer.getvalue()


@pytest.fixture
def screening_data(babel: dict, officer_bangka: Any) -> dict[str, Any]:
    data = synth.generate(n_registry=800, n_candidates=40, n_links=0, seed=21)
    registry = pl.concat(
        [
            data.registry,
            pl.DataFrame([h[0] for h in HITS], schema=data.registry.columns, orient="row"),
        ]
    )
    candidates = pl.concat(
        [
            data.candidates,
            pl.DataFrame([h[1] for h in HITS], schema=data.candidates.columns, orient="row"),
        ]
    )
    import_registry(
        actor=officer_bangka, name="Registri uji", filename="r.csv", data=csv_bytes(registry)
    )
    clist = import_candidates(
        actor=officer_bangka,
        election=babel["pemilu"],
        region=Region.objects.get(pk="19.01"),
        level="dprd_regency",
        stage="dcs",
        name="DCS DPRD Bangka",
        filename="c.csv",
        data=csv_bytes(candidates),
    )
    run = start_run(actor=officer_bangka, candidate_list=clist)
    execute_run(run.pk)
    by_id = {c.external_id: c for c in clist.candidates.all()}
    return {"list": clist, "run": run, "candidates": by_id}


REGISTRY_HEADER = (
    "person_id,full_name,birth_place,birth_date,sex,nik,category,employer,region_code\n"
)
CANDIDATE_HEADER = (
    "candidate_id,full_name,birth_place,birth_date,sex,nik,party,level,dapil,region_code\n"
)


def screen_rows(officer: Any, election: Any, registry_rows: str, candidate_rows: str) -> Any:
    """Import a registry and a Bangka DPRD list from CSV rows (headers added) and screen it."""
    import_registry(
        actor=officer, name="r", filename="r.csv", data=(REGISTRY_HEADER + registry_rows).encode()
    )
    clist = import_candidates(
        actor=officer,
        election=election,
        region=Region.objects.get(pk="19.01"),
        level="dprd_regency",
        stage="dcs",
        name="DCS",
        filename="c.csv",
        data=(CANDIDATE_HEADER + candidate_rows).encode(),
    )
    execute_run(start_run(actor=officer, candidate_list=clist).pk)
    return clist


@pytest.fixture
def twins(babel: dict, officer_bangka: Any) -> Any:
    """A list screened against two men of one name, birth day and town, no NIK known: the
    candidate's form cannot tell them apart (both pairs go to review)."""
    return screen_rows(
        officer_bangka,
        babel["pemilu"],
        "R-A,Yohanes Sitorus,Tarutung,1980-05-05,L,,asn,Dinas Kesehatan,12.02\n"
        "R-B,Yohanes Sitorus,Tarutung,1980-05-05,L,,polri,Polres Tapanuli Utara,12.02\n"
        "R-X,Bambang Sutrisno,Sungailiat,1970-03-12,L,1901011203700001,asn,Dinas,19.01\n",
        "C-YS,YOHANES SITORUS,Tarutung,1980-05-05,L,,P01,dprd_regency,Bangka 1,19.01\n",
    )
