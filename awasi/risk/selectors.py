"""Reads over risk data: current TPS categories (for the police planner), runs, region scores."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet

from awasi.accounts.choices import Agency
from awasi.accounts.scoping import NOTHING, is_agency, region_q
from awasi.elections.models import Election
from awasi.regions.codes import in_subtree, subtree_q
from awasi.regions.models import PollingStation
from awasi.risk.choices import CatalogueKind
from awasi.risk.models import IndicatorCatalogue, RegionScore, ScoreRun, TpsScore

#: Agencies that see vulnerability data: Bawaslu maps it, Polri plans TPS security from it.
READER_AGENCIES = (Agency.BAWASLU, Agency.POLRI)


def _election(election: Election | str) -> Election:
    return election if isinstance(election, Election) else Election.objects.get(slug=election)


def tps_categories(*, election: Election | str, region_code: str | None = None) -> dict[int, str]:
    """PollingStation pk → current category (``kurang_rawan``, ``rawan``, ``sangat_rawan``,
    ``khusus``) for the election's TPS under ``region_code`` (None: all).

    "Current" is the TPS's score in the latest run (by mapping date, then id) that scored it. TPS
    never scored, or scored without enough data and no floor rule, are left out: the caller picks
    their default. The police deployment planner (issue 6) relies on this name and these values.
    """
    rows = (
        TpsScore.objects.filter(run__election=_election(election))
        .filter(subtree_q("polling_station__village_id", region_code))
        .order_by("polling_station_id", "-run__as_of", "-run_id")
        .values_list("polling_station_id", "category")
    )
    result: dict[int, str] = {}
    seen: set[int] = set()
    for pk, category in rows.iterator(chunk_size=5000):
        if pk in seen:
            continue
        seen.add(pk)
        if category:
            result[pk] = category
    return result


def tps_category_rows(
    *, election: Election | str, region_code: str | None = None
) -> list[tuple[str, str, str, float | None, float | None]]:
    """Rows ``tps_code, village_code, category, latitude, longitude`` — the deployment CLI's TPS
    file format — for every TPS with a current category, ordered by TPS code."""
    categories = tps_categories(election=election, region_code=region_code)
    stations = PollingStation.objects.filter(pk__in=list(categories)).order_by("code")
    return [
        (code, village, categories[pk], lat, lon)
        for pk, code, village, lat, lon in stations.values_list(
            "pk", "code", "village_id", "latitude", "longitude"
        ).iterator(chunk_size=5000)
    ]


def can_read(user: Any) -> bool:
    """Bawaslu and Polri members (and superusers) may read vulnerability data of their area."""
    return any(is_agency(user, agency) for agency in READER_AGENCIES) or getattr(
        user, "is_superuser", False
    )


def can_record(user: Any) -> bool:
    """Only Bawaslu (supervisors at every level) records observations and runs scoring."""
    return is_agency(user, Agency.BAWASLU)


def visible_runs(user: Any, election: Election) -> QuerySet[ScoreRun]:
    """Runs of ``election`` whose area overlaps the user's area (none for other agencies)."""
    if not can_read(user):
        return ScoreRun.objects.none()
    runs = ScoreRun.objects.filter(election=election)
    own = user.region_code if not user.is_superuser else None
    if own is None:
        return runs
    ids = [
        r.pk
        for r in runs.only("pk", "region_code")
        if not r.region_code or in_subtree(r.region_code, own) or in_subtree(own, r.region_code)
    ]
    return runs.filter(pk__in=ids)


def latest_run(user: Any, election: Election, region_code: str | None = None) -> ScoreRun | None:
    """The newest run the user may see that covers ``region_code`` entirely."""
    for run in visible_runs(user, election).order_by("-as_of", "-id"):
        if not run.region_code or (region_code and in_subtree(region_code, run.region_code)):
            return run
    return None


def visible_tps_scores(user: Any, run: ScoreRun) -> QuerySet[TpsScore]:
    """TPS scores of ``run`` in the user's area."""
    if not can_read(user):
        return TpsScore.objects.filter(NOTHING)
    return run.tps_scores.filter(region_q(user, "polling_station__village_id"))


def visible_region_scores(user: Any, run: ScoreRun) -> QuerySet[RegionScore]:
    """Region roll-ups of ``run`` in the user's area."""
    if not can_read(user):
        return RegionScore.objects.filter(NOTHING)
    return run.region_scores.filter(region_q(user, "region_id"))


def catalogue_for(election: Election, kind: str = CatalogueKind.TPS) -> IndicatorCatalogue | None:
    """The election's catalogue of ``kind`` if it has been set up."""
    return IndicatorCatalogue.objects.filter(election=election, kind=kind).first()
