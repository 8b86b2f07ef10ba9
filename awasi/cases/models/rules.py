"""The deadline rule table as admin-editable data (loaded from ``data/deadline_rules.csv``)."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from awasi.cases import deadlines
from awasi.cases.choices import Counting, RuleStatus
from awasi.elections.choices import LegalRegime


class DeadlineRule(models.Model):
    """How long one step may take under one legal regime, with its legal basis and certainty.

    Sources are cited per row (``basis``); see shared/domain/deadlines.md. ``variant`` separates
    conflicting readings of one step (Pilkada police steps: calendar vs working days).
    """

    regime = models.CharField(_("legal regime"), max_length=10, choices=LegalRegime.choices)
    step = models.CharField(_("step"), max_length=60)
    variant = models.CharField(_("variant"), max_length=30, blank=True)
    amount = models.PositiveIntegerField(_("amount"))
    counting = models.CharField(_("counting"), max_length=20, choices=Counting.choices)
    basis = models.CharField(_("legal basis"), max_length=300)
    status = models.CharField(_("verification"), max_length=12, choices=RuleStatus.choices)
    trigger = models.CharField(_("runs from"), max_length=300, blank=True)
    note = models.TextField(_("note"), blank=True)
    is_active = models.BooleanField(_("active"), default=True)

    class Meta:
        ordering = ["regime", "step", "variant"]
        verbose_name = _("deadline rule")
        verbose_name_plural = _("deadline rules")
        constraints = [
            models.UniqueConstraint(
                fields=["regime", "step", "variant"], name="cases_rule_unique_step"
            ),
            models.CheckConstraint(condition=models.Q(amount__gt=0), name="cases_rule_amount"),
        ]

    def __str__(self) -> str:
        variant = f" [{self.variant}]" if self.variant else ""
        return f"{self.regime}/{self.step}{variant}: {self.amount} {self.get_counting_display()}"

    def as_rule(self) -> deadlines.Rule:
        """The pure-engine form of this row."""
        return deadlines.Rule(
            regime=self.regime,
            step=self.step,
            variant=self.variant,
            amount=self.amount,
            counting=deadlines.Counting(self.counting),
            basis=self.basis,
            status=deadlines.RuleStatus(self.status),
            trigger=self.trigger,
            note=self.note,
        )
