"""Demo data: Babel's Gakkumdu units and members, and synthetic joint files at several stages.

Everything made here is synthetic (``is_synthetic``) and idempotent (files are keyed by their
case's intake key). Steps are recorded through the services, so clocks, audit and checks are real;
they are entered after the fact, so each carries the backdating reason "demo data".
Files dated "now minus N days" keep some clocks running and some overdue whenever the demo loads.
"""

from __future__ import annotations

import os
from datetime import date, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from awasi.accounts.choices import Role
from awasi.accounts.models import Organisation
from awasi.elections.models import Election
from awasi.gakkumdu import services, services_parts
from awasi.gakkumdu.models import GakkumduMember, GakkumduUnit, JointFile
from awasi.gakkumdu.seed import seed_units
from awasi.regions.models import Region

WIB = ZoneInfo("Asia/Jakarta")
DEMO_REASON = "Data demo sintetis, dicatat sesudah kejadian"
B, P, K = "bawaslu", "polri", "kejaksaan"
FULL = [("first_discussion", 2, B), ("second_discussion", 26, B), ("decide_forward", 30, B),
        ("forward_to_police", 40, B)]  # fmt: skip

# key, unit, place, title, alleged article, can change results, start, [(event, hours, party, kw)]
SCENARIOS: list[tuple[Any, ...]] = [
    (
        "executed",
        "19.01",
        "19.01.01",
        "Pembagian uang oleh caleg DPRD di Sungailiat",
        "UU 7/2017 Pasal 523 ayat (1)",
        True,
        datetime(2024, 1, 22, 9, tzinfo=WIB),
        FULL
        + [
            ("find_sufficient_evidence", 60, P),
            ("start_investigation", 70, P),
            ("third_discussion", 200, B),
            ("submit_file", 260, P),
            ("declare_complete", 300, K),
            ("transfer_to_court", 330, K, {"court_case_number": "21/Pid.Sus/2024/PN Sgl"}),
            ("read_verdict", 430, K, {"outcome": "convicted"}),
            ("file_appeal", 450, K),
            ("forward_appeal", 500, K, {"appeal_case_number": "7/PID.SUS/2024/PT BBL"}),
            ("decide_appeal", 600, K, {"outcome": "convicted"}),
            ("deliver_verdict", 640, K),
            ("execute_verdict", 690, K),
        ],
    ),
    (
        "sp3",
        "19.02",
        "19.02.01",
        "Kampanye di tempat ibadah",
        "UU 7/2017 Pasal 521",
        False,
        datetime(2024, 1, 29, 9, tzinfo=WIB),
        FULL
        + [
            ("find_sufficient_evidence", 80, P),
            ("start_investigation", 90, P),
            ("sp3", 200, P, {"reason": "Saksi tidak ditemukan"}),
        ],
    ),
    (
        "stopped",
        "19.01",
        "19.01.02",
        "Dugaan ASN ikut kampanye",
        "UU 7/2017 Pasal 494",
        False,
        datetime(2024, 2, 1, 9, tzinfo=WIB),
        [
            ("first_discussion", 3, B),
            (
                "stop_handling",
                30,
                B,
                {"note": "Bukan tindak pidana Pemilu; diteruskan sebagai netralitas ASN"},
            ),
        ],
    ),
    (
        "inquiry",
        "19.01",
        "19.01.01",
        "Politik uang menjelang pemungutan suara ulang",
        "UU 7/2017 Pasal 523 ayat (3)",
        False,
        -4 * 24,
        FULL,
    ),
    (
        "overdue-investigation",
        "19.04",
        "19.04.02",
        "Perusakan alat peraga kampanye",
        "UU 7/2017 Pasal 280 jo. 521",
        False,
        -20 * 24,
        FULL + [("find_sufficient_evidence", 50, P), ("start_investigation", 60, P)],
    ),
    (
        "overdue-prosecutor",
        "19.05",
        "19.05.01",
        "Kepala desa menguntungkan peserta",
        "UU 7/2017 Pasal 490",
        False,
        -15 * 24,
        FULL
        + [
            ("find_sufficient_evidence", 50, P),
            ("start_investigation", 58, P),
            ("submit_file", 200, P),
        ],
    ),
    (
        "overdue-forwarding",
        "19.71",
        "19.71.01",
        "Pemalsuan dokumen pencalonan",
        "UU 7/2017 Pasal 520",
        False,
        -3 * 24,
        FULL[:3],
    ),
    (
        "discussion",
        "19.03",
        "19.03.01",
        "Intimidasi pemilih",
        "UU 7/2017 Pasal 531",
        False,
        -30,
        FULL[:1],
    ),
    (
        "at-court",
        "19.06",
        "19.06.01",
        "Pemilih mencoblos lebih dari sekali",
        "UU 7/2017 Pasal 533",
        False,
        -12 * 24,
        FULL
        + [
            ("find_sufficient_evidence", 44, P),
            ("start_investigation", 46, P),
            ("submit_file", 150, P),
            ("return_incomplete", 170, K, {"note": "Keterangan ahli"}),
            ("resubmit_file", 200, P),
            ("declare_complete", 215, K),
            ("transfer_to_court", 240, K, {"court_case_number": "9/Pid.Sus/2024/PN Tdn"}),
        ],
    ),
    (
        "province-prosecutor",
        "19",
        "19.71.01",
        "Kampanye bersama calon DPD dan partai politik",
        "UU 7/2017 Pasal 521",
        False,
        -8 * 24,
        FULL
        + [
            ("find_sufficient_evidence", 50, P),
            ("start_investigation", 60, P),
            ("submit_file", 150, P),
        ],
    ),
    (
        "sp3-requested",
        "19.02",
        "19.02.02",
        "Menghalangi pengawas di TPS",
        "UU 7/2017 Pasal 512",
        False,
        -6 * 24,
        FULL
        + [
            ("find_sufficient_evidence", 50, P),
            ("request-sp3", 100, P, {"reason": "Tidak cukup bukti permulaan"}),
        ],
    ),
]


