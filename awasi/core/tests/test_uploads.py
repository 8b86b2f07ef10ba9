"""Files checked by content: kinds, sizes, damaged files, hashes (pure)."""

import base64
import hashlib
import io

import pytest

from awasi.core.uploads import DOCUMENTS, PHOTOS, FileRefused, check_file, read_limited

# 1x1 transparent PNG
PNG = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII="
)
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
MB = 1024 * 1024


@pytest.mark.parametrize(
    ("data", "allowed", "extension", "mime"),
    [(PNG, PHOTOS, "png", "image/png"), (PNG, DOCUMENTS, "png", "image/png"),
     (PDF, DOCUMENTS, "pdf", "application/pdf")],
)  # fmt: skip
def test_accepted_with_kind_size_and_hash(data, allowed, extension, mime):
    checked = check_file(data, allowed=allowed, max_bytes=MB)
    assert (checked.extension, checked.mime, checked.size) == (extension, mime, len(data))
    assert checked.sha256 == hashlib.sha256(data).hexdigest()


@pytest.mark.parametrize(
    ("data", "allowed", "code"),
    [
        (b"", PHOTOS, "empty"),
        (PDF, PHOTOS, "type"),  # a PDF is not a photo, whatever its name
        (b"MZ\x90\x00" + b"\x00" * 60, PHOTOS, "type"),  # a Windows executable named photo.jpg
        (b"just text", DOCUMENTS, "type"),
        (PNG[:40], PHOTOS, "damaged"),  # truncated: the header is right, the image is not
        (b"%PDF-1.4\nno end marker", DOCUMENTS, "damaged"),
    ],
)
def test_refused_by_content(data, allowed, code):
    with pytest.raises(FileRefused) as err:
        check_file(data, allowed=allowed, max_bytes=MB)
    assert err.value.code == code


def test_size_limit():
    with pytest.raises(FileRefused) as err:
        check_file(PNG, allowed=PHOTOS, max_bytes=len(PNG) - 1)
    assert err.value.code == "too_large"


class _Upload(io.BytesIO):
    def __init__(self, data: bytes, size: int | None) -> None:
        super().__init__(data)
        self.size = size


def test_read_limited_refuses_by_declared_and_by_real_size():
    assert read_limited(_Upload(PNG, len(PNG)), len(PNG)) == PNG
    with pytest.raises(FileRefused):
        read_limited(_Upload(PNG, 10 * MB), MB)  # declared too large: not read at all
    with pytest.raises(FileRefused):
        read_limited(_Upload(PNG, 1), len(PNG) - 1)  # declared small, really larger
