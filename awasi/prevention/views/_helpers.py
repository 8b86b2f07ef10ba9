"""What every prevention page shares: sign-in, calling a service and showing its refusal."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django import forms
from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from awasi.core.errors import DomainError
from awasi.regions.codes import subtree_q


def run_service(
    request: HttpRequest, form: forms.Form, call: Callable[[], Any], *, success: str
) -> Any:
    """Call a service; on refusal put its message on the form and return None (nothing saved)."""
    try:
        result = call()
    except DomainError as err:
        form.add_error(None, str(err.message))
        return None
    messages.success(request, success)
    return result


def form_page(
    request: HttpRequest,
    form: forms.Form,
    *,
    title: str,
    back: str,
    status: int | None = None,
    multipart: bool = False,
) -> HttpResponse:
    """The generic page for a form: title, errors, fields, a submit and a back link."""
    code = status or (400 if form.is_bound else 200)
    return render(
        request,
        "prevention/form.html",
        {
            "form": form,
            "title": title,
            "back": back,
            "multipart": multipart,
        },
        status=code,
    )


def picked(queryset: Any, request: HttpRequest, path: str = "region_id") -> Any:
    """Narrow a list to the region chosen in the top bar (already within the user's area)."""
    code = getattr(request, "region_code", None)
    return queryset.filter(subtree_q(path, code)) if code else queryset


def region_code_of(request: HttpRequest) -> str:
    """The region picked in the top bar, else the user's own area, else the province."""
    return getattr(request, "region_code", None) or request.user.region_code or "19"
