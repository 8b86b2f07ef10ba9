"""Independent synthetic data for the candidate-screening linker (registry x candidates).

This generator was written from the written specification only (docs: ``linkage.md`` §4
"Indonesian names and identity data" and §5.9-5.10, plus the file contract in
``awasi/screening/linkage/tables.py``). Its author did NOT read the linker's own generator
(``awasi/screening/linkage/synth.py``, ``synth_noise.py``) nor the linker's code, so the data is
not tuned to what the linker handles well. Use it to check the linker as an outside auditor would.

Output folder:

* ``registry.csv``   person_id,full_name,birth_place,birth_date,sex,nik,category,employer,
  region_code
* ``candidates.csv`` candidate_id,full_name,birth_place,birth_date,sex,nik,party,level,dapil,
  region_code
* ``truth.csv``      candidate_id,person_id,noise  (linked candidates only; ``noise`` lists the
  corruptions applied, separated by ``|``; an auditor's scorer can ignore the extra column)
* ``meta.csv``       candidate_id,person_id,group,noise  (every candidate; person_id empty when
  not in the registry; ``group`` is the name tradition; for non-linked candidates ``noise`` also
  flags deliberate traps: ``doppel`` = a different person with a registry person's exact name and
  birth date, ``twin`` = same kecamatan, birth date and family name as a registry person)

Usage::

    python bench/screening/gen_independent.py OUT_DIR [--seed 1] [--registry 200000]
        [--candidates 5000] [--links 1500] [--hard]

Design (all from the spec):

* People: province by 2020-census population, regency within a province by its number of
  kecamatan, kecamatan uniform. Name tradition by province (Balinese in Bali, Batak marga in
  North Sumatra, Christian given names + family names in the east, Chinese-Indonesian in the
  cities, "general" Javanese/Malay/Islamic elsewhere). Given and second names from faker id_ID
  lists with Zipf-skewed frequencies, so namesakes are common. Mononyms, 2- and 3-token names,
  Muhammad/Ahmad/Abdul/Siti prefixes with their abbreviations.
* NIK = kecamatan code (6) + DDMMYY (day + 40 for women) + serial 0001.. unique per first 12
  digits, over the registry AND the non-registry candidates together.
* Registry: birth place = NIK regency 75%; region_code = NIK regency 70%, else elsewhere; 2%
  without NIK, 0.3% dummy NIK; 15% show titles, 20% are upper-case, 4% are in old spelling.
* Linked candidates: corrupted copies (rates per §5.10, doubled by ``--hard`` for NIK, DOB and
  name noise). Non-linked candidates: same distributions and the same surface noise.
"""

from __future__ import annotations

import argparse
import datetime as dt
import re
import sys
import time
from pathlib import Path

import numpy as np
import polars as pl

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from awasi.screening.linkage.tables import CANDIDATE_COLUMNS  # noqa: E402  (the file contract)

WILAYAH = ROOT / "awasi" / "regions" / "data" / "wilayah"
REF = dt.date(2024, 1, 1)
EPOCH = dt.date(1970, 1, 1)

# 2020 census population (millions), rounded; Papua split provinces estimated.
PROVINCE_POP = {
    "11": 5.3,
    "12": 14.8,
    "13": 5.5,
    "14": 6.4,
    "15": 3.5,
    "16": 8.5,
    "17": 2.0,
    "18": 9.0,
    "19": 1.5,
    "21": 2.1,
    "31": 10.6,
    "32": 48.3,
    "33": 36.5,
    "34": 3.7,
    "35": 40.7,
    "36": 11.9,
    "51": 4.3,
    "52": 5.3,
    "53": 5.3,
    "61": 5.4,
    "62": 2.7,
    "63": 4.1,
    "64": 3.8,
    "65": 0.7,
    "71": 2.6,
    "72": 3.0,
    "73": 9.1,
    "74": 2.6,
    "75": 1.2,
    "76": 1.4,
    "81": 1.8,
    "82": 1.3,
    "91": 1.0,
    "92": 0.6,
    "93": 0.5,
    "94": 1.4,
    "95": 1.4,
    "96": 0.6,
}

# ---------------------------------------------------------------- name pools


def _faker_lists() -> dict[str, list[str]]:
    from faker.providers.person.id_ID import Provider as P

    def uniq(seq):
        return list(
            dict.fromkeys(
                s for s in seq if s not in ("Muhammad", "Nyoman", "Putu", "Raden", "Puti")
            )
        )

    return {
        "given_m": uniq(P.first_names_male),
        "given_f": uniq(P.first_names_female),
        "second_m": uniq(P.last_names_male),
        "second_f": uniq(P.last_names_female),
        "suffixes": list(P.suffixes),
    }


# Names known to be very frequent go to the head of the Zipf ranking (if faker has them).
HEAD = {
    "given_m": [
        "Agus",
        "Budi",
        "Eko",
        "Joko",
        "Hendra",
        "Rudi",
        "Bambang",
        "Wahyu",
        "Slamet",
        "Heru",
        "Yusuf",
        "Dwi",
        "Rahmat",
        "Hadi",
        "Irwan",
        "Adi",
        "Tri",
        "Imam",
        "Edi",
        "Dedi",
        "Teguh",
        "Hasan",
        "Indra",
        "Ahmad",
        "Andi",
        "Wawan",
        "Arif",
        "Iwan",
    ],
    "given_f": [
        "Sri",
        "Dewi",
        "Siti",
        "Nur",
        "Rina",
        "Yani",
        "Ani",
        "Indah",
        "Putri",
        "Ratna",
        "Ayu",
        "Sari",
        "Wulan",
        "Nurul",
        "Dian",
        "Fitria",
        "Endah",
        "Rini",
        "Yuni",
    ],
    "second_m": [
        "Saputra",
        "Setiawan",
        "Hidayat",
        "Kurniawan",
        "Santoso",
        "Wibowo",
        "Nugroho",
        "Pratama",
        "Prasetyo",
        "Gunawan",
        "Siregar",
        "Putra",
        "Wijaya",
        "Widodo",
    ],
    "second_f": [
        "Lestari",
        "Wahyuni",
        "Handayani",
        "Rahayu",
        "Susanti",
        "Utami",
        "Wulandari",
        "Rahmawati",
        "Astuti",
        "Safitri",
        "Hartati",
        "Pratiwi",
        "Puspitasari",
    ],
}

MUHAMMAD = (
    [
        "Muhammad",
        "Muhamad",
        "Mohammad",
        "Mohamad",
        "Moh.",
        "Muh.",
        "M.",
        "Mochammad",
        "Mhd.",
        "Mochamad",
    ],
    [45, 12, 10, 5, 8, 8, 7, 2, 2, 1],
)
AHMAD = (["Ahmad", "Achmad", "Akhmad", "Ahmat"], [60, 25, 12, 3])
ABDUL = (["Abdul", "Abd.", "Abd"], [80, 15, 5])
SITI = (["Siti", "St."], [92, 8])
NUR = (["Nur", "Noor", "Nurul"], [70, 10, 20])
ABDUL_TAIL = [
    "Rahman",
    "Karim",
    "Aziz",
    "Malik",
    "Rasyid",
    "Hakim",
    "Majid",
    "Latif",
    "Gani",
    "Wahab",
    "Halim",
    "Kadir",
    "Rohim",
    "Syukur",
    "Jalil",
    "Muis",
]

