"""``awasi screen``: candidate screening from files (the interface used to audit accuracy).

* ``awasi screen --candidates CANDIDATES.csv --registry REGISTRY.csv --out MATCHES.csv`` writes
  ``candidate_id,person_id,score,decision,reasons``: one row per flagged pair (the best registry
  person per candidate; when that pair goes to review, also the runner-up if its own evidence
  flags it, as a second ``review`` row), ``decision`` in ``match``/``review``, ``score`` in
  [0, 1].
* ``awasi screen --candidates CANDIDATES.csv --duplicates --out DUPLICATES.csv`` writes
  ``candidate_id_a,candidate_id_b,score,decision,reasons``.

Progress goes to stderr. Only the id and ``full_name`` columns must be present (in any order and
letter case); another column the header lacks is read as empty and named on stderr. A bad input
file exits with status 2, lists the offending rows on stderr and writes nothing (the output is
written to a temporary file and renamed at the end).
"""

from __future__ import annotations

import csv
import os
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from awasi.screening.linkage.link import duplicates, link
from awasi.screening.linkage.tables import (
    CANDIDATE_COLUMNS,
    REGISTRY_COLUMNS,
    TableError,
    read_table,
)

MATCH_HEADER = ("candidate_id", "person_id", "score", "decision", "reasons")
DUPLICATE_HEADER = ("candidate_id_a", "candidate_id_b", "score", "decision", "reasons")


def _read(path: str, columns: tuple[str, ...], label: str) -> Any:
    def absent(names: list[str]) -> None:
        sys.stderr.write(f"{label}: no column {', '.join(names)}; read as empty\n")

    try:
        return read_table(path, columns, absent)
    except FileNotFoundError as exc:
        raise CommandError(f"{label}: file not found: {path}", returncode=2) from exc
    except (UnicodeDecodeError, csv.Error) as exc:
        raise CommandError(f"{label}: unreadable file: {exc}", returncode=2) from exc
    except TableError as exc:
        lines = "\n".join(f"  {label} {e}" for e in exc.errors)
        raise CommandError(
            f"{label} has {len(exc.errors)} bad row(s):\n{lines}", returncode=2
        ) from exc


def _write_atomic(out: str, header: tuple[str, ...], rows: list[tuple]) -> None:
    target = Path(out)
    fd, tmp = tempfile.mkstemp(prefix=".screen-", suffix=".csv", dir=target.parent or ".")
    try:
        with os.fdopen(fd, "w", newline="", encoding="utf-8") as handle:
            writer = csv.writer(handle)
            writer.writerow(header)
            writer.writerows(rows)
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


class Command(BaseCommand):
    help = "Screen candidates against a registry, or find double candidacies (CSV/XLSX)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--candidates", required=True)
        parser.add_argument("--registry")
        parser.add_argument("--duplicates", action="store_true")
        parser.add_argument("--out", required=True)
        parser.add_argument("--language", choices=("id", "en"), default="id")

    def _progress(self, started: float) -> Any:
        def report(stage: str, fraction: float) -> None:
            sys.stderr.write(f"[{fraction:4.0%}] {stage} ({time.monotonic() - started:.1f} s)\n")
            sys.stderr.flush()

        return report

    def handle(self, *args: Any, **options: Any) -> None:
        if bool(options["registry"]) == bool(options["duplicates"]):
            raise CommandError("give either --registry or --duplicates", returncode=2)
        if not Path(options["out"]).resolve().parent.is_dir():
            raise CommandError(f"output folder does not exist: {options['out']}", returncode=2)
        progress = self._progress(time.monotonic())
        candidates = _read(options["candidates"], CANDIDATE_COLUMNS, "CANDIDATES")
        if options["duplicates"]:
            pairs = duplicates(candidates, language=options["language"], progress=progress)
            rows = list(pairs.select(DUPLICATE_HEADER).iter_rows())
            _write_atomic(options["out"], DUPLICATE_HEADER, rows)
        else:
            registry = _read(options["registry"], REGISTRY_COLUMNS, "REGISTRY")
            matches = link(
                candidates,
                registry,
                language=options["language"],
                progress=progress,
                every_flagged=True,
            )
            rows = list(matches.select(MATCH_HEADER).iter_rows())
            _write_atomic(options["out"], MATCH_HEADER, rows)
        sys.stderr.write(f"{len(rows)} flagged pair(s) written to {options['out']}\n")
