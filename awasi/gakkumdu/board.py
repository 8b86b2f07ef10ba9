"""The Gakkumdu board as a pure computation: one set of numbers for the three agencies.

No Django here. The selectors turn joint files into ``FileRow`` values; ``summarise`` counts them by
stage, by the party holding them, per Polres and per Kejaksaan, and counts overdue and due-soon
clocks. Each file's verdict is counted once, by its final outcome (the appeal decision when there
is one, else the first-instance verdict): Pemilu 2019 ended with two different national counts of
election-crime verdicts (384 vs 382, Bawaslu chair Bagja, Kompas 31 Oct 2022) because each agency
counted its own way.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from awasi.cases.deadlines import DeadlineState, deadline_state
from awasi.gakkumdu.chain import (
    STAGE_HOLDER,
    STAGE_ORDER,
    STEP_OWNER,
    TERMINAL_STAGES,
    VERDICT_STAGES,
    Party,
    Stage,
)

DUE_SOON = timedelta(hours=24)


@dataclass(frozen=True, slots=True)
class ClockRow:
    """One statutory clock of a file."""

    step: str
    due_at: datetime
    stopped_at: datetime | None = None


@dataclass(frozen=True, slots=True)
class FileRow:
    """What the board needs to know about one joint file."""

    file_id: int
    stage: Stage
    police_unit: str = ""
    prosecutor_office: str = ""
    first_verdict: str = ""
    appeal_verdict: str = ""
    clocks: tuple[ClockRow, ...] = ()

    @property
    def final_outcome(self) -> str:
        """The outcome counted for this file: the appeal decision overrides the first instance."""
        if self.stage not in VERDICT_STAGES:
            return ""
        return self.appeal_verdict or self.first_verdict


@dataclass
class UnitLine:
    """Counts for one Polres or one Kejaksaan."""

    name: str
    files: int = 0
    open: int = 0
    overdue_steps: int = 0
    due_soon_steps: int = 0


@dataclass
class Board:
    """The board's numbers."""

    files: int = 0
    by_stage: dict[Stage, int] = field(default_factory=dict)
    by_holder: dict[Party, int] = field(default_factory=dict)
    verdicts: int = 0
    outcomes: dict[str, int] = field(default_factory=dict)
    overdue_steps: int = 0
    due_soon_steps: int = 0
    per_police: list[UnitLine] = field(default_factory=list)
    per_prosecutor: list[UnitLine] = field(default_factory=list)
    attention: list[tuple[int, str, DeadlineState, datetime]] = field(default_factory=list)


def clock_state(clock: ClockRow, now: datetime, soon: timedelta = DUE_SOON) -> DeadlineState:
    """Classify one clock with the case-handling engine's rule."""
    return deadline_state(due_at=clock.due_at, stopped_at=clock.stopped_at, now=now, soon=soon)


def summarise(rows: Iterable[FileRow], *, now: datetime, soon: timedelta = DUE_SOON) -> Board:
    """Count ``rows`` into one board; the attention list puts overdue clocks first."""
    board, stages, holders, outcomes = Board(), Counter[Stage](), Counter[Party](), Counter[str]()
    police: dict[str, UnitLine] = {}
    prosecutors: dict[str, UnitLine] = {}
    for row in rows:
        board.files += 1
        stages[row.stage] += 1
        holders[STAGE_HOLDER[row.stage]] += 1
        if row.final_outcome:
            board.verdicts += 1
            outcomes[row.final_outcome] += 1
        lines = _unit_lines(row, police, prosecutors)
        for clock in row.clocks:
            _count_clock(board, row, clock, clock_state(clock, now, soon), lines)
    board.by_stage = {stage: stages[stage] for stage in STAGE_ORDER if stages[stage]}
    board.by_holder = dict(holders)
    board.outcomes = dict(outcomes)
    board.per_police = sorted(police.values(), key=lambda line: line.name)
    board.per_prosecutor = sorted(prosecutors.values(), key=lambda line: line.name)
    board.attention.sort(key=lambda item: (item[2] is not DeadlineState.OVERDUE, item[3]))
    return board


def _unit_lines(
    row: FileRow, police: dict[str, UnitLine], prosecutors: dict[str, UnitLine]
) -> dict[Party, UnitLine]:
    """The Polres and Kejaksaan lines this file counts in, keyed by the party they stand for."""
    lines = {}
    for party, name, table in (
        (Party.POLRI, row.police_unit, police),
        (Party.KEJAKSAAN, row.prosecutor_office, prosecutors),
    ):
        if not name:
            continue
        line = table.setdefault(name, UnitLine(name))
        line.files += 1
        line.open += 0 if row.stage in TERMINAL_STAGES else 1
        lines[party] = line
    return lines


def _count_clock(
    board: Board,
    row: FileRow,
    clock: ClockRow,
    state: DeadlineState,
    lines: dict[Party, UnitLine],
) -> None:
    """Count a late or nearly late clock on the board and on the line of the agency that owns it."""
    line = lines.get(STEP_OWNER.get(clock.step, Party.BAWASLU))
    if state is DeadlineState.OVERDUE:
        board.overdue_steps += 1
        if line:
            line.overdue_steps += 1
    elif state is DeadlineState.DUE_SOON:
        board.due_soon_steps += 1
        if line:
            line.due_soon_steps += 1
    else:
        return
    board.attention.append((row.file_id, clock.step, state, clock.due_at))