BALI_ORDER_M = (
    ["Wayan", "Putu", "Gede", "Made", "Kadek", "Nengah", "Nyoman", "Komang", "Ketut"],
    [18, 10, 6, 14, 6, 4, 12, 6, 12],
)
BALI_ORDER_F = (
    ["Wayan", "Putu", "Luh", "Made", "Kadek", "Nengah", "Nyoman", "Komang", "Ketut"],
    [16, 12, 6, 14, 6, 4, 12, 6, 12],
)
BALI_GIVEN_M = [
    "Sudarma",
    "Suartana",
    "Wirawan",
    "Arta",
    "Budiasa",
    "Suparta",
    "Mahendra",
    "Adnyana",
    "Sukadana",
    "Astawa",
    "Wiranata",
    "Sudiarta",
    "Ariasa",
    "Suwena",
    "Darmawan",
    "Swastika",
    "Widiana",
    "Sutama",
    "Gunawan",
    "Subagia",
    "Mertayasa",
    "Sukarma",
    "Antara",
    "Sudana",
    "Parwata",
    "Wisnawa",
    "Suarjana",
    "Dharma",
    "Yasa",
    "Sedana",
    "Suweca",
    "Wijaya",
    "Artana",
    "Sumerta",
    "Kariasa",
    "Budiarta",
]
BALI_GIVEN_F = [
    "Sri",
    "Suartini",
    "Sukerti",
    "Wahyuni",
    "Sudarmini",
    "Ariani",
    "Sulastri",
    "Astiti",
    "Kartini",
    "Suryani",
    "Widiasih",
    "Sariasih",
    "Sumertini",
    "Puspawati",
    "Mariani",
    "Rusmini",
    "Suciati",
    "Dewi",
    "Juliantari",
    "Yuliani",
    "Sukarini",
    "Mertasari",
    "Ardani",
    "Candra",
    "Widyastuti",
]
BALI_CASTE_M = ["Ida Bagus", "Anak Agung", "I Gusti Ngurah", "I Gusti Bagus", "Dewa", "Cokorda"]
BALI_CASTE_F = ["Ida Ayu", "Anak Agung Ayu", "I Gusti Ayu", "Desak", "Dewa Ayu", "Cokorda Istri"]

MARGA = [
    "Siregar",
    "Nasution",
    "Simanjuntak",
    "Harahap",
    "Lubis",
    "Sitompul",
    "Hutapea",
    "Situmorang",
    "Sinaga",
    "Pardede",
    "Simatupang",
    "Panjaitan",
    "Manurung",
    "Sihombing",
    "Tambunan",
    "Pohan",
    "Damanik",
    "Saragih",
    "Purba",
    "Ginting",
    "Tarigan",
    "Sembiring",
    "Hasibuan",
    "Rangkuti",
    "Simbolon",
    "Nainggolan",
    "Napitupulu",
    "Marpaung",
    "Sitorus",
    "Hutagalung",
    "Silalahi",
    "Pasaribu",
    "Tampubolon",
    "Samosir",
    "Sihotang",
    "Butarbutar",
    "Gultom",
    "Aritonang",
    "Matondang",
    "Batubara",
    "Daulay",
    "Hutabarat",
    "Sianturi",
]
CHRISTIAN_M = [
    "Yohanes",
    "Fransiskus",
    "Petrus",
    "Paulus",
    "Agustinus",
    "Markus",
    "Yakobus",
    "Stefanus",
    "Daniel",
    "Samuel",
    "Albertus",
    "Antonius",
    "Robert",
    "Benny",
    "Hendrik",
    "Jefri",
    "Melky",
    "Frans",
    "Marthen",
    "Yosep",
    "Maruli",
    "Hotman",
    "Rudolf",
    "Johny",
    "Nikolas",
    "Yulius",
    "Ferdinand",
    "Elias",
    "Simon",
    "Tomas",
]
CHRISTIAN_F = [
    "Maria",
    "Yosephina",
    "Ruth",
    "Debora",
    "Elisabeth",
    "Theresia",
    "Fransiska",
    "Kristina",
    "Yuliana",
    "Margaretha",
    "Magdalena",
    "Rosmawati",
    "Rosita",
    "Agustina",
    "Martha",
    "Veronika",
    "Helena",
    "Lusiana",
    "Meyske",
    "Fenny",
    "Juliana",
    "Yohana",
    "Ester",
    "Sarah",
    "Lidia",
]
FAMILY_EAST = [
    "Lumenta",
    "Pangemanan",
    "Sumampouw",
    "Tumbelaka",
    "Wenas",
    "Rondonuwu",
    "Mandagi",
    "Kaunang",
    "Lontoh",
    "Sondakh",
    "Latuconsina",
    "Pattiasina",
    "Tuhumury",
    "Matulessy",
    "Sahetapy",
    "Lekatompessy",
    "Manuputty",
    "Wattimena",
    "Wenda",
    "Tabuni",
    "Wonda",
    "Kogoya",
    "Murib",
    "Yikwa",
    "Rumbiak",
    "Mansawan",
    "Karubaba",
    "Wanggai",
    "Rumbekwan",
    "Fanataf",
    "Nenobais",
    "Taneo",
    "Bria",
    "Seran",
    "Nahak",
    "Manek",
    "Lake",
    "Fernandez",
    "Da Costa",
    "Mbete",
    "Ndoen",
    "Ratu",
    "Lado",
    "Kana",
    "Bessie",
    "Tefa",
]
CHINESE_GIVEN_M = [
    "Hendra",
    "Budi",
    "Sugianto",
    "Hartono",
    "Yohanes",
    "Willy",
    "Rudy",
    "Andreas",
    "Johan",
    "Steven",
    "Kevin",
    "Hengky",
    "Eddy",
    "Felix",
    "Tommy",
    "Wendy",
    "Sutrisno",
    "Harianto",
    "Ferry",
    "Anton",
]
CHINESE_GIVEN_F = [
    "Lina",
    "Susanti",
    "Vivian",
    "Lanny",
    "Melinda",
    "Fenny",
    "Linda",
    "Lily",
    "Yenny",
    "Meiliana",
    "Jenny",
    "Shirley",
    "Cynthia",
    "Herlina",
    "Suryani",
]
# Chinese surname -> Indonesian names adopted after 1966 (surname-derived), Chinese syllables.
CHINESE_SURNAME = {
    "Tan": ["Tanoto", "Tanuwijaya", "Tanudjaja", "Sutanto", "Tanjaya"],
    "Liem": ["Salim", "Halim", "Liman", "Limanto"],
    "Lie": ["Lukito", "Lianto", "Liemantara"],
    "Oei": ["Wijaya", "Widjaja", "Winata"],
    "Go": ["Gozali", "Gunawan", "Gondokusumo"],
    "Ong": ["Onggo", "Ongkowijoyo", "Wongso"],
    "The": ["Tedjo", "Tedja", "Tejakusuma"],
    "Kwee": ["Kusuma", "Kurniadi", "Kwelju"],
    "Lim": ["Salim", "Limantara", "Halim"],
    "Wong": ["Wongsodiharjo", "Wonowidjojo", "Wongso"],
}
CHINESE_SYLL = [
    "Siok",
    "Lan",
    "Hong",
    "King",
    "Swie",
    "Kim",
    "Hok",
    "Tjoen",
    "Bing",
    "Liang",
    "Mei",
    "Hwa",
    "Giok",
    "Djien",
    "Hian",
    "Gwan",
    "Tjing",
    "Soen",
    "Eng",
    "Hoa",
    "Kian",
    "Bie",
    "Lay",
    "Nio",
    "Tiong",
    "Yauw",
    "Sing",
    "Tjwan",
]

