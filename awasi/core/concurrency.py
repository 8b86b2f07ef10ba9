"""Optimistic locking: a change states the version it read; a stale version is a conflict."""

from __future__ import annotations

from django.db import models
from django.db.models import F
from django.utils.translation import gettext as _

from awasi.core.errors import ConflictError


def bump_version(obj: models.Model, expected: int | None) -> None:
    """Atomically move `obj.version` from `expected` to `expected + 1`, or raise ConflictError.

    `expected=None` skips the check (for system jobs that own the object).
    """
    model = type(obj)
    queryset = model._default_manager.filter(pk=obj.pk)
    if expected is not None:
        queryset = queryset.filter(version=expected)
    updated = queryset.update(version=F("version") + 1)
    if not updated:
        raise ConflictError(
            _(
                "This record was changed by someone else while you were working on it. "
                "Reload the page to see their change, then try again."
            )
        )
    obj.refresh_from_db(fields=["version"])
