"""Data entry pages: the supervisor's observation form (phone, poor signal) and the file import."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from awasi.accounts.scoping import region_q
from awasi.core.errors import DomainError
from awasi.regions.models import PollingStation
from awasi.risk import selectors, services
from awasi.risk.forms import ImportForm, ObservationForm, TpsPickForm
from awasi.risk.models import Observation
from awasi.risk.views import _election


def _recorder(request: HttpRequest) -> None:
    if not selectors.can_record(request.user):
        raise PermissionDenied(_("Only Bawaslu supervisors record observations."))


@login_required
def observe(request: HttpRequest) -> HttpResponse:
    """Pick a TPS, then answer its checklist; the browser keeps a draft until it is sent."""
    _recorder(request)
    election = _election(request)
    code = (request.GET.get("tps") or request.POST.get("tps") or "").strip()
    station = (
        PollingStation.objects.filter(election=election, code=code)
        .filter(region_q(request.user, "village_id"))
        .select_related("village")
        .first()
        if code
        else None
    )
    if station is None:
        if code:
            messages.error(request, _("No TPS with that code in your area."))
        return render(
            request,
            "risk/observe_pick.html",
            {"form": TpsPickForm(initial={"tps": code}), "election": election},
        )
    catalogue = services.tps_catalogue(election).parsed()
    form = ObservationForm(request.POST or None, catalogue=catalogue, initial=_current(station))
    if request.method == "POST" and form.is_valid():
        try:
            saved = services.record_observations(
                actor=request.user,
                station=station,
                values=form.values(),
                observed_on=form.cleaned_data["observed_on"],
                note=form.cleaned_data["note"],
                key=form.cleaned_data["key"],
            )
        except DomainError as error:
            form.add_error(None, str(error.message))
        else:
            messages.success(
                request, _("Saved %(n)d answers for %(tps)s.") % {"n": saved, "tps": station.code}
            )
            return redirect(f"{request.path}?election={election.slug}&tps={station.code}&sent=1")
    return render(
        request,
        "risk/observe.html",
        {
            "form": form,
            "station": station,
            "election": election,
            "sent": request.GET.get("sent") == "1",
        },
    )


def _current(station: PollingStation) -> dict[str, str]:
    """Answers already on file from the field form, so a supervisor edits rather than retypes."""
    rows = Observation.objects.filter(polling_station=station, source="field")
    return {f"i_{code}": str(int(value)) for code, value in rows.values_list("indicator", "value")}


@login_required
def import_observations(request: HttpRequest) -> HttpResponse:
    """Upload a CSV/XLSX file; all rows are saved or none, with a row-level report."""
    _recorder(request)
    election = _election(request)
    form = ImportForm(request.POST or None, request.FILES or None)
    report = None
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            result = services.import_observations(
                actor=request.user,
                election=election,
                content=upload.read(),
                filename=upload.name,
            )
        except DomainError as error:
            form.add_error("file", str(error.message))
        else:
            if result.ok:
                messages.success(
                    request, _("%(n)d values imported.") % {"n": len(result.observations)}
                )
                return redirect(f"{request.path}?election={election.slug}")
            report = [(e.row, e.column, e.text(_)) for e in result.errors]
    return render(
        request, "risk/import.html", {"form": form, "report": report, "election": election}
    )
