"""Uploaded files checked by content, never by name: type, size, integrity and SHA-256. Pure.

One rule for every app that takes files (case evidence, Gakkumdu documents, supervision photos,
agreements, resignation letters): a renamed executable, an oversized file or a truncated photo is
refused with a reason code before anything is stored, and what passes carries its SHA-256 for the
chain of custody. Each app chooses which kinds it accepts and how large; messages are the app's.
"""

from __future__ import annotations

import hashlib
import io
from collections.abc import Collection
from dataclasses import dataclass
from typing import Any

import filetype

#: Kinds whose whole content must decode (Pillow), not only their header.
DECODED_IMAGES: frozenset[str] = frozenset({"jpg", "png", "webp", "gif"})
PHOTOS: frozenset[str] = frozenset({"jpg", "png", "webp", "heic"})
DOCUMENTS: frozenset[str] = frozenset({"pdf", "jpg", "png"})


class FileRefused(ValueError):
    """A file that must not be stored; ``code`` says why: empty, too_large, type or damaged."""

    def __init__(self, code: str, detail: str) -> None:
        super().__init__(detail)
        self.code = code


@dataclass(frozen=True)
class CheckedFile:
    """A file that passed: its kind by content (extension and MIME type), size and SHA-256."""

    extension: str
    mime: str
    size: int
    sha256: str


def check_file(data: bytes, *, allowed: Collection[str], max_bytes: int) -> CheckedFile:
    """Accept ``data`` when its content is one of the ``allowed`` kinds (filetype extensions:
    ``jpg``, ``pdf``, ``mp4``…), at most ``max_bytes`` long and well formed; else FileRefused."""
    if not data:
        raise FileRefused("empty", "empty file")
    if len(data) > max_bytes:
        raise FileRefused("too_large", f"{len(data)} bytes > {max_bytes}")
    kind = filetype.guess(data)
    if kind is None or kind.extension not in allowed:
        raise FileRefused("type", kind.mime if kind else "unknown")
    if not well_formed(kind.extension, data):
        raise FileRefused("damaged", f"the {kind.extension} file does not decode")
    return CheckedFile(kind.extension, kind.mime, len(data), hashlib.sha256(data).hexdigest())


def well_formed(extension: str, data: bytes) -> bool:
    """A right header is not enough: images must decode whole, a PDF must have its end marker."""
    if extension in DECODED_IMAGES:
        from PIL import Image

        try:
            with Image.open(io.BytesIO(data)) as image:
                image.load()
        except Exception:  # noqa: BLE001 - any decoder failure means a broken file
            return False
        return True
    if extension == "pdf":
        return data.startswith(b"%PDF-") and b"%%EOF" in data[-2048:]
    return True


def read_limited(upload: Any, limit: int) -> bytes:
    """The bytes of an uploaded file object, FileRefused("too_large") before reading the whole
    of one whose declared size is over ``limit`` (and after, if it lied)."""
    size = getattr(upload, "size", None)
    if size is not None and size > limit:
        raise FileRefused("too_large", f"{size} bytes > {limit}")
    upload.seek(0)
    data: bytes = upload.read(limit + 1)
    upload.seek(0)
    if len(data) > limit:
        raise FileRefused("too_large", f"more than {limit} bytes")
    return data
