"""Staged API submissions: the high-volume intake path writes one row here per idempotency key and
a background processor (``awasi cases process-intake``) turns each row into a case."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class IntakeSubmission(models.Model):
    """One report received through ``/api/v1/cases/intake/``, before (and after) it became a case.

    The row is written with a single ``INSERT … ON CONFLICT (key) DO NOTHING``, so a client
    retrying with the same ``Idempotency-Key`` never stages a second one. The tracking code and
    the secret's hash are fixed at staging time so the reporter can look the report up at once.
    """

    key = models.CharField(_("idempotency key"), max_length=100, unique=True)
    received_at = models.DateTimeField(_("received"))
    payload = models.JSONField(_("submitted data"))
    tracking_code = models.CharField(_("tracking code"), max_length=20, unique=True)
    secret_hash = models.CharField(max_length=128, editable=False)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("entered by (desk staff)"),
    )
    processed_at = models.DateTimeField(_("processed"), null=True, blank=True)
    case = models.ForeignKey(
        "cases.Case",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("case"),
    )
    error = models.JSONField(_("processing error"), null=True, blank=True)

    class Meta:
        ordering = ["id"]
        verbose_name = _("staged submission")
        verbose_name_plural = _("staged submissions")
        indexes = [
            models.Index(
                fields=["id"],
                name="intake_unprocessed_idx",
                condition=models.Q(processed_at__isnull=True),
            )
        ]

    def __str__(self) -> str:
        return self.tracking_code
