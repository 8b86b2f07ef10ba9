import base64
import hashlib

import pytest

from awasi.prevention.uploads import PhotoRejected, check_photo, sha256_of

# 1x1 transparent PNG
PNG = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII="
)


def test_png_accepted_with_hash():
    checked = check_photo(PNG)
    assert checked.mime == "image/png"
    assert checked.sha256 == hashlib.sha256(PNG).hexdigest()


@pytest.mark.parametrize(
    ("data", "code"),
    [
        (b"", "empty"),
        (b"%PDF-1.4\n%...", "type"),
        (b"MZ\x90\x00" + b"\x00" * 60, "type"),  # a Windows executable named photo.jpg
        (b"just text", "type"),
    ],
)
def test_refused_by_content(data, code):
    with pytest.raises(PhotoRejected) as err:
        check_photo(data)
    assert err.value.code == code


def test_truncated_png_is_refused():
    with pytest.raises(PhotoRejected) as err:
        check_photo(PNG[:40])
    assert err.value.code == "damaged"


def test_size_limit():
    with pytest.raises(PhotoRejected) as err:
        check_photo(PNG, max_bytes=len(PNG) - 1)
    assert err.value.code == "too_large"


def test_sha256_of_chunks():
    assert sha256_of([b"ab", b"c"]) == hashlib.sha256(b"abc").hexdigest()
