"""The bridge from a supervision report (LHP) to case handling's finding (*temuan*).

Case handling is built in parallel (issue 3); it is imported lazily so this app works, and keeps the
report in the state "to be declared a finding", when ``awasi.cases.services.declare_finding`` is
absent. The LHP travels with the finding: a PDF of the report and its photos become the case's
first evidence.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import Any

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from django.utils.translation import gettext as _

from awasi.core.errors import DomainError
from awasi.core.exports import pdf_bytes


def finding_service() -> Callable[..., Any] | None:
    """Case handling's ``declare_finding`` when that app provides it, else None."""
    try:
        module = importlib.import_module("awasi.cases.services")
    except ImportError:
        return None
    return getattr(module, "declare_finding", None)


def report_pdf(report: Any) -> bytes:
    """The LHP as a printable PDF (attached to the finding)."""
    when = timezone.localtime(report.supervised_at)
    return pdf_bytes(
        _("Supervision report (LHP) #%(n)s") % {"n": report.pk},
        [
            (
                "p",
                _("Supervisor: %(who)s (%(org)s)")
                % {
                    "who": report.author.get_full_name() or report.author.get_username(),
                    "org": report.organisation,
                },
            ),
            (
                "p",
                _("Where: %(region)s — %(place)s")
                % {"region": report.region.name, "place": report.place},
            ),
            ("p", _("When: %(at)s") % {"at": when.strftime("%Y-%m-%d %H:%M %Z")}),
            ("h", _("What was supervised")),
            ("p", report.activity),
            ("h", _("What was found")),
            ("p", report.result),
        ],
    )


def _attachments(report: Any) -> list[SimpleUploadedFile]:
    files = [SimpleUploadedFile(f"lhp-{report.pk}.pdf", report_pdf(report), "application/pdf")]
    for photo in report.photos.all():
        with photo.file.open("rb") as handle:
            files.append(
                SimpleUploadedFile(photo.file.name.rsplit("/", 1)[-1], handle.read(), photo.mime)
            )
    return files


def open_finding(
    service: Callable[..., Any], *, actor: Any, report: Any, title: str, reported_party: str
) -> Any:
    """Call case handling's ``declare_finding`` for the report; idempotent per report."""
    from awasi.cases.services import CaseData

    occurred_on = timezone.localtime(report.supervised_at).date()
    data = CaseData(
        election=report.stage.election,
        region=report.region,
        title=title,
        description=report.result,
        reported_party=reported_party,
        place=report.place,
        occurred_on=occurred_on,
        stage=report.stage,
        files=_attachments(report),
    )
    try:
        return service(
            data=data,
            discovered_on=occurred_on,
            actor=actor,
            intake_key=f"prevention-lhp-{report.pk}",
        )
    except DomainError as err:
        details = err.details if isinstance(err.details, dict) else {}
        extra = "; ".join(f"{k}: {v}" for k, v in details.items())
        raise DomainError(f"{err.message} {extra}".strip(), code=err.code) from err
