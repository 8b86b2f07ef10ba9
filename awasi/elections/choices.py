"""Choices for elections and their stages."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class LegalRegime(models.TextChoices):
    """Which body of law governs handling: UU 7/2017 (pemilu) or UU 1/2015 jo. 10/2016 (pilkada)."""

    PEMILU = "pemilu", _("General election (UU 7/2017)")
    PILKADA = "pilkada", _("Regional head election (UU 10/2016)")


class StageKind(models.TextChoices):
    PLANNING = "planning", _("Programme and budget planning")
    REGULATIONS = "regulations", _("Drafting KPU regulations")
    VOTER_LIST = "voter_list", _("Voter-data updating and voter list (DPT)")
    PARTY_REGISTRATION = "party_registration", _("Registration and verification of parties")
    PARTY_DETERMINATION = "party_determination", _("Determination of participating parties")
    DAPIL = "dapil", _("Seats and electoral districts")
    DPD_NOMINATION = "dpd_nomination", _("DPD nomination")
    NOMINATION = "nomination", _("DPR/DPRD nomination")
    DCT_SCRUTINY = (
        "dct_scrutiny",
        _("Draft final candidate list scrutiny (pencermatan rancangan DCT)"),
    )
    PRESIDENT_NOMINATION = "president_nomination", _("President/VP nomination")
    CANDIDATE_REGISTRATION = "candidate_registration", _("Candidate registration")
    CANDIDATE_DETERMINATION = "candidate_determination", _("Determination of candidates")
    CAMPAIGN = "campaign", _("Campaign")
    QUIET = "quiet", _("Quiet period (masa tenang)")
    VOTING = "voting", _("Voting day")
    COUNTING = "counting", _("Counting")
    RECAPITULATION = "recapitulation", _("Recapitulation")
    RESULT = "result", _("Determination of results")
    OATH = "oath", _("Oath of office")
