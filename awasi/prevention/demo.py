"""Demo data (all marked synthetic): the 2023 Bawaslu Babel–Polda Babel agreement, its coordination
meeting and commitments, ASN-neutrality socialisation, quiet-period patrols (11–13 Feb 2024),
letters, LHPs across Babel's regencies (some turned into findings), the ASN register and honorary
candidates.

The events follow shared/domain/babel.md; exact dates, numbers, names and figures are illustrative.
Everything goes through the services, so the audit log and validation apply. Idempotent: a second
run finds the demo agreement and stops.
"""

from __future__ import annotations

from datetime import date, datetime, time
from typing import Any
from zoneinfo import ZoneInfo

from django.db import transaction

from awasi.accounts.models import Organisation, User
from awasi.core.exports import pdf_bytes
from awasi.elections.models import Election
from awasi.prevention.choices import ActionStatus
from awasi.prevention.findings import finding_service
from awasi.prevention.models import Agreement
from awasi.prevention.services import activities, cooperation, supervision
from awasi.regions.models import Region

WIB = ZoneInfo("Asia/Jakarta")
DEMO_NUMBER = "DEMO/PKS/BAWASLU-BABEL/POLDA-BABEL/2023"
REGENCY_SLUGS = {
    "19.01": "bangka", "19.02": "belitung", "19.03": "bangka-selatan", "19.04": "bangka-tengah",
    "19.05": "bangka-barat", "19.06": "belitung-timur", "19.71": "pangkalpinang",
}  # fmt: skip


def _at(day: date, hour: int = 9) -> datetime:
    return datetime.combine(day, time(hour), tzinfo=WIB)


def _org(code: str) -> Organisation:
    return Organisation.objects.get(code=code)


def _user(username: str) -> User:
    return User.objects.get(username=username)


def load(*, stdout: Any) -> None:
    """Load the prevention demo once (synthetic rows only)."""
    if Agreement.objects.filter(number=DEMO_NUMBER).exists():
        stdout.write("  prevention demo already loaded")
        return
    pemilu = Election.objects.get(slug="pemilu-2024")
    with transaction.atomic():
        agreement = _agreement()
        _meeting(agreement)
        _socialisations(pemilu, agreement)
        _patrols(pemilu, agreement)
        _letters(pemilu)
        declared = _reports(pemilu)
        _register(pemilu)
    stdout.write(f"  prevention: agreement, meeting, activities, LHPs ({declared} findings)")


def _agreement() -> Agreement:
    babel = _user("bawaslu-babel")
    agreement = cooperation.create_agreement(
        actor=babel,
        number=DEMO_NUMBER,
        region=Region.objects.get(code="19"),
        title="Perjanjian Kerja Sama Bawaslu Provinsi Kepulauan Bangka Belitung dan Polda "
        "Kepulauan Bangka Belitung tentang Pencegahan Pelanggaran Pemilu 2024",
        scope="Penguatan pencegahan pelanggaran pada setiap tahapan, keamanan dan kelancaran "
        "Pemilu 2024: pertukaran informasi kerawanan, patroli bersama, dukungan Sentra Gakkumdu. "
        "(Data demo: nomor dan tanggal ilustratif.)",
        starts_on=date(2023, 10, 5),
        ends_on=date(2024, 12, 31),
        is_synthetic=True,
        parties=[
            cooperation.PartyInput(
                _org("bawaslu-babel"),
                "Menyampaikan peta kerawanan dan "
                "hasil pengawasan; sosialisasi netralitas ASN; pelibatan "
                "dalam patroli bersama.",
                "Ketua Bawaslu Babel",
            ),
            cooperation.PartyInput(
                _org("polda-babel"),
                "Menyediakan personel patroli bersama "
                "dan pengamanan; penyidik pada Sentra Gakkumdu; pertukaran "
                "informasi intelijen kerawanan.",
                "Kapolda Babel",
            ),
        ],
    )
    from django.core.files.uploadedfile import SimpleUploadedFile

    document = pdf_bytes(
        "Perjanjian Kerja Sama (DEMO)",
        [("p", agreement.title), ("p", "Dokumen contoh untuk demo Awasi, bukan naskah asli.")],
    )
    return cooperation.sign_agreement(
        actor=babel,
        agreement=agreement,
        signed_on=date(2023, 10, 5),
        expected_version=1,
        document=SimpleUploadedFile("pks-demo.pdf", document, "application/pdf"),
    )


