"""Forms: the supervisor's observation checklist (built from the catalogue) and the file import."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import gettext_noop

from awasi.risk.catalogue import Catalogue, Indicator

ANSWERS = [("", _("Not known")), ("1", _("Yes")), ("0", _("No"))]
#: Indicators filled in from the registry or the cases app, not asked on the form.
REGISTRY_ONLY = ("tps.special_location", "cases.region")


def field_indicators(catalogue: Catalogue) -> list[Indicator]:
    """Indicators a supervisor answers on the form (registry-only ones are derived)."""
    return [i for i in catalogue.indicators if i.derived_from not in REGISTRY_ONLY]


class TpsPickForm(forms.Form):
    tps = forms.CharField(
        label=_("TPS code"),
        max_length=40,
        widget=forms.TextInput(attrs={"placeholder": "19.01.01.1001.TPS001"}),
    )


class ObservationForm(forms.Form):
    """One TPS's checklist: yes / no / not known per indicator, grouped by variable."""

    observed_on = forms.DateField(
        label=_("Date observed"), widget=forms.DateInput(format="%Y-%m-%d", attrs={"type": "date"})
    )
    note = forms.CharField(label=_("Note"), max_length=300, required=False)
    key = forms.CharField(widget=forms.HiddenInput, max_length=64, required=False)

    def __init__(self, *args: Any, catalogue: Catalogue, **kwargs: Any) -> None:
        kwargs.setdefault("initial", {}).setdefault("observed_on", timezone.localdate())
        super().__init__(*args, **kwargs)
        groups = {g.code: g.name for g in catalogue.groups}
        self.groups: dict[str, list[str]] = {}
        for indicator in field_indicators(catalogue):
            name = f"i_{indicator.code}"
            self.fields[name] = forms.ChoiceField(
                label=indicator.name,
                choices=ANSWERS,
                required=False,
                widget=forms.RadioSelect,
                help_text=indicator.name_en,
            )
            self.groups.setdefault(groups[indicator.group], []).append(name)

    def grouped(self) -> list[tuple[str, list[forms.BoundField]]]:
        return [(group, [self[name] for name in names]) for group, names in self.groups.items()]

    def values(self) -> dict[str, float | None]:
        return {
            name[2:]: (float(value) if value != "" else None)
            for name, value in self.cleaned_data.items()
            if name.startswith("i_")
        }


class ImportForm(forms.Form):
    file = forms.FileField(label=_("CSV or XLSX file"))

    def clean_file(self) -> Any:
        upload = self.cleaned_data["file"]
        if not upload.name.lower().endswith((".csv", ".xlsx")):
            raise forms.ValidationError(_("Only .csv and .xlsx files are accepted."))
        if upload.size > 10 * 1024 * 1024:
            raise forms.ValidationError(_("The file is larger than 10 MB."))
        return upload


#: The file parser (:mod:`awasi.risk.parsing`) is pure and reports English message ids; listing
#: them here puts them in the translation catalogue.
PARSE_MESSAGES = (
    gettext_noop("Header must have tps_code, indicator, value — or tps_code and indicator codes."),
    gettext_noop("Invalid date %(value)s (use YYYY-MM-DD)."),
    gettext_noop("Invalid value %(value)s for a %(scale)s indicator."),
    gettext_noop("Same TPS and indicator as row %(row)d."),
    gettext_noop("The file is empty."),
    gettext_noop("Too many rows (at most %(max)d)."),
    gettext_noop("Unknown TPS code %(code)s."),
    gettext_noop("Unknown columns: %(names)s."),
    gettext_noop("Unknown indicator %(code)s."),
)
