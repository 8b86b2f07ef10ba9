"""Benchmark: intake API throughput on PostgreSQL under client retries, against raw INSERTs.

1. Reference (same run, same PostgreSQL): single-row INSERTs, one transaction each, from a
   psycopg loop into a bare table — the database's raw write rate on this machine. Measured
   before and after the load; the mean is the reference and both are printed.
2. Awasi: ``config.wsgi:application`` (the intake front before Django: the staged intake is
   answered without Django's request cycle, concurrent submissions of a worker's threads are
   group-committed) served on loopback by granian (default: 1 worker, 32 threads) or gunicorn
   (gthread); a load generator on the same machine posts reports from concurrent keep-alive
   connections. A share of keys is sent twice with the same Idempotency-Key (a client retrying
   after a lost answer). The server's CPU per request and PostgreSQL's commits per request
   (pg_stat_database) are reported.
   ``--path staged`` (default) posts to /api/v1/cases/intake/ (one INSERT per submission, 202)
   and then runs the processor (``process_intake``) to make the cases; ``--path full`` posts
   to /api/v1/cases/reports/ (the case is made in the request).
   ``--generator wrk`` (default when installed; ``bench/cases/intake.lua``, one connection per
   wrk thread, runs ``--seconds``) or ``python`` (http.client threads, ``--reports`` keys).
3. Check: every key that got an accepted answer has exactly one case — none lost, none
   duplicated — and no staged row is left unprocessed or refused. ``--no-process`` (tuning
   runs) checks only that every acknowledged key has its staged row.

Run: .venv/bin/python bench/cases/bench_intake.py [--path staged|full] [--generator wrk|python]
     [--server granian|gunicorn] [--seconds 20] [--connections 64] [--workers 1] [--threads 32]
     [--no-process]
Uses its own database (bench_cases) on postgres://postgres@127.0.0.1:5432 and port 8101.
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
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


PATHS = {"staged": "/api/v1/cases/intake/", "full": "/api/v1/cases/reports/"}
ACCEPTED = {"staged": (202,), "full": (200, 201)}


def body(n: int | str) -> bytes:
    return json.dumps({
        "election": "pemilu-2024", "region": "19.01.01", "title": f"Laporan bench {n}",
        "description": "Amplop dibagikan kepada pemilih.", "reported_party": "Tim X",
        "place": "TPS 5 Sungailiat", "occurred_on": "2024-02-10", "known_on": "2024-02-10",
        "reporter": {"kind": "voter", "name": "Pelapor Bench", "address": "Jl. Bench 1",
                     "nik": "1901011708800001", "phone": "0812000000"},
    }).encode()  # fmt: skip


def client(
    token: str, keys: list[str], args: argparse.Namespace, stats: dict, lock: threading.Lock
):
    conn = http.client.HTTPConnection("127.0.0.1", PORT, timeout=60)
    headers = {"Content-Type": "application/json", "Authorization": f"Token {token}"}
    rng = random.Random(keys[0] if keys else 0)
    local = {"ok": 0, "sent": 0, "errors": 0}
    acked: list[str] = []
    for key in keys:
        payload = body(key)
        attempts = 2 if rng.random() < args.retry_share else 1
        for _ in range(attempts):
            for _try in range(5):
                try:
                    conn.request("POST", PATHS[args.path], payload,
                                 {**headers, "Idempotency-Key": key})  # fmt: skip
                    response = conn.getresponse()
                    response.read()
                    local["sent"] += 1
                    if response.status in ACCEPTED[args.path]:
                        local["ok"] += 1
                        acked.append(key)
                        break
                    local["errors"] += 1
                except (OSError, http.client.HTTPException):
                    local["errors"] += 1
                    conn.close()
                    conn = http.client.HTTPConnection("127.0.0.1", PORT, timeout=60)
    with lock:
        for name, value in local.items():
            stats[name] += value
        stats["acked"].update(acked)


def run_python(token: str, args: argparse.Namespace) -> dict:
    keys = [f"bench-{n}" for n in range(args.reports)]
    shards = [keys[i :: args.connections] for i in range(args.connections)]
    stats: dict = {"ok": 0, "sent": 0, "errors": 0, "acked": set()}
    lock = threading.Lock()
    threads = [
        threading.Thread(target=client, args=(token, shard, args, stats, lock)) for shard in shards
    ]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    while any(t.is_alive() for t in threads):
        time.sleep(2)
        print(f"  … {time.perf_counter() - started:5.1f} s, {stats['sent']} requests",
              file=sys.stderr)  # fmt: skip
    return {"seconds": time.perf_counter() - started, "requests": stats["sent"],
            "errors": stats["errors"], "acked": stats["acked"]}  # fmt: skip


def run_wrk(token: str, args: argparse.Namespace) -> dict:
    scratch = Path(tempfile.mkdtemp(prefix="bench-intake-"))
    env = {**os.environ, "BENCH_TOKEN": token, "BENCH_PATH": PATHS[args.path],
           "BENCH_RETRY_SHARE": str(args.retry_share), "BENCH_BODY": body("KEYMARK").decode(),
           "BENCH_ACKS": str(scratch / "acks"),
           "BENCH_OK": ",".join(map(str, ACCEPTED[args.path]))}  # fmt: skip
    command = ["wrk", "-t", str(args.connections), "-c", str(args.connections),
               "-d", f"{args.seconds}s", "--timeout", "30s", "--latency",
               "-s", str(Path(__file__).with_name("intake.lua")),
               f"http://127.0.0.1:{PORT}"]  # fmt: skip
    print("  " + " ".join(command), file=sys.stderr)
    output = subprocess.run(command, env=env, capture_output=True, text=True, check=True).stdout
    print(output, file=sys.stderr)
    summary = json.loads(output.split("WRKJSON", 1)[1].strip().splitlines()[0])
    acked: set[str] = set()
    for path in scratch.glob("acks-*"):
        acked.update(line for line in path.read_text().split() if line)
    shutil.rmtree(scratch)
    errors = sum(summary[k] for k in ("connect", "read", "write", "status", "timeout"))
    return {"seconds": summary["duration_us"] / 1e6, "requests": summary["requests"],
            "errors": errors, "acked": acked, "p50_ms": summary["p50_ms"],
            "p99_ms": summary["p99_ms"]}  # fmt: skip


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


def process_staged() -> dict:
    from awasi.cases.services.staging import process_intake

    started = time.perf_counter()
    result = process_intake(
        batch_size=500,
        progress=lambda r: print(f"  … processed {r.processed}", file=sys.stderr),
    )
    seconds = time.perf_counter() - started
    return {"processed": result.processed, "refused": result.failed,
            "processor_seconds": round(seconds, 2),
            "processor_cases_per_s": round(result.processed / max(seconds, 1e-9), 1)}  # fmt: skip


def verify(acked: set[str]) -> dict:
    """Every acknowledged key has exactly one case; no staged row left behind or refused."""
    from django.db.models import Count

    from awasi.cases.models import Case, IntakeSubmission

    per_key = dict(
        Case.objects.exclude(intake_key=None).values_list("intake_key")
        .annotate(n=Count("id")).values_list("intake_key", "n")
    )  # fmt: skip
    staged = IntakeSubmission.objects
    return {
        "acked_keys": len(acked), "cases": sum(per_key.values()),
        "lost": sum(1 for key in acked if key not in per_key),
        "duplicated": sum(n - 1 for n in per_key.values()),
        "staged_rows": staged.count(),
        "staged_unprocessed": staged.filter(processed_at=None).count(),
        "staged_refused": staged.exclude(error=None).count(),
    }  # fmt: skip


def verify_staged(acked: set[str]) -> dict:
    """Quick check for tuning runs (``--no-process``): every acknowledged key has its staged
    row (the unique key makes a second row impossible)."""
    from awasi.cases.models import IntakeSubmission

    staged = set(IntakeSubmission.objects.values_list("key", flat=True))
    return {"acked_keys": len(acked), "staged_rows": len(staged),
            "lost": len(acked - staged), "duplicated": 0}  # fmt: skip


def cpu_seconds(parent: int) -> float:
    """User + system CPU of ``parent``'s child processes (the gunicorn workers), from /proc."""
    ticks, total = os.sysconf("SC_CLK_TCK"), 0
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == parent:  # ppid
            total += int(fields[11]) + int(fields[12])  # utime, stime
    return total / ticks


