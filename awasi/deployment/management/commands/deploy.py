"""``awasi deploy plan``: plan TPS guards from audit files or from the data in Awasi (issue 6).

    awasi deploy plan --tps TPS.csv --personnel PERSONNEL.csv --patterns PATTERNS.csv \\
        --out PLAN.csv --summary SUMMARY.json
    awasi deploy plan --election pemilu-2024 --region 19 --out PLAN.csv --summary SUMMARY.json

Bad files: exit status 2, every offending row listed, nothing written.
"""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import translation
from django.utils.translation import gettext as _

from awasi.core.errors import DomainError
from awasi.deployment import csvio, fileplan, planner
from awasi.deployment.grouping import TravelRules
from awasi.deployment.models import PatternProfile
from awasi.deployment.selectors import default_profile, pattern_set_for, planning_inputs
from awasi.elections.models import Election


class Command(BaseCommand):
    help = "Police deployment planning for polling stations (pengamanan TPS)."
    leave_locale_alone = True

    def add_arguments(self, parser: CommandParser) -> None:
        sub = parser.add_subparsers(dest="action", required=True)
        p = sub.add_parser("plan", help="Write a guard plan (PLAN.csv) and totals (SUMMARY.json).")
        p.add_argument("--tps", type=Path)
        p.add_argument("--personnel", type=Path)
        p.add_argument("--patterns", type=Path)
        p.add_argument("--election")
        p.add_argument("--region")
        p.add_argument("--profile", help="pattern set code (default: the election's default)")
        p.add_argument("--out", type=Path, required=True)
        p.add_argument("--summary", type=Path, required=True)
        p.add_argument("--max-travel-hours", type=float, default=TravelRules.max_travel_hours)
        p.add_argument("--language", default=settings.LANGUAGE_CODE, choices=["id", "en"])

    def handle(self, *args: Any, **options: Any) -> None:
        with translation.override(options["language"]):
            files = [options[k] for k in ("tps", "personnel", "patterns")]
            travel = TravelRules(max_travel_hours=options["max_travel_hours"])
            if any(files):
                if not all(files) or options["election"]:
                    raise CommandError(
                        _(
                            "Give --tps, --personnel and --patterns together, "
                            "or --election and --region."
                        ),
                        returncode=2,
                    )
                tps, units, patterns = self._from_files(files)
            elif options["election"] and options["region"]:
                tps, units, patterns = self._from_awasi(options)
            else:
                raise CommandError(
                    _("Give --tps, --personnel and --patterns, or --election and --region."),
                    returncode=2,
                )
            self._write(tps, units, patterns, travel, options)

    def _from_files(self, files: list[Path]):  # type: ignore[no-untyped-def]
        texts = []
        for path in files:
            try:
                texts.append(path.read_text(encoding="utf-8-sig"))
            except (OSError, UnicodeDecodeError) as exc:
                raise CommandError(
                    _("Cannot read %(path)s: %(error)s") % {"path": path, "error": exc},
                    returncode=2,
                ) from exc
        inputs, errors = fileplan.resolve(*texts)
        if errors or inputs is None:
            lines = "\n".join(fileplan.describe(e) for e in errors)
            raise CommandError(_("Invalid input; nothing written.") + "\n" + lines, returncode=2)
        return inputs.tps, inputs.units, inputs.patterns

    def _from_awasi(self, options: dict[str, Any]):  # type: ignore[no-untyped-def]
        election = Election.objects.filter(slug=options["election"]).first()
        if election is None:
            raise CommandError(_("Unknown election: %s") % options["election"], returncode=2)
        profile = (
            PatternProfile.objects.filter(election=election, slug=options["profile"]).first()
            if options["profile"]
            else default_profile(election)
        )
        if profile is None:
            raise CommandError(_("No security pattern set for this election."), returncode=2)
        try:
            inputs = planning_inputs(election=election, region_code=options["region"])
            patterns = pattern_set_for(profile)
        except DomainError as exc:
            raise CommandError(str(exc.message), returncode=2) from exc
        if inputs.categories.source == "fallback":
            self.stderr.write(
                _(
                    "No vulnerability mapping: categories from special-location flags "
                    "(prisons → khusus), all other TPS kurang rawan."
                )
            )
        return inputs.tps, inputs.units, patterns

    def _write(self, tps, units, patterns, travel, options) -> None:  # type: ignore[no-untyped-def]
        self.stderr.write(_("Planning %(n)s TPS ...") % {"n": len(tps)})
        result = planner.plan(tps, units, patterns, planner.PlanOptions(travel=travel))
        linmas = patterns.matrix(units.codes, units.parent)[tps.unit, tps.category, 2]
        plan_text = csvio.write_csv(csvio.PLAN_COLUMNS, csvio.plan_rows(result, tps, units, linmas))
        summary = json.dumps(csvio.summary(result, units), indent=2, ensure_ascii=False)
        _atomic_write(options["out"], plan_text)
        _atomic_write(options["summary"], summary + "\n")
        self.stdout.write(
            _(
                "%(tps)s TPS, %(groups)s groups: %(req)s officers required, "
                "%(avail)s available, shortfall %(short)s, lower bound %(lb)s."
            )
            % {
                "tps": len(tps),
                "groups": len(result.groups),
                "req": result.required,
                "avail": result.available,
                "short": result.shortfall,
                "lb": result.lower_bound,
            }
        )


def _atomic_write(path: Path, text: str) -> None:
    """Write via a temporary file in the same folder so a reader never sees half a file."""
    fd, tmp = tempfile.mkstemp(dir=path.parent or Path("."), prefix=f".{path.name}.")
    with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
        handle.write(text)
    os.replace(tmp, path)
