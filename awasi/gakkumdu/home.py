"""Home-page cards: open joint files and late steps the user can see."""

from __future__ import annotations

from typing import Any

from django.urls import reverse
from django.utils.translation import gettext as _

from awasi.gakkumdu.selectors import board_for, files_for


def cards(user: Any) -> list[dict[str, Any]]:
    """Open Gakkumdu files and overdue steps (only for users who see any file)."""
    files = files_for(user)
    if not files.exists():
        return []
    board = board_for(files)
    url = reverse("gakkumdu:board")
    return [
        {"title": _("Gakkumdu files"), "value": board.files, "url": url},
        {"title": _("Gakkumdu steps overdue"), "value": board.overdue_steps, "url": url},
    ]
