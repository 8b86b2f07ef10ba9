"""XLSX exports and the PDF letter to KPU (personal data minimised: NIK masked)."""

from __future__ import annotations

from typing import Any

from django.http import HttpResponse
from django.utils import timezone
from django.utils.translation import gettext as _

from awasi.core.exports import pdf_response, xlsx_response

from .models import CandidateList, DuplicatePair, MatchPair
from .selectors import scrutiny_deadline, without_proof
from .status import PairFacts, is_hit


def list_workbook(clist: CandidateList) -> HttpResponse:
    """Candidates with status, and the flagged pairs with reasons and reviews."""
    candidates = [
        (
            c.external_id,
            c.full_name,
            c.party,
            c.dapil,
            c.number,
            c.nik_masked,
            c.get_status_display(),
            c.get_legal_ruling_display(),
            c.legal_basis,
        )
        for c in clist.candidates.all()
    ]
    pairs = [
        (
            m.candidate.external_id,
            m.candidate.full_name,
            m.person.external_id,
            m.person.full_name,
            m.person.get_category_display(),
            m.person.employer,
            m.score,
            m.get_decision_display(),
            m.get_outcome_display(),
            m.note,
            m.reasons,
        )
        for m in MatchPair.objects.filter(candidate__candidate_list=clist).select_related(
            "candidate", "person"
        )
    ]
    doubles = [
        (
            d.first.external_id,
            d.first.full_name,
            d.first.party,
            d.second.external_id,
            d.second.full_name,
            d.second.party,
            d.score,
            d.get_outcome_display(),
            d.reasons,
        )
        for d in DuplicatePair.objects.filter(first__candidate_list=clist).select_related(
            "first", "second"
        )
    ]
    return xlsx_response(
        f"screening-{clist.pk}.xlsx",
        {
            _("Candidates"): (
                [
                    _("Id"),
                    _("Name"),
                    _("Party"),
                    _("Dapil"),
                    _("No."),
                    _("NIK"),
                    _("Status"),
                    _("Legal ruling"),
                    _("Basis"),
                ],
                candidates,
            ),
            _("Registry matches"): (
                [
                    _("Candidate id"),
                    _("Candidate"),
                    _("Person id"),
                    _("Registry person"),
                    _("Category"),
                    _("Employer"),
                    _("Score"),
                    _("Decision"),
                    _("Review"),
                    _("Note"),
                    _("Reasons"),
                ],
                pairs,
            ),
            _("Double candidacy"): (
                [
                    _("Id A"),
                    _("Name A"),
                    _("Party A"),
                    _("Id B"),
                    _("Name B"),
                    _("Party B"),
                    _("Score"),
                    _("Review"),
                    _("Reasons"),
                ],
                doubles,
            ),
        },
    )


def letter_rows(clist: CandidateList) -> list[tuple[Any, ...]]:
    """The letter's table: each candidate who must resign without proof, with the registries
    that make it so (hits only: a runner-up still awaiting review is not one)."""
    rows = []
    for c in without_proof(clist).prefetch_related("matches__person"):
        hits = [
            m.person
            for m in c.matches.all()
            if is_hit(PairFacts(m.decision, m.outcome, m.person.category))
        ]
        rows.append(
            (
                c.party,
                c.dapil,
                c.number or "",
                c.full_name,
                c.nik_masked,
                "; ".join(f"{p.get_category_display()} — {p.employer}" for p in hits),
            )
        )
    return rows


def letter(clist: CandidateList, user: Any) -> HttpResponse:
    """Letter to KPU listing candidates who must resign and have not proven it."""
    deadline = scrutiny_deadline(clist)
    rows = letter_rows(clist)
    blocks = [
        ("p", _("To: KPU, %(area)s") % {"area": clist.region.name}),
        ("p", _("From: %(org)s") % {"org": getattr(user, "organisation", "") or "Bawaslu"}),
        ("p", _("Date: %(d)s") % {"d": timezone.localdate().isoformat()}),
        (
            "p",
            _(
                "Bawaslu's scrutiny of %(list)s found the candidates below listed in registries "
                "of people who must resign (UU 7/2017 Pasal 240 ayat (1) huruf k) without a "
                "resignation letter or dismissal decision on file."
            )
            % {"list": clist.name},
        ),
        (
            "p",
            _("Deadline for the dismissal decision: end of draft-DCT scrutiny, %(d)s.")
            % {"d": deadline.isoformat() if deadline else _("not in the calendar")},
        ),
        ("table", [_("Party"), _("Dapil"), _("No."), _("Name"), _("NIK"), _("Found in")], rows),
    ]
    if clist.is_synthetic:
        blocks.insert(0, ("p", _("SYNTHETIC DEMO DATA — not real people.")))
    return pdf_response(
        f"surat-kpu-{clist.pk}.pdf", _("Candidates without proof of resignation"), blocks
    )
