"""Benchmark: the officers' case list page and the case API with 100,000 cases on PostgreSQL.

Builds 100,000 synthetic cases (bulk inserts) across Babel's regencies, a third with running clocks,
then times the list page and /api/v1/cases/ as a provincial commissioner and a regency officer, with
and without filters, at page sizes 10/50/200: p95 latency (in-process Django test client, so HTTP
parsing is excluded and the view, queries and template are measured) and the query count per page.

Run: .venv/bin/python bench/cases/bench_list.py [--cases 100000] [--repeat 20]
Uses its own database (bench_cases_list) on postgres://postgres@127.0.0.1:5432.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import time
from datetime import timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
SERVER = "postgres://postgres@127.0.0.1:5432"
DB_NAME = "bench_cases_list"


def prepare(total: int, reuse: bool) -> None:
    import psycopg

    with psycopg.connect(f"{SERVER}/postgres", autocommit=True) as conn:
        exists = conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", (DB_NAME,)).fetchone()
        if not (reuse and exists):
            conn.execute(f"DROP DATABASE IF EXISTS {DB_NAME} WITH (FORCE)")
            conn.execute(f"CREATE DATABASE {DB_NAME}")
    os.environ["DATABASE_URL"] = f"{SERVER}/{DB_NAME}"
    os.environ["DJANGO_SETTINGS_MODULE"] = "config.settings.test"
    import django

    django.setup()
    from django.core.management import call_command

    from awasi.cases.models import Case
    from awasi.core.testing import ensure_babel

    call_command("migrate", verbosity=0)
    ensure_babel()
    if Case.objects.count() < total:
        build_cases(Case.objects.count(), total)


def build_cases(first: int, total: int) -> None:
    from django.utils import timezone

    from awasi.cases.models import Case, CaseDeadline, DeadlineRule
    from awasi.elections.models import Election
    from awasi.regions.models import Region

    election = Election.objects.get(slug="pemilu-2024")
    districts = list(Region.objects.filter(level="district").values_list("code", flat=True))
    statuses = ["received", "initial_review", "registered", "clarification", "plenary", "closed"]
    rule = DeadlineRule.objects.get(regime="pemilu", step="follow_up")
    now = timezone.now()
    batch = 5000
    for start in range(first, total, batch):
        rows = [
            Case(
                tracking_code=f"B{n:09d}", origin="report", channel="web", election=election,
                region_id=districts[n % len(districts)], status=statuses[n % len(statuses)],
                violation_type="administrative", title=f"Kasus bench {n}",
                description="Uraian", reported_party="Terlapor", place="TPS",
                occurred_on=(now - timedelta(days=n % 400)).date(),
                received_at=now - timedelta(minutes=n), is_synthetic=True,
            )
            for n in range(start, min(start + batch, total))
        ]  # fmt: skip
        created = Case.objects.bulk_create(rows)
        CaseDeadline.objects.bulk_create([
            CaseDeadline(case=case, step="follow_up", rule=rule, started_at=case.received_at,
                         due_at=case.received_at + timedelta(days=9))
            for i, case in enumerate(created) if i % 3 == 0
        ])  # fmt: skip
        print(f"  … {min(start + batch, total):,} cases", file=sys.stderr)
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")


def measure(client, url: str, repeat: int) -> dict:
    from django.db import connection

    client.get(url)  # warm caches, as a server would be
    times = []
    queries = []

    def count(execute, sql, params, many, context):  # type: ignore[no-untyped-def]
        queries.append(sql)
        return execute(sql, params, many, context)

    with connection.execute_wrapper(count):
        response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    for _ in range(repeat):
        start = time.perf_counter()
        client.get(url)
        times.append((time.perf_counter() - start) * 1000)
    times.sort()
    p95 = times[max(0, int(round(0.95 * len(times))) - 1)]
    return {"url": url, "p50_ms": round(statistics.median(times), 1), "p95_ms": round(p95, 1),
            "queries": len(queries)}  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--cases", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=20)
    parser.add_argument("--reuse", action="store_true", help="keep an existing bench database")
    args = parser.parse_args()
    print("building …", file=sys.stderr)
    prepare(args.cases, args.reuse)
    from django.test import Client
    from rest_framework.authtoken.models import Token

    from awasi.accounts.choices import Role
    from awasi.core.testing import make_user

    results = []
    for username, org in [("bench-prov", "bawaslu-babel"), ("bench-bangka", "bawaslu-bangka")]:
        from awasi.accounts.models import User

        user = User.objects.filter(username=username).first() or make_user(
            username, org, Role.COMMISSIONER
        )
        page = Client()
        page.force_login(user)
        token, _ = Token.objects.get_or_create(user=user)
        api = Client(HTTP_AUTHORIZATION=f"Token {token.key}")
        for size in (10, 50, 200):
            results.append({"user": username, **measure(
                api, f"/api/v1/cases/?page_size={size}", args.repeat)})  # fmt: skip
        for query in (
            "?page_size=10",
            "",
            "?page_size=200",
            "?status=registered",
            "?deadline=overdue",
            "?page=50",
        ):
            results.append({"user": username, **measure(page, f"/cases/{query}", args.repeat)})
    from awasi.cases.models import Case

    load = [round(x, 1) for x in os.getloadavg()]
    print(json.dumps({"cases": Case.objects.count(), "load": load, "results": results}, indent=1))


if __name__ == "__main__":
    main()
