"""Benchmark of `awasi prevention remind` on a database: N open commitments, each due a reminder.

Reference measured in the same run: reading the same open items with their owner (one query, no
writing) — the floor any reminder job pays. The job itself writes one reminder row and one audit
event per item and sends one email (Django's in-memory backend, so the network is not measured).
Everything runs inside a transaction that is rolled back, so the database is left as it was.

    DATABASE_URL=sqlite:////tmp/awasi-prevention.sqlite3 \\
        .venv/bin/python bench/prevention/bench_reminders.py [--n 2000]

Needs the demo data (`awasi demo --babel-only`) for organisations, users and a meeting.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from datetime import date, timedelta


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--n", type=int, default=2000)
    args = parser.parse_args()
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.base")
    import django

    django.setup()
    from django.conf import settings
    from django.db import connection, transaction

    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    from awasi.prevention.models import ActionItem, Meeting
    from awasi.prevention.services.reminders import send_due_reminders

    meeting = Meeting.objects.first()
    if meeting is None:
        sys.exit("load the demo first: awasi demo --babel-only")
    today = date(2030, 1, 1)

    class Rollback(Exception):
        pass

    try:
        with transaction.atomic():
            ActionItem.objects.bulk_create(
                ActionItem(
                    meeting=meeting,
                    owner_id=meeting.convened_by_id,
                    description=f"b{i}",
                    due_on=today + timedelta(days=i % 8),
                )
                for i in range(args.n)
            )
            start = time.perf_counter()
            rows = list(
                ActionItem.objects.open()
                .select_related("owner")
                .values_list("pk", "due_on", "owner__name")
            )
            reference = time.perf_counter() - start
            start = time.perf_counter()
            sent = send_due_reminders(today=today, progress=lambda m: None)
            first = time.perf_counter() - start
            start = time.perf_counter()
            again = send_due_reminders(today=today)
            second = time.perf_counter() - start
            raise Rollback
    except Rollback:
        pass
    print(
        json.dumps(
            {
                "bench": "prevention remind",
                "db": connection.vendor,
                "open_items": len(rows),
                "reminders_sent": len(sent),
                "resent_on_second_run": len(again),
                "seconds": round(first, 3),
                "per_second": round(len(sent) / first),
                "second_run_seconds": round(second, 3),
                "reference_seconds": round(reference, 4),
                "ratio_to_reference": round(first / reference, 1),
            }
        )
    )


if __name__ == "__main__":
    main()
