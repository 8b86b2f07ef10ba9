"""Forms of the Gakkumdu pages (they parse input; services decide)."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from awasi.gakkumdu.choices import (
    CourtInstance,
    DocumentKind,
    FileEventKind,
    VerdictOutcome,
    WitnessKind,
)

LOCAL_INPUT = "%Y-%m-%dT%H:%M:%S"
# Browsers send seconds only when the field has them; both forms are read.
INPUT_FORMATS = [LOCAL_INPUT, "%Y-%m-%dT%H:%M"]


class LocalDateTimeInput(forms.DateTimeInput):
    input_type = "datetime-local"

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("attrs", {"step": "1"})
        super().__init__(format=LOCAL_INPUT, **kwargs)


def _now_local() -> str:
    return timezone.localtime().strftime(LOCAL_INPUT)


class StepForm(forms.Form):
    """One step of the chain, as the acting agency records it."""

    event = forms.ChoiceField(label=_("Step"))
    occurred_at = forms.DateTimeField(
        label=_("Happened at"), widget=LocalDateTimeInput(), input_formats=INPUT_FORMATS
    )
    note = forms.CharField(
        label=_("Note / reason"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    backdating_reason = forms.CharField(
        label=_("Reason for recording late"),
        required=False,
        help_text=_("Required when the step happened more than an hour ago."),
    )
    court_case_number = forms.CharField(label=_("District court case number"), required=False)
    appeal_case_number = forms.CharField(label=_("High court case number"), required=False)
    outcome = forms.ChoiceField(label=_("Outcome"), choices=VerdictOutcome.choices, required=False)
    version = forms.IntegerField(widget=forms.HiddenInput())

    def __init__(self, *args: Any, events: tuple[str, ...] = (), **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        labels = dict(FileEventKind.choices)
        self.fields["event"].choices = [(e, labels[e]) for e in events]
        self.fields["occurred_at"].initial = _now_local()


class DiscussionForm(forms.Form):
    """A Gakkumdu discussion with each agency's attendance and view."""

    prefix = "disc"

    number = forms.TypedChoiceField(
        label=_("Discussion"), coerce=int, choices=[(1, "1"), (2, "2"), (3, "3")]
    )
    held_at = forms.DateTimeField(
        label=_("Held at"), widget=LocalDateTimeInput(), input_formats=INPUT_FORMATS
    )
    place = forms.CharField(label=_("Place"), required=False)
    conclusion = forms.CharField(label=_("Conclusion"), widget=forms.Textarea(attrs={"rows": 2}))
    minutes = forms.CharField(
        label=_("Minutes (berita acara)"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    bawaslu_attendees = forms.CharField(label=_("Bawaslu attendees"), required=False)
    bawaslu_view = forms.CharField(label=_("Bawaslu view"), required=False)
    polri_attendees = forms.CharField(label=_("Police attendees"), required=False)
    polri_view = forms.CharField(label=_("Police view"), required=False)
    kejaksaan_attendees = forms.CharField(label=_("Prosecutor attendees"), required=False)
    kejaksaan_view = forms.CharField(label=_("Prosecutor view"), required=False)
    backdating_reason = forms.CharField(label=_("Reason for recording late"), required=False)
    version = forms.IntegerField(widget=forms.HiddenInput())

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["held_at"].initial = _now_local()

    def views(self) -> dict[str, tuple[str, str]]:
        data = self.cleaned_data
        return {
            agency: (data[f"{agency}_attendees"], data[f"{agency}_view"])
            for agency in ("bawaslu", "polri", "kejaksaan")
            if data[f"{agency}_attendees"] or data[f"{agency}_view"]
        }


class ClosureRequestForm(forms.Form):
    """A request for Bawaslu's approval (SP3 or stop of prosecution)."""

    prefix = "req"

    event = forms.ChoiceField(label=_("Request"))
    occurred_at = forms.DateTimeField(
        label=_("Effective at"), widget=LocalDateTimeInput(), input_formats=INPUT_FORMATS
    )
    reason = forms.CharField(label=_("Reason"), widget=forms.Textarea(attrs={"rows": 2}))
    backdating_reason = forms.CharField(label=_("Reason for recording late"), required=False)

    def __init__(self, *args: Any, events: tuple[str, ...] = (), **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        labels = dict(FileEventKind.choices)
        self.fields["event"].choices = [(e, labels[e]) for e in events]
        self.fields["occurred_at"].initial = _now_local()


class DecisionForm(forms.Form):
    prefix = "dec"

    approve = forms.TypedChoiceField(
        label=_("Decision"),
        coerce=lambda v: v == "1",
        choices=[("1", _("Approve")), ("0", _("Reject"))],
    )
    note = forms.CharField(label=_("Note"), required=False)
    version = forms.IntegerField(widget=forms.HiddenInput())


class OpenFileForm(forms.Form):
    """Open a joint file from a Bawaslu case."""

    unit = forms.ChoiceField(label=_("Gakkumdu unit"))
    region = forms.CharField(
        label=_("Place (region code)"),
        help_text=_("Village, district or regency code where the alleged crime happened."),
    )
    title = forms.CharField(label=_("Title"), max_length=200)
    summary = forms.CharField(
        label=_("Summary"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    alleged_articles = forms.CharField(label=_("Alleged articles"), required=False)
    counting_variant = forms.ChoiceField(
        label=_("Day counting (Pilkada only)"),
        required=False,
        choices=[
            ("", "—"),
            ("working_days", _("working days")),
            ("calendar_days", _("calendar days")),
        ],
    )
    affects_results = forms.BooleanField(
        label=_("Can change vote results (Pasal 484)"), required=False
    )

    def __init__(self, *args: Any, units: list[tuple[str, str]] = (), **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["unit"].choices = units


class SuspectForm(forms.Form):
    prefix = "sus"

    name = forms.CharField(label=_("Name"), max_length=200)
    description = forms.CharField(label=_("Occupation / role"), required=False)


class WitnessForm(forms.Form):
    prefix = "wit"

    name = forms.CharField(label=_("Name"), max_length=200)
    kind = forms.ChoiceField(label=_("Kind"), choices=WitnessKind.choices)
    examined_on = forms.DateField(
        label=_("Examined on"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )


class EvidenceForm(forms.Form):
    prefix = "evi"

    description = forms.CharField(label=_("Description"), max_length=300)
    quantity = forms.CharField(label=_("Quantity"), required=False)
    seized_on = forms.DateField(
        label=_("Seized on"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )


class SentenceForm(forms.Form):
    prefix = "sen"

    suspect = forms.TypedChoiceField(label=_("Defendant"), coerce=int)
    instance = forms.ChoiceField(label=_("Court"), choices=CourtInstance.choices)
    outcome = forms.ChoiceField(label=_("Outcome"), choices=VerdictOutcome.choices[1:])
    read_on = forms.DateField(label=_("Read on"), widget=forms.DateInput(attrs={"type": "date"}))
    prison_months = forms.IntegerField(label=_("Prison (months)"), min_value=0, initial=0)
    probation_months = forms.IntegerField(label=_("Probation (months)"), min_value=0, initial=0)
    fine_rupiah = forms.IntegerField(label=_("Fine (Rp)"), min_value=0, initial=0)

    def __init__(self, *args: Any, suspects: list[tuple[int, str]] = (), **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["suspect"].choices = suspects


class DocumentForm(forms.Form):
    prefix = "doc"

    kind = forms.ChoiceField(label=_("Kind"), choices=DocumentKind.choices)
    title = forms.CharField(label=_("Title"), max_length=200)
    letter_number = forms.CharField(label=_("Letter number"), required=False)
    dated_on = forms.DateField(label=_("Dated"), widget=forms.DateInput(attrs={"type": "date"}))
    to_agency = forms.ChoiceField(
        label=_("To"),
        required=False,
        choices=[("", "—"), ("bawaslu", "Bawaslu"), ("polri", "Polri"), ("kejaksaan", "Kejaksaan")],
    )
    content = forms.FileField(label=_("File (PDF, JPEG, PNG, DOCX; max 20 MB)"))