ITEMS = [
    ("polda-babel", "Menyiapkan personel patroli bersama anti politik uang pada masa tenang di "
     "7 kabupaten/kota", date(2024, 2, 9), "done", "Sprin Kapolda: 120 personel, 7 Polres"),
    ("bawaslu-babel", "Menyosialisasikan larangan ASN terlibat politik praktis kepada Pemprov "
     "dan pemkab/pemkot", date(2023, 11, 30), "done", "7 kegiatan sosialisasi, 640 peserta"),
    ("bawaslu-babel", "Menyampaikan peta kerawanan kampanye kepada Polda", date(2023, 11, 15),
     "done", "Surat pengantar peta kerawanan No. DEMO/15/XI/2023"),
    ("polda-babel", "Menunjuk personel penghubung Sentra Gakkumdu di setiap Polres",
     date(2023, 10, 31), "in_progress", ""),
    ("kejati-babel", "Menunjuk jaksa untuk Sentra Gakkumdu provinsi", date(2023, 10, 31), "open",
     ""),
    ("polres-pangkalpinang", "Memetakan TPS rawan di Kecamatan Pangkalan Baru (wilayah "
     "Polresta)", date(2024, 1, 31), "open", ""),
]  # fmt: skip


def _meeting(agreement: Agreement) -> None:
    polda = _user("polda-babel")
    guests = [_org(c) for c in ("bawaslu-babel", "kpu-babel", "kejati-babel")]
    meeting = cooperation.record_meeting(
        actor=polda,
        title="Rapat koordinasi pencegahan pelanggaran Pemilu 2024 (inisiatif Kapolda)",
        region=Region.objects.get(code="19"),
        held_at=_at(date(2023, 9, 28)),
        place="Mapolda Kepulauan Bangka Belitung, Pangkalpinang",
        agreement=agreement,
        stage=Election.objects.get(slug="pemilu-2024").stage("dct_scrutiny"),
        agenda="1. Kerawanan tahapan pencalonan dan kampanye\n2. Netralitas ASN\n"
        "3. Patroli bersama masa tenang\n4. Rencana perjanjian kerja sama",
        invited=guests,
        attending=[*guests, _org("polda-babel")],
        minutes="Kapolda membuka rapat; Bawaslu memaparkan peta kerawanan kampanye.",
        decisions="Menyusun perjanjian kerja sama; membentuk tim patroli bersama.",
        is_synthetic=True,
    )
    for owner, text, due, status, evidence in ITEMS:
        item = cooperation.add_action_item(
            actor=polda,
            meeting=meeting,
            owner=_org(owner),
            description=text,
            due_on=due,
            is_synthetic=True,
        )
        if status != ActionStatus.OPEN:
            actor = User.objects.filter(organisation__code=owner).first() or polda
            cooperation.update_action_item(
                actor=actor, item=item, status=status, evidence=evidence, expected_version=1
            )


def _socialisations(pemilu: Election, agreement: Agreement) -> None:
    babel = _user("bawaslu-babel")
    for n, (code, slug) in enumerate(REGENCY_SLUGS.items()):
        held = date(2023, 10, 16 + 2 * n) if n < 5 else date(2023, 12, 4 + n)
        stage = pemilu.stage("campaign" if held >= date(2023, 11, 28) else "nomination")
        activities.record_socialisation(
            actor=babel,
            region=Region.objects.get(code=code),
            stage=stage,
            held_on=held,
            topic="asn_neutrality",
            audience="asn",
            participants=60 + 15 * n,
            title=f"Sosialisasi larangan ASN terlibat politik praktis — {slug.replace('-', ' ')}",
            place="Aula kantor bupati/wali kota",
            agreement=agreement,
            is_synthetic=True,
        )


