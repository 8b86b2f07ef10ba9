"""Use cases that change deployment-planning state; each writes its audit in its transaction."""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

import numpy as np
from django.db import transaction

from awasi.core.audit import record
from awasi.core.errors import DomainError
from awasi.deployment import csvio, planner
from awasi.deployment.grouping import TravelRules
from awasi.deployment.models import (
    GuardAssignment,
    GuardGroup,
    PatternProfile,
    PatternRule,
    Personnel,
    Plan,
    PlanStation,
    PlanUnit,
    Reinforcement,
    RosterMember,
)
from awasi.deployment.patterns import CATEGORIES
from awasi.deployment.presets import Preset
from awasi.deployment.report import by_category
from awasi.deployment.selectors import (
    PlanningInputs,
    default_profile,
    pattern_set_for,
    planning_inputs,
)
from awasi.regions.models import PoliceUnit, Region


@transaction.atomic
def create_plan(
    *,
    actor: Any,
    election: Any,
    region_code: str,
    profile: PatternProfile | None = None,
    title: str = "",
    travel: TravelRules | None = None,
    is_synthetic: bool = False,
) -> Plan:
    """Plan the guards for the TPS of ``election`` under ``region_code`` and save the plan."""
    profile = profile or default_profile(election)
    if profile is None or profile.election_id != election.pk:
        raise DomainError("No security pattern set for this election.", code="no_pattern")
    region = Region.objects.filter(pk=region_code).first()
    if region is None:
        raise DomainError("Unknown region.", code="unknown_region")
    inputs = planning_inputs(election=election, region_code=region_code)
    patterns = pattern_set_for(profile)
    options = planner.PlanOptions(travel=travel or TravelRules())
    result = planner.plan(inputs.tps, inputs.units, patterns, options)
    matrix = patterns.matrix(inputs.units.codes, inputs.units.parent)
    plan = Plan.objects.create(
        election=election,
        region=region,
        profile=profile,
        title=title or f"{profile.label} · {region.name}",
        category_source=inputs.categories.source,
        options={
            "travel": asdict(options.travel),
            "defaulted": inputs.categories.defaulted,
            "categories": by_category(result),
        },
        required=result.required,
        available=result.available,
        reinforcement_pool=result.pool,
        reinforcements=result.reinforcements,
        shortfall=result.shortfall,
        lower_bound=result.lower_bound,
        tps=len(inputs.tps),
        linmas=int(result.groups.linmas.sum()),
        created_by=actor,
        is_synthetic=is_synthetic,
    )
    _save_units(plan, result, inputs)
    groups = _save_groups(plan, result, inputs)
    _save_stations(plan, result, inputs, groups, matrix[inputs.tps.unit, inputs.tps.category, 2])
    _save_transfers(plan, result, inputs)
    _assign_roster(plan, groups, result, inputs)
    record(
        actor=actor,
        action="deployment.plan_created",
        target=plan,
        after={
            "required": plan.required,
            "available": plan.available,
            "shortfall": plan.shortfall,
            "reinforcements": plan.reinforcements,
            "lower_bound": plan.lower_bound,
            "tps": plan.tps,
        },
        data={
            "election": election.slug,
            "region": region_code,
            "profile": profile.slug,
            "categories": plan.category_source,
        },
    )
    return plan


def _save_units(plan: Plan, result: planner.Plan, inputs: PlanningInputs) -> None:
    per_cat = np.zeros((len(inputs.units), len(CATEGORIES)), dtype=np.int64)
    g = result.groups
    np.add.at(per_cat, (result.plan_unit[g.unit], g.category), g.n_tps)
    guarded = np.bincount(
        result.plan_unit[g.unit], weights=g.police * result.covered, minlength=len(inputs.units)
    )
    PlanUnit.objects.bulk_create(
        [
            PlanUnit(
                plan=plan,
                unit=inputs.unit_objects[row.unit],
                groups=row.groups,
                tps=row.tps,
                required=row.required,
                guarded=int(guarded[row.unit]),
                linmas=row.linmas,
                available=row.available,
                own_used=row.own_used,
                reinforcements=row.reinforcements,
                lent=row.lent,
                shortfall=row.shortfall,
                tps_by_category={c: int(per_cat[row.unit, i]) for i, c in enumerate(CATEGORIES)},
            )
            for row in result.units
        ]
    )


