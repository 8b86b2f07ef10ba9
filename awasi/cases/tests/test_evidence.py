"""Evidence integrity: content checks, size limit, SHA-256, immutability, versions, custody."""

import hashlib
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from awasi.cases import services
from awasi.cases.models import Evidence
from awasi.cases.services.evidence import verify_integrity
from awasi.core.errors import DomainError


def png(color="red"):
    buffer = io.BytesIO()
    Image.new("RGB", (8, 8), color).save(buffer, "PNG")
    return buffer.getvalue()


def upload(content, name="bukti.png"):
    return SimpleUploadedFile(name, content, content_type="application/octet-stream")


PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def test_stored_with_hash_and_detected_type(registered_case, officer_bangka):
    content = png()
    evidence = services.add_evidence(
        case=registered_case, upload=upload(content, "foto.txt"), actor=officer_bangka
    )
    assert evidence.sha256 == hashlib.sha256(content).hexdigest()
    assert evidence.content_type == "image/png"  # by content, not by the ".txt" name
    assert verify_integrity(evidence)
    pdf = services.add_evidence(
        case=registered_case, upload=upload(PDF, "a.pdf"), actor=officer_bangka
    )
    assert pdf.content_type == "application/pdf"


@pytest.mark.parametrize(
    "content",
    [
        b"",
        b"MZ\x90\x00\x03 an exe",
        b"just some text pretending to be a photo",
        png()[:40],  # truncated PNG
        b"%PDF-1.4\nno trailer",
    ],
)
def test_bad_files_are_refused(registered_case, officer_bangka, content):
    with pytest.raises(DomainError) as error:
        services.add_evidence(case=registered_case, upload=upload(content), actor=officer_bangka)
    assert error.value.code == "bad_file"
    assert Evidence.objects.count() == 0


def test_size_limit(registered_case, officer_bangka, settings):
    settings.CASES_EVIDENCE_MAX_BYTES = 100
    with pytest.raises(DomainError):
        services.add_evidence(case=registered_case, upload=upload(png() * 3), actor=officer_bangka)


def test_immutable_and_corrected_by_versions(registered_case, officer_bangka):
    first = services.add_evidence(case=registered_case, upload=upload(png()), actor=officer_bangka)
    first.sha256 = "0" * 64
    with pytest.raises(PermissionError):
        first.save()
    with pytest.raises(PermissionError):
        Evidence.objects.get(pk=first.pk).delete()
    first = Evidence.objects.get(pk=first.pk)
    with pytest.raises(DomainError):
        services.correct_evidence(
            evidence=first, upload=upload(png("blue")), reason=" ", actor=officer_bangka
        )
    second = services.correct_evidence(
        evidence=first, upload=upload(png("blue")), reason="Foto asli", actor=officer_bangka
    )
    assert (second.version, second.supersedes_id) == (2, first.pk)
    assert Evidence.objects.get(pk=first.pk).sha256 == hashlib.sha256(png()).hexdigest()
    with pytest.raises(DomainError):
        services.correct_evidence(
            evidence=first, upload=upload(png("green")), reason="lagi", actor=officer_bangka
        )


def test_police_cannot_reach_evidence(registered_case, officer_bangka, police_bangka, client_for):
    evidence = services.add_evidence(
        case=registered_case, upload=upload(png()), actor=officer_bangka
    )
    response = client_for(police_bangka).get(f"/cases/bukti/{evidence.pk}/unduh/")
    assert response.status_code == 404
