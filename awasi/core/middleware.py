"""Region picker: the area a signed-in user is looking at, kept in the session."""

from __future__ import annotations

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse

SESSION_KEY = "awasi_region"


class RegionPickerMiddleware:
    """Sets `request.region_code`: the picked area, limited to the user's own subtree."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        from awasi.accounts.scoping import can_see_region

        user = request.user
        own = getattr(user, "region_code", None) if user.is_authenticated else None
        picked = request.session.get(SESSION_KEY) if user.is_authenticated else None
        if picked and not can_see_region(user, picked):
            picked = None
        request.region_code = picked or own  # type: ignore[attr-defined]
        return self.get_response(request)


class DefaultLanguageMiddleware:
    """Bahasa Indonesia unless the user chose another language (cookie set by the switcher).

    The browser's Accept-Language is ignored on purpose: many officers' phones are set to English
    while their paperwork and legal terms are Indonesian.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        from django.conf import settings
        from django.utils import translation

        chosen = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME, "")
        available = {code for code, _ in settings.LANGUAGES}
        language = chosen if chosen in available else settings.LANGUAGE_CODE
        translation.activate(language)
        request.LANGUAGE_CODE = language  # type: ignore[attr-defined]
        response = self.get_response(request)
        response.headers.setdefault("Content-Language", language)
        return response
