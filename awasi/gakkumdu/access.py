"""Fetching one joint file or document for a user: missing and forbidden both answer 404."""

from __future__ import annotations

from typing import Any

from django.http import Http404

from awasi.core.errors import DomainError
from awasi.gakkumdu.models import Document, JointFile
from awasi.gakkumdu.parties import acting_party


def access_file(user: Any, pk: int, *, for_change: bool = False) -> JointFile:
    """The joint file ``pk`` if ``user`` may see it (and act on it, with ``for_change``)."""
    file = (
        JointFile.objects.visible_to(user)
        .select_related("unit", "police", "prosecutor", "region", "election", "case")
        .filter(pk=pk)
        .first()
    )
    if file is None:
        raise Http404
    if for_change:
        try:
            acting_party(user, file)
        except DomainError as error:
            raise Http404 from error
    return file


def access_document(user: Any, pk: int) -> Document:
    """A document of a file ``user`` may see."""
    document = Document.objects.select_related("file").filter(pk=pk).first()
    if document is None:
        raise Http404
    access_file(user, document.file_id)
    return document
