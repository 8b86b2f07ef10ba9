"""Who sees which joint file (the one sanctioned way: ``JointFile.objects.visible_to(user)``)."""

from __future__ import annotations

from typing import Any

from django.db import models
from django.db.models import Q

from awasi.accounts.choices import Agency
from awasi.accounts.scoping import NOTHING, has_national_scope, region_q


def file_visibility_q(user: Any) -> Q:
    """Bawaslu: files in its area. Police and prosecutors: files referred to their Gakkumdu.

    A police or prosecution organisation sees a file when it is the file's own (the Polres by
    jurisdiction, the prosecution office) or sits in the file's Gakkumdu unit; a person seconded to
    a unit (``GakkumduMember``) sees that unit's files. Other agencies see nothing.
    """
    if not getattr(user, "is_authenticated", False) or not user.has_role:
        return NOTHING
    if has_national_scope(user):
        return Q()
    member_units = Q(unit__members__user=user, unit__members__is_active=True)
    if user.agency == Agency.BAWASLU:
        return region_q(user, "region__code") | region_q(user, "unit__region__code") | member_units
    org = user.organisation_id
    if user.agency == Agency.POLRI:
        return Q(police_id=org) | Q(unit__police_id=org) | member_units
    if user.agency == Agency.KEJAKSAAN:
        return Q(prosecutor_id=org) | Q(unit__prosecutor_id=org) | member_units
    return NOTHING


class JointFileQuerySet(models.QuerySet):
    def visible_to(self, user: Any) -> JointFileQuerySet:
        """Files ``user`` may see (see ``file_visibility_q``)."""
        condition = file_visibility_q(user)
        if condition == Q():
            return self.all()
        ids = self.model._default_manager.filter(condition).values("pk")
        return self.filter(pk__in=ids)
