"""Forms: shapes and required fields only; the services hold the rules."""

from __future__ import annotations

import uuid
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from awasi.cases.choices import (
    CaseOrigin,
    CaseStatus,
    FollowUpStatus,
    PartyRole,
    ReporterKind,
    ViolationType,
)
from awasi.core.errors import DomainError
from awasi.elections.choices import StageKind
from awasi.elections.models import Election
from awasi.regions.models import Region

DATE = forms.DateInput(attrs={"type": "date"})
DATETIME = forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M")


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """Several files in one input; content checks happen in the evidence service."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("widget", MultipleFileInput(attrs={"multiple": True}))
        super().__init__(*args, **kwargs)

    def clean(self, data: Any, initial: Any = None) -> Any:
        single = super().clean
        if isinstance(data, list | tuple):
            return [single(item, initial) for item in data]
        return [single(data, initial)] if data else []


def region_choices() -> list[tuple[str, str]]:
    """Regencies and their districts, labelled so a reporter can find their kecamatan."""
    rows = Region.objects.filter(level__in=["regency", "district"]).order_by("code")
    regencies: dict[str, str] = {}
    choices: list[tuple[str, str]] = [("", "---------")]
    for code, name, level in rows.values_list("code", "name", "level"):
        if level == "regency":
            regencies[code] = name
            choices.append((code, name))
        else:
            choices.append((code, f"{regencies.get(code[:5], '')} — {name}"))
    return choices


class RegionField(forms.ChoiceField):
    def clean(self, value: Any) -> Region:
        code = super().clean(value)
        region = Region.objects.filter(pk=code).first()
        if region is None:
            raise forms.ValidationError(_("Choose a region from the list."))
        return region


def apply_domain_error(form: forms.Form, error: DomainError) -> None:
    """Show a service's field errors next to the fields, the rest on top."""
    details = error.details if isinstance(error.details, dict) else {}
    placed = False
    for field, message in details.items():
        if field in form.fields:
            form.add_error(field, str(message))
            placed = True
    if not placed or not details:
        form.add_error(None, str(error.message))


class CaseFieldsForm(forms.Form):
    """What every report or finding carries (UU 7/2017 Pasal 454 ayat (4))."""

    election = forms.ModelChoiceField(Election.objects.all(), label=_("Election"))
    region = RegionField(label=_("Where it happened (regency / district)"))
    place = forms.CharField(label=_("Place (village, TPS, address)"), max_length=300)
    occurred_on = forms.DateField(label=_("Date of the event"), widget=DATE)
    reported_party = forms.CharField(label=_("Reported party (terlapor)"), max_length=200)
    title = forms.CharField(label=_("Short summary"), max_length=200)
    description = forms.CharField(label=_("What happened"), widget=forms.Textarea)
    witness_1 = forms.CharField(label=_("Witness 1 (name)"), max_length=200, required=False)
    witness_1_phone = forms.CharField(label=_("Witness 1 phone"), max_length=30, required=False)
    witness_2 = forms.CharField(label=_("Witness 2 (name)"), max_length=200, required=False)
    witness_2_phone = forms.CharField(label=_("Witness 2 phone"), max_length=30, required=False)
    files = MultipleFileField(label=_("Evidence (photos, video, recordings, PDF)"), required=False)
    intake_key = forms.CharField(widget=forms.HiddenInput, max_length=100)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["region"].choices = region_choices()
        if not self.is_bound:
            self.initial.setdefault("intake_key", uuid.uuid4().hex)
        elections = list(Election.objects.all()[:2])
        if len(elections) == 1:
            self.initial.setdefault("election", elections[0].pk)

    def witnesses(self) -> list[dict[str, str]]:
        data = self.cleaned_data
        return [
            {"name": data[f"witness_{i}"], "phone": data[f"witness_{i}_phone"]}
            for i in (1, 2)
            if data.get(f"witness_{i}")
        ]


class ReportForm(CaseFieldsForm):
    """The public report form; a tip (no identity) is the separate TipForm."""

    known_on = forms.DateField(label=_("Date you learned of it"), widget=DATE)
    reporter_kind = forms.ChoiceField(label=_("You report as"), choices=ReporterKind.choices)
    reporter_name = forms.CharField(label=_("Your full name"), max_length=200)
    reporter_address = forms.CharField(label=_("Your address"), max_length=300)
    reporter_nik = forms.CharField(label=_("NIK (16 digits, as on your KTP)"), max_length=20)
    reporter_phone = forms.CharField(label=_("Phone / WhatsApp"), max_length=30, required=False)
    reporter_email = forms.EmailField(label=_("Email"), required=False)

    field_order = [
        "election", "reporter_kind", "reporter_name", "reporter_address", "reporter_nik",
        "reporter_phone", "reporter_email", "reported_party", "region", "place", "occurred_on",
        "known_on", "title", "description",
    ]  # fmt: skip


