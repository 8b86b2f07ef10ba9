"""Helpers for the cases tests: a valid report, a case in any state."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from awasi.cases import services
from awasi.cases.choices import ReporterKind
from awasi.cases.services import CaseData, ReporterData
from awasi.regions.models import Region

SUNGAILIAT = "19.01.01"  # Kecamatan Sungailiat, Kabupaten Bangka
TANJUNG_PANDAN = "19.02.01"


def case_data(babel: dict, *, region: str = SUNGAILIAT, election: str = "pemilu", **kw: Any):
    values = {
        "election": babel[election],
        "region": Region.objects.get(pk=region),
        "title": "Pembagian uang di dekat TPS",
        "description": "Seorang tim kampanye membagikan amplop berisi uang kepada pemilih.",
        "reported_party": "Tim kampanye calon X",
        "place": "TPS 005 Kelurahan Sungailiat",
        "occurred_on": date(2024, 2, 10),
        "known_on": date(2024, 2, 10),
    }
    values.update(kw)
    return CaseData(**values)


def reporter_data(**kw: Any) -> ReporterData:
    values = {
        "kind": ReporterKind.VOTER,
        "name": "Budi Santoso",
        "address": "Jl. Merdeka 1, Sungailiat",
        "nik": "1901011708800001",
        "phone": "081234567890",
        "email": "budi@example.test",
    }
    values.update(kw)
    return ReporterData(**values)


@pytest.fixture
def make_report(babel: dict):
    """Submit a report (with a fresh idempotency key) and return the case."""
    counter = {"n": 0}

    def make(**kw: Any):
        counter["n"] += 1
        reporter = kw.pop("reporter", None) or reporter_data()
        received_at = kw.pop("received_at", None)
        result = services.submit_report(
            data=case_data(babel, **kw),
            reporter=reporter,
            intake_key=f"test-key-{counter['n']}-{id(counter)}",
            received_at=received_at,
        )
        return result.case

    return make


@pytest.fixture
def registered_case(make_report, officer_bangka):
    case = make_report()
    services.start_review(case=case, actor=officer_bangka, expected_version=case.version)
    services.register_case(
        case=case, actor=officer_bangka, expected_version=case.version, violation_type="crime"
    )
    case.refresh_from_db()
    return case


@pytest.fixture(autouse=True)
def _fresh_rate_limits():
    """Rate-limit counters live in the cache; one test's requests must not limit the next."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()
