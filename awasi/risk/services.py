"""Use cases that change risk data: catalogues, observations (form, import, derived), score runs."""

from __future__ import annotations

import time
from collections.abc import Callable
from datetime import date
from typing import Any

import numpy as np
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from awasi.core.audit import record
from awasi.core.errors import DomainError
from awasi.elections.models import Election
from awasi.regions.codes import in_subtree
from awasi.regions.models import PollingStation
from awasi.risk import catalogue as catalogue_data
from awasi.risk import parsing, rollup, scoring, store
from awasi.risk.choices import CatalogueKind, ObservationSource
from awasi.risk.derived import derived_values
from awasi.risk.models import IndicatorCatalogue, Observation, ScoreRun, Submission
from awasi.risk.selectors import can_record

#: Shipped default catalogue per election slug and kind (``awasi/risk/data``).
DEFAULT_CATALOGUES = {
    "pemilu-2024": {CatalogueKind.TPS: "tps-pemilu-2024", CatalogueKind.IKP: "ikp-2024"},
    "pilkada-2024": {CatalogueKind.TPS: "tps-pilkada-2024-babel", CatalogueKind.IKP: "ikp-2024"},
}

Progress = Callable[[str], None]


def ensure_catalogues(election: Election) -> list[IndicatorCatalogue]:
    """Create the election's default catalogues from the shipped files if missing (idempotent)."""
    result = []
    for kind, slug in DEFAULT_CATALOGUES.get(election.slug, {}).items():
        loaded = catalogue_data.load(slug)
        item, created = IndicatorCatalogue.objects.get_or_create(
            election=election,
            kind=kind,
            defaults={
                "slug": slug,
                "name": loaded.name,
                "definition": catalogue_data.to_dict(loaded),
            },
        )
        if created:
            record(actor=None, action="risk.catalogue.create", target=item, data={"slug": slug})
        result.append(item)
    return result


def tps_catalogue(election: Election) -> IndicatorCatalogue:
    """The election's TPS catalogue, creating the default one if needed."""
    ensure_catalogues(election)
    item = IndicatorCatalogue.objects.filter(election=election, kind=CatalogueKind.TPS).first()
    if item is None:
        raise DomainError(_("No TPS indicator catalogue is set up for this election."))
    return item


def _check_recorder(user: Any, station: PollingStation) -> None:
    if not can_record(user) or not in_subtree(station.village_id, _own_area(user)):
        raise DomainError(_("You may not record observations for this TPS."), code="forbidden")


def _own_area(user: Any) -> str | None:
    return None if user.is_superuser else user.region_code


@transaction.atomic
def record_observations(
    *,
    actor: Any,
    station: PollingStation,
    values: dict[str, float | None],
    observed_on: date,
    note: str = "",
    key: str = "",
) -> int:
    """Save a supervisor's form for one TPS: one value per indicator (None = not known).

    Idempotent twice over: a repeated ``key`` changes nothing, and values are upserted per (TPS,
    indicator, source) so a double submit never counts twice. Returns the number of values saved.
    """
    _check_recorder(actor, station)
    if key and Submission.objects.filter(key=key).exists():
        return 0
    item = tps_catalogue(station.election)
    codes = set(item.parsed().indicator_codes())
    unknown = set(values) - codes
    if unknown:
        raise DomainError(
            _("Unknown indicators: %(codes)s") % {"codes": ", ".join(sorted(unknown))}
        )
    if observed_on > timezone.localdate():
        raise DomainError(_("The observation date cannot be in the future."))
    saved = _upsert(item, station, values, observed_on, ObservationSource.FIELD, actor, note)
    if key:
        Submission.objects.create(key=key, user=actor, polling_station=station, values=saved)
    record(
        actor=actor,
        action="risk.observations.record",
        target=station,
        data={"values": {k: v for k, v in values.items() if v is not None}, "on": observed_on},
    )
    return saved


def _upsert(item, station, values, observed_on, source, actor, note="", reference="") -> int:
    saved = 0
    for code, value in values.items():
        if value is None:
            continue
        Observation.objects.update_or_create(
            catalogue=item,
            polling_station=station,
            indicator=code,
            source=source,
            defaults={
                "value": float(value),
                "observed_on": observed_on,
                "recorded_by": actor if getattr(actor, "pk", None) else None,
                "note": note,
                "reference": reference,
            },
        )
        saved += 1
    return saved


def import_observations(
    *, actor: Any, election: Election, content: bytes, filename: str
) -> parsing.ParseResult:
    """Validate a CSV/XLSX file and, only if every row is valid, save all of it in one transaction.

    Returns the parse result; its ``errors`` (row, column, reason) are the validation report.
    ``actor`` None is the server's own CLI (every TPS of the election).
    """
    if actor is not None and not can_record(actor):
        raise DomainError(_("You may not import observations."), code="forbidden")
    item = tps_catalogue(election)
    stations = PollingStation.objects.filter(election=election)
    area = _own_area(actor) if actor is not None else None
    if area:
        stations = stations.in_region(area)
    by_code = dict(stations.values_list("code", "pk"))
    try:
        rows = parsing.read_table(content, filename)
    except Exception as error:  # noqa: BLE001 — any unreadable file is one clear error
        raise DomainError(_("The file could not be read: %(error)s") % {"error": error}) from error
    result = parsing.parse(rows, item.parsed(), by_code)
    if result.ok:
        _save_import(actor, item, result.observations, by_code, filename)
    return result


