"""Forms for the registry pages."""

from django import forms
from django.utils.translation import gettext_lazy as _

from awasi.elections.models import Election


class TpsImportForm(forms.Form):
    """A KPU-style TPS list to import for one election."""

    election = forms.ModelChoiceField(Election.objects.all(), label=_("Election"))
    file = forms.FileField(label=_("TPS file (CSV or XLSX)"))
    valid_rows_only = forms.BooleanField(
        label=_("Import the valid rows even if some rows are bad"), required=False
    )

    def clean_file(self):  # type: ignore[no-untyped-def]
        upload = self.cleaned_data["file"]
        if not upload.name.lower().endswith((".csv", ".xlsx")):
            raise forms.ValidationError(_("Upload a .csv or .xlsx file."))
        if upload.size > 20 * 1024 * 1024:
            raise forms.ValidationError(_("The file is larger than 20 MB."))
        return upload
