"""Forms of the prevention pages: parse input only; services decide and write."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from awasi.accounts.choices import OrgLevel
from awasi.accounts.models import Organisation
from awasi.elections.models import Election, Stage
from awasi.prevention.choices import (
    ActionStatus,
    AddresseeKind,
    AppealKind,
    Audience,
    DeliveryStatus,
    EmploymentKind,
    LegalReview,
    MeetingKind,
    NeutralitySource,
    RecommendationTo,
    Topic,
)
from awasi.regions.codes import subtree_q
from awasi.regions.models import Region

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
DATETIME = forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M")
DATETIME_FORMATS = ["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M", "%Y-%m-%dT%H:%M:%S"]


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """Several files from one input (photos); each is checked by the service."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault(
            "widget", MultipleFileInput(attrs={"accept": "image/*", "capture": "environment"})
        )
        super().__init__(*args, **kwargs)

    def clean(self, data: Any, initial: Any = None) -> list[Any]:
        single = super().clean
        if isinstance(data, list | tuple):
            return [single(d, initial) for d in data]
        return [single(data, initial)] if data else []


def regions_for(user: Any, *, max_level: str = "village") -> Any:
    """Regions in the user's area, down to ``max_level``."""
    levels = ["province", "regency", "district", "village"]
    allowed = levels[: levels.index(max_level) + 1]
    code = None if user.is_superuser else user.region_code
    return Region.objects.filter(subtree_q("code", code), level__in=allowed).order_by("code")


def organisations() -> Any:
    """Organisations that sign agreements and attend meetings (not village or TPS bodies)."""
    return Organisation.objects.exclude(level__in=[OrgLevel.VILLAGE, OrgLevel.TPS]).order_by(
        "agency", "code"
    )


