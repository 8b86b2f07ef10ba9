"""Explanations of a scored pair in words (Indonesian by default, English available).

Each field says how it compared and how many bits of evidence it gave (positive: the same
person, negative: different people), followed by data-quality notes (dummy NIK, NIK date or sex
that contradicts the form) and the runner-up. Deterministic, so an officer and an auditor read
the same text for the same inputs (linkage.md §5.6).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .compare import Date, Geo, Name, Nik, Sex
from .prep import INT_NULL, People

if TYPE_CHECKING:
    from .link import Scored

_TEXT: dict[str, dict[str, Any]] = {
    "id": {
        "nik": {
            Nik.EXACT: "NIK identik",
            Nik.DATE_EDIT: "NIK beda 1 digit/tertukar di bagian tanggal (salah ketik?)",
            Nik.REGION_EDIT: "NIK beda 1 digit di kode kecamatan",
            Nik.SERIAL_EDIT: "NIK beda 1 digit di nomor urut (salah ketik atau tetangga?)",
            Nik.SERIAL_NEXT: "nomor urut NIK berurutan (tetangga/kembar lahir sama hari?)",
            Nik.SAME_PREFIX: "NIK sama kecuali nomor urut (NIK kedua atau tetangga?)",
            Nik.SAME_REGENCY: "NIK berbeda (kabupaten sama)",
            Nik.DIFFERENT: "NIK berbeda",
            Nik.NULL: "NIK tidak dapat dibandingkan",
        },
        "other_id": {
            Nik.EXACT: "nomor identitas (bukan NIK) identik",
            Nik.SERIAL_EDIT: "nomor identitas (bukan NIK) beda 1 digit (salah ketik?)",
            Nik.DIFFERENT: "nomor identitas (bukan NIK) berbeda",
        },
        "date": {
            Date.EXACT: "tanggal lahir sama",
            Date.SWAPPED: "tanggal↔bulan lahir tertukar",
            Date.DAYS: "tanggal lahir selisih 1–3 hari",
            Date.YEAR: "tahun lahir selisih 1–2",
            Date.TYPO: "tanggal lahir beda 1 angka (salah ketik?)",
            Date.MONTH: "bulan dan tahun lahir sama",
            Date.DIFFERENT: "tanggal lahir berbeda",
            Date.NULL: "tanggal lahir tidak ada",
        },
        "name": {
            Name.EXACT: "nama sama setelah normalisasi",
            Name.SAME_INFORMATIVE: "nama sama kecuali kata umum (Muhammad/Siti/dst.)",
            Name.SUBSET: "nama satu memuat nama lain (kata hilang/nama tunggal)",
            Name.FUZZY: "nama hampir sama (salah ketik/ejaan)",
            Name.PARTIAL: "sebagian nama sama",
            Name.DIFFERENT: "nama berbeda",
            Name.NULL: "nama kosong",
        },
        "sex": {
            Sex.SAME: "jenis kelamin sama",
            Sex.DIFFERENT: "jenis kelamin BERBEDA",
            Sex.NULL: "jenis kelamin tidak diketahui",
        },
        "geo": {
            Geo.PLACE: "tempat lahir sama",
            Geo.PLACE_NEAR: "tempat lahir sama, ejaan berbeda sedikit",
            Geo.REGENCY: "kabupaten/kota sama",
            Geo.PROVINCE: "provinsi sama",
            Geo.DIFFERENT: "wilayah berbeda",
            Geo.NULL: "wilayah tidak ada",
        },
        "covered": "wilayah sudah tercakup NIK",
        "source": {
            1: " (dari NIK)",
            2: " (isian calon vs NIK registri)",
            3: " (NIK calon vs isian registri)",
        },
        "titles": "gelar diabaikan: {}",
        "dummy": "NIK {} tampak dummy/tidak sah",
        "truncated": "digit terakhir NIK {} hilang (0000 — tersimpan sebagai angka di Excel?)",
        "nik_date": "tanggal lahir pada NIK {} tidak sesuai isian",
        "nik_sex": "jenis kelamin pada NIK {} tidak sesuai isian",
        "side": {"c": "calon", "r": "registri"},
        "prior": "peluang awal {:+.1f} bit",
        "total": "total {:+.1f} bit → p={:.4f}",
        "runner": "pembanding terdekat berikutnya: {} (p={:.4f})",
        "ambiguous": "DUA kecocokan kuat — perlu diperiksa",
        "sex_digit": "NIK hanya beda tanda perempuan (+40 pada tanggal): salah tulis, atau "
        "laki-laki dan perempuan lahir sama hari di kecamatan yang sama?",
        "rivals": "orang lain di daftar rujukan hampir sama cocoknya — perlu diperiksa",
        "alias": "nama berbeda tetapi NIK dan tanggal lahir identik — periksa kemungkinan alias",
        "second_nik": "NIK jauh berbeda padahal nama dan tanggal lahir sama — NIK kedua, atau "
        "orang lain bernama sama? perlu diperiksa",
        "initial": {1: "inisial nama cocok", -1: "inisial nama tidak cocok"},
    },
    "en": {
        "nik": {
            Nik.EXACT: "NIK identical",
            Nik.DATE_EDIT: "NIK differs by 1 digit/swap in the date part (typo?)",
            Nik.REGION_EDIT: "NIK differs by 1 digit in the district code",
            Nik.SERIAL_EDIT: "NIK serial differs by 1 digit (typo or neighbour?)",
            Nik.SERIAL_NEXT: "NIK serials consecutive (neighbour/twin born the same day?)",
            Nik.SAME_PREFIX: "NIK equal but for the serial (second NIK or neighbour?)",
            Nik.SAME_REGENCY: "NIK differs (same regency)",
            Nik.DIFFERENT: "NIK differs",
            Nik.NULL: "NIK not comparable",
        },
        "other_id": {
            Nik.EXACT: "identity number (not a NIK) identical",
            Nik.SERIAL_EDIT: "identity number (not a NIK) differs by 1 digit/swap (typo?)",
            Nik.DIFFERENT: "identity number (not a NIK) differs",
        },
        "date": {
            Date.EXACT: "same birth date",
            Date.SWAPPED: "birth day↔month swapped",
            Date.DAYS: "birth date 1–3 days apart",
            Date.YEAR: "birth year 1–2 apart",
            Date.TYPO: "birth date differs by one digit (typo?)",
            Date.MONTH: "same birth month and year",
            Date.DIFFERENT: "birth date differs",
            Date.NULL: "birth date missing",
        },
        "name": {
            Name.EXACT: "same name after normalisation",
            Name.SAME_INFORMATIVE: "same name except common words (Muhammad/Siti/...)",
            Name.SUBSET: "one name contains the other (dropped word/single name)",
            Name.FUZZY: "near-identical name (typo/spelling)",
            Name.PARTIAL: "part of the name shared",
            Name.DIFFERENT: "different name",
            Name.NULL: "name empty",
        },
        "sex": {Sex.SAME: "same sex", Sex.DIFFERENT: "sex DIFFERS", Sex.NULL: "sex unknown"},
        "geo": {
            Geo.PLACE: "same birth place",
            Geo.PLACE_NEAR: "same birth place, spelt slightly differently",
            Geo.REGENCY: "same regency/city",
            Geo.PROVINCE: "same province",
            Geo.DIFFERENT: "different area",
            Geo.NULL: "area missing",
        },
        "covered": "area already covered by the NIK",
        "source": {
            1: " (from NIK)",
            2: " (candidate form vs registry NIK)",
            3: " (candidate NIK vs registry form)",
        },
        "titles": "titles ignored: {}",
        "dummy": "{} NIK looks like a dummy/invalid",
        "truncated": "last digit of the {} NIK lost (0000 — stored as a number in a spreadsheet?)",
        "nik_date": "birth date in the {} NIK contradicts the form",
        "nik_sex": "sex in the {} NIK contradicts the form",
        "side": {"c": "candidate", "r": "registry"},
        "prior": "prior {:+.1f} bits",
        "total": "total {:+.1f} bits → p={:.4f}",
        "runner": "next closest: {} (p={:.4f})",
        "ambiguous": "TWO strong matches — needs checking",
        "sex_digit": "NIKs differ only by the woman's +40 on the day: a slip, or a man and a "
        "woman born the same day in the same district?",
        "rivals": "other registry people fit almost as well — needs checking",
        "alias": "names differ but NIK and birth date are identical — check for an alias",
        "second_nik": "NIKs far apart although name and birth date agree — a second NIK, or a "
        "namesake? needs checking",
        "initial": {1: "name initial agrees", -1: "name initial conflicts"},
    },
}


def _notes(t: dict[str, Any], people: People, row: int, side: str) -> list[str]:
    notes = []
    who = t["side"][side]
    if people.nik_problem[row] == "dummy":
        notes.append(t["dummy"].format(who))
    if people.nik_truncated[row]:
        notes.append(t["truncated"].format(who))
    dob, nik_dob = people.dob[row], people.nik_dob[row]
    if dob != INT_NULL and nik_dob != INT_NULL and dob != nik_dob:
        notes.append(t["nik_date"].format(who))
    if (
        people.stated_sex[row]
        and people.nik_sex[row]
        and people.stated_sex[row] != people.nik_sex[row]
    ):
        notes.append(t["nik_sex"].format(who))
    return notes


def explain(
    s: Scored,
    pos: int,
    c: People,
    r: People,
    *,
    language: str = "id",
    runner_up: int = -1,
    ambiguous: str = "",
) -> str:
    """One line of reasons for pair ``pos`` of ``s``, most decisive facts first.

    ``ambiguous`` says why a pair that would match was sent to review instead: ``"two"`` (the
    runner-up matches too, by a close score) or ``"rivals"`` (the candidate's other pairs
    together leave the best one under the match band)."""
    t = _TEXT.get(language, _TEXT["id"])
    lv, w = s.levels, s.weights
    ci, ri = int(s.ci[pos]), int(s.ri[pos])
    geo_text = t["geo"][lv.geo[pos]]
    other_id = bool(c.other_id[ci] and r.other_id[ri])
    if lv.nik[pos] <= Nik.SAME_PREFIX and lv.geo[pos] != Geo.NULL and not other_id:
        geo_text = t["covered"]
    nik_text = t["nik"][lv.nik[pos]]
    if other_id:
        nik_text = t["other_id"].get(int(lv.nik[pos]), nik_text)
    if lv.nik_sex_digit[pos]:
        nik_text = t["sex_digit"]
    date_text = t["date"][lv.date[pos]]
    if lv.date[pos] != Date.NULL:
        date_text += t["source"].get(int(lv.date_source[pos]), "")
    parts = [
        (nik_text, w.nik[pos]),
        (date_text, w.date[pos]),
        (t["name"][lv.name[pos]], w.name[pos]),
        (t["sex"][lv.sex[pos]], w.sex[pos]),
        (geo_text, w.geo[pos]),
    ]
    parts.sort(key=lambda item: -abs(item[1]))
    text = [f"{label} ({bits:+.1f})" for label, bits in parts]
    if lv.initials[pos]:
        text.append(t["initial"][int(lv.initials[pos])])
    titles = " ".join(x for x in (c.titles[ci], r.titles[ri]) if x)
    if titles:
        text.append(t["titles"].format(titles))
    text += _notes(t, c, ci, "c") + _notes(t, r, ri, "r")
    if lv.name[pos] >= Name.PARTIAL and lv.nik[pos] == Nik.EXACT and lv.date[pos] == Date.EXACT:
        text.append(t["alias"])
    if (
        lv.nik_apart[pos] >= 2
        and not other_id
        and lv.name[pos] <= Name.FUZZY
        and lv.date[pos] <= Date.DAYS
    ):
        text.append(t["second_nik"])
    text.append(t["prior"].format(s.prior))
    text.append(t["total"].format(s.score[pos], s.probability[pos]))
    if ambiguous:
        text.append(t["ambiguous" if ambiguous == "two" else "rivals"])
    if runner_up >= 0:
        text.append(t["runner"].format(r.ids[s.ri[runner_up]], s.probability[runner_up]))
    return "; ".join(text)
