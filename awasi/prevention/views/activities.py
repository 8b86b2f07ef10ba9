"""Pages for prevention activities: socialisation, joint patrols, appeals and warning letters."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from awasi.elections.models import Stage
from awasi.prevention.access import access_appeal, access_patrol
from awasi.prevention.forms import AppealForm, DeliveryForm, PatrolForm, SocialisationForm
from awasi.prevention.models import Appeal, Patrol, Socialisation
from awasi.prevention.scopes import BAWASLU, BAWASLU_AND_POLICE, can_record_in
from awasi.prevention.services import activities as services
from awasi.prevention.views._helpers import form_page, picked, region_code_of, run_service


@login_required
def activity_list(request: HttpRequest) -> HttpResponse:
    """Socialisation sessions, patrols and letters the user may see."""
    user = request.user
    code = region_code_of(request)
    stage = request.GET.get("stage", "")

    def narrowed(queryset: Any) -> Any:
        queryset = picked(queryset, request)
        return queryset.filter(stage_id=stage) if stage.isdigit() else queryset

    return render(
        request,
        "prevention/activity_list.html",
        {
            "socialisations": narrowed(Socialisation.objects.visible_to(user)).select_related(
                "region", "stage"
            )[:100],
            "patrols": narrowed(Patrol.objects.visible_to(user))
            .select_related("region")
            .prefetch_related("team__organisation")[:100],
            "appeals": narrowed(Appeal.objects.visible_to(user)).select_related("region")[:100],
            "stages": Stage.objects.select_related("election"),
            "stage": stage,
            "can_bawaslu": can_record_in(user, code, agencies=BAWASLU),
            "can_patrol": can_record_in(user, code, agencies=BAWASLU_AND_POLICE),
        },
    )


@login_required
def socialisation_create(request: HttpRequest) -> HttpResponse:
    """Record a socialisation session."""
    form = SocialisationForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        if run_service(
            request,
            form,
            lambda: services.record_socialisation(actor=request.user, **form.cleaned_data),
            success=_("Socialisation recorded."),
        ):
            return redirect("prevention:activities")
    return form_page(request, form, title=_("New socialisation"), back="prevention:activities")


@login_required
def patrol_create(request: HttpRequest) -> HttpResponse:
    """Record a joint patrol, its team from each agency and what it found."""
    form = PatrolForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        patrol = run_service(
            request,
            form,
            lambda: services.record_patrol(
                actor=request.user,
                region=d["region"],
                stage=d["stage"],
                area=d["area"],
                starts_at=d["starts_at"],
                ends_at=d["ends_at"],
                team=form.team(),
                findings=d["findings"],
                agreement=d["agreement"],
            ),
            success=_("Patrol recorded."),
        )
        if patrol:
            return redirect("prevention:patrol", pk=patrol.pk)
    return form_page(request, form, title=_("New joint patrol"), back="prevention:activities")


@login_required
def patrol_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """A patrol with its team."""
    patrol = access_patrol(request.user, pk)
    return render(
        request,
        "prevention/patrol_detail.html",
        {
            "patrol": patrol,
            "team": patrol.team.select_related("organisation"),
        },
    )


@login_required
def appeal_create(request: HttpRequest) -> HttpResponse:
    """Record an appeal or warning letter."""
    form = AppealForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        appeal = run_service(
            request,
            form,
            lambda: services.record_appeal(actor=request.user, **form.cleaned_data),
            success=_("Letter recorded."),
        )
        if appeal:
            return redirect("prevention:appeal", pk=appeal.pk)
    return form_page(
        request, form, title=_("New appeal or warning letter"), back="prevention:activities"
    )


@login_required
def appeal_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """A letter and its delivery; Bawaslu of the region records the delivery."""
    appeal = access_appeal(request.user, pk)
    form = DeliveryForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if run_service(
            request,
            form,
            lambda: services.record_appeal_delivery(
                actor=request.user, appeal=appeal, **form.cleaned_data
            ),
            success=_("Delivery recorded."),
        ):
            return redirect("prevention:appeal", pk=appeal.pk)
    return render(
        request,
        "prevention/appeal_detail.html",
        {
            "appeal": appeal,
            "form": form,
            "can_record": can_record_in(request.user, appeal.region_id, agencies=BAWASLU),
        },
        status=400 if form.errors else 200,
    )
