"""Compile every gettext catalogue (.po → .mo) with polib, so no system gettext is needed.

Run: `python -m awasi.core.i18n` (the Makefile does this on setup).
"""

from __future__ import annotations

import sys
from pathlib import Path


def compile_catalogues(root: Path) -> int:
    """Compile each .po under `root` whose .mo is missing or older; return how many."""
    import polib

    count = 0
    for po_path in root.rglob("locale/*/LC_MESSAGES/*.po"):
        if ".venv" in po_path.parts:
            continue
        mo_path = po_path.with_suffix(".mo")
        if mo_path.exists() and mo_path.stat().st_mtime >= po_path.stat().st_mtime:
            continue
        polib.pofile(str(po_path)).save_as_mofile(str(mo_path))
        count += 1
    return count


if __name__ == "__main__":
    top = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).resolve().parents[2]
    print(f"compiled {compile_catalogues(top)} catalogue(s)")
