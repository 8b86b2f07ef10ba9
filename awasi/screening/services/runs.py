"""Screening runs: started from the UI, executed as a background task with recorded progress."""

from __future__ import annotations

import collections
from typing import Any

import polars as pl
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from awasi.accounts.scoping import is_bawaslu
from awasi.core.audit import record
from awasi.core.errors import DomainError
from awasi.screening.access import access_list
from awasi.screening.choices import RunStatus
from awasi.screening.crypto import decrypt_nik
from awasi.screening.linkage.link import VERSIONS, duplicates, link
from awasi.screening.models import (
    Candidate,
    DuplicatePair,
    MatchPair,
    RegistryPerson,
    ScreeningRun,
)

from .status import refresh_statuses


@transaction.atomic
def start_run(*, actor: Any, candidate_list: Any) -> ScreeningRun:
    """Queue a screening run of a list (registries and double candidacy across the election)."""
    if not is_bawaslu(actor):
        raise DomainError(_("Only Bawaslu may screen candidates."), code="forbidden")
    candidate_list = access_list(actor, candidate_list.pk)  # 404 outside the officer's area
    busy = candidate_list.runs.filter(status__in=[RunStatus.QUEUED, RunStatus.RUNNING])
    if busy.exists():
        raise DomainError(
            _("A screening run of this list is already in progress."), code="run_in_progress"
        )
    run = ScreeningRun.objects.create(
        candidate_list=candidate_list, started_by=actor, versions=VERSIONS
    )
    record(actor=actor, action="screening.start_run", target=run)
    from awasi.screening.tasks import screen_list

    transaction.on_commit(lambda: screen_list.enqueue(run.pk))
    return run


def _frame(rows: list[dict], id_name: str, ids: list[str] | None = None) -> pl.DataFrame:
    return pl.DataFrame(
        [
            {
                id_name: ids[k] if ids is not None else str(r["pk"]),
                "full_name": r["full_name"],
                "birth_place": r["birth_place"],
                "birth_date": r["birth_date"].isoformat() if r["birth_date"] else "",
                "sex": r["sex"],
                "nik": decrypt_nik(r["nik_encrypted"]),
                "region_code": r["region_code"],
            }
            for k, r in enumerate(rows)
        ],
        schema={
            id_name: pl.Utf8,
            "full_name": pl.Utf8,
            "birth_place": pl.Utf8,
            "birth_date": pl.Utf8,
            "sex": pl.Utf8,
            "nik": pl.Utf8,
            "region_code": pl.Utf8,
        },
    )


_FIELDS = ("pk", "full_name", "birth_place", "birth_date", "sex", "nik_encrypted", "region_code")


def _person_ids(people: list[dict]) -> list[str]:
    """Registry people as officers know them (the reasons name the runner-up): their id in their
    own registry, with the registry's name where two registries use the same id."""
    seen = collections.Counter(p["external_id"] for p in people)
    ids = [
        p["external_id"]
        if seen[p["external_id"]] == 1
        else f"{p['external_id']} ({p['registry__name']})"
        for p in people
    ]
    # Two registries of one name using one id: the database key keeps them apart.
    clash = collections.Counter(ids)
    return [i if clash[i] == 1 else f"{i} #{p['pk']}" for i, p in zip(ids, people, strict=True)]


def _progress(run: ScreeningRun, share: float, offset: float) -> Any:
    def report(stage: str, fraction: float) -> None:
        ScreeningRun.objects.filter(pk=run.pk).update(
            stage=stage, progress=round(offset + share * fraction, 3)
        )

    return report


def execute_run(run_id: int) -> ScreeningRun:
    """Run the linker for a queued run and store its pairs; failures are recorded on the run."""
    run = ScreeningRun.objects.select_related("candidate_list__election").get(pk=run_id)
    ScreeningRun.objects.filter(pk=run.pk).update(status=RunStatus.RUNNING)
    try:
        counts = _execute(run)
    except Exception as exc:
        ScreeningRun.objects.filter(pk=run.pk).update(
            status=RunStatus.FAILED, error=str(exc)[:2000], finished_at=timezone.now()
        )
        raise
    ScreeningRun.objects.filter(pk=run.pk).update(
        status=RunStatus.DONE, progress=1.0, stage="done", counts=counts, finished_at=timezone.now()
    )
    run.refresh_from_db()
    return run


def _execute(run: ScreeningRun) -> dict[str, int]:
    clist = run.candidate_list
    own = list(clist.candidates.values(*_FIELDS))
    election_rows = list(
        Candidate.objects.filter(candidate_list__election=clist.election).values(*_FIELDS)
    )
    people = list(RegistryPerson.objects.values(*_FIELDS, "external_id", "registry__name"))
    person_ids = _person_ids(people)
    pk_of = {shown: p["pk"] for shown, p in zip(person_ids, people, strict=True)}
    cands = _frame(own, "candidate_id")
    registry = _frame(people, "person_id", person_ids)
    matches = link(cands, registry, every_flagged=True, progress=_progress(run, 0.7, 0.0))
    pairs = duplicates(_frame(election_rows, "candidate_id"), progress=_progress(run, 0.25, 0.7))
    own_ids = {str(r["pk"]) for r in own}
    pairs = pairs.filter(
        pl.col("candidate_id_a").is_in(own_ids) | pl.col("candidate_id_b").is_in(own_ids)
    )
    with transaction.atomic():
        # Officers' verdicts survive a re-run: pending pairs are replaced, reviewed ones kept.
        MatchPair.objects.filter(candidate__candidate_list=clist, outcome="pending").delete()
        reviewed = set(
            MatchPair.objects.filter(candidate__candidate_list=clist).values_list(
                "candidate_id", "person_id"
            )
        )
        MatchPair.objects.bulk_create(
            [
                MatchPair(
                    run=run,
                    candidate_id=int(m["candidate_id"]),
                    person_id=pk_of[m["person_id"]],
                    score=m["score"],
                    decision=m["decision"],
                    reasons=m["reasons"],
                    runner_up=m["runner_up_id"] or "",
                )
                for m in matches.iter_rows(named=True)
                if (int(m["candidate_id"]), pk_of[m["person_id"]]) not in reviewed
            ]
        )
        touching = Q(first__candidate_list=clist) | Q(second__candidate_list=clist)
        DuplicatePair.objects.filter(touching, outcome="pending").delete()
        seen = {
            frozenset(p)
            for p in DuplicatePair.objects.filter(touching).values_list("first_id", "second_id")
        }
        DuplicatePair.objects.bulk_create(
            [
                DuplicatePair(
                    run=run,
                    first_id=int(d["candidate_id_a"]),
                    second_id=int(d["candidate_id_b"]),
                    score=d["score"],
                    decision=d["decision"],
                    reasons=d["reasons"],
                )
                for d in pairs.iter_rows(named=True)
                if frozenset((int(d["candidate_id_a"]), int(d["candidate_id_b"]))) not in seen
            ]
        )
        refresh_statuses(clist.candidates.all(), screened=True)
        record(
            actor=run.started_by,
            action="screening.finish_run",
            target=run,
            data={"matches": matches.height, "duplicates": pairs.height},
        )
    return {
        "candidates": len(own),
        "registry": len(people),
        "matches": matches.height,
        "duplicates": pairs.height,
    }
