"""Evidence: checked by content, hashed, immutable once submitted, corrections as versions."""

from __future__ import annotations

import hashlib
from typing import Any

from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from awasi.cases.models import Case, Evidence, EvidenceAccess
from awasi.core import audit
from awasi.core.errors import DomainError
from awasi.core.uploads import CheckedFile, FileRefused, check_file, read_limited

# Photos, video, audio recordings, PDF and office documents: what reporters send as *bukti*
# (Perbawaslu 7/2022 Pasal 15 ayat (4): recordings, video, pictures, other).
ALLOWED = {
    "jpg": "image/jpeg", "png": "image/png", "webp": "image/webp", "gif": "image/gif",
    "heic": "image/heic", "mp4": "video/mp4", "mov": "video/quicktime", "3gp": "video/3gpp",
    "webm": "video/webm", "mp3": "audio/mpeg", "m4a": "audio/mp4", "ogg": "audio/ogg",
    "wav": "audio/x-wav", "amr": "audio/amr", "aac": "audio/aac", "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}  # fmt: skip
DEFAULT_MAX_BYTES = 20 * 1024 * 1024


def max_bytes() -> int:
    """``CASES_EVIDENCE_MAX_BYTES``, else the site-wide ``AWASI_MAX_UPLOAD_BYTES``."""
    default = getattr(settings, "AWASI_MAX_UPLOAD_BYTES", DEFAULT_MAX_BYTES)
    return int(getattr(settings, "CASES_EVIDENCE_MAX_BYTES", default))


def read_checked(upload: UploadedFile) -> tuple[bytes, CheckedFile]:
    """The file's bytes and its real kind, size and SHA-256 (by content, never by name);
    DomainError when refused."""
    name = upload.name or "file"
    try:
        content = read_limited(upload, max_bytes())
        return content, check_file(content, allowed=ALLOWED, max_bytes=max_bytes())
    except FileRefused as err:
        reasons = {
            "too_large": _("is larger than %(mb)d MB.") % {"mb": max_bytes() // 2**20},
            "empty": _("is empty."),
            "type": _("is not a photo, video, sound recording, PDF or office document."),
            "damaged": _("is damaged or incomplete."),
        }
        raise _refuse(name, reasons[err.code]) from err


def check_upload(upload: UploadedFile) -> str:
    """The file's real type (by content, never by name); DomainError when refused."""
    return read_checked(upload)[1].extension


def _refuse(name: str, reason: str) -> DomainError:
    return DomainError(
        _("File %(name)s %(reason)s") % {"name": name, "reason": reason},
        code="bad_file",
        details={"files": f"{name}: {reason}"},
    )


def _store(case: Case, upload: UploadedFile, actor: Any, **extra: Any) -> Evidence:
    content, checked = read_checked(upload)
    evidence = Evidence(
        case=case,
        original_name=(upload.name or "file")[:200],
        content_type=ALLOWED[checked.extension],
        size=checked.size,
        sha256=checked.sha256,
        uploaded_at=timezone.now(),
        uploaded_by=actor if getattr(actor, "is_authenticated", False) else None,
        **extra,
    )
    evidence.file.save(evidence.sha256, ContentFile(content), save=False)
    evidence.save()
    return evidence


@transaction.atomic
def add_evidence(
    *, case: Case, upload: UploadedFile, actor: Any, description: str = "", validated: bool = False
) -> Evidence:
    """Attach a file to a case; its SHA-256 is recorded and the file never changes again."""
    evidence = _store(case, upload, actor, description=description[:300])
    audit.record(
        actor=actor or "public",
        action="cases.evidence.add",
        target=case,
        data={"evidence": evidence.pk, "sha256": evidence.sha256, "size": evidence.size},
    )
    return evidence


@transaction.atomic
def correct_evidence(
    *, evidence: Evidence, upload: UploadedFile, reason: str, actor: Any
) -> Evidence:
    """A corrected file is a new version pointing at the one it replaces; the old one stays."""
    if not reason.strip():
        raise DomainError(
            _("Say why the file is corrected."), details={"reason": _("This field is required.")}
        )
    if Evidence.objects.filter(supersedes=evidence).exists():
        raise DomainError(_("Only the newest version can be corrected."), code="not_current")
    new = _store(
        evidence.case,
        upload,
        actor,
        description=evidence.description,
        version=evidence.version + 1,
        supersedes=evidence,
        correction_reason=reason.strip()[:300],
    )
    audit.record(
        actor=actor,
        action="cases.evidence.correct",
        target=evidence.case,
        data={"old": evidence.pk, "new": new.pk, "sha256": new.sha256, "reason": reason},
    )
    return new


def log_access(*, evidence: Evidence, user: Any, action: str) -> None:
    """Chain of custody: record a view or download (called by the views that serve files)."""
    EvidenceAccess.objects.create(evidence=evidence, user=user, at=timezone.now(), action=action)


def verify_integrity(evidence: Evidence) -> bool:
    """Whether the stored bytes still hash to the recorded SHA-256."""
    with evidence.file.open("rb") as handle:
        digest = hashlib.file_digest(handle, "sha256").hexdigest()
    return digest == evidence.sha256
