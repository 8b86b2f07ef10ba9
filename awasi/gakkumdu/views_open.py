"""Opening a joint file from a Bawaslu case (the referral to Sentra Gakkumdu)."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from awasi.accounts.scoping import region_q
from awasi.core.errors import DomainError
from awasi.gakkumdu import services
from awasi.gakkumdu.forms import OpenFileForm
from awasi.gakkumdu.models import GakkumduUnit
from awasi.regions.models import Region


@login_required
def open_file(request: HttpRequest, case_pk: int) -> HttpResponse:
    """Refer a case to the Gakkumdu of the user's area: open its joint file."""
    from awasi.cases.access import access_case

    case = access_case(request.user, case_pk, for_change=True)
    existing = getattr(case, "gakkumdu_file", None)
    if existing is not None:
        return redirect("gakkumdu:file", pk=existing.pk)
    units = GakkumduUnit.objects.filter(region_q(request.user, "region__code")).order_by(
        "-level", "code"
    )
    choices = [(u.code, u.name) for u in units]
    initial = {"region": case.region_id, "title": str(getattr(case, "title", "") or case)[:200]}
    form = OpenFileForm(request.POST or None, units=choices, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        region = Region.objects.filter(code=data["region"].strip()).first()
        if region is None:
            form.add_error("region", _("Unknown region code."))
        else:
            try:
                file = services.open_joint_file(
                    unit=units.get(code=data["unit"]),
                    election=case.election,
                    region=region,
                    case=case,
                    title=data["title"],
                    summary=data["summary"],
                    alleged_articles=data["alleged_articles"],
                    affects_results=data["affects_results"],
                    counting_variant=data["counting_variant"],
                    actor=request.user,
                )
            except DomainError as error:
                messages.error(request, str(error.message))
            else:
                messages.success(request, _("Joint file opened."))
                return redirect("gakkumdu:file", pk=file.pk)
    return render(request, "gakkumdu/open_file.html", {"form": form, "case": case})
