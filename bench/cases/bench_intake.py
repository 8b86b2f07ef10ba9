"""Benchmark: intake API throughput on PostgreSQL under client retries, against raw INSERTs.

1. Reference (same run, same PostgreSQL): single-row INSERTs, one transaction each, from a
   psycopg loop into a bare table — the database's raw write rate on this machine.
2. Awasi: gunicorn serves /api/v1/cases/reports/; a load generator on the same machine posts
   reports from concurrent keep-alive connections. A share of requests is sent twice with the
   same Idempotency-Key (a client retrying after a lost answer).
3. Check: exactly one case per key — none lost, none duplicated.

Run: .venv/bin/python bench/cases/bench_intake.py [--reports 3000] [--clients 16] [--workers 3]
Uses its own database (bench_cases) on postgres://postgres@127.0.0.1:5432 and port 8101.
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import random
import subprocess
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
SERVER = "postgres://postgres@127.0.0.1:5432"
DB_NAME = "bench_cases"
PORT = 8101


def raw_insert_rate(dsn: str, seconds: float = 3.0) -> float:
    """Single-row INSERT per transaction (autocommit), as many as fit in ``seconds``."""
    import psycopg

    with psycopg.connect(dsn, autocommit=True) as conn:
        conn.execute("DROP TABLE IF EXISTS bench_raw")
        conn.execute("CREATE TABLE bench_raw (id bigserial primary key, body text)")
        done, start = 0, time.perf_counter()
        while time.perf_counter() - start < seconds:
            conn.execute("INSERT INTO bench_raw (body) VALUES (%s)", (f"row {done}",))
            done += 1
        elapsed = time.perf_counter() - start
        conn.execute("DROP TABLE bench_raw")
    return done / elapsed


def prepare(dsn: str) -> str:
    """Fresh database, migrated, Babel reference data, a desk officer with a token."""
    import psycopg

    with psycopg.connect(f"{SERVER}/postgres", autocommit=True) as conn:
        conn.execute(f"DROP DATABASE IF EXISTS {DB_NAME} WITH (FORCE)")
        conn.execute(f"CREATE DATABASE {DB_NAME}")
    os.environ["DATABASE_URL"] = dsn
    os.environ["DJANGO_SETTINGS_MODULE"] = "config.settings.base"
    import django

    django.setup()
    from django.core.management import call_command
    from rest_framework.authtoken.models import Token

    from awasi.core.testing import ensure_babel, make_user

    call_command("migrate", verbosity=0)
    ensure_babel()
    user = make_user("bench-desk", "bawaslu-bangka", "officer")
    return Token.objects.create(user=user).key


def body(n: int) -> bytes:
    return json.dumps({
        "election": "pemilu-2024", "region": "19.01.01", "title": f"Laporan bench {n}",
        "description": "Amplop dibagikan kepada pemilih.", "reported_party": "Tim X",
        "place": "TPS 5 Sungailiat", "occurred_on": "2024-02-10", "known_on": "2024-02-10",
        "reporter": {"kind": "voter", "name": "Pelapor Bench", "address": "Jl. Bench 1",
                     "nik": "1901011708800001", "phone": "0812000000"},
    }).encode()  # fmt: skip


def client(token: str, keys: list[str], retry_share: float, stats: dict, lock: threading.Lock):
    conn = http.client.HTTPConnection("127.0.0.1", PORT, timeout=60)
    headers = {"Content-Type": "application/json", "Authorization": f"Token {token}"}
    rng = random.Random(keys[0] if keys else 0)
    local = {"ok": 0, "sent": 0, "errors": 0}
    for key in keys:
        payload = body(int(key.rsplit("-", 1)[1]))
        attempts = 2 if rng.random() < retry_share else 1
        for _ in range(attempts):
            for _try in range(5):
                try:
                    conn.request("POST", "/api/v1/cases/reports/", payload,
                                 {**headers, "Idempotency-Key": key})  # fmt: skip
                    response = conn.getresponse()
                    response.read()
                    local["sent"] += 1
                    if response.status in (200, 201):
                        local["ok"] += 1
                        break
                    local["errors"] += 1
                except (OSError, http.client.HTTPException):
                    local["errors"] += 1
                    conn.close()
                    conn = http.client.HTTPConnection("127.0.0.1", PORT, timeout=60)
    with lock:
        for name, value in local.items():
            stats[name] += value


def wait_for_server(deadline: float = 60.0) -> None:
    start = time.time()
    while time.time() - start < deadline:
        try:
            conn = http.client.HTTPConnection("127.0.0.1", PORT, timeout=2)
            conn.request("GET", "/")
            conn.getresponse().read()
            return
        except OSError:
            time.sleep(0.5)
    raise SystemExit("server did not start")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--reports", type=int, default=3000)
    parser.add_argument("--clients", type=int, default=16)
    parser.add_argument("--workers", type=int, default=3)
    parser.add_argument("--retry-share", type=float, default=0.2)
    args = parser.parse_args()
    dsn = f"{SERVER}/{DB_NAME}"
    print("preparing database …", file=sys.stderr)
    token = prepare(dsn)
    env = {**os.environ, "DATABASE_URL": dsn, "DJANGO_SETTINGS_MODULE": "config.settings.base",
           "AWASI_API_USER_RATE": "1000000/hour", "AWASI_LOG_LEVEL": "ERROR"}  # fmt: skip
    server = subprocess.Popen(
        [str(ROOT / ".venv/bin/gunicorn"), "config.wsgi", "-w", str(args.workers),
         "-b", f"127.0.0.1:{PORT}", "--log-level", "warning"],
        cwd=ROOT, env=env,
    )  # fmt: skip
    try:
        wait_for_server()
        reference = raw_insert_rate(dsn)
        print(f"raw single-row INSERT: {reference:,.0f} rows/s", file=sys.stderr)
        keys = [f"bench-{n}" for n in range(args.reports)]
        shards = [keys[i :: args.clients] for i in range(args.clients)]
        stats = {"ok": 0, "sent": 0, "errors": 0}
        lock = threading.Lock()
        threads = [
            threading.Thread(target=client, args=(token, shard, args.retry_share, stats, lock))
            for shard in shards
        ]
        started = time.perf_counter()
        for thread in threads:
            thread.start()
        done = 0
        while any(t.is_alive() for t in threads):
            time.sleep(2)
            with lock:
                done = stats["sent"]
            print(f"  … {time.perf_counter() - started:5.1f} s", file=sys.stderr)
        elapsed = time.perf_counter() - started
    finally:
        server.terminate()
        server.wait(timeout=30)
    from awasi.cases.models import Case

    stored = Case.objects.filter(intake_key__startswith="bench-").count()
    distinct = (
        Case.objects.filter(intake_key__startswith="bench-").values("intake_key").distinct().count()
    )
    rate = args.reports / elapsed
    result = {
        "reports": args.reports, "requests": stats["sent"], "errors": stats["errors"],
        "clients": args.clients, "workers": args.workers, "seconds": round(elapsed, 2),
        "submissions_per_s": round(rate, 1), "raw_insert_per_s": round(reference),
        "ratio": round(rate / reference, 3), "stored": stored, "lost": args.reports - distinct,
        "duplicated": stored - distinct,
    }  # fmt: skip
    print(json.dumps(result))
    _ = done


if __name__ == "__main__":
    main()
