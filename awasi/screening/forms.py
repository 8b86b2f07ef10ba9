"""Forms of the screening UI (interfaces only: parsing, then a service call)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from awasi.core.uploads import DOCUMENTS, FileRefused, check_file, read_limited
from awasi.elections.models import Election
from awasi.regions.models import Region

from .choices import LegalRuling, Level, ListStage, ProofKind

MAX_UPLOAD = 200 * 1024 * 1024
MAX_PROOF = 20 * 1024 * 1024


class CandidateImportForm(forms.Form):
    """Upload a DCS/DCT file (CSV or XLSX with the CANDIDATES.csv columns)."""

    election = forms.ModelChoiceField(Election.objects.all(), label=_("Election"))
    region = forms.ModelChoiceField(
        Region.objects.filter(level__in=["province", "regency"]), label=_("Area")
    )
    level = forms.ChoiceField(choices=Level.choices, label=_("Level"))
    stage = forms.ChoiceField(choices=ListStage.choices, label=_("List"))
    name = forms.CharField(max_length=200, label=_("Name"))
    file = forms.FileField(label=_("File (CSV/XLSX)"))


class RegistryImportForm(forms.Form):
    """Upload a registry file (CSV or XLSX with the REGISTRY.csv columns)."""

    name = forms.CharField(max_length=200, label=_("Name"))
    file = forms.FileField(label=_("File (CSV/XLSX)"))


class ReviewForm(forms.Form):
    """An officer's verdict on a pair."""

    verdict = forms.ChoiceField(
        choices=[("confirm", _("Same person")), ("reject", _("Different people"))],
        label=_("Verdict"),
    )
    note = forms.CharField(widget=forms.Textarea(attrs={"rows": 2}), label=_("Note"))


class LegalRulingForm(forms.Form):
    """A commissioner's legal ruling on a candidate held for legal review."""

    ruling = forms.ChoiceField(choices=LegalRuling.choices, label=_("Ruling"))
    basis = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 2}),
        max_length=2000,
        label=_("Basis (regulation, plenary minutes, opinion)"),
    )


class ProofForm(forms.Form):
    """Attach a resignation letter or dismissal decision (PDF or image)."""

    kind = forms.ChoiceField(choices=ProofKind.choices, label=_("Document"))
    reference = forms.CharField(max_length=120, required=False, label=_("Number/date"))
    document = forms.FileField(label=_("File"))

    def clean_document(self):  # type: ignore[no-untyped-def]
        document = self.cleaned_data["document"]
        try:
            check_file(read_limited(document, MAX_PROOF), allowed=DOCUMENTS, max_bytes=MAX_PROOF)
        except FileRefused as err:
            raise forms.ValidationError(
                _("Upload a PDF, JPEG or PNG file of at most 20 MB.")
            ) from err
        return document
