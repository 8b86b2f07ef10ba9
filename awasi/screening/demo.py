"""Demo data, all SYNTHETIC: a registry of Babel state employees and three candidate lists
(DPRD Provinsi Kep. Bangka Belitung with 542 candidates, as the real 2023 DCT — legal-notes.md
§9.4 — plus DPRD Bangka Barat 404 and Bangka Selatan 353), with a few planted true hits (old
spelling, titles, NIK typos, an honorary worker) and hard near-misses (namesakes born on other
days, a neighbour whose NIK differs in one digit), two double candidacies, then a screening run.

Everything goes through the services (validation, encryption, audit). Idempotent: stops when the
demo registry exists.
"""

from __future__ import annotations

import io
from typing import Any

import numpy as np
import polars as pl

from awasi.accounts.models import User
from awasi.elections.models import Election
from awasi.regions.models import Region
from awasi.screening.linkage import synth
from awasi.screening.models import MatchPair, Registry
from awasi.screening.services.imports import import_candidates, import_registry
from awasi.screening.services.review import review_match
from awasi.screening.services.runs import execute_run, start_run

REGISTRY_NAME = "Registri ASN/TNI/Polri/BUMD/desa Babel (SINTETIS)"
BABEL = ("19.01", "19.02", "19.03", "19.04", "19.05", "19.06", "19.71")
LISTS = (  # name, region, level, size, dapil prefix, dapil count
    (
        "DCT DPRD Provinsi Kep. Bangka Belitung 2024 (SINTETIS)",
        "19",
        "dprd_province",
        542,
        "Babel",
        6,
    ),
    (
        "DCT DPRD Kabupaten Bangka Barat 2024 (SINTETIS)",
        "19.05",
        "dprd_regency",
        404,
        "Bangka Barat",
        4,
    ),
    (
        "DCT DPRD Kabupaten Bangka Selatan 2024 (SINTETIS)",
        "19.03",
        "dprd_regency",
        353,
        "Bangka Selatan",
        4,
    ),
)
PARTIES = tuple(f"Partai Contoh {i:02d}" for i in range(1, 19))


def _csv(frame: pl.DataFrame) -> bytes:
    buffer = io.BytesIO()
    frame.write_csv(buffer)
    return buffer.getvalue()


def _registry(rng: np.random.Generator) -> pl.DataFrame:
    data = synth.generate(n_registry=20_000, n_candidates=10, n_links=0, seed=2024)
    regions = rng.choice([f"{c}" for c in BABEL], data.registry.height)
    return data.registry.with_columns(
        region_code=pl.Series(regions), employer=pl.Series([f"Pemda {c}" for c in regions])
    )


def _planted(registry: pl.DataFrame, rng: np.random.Generator) -> list[dict[str, str]]:
    """Candidate renderings of registry people: true hits and near-misses."""
    people = registry.sample(8, seed=7).to_dicts()
    rows = []
    noise = synth.SETTINGS["standard"]
    for k, person in enumerate(people):
        name = synth.noisy_name(rng, person["full_name"], person["sex"], noise)
        nik = person["nik"]
        born = person["birth_date"]
        if k == 1:  # NIK typo in the serial
            nik = nik[:15] + str((int(nik[15]) + 3) % 10)
        if k == 2:  # namesake: same name, born eleven years later, another NIK
            born = f"{int(born[:4]) + 11}{born[4:]}"
            nik = nik[:10] + f"{int(nik[10:12]) + 11:02d}" + "0007"
        if k == 3:  # neighbour: same birth day and district, one serial digit, another name
            name = "Sumarni Hasanah" if person["sex"] == "P" else "Suparman Hidayat"
            nik = nik[:12] + "0" + str((int(nik[13]) + 4) % 10) + nik[14:]
        if k == 4:  # no NIK, old spelling and title already from the noise
            nik = ""
        rows.append(
            {
                "full_name": name,
                "birth_place": person["birth_place"],
                "birth_date": born,
                "sex": person["sex"],
                "nik": nik,
            }
        )
    return rows