PREFIX_TITLES_M = (
    ["H.", "Dr.", "Ir.", "Drs.", "Prof. Dr.", "dr.", "KH.", "R.", "Tgk.", "Ust."],
    [40, 12, 12, 14, 2, 5, 3, 5, 3, 4],
)
PREFIX_TITLES_F = (
    ["Hj.", "Dr.", "Ir.", "Dra.", "dr.", "drg.", "R.A.", "Cut", "Ustz."],
    [48, 10, 8, 14, 8, 3, 4, 3, 2],
)
SUFFIX_TITLES = [
    "S.H.",
    "S.E.",
    "S.Pd.",
    "S.Sos.",
    "S.Kom.",
    "S.T.",
    "S.Ag.",
    "S.IP.",
    "S.Pd.I.",
    "A.Md.",
    "S.Kep.",
    "S.Hut.",
    "S.Farm.",
    "S.Psi.",
    "S.Ked.",
    "S.Tr.",
    "M.M.",
    "M.Si.",
    "M.Pd.",
    "M.H.",
    "M.Kom.",
    "M.Ak.",
    "M.Sc.",
    "MBA",
    "Ph.D.",
    "Sp.OG",
]
SUFFIX_W = [14, 12, 14, 8, 5, 6, 4, 4, 4, 5, 3, 1, 1, 1, 1, 1, 6, 5, 4, 3, 1, 1, 1, 1, 1, 1]
MASTER = {"M.M.", "M.Si.", "M.Pd.", "M.H.", "M.Kom.", "M.Ak.", "M.Sc.", "MBA", "Ph.D.", "Sp.OG"}

PARTIES = [
    "PKB",
    "Gerindra",
    "PDI Perjuangan",
    "Golkar",
    "NasDem",
    "Partai Buruh",
    "Gelora",
    "PKS",
    "PKN",
    "Hanura",
    "Garuda",
    "PAN",
    "PBB",
    "Demokrat",
    "PSI",
    "Perindo",
    "PPP",
    "Ummat",
]
LEVELS = (["dpr", "dprd_province", "dprd_regency", "dpd"], [0.12, 0.25, 0.6, 0.03])
ROMAN = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI"]

#: Registry categories (the values the import accepts) with the share of registry people in each.
CATEGORY_SHARE = {
    "asn": 0.40,
    "pppk": 0.12,
    "tni": 0.07,
    "polri": 0.08,
    "bumn": 0.06,
    "bumd": 0.03,
    "village_head": 0.04,
    "village_official": 0.10,
    "honorary": 0.08,
    "election_body": 0.02,
}
CATEGORIES = list(CATEGORY_SHARE)
CAT_W = list(CATEGORY_SHARE.values())
CAT_MALE = [0.48, 0.45, 0.95, 0.88, 0.62, 0.60, 0.93, 0.70, 0.40, 0.55]
CAT_AGE = [
    (22, 60),
    (20, 58),
    (18, 55),
    (18, 57),
    (20, 56),
    (20, 56),
    (25, 66),
    (20, 60),
    (18, 55),
    (20, 65),
]
BUMN = [
    "PT Bank Rakyat Indonesia (Persero) Tbk",
    "PT Bank Mandiri (Persero) Tbk",
    "PT PLN (Persero)",
    "PT Pertamina (Persero)",
    "PT Telkom Indonesia (Persero) Tbk",
    "PT Pos Indonesia (Persero)",
    "PT Kereta Api Indonesia (Persero)",
    "Perum Bulog",
    "PT Pegadaian",
    "PT Angkasa Pura I",
    "PT Pelindo (Persero)",
    "PT Bank Negara Indonesia",
]
ASN_UNITS = [
    "Dinas Pendidikan",
    "Dinas Kesehatan",
    "Sekretariat Daerah",
    "Dinas Pekerjaan Umum",
    "BPKAD",
    "Dinas Sosial",
    "Kantor Kecamatan",
    "RSUD",
    "Dinas Pertanian",
    "Kementerian Agama",
    "Badan Kepegawaian Daerah",
    "Dinas Perhubungan",
]


# ---------------------------------------------------------------- helpers


def zipf_weights(n: int, s: float) -> np.ndarray:
    w = 1.0 / np.arange(1, n + 1) ** s
    return w / w.sum()


def ranked(pool: list[str], head: list[str], rng: np.random.Generator) -> list[str]:
    """``pool`` ordered for Zipf weighting: known common names first, the rest shuffled."""
    first = [h for h in head if h in pool]
    rest = [p for p in pool if p not in first]
    rng.shuffle(rest)
    return first + rest


def place_name(regency_name: str) -> str:
    name = regency_name
    for prefix in ("Kabupaten Administrasi ", "Kota Administrasi ", "Kabupaten ", "Kota "):
        if name.startswith(prefix):
            name = name[len(prefix) :]
            break
    return name


def pick(rng: np.random.Generator, values, weights=None, size=None):
    arr = np.asarray(values, dtype=object)
    p = None if weights is None else np.asarray(weights, dtype=float) / np.sum(weights)
    return arr[rng.choice(len(arr), size=size, p=p)]


OLD_RULES = [("kh", "ch"), ("j", "dj"), ("y", "j"), ("u", "oe"), ("c", "tj")]


def old_spelling(name: str) -> str:
    """Rewrite a name in pre-1972 / pre-1947 spelling (kh->ch, j->dj, y->j, u->oe, c->tj)."""

    def word(w: str) -> str:
        out, i, low = [], 0, w.lower()
        while i < len(w):
            two = low[i : i + 2]
            if two == "kh":
                rep, step = "ch", 2
            elif two in ("ch", "dj", "tj", "oe"):  # already old spelling
                rep, step = two, 2
            elif low[i] == "j":
                rep, step = "dj", 1
            elif low[i] == "y":
                rep, step = "j", 1
            elif low[i] == "u":
                rep, step = "oe", 1
            elif low[i] == "c":
                rep, step = "tj", 1
            else:
                out.append(w[i])
                i += 1
                continue
            seg = w[i : i + step]
            if seg.isupper():
                rep = rep.upper()
            elif seg[0].isupper():
                rep = rep[0].upper() + rep[1:]
            out.append(rep)
            i += step
        return "".join(out)

    return " ".join(word(w) if not w.endswith(".") else w for w in name.split(" "))


# ---------------------------------------------------------------- regions


