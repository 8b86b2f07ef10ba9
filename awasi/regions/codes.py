"""Hierarchical Kemendagri codes: `19` › `19.04` › `19.04.05` › `19.04.05.2001`.

A code's subtree is the code itself and every code that starts with it followed by a dot.
"""

from __future__ import annotations

from django.db.models import Q

LEVEL_BY_PARTS = {1: "province", 2: "regency", 3: "district", 4: "village"}


def level_of(code: str) -> str:
    """The region level a code names ("province" ... "village")."""
    parts = code.split(".")
    if len(parts) not in LEVEL_BY_PARTS or not all(p.isdigit() for p in parts):
        raise ValueError(f"not a region code: {code!r}")
    return LEVEL_BY_PARTS[len(parts)]


def parent_of(code: str) -> str | None:
    """The parent code, or None for a province."""
    return code.rsplit(".", 1)[0] if "." in code else None


def ancestors(code: str) -> list[str]:
    """Codes from the province down to `code` itself."""
    parts = code.split(".")
    return [".".join(parts[: i + 1]) for i in range(len(parts))]


def in_subtree(code: str, root: str | None) -> bool:
    """Whether `code` lies in the subtree of `root` (None = the whole country)."""
    return root is None or code == root or code.startswith(root + ".")


def subtree_q(field_path: str, code: str | None) -> Q:
    """Q for rows whose region code at `field_path` lies in the subtree of `code`."""
    if code is None:
        return Q()
    if field_path.endswith("_id"):
        # Django refuses `fk_id__startswith`; `fk__pk` reads the same column without a join.
        field_path = field_path[:-3] + "__pk"
    return Q(**{field_path: code}) | Q(**{f"{field_path}__startswith": code + "."})


def village_kind(code: str) -> str:
    """Kemendagri numbering: village numbers 1xxx are kelurahan, 2xxx are desa."""
    return "kelurahan" if code.rsplit(".", 1)[-1].startswith("1") else "desa"
