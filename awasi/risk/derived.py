"""Indicators Awasi derives from its own data: the TPS registry and, when installed, the cases app.

A catalogue indicator says where it comes from in ``derived_from``:

* ``tps.special_location`` — 1 when the TPS is at a special location other than "remote"
  (prisons, detention centres, hospitals...: *TPS lokasi khusus*);
* ``tps.special_location=remote`` — 1 when the registry marks the TPS remote or island-bound;
* ``cases.region`` — registered findings/reports whose region is the TPS's village. The cases app
  (issue 1) is imported defensively: without it the indicator is simply not derived.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from django.db.models import QuerySet

from awasi.regions.choices import SpecialLocation
from awasi.regions.models import PollingStation
from awasi.risk.catalogue import Catalogue
from awasi.risk.choices import ObservationSource

Row = tuple[int, str, str, float, str]


def derived_values(catalogue: Catalogue, stations: QuerySet[PollingStation]) -> list[Row]:
    """(TPS pk, indicator, source, value, reference) for every derived indicator and TPS."""
    rows = list(stations.values_list("pk", "village_id", "special_location"))
    result: list[Row] = []
    for indicator in catalogue.indicators:
        rule = indicator.derived_from
        if rule == "tps.special_location":
            result += _registry(
                rows, indicator.code, lambda s: s not in ("", SpecialLocation.REMOTE)
            )
        elif rule == "tps.special_location=remote":
            result += _registry(rows, indicator.code, lambda s: s == SpecialLocation.REMOTE)
        elif rule == "cases.region":
            counts = case_counts_by_village({village for _, village, _ in rows})
            if counts is not None:
                result += [
                    (pk, indicator.code, ObservationSource.CASES, float(counts.get(v, 0)), "cases")
                    for pk, v, _ in rows
                ]
    return result


def _registry(rows: list[tuple[int, str, str]], code: str, test: Any) -> list[Row]:
    return [
        (pk, code, ObservationSource.REGISTRY, 1.0 if test(special) else 0.0, special or "")
        for pk, _, special in rows
    ]


def case_counts_by_village(villages: set[str]) -> Counter[str] | None:
    """Registered cases per village, or None when the cases app is not installed."""
    try:
        from awasi.cases.choices import CaseStatus, ViolationType
        from awasi.cases.models import Case
    except ImportError:
        return None
    not_handled = [
        getattr(CaseStatus, name)
        for name in ("RECEIVED", "INITIAL_REVIEW", "NOT_REGISTERED", "TIME_BARRED")
        if hasattr(CaseStatus, name)
    ]
    cases = (
        Case.objects.filter(region_id__in=villages)
        .exclude(status__in=not_handled)
        .exclude(outcome=getattr(ViolationType, "NOT_VIOLATION", "not_violation"))
    )
    return Counter(cases.values_list("region_id", flat=True))