class Regions:
    def __init__(self) -> None:
        reg = pl.read_csv(WILAYAH / "regencies.csv", infer_schema=False)
        dis = pl.read_csv(WILAYAH / "districts.csv", infer_schema=False)
        prov = pl.read_csv(WILAYAH / "provinces.csv", infer_schema=False)
        self.prov_name = dict(zip(prov["code"], prov["name"], strict=True))
        counts = dis.group_by("regency_code").len()
        reg = reg.join(counts, left_on="code", right_on="regency_code", how="inner")
        reg = reg.with_columns(
            pl.col("name").map_elements(place_name, return_dtype=pl.Utf8).alias("place")
        )
        prov_tot = reg.group_by("province_code").agg(pl.col("len").sum().alias("tot"))
        reg = reg.join(prov_tot, on="province_code").sort("code")  # joins do not keep order
        pop = reg["province_code"].replace_strict(PROVINCE_POP, default=1.0).cast(pl.Float64)
        w = (pop * reg["len"] / reg["tot"]).to_numpy()
        self.reg_code = reg["code"].to_numpy().astype(object)
        self.reg_prov = reg["province_code"].to_numpy().astype(object)
        self.reg_name = reg["name"].to_numpy().astype(object)
        self.reg_place = reg["place"].to_numpy().astype(object)
        self.reg_w = w / w.sum()
        self.reg_index = {c: i for i, c in enumerate(self.reg_code)}
        # districts grouped by regency index
        dis = (
            dis.with_columns(
                pl.col("regency_code").replace_strict(self.reg_index, default=-1).alias("ri")
            )
            .filter(pl.col("ri") >= 0)
            .sort("ri", "code")
        )
        self.dis_code = dis["code"].str.replace_all(".", "", literal=True).to_numpy().astype(object)
        ri = dis["ri"].to_numpy()
        self.dis_start = np.searchsorted(ri, np.arange(len(self.reg_code)))
        self.dis_count = np.bincount(ri, minlength=len(self.reg_code))
        # regencies by province, for "elsewhere in the same province"
        self.prov_regs: dict[str, np.ndarray] = {}
        for p in np.unique(self.reg_prov):
            self.prov_regs[p] = np.flatnonzero(self.reg_prov == p)

    def sample_regency(self, rng, n):
        return rng.choice(len(self.reg_code), size=n, p=self.reg_w)

    def sample_district(self, rng, regs):
        off = (rng.random(len(regs)) * self.dis_count[regs]).astype(np.int64)
        return self.dis_code[self.dis_start[regs] + off]

    def other_regency(self, rng, regs, p_same_province: float):
        """Another regency: in the same province with ``p_same_province``, else anywhere."""
        n = len(regs)
        out = self.sample_regency(rng, n)
        same = rng.random(n) < p_same_province
        for i in np.flatnonzero(same):
            cands = self.prov_regs[self.reg_prov[regs[i]]]
            if len(cands) > 1:
                out[i] = cands[rng.integers(len(cands))]
        clash = out == regs
        out[clash] = (out[clash] + 1 + rng.integers(0, 50, clash.sum())) % len(self.reg_code)
        return out


# ---------------------------------------------------------------- people


class NameModel:
    def __init__(self, rng: np.random.Generator, hard: bool) -> None:
        lists = _faker_lists()
        s = 1.0 if hard else 0.75
        keep = 0.4 if hard else 1.0
        self.pools = {}
        for key in ("given_m", "given_f", "second_m", "second_f"):
            pool = ranked(lists[key], HEAD.get(key, []), rng)
            pool = pool[: max(20, int(len(pool) * keep))]
            self.pools[key] = (np.asarray(pool, dtype=object), zipf_weights(len(pool), s))
        self.hard = hard

    def draw(self, rng, key, n):
        pool, w = self.pools[key]
        return pool[rng.choice(len(pool), size=n, p=w)]


GROUPS = ["general", "balinese", "batak", "east", "chinese"]


def group_for(rng, provs: np.ndarray) -> np.ndarray:
    n = len(provs)
    u = rng.random(n)
    out = np.full(n, "general", dtype=object)
    table = {  # province -> cumulative (balinese, batak, east, chinese)
        "51": (0.85, 0.0, 0.01, 0.02),
        "12": (0.0, 0.45, 0.01, 0.08),
        "31": (0.005, 0.05, 0.03, 0.07),
        "61": (0.0, 0.01, 0.05, 0.08),
        "21": (0.0, 0.04, 0.02, 0.07),
        "19": (0.0, 0.01, 0.0, 0.08),
    }
    for p in ("53", "71", "81", "82", "91", "92", "93", "94", "95", "96"):
        table[p] = (0.0, 0.01, 0.62, 0.02)
    default = (0.004, 0.01, 0.01, 0.012)
    shares = np.array([table.get(p, default) for p in provs])
    cum = np.cumsum(shares, axis=1)
    out[u < cum[:, 3]] = "chinese"
    out[u < cum[:, 2]] = "east"
    out[u < cum[:, 1]] = "batak"
    out[u < cum[:, 0]] = "balinese"
    return out


