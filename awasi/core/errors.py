"""Domain errors raised by services; the UI shows them as messages, the API as one error shape."""

from __future__ import annotations

from typing import Any


class DomainError(Exception):
    """A rule of the domain refused the action; nothing was changed."""

    status_code = 400
    default_code = "invalid"

    def __init__(self, message: Any, *, code: str | None = None, details: Any = None) -> None:
        super().__init__(str(message))
        self.message = message
        self.code = code or self.default_code
        self.details = details


class ConflictError(DomainError):
    """Someone else changed the object since it was read (optimistic locking)."""

    status_code = 409
    default_code = "conflict"