class UserForm(forms.Form):
    """A form whose region and stage choices follow the signed-in user."""

    region_level = "district"

    def __init__(self, *args: Any, user: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.user = user
        if "region" in self.fields:
            self.fields["region"].queryset = regions_for(user, max_level=self.region_level)
        if "stage" in self.fields:
            stages = Stage.objects.select_related("election")
            field = self.fields["stage"]
            field.queryset = stages
            field.label_from_instance = lambda s: f"{s.election.name} — {s.name}"
            today = timezone.localdate()
            current = (
                stages.filter(starts_on__lte=today, ends_on__gte=today)
                .order_by("-starts_on")
                .first()
            )
            if current is not None and not self.is_bound:
                self.initial.setdefault("stage", current.pk)
        if "agreement" in self.fields:
            from awasi.prevention.models import Agreement

            self.fields["agreement"].queryset = Agreement.objects.visible_to(user)
        for name in (
            "owner",
            "invited",
            "attending",
            "party_1",
            "party_2",
            "party_3",
            "team_1",
            "team_2",
            "team_3",
        ):
            if name in self.fields:
                self.fields[name].queryset = organisations()


class AgreementForm(UserForm):
    region_level = "regency"
    number = forms.CharField(label=_("Number"), max_length=120, required=False)
    title = forms.CharField(label=_("Title"), max_length=300)
    scope = forms.CharField(label=_("Scope"), widget=forms.Textarea)
    region = forms.ModelChoiceField(label=_("Region"), queryset=Region.objects.none())
    starts_on = forms.DateField(label=_("Valid from"), widget=DATE)
    ends_on = forms.DateField(label=_("Valid until"), widget=DATE, required=False)
    party_1 = forms.ModelChoiceField(label=_("Party 1"), queryset=Organisation.objects.none())
    obligations_1 = forms.CharField(label=_("Obligations of party 1"), widget=forms.Textarea)
    party_2 = forms.ModelChoiceField(label=_("Party 2"), queryset=Organisation.objects.none())
    obligations_2 = forms.CharField(label=_("Obligations of party 2"), widget=forms.Textarea)
    party_3 = forms.ModelChoiceField(
        label=_("Party 3 (optional)"), queryset=Organisation.objects.none(), required=False
    )
    obligations_3 = forms.CharField(
        label=_("Obligations of party 3"), widget=forms.Textarea, required=False
    )


class SignForm(forms.Form):
    signed_on = forms.DateField(label=_("Signed on"), widget=DATE)
    document = forms.FileField(label=_("Signed document (PDF or image)"))
    version = forms.IntegerField(widget=forms.HiddenInput)


class TerminateForm(forms.Form):
    terminated_on = forms.DateField(label=_("Terminated on"), widget=DATE)
    reason = forms.CharField(label=_("Reason"), widget=forms.Textarea(attrs={"rows": 2}))
    version = forms.IntegerField(widget=forms.HiddenInput)


class MeetingForm(UserForm):
    region_level = "district"
    title = forms.CharField(label=_("Title"), max_length=300)
    kind = forms.ChoiceField(label=_("Kind"), choices=MeetingKind.choices)
    region = forms.ModelChoiceField(label=_("Region"), queryset=Region.objects.none())
    stage = forms.ModelChoiceField(
        label=_("Election stage"), queryset=Stage.objects.none(), required=False
    )
    held_at = forms.DateTimeField(
        label=_("Held at"), widget=DATETIME, input_formats=DATETIME_FORMATS
    )
    place = forms.CharField(label=_("Place"), max_length=300)
    invited = forms.ModelMultipleChoiceField(
        label=_("Invited"),
        queryset=Organisation.objects.none(),
        required=False,
        widget=forms.SelectMultiple(attrs={"size": 8}),
    )
    attending = forms.ModelMultipleChoiceField(
        label=_("Attending"),
        queryset=Organisation.objects.none(),
        required=False,
        widget=forms.SelectMultiple(attrs={"size": 8}),
    )
    agenda = forms.CharField(label=_("Agenda"), widget=forms.Textarea)
    minutes = forms.CharField(label=_("Minutes"), widget=forms.Textarea, required=False)
    decisions = forms.CharField(label=_("Decisions"), widget=forms.Textarea, required=False)


class ActionItemForm(UserForm):
    description = forms.CharField(label=_("Commitment"), widget=forms.Textarea(attrs={"rows": 3}))
    owner = forms.ModelChoiceField(
        label=_("Owner organisation"), queryset=Organisation.objects.none()
    )
    due_on = forms.DateField(label=_("Due on"), widget=DATE)


class ActionItemUpdateForm(forms.Form):
    status = forms.ChoiceField(label=_("Status"), choices=ActionStatus.choices)
    evidence = forms.CharField(
        label=_("Evidence of completion / note"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    evidence_file = forms.FileField(label=_("Evidence file (PDF or image)"), required=False)
    version = forms.IntegerField(widget=forms.HiddenInput)


class SocialisationForm(UserForm):
    region = forms.ModelChoiceField(label=_("Region"), queryset=Region.objects.none())
    stage = forms.ModelChoiceField(label=_("Election stage"), queryset=Stage.objects.none())
    agreement = forms.ModelChoiceField(
        label=_("Under agreement (optional)"), queryset=Organisation.objects.none(), required=False
    )
    held_on = forms.DateField(label=_("Held on"), widget=DATE)
    topic = forms.ChoiceField(label=_("Topic"), choices=Topic.choices)
    title = forms.CharField(label=_("Title"), max_length=300)
    audience = forms.ChoiceField(label=_("Audience"), choices=Audience.choices)
    participants = forms.IntegerField(label=_("Participants"), min_value=0)
    place = forms.CharField(label=_("Place"), max_length=300, required=False)
    notes = forms.CharField(label=_("Notes"), widget=forms.Textarea, required=False)


class PatrolForm(UserForm):
    region = forms.ModelChoiceField(label=_("Region"), queryset=Region.objects.none())
    stage = forms.ModelChoiceField(label=_("Election stage"), queryset=Stage.objects.none())
    agreement = forms.ModelChoiceField(
        label=_("Under agreement (optional)"), queryset=Organisation.objects.none(), required=False
    )
    area = forms.CharField(label=_("Area"), max_length=300)
    starts_at = forms.DateTimeField(
        label=_("From"), widget=DATETIME, input_formats=DATETIME_FORMATS
    )
    ends_at = forms.DateTimeField(label=_("Until"), widget=DATETIME, input_formats=DATETIME_FORMATS)
    team_1 = forms.ModelChoiceField(label=_("Team: agency 1"), queryset=Organisation.objects.none())
    personnel_1 = forms.IntegerField(label=_("Personnel"), min_value=1)
    team_2 = forms.ModelChoiceField(
        label=_("Team: agency 2"), queryset=Organisation.objects.none(), required=False
    )
    personnel_2 = forms.IntegerField(label=_("Personnel"), min_value=1, required=False)
    team_3 = forms.ModelChoiceField(
        label=_("Team: agency 3"), queryset=Organisation.objects.none(), required=False
    )
    personnel_3 = forms.IntegerField(label=_("Personnel"), min_value=1, required=False)
    findings = forms.CharField(label=_("What was found"), widget=forms.Textarea, required=False)

    def team(self) -> list[tuple[Any, int]]:
        data = self.cleaned_data
        return [
            (data[f"team_{i}"], data.get(f"personnel_{i}") or 0)
            for i in (1, 2, 3)
            if data.get(f"team_{i}")
        ]


class AppealForm(UserForm):
    region = forms.ModelChoiceField(label=_("Region"), queryset=Region.objects.none())
    stage = forms.ModelChoiceField(label=_("Election stage"), queryset=Stage.objects.none())
    agreement = forms.ModelChoiceField(
        label=_("Under agreement (optional)"), queryset=Organisation.objects.none(), required=False
    )
    kind = forms.ChoiceField(label=_("Kind"), choices=AppealKind.choices)
    number = forms.CharField(label=_("Letter number"), max_length=120)
    addressee_kind = forms.ChoiceField(label=_("Addressed to"), choices=AddresseeKind.choices)
    addressee = forms.CharField(label=_("Addressee"), max_length=300)
    subject = forms.CharField(label=_("Subject"), max_length=300)
    sent_on = forms.DateField(label=_("Sent on"), widget=DATE)


class DeliveryForm(forms.Form):
    status = forms.ChoiceField(
        label=_("Delivery"), choices=[c for c in DeliveryStatus.choices if c[0] != "pending"]
    )
    delivered_at = forms.DateTimeField(
        label=_("At"), widget=DATETIME, input_formats=DATETIME_FORMATS
    )
    received_by = forms.CharField(label=_("Received by"), max_length=200, required=False)


class SupervisionReportForm(UserForm):
    region_level = "village"
    stage = forms.ModelChoiceField(label=_("Election stage"), queryset=Stage.objects.none())
    region = forms.ModelChoiceField(label=_("Where (region)"), queryset=Region.objects.none())
    tps_number = forms.IntegerField(label=_("TPS number (optional)"), min_value=1, required=False)
    supervised_at = forms.DateTimeField(
        label=_("When"), widget=DATETIME, input_formats=DATETIME_FORMATS
    )
    activity = forms.CharField(label=_("What was supervised"), max_length=300)
    place = forms.CharField(label=_("Place"), max_length=300)
    result = forms.CharField(label=_("What was found"), widget=forms.Textarea)
    suspected_violation = forms.BooleanField(label=_("Suspected violation"), required=False)
    photos = MultipleFileField(label=_("Photos"), required=False)


class VersionForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput)


class DeclareForm(VersionForm):
    title = forms.CharField(label=_("Title of the finding"), max_length=300, required=False)
    reported_party = forms.CharField(label=_("Reported party"), max_length=300, required=False)


class NeutralityCaseForm(UserForm):
    region_level = "village"
    region = forms.ModelChoiceField(label=_("Region"), queryset=Region.objects.none())
    name = forms.CharField(label=_("Name"), max_length=200)
    position = forms.CharField(label=_("Position"), max_length=200, required=False)
    employer = forms.CharField(label=_("Employing agency"), max_length=200)
    employment = forms.ChoiceField(label=_("Employment"), choices=EmploymentKind.choices)
    source = forms.ChoiceField(label=_("Source"), choices=NeutralitySource.choices)
    source_reference = forms.CharField(label=_("Source reference"), max_length=200, required=False)
    occurred_on = forms.DateField(label=_("Occurred on"), widget=DATE)
    description = forms.CharField(label=_("What happened"), widget=forms.Textarea)


class RecommendationForm(forms.Form):
    to = forms.ChoiceField(label=_("Recommendation to"), choices=RecommendationTo.choices)
    number = forms.CharField(label=_("Recommendation number"), max_length=120)
    sent_on = forms.DateField(label=_("Sent on"), widget=DATE)
    version = forms.IntegerField(widget=forms.HiddenInput)


class FollowUpForm(forms.Form):
    acted_on = forms.DateField(label=_("Follow-up on"), widget=DATE)
    action_taken = forms.CharField(
        label=_("Follow-up taken"), widget=forms.Textarea(attrs={"rows": 2})
    )
    version = forms.IntegerField(widget=forms.HiddenInput)


class HonoraryCandidateForm(UserForm):
    region = forms.ModelChoiceField(label=_("Region"), queryset=Region.objects.none())
    election = forms.ModelChoiceField(label=_("Election"), queryset=Election.objects.all())
    name = forms.CharField(label=_("Name"), max_length=200)
    employer = forms.CharField(label=_("Employing agency"), max_length=200)
    employment = forms.ChoiceField(
        label=_("Employment"),
        choices=[c for c in EmploymentKind.choices if c[0] in ("honorary", "contract", "pppk")],
    )
    party = forms.CharField(label=_("Party"), max_length=120)
    office_sought = forms.CharField(label=_("Running for"), max_length=200)


class ReviewForm(forms.Form):
    review = forms.ChoiceField(
        label=_("Conclusion"), choices=[c for c in LegalReview.choices if c[0] != "pending"]
    )
    note = forms.CharField(label=_("Review note"), widget=forms.Textarea(attrs={"rows": 2}))


class ReportFilterForm(UserForm):
    region_level = "regency"
    region = forms.ModelChoiceField(
        label=_("Region"), queryset=Region.objects.none(), required=False
    )
    stage = forms.ModelChoiceField(
        label=_("Election stage"), queryset=Stage.objects.none(), required=False
    )