def make_names(rng, model: NameModel, group: np.ndarray, male: np.ndarray, provs: np.ndarray):
    """Full names (no titles) for every person, vectorised by group; also Chinese aliases."""
    n = len(group)
    t = [np.full(n, None, dtype=object) for _ in range(5)]
    alias = np.full(n, None, dtype=object)

    def put(idx, col, values):
        t[col][idx] = values

    # general
    for is_m in (True, False):
        idx = np.flatnonzero((group == "general") & (male == is_m))
        k = len(idx)
        if not k:
            continue
        g1 = model.draw(rng, "given_m" if is_m else "given_f", k)
        g2 = model.draw(rng, "given_m" if is_m else "given_f", k)
        sec = model.draw(rng, "second_m" if is_m else "second_f", k)
        other = model.draw(rng, "second_m", k)  # women sometimes carry a "male" second name
        if not is_m:
            sec = np.where(rng.random(k) < 0.25, other, sec)
        shape = rng.choice(3, size=k, p=[0.13, 0.55, 0.32])  # mononym / 2 / 3 tokens
        u = rng.random(k)
        if is_m:
            pre = np.where(
                u < 0.10,
                pick(rng, *MUHAMMAD, size=k),
                np.where(
                    u < 0.14,
                    pick(rng, *AHMAD, size=k),
                    np.where(u < 0.17, pick(rng, *ABDUL, size=k), None),
                ),
            )
        else:
            pre = np.where(
                u < 0.08,
                pick(rng, *SITI, size=k),
                np.where(u < 0.12, pick(rng, *NUR, size=k), None),
            )
        # Andi (Bugis) in South/West Sulawesi
        andi = np.isin(provs[idx], ["73", "76"]) & (rng.random(k) < 0.15)
        pre = np.where(andi, "Andi", pre)
        has_pre = pre != None  # noqa: E711
        abdul = np.isin(pre, ABDUL[0])
        tail = pick(rng, ABDUL_TAIL, size=k)
        # with a prefix: prefix + given (+ second); never prefix alone
        c0 = np.where(has_pre, pre, g1)
        c1 = np.where(
            has_pre,
            np.where(abdul, tail, g1),
            np.where(shape >= 1, np.where(shape == 2, g2, sec), None),
        )
        c2 = np.where(has_pre, np.where(shape >= 1, sec, None), np.where(shape == 2, sec, None))
        put(idx, 0, c0)
        put(idx, 1, c1)
        put(idx, 2, c2)
    # balinese
    for is_m in (True, False):
        idx = np.flatnonzero((group == "balinese") & (male == is_m))
        k = len(idx)
        if not k:
            continue
        order = pick(rng, *(BALI_ORDER_M if is_m else BALI_ORDER_F), size=k)
        given = pick(rng, BALI_GIVEN_M if is_m else BALI_GIVEN_F, size=k)
        given2 = pick(rng, BALI_GIVEN_M if is_m else BALI_GIVEN_F, size=k)
        caste = rng.random(k) < 0.10
        ctitle = pick(rng, BALI_CASTE_M if is_m else BALI_CASTE_F, size=k)
        two = rng.random(k) < 0.45
        put(idx, 0, np.where(caste, ctitle, "I" if is_m else "Ni"))
        put(idx, 1, np.where(caste, given, order))
        put(idx, 2, np.where(caste, np.where(two, given2, None), given))
        put(idx, 3, np.where(~caste & two, given2, None))
    # batak
    for is_m in (True, False):
        idx = np.flatnonzero((group == "batak") & (male == is_m))
        k = len(idx)
        if not k:
            continue
        g1 = np.where(
            rng.random(k) < 0.4,
            pick(rng, CHRISTIAN_M if is_m else CHRISTIAN_F, size=k),
            model.draw(rng, "given_m" if is_m else "given_f", k),
        )
        g2 = model.draw(rng, "given_m" if is_m else "given_f", k)
        marga = pick(rng, MARGA, weights=zipf_weights(len(MARGA), 0.7), size=k)
        three = rng.random(k) < 0.4
        put(idx, 0, g1)
        put(idx, 1, np.where(three, g2, marga))
        put(idx, 2, np.where(three, marga, None))
    # east (Minahasa, Ambon, NTT, Papua): Christian given name(s) + family name
    for is_m in (True, False):
        idx = np.flatnonzero((group == "east") & (male == is_m))
        k = len(idx)
        if not k:
            continue
        g1 = pick(rng, CHRISTIAN_M if is_m else CHRISTIAN_F, size=k)
        g2 = np.where(
            rng.random(k) < 0.5,
            pick(rng, CHRISTIAN_M if is_m else CHRISTIAN_F, size=k),
            model.draw(rng, "given_m" if is_m else "given_f", k),
        )
        fam = pick(rng, FAMILY_EAST, size=k)
        three = rng.random(k) < 0.35
        put(idx, 0, g1)
        put(idx, 1, np.where(three, g2, fam))
        put(idx, 2, np.where(three, fam, None))
    # chinese-indonesian: legal Indonesian name + Chinese alias
    for is_m in (True, False):
        idx = np.flatnonzero((group == "chinese") & (male == is_m))
        k = len(idx)
        if not k:
            continue
        given = pick(rng, CHINESE_GIVEN_M if is_m else CHINESE_GIVEN_F, size=k)
        sur = pick(rng, list(CHINESE_SURNAME), size=k)
        indo = np.array(
            [CHINESE_SURNAME[s][rng.integers(len(CHINESE_SURNAME[s]))] for s in sur], dtype=object
        )
        s1 = pick(rng, CHINESE_SYLL, size=k)
        s2 = pick(rng, CHINESE_SYLL, size=k)
        mono = rng.random(k) < 0.15
        put(idx, 0, np.where(mono, indo, given))
        put(idx, 1, np.where(mono, None, indo))
        alias[idx] = [f"{a} {b} {c}" for a, b, c in zip(sur, s1, s2, strict=True)]
    # join the tokens, dropping a repeated one ("Agus Agus", "Rahayu Rahayu")
    names = (
        pl.DataFrame({f"t{i}": pl.Series(t[i].tolist(), dtype=pl.Utf8) for i in range(5)})
        .select(
            pl.concat_list([pl.col(f"t{i}") for i in range(5)])
            .list.drop_nulls()
            .list.unique(maintain_order=True)
            .list.join(" ")
            .alias("name")
        )["name"]
        .to_numpy()
        .astype(object)
    )
    return names, alias


def birth_dates(rng, lo_hi: np.ndarray) -> np.ndarray:
    """Birth dates (days since 1970) for ages between lo and hi (triangular, mode near 40)."""
    lo, hi = lo_hi[:, 0].astype(float), lo_hi[:, 1].astype(float)
    mode = np.clip(40.0, lo, hi)
    age = rng.triangular(0, 0.5, 1, size=len(lo))
    age = np.where(age < 0.5, lo + (mode - lo) * age * 2, mode + (hi - mode) * (age - 0.5) * 2)
    days = (age * 365.25 + rng.integers(0, 365, len(lo))).astype(np.int64)
    return (REF - EPOCH).days - days


def make_people(rng, n, regions: Regions, names: NameModel, kind: str):
    """n people as a dict of numpy arrays. kind 'registry' (with category) or 'candidate'."""
    regs = regions.sample_regency(rng, n)
    provs = regions.reg_prov[regs]
    if kind == "registry":
        cat = rng.choice(len(CATEGORIES), size=n, p=CAT_W)
        male = rng.random(n) < np.asarray(CAT_MALE)[cat]
        ages = np.asarray(CAT_AGE)[cat]
    else:
        cat = np.full(n, -1)
        male = rng.random(n) < 0.64
        ages = np.tile([21, 72], (n, 1))
    group = group_for(rng, provs)
    full, alias = make_names(rng, names, group, male, provs)
    return {
        "reg": regs,
        "prov": provs,
        "district": regions.sample_district(rng, regs),
        "male": male,
        "dob": birth_dates(rng, ages),
        "group": group,
        "name": full,
        "alias": alias,
        "cat": cat,
    }


def nik_prefix12(district: np.ndarray, dob_days: np.ndarray, male: np.ndarray) -> np.ndarray:
    d = pl.Series(dob_days.astype("int32")).cast(pl.Date)
    dd = (d.dt.day() + pl.Series(np.where(male, 0, 40))).cast(pl.Utf8).str.zfill(2)
    mm = d.dt.month().cast(pl.Utf8).str.zfill(2)
    yy = (d.dt.year() % 100).cast(pl.Utf8).str.zfill(2)
    return (pl.Series(district.astype(str)) + dd + mm + yy).to_numpy().astype(object)


def assign_serials(prefix: np.ndarray, rng) -> np.ndarray:
    """Serial 0001.. unique per 12-digit prefix, in random order within the prefix."""
    order = rng.permutation(len(prefix))
    df = pl.DataFrame({"p": prefix[order].astype(str), "o": order})
    df = df.with_columns((pl.int_range(pl.len()).over("p") + 1).alias("s"))
    serial = np.empty(len(prefix), dtype=np.int64)
    serial[df["o"].to_numpy()] = df["s"].to_numpy()
    nik = pl.Series(prefix.astype(str)) + pl.Series(serial).cast(pl.Utf8).str.zfill(4)
    return nik.to_numpy().astype(object)


def iso(days: np.ndarray) -> np.ndarray:
    return pl.Series(days.astype("int32")).cast(pl.Date).dt.strftime("%Y-%m-%d").to_numpy()


