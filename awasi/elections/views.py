"""Election pages: the list, and one election's stage calendar and working-day calendar."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils import timezone

from awasi.elections.calendar import working_calendar
from awasi.elections.models import CalendarOverride, Election


@login_required
def election_list(request: HttpRequest) -> HttpResponse:
    """Every election with its regime and voting day."""
    return render(request, "elections/list.html", {"elections": Election.objects.all()})


@login_required
def election_detail(request: HttpRequest, slug: str) -> HttpResponse:
    """Stages on a timeline and the closed days of the voting year."""
    election = get_object_or_404(Election, slug=slug)
    stages = list(election.stages.all())
    today = timezone.localdate()
    calendar = working_calendar(getattr(request, "region_code", None))
    year = election.voting_on.year
    closed = sorted(
        (d, n) for d, n in calendar.names.items() if d.year == year and d in calendar.holidays
    )
    span_start = min((s.starts_on for s in stages), default=election.voting_on)
    span_end = max((s.ends_on for s in stages), default=election.voting_on)
    total = max((span_end - span_start).days, 1)
    bars = [
        {
            "stage": s,
            "left": 100 * (s.starts_on - span_start).days / total,
            "width": max(100 * ((s.ends_on - s.starts_on).days + 1) / total, 0.6),
            "current": s.starts_on <= today <= s.ends_on,
        }
        for s in stages
    ]
    return render(
        request,
        "elections/detail.html",
        {
            "election": election,
            "bars": bars,
            "closed": closed,
            "span": (span_start, span_end),
            "overrides": CalendarOverride.objects.filter(on__year=year),
            "today": today,
            "is_working_today": calendar.is_working_day(today),
        },
    )
