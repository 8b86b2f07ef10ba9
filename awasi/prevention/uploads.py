"""Photo validation for supervision reports (LHP): by content, not by name, and size-limited.
Pure.

Field supervisors send phone photos; a renamed executable or an oversized file must be refused
with a clear message before anything is stored.
"""

from __future__ import annotations

import hashlib
import io
from dataclasses import dataclass

import filetype

ALLOWED_PHOTO_TYPES: frozenset[str] = frozenset(
    {"image/jpeg", "image/png", "image/webp", "image/heic"}
)
DEFAULT_MAX_PHOTO_BYTES = 8 * 1024 * 1024
DECODABLE: frozenset[str] = frozenset({"image/jpeg", "image/png", "image/webp"})


class PhotoRejected(ValueError):
    """A photo that must not be stored; ``code`` says why (empty, too_large, type, damaged)."""

    def __init__(self, code: str, detail: str) -> None:
        super().__init__(detail)
        self.code = code


@dataclass(frozen=True)
class CheckedPhoto:
    """A photo that passed: its detected MIME type, size and SHA-256."""

    mime: str
    size: int
    sha256: str


def check_photo(data: bytes, *, max_bytes: int = DEFAULT_MAX_PHOTO_BYTES) -> CheckedPhoto:
    """Accept JPEG/PNG/WebP/HEIC content up to ``max_bytes``; raise ``PhotoRejected`` otherwise."""
    if not data:
        raise PhotoRejected("empty", "empty file")
    if len(data) > max_bytes:
        raise PhotoRejected("too_large", f"{len(data)} bytes > {max_bytes}")
    kind = filetype.guess(data)
    if kind is None or kind.mime not in ALLOWED_PHOTO_TYPES:
        raise PhotoRejected("type", kind.mime if kind else "unknown")
    if kind.mime in DECODABLE and not _decodes(data):
        raise PhotoRejected("damaged", "the image does not decode")
    return CheckedPhoto(kind.mime, len(data), hashlib.sha256(data).hexdigest())


def _decodes(data: bytes) -> bool:
    """A right header is not enough: the whole image must decode (Pillow, via reportlab)."""
    from PIL import Image

    try:
        with Image.open(io.BytesIO(data)) as image:
            image.load()
    except Exception:  # noqa: BLE001 - any decoder failure means a broken photo
        return False
    return True


def sha256_of(chunks: list[bytes] | tuple[bytes, ...]) -> str:
    """SHA-256 hex digest of a file read in chunks (signed agreement documents)."""
    digest = hashlib.sha256()
    for chunk in chunks:
        digest.update(chunk)
    return digest.hexdigest()