class FindingForm(CaseFieldsForm):
    """A supervisor declares a finding from supervision."""

    discovered_on = forms.DateField(label=_("Date discovered"), widget=DATE)
    violation_type = forms.ChoiceField(
        label=_("Suspected type"), choices=[("", "---------"), *ViolationType.choices[:-1]],
        required=False,
    )  # fmt: skip


class TipForm(forms.Form):
    """Anonymous information: no identity asked."""

    election = forms.ModelChoiceField(Election.objects.all(), label=_("Election"))
    region = RegionField(label=_("Where (regency / district)"))
    place = forms.CharField(label=_("Place"), max_length=300, required=False)
    occurred_on = forms.DateField(label=_("Date"), widget=DATE, required=False)
    description = forms.CharField(label=_("What did you see?"), widget=forms.Textarea)
    contact = forms.CharField(
        label=_("Contact, if you want us to reach you (optional)"), max_length=200, required=False
    )
    intake_key = forms.CharField(widget=forms.HiddenInput, max_length=100)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["region"].choices = region_choices()
        if not self.is_bound:
            self.initial.setdefault("intake_key", uuid.uuid4().hex)


class StatusLookupForm(forms.Form):
    tracking_code = forms.CharField(label=_("Tracking code"), max_length=20)
    secret = forms.CharField(label=_("Secret"), max_length=60, widget=forms.PasswordInput)


class CaseFilterForm(forms.Form):
    q = forms.CharField(label=_("Search"), required=False)
    status = forms.ChoiceField(label=_("Status"), required=False)
    origin = forms.ChoiceField(label=_("Origin"), required=False)
    violation_type = forms.ChoiceField(label=_("Type"), required=False)
    region = forms.CharField(label=_("Region code"), required=False)
    election = forms.ModelChoiceField(Election.objects.all(), label=_("Election"), required=False)
    stage = forms.ChoiceField(
        label=_("Stage"), required=False, choices=[("", "---------"), *StageKind.choices]
    )
    deadline = forms.ChoiceField(
        label=_("Deadline"),
        required=False,
        choices=[("", "---------"), ("overdue", _("Overdue")), ("soon", _("Due within 48 h"))],
    )
    assignee = forms.ChoiceField(
        label=_("Assigned"),
        required=False,
        choices=[("", "---------"), ("me", _("To me")), ("none", _("Unassigned"))],
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["status"].choices = [("", "---------"), *CaseStatus.choices]
        self.fields["origin"].choices = [("", "---------"), *CaseOrigin.choices]
        self.fields["violation_type"].choices = [("", "---------"), *ViolationType.choices]


class ReasonsForm(forms.Form):
    reasons = forms.CharField(label=_("Reasons"), widget=forms.Textarea)
    version = forms.IntegerField(widget=forms.HiddenInput)


class RegisterForm(forms.Form):
    violation_type = forms.ChoiceField(
        label=_("Suspected type of violation"), choices=ViolationType.choices[:-1]
    )
    version = forms.IntegerField(widget=forms.HiddenInput)


class DecideForm(forms.Form):
    outcome = forms.ChoiceField(label=_("Outcome"), choices=ViolationType.choices)
    summary = forms.CharField(label=_("Decision and reasons"), widget=forms.Textarea)
    recipient_name = forms.CharField(label=_("Recipient (if forwarded)"), required=False)
    version = forms.IntegerField(widget=forms.HiddenInput)


class SummaryForm(forms.Form):
    summary = forms.CharField(label=_("Decision and reasons"), widget=forms.Textarea)
    version = forms.IntegerField(widget=forms.HiddenInput)


class VersionForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput)


class CommentForm(forms.Form):
    body = forms.CharField(label=_("Comment"), widget=forms.Textarea(attrs={"rows": 3}))


class EvidenceForm(forms.Form):
    file = forms.FileField(label=_("File"))
    description = forms.CharField(label=_("Description"), max_length=300, required=False)


class CorrectionForm(forms.Form):
    file = forms.FileField(label=_("Corrected file"))
    reason = forms.CharField(label=_("Reason for the correction"), max_length=300)


class ClarificationForm(forms.Form):
    party_role = forms.ChoiceField(label=_("Invited as"), choices=PartyRole.choices)
    person_name = forms.CharField(label=_("Name"), max_length=200)
    scheduled_at = forms.DateTimeField(label=_("Date and time"), widget=DATETIME)
    place = forms.CharField(label=_("Place"), max_length=200)


class MinutesForm(forms.Form):
    minutes = forms.CharField(label=_("Minutes (berita acara)"), widget=forms.Textarea)


class FollowUpForm(forms.Form):
    status = forms.ChoiceField(label=_("Recipient's follow-up"), choices=FollowUpStatus.choices[1:])
    note = forms.CharField(
        label=_("Note"), widget=forms.Textarea(attrs={"rows": 2}), required=False
    )


class MergeForm(forms.Form):
    into = forms.CharField(label=_("Number or tracking code of the case to keep"), max_length=80)
    version = forms.IntegerField(widget=forms.HiddenInput)