def _save_groups(plan: Plan, result: planner.Plan, inputs: PlanningInputs) -> list[GuardGroup]:
    g = result.groups
    first = np.full(len(g), -1, dtype=np.int64)
    first[g.tps_group[::-1]] = np.arange(len(inputs.tps))[::-1]
    objs = inputs.unit_objects
    return GuardGroup.objects.bulk_create(
        [
            GuardGroup(
                plan=plan,
                number=i + 1,
                unit=objs[int(g.unit[i])],
                polres=objs[int(result.plan_unit[g.unit[i]])],
                village_id=inputs.village_codes[int(first[i])],
                category=CATEGORIES[int(g.category[i])],
                police=int(g.police[i]),
                tps=int(g.n_tps[i]),
                linmas=int(g.linmas[i]),
                is_isolated=bool(g.isolated[i]),
                is_covered=bool(result.covered[i]),
                latitude=None if np.isnan(g.latitude[i]) else round(float(g.latitude[i]), 5),
                longitude=None if np.isnan(g.longitude[i]) else round(float(g.longitude[i]), 5),
            )
            for i in range(len(g))
        ],
        batch_size=2000,
    )


def _save_stations(plan, result, inputs, groups, linmas) -> None:  # type: ignore[no-untyped-def]
    PlanStation.objects.bulk_create(
        [
            PlanStation(
                plan=plan,
                group=groups[int(result.groups.tps_group[i])],
                station_id=pk,
                category=CATEGORIES[int(inputs.tps.category[i])],
                linmas=int(linmas[i]),
            )
            for i, pk in enumerate(inputs.station_pks)
        ],
        batch_size=2000,
    )


def _save_transfers(plan: Plan, result: planner.Plan, inputs: PlanningInputs) -> None:
    objs = inputs.unit_objects
    Reinforcement.objects.bulk_create(
        [
            Reinforcement(
                plan=plan,
                source=objs[f.source],
                target=objs[f.target],
                officers=f.officers,
                km=round(f.km, 1),
            )
            for f in result.flows
        ]
    )


def _assign_roster(plan, groups, result, inputs) -> None:  # type: ignore[no-untyped-def]
    """Name the guards of covered groups from the rosters of the group's unit, then of its Polres.

    Reinforcements (BKO) stay unnamed: Polda names them when it issues the transfer order.
    """
    members = list(
        RosterMember.objects.filter(election=plan.election, unit__in=inputs.unit_objects).order_by(
            "unit__code", "pk"
        )
    )
    if not members:
        return
    pools: dict[int, list[RosterMember]] = {}
    for m in members:
        pools.setdefault(m.unit_id, []).append(m)
    polres_pool: dict[int, list[RosterMember]] = {}
    for unit in inputs.unit_objects:
        top = (
            unit
            if unit.kind != "polsek"
            else next((u for u in inputs.unit_objects if u.pk == unit.parent_id), unit)
        )
        polres_pool.setdefault(top.pk, []).extend(pools.get(unit.pk, []))
    pools = {k: list(v) for k, v in pools.items()}
    used: set[int] = set()
    rows = []
    for group in groups:
        need = group.police if group.is_covered else 0
        for pool in (pools.get(group.unit_id, []), polres_pool.get(group.polres_id, [])):
            while need and pool:
                m = pool.pop(0)
                if m.pk not in used:
                    used.add(m.pk)
                    rows.append(GuardAssignment(group=group, member=m))
                    need -= 1
    GuardAssignment.objects.bulk_create(rows, batch_size=2000)


