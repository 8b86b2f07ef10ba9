"""Fixtures of the prevention tests: a signed agreement's meeting with commitments, photos."""

from __future__ import annotations

import base64
import io
from datetime import date, datetime
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from awasi.accounts.models import Organisation
from awasi.prevention.services import cooperation
from awasi.regions.models import Region

WIB = ZoneInfo("Asia/Jakarta")
PNG = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII="
)


def org(code: str) -> Organisation:
    return Organisation.objects.get(code=code)


def region(code: str) -> Region:
    return Region.objects.get(code=code)


def photo(name: str = "foto.jpg", data: bytes = PNG) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, data, "image/jpeg")


def pdf(name: str = "pks.pdf") -> SimpleUploadedFile:
    from awasi.core.exports import pdf_bytes

    return SimpleUploadedFile(name, pdf_bytes("PKS", [("p", "ditandatangani")]), "application/pdf")


def jpeg_bytes() -> bytes:
    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (8, 8), (200, 10, 10)).save(buffer, "JPEG")
    return buffer.getvalue()


@pytest.fixture
def meeting(officer_babel: Any) -> Any:
    """A coordination meeting convened by Bawaslu Babel on 10 Jan 2024 with Polda invited."""
    return cooperation.record_meeting(
        actor=officer_babel,
        title="Rakor pencegahan pelanggaran masa tenang",
        region=region("19"),
        held_at=datetime(2024, 1, 10, 9, 0, tzinfo=WIB),
        place="Pangkalpinang",
        agenda="Patroli bersama masa tenang",
        invited=[org("polda-babel")],
        attending=[org("polda-babel"), org("bawaslu-babel")],
    )


@pytest.fixture
def polda_item(meeting: Any, officer_babel: Any) -> Any:
    """A commitment of Polda Babel due 8 Feb 2024."""
    return cooperation.add_action_item(
        actor=officer_babel,
        meeting=meeting,
        owner=org("polda-babel"),
        description="Menyiapkan personel patroli bersama",
        due_on=date(2024, 2, 8),
    )
