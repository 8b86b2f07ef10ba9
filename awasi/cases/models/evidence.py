"""Evidence files: validated by content, hashed, immutable, versioned, every access logged."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from awasi.cases.models.case import Case

IMMUTABLE_FIELDS = ("file", "sha256", "size", "content_type", "case_id", "version")


def evidence_path(instance: Evidence, filename: str) -> str:
    # The stored name is the hash: no user-chosen path, and duplicates are obvious.
    return f"evidence/{instance.case_id}/{instance.sha256}"


class Evidence(models.Model):
    """One submitted file. Corrections are new versions pointing at the one they replace."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="evidence")
    file = models.FileField(_("file"), upload_to=evidence_path, max_length=200)
    original_name = models.CharField(_("file name"), max_length=200)
    content_type = models.CharField(_("type"), max_length=100)
    size = models.PositiveBigIntegerField(_("size (bytes)"))
    sha256 = models.CharField(_("SHA-256"), max_length=64, db_index=True)
    description = models.CharField(_("description"), max_length=300, blank=True)
    version = models.PositiveIntegerField(_("version"), default=1)
    supersedes = models.OneToOneField(
        "self", null=True, blank=True, on_delete=models.PROTECT, related_name="superseded_by"
    )
    correction_reason = models.CharField(_("reason for correction"), max_length=300, blank=True)
    uploaded_at = models.DateTimeField(_("submitted"))
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["uploaded_at", "id"]
        verbose_name = _("evidence")
        verbose_name_plural = _("evidence")

    def __str__(self) -> str:
        return f"{self.original_name} v{self.version}"

    def save(self, *args, **kwargs):  # type: ignore[no-untyped-def]
        if self.pk is not None:
            stored = type(self).objects.filter(pk=self.pk).values(*IMMUTABLE_FIELDS).first()
            current = {f: getattr(self, f) for f in IMMUTABLE_FIELDS}
            current["file"] = self.file.name
            if stored and stored != current:
                raise PermissionError("Evidence is immutable; submit a corrected version.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):  # type: ignore[no-untyped-def]
        raise PermissionError("Evidence is never deleted.")


class EvidenceAccess(models.Model):
    """Chain of custody: who viewed or downloaded which evidence file, when."""

    evidence = models.ForeignKey(Evidence, on_delete=models.PROTECT, related_name="accesses")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    at = models.DateTimeField()
    action = models.CharField(max_length=12)

    class Meta:
        ordering = ["-at"]
        verbose_name = _("evidence access")
        verbose_name_plural = _("evidence access log")

    def __str__(self) -> str:
        return f"{self.user_id} {self.action} {self.evidence_id}"