def load(*, stdout: Any) -> None:
    """Units, members, a Kejari demo account, and the synthetic files (idempotent)."""
    units = {u.region_id: u for u in seed_units()}
    _members(units)
    made = 0
    for scenario in SCENARIOS:
        made += _scenario(units, *scenario)
    stdout.write(
        f"  Gakkumdu: {len(units)} units, {made} new synthetic joint files "
        f"({JointFile.objects.filter(is_synthetic=True).count()} in all)"
    )


def _user(username: str, org_code: str, role: str, *, can_sign_in: bool = False) -> Any:
    """A demo account (kept if it exists). Only ``can_sign_in`` ones get the demo password;
    the others exist to be named as the officer who recorded a synthetic step."""
    user_model = get_user_model()
    user, created = user_model.objects.get_or_create(
        username=username,
        defaults={
            "organisation": Organisation.objects.get(code=org_code),
            "role": role,
            "first_name": f"Demo {org_code}",
            "email": f"{username}@awasi.local",
        },
    )
    if created:
        if can_sign_in:
            user.set_password(os.environ.get("AWASI_DEMO_PASSWORD", "awasi-demo"))
        else:
            user.set_unusable_password()
        user.save()
    return user


def _members(units: dict[str, GakkumduUnit]) -> None:
    """Demo accounts seconded to their units; Kejari Bangka gets a demo prosecutor."""
    _user("kejari-bangka", "kejari-bangka", Role.PROSECUTOR, can_sign_in=True)
    for region, usernames in {
        "19": ["bawaslu-babel", "polda-babel", "kejati-babel"],
        "19.01": ["bawaslu-bangka", "polres-bangka", "kejari-bangka"],
        "19.02": ["bawaslu-belitung", "polres-belitung"],
    }.items():
        for user in get_user_model().objects.filter(username__in=usernames):
            GakkumduMember.objects.get_or_create(unit=units[region], user=user)


def _actor(file: JointFile, party: str) -> Any:
    org = file.organisation_of(party)
    known = get_user_model().objects.filter(organisation=org, is_active=True).order_by("id")
    role = {B: Role.OFFICER, P: Role.INVESTIGATOR, K: Role.PROSECUTOR}[party]
    return known.exclude(role=Role.VIEWER).first() or _user(f"demo-{org.code}", org.code, role)


