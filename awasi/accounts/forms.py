"""Sign-in with optional TOTP, and TOTP enrolment."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib.auth.forms import AuthenticationForm
from django.utils.translation import gettext_lazy as _
from django_otp import devices_for_user


class LoginForm(AuthenticationForm):
    """Username and password; a 6-digit code too when the account has TOTP enabled."""

    otp_token = forms.CharField(
        label=_("Authenticator code"),
        required=False,
        max_length=8,
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric"}),
        help_text=_("Only if you turned on two-step sign-in."),
    )

    def confirm_login_allowed(self, user: Any) -> None:
        super().confirm_login_allowed(user)
        devices = [d for d in devices_for_user(user, confirmed=True)]
        if not devices:
            self.otp_device = None
            return
        token = (self.cleaned_data.get("otp_token") or "").strip()
        for device in devices:
            if token and device.verify_token(token):
                self.otp_device = device
                return
        raise forms.ValidationError(
            _("Enter the current code from your authenticator app."), code="otp_required"
        )


class TotpConfirmForm(forms.Form):
    """The first code from the authenticator, proving the secret was stored."""

    token = forms.CharField(label=_("Code from the app"), max_length=8)
