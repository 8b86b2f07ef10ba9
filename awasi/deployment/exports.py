"""CSV, XLSX and printable PDF of a plan (police) and of aggregated coverage (Bawaslu)."""

from __future__ import annotations

from typing import Any

from django.http import Http404, HttpResponse
from django.utils.translation import gettext as _

from awasi.core.exports import csv_response, pdf_response, xlsx_response
from awasi.deployment import reports
from awasi.deployment.models import Plan, PlanUnit

TPS_HEADER = [
    "tps_code",
    "unit_code",
    "group_id",
    "group_police",
    "linmas",
    "village",
    "category",
    "guarded",
]


def _unit_header() -> list[str]:
    return [
        _("Polres"),
        _("TPS"),
        _("Groups"),
        _("Officers required"),
        _("Available"),
        _("Reinforcements"),
        _("Lent"),
        _("Shortfall"),
        _("Linmas"),
    ]


def _unit_rows(units: list[PlanUnit]) -> list[list[Any]]:
    return [
        [
            u.unit.name,
            u.tps,
            u.groups,
            u.required,
            u.available,
            u.reinforcements,
            u.lent,
            u.shortfall,
            u.linmas,
        ]
        for u in units
    ]


def export_plan(fmt: str, plan: Plan, units: list[PlanUnit]) -> HttpResponse:
    """The plan of the given Polres (all of them for Polda): CSV per TPS, XLSX, PDF."""
    polres_id = units[0].unit_id if len(units) == 1 else None
    name = f"rencana-pengamanan-{plan.pk}" + (f"-{units[0].unit.code}" if polres_id else "")
    if fmt == "csv":
        return csv_response(f"{name}.csv", TPS_HEADER, reports.assignment_rows(plan, polres_id))
    if fmt == "xlsx":
        transfers = [
            [t.source.name, t.target.name, t.officers, t.km]
            for t in plan.transfers.select_related("source", "target")
            if polres_id is None or t.target_id == polres_id
        ]
        return xlsx_response(
            f"{name}.xlsx",
            {
                _("Per Polres"): (_unit_header(), _unit_rows(units)),
                _("Per TPS"): (TPS_HEADER, reports.assignment_rows(plan, polres_id)),
                _("Reinforcements"): ([_("From"), _("To"), _("Officers"), "km"], transfers),
            },
        )
    if fmt == "pdf":
        return pdf_response(f"{name}.pdf", plan.title, _pdf_blocks(plan, units, polres_id))
    raise Http404


def _pdf_blocks(plan: Plan, units: list[PlanUnit], polres_id: int | None) -> list[tuple]:
    groups = list(reports.groups_of(plan, polres_id))
    stations = reports.stations_by_group(groups)
    rows = [
        [
            g.label,
            g.unit.name,
            g.village.name,
            g.get_category_display(),
            g.tps,
            ", ".join(code.rsplit(".", 1)[-1] for code in stations.get(g.pk, [])),
            g.police,
            g.linmas,
            _("yes") if g.is_covered else _("NOT GUARDED"),
        ]
        for g in groups
    ]
    return [
        (
            "p",
            _("Election: %(e)s · pattern set: %(p)s (%(s)s)")
            % {"e": plan.election.name, "p": plan.profile.label, "s": plan.profile.source},
        ),
        (
            "p",
            _(
                "Required %(r)s, available %(a)s, reinforcements %(b)s, shortfall %(f)s, "
                "lower bound %(l)s."
            )
            % {
                "r": plan.required,
                "a": plan.available,
                "b": plan.reinforcements,
                "f": plan.shortfall,
                "l": plan.lower_bound,
            },
        ),
        ("h", _("Per Polres")),
        ("table", _unit_header(), _unit_rows(units)),
        ("h", _("Guard groups")),
        (
            "table",
            [
                _("Group"),
                _("Unit"),
                _("Village"),
                _("Category"),
                _("TPS"),
                _("TPS no."),
                _("Officers"),
                _("Linmas"),
                _("Guarded"),
            ],
            rows,
        ),
    ]


def export_coverage(fmt: str, plan: Plan, area: str, rows: list[dict[str, Any]]) -> HttpResponse:
    """Aggregated coverage by district (no names, no assignment)."""
    header = [
        _("District code"),
        _("District"),
        _("TPS"),
        _("TPS guarded"),
        _("Officers"),
        _("Officers guarding"),
        _("Linmas"),
    ]
    data = [
        [r["code"], r["name"], r["tps"], r["guarded_tps"], r["officers"], r["guarded"], r["linmas"]]
        for r in rows
    ]
    name = f"cakupan-pengamanan-{plan.pk}-{area}"
    if fmt == "csv":
        return csv_response(f"{name}.csv", header, data)
    if fmt == "xlsx":
        return xlsx_response(f"{name}.xlsx", {_("Coverage"): (header, data)})
    return pdf_response(
        f"{name}.pdf",
        _("TPS security coverage") + f" · {plan.title}",
        [("p", plan.region.name), ("table", header, data)],
    )