PATROL_FINDINGS = {
    "19.01": "Tim menemukan amplop berisi uang dan stiker calon di Kec. Sungailiat; "
    "diteruskan sebagai LHP.",
    "19.05": "Alat peraga kampanye belum diturunkan di 4 titik di Mentok.",
    "19.71": "",
}


def _patrols(pemilu: Election, agreement: Agreement) -> None:
    babel = _user("bawaslu-babel")
    quiet = pemilu.stage("quiet")
    for n, (code, slug) in enumerate(REGENCY_SLUGS.items()):
        night = date(2024, 2, 11 + n % 3)
        activities.record_patrol(
            actor=babel,
            region=Region.objects.get(code=code),
            stage=quiet,
            area=f"Patroli anti politik uang masa tenang — {slug.replace('-', ' ')}",
            starts_at=_at(night, 20),
            ends_at=_at(night, 23),
            agreement=agreement,
            team=[(_org(f"bawaslu-{slug}"), 3 + n % 3), (_org(f"polres-{slug}"), 6 + n)],
            findings=PATROL_FINDINGS.get(code, ""),
            is_synthetic=True,
        )


def _letters(pemilu: Election) -> None:
    babel = _user("bawaslu-babel")
    province = Region.objects.get(code="19")
    letters = [
        ("appeal", "DEMO/01/PM.00/II/2024", "party", "Pimpinan partai politik peserta Pemilu 2024 "
         "se-Babel", "Imbauan menurunkan APK dan tidak berkampanye pada masa tenang",
         date(2024, 2, 9), pemilu.stage("campaign"), "delivered"),
        ("appeal", "DEMO/02/PM.00/I/2024", "agency", "Pj. Gubernur Kepulauan Bangka Belitung",
         "Imbauan menjaga netralitas ASN dan tenaga honorer", date(2024, 1, 8),
         pemilu.stage("campaign"), "delivered"),
        ("warning", "DEMO/03/PM.00/II/2024", "candidate", "Calon anggota DPRD (inisial R.)",
         "Peringatan: APK di fasilitas pendidikan", date(2024, 2, 5), pemilu.stage("campaign"),
         "pending"),
    ]  # fmt: skip
    for kind, number, to_kind, to, subject, sent, stage, delivery in letters:
        appeal = activities.record_appeal(
            actor=babel,
            region=province,
            stage=stage,
            kind=kind,
            number=number,
            addressee_kind=to_kind,
            addressee=to,
            subject=subject,
            sent_on=sent,
            is_synthetic=True,
        )
        if delivery == "delivered":
            activities.record_appeal_delivery(
                actor=babel,
                appeal=appeal,
                status="delivered",
                delivered_at=_at(sent, 14),
                received_by="Sekretariat",
            )


REPORTS = [
    # regency, what, found, suspected, declare as finding (reported party)
    ("19.01", "Pengawasan masa tenang di permukiman", "Pembagian amplop berisi uang oleh orang "
     "yang mengaku tim sukses calon DPRD", True, "Tim kampanye calon DPRD (inisial H.)"),
    ("19.01", "Pengawasan pembersihan APK", "APK sudah diturunkan", False, None),
    ("19.02", "Pengawasan kampanye tatap muka", "Kepala desa hadir dan memberi sambutan "
     "mendukung calon", True, "Kepala desa (inisial S.)"),
    ("19.03", "Pengawasan logistik TPS", "Logistik lengkap dan tersegel", False, None),
    ("19.04", "Pengawasan kampanye di media sosial", "Akun ASN mengunggah dukungan kepada calon",
     True, None),
    ("19.05", "Pengawasan masa tenang", "APK belum diturunkan di 4 titik", True,
     "Peserta pemilu pemilik APK"),
    ("19.06", "Pengawasan rapat umum", "Kampanye sesuai jadwal dan izin", False, None),
    ("19.71", "Pengawasan kampanye di tempat ibadah", "Ceramah berisi ajakan memilih calon "
     "tertentu", True, None),
]  # fmt: skip