def _list_frame(
    rng: np.random.Generator,
    size: int,
    prefix: str,
    dapils: int,
    region: str,
    planted: list[dict[str, str]],
    seed: int,
) -> pl.DataFrame:
    code = prefix[:3].upper()
    fresh = synth.generate(
        n_registry=10, n_candidates=size - len(planted), n_links=0, seed=seed
    ).candidates
    fresh = fresh.with_columns(
        candidate_id=pl.Series([f"{code}-{i:04d}" for i in range(fresh.height)])
    )
    rows = [{**r, "candidate_id": f"{code}-P{i}"} for i, r in enumerate(planted)]
    columns = ["candidate_id", "full_name", "birth_place", "birth_date", "sex", "nik"]
    frame = pl.concat([fresh.select(columns), pl.DataFrame(rows).select(columns)])
    n = frame.height
    frame = frame.with_columns(
        party=pl.Series(rng.choice(PARTIES, n)),
        level=pl.lit(""),
        dapil=pl.Series([f"{prefix} {d}" for d in rng.integers(1, dapils + 1, n)]),
        region_code=pl.lit(region),
    )
    # number on the party's list in each dapil (the optional column of UI imports)
    return frame.with_columns(
        number=pl.int_range(1, pl.len() + 1).over(["party", "dapil"]).cast(pl.Utf8)
    )


def load(*, stdout: Any) -> None:
    """Create the synthetic screening demo (idempotent)."""
    if Registry.objects.filter(name=REGISTRY_NAME).exists():
        stdout.write("screening: demo already loaded\n")
        return
    actor = User.objects.filter(organisation__code="bawaslu-babel").order_by(
        "pk"
    ).first() or User.objects.get(username="bawaslu-babel")
    election = Election.objects.get(slug="pemilu-2024")
    rng = np.random.default_rng(2024)
    registry = _registry(rng)
    import_registry(
        actor=actor,
        name=REGISTRY_NAME,
        filename="registry.csv",
        data=_csv(registry),
        is_synthetic=True,
    )
    planted = _planted(registry, rng)
    twins = synth.generate(n_registry=10, n_candidates=2, n_links=0, seed=99).candidates
    twins = twins.select("full_name", "birth_place", "birth_date", "sex", "nik").to_dicts()
    for k, (name, region, level, size, prefix, dapils) in enumerate(LISTS):
        extra = (planted[:5] if k == 0 else planted[5:]) + twins  # twins: double candidacy
        frame = _list_frame(rng, size, prefix, dapils, region, extra, seed=300 + k)
        clist = import_candidates(
            actor=actor,
            election=election,
            region=Region.objects.get(pk=region),
            level=level,
            stage="dct",
            name=name,
            filename="dct.csv",
            data=_csv(frame),
            is_synthetic=True,
        )
        execute_run(start_run(actor=actor, candidate_list=clist).pk)
        stdout.write(f"screening: {name}: {frame.height} candidates screened\n")
    _hold_one_for_legal_review(actor, stdout)


def _hold_one_for_legal_review(actor: Any, stdout: Any) -> None:
    """An officer confirms one honorary-staff pair, so the demo shows a candidate held for legal
    review (the commissioner's ruling is left to the person trying the demo)."""
    pair = (
        MatchPair.objects.filter(person__category="honorary", outcome="pending")
        .order_by("-score", "pk")
        .first()
    )
    if pair is None:
        return
    if pair.decision == "review":
        review_match(
            actor=actor,
            pair_id=pair.pk,
            confirmed=True,
            note="Demo: nama, tanggal lahir dan tempat lahir cocok dengan data tenaga honorer.",
        )
    stdout.write(f"screening: {pair.candidate.full_name} held for legal review (honorary staff)\n")
