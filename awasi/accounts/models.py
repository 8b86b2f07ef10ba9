"""Organisations bound to a region subtree, and users who belong to one with a role."""

from __future__ import annotations

from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils.translation import gettext_lazy as _

from awasi.accounts.choices import AGENCY_OF_KIND, Agency, OrgKind, OrgLevel, Role


class Organisation(models.Model):
    """A Bawaslu body, police unit, prosecution office, KPU or other agency, with its area."""

    code = models.SlugField(_("code"), max_length=60, unique=True)
    name = models.CharField(_("name"), max_length=200)
    kind = models.CharField(_("kind"), max_length=30, choices=OrgKind.choices)
    agency = models.CharField(_("agency"), max_length=20, choices=Agency.choices, editable=False)
    level = models.CharField(_("level"), max_length=10, choices=OrgLevel.choices)
    region = models.ForeignKey(
        "regions.Region",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("area"),
        help_text=_("Empty for a national body."),
    )
    parent = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
        verbose_name=_("parent"),
    )
    police_unit = models.ForeignKey(
        "regions.PoliceUnit",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("police unit"),
    )
    email = models.EmailField(_("email"), blank=True)

    class Meta:
        ordering = ["code"]
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")

    def __str__(self) -> str:
        return self.name

    def save(self, *args, **kwargs):  # type: ignore[no-untyped-def]
        self.agency = AGENCY_OF_KIND[self.kind]
        super().save(*args, **kwargs)

    @property
    def region_code(self) -> str | None:
        return self.region_id


class User(AbstractUser):
    """A person who signs in; what they see follows their organisation's area and agency."""

    organisation = models.ForeignKey(
        Organisation,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="members",
        verbose_name=_("organisation"),
    )
    role = models.CharField(_("role"), max_length=20, choices=Role.choices, blank=True)
    phone = models.CharField(_("phone"), max_length=30, blank=True)

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")

    @property
    def agency(self) -> str | None:
        return self.organisation.agency if self.organisation_id else None

    @property
    def region_code(self) -> str | None:
        """The root of the user's area; None means national (or no organisation)."""
        return self.organisation.region_id if self.organisation_id else None

    @property
    def has_role(self) -> bool:
        return bool(self.role and self.organisation_id) or self.is_superuser