# ---------------------------------------------------------------- surface noise


def decorate_titles(
    rng, name: str, male: bool, age: int, p: float, nodots: float
) -> tuple[str, bool, bool]:
    """Add prefix/suffix titles with probability ``p``; returns (name, titled, dotless)."""
    if rng.random() >= p:
        return name, False, False
    pre, suf = [], []
    u = rng.random()
    if u < 0.55:
        vals, w = PREFIX_TITLES_M if male else PREFIX_TITLES_F
        t = str(pick(rng, vals, w))
        if t in ("Drs.", "Dra.", "Ir.") and age < 50 and rng.random() < 0.7:
            t = "H." if male else "Hj."
        pre.append(t)
        if t not in ("H.", "Hj.") and rng.random() < 0.3:
            pre.append("H." if male else "Hj.")
    if u > 0.3 or not pre:
        k = 1 + (rng.random() < 0.35)
        got = list(pick(rng, SUFFIX_TITLES, SUFFIX_W, size=k))
        got = sorted(dict.fromkeys(got), key=lambda s: s in MASTER)
        suf.extend(got)
    out = " ".join(pre + [name])
    if suf:
        out += ", " + ", ".join(suf)
    dotless = False
    if rng.random() < nodots:
        out = out.replace(",", "")
        out = re.sub(r"(?<=[A-Za-z])\.(?=[A-Za-z])", "", out).replace(". ", " ")
        out = out.rstrip(".")
        dotless = True
    return out, True, dotless


def typo(rng, name: str) -> str:
    toks = name.split(" ")
    ok = [i for i, t in enumerate(toks) if len(t) >= 3 and not t.endswith(".")]
    if not ok:
        return name
    i = ok[rng.integers(len(ok))]
    w = toks[i]
    kind = rng.integers(4)
    pos = int(rng.integers(1, len(w)))  # keep the first letter most of the time
    if rng.random() < 0.1:
        pos = 0
    letters = "aiueonrstkmlgdhbpjy"
    if kind == 0:  # substitute
        c = letters[rng.integers(len(letters))]
        while c == w[pos].lower():
            c = letters[rng.integers(len(letters))]
        w = w[:pos] + (c.upper() if w[pos].isupper() else c) + w[pos + 1 :]
    elif kind == 1:  # insert (often a doubled letter)
        c = w[pos - 1].lower() if rng.random() < 0.5 else letters[rng.integers(len(letters))]
        w = w[:pos] + c + w[pos:]
    elif kind == 2:  # delete
        w = w[:pos] + w[pos + 1 :]
    else:  # swap adjacent
        pos = min(pos, len(w) - 2)
        if w[pos] == w[pos + 1]:
            pos = max(0, pos - 1)
        w = w[:pos] + w[pos + 1] + w[pos] + w[pos + 2 :]
        if toks[i][0].isupper():
            w = w[0].upper() + w[1:].lower()
    if toks[i][0].isupper() and w:
        w = w[0].upper() + w[1:]
    toks[i] = w
    return " ".join(toks)


PREFIXY = {"I", "Ni", "Andi", "Ida", "Anak", "Gusti", "Dewa", "Desak", "Cokorda"}
PREFIXY |= set(MUHAMMAD[0]) | set(AHMAD[0]) | set(ABDUL[0]) | set(SITI[0]) | set(NUR[0])


def drop_token(rng, name: str) -> str | None:
    toks = name.split(" ")
    if len(toks) < 2:
        return None
    for _ in range(10):
        i = int(rng.integers(len(toks)))
        rest = toks[:i] + toks[i + 1 :]
        if any(t not in PREFIXY for t in rest):
            return " ".join(rest)
    return None


def initialise(rng, name: str) -> str | None:
    toks = name.split(" ")
    ok = [i for i, t in enumerate(toks) if i > 0 and len(t) > 2 and not t.endswith(".")]
    if not ok:
        return None
    i = ok[rng.integers(len(ok))]
    toks[i] = toks[i][0].upper() + "."
    return " ".join(toks)


VARIANT_SETS = [MUHAMMAD, AHMAD, ABDUL, SITI]


def revariant(rng, name: str) -> str | None:
    toks = name.split(" ")
    for j, t in enumerate(toks):
        for vals, w in VARIANT_SETS:
            if t in vals:
                new = str(pick(rng, vals, w))
                if new == t:
                    new = vals[(vals.index(t) + 1 + int(rng.integers(len(vals) - 1))) % len(vals)]
                toks[j] = new
                return " ".join(toks)
    return None


def nik_typo(rng, nik: str) -> str:
    i = int(rng.integers(16))
    d = str((int(nik[i]) + int(rng.integers(1, 10))) % 10)
    return nik[:i] + d + nik[i + 1 :]


def nik_transpose(rng, nik: str) -> str | None:
    opts = [i for i in range(15) if nik[i] != nik[i + 1]]
    if not opts:
        return None
    i = opts[rng.integers(len(opts))]
    return nik[:i] + nik[i + 1] + nik[i] + nik[i + 2 :]


def dummy_nik(rng) -> str:
    if rng.random() < 0.5:
        return str(rng.integers(1, 10)) * 16
    return rng.choice(
        ["1234567890123456", "0000000000000000", "1111222233334444", "3201000000000000"]
    )


# ---------------------------------------------------------------- main generator


