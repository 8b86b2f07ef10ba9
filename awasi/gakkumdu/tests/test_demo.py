"""The demo loads Babel files at several stages, some overdue, and is idempotent."""

import io

import pytest

from awasi.gakkumdu import demo
from awasi.gakkumdu.models import GakkumduUnit, JointFile
from awasi.gakkumdu.selectors import board_for

pytestmark = pytest.mark.django_db


def test_demo_files_at_several_stages_some_overdue(babel):
    demo.load(stdout=io.StringIO())
    files = JointFile.objects.all()
    assert GakkumduUnit.objects.count() == 8
    assert files.count() == len(demo.SCENARIOS)
    assert all(f.is_synthetic for f in files)
    assert len({f.stage for f in files}) >= 8
    board = board_for(files)
    assert board.overdue_steps >= 3 and board.verdicts == 1
    demo.load(stdout=io.StringIO())
    assert JointFile.objects.count() == len(demo.SCENARIOS)