def _reports(pemilu: Election) -> int:
    declared = 0
    service = finding_service()
    for n, (code, what, found, suspected, party) in enumerate(REPORTS):
        author = _user(
            "bawaslu-bangka"
            if code == "19.01"
            else "bawaslu-belitung"
            if code == "19.02"
            else "bawaslu-babel"
        )
        village = Region.objects.filter(code__startswith=code + ".", level="village").order_by(
            "code"
        )[n % 3]
        day = date(2024, 2, 11 + n % 3) if "tenang" in what else date(2024, 1, 10 + n)
        stage = pemilu.stage("quiet" if day >= date(2024, 2, 11) else "campaign")
        report = supervision.submit_supervision_report(
            actor=author,
            stage=stage,
            region=village,
            supervised_at=_at(day, 10 + n % 8),
            activity=what,
            place=f"{village.name}",
            result=found,
            suspected_violation=suspected,
            is_synthetic=True,
        )
        if party and service is not None:
            report = supervision.declare_finding_from_report(
                actor=author, report=report, expected_version=1, title=what, reported_party=party
            )
            _mark_case_synthetic(report.finding_case_id)
            declared += 1
    return declared


def _mark_case_synthetic(case_id: int | None) -> None:
    from awasi.cases.models import Case

    Case.objects.filter(pk=case_id).update(is_synthetic=True)


def _register(pemilu: Election) -> None:
    babel = _user("bawaslu-babel")
    province = Region.objects.get(code="19")
    people = [
        ("Aparatur (inisial M.)", "pns", "Staf Dinas", "social_media",
         "Mengunggah dukungan kepada peserta pemilu di media sosial", date(2023, 12, 12),
         ("kasn", date(2023, 12, 20), date(2024, 1, 25), "Sanksi moral pernyataan terbuka")),
        ("Tenaga honorer (inisial A.)", "honorary", "", "finding",
         "Hadir dan memakai atribut pada kampanye rapat umum", date(2024, 1, 9),
         ("kasn", date(2024, 1, 16), None, "")),
        ("Tenaga honorer (inisial Y.)", "honorary", "", "patrol",
         "Membagikan bahan kampanye di kantor", date(2024, 1, 20),
         ("ppk", date(2024, 1, 29), None, "")),
        ("Kepala desa (inisial S.)", "village", "Kepala Desa", "supervision",
         "Memberi sambutan mendukung calon", date(2024, 1, 12), None),
    ]  # fmt: skip
    for name, employment, position, source, what, when, rec in people:
        case = supervision.record_neutrality_case(
            actor=babel,
            region=province,
            name=name,
            employer="Pemerintah Provinsi Kepulauan Bangka Belitung",
            employment=employment,
            position=position,
            source=source,
            description=what,
            occurred_on=when,
            is_synthetic=True,
        )
        if rec:
            to, sent, acted, action = rec
            supervision.send_neutrality_recommendation(
                actor=babel,
                case=case,
                to=to,
                number=f"DEMO/REK/{case.pk:03d}",
                sent_on=sent,
                expected_version=1,
            )
            if acted:
                supervision.record_neutrality_follow_up(
                    actor=babel, case=case, acted_on=acted, action_taken=action, expected_version=2
                )
    for name, employer, party, office, code in [
        ("Calon (inisial D.)", "Dinas Pendidikan Kab. Belitung", "Partai A", "DPRD Kab. "
         "Belitung, dapil 2", "19.02"),
        ("Calon (inisial F.)", "RSUD Depati Hamzah", "Partai B", "DPRD Kota Pangkalpinang",
         "19.71"),
        ("Calon (inisial K.)", "Puskesmas Toboali", "Partai C", "DPRD Kab. Bangka Selatan",
         "19.03"),
    ]:  # fmt: skip
        supervision.flag_honorary_candidate(
            actor=babel,
            region=Region.objects.get(code=code),
            election=pemilu,
            name=name,
            employer=employer,
            employment="honorary",
            party=party,
            office_sought=office,
            is_synthetic=True,
        )