def _start(start: Any) -> datetime:
    if isinstance(start, datetime):
        return start
    return timezone.now().replace(minute=0, second=0, microsecond=0) + timedelta(hours=start)


@transaction.atomic
def _scenario(
    units: dict[str, GakkumduUnit],
    key: str,
    unit_code: str,
    place: str,
    title: str,
    article: str,
    affects: bool,
    start: Any,
    steps: list[tuple[Any, ...]],
) -> int:
    intake_key = f"gakkumdu-demo-{key}"
    if JointFile.objects.filter(case__intake_key=intake_key).exists():
        return 0
    unit, opened = units[unit_code], _start(start)
    bawaslu = _actor_for_unit(unit)
    case = _case(intake_key, place, title, opened, bawaslu)
    file = services.open_joint_file(
        unit=unit,
        election=case.election,
        region=case.region,
        case=case,
        title=title,
        summary=case.description,
        alleged_articles=article,
        affects_results=affects,
        opened_at=opened,
        actor=bawaslu,
        is_synthetic=True,
    )
    for event, hours, party, *extra in steps:
        _do(file, event, opened + timedelta(hours=hours), party, extra[0] if extra else {})
    if key == "executed":
        _parts(file)
    return 1


def _actor_for_unit(unit: GakkumduUnit) -> Any:
    known = get_user_model().objects.filter(organisation=unit.bawaslu).exclude(role=Role.VIEWER)
    return known.order_by("id").first() or _user(
        f"demo-{unit.bawaslu.code}", unit.bawaslu.code, Role.OFFICER
    )


def _do(file: JointFile, event: str, at: datetime, party: str, kw: dict[str, Any]) -> None:
    file.refresh_from_db()
    actor = _actor(file, party)
    if event in ("sp3", "request-sp3"):
        request = services.request_closure(
            file=file,
            event="terminate_investigation",
            actor=actor,
            occurred_at=at,
            reason=kw["reason"],
            backdating_reason=DEMO_REASON,
        )
        if event == "sp3":
            services.decide_request(
                request=request,
                actor=_actor(file, B),
                approve=True,
                note="Disetujui dalam pembahasan Gakkumdu",
            )
        return
    details = {k: v for k, v in kw.items() if k != "note"}
    services.record_step(
        file=file,
        event=event,
        actor=actor,
        occurred_at=at,
        expected_version=file.version,
        note=kw.get("note", ""),
        backdating_reason=DEMO_REASON,
        details=details,
    )


def _case(intake_key: str, place: str, title: str, at: datetime, actor: Any) -> Any:
    """The Bawaslu finding the file was opened from (through the case-handling service)."""
    from awasi.cases.models import Case
    from awasi.cases.services import CaseData, declare_finding

    election = Election.objects.get(slug="pemilu-2024")
    data = CaseData(
        election=election,
        region=Region.objects.get(code=place),
        title=title,
        description=f"{title} (data demo sintetis).",
        reported_party="Terlapor (sintetis)",
        place=Region.objects.get(code=place).name,
        occurred_on=(at - timedelta(days=2)).date(),
        violation_type="crime",
    )
    case = declare_finding(
        data=data,
        discovered_on=(at - timedelta(days=1)).date(),
        actor=actor,
        intake_key=intake_key,
        declared_at=at - timedelta(hours=20),
    )
    Case.objects.filter(pk=case.pk).update(is_synthetic=True)
    return case


def _parts(file: JointFile) -> None:
    police, prosecutor = _actor(file, P), _actor(file, K)
    suspect = services_parts.add_suspect(
        file=file, actor=police, name="Tersangka A (sintetis)", description="Calon anggota DPRD"
    )
    services_parts.add_witness(file=file, actor=_actor(file, B), name="Saksi B (sintetis)")
    services_parts.add_evidence_item(
        file=file, actor=police, quantity="25 amplop", description="Amplop berisi uang Rp100.000"
    )
    services_parts.record_sentence(
        file=file,
        actor=prosecutor,
        suspect=suspect,
        instance="first",
        outcome="convicted",
        prison_months=6,
        fine_rupiah=10_000_000,
        read_on=date(2024, 2, 9),
    )
