"""Use cases for what a joint file holds: suspects, witnesses, evidence, documents, sentences.

Each agency of the file may add what it gathered; sentences are recorded by the prosecutor.
Documents follow the evidence rules of case handling: type detected from content, size limited,
SHA-256 stored, immutable (a correction is a new version with a reason), every download logged.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from django.core.files.base import ContentFile
from django.core.files.uploadedfile import UploadedFile
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from awasi.cases.services.evidence import ALLOWED, read_checked
from awasi.core.audit import record
from awasi.core.errors import DomainError
from awasi.gakkumdu.chain import Party
from awasi.gakkumdu.choices import CourtInstance, DocumentKind, VerdictOutcome, WitnessKind
from awasi.gakkumdu.models import (
    Document,
    DocumentAccess,
    EvidenceItem,
    JointFile,
    Sentence,
    Suspect,
    Witness,
)
from awasi.gakkumdu.parties import acting_party


def _blank(value: str, label: str) -> str:
    value = (value or "").strip()
    if not value:
        raise DomainError(_("%(field)s is required.") % {"field": label}, code="required")
    return value


def _audit(actor: Any, file: JointFile, action: str, party: Party, **data: Any) -> None:
    record(
        actor=actor, action=f"gakkumdu.{action}", target=file, data={"agency": party.value, **data}
    )


@transaction.atomic
def add_suspect(*, file: JointFile, actor: Any, name: str, description: str = "") -> Suspect:
    """Name a suspect (tersangka) in the file."""
    party = acting_party(actor, file)
    suspect = Suspect.objects.create(
        file=file, name=_blank(name, _("Name")), description=description
    )
    _audit(actor, file, "suspect.add", party, suspect=suspect.pk)
    return suspect


@transaction.atomic
def add_witness(
    *,
    file: JointFile,
    actor: Any,
    name: str,
    kind: str = WitnessKind.WITNESS,
    examined_on: date | None = None,
) -> Witness:
    """Record a witness or expert examined by the actor's agency."""
    party = acting_party(actor, file)
    if kind not in WitnessKind.values:
        raise DomainError(_("Unknown kind of witness."), code="invalid")
    witness = Witness.objects.create(
        file=file,
        name=_blank(name, _("Name")),
        kind=kind,
        examined_on=examined_on,
        examined_by=party.value,
    )
    _audit(actor, file, "witness.add", party, witness=witness.pk)
    return witness


@transaction.atomic
def add_evidence_item(
    *,
    file: JointFile,
    actor: Any,
    description: str,
    quantity: str = "",
    seized_on: date | None = None,
) -> EvidenceItem:
    """Record an item of barang bukti, held by the actor's agency."""
    party = acting_party(actor, file)
    item = EvidenceItem.objects.create(
        file=file,
        description=_blank(description, _("Description")),
        quantity=quantity,
        seized_on=seized_on,
        held_by=party.value,
    )
    _audit(actor, file, "evidence.add", party, item=item.pk)
    return item


@transaction.atomic
def record_sentence(
    *,
    file: JointFile,
    actor: Any,
    suspect: Suspect,
    instance: str,
    outcome: str,
    read_on: date,
    prison_months: int = 0,
    probation_months: int = 0,
    fine_rupiah: int = 0,
    note: str = "",
) -> Sentence:
    """Record the sentence a court gave one defendant (the prosecutor records court acts)."""
    party = acting_party(actor, file)
    if party is not Party.KEJAKSAAN:
        raise DomainError(_("Sentences are recorded by the prosecutor."), code="wrong_party")
    if suspect.file_id != file.pk:
        raise DomainError(_("This person is not named in this file."), code="invalid")
    if instance not in CourtInstance.values or outcome not in VerdictOutcome.values or not outcome:
        raise DomainError(_("Choose the court and the outcome."), code="invalid")
    if min(prison_months, probation_months, fine_rupiah) < 0:
        raise DomainError(_("Sentence figures cannot be negative."), code="invalid")
    try:
        with transaction.atomic():
            sentence = Sentence.objects.create(
                file=file,
                suspect=suspect,
                instance=instance,
                outcome=outcome,
                read_on=read_on,
                prison_months=prison_months,
                probation_months=probation_months,
                fine_rupiah=fine_rupiah,
                note=note,
            )
    except IntegrityError as error:
        raise DomainError(
            _("This court's sentence for this person is already recorded."), code="duplicate"
        ) from error
    _audit(actor, file, "sentence.add", party, sentence=sentence.pk)
    return sentence


@transaction.atomic
def upload_document(
    *,
    file: JointFile,
    actor: Any,
    kind: str,
    title: str,
    dated_on: date,
    upload: UploadedFile,
    to_agency: str = "",
    letter_number: str = "",
    supersedes: Document | None = None,
    correction_reason: str = "",
) -> Document:
    """Store a document sent by the actor's agency; a correction names what it replaces and why."""
    party = acting_party(actor, file)
    if kind not in DocumentKind.values:
        raise DomainError(_("Unknown kind of document."), code="invalid")
    if supersedes is not None and (supersedes.file_id != file.pk or not correction_reason.strip()):
        raise DomainError(
            _("A correction needs the document it replaces and a reason."),
            code="correction_reason_required",
        )
    data, checked = read_checked(upload)  # the case-handling evidence rules, unchanged
    extension, digest = checked.extension, checked.sha256
    document = Document(
        file=file,
        kind=kind,
        title=_blank(title, _("Title")),
        letter_number=letter_number,
        dated_on=dated_on,
        from_agency=party.value,
        to_agency=to_agency,
        sha256=digest,
        size=len(data),
        content_type=ALLOWED[extension],
        uploaded_by=actor,
        uploaded_at=timezone.now(),
        supersedes=supersedes,
        correction_reason=correction_reason,
    )
    document.content.save(f"{digest[:16]}.{extension}", ContentFile(data), save=False)
    document.save()
    _audit(
        actor,
        file,
        "document.upload",
        party,
        document=document.pk,
        sha256=digest,
        supersedes=getattr(supersedes, "pk", None),
    )
    return document


@transaction.atomic
def log_document_access(*, document: Document, user: Any, action: str = "download") -> None:
    """Chain of custody: note who opened a document."""
    DocumentAccess.objects.create(document=document, user=user, at=timezone.now(), action=action)
