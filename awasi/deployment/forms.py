"""Forms for deployment planning."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from awasi.deployment.grouping import TravelRules
from awasi.deployment.models import PatternProfile
from awasi.elections.models import Election
from awasi.regions.models import Region


class PlanForm(forms.Form):
    """Start a plan: election, region, pattern set and the travel limit."""

    election = forms.ModelChoiceField(Election.objects.all(), label=_("Election"))
    region = forms.ModelChoiceField(
        Region.objects.filter(level__in=["province", "regency"]).order_by("code"),
        label=_("Region"),
        to_field_name="code",
    )
    profile = forms.ModelChoiceField(
        PatternProfile.objects.select_related("election"), label=_("Security pattern set")
    )
    max_travel_hours = forms.FloatField(
        label=_("Travel limit (hours) beyond which a TPS gets its own guards"),
        min_value=0.5,
        max_value=24,
        initial=TravelRules.max_travel_hours,
    )

    def clean(self) -> dict:  # type: ignore[type-arg]
        data = super().clean() or {}
        profile, election = data.get("profile"), data.get("election")
        if profile and election and profile.election_id != election.pk:
            raise forms.ValidationError(_("The pattern set belongs to another election."))
        return data


class PersonnelUploadForm(forms.Form):
    """PERSONNEL.csv (unit_code,available) or a roster (unit_code,name,rank,nrp) for an election."""

    election = forms.ModelChoiceField(Election.objects.all(), label=_("Election"))
    kind = forms.ChoiceField(
        label=_("File"),
        choices=[
            ("counts", _("Officers available per unit (unit_code,available)")),
            ("roster", _("Roster (unit_code,name,rank,nrp)")),
        ],
    )
    file = forms.FileField(label=_("CSV file"))

    def clean_file(self):  # type: ignore[no-untyped-def]
        upload = self.cleaned_data["file"]
        if upload.size > 5 * 1024 * 1024:
            raise forms.ValidationError(_("The file is larger than 5 MB."))
        try:
            return upload.read().decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise forms.ValidationError(_("The file is not UTF-8 text.")) from exc
