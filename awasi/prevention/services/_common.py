"""Helpers shared by the prevention services: permission checks, file checks, audit snapshots."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.files.base import ContentFile
from django.utils.translation import gettext as _

from awasi.core.errors import DomainError
from awasi.core.uploads import DOCUMENTS, PHOTOS, FileRefused, check_file, read_limited
from awasi.prevention.scopes import can_record_in

DEFAULT_MAX_PHOTO_BYTES = 8 * 1024 * 1024


def require_recorder(actor: Any, region_code: str, agencies: tuple[str, ...]) -> None:
    """Refuse (nothing changed) unless ``actor`` may record in that region for those agencies."""
    if not can_record_in(actor, region_code, agencies=agencies):
        raise DomainError(_("You may not record this for that region."), code="forbidden")


def require_text(value: str, label: str) -> str:
    """A required free-text field, stripped; empty → a clear error."""
    value = (value or "").strip()
    if not value:
        raise DomainError(_("%(field)s is required.") % {"field": label}, code="required")
    return value


def max_photo_bytes() -> int:
    return int(getattr(settings, "PREVENTION_MAX_PHOTO_BYTES", DEFAULT_MAX_PHOTO_BYTES))


def max_document_bytes() -> int:
    return int(getattr(settings, "PREVENTION_MAX_DOCUMENT_BYTES", 20 * 1024 * 1024))


def read_upload(upload: Any, limit: int) -> bytes:
    """The bytes of an uploaded file, refusing it before reading when it is over ``limit``."""
    try:
        return read_limited(upload, limit)
    except FileRefused as err:
        raise DomainError(
            _("The file is too large (at most %(mb)s MB).") % {"mb": limit // (1024 * 1024)},
            code="too_large",
        ) from err


def checked_photo(upload: Any) -> tuple[ContentFile, Any]:
    """Validate one photo by content; return a file to store (named by hash) and its facts."""
    data = read_upload(upload, max_photo_bytes())
    try:
        facts = check_file(data, allowed=PHOTOS, max_bytes=max_photo_bytes())
    except FileRefused as err:
        raise DomainError(
            _("“%(name)s” is not a photo (JPEG, PNG, WebP or HEIC).")
            % {"name": getattr(upload, "name", "?")},
            code=f"photo_{err.code}",
        ) from err
    return ContentFile(data, name=f"{facts.sha256}.{facts.extension}"), facts


def checked_document(upload: Any) -> tuple[ContentFile, str]:
    """Validate a signed document / evidence file (PDF or image); return it and its SHA-256."""
    data = read_upload(upload, max_document_bytes())
    try:
        facts = check_file(data, allowed=DOCUMENTS, max_bytes=max_document_bytes())
    except FileRefused as err:
        raise DomainError(
            _("The document must be a PDF or an image (JPEG, PNG)."), code="document_type"
        ) from err
    return ContentFile(data, name=f"{facts.sha256}.{facts.extension}"), facts.sha256
