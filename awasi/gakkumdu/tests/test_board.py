"""The pure board: one set of numbers, each verdict counted once."""

from datetime import UTC, datetime, timedelta

from awasi.cases.deadlines import DeadlineState
from awasi.gakkumdu.board import ClockRow, FileRow, summarise
from awasi.gakkumdu.chain import Party, Stage

NOW = datetime(2024, 3, 1, 3, 0, tzinfo=UTC)
HOUR = timedelta(hours=1)


def test_each_verdict_counted_once_by_its_final_outcome():
    rows = [
        FileRow(1, Stage.EXECUTED, first_verdict="convicted", appeal_verdict="acquitted"),
        FileRow(2, Stage.VERDICT_READ, first_verdict="convicted"),
        FileRow(3, Stage.AT_COURT),
        # a verdict field left over on a file not at a verdict stage is not counted
        FileRow(4, Stage.WITH_PROSECUTOR, first_verdict="convicted"),
    ]
    board = summarise(rows, now=NOW)
    assert board.files == 4
    assert board.verdicts == 2
    assert board.outcomes == {"acquitted": 1, "convicted": 1}


def test_stages_in_chain_order_and_holders():
    rows = [FileRow(1, Stage.AT_COURT), FileRow(2, Stage.INQUIRY), FileRow(3, Stage.INQUIRY)]
    board = summarise(rows, now=NOW)
    assert list(board.by_stage.items()) == [(Stage.INQUIRY, 2), (Stage.AT_COURT, 1)]
    assert board.by_holder == {Party.POLRI: 2, Party.COURT: 1}


def test_late_clocks_count_on_the_line_of_the_agency_that_owns_the_step():
    rows = [
        FileRow(
            1,
            Stage.WITH_PROSECUTOR,
            police_unit="Polres Bangka",
            prosecutor_office="Kejari Bangka",
            clocks=(
                ClockRow("police_investigation", NOW - 48 * HOUR, NOW - 72 * HOUR),  # met
                ClockRow("prosecutor_return", NOW - HOUR),  # overdue: Kejaksaan's
            ),
        ),
        FileRow(
            2,
            Stage.INVESTIGATION,
            police_unit="Polres Bangka",
            clocks=(ClockRow("police_investigation", NOW + 2 * HOUR),),  # due soon: Polri's
        ),
        FileRow(3, Stage.EXECUTED, police_unit="Polres Belitung"),
    ]
    board = summarise(rows, now=NOW)
    assert (board.overdue_steps, board.due_soon_steps) == (1, 1)
    bangka, belitung = board.per_police
    assert (bangka.name, bangka.files, bangka.open) == ("Polres Bangka", 2, 2)
    assert (bangka.overdue_steps, bangka.due_soon_steps) == (0, 1)
    assert (belitung.files, belitung.open) == (1, 0)
    (kejari,) = board.per_prosecutor
    assert (kejari.overdue_steps, kejari.due_soon_steps) == (1, 0)
    assert [item[:3] for item in board.attention] == [
        (1, "prosecutor_return", DeadlineState.OVERDUE),
        (2, "police_investigation", DeadlineState.DUE_SOON),
    ]


def test_empty_board():
    board = summarise([], now=NOW)
    assert (board.files, board.verdicts, board.by_stage, board.per_police) == (0, 0, {}, [])
