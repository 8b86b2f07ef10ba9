"""What a joint file holds: suspects, witnesses, evidence items, documents, sentences."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from awasi.gakkumdu.choices import (
    CourtInstance,
    DocumentKind,
    SuspectStatus,
    VerdictOutcome,
    WitnessKind,
)

FILE = "gakkumdu.JointFile"
AGENCIES = [("bawaslu", "Bawaslu"), ("polri", "Polri"), ("kejaksaan", "Kejaksaan")]


class Suspect(models.Model):
    """A person suspected, charged or tried in the file."""

    file = models.ForeignKey(FILE, on_delete=models.CASCADE, related_name="suspects")
    name = models.CharField(_("name"), max_length=200)
    description = models.CharField(_("occupation / role"), max_length=200, blank=True)
    status = models.CharField(
        _("status"), max_length=12, choices=SuspectStatus.choices, default=SuspectStatus.SUSPECT
    )

    class Meta:
        ordering = ["id"]
        verbose_name = _("suspect")
        verbose_name_plural = _("suspects")

    def __str__(self) -> str:
        return self.name


class Witness(models.Model):
    """A witness or expert examined in the file."""

    file = models.ForeignKey(FILE, on_delete=models.CASCADE, related_name="witnesses")
    name = models.CharField(_("name"), max_length=200)
    kind = models.CharField(
        _("kind"), max_length=10, choices=WitnessKind.choices, default=WitnessKind.WITNESS
    )
    examined_on = models.DateField(_("examined on"), null=True, blank=True)
    examined_by = models.CharField(_("examined by"), max_length=20, choices=AGENCIES, blank=True)

    class Meta:
        ordering = ["id"]
        verbose_name = _("witness")
        verbose_name_plural = _("witnesses")

    def __str__(self) -> str:
        return self.name


class EvidenceItem(models.Model):
    """An item of physical evidence (barang bukti) and who holds it."""

    file = models.ForeignKey(FILE, on_delete=models.CASCADE, related_name="evidence_items")
    description = models.CharField(_("description"), max_length=300)
    quantity = models.CharField(_("quantity"), max_length=60, blank=True)
    seized_on = models.DateField(_("seized on"), null=True, blank=True)
    held_by = models.CharField(_("held by"), max_length=20, choices=AGENCIES)

    class Meta:
        ordering = ["id"]
        verbose_name = _("evidence item (barang bukti)")
        verbose_name_plural = _("evidence items (barang bukti)")

    def __str__(self) -> str:
        return self.description


class Document(models.Model):
    """A document exchanged between agencies; immutable, corrections are new versions.

    Stored with its SHA-256 and the type detected from its content; every view is logged
    (``DocumentAccess``), as the case-handling issue requires of evidence.
    """

    file = models.ForeignKey(FILE, on_delete=models.CASCADE, related_name="documents")
    kind = models.CharField(_("kind"), max_length=20, choices=DocumentKind.choices)
    title = models.CharField(_("title"), max_length=200)
    letter_number = models.CharField(_("letter number"), max_length=100, blank=True)
    dated_on = models.DateField(_("dated"))
    from_agency = models.CharField(_("from"), max_length=20, choices=AGENCIES)
    to_agency = models.CharField(_("to"), max_length=20, choices=AGENCIES, blank=True)
    content = models.FileField(_("file"), upload_to="gakkumdu/%Y/%m/")
    sha256 = models.CharField(_("SHA-256"), max_length=64)
    size = models.PositiveIntegerField(_("size (bytes)"))
    content_type = models.CharField(_("type"), max_length=100)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    uploaded_at = models.DateTimeField(_("uploaded at"))
    supersedes = models.OneToOneField(
        "self", null=True, blank=True, on_delete=models.PROTECT, related_name="superseded_by"
    )
    correction_reason = models.TextField(_("reason for the correction"), blank=True)

    class Meta:
        ordering = ["dated_on", "id"]
        verbose_name = _("document")
        verbose_name_plural = _("documents")

    def __str__(self) -> str:
        return self.title

    def save(self, *args, **kwargs):  # type: ignore[no-untyped-def]
        if self.pk is not None:
            raise PermissionError("Documents are immutable; upload a corrected version.")
        super().save(*args, **kwargs)


class DocumentAccess(models.Model):
    """Chain of custody: who viewed or downloaded a document, when."""

    document = models.ForeignKey(Document, on_delete=models.CASCADE, related_name="accesses")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    at = models.DateTimeField(_("at"))
    action = models.CharField(_("action"), max_length=20, default="download")

    class Meta:
        ordering = ["-at"]
        verbose_name = _("document access")
        verbose_name_plural = _("document accesses")

    def __str__(self) -> str:
        return f"{self.document} · {self.user} · {self.at:%Y-%m-%d %H:%M}"


class Sentence(models.Model):
    """The sentence a court gave one defendant (PN or PT)."""

    file = models.ForeignKey(FILE, on_delete=models.CASCADE, related_name="sentences")
    suspect = models.ForeignKey(Suspect, on_delete=models.PROTECT, related_name="sentences")
    instance = models.CharField(_("court"), max_length=10, choices=CourtInstance.choices)
    outcome = models.CharField(_("outcome"), max_length=12, choices=VerdictOutcome.choices)
    prison_months = models.PositiveIntegerField(_("prison (months)"), default=0)
    probation_months = models.PositiveIntegerField(_("probation (months)"), default=0)
    fine_rupiah = models.PositiveBigIntegerField(_("fine (Rp)"), default=0)
    read_on = models.DateField(_("read on"))
    note = models.CharField(_("note"), max_length=300, blank=True)

    class Meta:
        ordering = ["read_on", "id"]
        verbose_name = _("sentence")
        verbose_name_plural = _("sentences")
        constraints = [
            models.UniqueConstraint(
                fields=["suspect", "instance"], name="one_sentence_per_instance"
            )
        ]

    def __str__(self) -> str:
        return f"{self.suspect} · {self.instance} · {self.outcome}"