@transaction.atomic
def set_personnel(
    *,
    actor: Any,
    election: Any,
    counts: dict[str, int],
    source: str = "",
    is_synthetic: bool = False,
) -> int:
    """Store officers available per unit code for an election (replacing earlier counts)."""
    units = {u.code: u for u in PoliceUnit.objects.filter(code__in=counts)}
    unknown = sorted(set(counts) - set(units))
    if unknown:
        raise DomainError(
            f"Unknown police units: {', '.join(unknown)}",
            code="unknown_unit",
            details={"units": unknown},
        )
    for code, n in counts.items():
        Personnel.objects.update_or_create(
            election=election,
            unit=units[code],
            defaults={"available": n, "source": source, "is_synthetic": is_synthetic},
        )
    record(
        actor=actor,
        action="deployment.personnel_set",
        target=election,
        data={"counts": counts, "source": source},
    )
    return len(counts)


@transaction.atomic
def install_preset(
    *,
    actor: Any,
    election: Any,
    preset: Preset,
    overrides: dict[str, Preset] | None = None,
    is_default: bool = False,
) -> PatternProfile:
    """Create or refresh a pattern set from a preset, with per-Polres overrides from others."""
    if is_default:
        PatternProfile.objects.filter(election=election, is_default=True).exclude(
            slug=preset.slug
        ).update(is_default=False)
    profile, _ = PatternProfile.objects.update_or_create(
        election=election,
        slug=preset.slug,
        defaults={
            "label": preset.label,
            "source": preset.source,
            "note": preset.note,
            "is_default": is_default,
        },
    )
    profile.rules.all().delete()
    rules = [
        PatternRule(
            profile=profile,
            category=c,
            police_per_group=v[0],
            tps_per_group=v[1],
            linmas_per_tps=v[2],
            source=preset.source,
        )
        for c, v in preset.patterns.items()
    ]
    for unit_code, other in (overrides or {}).items():
        unit = PoliceUnit.objects.get(code=unit_code)
        rules += [
            PatternRule(
                profile=profile,
                unit=unit,
                category=c,
                police_per_group=v[0],
                tps_per_group=v[1],
                linmas_per_tps=v[2],
                source=other.source,
            )
            for c, v in other.patterns.items()
        ]
    PatternRule.objects.bulk_create(rules)
    record(
        actor=actor,
        action="deployment.patterns_installed",
        target=profile,
        data={
            "preset": preset.slug,
            "overrides": {k: v.slug for k, v in (overrides or {}).items()},
        },
    )
    return profile


@transaction.atomic
def import_personnel(*, actor: Any, election: Any, text: str) -> int:
    """Store PERSONNEL.csv (``unit_code,available``); any bad row refuses the whole file."""
    counts, errors = csvio.read_personnel(text)
    known = set(PoliceUnit.objects.filter(code__in=counts).values_list("code", flat=True))
    lines = csvio.line_numbers(text, "unit_code")
    errors += [
        csvio.RowError("PERSONNEL.csv", lines.get(c, 0), "unknown_unit", c)
        for c in counts
        if c not in known
    ]
    if errors:
        raise DomainError(
            "Invalid personnel file; nothing saved.",
            code="invalid_file",
            details=[asdict(e) for e in errors],
        )
    return set_personnel(
        actor=actor,
        election=election,
        counts=counts,
        source=f"upload by {getattr(actor, 'username', 'system')}",
    )


@transaction.atomic
def import_roster(*, actor: Any, election: Any, text: str) -> int:
    """Replace the rosters of the units named in a ``unit_code,name,rank,nrp`` file."""
    rows, errors = csvio.read_roster(text)
    units = {u.code: u for u in PoliceUnit.objects.filter(code__in={r[1] for r in rows})}
    lines = {r[1]: r[0] for r in rows}
    errors += [
        csvio.RowError("ROSTER.csv", lines[c], "unknown_unit", c)
        for c in sorted(set(lines) - set(units))
    ]
    if errors:
        raise DomainError(
            "Invalid roster file; nothing saved.",
            code="invalid_file",
            details=[asdict(e) for e in errors],
        )
    RosterMember.objects.filter(election=election, unit__in=units.values()).delete()
    RosterMember.objects.bulk_create(
        [
            RosterMember(election=election, unit=units[code], name=name, rank=rank, nrp=nrp)
            for _line, code, name, rank, nrp in rows
        ]
    )
    record(
        actor=actor,
        action="deployment.roster_imported",
        target=election,
        data={"units": sorted(units), "members": len(rows)},
    )
    return len(rows)
