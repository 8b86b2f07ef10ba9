"""Demo cases for Kepulauan Bangka Belitung, modelled on what happened in 2024 (babel.md), in every
lifecycle state, some near or past their deadlines. All marked synthetic; idempotent by key."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from awasi.cases import services
from awasi.cases.models import Case
from awasi.cases.services import CaseData, ReporterData
from awasi.elections.models import Election
from awasi.regions.models import Region


@dataclass(frozen=True)
class Spec:
    key: str
    election: str
    region: str
    title: str
    reported_party: str
    type: str
    path: tuple[str, ...]  # lifecycle steps after intake
    days_ago: int  # when the report/finding came in
    origin: str = "report"
    outcome: str = ""


SPECS = [
    Spec("d01", "pemilu-2024", "19.71.01", "Pembagian amplop di dekat TPS",
         "Tim kampanye caleg DPRD", "crime",
         ("review", "register", "clarify", "plenary", "decide"), 20, outcome="crime"),
    Spec("d02", "pemilu-2024", "19", "Pendamping desa profesional menguntungkan peserta pemilu",
         "Tenaga Pendamping Profesional", "other_law", ("register", "plenary", "decide"), 25,
         origin="finding", outcome="other_law"),
    Spec("d03", "pemilu-2024", "19", "KPU menerima pendaftaran bakal caleg melewati batas waktu",
         "KPU Provinsi / Kab/Kota", "administrative",
         ("register", "plenary", "decide", "decide_admin"), 30, origin="finding",
         outcome="administrative"),
    Spec("d04", "pemilu-2024", "19.71.02", "ASN menunjukkan dukungan di media sosial",
         "ASN Pemprov", "other_law",
         ("review", "register", "plenary", "decide", "follow_up", "close"), 28,
         outcome="other_law"),
    Spec("d05", "pemilu-2024", "19", "Calon DPD berkampanye bersama partai politik", "Calon DPD",
         "administrative", ("register", "clarify", "plenary"), 12, origin="finding"),
    Spec("d06", "pemilu-2024", "19.01.01", "Ujaran kebencian di media sosial", "Akun media sosial",
         "crime", ("review", "register", "clarify"), 9),
    Spec("d07", "pemilu-2024", "19.02.01", "Laporan diajukan setelah batas waktu", "Caleg Y",
         "administrative", ("review", "time_bar"), 6),
    Spec("d08", "pemilu-2024", "19.03.01", "Laporan tanpa identitas terlapor yang jelas",
         "Tidak jelas", "administrative", ("review", "reject"), 5),
    Spec("d09", "pemilu-2024", "19.71.01", "Pembagian amplop di dekat TPS (laporan ganda)",
         "Tim kampanye caleg DPRD", "crime", ("merge",), 19),
    Spec("d10", "pemilu-2024", "19.05.01", "Alat peraga kampanye di tempat ibadah", "Partai Z",
         "administrative", (), 0),
    Spec("d11", "pemilu-2024", "19.04.01", "Kepala desa hadir dalam kampanye", "Kepala Desa",
         "crime", ("review",), 1),
    Spec("d12", "pemilu-2024", "19.01.02", "Politik uang menjelang masa tenang", "Tim sukses",
         "crime", ("review", "register"), 11),
    Spec("d13", "pemilu-2024", "19.06.01", "Kampanye di fasilitas pemerintah", "Caleg DPRD Beltim",
         "administrative", ("review", "register", "extend"), 16),
    Spec("d14", "pilkada-2024", "19.06.02", "Dugaan politik uang Pilkada Belitung Timur",
         "Tim pasangan calon", "crime", ("review", "register", "clarify", "plenary", "decide"), 14,
         outcome="not_violation"),
    Spec("d15", "pilkada-2024", "19.05.01", "Netralitas PPK dalam Pilkada", "Anggota PPK",
         "ethics_ad_hoc", ("review", "register"), 2),
    Spec("d16", "pemilu-2024", "19.01.05", "KPPS tidak memberi kesempatan pemilih disabilitas",
         "KPPS TPS 3 Pemali", "administrative", ("review", "register", "plenary", "decide"), 8,
         outcome="administrative"),
]  # fmt: skip


def _user(username: str) -> Any:
    return get_user_model().objects.filter(username=username).first()


def _data(spec: Spec, received: datetime) -> CaseData:
    region = Region.objects.get(pk=spec.region)
    occurred = (received - timedelta(days=2)).date()
    return CaseData(
        election=Election.objects.get(slug=spec.election), region=region, title=spec.title,
        description=f"{spec.title}. (Data demo sintetis, dimodelkan dari peristiwa 2024.)",
        reported_party=spec.reported_party, place=region.name, occurred_on=occurred,
        known_on=occurred if spec.origin == "report" else None, is_synthetic=True,
        witnesses=[{"name": "Saksi Demo", "phone": "0811000000"}],
    )  # fmt: skip


def _intake(spec: Spec, officer: Any) -> Case:
    received = timezone.now() - timedelta(days=spec.days_ago, hours=3)
    if spec.origin == "finding":
        return services.declare_finding(
            data=_data(spec, received), discovered_on=received.date(), actor=officer,
            intake_key=f"demo-cases-{spec.key}", declared_at=received,
        )  # fmt: skip
    reporter = ReporterData(
        kind="voter", name="Pelapor Demo", address="Alamat sintetis", nik="1901011708800001",
        phone="081200000000", email="pelapor.demo@example.test",
    )  # fmt: skip
    return services.submit_report(
        data=_data(spec, received), reporter=reporter, intake_key=f"demo-cases-{spec.key}",
        received_at=received,
    ).case  # fmt: skip


def _step(case: Case, step: str, spec: Spec, officer: Any, chair: Any) -> None:
    case.refresh_from_db()
    common = {"case": case, "expected_version": case.version}
    registered_at = timezone.now() - timedelta(days=max(spec.days_ago - 1, 0))
    actions = {
        "review": lambda: services.start_review(**common, actor=officer),
        "register": lambda: services.register_case(
            **common, actor=officer, violation_type=spec.type, at=registered_at),
        "clarify": lambda: services.start_clarification(**common, actor=officer),
        "extend": lambda: services.extend_case(
            **common, actor=officer, reasons="Keterangan saksi ahli diperlukan"),
        "plenary": lambda: services.submit_to_plenary(**common, actor=officer),
        "decide": lambda: services.decide_case(
            **common, actor=chair, outcome=spec.outcome, summary="Putusan rapat pleno (demo)"),
        "decide_admin": lambda: services.decide_administrative(
            **common, actor=chair, summary="Perbaikan administrasi (demo)"),
        "follow_up": lambda: services.record_follow_up(
            referral=case.referrals.first(), actor=officer, status="followed_up",
            note="BKN menindaklanjuti (demo)"),
        "close": lambda: services.close_case(**common, actor=officer),
        "time_bar": lambda: services.time_bar_case(
            **common, actor=officer, reasons="Dilaporkan lebih dari 7 hari kerja sejak diketahui"),
        "reject": lambda: services.reject_case(
            **common, actor=officer, reasons="Syarat formal: identitas terlapor tidak jelas"),
        "merge": lambda: services.merge_case(
            **common, actor=officer, into=Case.objects.get(intake_key="demo-cases-d01")),
    }  # fmt: skip
    actions[step]()


def load(*, stdout: Any) -> None:
    """Create the demo cases that do not exist yet."""
    chair = _user("bawaslu-babel") or _user("admin")
    officer = chair
    created = 0
    for spec in SPECS:
        if Case.objects.filter(intake_key=f"demo-cases-{spec.key}").exists():
            continue
        with transaction.atomic():
            case = _intake(spec, officer)
            for step in spec.path:
                _step(case, step, spec, officer, chair)
        created += 1
    tips = _tips()
    stdout.write(f"  cases: {created} demo cases created ({len(SPECS)} in total), {tips} tips")


def _tips() -> int:
    from awasi.cases.models import Tip

    if Tip.objects.filter(intake_key="demo-tip-1").exists():
        return 0
    election = Election.objects.get(slug="pilkada-2024")
    for n, (region, text) in enumerate([
        ("19.06.03", "Ada pembagian sembako oleh tim paslon di balai desa malam ini."),
        ("19.02.02", "Baliho paslon dipasang di sekolah."),
    ], start=1):  # fmt: skip
        tip = services.submit_tip(
            election=election, region=Region.objects.get(pk=region), description=text,
            intake_key=f"demo-tip-{n}",
        )  # fmt: skip
        Tip.objects.filter(pk=tip.pk).update(is_synthetic=True)
    return 2