def generate(
    out: Path, seed: int, n_registry: int, n_candidates: int, n_links: int, hard: bool
) -> dict:
    t0 = time.perf_counter()
    rng = np.random.default_rng(seed)
    regions = Regions()
    names = NameModel(rng, hard)
    m = 2.0 if hard else 1.0
    n_unlinked = n_candidates - n_links

    R = make_people(rng, n_registry, regions, names, "registry")
    U = make_people(rng, n_unlinked, regions, names, "candidate")

    # deliberate traps among the non-linked: doppelgangers and twins of registry people
    u = rng.random(n_unlinked)
    p_doppel, p_twin = (0.02, 0.01) if hard else (0.005, 0.003)
    doppel = u < p_doppel
    twin = (u >= p_doppel) & (u < p_doppel + p_twin)
    src = rng.integers(0, n_registry, n_unlinked)
    for i in np.flatnonzero(doppel):
        j = src[i]
        U["name"][i], U["dob"][i], U["male"][i] = R["name"][j], R["dob"][j], R["male"][j]
        U["group"][i] = R["group"][j]
    for i in np.flatnonzero(twin):
        # a sibling born the same day, registered in the same kecamatan (NIK serial differs);
        # a different given name; the family name is shared only where families have one
        j = src[i]
        U["dob"][i], U["district"][i], U["reg"][i] = R["dob"][j], R["district"][j], R["reg"][j]
        U["prov"][i], U["group"][i] = R["prov"][j], R["group"][j]
        theirs = str(R["name"][j]).split(" ")
        for _ in range(10):
            toks = str(
                make_names(
                    rng,
                    names,
                    np.array([R["group"][j]], dtype=object),
                    np.array([U["male"][i]]),
                    np.array([U["prov"][i]], dtype=object),
                )[0][0]
            ).split(" ")
            if R["group"][j] in ("batak", "east", "chinese") and len(theirs) > 1:
                toks = [*toks[:-1], theirs[-1]] if len(toks) > 1 else [toks[0], theirs[-1]]
            if not set(toks[:-1] or toks) & set(theirs[:-1] or theirs):
                break
        U["name"][i] = " ".join(toks)

    # NIKs over everybody together (serials unique per first 12 digits)
    prefix = nik_prefix12(
        np.concatenate([R["district"], U["district"]]),
        np.concatenate([R["dob"], U["dob"]]),
        np.concatenate([R["male"], U["male"]]),
    )
    nik_all = assign_serials(prefix, rng)
    R["nik"], U["nik"] = nik_all[:n_registry], nik_all[n_registry:]

    # geography: birth place (75% the NIK regency) and current regency
    for P, n in ((R, n_registry), (U, n_unlinked)):
        bp = np.where(rng.random(n) < 0.75, P["reg"], regions.other_regency(rng, P["reg"], 0.6))
        P["birth_place"] = regions.reg_place[bp]
        cur = np.where(rng.random(n) < 0.70, P["reg"], regions.other_regency(rng, P["reg"], 0.65))
        P["region"] = cur

    # ---- pick linked registry people (aged >= 21 at the election)
    age_days = (REF - EPOCH).days - R["dob"]
    eligible = np.flatnonzero(age_days >= 21 * 366)
    linked = rng.choice(eligible, size=n_links, replace=False)

    reg_nik = R["nik"].copy()  # registry NIK: 2% missing, 0.3% dummy
    u = rng.random(n_registry)
    reg_nik[u < 0.02] = ""
    for j in np.flatnonzero((u >= 0.02) & (u < 0.023)):
        reg_nik[j] = dummy_nik(rng)

    reg_name = R["name"].copy()  # registry display name (before titles/case), edited per link
    rows = []

    def cand_row(name, place, dob_days, sex, nik, region_idx):
        level = str(pick(rng, *LEVELS))
        regi = int(region_idx)
        prov = regions.prov_name[regions.reg_prov[regi]].upper()
        if level == "dpd":
            dapil = prov
        elif level in ("dpr", "dprd_province"):
            dapil = f"{prov} {ROMAN[rng.integers(len(ROMAN))]}"
        else:
            dapil = f"{regions.reg_place[regi].upper()} {rng.integers(1, 8)}"
        return {
            "full_name": name,
            "birth_place": place,
            "birth_date": "" if dob_days is None else str(EPOCH + dt.timedelta(days=dob_days)),
            "sex": sex,
            "nik": nik,
            "party": str(pick(rng, PARTIES)),
            "level": level,
            "dapil": dapil,
            "region_code": regions.reg_code[regi],
        }

    def surface(name, male, dob_days, noise):
        age = int(((REF - EPOCH).days - dob_days) / 365.25) if dob_days is not None else 45
        name, titled, dotless = decorate_titles(rng, name, male, age, 0.35, 0.15)
        if titled:
            noise.append("title")
        if dotless:
            noise.append("title_nodots")
        if rng.random() < 0.30:
            name = name.upper()
            noise.append("upper")
        return name

    # ---- linked candidates: corrupted copies
    for j in linked:
        j = int(j)
        noise: list[str] = []
        male = bool(R["male"][j])
        name = str(R["name"][j])
        if R["group"][j] == "chinese" and rng.random() < 0.15:
            if rng.random() < 0.5:
                name = str(R["alias"][j])
            else:
                reg_name[j] = str(R["alias"][j])
            noise.append("alias")
        if (new := revariant(rng, name)) and rng.random() < 0.5:
            name = new
            noise.append("muhammad")
        if rng.random() < 0.15 * m:
            if rng.random() < 0.5:
                new = old_spelling(name)
                side = "old_spelling_cand"
                if new != name:
                    name = new
                    noise.append(side)
            else:
                new = old_spelling(str(reg_name[j]))
                if new != reg_name[j]:
                    reg_name[j] = new
                    noise.append("old_spelling_reg")
        if rng.random() < 0.10 * m:
            if rng.random() < 0.6:
                if new := drop_token(rng, name):
                    name = new
                    noise.append("drop_cand")
            elif new := drop_token(rng, str(reg_name[j])):
                reg_name[j] = new
                noise.append("drop_reg")
        if rng.random() < 0.05 * m and (new := initialise(rng, name)):
            name = new
            noise.append("initial")
        if rng.random() < 0.15 * m:
            new = typo(rng, name)
            if new != name:
                name = new
                noise.append("typo")
        if len(name.split(" ")) == 1:
            noise.append("g:mononym")
        name = surface(name, male, int(R["dob"][j]), noise)
        # NIK (the candidate copies the person's true NIK; the registry may lack it)
        if reg_nik[j] != R["nik"][j]:
            noise.append("reg_nik_missing" if reg_nik[j] == "" else "reg_nik_dummy")
        nik = str(R["nik"][j])
        u = rng.random()
        if u < 0.05 * m:
            nik = ""
            noise.append("nik_missing")
        elif u < 0.10 * m:
            nik = nik_typo(rng, nik)
            noise.append("nik_typo")
        elif u < 0.12 * m:
            if new := nik_transpose(rng, nik):
                nik = new
                noise.append("nik_transpose")
        elif u < 0.12 * m + 0.01:
            nik = dummy_nik(rng)
            noise.append("nik_dummy")
        # DOB
        dob = int(R["dob"][j])
        d = EPOCH + dt.timedelta(days=dob)
        u = rng.random()
        out_dob: int | None = dob
        if u < 0.03 * m:
            out_dob = None
            noise.append("dob_missing")
        elif u < 0.07 * m:
            if d.day <= 12 and d.day != d.month:
                out_dob = (dt.date(d.year, d.day, d.month) - EPOCH).days
                noise.append("dob_swap")
            else:
                out_dob = dob + int(rng.choice([-1, 1]))
                noise.append("dob_days")
        elif u < 0.11 * m:
            y = d.year + int(rng.choice([-1, 1]))
            dd = min(d.day, 28) if d.month == 2 else d.day
            out_dob = (dt.date(y, d.month, dd) - EPOCH).days
            noise.append("dob_year")
        elif u < 0.15 * m:
            out_dob = dob + int(rng.choice([-3, -2, -1, 1, 2, 3]))
            noise.append("dob_days")
        # birth place, region, sex
        place = str(R["birth_place"][j])
        if rng.random() < 0.15:
            alt = regions.other_regency(rng, np.array([R["reg"][j]]), 0.6)[0]
            if rng.random() < 0.3 and regions.reg_place[R["reg"][j]] != place:
                alt = R["reg"][j]  # the NIK regency instead of the registry's birthplace
            place = str(regions.reg_place[alt])
            noise.append("place")
        if "upper" in noise:
            place = place.upper()
        region = int(R["region"][j])
        if rng.random() < 0.30:
            region = int(regions.other_regency(rng, np.array([region]), 0.7)[0])
            noise.append("region")
        sex = ("L" if male else "P") if rng.random() >= 0.01 else ""
        if not sex:
            noise.append("sex_missing")
        g = str(R["group"][j])
        row = cand_row(name, place, out_dob, sex, nik, region)
        row["_pid"] = j
        row["_noise"] = "|".join(noise)
        row["_group"] = g
        rows.append(row)

    # ---- non-linked candidates
    for i in range(n_unlinked):
        noise = []
        male = bool(U["male"][i])
        name = str(U["name"][i])
        if doppel[i]:
            noise.append("doppel")
        if twin[i]:
            noise.append("twin")
        if (new := revariant(rng, name)) and rng.random() < 0.3:
            name = new
        if rng.random() < 0.04:
            name = old_spelling(name)
            noise.append("old_spelling_cand")
        if len(name.split(" ")) == 1:
            noise.append("g:mononym")
        name = surface(name, male, int(U["dob"][i]), noise)
        nik = str(U["nik"][i])
        u = rng.random()
        if u < 0.05 * m:
            nik = ""
            noise.append("nik_missing")
        elif u < 0.05 * m + 0.01:
            nik = dummy_nik(rng)
            noise.append("nik_dummy")
        dob: int | None = int(U["dob"][i])
        if rng.random() < 0.03 * m:
            dob = None
            noise.append("dob_missing")
        place = str(U["birth_place"][i])
        if "upper" in noise:
            place = place.upper()
        sex = ("L" if male else "P") if rng.random() >= 0.01 else ""
        row = cand_row(name, place, dob, sex, nik, int(U["region"][i]))
        row["_pid"] = -1
        row["_noise"] = "|".join(noise)
        row["_group"] = str(U["group"][i])
        rows.append(row)

    order = rng.permutation(len(rows))
    rows = [rows[k] for k in order]
    width = max(5, len(str(len(rows))))
    for k, row in enumerate(rows, start=1):
        row["candidate_id"] = f"C{k:0{width}d}"

    # ---- registry table (vectorised)
    n = n_registry
    perm = rng.permutation(n)  # person ids in random order
    pid = np.empty(n, dtype=object)
    pw = max(7, len(str(n)))
    pid[perm] = [f"P{k:0{pw}d}" for k in range(1, n + 1)]
    # background: old spelling 4%, titles 15%, upper 20%, no NIK 2%, dummy NIK 0.3%
    is_linked = np.zeros(n, dtype=bool)
    is_linked[linked] = True
    bg_old = np.flatnonzero((rng.random(n) < 0.04) & ~is_linked)
    for j in bg_old:
        reg_name[j] = old_spelling(str(reg_name[j]))
    titled_idx = np.flatnonzero(rng.random(n) < 0.15)
    age_years = (((REF - EPOCH).days - R["dob"]) / 365.25).astype(int)
    for j in titled_idx:
        reg_name[j] = decorate_titles(
            rng, str(reg_name[j]), bool(R["male"][j]), int(age_years[j]), 1.0, 0.2
        )[0]
    up = rng.random(n) < 0.20
    full = pl.Series(reg_name.astype(str))
    full = pl.select(pl.when(pl.Series(up)).then(full.str.to_uppercase()).otherwise(full))
    full = full.to_series()
    nik = reg_nik
    cat = np.asarray(CATEGORIES, dtype=object)[R["cat"]]
    cur = R["region"]
    cur_name = regions.reg_name[cur]
    unit = pick(rng, ASN_UNITS, size=n)
    bumn = pick(rng, BUMN, size=n)
    emp = np.empty(n, dtype=object)
    village = np.array(
        [
            f"Desa {x}"
            for x in pick(
                rng,
                [
                    "Sukamaju",
                    "Sukajaya",
                    "Mekarsari",
                    "Sidomulyo",
                    "Karanganyar",
                    "Tanjung",
                    "Sumbersari",
                    "Margamulya",
                    "Banjarsari",
                    "Sukaraja",
                    "Mulyorejo",
                    "Tegalrejo",
                ],
                size=n,
            )
        ],
        dtype=object,
    )
    templates = {
        "asn": lambda k: unit[k] + " " + cur_name[k],
        "pppk": lambda k: unit[k] + " " + cur_name[k],
        "tni": lambda k: np.array(
            [f"Kodim {rng.integers(100, 1800):04d}" for _ in range(len(k))], dtype=object
        ),
        "polri": lambda k: "Polres " + regions.reg_place[cur[k]],
        "bumn": lambda k: bumn[k],
        "bumd": lambda k: "PDAM " + regions.reg_place[cur[k]],
        "village_head": lambda k: "Pemerintah " + village[k],
        "village_official": lambda k: "Pemerintah " + village[k],
        "honorary": lambda k: (
            "SD Negeri "
            + np.array([str(x) for x in rng.integers(1, 40, len(k))], dtype=object)
            + " "
            + regions.reg_place[cur[k]]
        ),
        "election_body": lambda k: (
            np.where(rng.random(len(k)) < 0.5, "KPU ", "Bawaslu ").astype(object) + cur_name[k]
        ),
    }
    for c, f in templates.items():
        k = np.flatnonzero(cat == c)
        if len(k):
            emp[k] = f(k)
    place = pl.Series(R["birth_place"].astype(str))
    place = pl.select(pl.when(pl.Series(up)).then(place.str.to_uppercase()).otherwise(place))
    registry = pl.DataFrame(
        {
            "person_id": pid.astype(str),
            "full_name": full,
            "birth_place": place.to_series(),
            "birth_date": iso(R["dob"]),
            "sex": np.where(R["male"], "L", "P"),
            "nik": nik.astype(str),
            "category": cat.astype(str),
            "employer": emp.astype(str),
            "region_code": regions.reg_code[cur].astype(str),
        }
    )
    registry = registry.sort("person_id")

    cands = pl.DataFrame(rows)
    cands = cands.with_columns(
        pl.col("_pid")
        .map_elements(lambda k: pid[k] if k >= 0 else "", return_dtype=pl.Utf8)
        .alias("person_id")
    )
    out.mkdir(parents=True, exist_ok=True)
    registry.write_csv(out / "registry.csv")
    cands.select(CANDIDATE_COLUMNS).sort("candidate_id").write_csv(out / "candidates.csv")
    meta = cands.select(
        "candidate_id",
        "person_id",
        pl.col("_group").alias("group"),
        pl.col("_noise").alias("noise"),
    ).sort("candidate_id")
    meta.write_csv(out / "meta.csv")
    meta.filter(pl.col("person_id") != "").select("candidate_id", "person_id", "noise").write_csv(
        out / "truth.csv"
    )
    return {
        "out": str(out),
        "seed": seed,
        "hard": hard,
        "registry": n_registry,
        "candidates": n_candidates,
        "links": n_links,
        "seconds": round(time.perf_counter() - t0, 1),
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("out", type=Path)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--registry", type=int, default=200_000)
    ap.add_argument("--candidates", type=int, default=5_000)
    ap.add_argument(
        "--links", type=int, default=None, help="linked candidates (default 30%% of --candidates)"
    )
    ap.add_argument("--hard", action="store_true")
    a = ap.parse_args()
    links = a.links if a.links is not None else int(round(0.3 * a.candidates))
    if links > a.candidates or links > a.registry:
        ap.error("--links must not exceed --candidates or --registry")
    import json

    print(json.dumps(generate(a.out, a.seed, a.registry, a.candidates, links, a.hard)))


if __name__ == "__main__":
    main()
