"""Where a joint file goes: the police unit by jurisdiction, and the Pasal 484 hard date."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.utils.translation import gettext as _

from awasi.accounts.models import Organisation
from awasi.core.errors import DomainError
from awasi.elections.choices import LegalRegime, StageKind
from awasi.gakkumdu.chain import pasal_484_hard_date
from awasi.regions.selectors import police_units_for_villages, polres_of


def police_for(unit: Any, region: Any) -> Organisation:
    """The Polres whose jurisdiction covers ``region`` (not the regency map), else the unit's.

    Kec. Pangkalan Baru of Bangka Tengah is covered by Polresta Pangkalpinang (babel.md §9.2):
    a crime there goes to Polresta Pangkalpinang even though Bawaslu Bangka Tengah handles it.
    """
    if unit.level == "province":
        return unit.police
    police_unit = police_units_for_villages([region.code]).get(region.code)
    polres = polres_of(police_unit) if police_unit is not None else None
    if polres is not None:
        org = Organisation.objects.filter(police_unit=polres).order_by("id").first()
        if org is not None:
            return org
    return unit.police


def hard_date_for(election: Any) -> date | None:
    """UU 7/2017 Pasal 484 ayat (1): 5 days before KPU determines the national result.

    Taken from the election's stage calendar (stage ``result``). Pasal 484 is Pemilu law; for a
    Pilkada no hard date is set. A Pemilu calendar without a result stage is refused.
    """
    if election.regime != LegalRegime.PEMILU:
        return None
    stage = election.stages.filter(kind=StageKind.RESULT).first()
    if stage is None:
        raise DomainError(
            _("The election calendar has no result stage; Pasal 484's date cannot be set."),
            code="no_result_stage",
        )
    return pasal_484_hard_date(stage.starts_on)