def server_command(args: argparse.Namespace) -> list[str]:
    """granian (Rust HTTP, WSGI threads) or gunicorn, both serving config.wsgi's front app."""
    if args.server == "granian":
        return [str(ROOT / ".venv/bin/granian"), "--interface", "wsgi", "config.wsgi:application",
                "--workers", str(args.workers), "--blocking-threads", str(args.threads),
                "--backpressure", str(max(args.threads, args.connections)),
                "--host", "127.0.0.1", "--port", str(PORT), "--log-level", "warning",
                "--no-ws"]  # fmt: skip
    return [str(ROOT / ".venv/bin/gunicorn"), "config.wsgi", "-w", str(args.workers),
            "-k", args.worker_class, "--threads", str(args.threads), "--keep-alive", "30",
            "-b", f"127.0.0.1:{PORT}", "--log-level", "warning"]  # fmt: skip


def commits(dsn: str) -> int:
    """Transactions committed in the benchmark database so far (pg_stat_database)."""
    import psycopg

    with psycopg.connect(dsn, autocommit=True) as conn:
        conn.execute("SELECT pg_stat_clear_snapshot()")
        row = conn.execute(
            "SELECT xact_commit FROM pg_stat_database WHERE datname = %s", (DB_NAME,)
        ).fetchone()
    return int(row[0]) if row else 0


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--path", choices=sorted(PATHS), default="staged")
    default_generator = "wrk" if shutil.which("wrk") else "python"
    parser.add_argument("--generator", choices=["wrk", "python"], default=default_generator)
    parser.add_argument("--seconds", type=int, default=20, help="wrk: length of the run")
    parser.add_argument("--reports", type=int, default=3000, help="python: keys to send")
    parser.add_argument("--connections", type=int, default=64)
    parser.add_argument("--server", choices=["granian", "gunicorn"], default="granian")
    parser.add_argument("--workers", type=int, default=1)
    parser.add_argument("--threads", type=int, default=32, help="threads per worker")
    parser.add_argument("--worker-class", default="gthread", help="gunicorn worker class")
    parser.add_argument("--retry-share", type=float, default=0.2)
    parser.add_argument(
        "--no-process",
        action="store_true",
        help="staged: check staged rows instead of running the processor",
    )
    args = parser.parse_args()
    dsn = f"{SERVER}/{DB_NAME}"
    print("preparing database …", file=sys.stderr)
    token = prepare(dsn)
    env = {**os.environ, "DATABASE_URL": dsn, "DJANGO_SETTINGS_MODULE": "config.settings.base",
           "AWASI_API_USER_RATE": "1000000/hour", "AWASI_LOG_LEVEL": "ERROR"}  # fmt: skip
    server = subprocess.Popen(server_command(args), cwd=ROOT, env=env)
    load_before = os.getloadavg()
    try:
        wait_for_server()
        raw_before = raw_insert_rate(dsn)
        print(f"raw single-row INSERT (before): {raw_before:,.0f} rows/s", file=sys.stderr)
        commits_before = commits(dsn)
        cpu_before, generator_before = cpu_seconds(server.pid), os.times()
        run = run_wrk(token, args) if args.generator == "wrk" else run_python(token, args)
        cpu_after, generator_after = cpu_seconds(server.pid), os.times()
        commits_run = commits(dsn) - commits_before
        load_after = os.getloadavg()
        raw_after = raw_insert_rate(dsn)
        print(f"raw single-row INSERT (after): {raw_after:,.0f} rows/s", file=sys.stderr)
    finally:
        server.terminate()
        server.wait(timeout=30)
    if args.path == "staged" and args.no_process:
        processed, checked = {}, verify_staged(run["acked"])
    else:
        processed = process_staged() if args.path == "staged" else {}
        checked = verify(run["acked"])
    reference = (raw_before + raw_after) / 2
    rate = len(run["acked"]) / run["seconds"]
    result = {
        "path": args.path, "server": args.server, "generator": args.generator,
        "connections": args.connections,
        "workers": args.workers, "worker_class": args.worker_class, "threads": args.threads,
        "seconds": round(run["seconds"], 2),
        "requests": run["requests"], "errors": run["errors"],
        "requests_per_s": round(run["requests"] / run["seconds"], 1),
        "submissions_per_s": round(rate, 1),
        "raw_insert_per_s": round(reference), "raw_before": round(raw_before),
        "raw_after": round(raw_after), "ratio": round(rate / reference, 3),
        "p50_ms": run.get("p50_ms"), "p99_ms": run.get("p99_ms"),
        "commits_per_request": round(commits_run / max(run["requests"], 1), 3),
        "app_cpu_ms_per_request": round((cpu_after - cpu_before) * 1000 / run["requests"], 2),
        "generator_cpu_ms_per_request": round(
            sum(generator_after[i] - generator_before[i] for i in range(4)) * 1000
            / run["requests"], 2),
        "load_before": [round(x, 2) for x in load_before],
        "load_after": [round(x, 2) for x in load_after],
        **processed, **checked,
    }  # fmt: skip
    print(json.dumps(result))


if __name__ == "__main__":
    main()
