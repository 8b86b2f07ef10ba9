"""The board as a report to the leadership (XLSX and PDF): one set of numbers for three agencies.

Shape: summary (files, forwarded, terminated, at court, verdicts counted once by final outcome),
files by stage, per Polres, per Kejaksaan, late and nearly late steps, and the file register.
"""

from __future__ import annotations

from typing import Any

from django.http import HttpResponse
from django.utils import timezone
from django.utils.translation import gettext as _

from awasi.core import exports
from awasi.gakkumdu.board import Board
from awasi.gakkumdu.choices import FileStage, VerdictOutcome
from awasi.gakkumdu.models import JointFile


def summary_rows(board: Board) -> list[tuple[str, int]]:
    """The headline figures, each verdict counted once."""
    outcomes = dict(VerdictOutcome.choices)
    rows = [
        (_("Joint files"), board.files),
        (_("Verdicts (each file once, final outcome)"), board.verdicts),
    ]
    rows += [(str(outcomes.get(k, k)), v) for k, v in sorted(board.outcomes.items())]
    rows += [
        (_("Overdue steps"), board.overdue_steps),
        (_("Steps due within 24 hours"), board.due_soon_steps),
    ]
    return rows


def _unit_rows(lines: list[Any]) -> list[tuple[Any, ...]]:
    return [(ln.name, ln.files, ln.open, ln.overdue_steps, ln.due_soon_steps) for ln in lines]


def _sheets(board: Board, files: list[JointFile]) -> dict[str, tuple[list[str], list[Any]]]:
    stages = dict(FileStage.choices)
    numbers = {f.pk: f.number for f in files}
    unit_header = [_("Unit"), _("Files"), _("Open"), _("Overdue steps"), _("Due soon")]
    register = [
        (
            f.number,
            f.title,
            f.unit.name,
            f.police.name,
            f.prosecutor.name,
            stages.get(f.stage, f.stage),
            f.court_case_number,
            f.first_verdict,
            f.appeal_verdict,
            f.hard_date,
            _("yes") if f.is_synthetic else "",
        )
        for f in files
    ]
    return {
        _("Summary"): ([_("Figure"), _("Count")], summary_rows(board)),
        _("By stage"): (
            [_("Stage"), _("Files")],
            [(stages[s], n) for s, n in board.by_stage.items()],
        ),
        _("Per Polres"): (unit_header, _unit_rows(board.per_police)),
        _("Per Kejaksaan"): (unit_header, _unit_rows(board.per_prosecutor)),
        _("Late steps"): (
            [_("File"), _("Step"), _("State"), _("Due")],
            [
                (numbers.get(fid, fid), step, state.value, due)
                for fid, step, state, due in board.attention
            ],
        ),
        _("Files"): (
            [
                _("Number"),
                _("Title"),
                _("Gakkumdu"),
                _("Police"),
                _("Prosecution"),
                _("Stage"),
                _("Court case"),
                _("First instance"),
                _("Appeal"),
                _("Pasal 484 date"),
                _("Synthetic"),
            ],
            register,
        ),
    }


def board_export(fmt: str, board: Board, *, unit: str, user: Any) -> HttpResponse:
    """The board as an XLSX workbook or a PDF report."""
    from awasi.gakkumdu.selectors import files_for

    files = list(files_for(user, unit=unit).select_related("unit", "police", "prosecutor"))
    sheets = _sheets(board, files)
    stamp = timezone.localtime().strftime("%Y%m%d")
    name = f"gakkumdu-{unit or 'semua'}-{stamp}"
    if fmt == "xlsx":
        return exports.xlsx_response(f"{name}.xlsx", sheets)
    title = _("Sentra Gakkumdu report") + (f" — {unit}" if unit else "")
    blocks: list[tuple[Any, ...]] = [
        (
            "p",
            _(
                "Situation at %(when)s. One set of numbers shared by Bawaslu, Polri and "
                "Kejaksaan; each verdict counted once."
            )
            % {"when": timezone.localtime().strftime("%d-%m-%Y %H:%M")},
        ),
    ]
    for heading, (header, rows) in sheets.items():
        blocks += [("h", heading), ("table", header, rows)]
    return exports.pdf_response(f"{name}.pdf", title, blocks)
