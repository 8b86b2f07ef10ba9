"""Sign-in, sign-out and two-step (TOTP) enrolment."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django_otp import login as otp_login
from django_otp.plugins.otp_totp.models import TOTPDevice

from awasi.accounts.forms import LoginForm, TotpConfirmForm
from awasi.core.audit import record


class LoginView(auth_views.LoginView):
    """Password sign-in (locked out by django-axes after repeated failures), then TOTP if set."""

    form_class = LoginForm
    template_name = "accounts/login.html"
    redirect_authenticated_user = True

    def form_valid(self, form: LoginForm) -> HttpResponse:
        response = super().form_valid(form)
        if getattr(form, "otp_device", None) is not None:
            otp_login(self.request, form.otp_device)
        record(actor=self.request.user, action="accounts.login", target=self.request.user)
        return response


@login_required
def profile(request: HttpRequest) -> HttpResponse:
    """The user's account: organisation, role and two-step sign-in."""
    devices = TOTPDevice.objects.filter(user=request.user, confirmed=True)
    return render(request, "accounts/profile.html", {"devices": devices})


@login_required
@transaction.atomic
def totp_setup(request: HttpRequest) -> HttpResponse:
    """Enrol an authenticator app: show the secret, confirm with the first code."""
    device, _created = TOTPDevice.objects.get_or_create(
        user=request.user, confirmed=False, defaults={"name": "authenticator"}
    )
    form = TotpConfirmForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if device.verify_token(form.cleaned_data["token"].strip()):
            device.confirmed = True
            device.save(update_fields=["confirmed"])
            record(actor=request.user, action="accounts.totp_enabled", target=request.user)
            messages.success(request, _("Two-step sign-in is on."))
            return redirect("accounts:profile")
        form.add_error("token", _("That code is not valid. Check the time on your phone."))
    secret = device.bin_key.hex()
    import base64

    b32 = base64.b32encode(device.bin_key).decode()
    return render(
        request,
        "accounts/totp_setup.html",
        {"form": form, "config_url": device.config_url, "secret": b32, "hex": secret},
    )
