"""Exports: the filtered case list (CSV/XLSX) and a printable case summary (PDF).

Exports never carry reporter identity; the NIK only ever appears masked (``privacy.mask_nik``).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from django.db.models import QuerySet
from django.http import HttpResponse
from django.utils import timezone
from django.utils.translation import gettext as _

from awasi.cases.models import Case
from awasi.cases.privacy import mask_nik
from awasi.core import exports
from awasi.regions.timezones import abbreviation, zone_for


def list_header() -> list[str]:
    return [
        _("Number"), _("Tracking code"), _("Origin"), _("Status"), _("Type"), _("Region code"),
        _("Region"), _("Election"), _("Summary"), _("Reported party"), _("Date of the event"),
        _("Received"), _("Next deadline"), _("Reporter NIK (masked)"), _("Assigned to"),
        _("Synthetic"),
    ]  # fmt: skip


def list_rows(cases: Iterable[Case]) -> Iterator[list[Any]]:
    for case in cases:
        reporter = getattr(case, "reporter", None)
        yield [
            case.number, case.tracking_code, case.get_origin_display(), case.get_status_display(),
            case.get_violation_type_display(), case.region_id, case.region.name,
            case.election.name, case.title, case.reported_party, case.occurred_on,
            case.received_at, getattr(case, "next_due", None),
            mask_nik(reporter.nik) if reporter else "",
            case.assignee.get_username() if case.assignee_id else "", case.is_synthetic,
        ]  # fmt: skip


def case_list_export(cases: QuerySet[Case], kind: str) -> HttpResponse:
    """The filtered list as CSV or XLSX (streamed from the database in chunks)."""
    rows = list_rows(cases.select_related("reporter").iterator(chunk_size=2000))
    stamp = timezone.localtime().strftime("%Y%m%d-%H%M")
    if kind == "csv":
        return exports.csv_response(f"awasi-cases-{stamp}.csv", list_header(), rows)
    return exports.xlsx_response(f"awasi-cases-{stamp}.xlsx", {_("Cases"): (list_header(), rows)})


def case_summary_pdf(case: Case) -> HttpResponse:
    """The case summary officers print for the file: facts, deadlines, history, decisions."""
    zone = zone_for(case.region_id)
    tz = abbreviation(zone)

    def local(moment: Any) -> str:
        return f"{moment.astimezone(zone):%d-%m-%Y %H:%M} {tz}" if moment else "—"

    blocks: list[tuple[Any, ...]] = [
        ("h", f"{case.label} — {case.title}"),
        ("table", [_("Field"), _("Value")], [
            [_("Origin"), case.get_origin_display()],
            [_("Status"), case.get_status_display()],
            [_("Type"), case.get_violation_type_display() or "—"],
            [_("Election"), case.election.name],
            [_("Region"), f"{case.region.name} ({case.region_id})"],
            [_("Handling body"), str(case.organisation or "—")],
            [_("Reported party"), case.reported_party],
            [_("Place"), case.place],
            [_("Date of the event"), case.occurred_on.strftime("%d-%m-%Y")],
            [_("Received"), local(case.received_at)],
            [_("Registered"), local(case.registered_at)],
        ]),
        ("h", _("Description")),
        ("p", case.description),
        ("h", _("Deadlines")),
        ("table", [_("Step"), _("Due"), _("Stopped"), _("Status"), _("Basis")], [
            [d.step, local(d.due_at), local(d.stopped_at), d.get_status_display(), d.rule.basis]
            for d in case.deadlines.select_related("rule").order_by("due_at")
        ]),
        ("h", _("History")),
        ("table", [_("When"), _("Status"), _("Notice")], [
            [local(h.at), h.get_to_status_display(), h.public_note]
            for h in case.history.order_by("at", "id")
        ]),
        ("h", _("Decisions")),
        ("table", [_("When"), _("Outcome"), _("Decision")], [
            [local(d.decided_at), d.get_outcome_display(), d.summary]
            for d in case.decisions.order_by("decided_at")
        ]),
    ]  # fmt: skip
    if case.is_synthetic:
        blocks.insert(1, ("p", _("SYNTHETIC DEMO DATA")))
    return exports.pdf_response(f"awasi-{case.pk}.pdf", case.label, blocks)