@transaction.atomic
def _save_import(actor, item, observations, by_code, filename) -> None:
    today = timezone.localdate()
    stations = PollingStation.objects.in_bulk([by_code[o.tps_code] for o in observations])
    for obs in observations:
        station = stations[by_code[obs.tps_code]]
        _upsert(
            item,
            station,
            {obs.indicator: obs.value},
            obs.observed_on or today,
            ObservationSource.IMPORT,
            actor,
            obs.note,
            f"{filename}:{obs.row}",
        )
    record(
        actor=actor,
        action="risk.observations.import",
        target=item,
        data={"file": filename, "values": len(observations)},
    )


@transaction.atomic
def refresh_derived(
    *, election: Election, region_code: str | None = None, progress: Progress | None = None
) -> int:
    """Recompute the indicators Awasi derives from its own data (registry, cases) for the TPS of
    ``region_code``; replaces the previous derived values. Returns how many values were written."""
    item = tps_catalogue(election)
    stations = PollingStation.objects.filter(election=election).in_region(region_code)
    rows = derived_values(item.parsed(), stations)
    Observation.objects.filter(
        catalogue=item,
        source__in=[ObservationSource.REGISTRY, ObservationSource.CASES],
        polling_station__in=stations,
    ).delete()
    today = timezone.localdate()
    Observation.objects.bulk_create(
        [
            Observation(
                catalogue=item,
                polling_station_id=pk,
                indicator=code,
                source=source,
                value=value,
                observed_on=today,
                reference=reference,
            )
            for pk, code, source, value, reference in rows
        ],
        batch_size=2000,
    )
    if progress:
        progress(_("Derived values: %(n)d") % {"n": len(rows)})
    return len(rows)


def _matrix(item: IndicatorCatalogue, pks: list[int], codes: list[str]) -> np.ndarray:
    """Rows = TPS, columns = indicators; NaN where no source gave a value.

    Several sources for one (TPS, indicator) combine by their maximum: an indicator is present when
    any source (field form, import, registry, cases) reports it.
    """
    row_of = {pk: n for n, pk in enumerate(pks)}
    col_of = {code: n for n, code in enumerate(codes)}
    values = np.full((len(pks), len(codes)), np.nan)
    rows, cols, vals = [], [], []
    observations = Observation.objects.filter(catalogue=item, polling_station_id__in=pks)
    for pk, code, value in observations.values_list("polling_station_id", "indicator", "value"):
        if code in col_of:
            rows.append(row_of[pk])
            cols.append(col_of[code])
            vals.append(value)
    np.fmax.at(values, (np.array(rows, dtype=np.intp), np.array(cols, dtype=np.intp)), vals)
    return values


@transaction.atomic
def compute_scores(
    *,
    actor: Any,
    election: Election,
    region_code: str | None = None,
    as_of: date | None = None,
    note: str = "",
    is_synthetic: bool = False,
    progress: Progress | None = None,
) -> ScoreRun:
    """Refresh derived indicators, score every TPS of the election under ``region_code`` and roll
    the scores up; stores a dated run (``as_of``, default today) so two dates can be compared.

    ``region_code`` defaults to the actor's own area (everything for national users and the CLI).
    """
    say = progress or (lambda message: None)
    if actor is not None and not can_record(actor):
        raise DomainError(_("You may not compute scores."), code="forbidden")
    if actor is not None and region_code is None:
        region_code = _own_area(actor)
    if actor is not None and not _covers(_own_area(actor), region_code):
        raise DomainError(_("You may not compute scores outside your area."), code="forbidden")
    started = time.perf_counter()
    item = tps_catalogue(election)
    loaded = item.parsed()
    refresh_derived(election=election, region_code=region_code, progress=say)
    stations = list(
        PollingStation.objects.filter(election=election)
        .in_region(region_code)
        .order_by("pk")
        .values_list("pk", "village_id")
    )
    if not stations:
        raise DomainError(_("There are no TPS to score in this area."))
    say(_("Scoring %(n)d TPS…") % {"n": len(stations)})
    pks = [pk for pk, _village in stations]
    values = _matrix(item, pks, loaded.indicator_codes())
    scores = scoring.score(values, scoring.compile_catalogue(loaded))
    villages, village_index = rollup.factorize(village for _pk, village in stations)
    levels = rollup.rollup(scores, village_index, villages, n_categories=len(loaded.categories))
    run = ScoreRun.objects.create(
        catalogue=item,
        election=election,
        region_code=region_code or "",
        as_of=as_of or timezone.localdate(),
        computed_by=actor,
        tps_count=len(pks),
        note=note,
        is_synthetic=is_synthetic,
    )
    say(_("Saving scores…"))
    store.save_tps_scores(run, loaded, pks, scores)
    store.save_region_scores(run, loaded, levels, region_code)
    run.seconds = round(time.perf_counter() - started, 3)
    run.save(update_fields=["seconds"])
    record(
        actor=actor,
        action="risk.scores.compute",
        target=run,
        data={"tps": len(pks), "region": region_code or "", "as_of": run.as_of},
    )
    say(_("Done: %(n)d TPS in %(s).1f s") % {"n": len(pks), "s": run.seconds})
    return run


def _covers(area: str | None, region_code: str | None) -> bool:
    return area is None or (region_code is not None and in_subtree(region_code, area))
