#!/usr/bin/env python
r"""Usage::

    .venv/bin/python bench/screening/gen_agency_lists.py --seed 1 --registry 200000 \
        --candidates 5000 --links 1500 --out /tmp/agency1
    .venv/bin/python bench/screening/bench_independent.py --data /tmp/agency1

The second command scores the data through the real CLI (it reuses the folder because
truth.csv is there; run the generator first, or it generates its own data instead).

Independent synthetic generator for candidate-vs-registry screening tests.

Emphasis (deliberately different from a "faker first+last name, typo the candidate" generator):
  * the registry is a concatenation of agency lists, each with its own typing habits
    (upper case for village / military lists, titles for ASN, missing places and dates
    on honorary lists, Excel-mangled NIKs) and ~2% of people listed twice, typed separately;
  * names are built per region/ethnicity (Javanese mononyms and Eko/Dwi/Tri sibling sets,
    Sundanese, Batak marga and boru, Balinese birth-order + caste, Bugis Andi/Daeng,
    Minang adat titles and suku names, Malay, Madurese legal abbreviations,
    Chinese-Indonesian legal names vs Chinese aliases, Arabic-origin names), with a
    heavy-headed frequency distribution so that namesakes arise naturally;
  * NIKs are structurally valid (first-registration kecamatan, day+40 for women,
    serial counter per 12-digit prefix) so that same-day same-kecamatan neighbours and
    twins get NIKs one serial apart, and a candidate's NIK typo can land exactly on a
    neighbour's real NIK;
  * hard negatives: namesakes, NIK neighbours, siblings, twins, NIK collisions
    (registry row carries another person's NIK), shared dummy NIKs.

Outputs in --out: registry.csv, candidates.csv, truth.csv, meta.csv
"""

import argparse
import csv
import datetime as dt
import os
import random
import re
import sys
import time

import stdnum
from faker.providers.person.id_ID import Provider as _FP

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ".."))

from awasi.screening.linkage.tables import (  # noqa: E402  (the file contract)
    CANDIDATE_COLUMNS,
    REGISTRY_COLUMNS,
)

FK_M = list(_FP.first_names_male)
FK_F = list(_FP.first_names_female)
FK_LM = list(_FP.last_names_male)
FK_LF = list(_FP.last_names_female)

# ----------------------------------------------------------------------------- geography

PROV_WEIGHT = {  # province -> weight in the registry
    "19": 26,
    "33": 11,
    "35": 11,
    "32": 8,
    "31": 5,
    "34": 3,
    "51": 10,
    "12": 10,
    "73": 8,
    "13": 5,
    "16": 3,
}
ETH_MIX = {
    "19": {"malay": 42, "chinese": 24, "javanese": 12, "arabic": 12, "bugis": 5, "batak": 5},
    "51": {"balinese": 85, "javanese": 8, "arabic": 7},
    "12": {"batak": 62, "malay": 8, "javanese": 15, "arabic": 10, "chinese": 5},
    "73": {"bugis": 75, "arabic": 20, "javanese": 5},
    "13": {"minang": 85, "arabic": 10, "batak": 5},
    "33": {"javanese": 82, "arabic": 15, "chinese": 3},
    "34": {"javanese": 85, "arabic": 13, "chinese": 2},
    "35": {"javanese": 60, "madurese": 25, "arabic": 12, "chinese": 3},
    "32": {"sundanese": 72, "arabic": 18, "javanese": 10},
    "31": {
        "javanese": 28,
        "sundanese": 14,
        "arabic": 20,
        "batak": 10,
        "chinese": 12,
        "minang": 10,
        "bugis": 6,
    },
    "16": {"malay": 50, "javanese": 30, "arabic": 20},
}
TOWNS = {  # extra birth-place spellings people actually write
    "1901": ["Sungailiat", "Sungai Liat", "Belinyu"],
    "1902": ["Tanjung Pandan", "Tanjungpandan"],
    "1903": ["Muntok", "Mentok"],
    "1904": ["Koba"],
    "1905": ["Toboali"],
    "1906": ["Manggar"],
    "1971": ["Pangkalpinang", "Pkl. Pinang"],
    "3173": ["Jakarta"],
    "3171": ["Jakarta"],
    "3174": ["Jakarta"],
    "3172": ["Jakarta"],
    "3175": ["Jakarta", "Tanjung Priok"],
    "3578": ["Surabaya", "Soerabaja"],
    "3471": ["Yogyakarta", "Jogjakarta", "Jogja"],
    "3372": ["Solo", "Surakarta"],
    "1275": ["Medan"],
    "7371": ["Makassar", "Ujung Pandang"],
    "5171": ["Denpasar"],
    "1371": ["Padang"],
    "1671": ["Palembang"],
    "3273": ["Bandung"],
    "1206": ["Balige", "Porsea"],
    "1205": ["Tarutung"],
    "7313": ["Sengkang"],
    "7311": ["Watampone", "Bone"],
    "1375": ["Bukittinggi", "Bukit Tinggi"],
    "3205": ["Garut"],
    "5104": ["Gianyar", "Ubud"],
}


def load_regencies():
    path = os.path.join(os.path.dirname(stdnum.__file__), "id", "loc.dat")
    regs, prov = {}, None
    with open(path) as f:
        for line in f:
            if line.startswith("#") or not line.strip():
                continue
            if not line.startswith(" "):
                prov = line.split()[0]
            else:
                code = line.split()[0]
                name = re.search(r'name_id="([^"]+)"', line).group(1)
                if prov in PROV_WEIGHT:
                    regs[prov + code] = name
    return regs


def title(s):
    return " ".join(w[:1].upper() + w[1:].lower() for w in s.split())


# ----------------------------------------------------------------------------- name pools
# (weights: earlier items are more frequent -- Zipf-like draw)

JAV_SINGLE_M = (
    "Sutrisno Suparman Sugiyono Slamet Paiman Sukardi Suwarno Sumarno Mulyono Purwanto "
    "Haryanto Suharto Sunarto Supriyadi Sudarsono Wagiman Tukiman Sarjono Kusnadi Daryanto "
    "Subagyo Suyatno Margono Tugiyo Sukirno Widodo Wahyudi Prayitno Suparno Sutarno Rusdianto "
    "Sugeng Parjo Karyono Tarmuji Jumadi Sukamto Wiyono Suroso Triyono Giyanto Ngadiman Sarwono "
    "Harjono Sumardi Teguh Sutopo Kasiman Sudiyono"
).split()
JAV_SINGLE_F = (
    "Suharti Sumiati Sulastri Wahyuni Suprihatin Partini Sukarni Tumini Ngatini Kasmini "
    "Purwaningsih Setyowati Kartini Lestari Sunarsih Marsini Wartini Sutarmi Rubiyem Sumini "
    "Juminten Painem Suratmi Sriyati Mujiati Warsini Tukinah Suyatmi Sukinem Rusmiyati"
).split()
JAV_FIRST_M = (
    "Agus Budi Bambang Eko Dwi Tri Joko Heru Hadi Edy Teguh Yudi Slamet Rudi Ari Adi Bayu "
    "Dedi Hendro Arif Anton Wahyu Yoga Catur Dimas Andika Fajar Gilang Rizky Aditya Bagus Danang "
    "Galih Anang Sigit Tono Dodi Imam Yusuf Priyo Kukuh Ragil Setyo"
).split()
JAV_LAST_M = (
    "Santoso Susilo Prasetyo Wibowo Setiawan Purnomo Kurniawan Hidayat Nugroho Saputro "
    "Riyadi Wijaya Utomo Sulistyo Cahyono Pramono Hartono Gunawan Prabowo Suryono Raharjo "
    "Triyono Haryadi Sutejo Wicaksono Handoko Pamungkas Prakoso Adi Saputra Firmansyah Kuncoro "
    "Darmawan Suprapto Yulianto Hermawan Ardiansyah Priyanto Permana Sasongko"
).split()
JAV_FIRST_F = (
    "Sri Dwi Tri Endang Rini Yuli Dewi Wulan Ratna Eni Nur Ani Diah Retno Tutik Siti "
    "Yuni Lilik Indah Fitri Ayu Dian Putri Rina Novi Eka Erna Tri"
).split()
JAV_LAST_F = (
    "Rahayu Wahyuni Astuti Mulyani Handayani Susilowati Lestari Wulandari Sari Purwanti "
    "Utami Suryani Kusumawati Rahmawati Wijayanti Setyaningsih Hartati Widayati Anggraini "
    "Pratiwi Kurniasih Susanti Yuliana Puspitasari Maryani Sulistyowati Ningsih Hidayati"
).split()
SUN_FIRST_M = (
    "Asep Ujang Dede Cecep Acep Agus Dadang Deden Yayan Iwan Aep Entis Ade Dadan Ikin Jajang "
    "Endang Otong Wawan Yana"
).split()
SUN_LAST_M = (
    "Saepudin Suherman Sopyan Supriatna Rohmat Hermawan Kurniawan Sutisna Permana Nugraha "
    "Hidayat Ruhiyat Suryana Sumarna Mulyana Gunawan Firmansyah Rusmana Hendrayana Saputra "
    "Setiawan Wiguna Kusnadi Rustandi Solihin"
).split()
SUN_FIRST_F = (
    "Euis Neneng Iis Ai Imas Yati Enok Cucu Lilis Dewi Nining Popon Ela Eli Tati Yayah Enung Dedeh"
).split()
SUN_LAST_F = (
    "Rohaeni Nurhayati Kurniasih Sumiati Rostiana Komalasari Suryani Mulyani Sartika Rosita "
    "Nurjanah Sukmawati Herawati Kartika"
).split()
AR_FIRST_M = (
    "Muhammad Muhammad Muhammad Ahmad Abdul Abdul Nur Syaiful Zainal Hasan Ali Umar Yusuf "
    "Ibrahim Ismail Rahmat Arif Ridwan Khairul Syamsul Lukman Faisal Taufik Ilham Rizki "
    "Fauzi Hamdan Hafiz Fikri Mukhlis Anwar Usman Idris Husein Abdurrahman Abdullah"
).split()
AR_ABDUL = (
    "Rahman Rahim Karim Aziz Malik Hamid Majid Latif Wahab Rasyid Kadir Gani Halim Jalil Somad "
    "Muin Syukur Hakim Manaf Mutalib"
).split()
AR_SECOND_M = (
    "Yusuf Hidayat Hidayatullah Fauzi Arifin Amin Mansur Hasan Anwar Jamaluddin Nasruddin "
    "Saifuddin Syarifuddin Kamaruddin Ridwan Ramadhan Rizki Iqbal Fadli Zulkifli Ikhsan "
    "Syahputra Hakim Sholeh Mahfud Basri Rosyid Maulana Firdaus Nurdin Hamzah Ilyas Alwi"
).split()
AR_FIRST_F = (
    "Siti Siti Siti Nur Nurul Fatimah Aisyah Umi Khairunnisa Halimah Zainab Rahmawati Nurhayati "
    "Hafsah"
).split()
AR_SECOND_F = (
    "Aminah Aisyah Fatimah Khadijah Maryam Zulaikha Rohmah Hajar Salamah Rukayah Zubaidah "
    "Nurjanah Komariah Maemunah Muawanah Hamidah Sholihah Hidayah Azizah Laila Hasanah Fitriani "
    "Aini Jannah Kalsum Mardiyah Rahmah Munawarah Saadah Nurhalimah"
).split()
MAD_FIRST_M = "Moh. Moh. Moh. Abd. Ach. Muh. Mohammad Achmad Abdul Ahmad Mat Sahrul".split()
MAD_SECOND_M = (
    "Hasan Holil Sholeh Rofiq Kholil Toyyib Syafi'i Munir Hosen Ramli Sahri Zainuri Fathorrahman "
    "Jamal Rasyid Nawawi Dofir Mahrus Syamsul Hafid"
).split()
MAD_FIRST_F = "Siti St. Nur Hj. Umi".split()
BATAK_MARGA = (
    "Siregar Nasution Simanjuntak Sitompul Nainggolan Hutapea Panjaitan Sinaga Simbolon Pardede "
    "Situmorang Manurung Sihombing Lubis Harahap Tambunan Pasaribu Hutagalung Silalahi Sitorus "
    "Marpaung Gultom Napitupulu Damanik Saragih Purba Ginting Sembiring Tarigan Sitepu Hasibuan "
    "Rangkuti Daulay Simatupang Hutabarat Sianturi Samosir Sirait Butarbutar Lumbantobing"
).split()
BATAK_MUSLIM_MARGA = set("Nasution Lubis Harahap Siregar Hasibuan Rangkuti Daulay".split())
BATAK_M = (
    "Maruli Togar Lamhot Tigor Parlindungan Binsar Hotman Jonner Rudolf Bonar Sahat Poltak Robert "
    "Jhon Benny Herbert Saut Martua Mangasi Darwin Hendrik Roy Daniel Hisar Tumpal Marojahan "
    "Gomgom Pardamean Sabar Ramlan Jansen Ronald Fernando Jonathan Charles Dolok Manahan Bernard"
).split()
BATAK_M2 = (
    "Halomoan Parulian Martahan Tua Hamonangan Pandapotan Sahala Mangapul Tiurlan Parsaoran".split()
)
BATAK_F = (
    "Rosmawati Dame Tiurma Ruth Friska Lasmaria Hotmaida Rospita Nurmala Mariani Tiominar Erna "
    "Juniarti Risma Debora Lenny Sondang Ratna Masniari Rotua Lamtiar Hotnida Tetty Nurhaida "
    "Rosdiana"
).split()
BALI_ORDER = [
    ["Wayan", "Putu", "Gede"],
    ["Made", "Kadek", "Nengah"],
    ["Nyoman", "Komang"],
    ["Ketut"],
]
BALI_CASTE_M = [
    "Ida Bagus",
    "I Gusti Ngurah",
    "I Gusti Bagus",
    "Anak Agung Gede",
    "Cokorda",
    "I Dewa Gede",
    "I Dewa Made",
]
BALI_CASTE_F = [
    "Ida Ayu",
    "I Gusti Ayu",
    "Anak Agung Istri",
    "Desak Made",
    "Ni Gusti Ayu",
    "Anak Agung Ayu",
]
BALI_M = (
    "Sudiarta Suardana Arsana Suparta Wirawan Mahendra Adnyana Astawa Sumertha Sukadana Artawan "
    "Suarjana Budiarta Darmawan Sutama Sudarma Widiana Yasa Parwata Suastika Mertayasa Wardana "
    "Kariasa Sujana Putra Sedana Swastika Kertiasa Arnawa Sukarta Mustika Wiradana Suteja Semadi"
).split()
BALI_F = (
    "Widiasih Sukerti Artini Juliantari Sriasih Sumiasih Suarni Wartini Astiti Ariani Suryani "
    "Sukarmi Puspawati Widyastuti Sudiani Suartini Yuliantari Kartika Mertasari Sukmawati Sriani "
    "Armini Wulandari Sumerti Darmayanti Ratnadi Suciati"
).split()
BUGIS_M = (
    "Muhammad Arsyad|Baso|Syamsuddin|Amiruddin|Alimuddin|Rusdi|Bahtiar|Nurdin|Hasanuddin|Tajuddin|"
    "Ilham|Sudirman|Kaharuddin|Haris|Mansyur|Mappatoba|Mappasessu|Ambo Tang|Muhammad Yusuf|"
    "Abdul Haris|Muh. Nasir|Ramli|Jufri|Arifuddin|Kamaruddin|Syahrul|Anwar|Mustari|Sabri|Hamzah"
).split("|")
BUGIS_F = (
    "Besse Tenri|Besse Ratna|Tenriawaru|Tenri Ola|Nurhaeda|Hasnawati|Rosmini|Sitti Nurhayati|"
    "Rahmatia|Hamsiah|Marlina|"
    "Nurlela|Sitti Hadijah|Husnah|Jumriati|Sitti Rahmah|Haslinda|Nurbaya|Ramlah|Darmawati|Asriani"
).split("|")
DAENG = "Ngalle Tula Sewang Nai Tompo Rani Bundu Sikki Lira Mangka".split()
MIN_M = (
    "Syafrizal Yusrizal Afrizal Nofrizal Zulkifli Efendi Hendri Asril Nasrul Yuhendri Edi|Syafri "
    "Rahmat|Hidayat Fadli Muhammad|Ikhsan Jasman Syamsul|Bahri Marzuki Alfian Rizal Yondri Asmar "
    "Desrizal "
    "Zulhendri Syahrial Khairul|Anwar Irwandi Masrul Yulizar"
).split()
MIN_F = (
    "Desmawati Yulnelly Erniwati Yusnimar Nurhayati Rosmaniar Yeni|Marlina Sri|Yulianti "
    "Elfi|Susanti "
    "Mardiana Fitrianis Nelmawati Yusmaniar Warnida Yenti Rosnelli Yusnidar Elvi|Yanti Reni|Marlina"
).split()
MIN_SUKU = "Chaniago Tanjung Koto Piliang Sikumbang Jambak Guci Melayu Sikumbang Caniago".split()
MIN_DT = [
    "Dt. Rajo Mangkuto",
    "Dt. Bandaro",
    "Dt. Sinaro",
    "Dt. Rajo Ameh",
    "Dt. Tumanggung",
    "Dt. Majo Indo",
]
MAL_M = (
    "Rusli Syamsudin Zulkarnain Marwan Hasan|Basri Zainal|Abidin Rustam|Effendi Amri Junaidi "
    "Syahrial "
    "Herman Iskandar Darmansyah Erwin Firdaus Rosman Azhari Yusdi Hamdani Rozali Sahirman Fahrizal "
    "Rendy|Saputra Jamaludin Ismail|Hasan Bujang Rusdi Sapri Edi|Susanto Johan Yusuf|Efendi "
    "Rudi|Hartono Masrani"
).split()
MAL_F = (
    "Rosmaini Hasanah Zuraida Rosidah Nurhasanah Maimunah Rohani Sumarni Yusnani Erlina Marlina "
    "Nurbaiti Rusmala Zaitun Salmah Dahlia Asmah Juliana Rohaya Yuliana Fitriyani Sri|Wahyuni "
    "Leni|Marlina"
).split()
CH_GIVEN_M = (
    "Hendra Susanto Budi Rudy Willy Johan Ferry Suryadi Andreas Hendrik Sugianto Herman Erwin "
    "Jimmy Dedy Rudi Agus Hartono Yohanes Steven Kevin Felix Tommy Wilson Hengky Akiong Aliang"
).split()
CH_GIVEN_F = (
    "Lina Yanti Sinta Lisa Meliana Vivi Fransiska Liliana Susi Lili Mely Yenny Fenny Christina "
    "Juliana Ratna Veronika Elisabeth Linda Shirley Mei Apui Ayin"
).split()
CH_SURN = [
    ("Salim", "Liem"),
    ("Tanoto", "Tan"),
    ("Tanujaya", "Tan"),
    ("Wijaya", "Oei"),
    ("Halim", "Lim"),
    ("Gunawan", "Goei"),
    ("Lukito", "Lo"),
    ("Hartono", "Oei"),
    ("Sutanto", "Tan"),
    ("Setiawan", "Sie"),
    ("Kusuma", "Kwee"),
    ("Tjahjadi", "Tjia"),
    ("Santoso", "Tan"),
    ("Winata", "Oei"),
    ("Chandra", "Tjan"),
    ("Lesmana", "Lie"),
    ("Lianto", "Lie"),
    ("Sugiarto", "Bong"),
    ("Tjandra", "Tjhin"),
    ("Hendrawan", "Phang"),
    ("Husin", "Oei"),
    ("Wibisono", "Ong"),
    ("Angkasa", "Ang"),
    ("Kurniadi", "Chong"),
    ("Purnama", "Tjhin"),
    ("Fuadi", "Fung"),
    ("Yapari", "Yap"),
    ("Suharli", "Njoo"),
]
CH_SYL = (
    "Ah Kiong|Hok Tjoan|Siu Fung|Sui Lan|Kim Liong|Tjin Hoa|Fuk Min|Jin Hui|Mei Ling|Bun Seng|"
    "Kiem Hwa|A Fat|Liang Hua|Sen Fong|Tjoen Kiat|Fui Kian|Ming Ming|Kim Fa|A Lie|Fui Min|Siong|"
    "Bui Khiong|Nyuk Fa|Khiun Fo|Tet Sin|Sau Lan|Ket Ngo|Joe Lan"
).split("|")

TITLES_DEG = [
    "S.Pd.",
    "S.E.",
    "S.H.",
    "S.Sos.",
    "S.IP.",
    "S.Kom.",
    "S.T.",
    "S.Ag.",
    "S.Pd.I.",
    "A.Md.",
    "S.Kep.",
    "S.Farm.",
    "S.P.",
    "S.Hut.",
    "S.Tr.Kes.",
]
TITLES_MAG = ["M.Si.", "M.Pd.", "M.M.", "M.H.", "M.Kes.", "M.A.P.", "M.T."]


def zipf_choice(rng, seq, a=0.9):
    # heavy-headed draw over a hand-made list, with a long tail from faker's id_ID lists
    if id(seq) in TAILS and rng.random() < 0.45:
        return rng.choice(TAILS[id(seq)])
    n = len(seq)
    i = int(n * (rng.random() ** 1.4))
    return seq[min(i, n - 1)]


TAILS = {}


def sp(x):
    return x.replace("|", " ")


for _l in (JAV_FIRST_M, SUN_FIRST_M, BATAK_M):
    TAILS[id(_l)] = FK_M
for _l in (JAV_FIRST_F, SUN_FIRST_F, BATAK_F, MAL_F, MIN_F):
    TAILS[id(_l)] = FK_F
for _l in (JAV_LAST_M, SUN_LAST_M):
    TAILS[id(_l)] = FK_LM
for _l in (JAV_LAST_F, SUN_LAST_F):
    TAILS[id(_l)] = FK_LF
for _l in (MAL_M, MIN_M):
    TAILS[id(_l)] = FK_M
for _l in (BUGIS_F,):
    TAILS[id(_l)] = [f"{a} {b}" for a in ("Besse", "Sitti", "Andi") for b in FK_F[:60]]


# ----------------------------------------------------------------------------- persons


class Person:
    __slots__ = (
        "key",
        "sex",
        "eth",
        "name",
        "alias",
        "pre",
        "post",
        "haji",
        "dob",
        "birth_reg",
        "district",
        "nik",
        "work_reg",
        "family",
        "old",
        "cats",
        "muslim",
        "extra",
    )

    def __init__(self):
        self.extra = {}


class World:
    def __init__(self, rng):
        self.rng = rng
        self.regs = load_regencies()
        self.reg_codes = list(self.regs)
        self.by_prov = {}
        for c in self.reg_codes:
            self.by_prov.setdefault(c[:2], []).append(c)
        self.nkec = {c: rng.randint(5, 22) for c in self.reg_codes}
        self.serial = {}  # 12-digit prefix -> last serial
        self.nik_used = set()
        self.provs = list(PROV_WEIGHT)
        self.pw = [PROV_WEIGHT[p] for p in self.provs]
        self.villages = {}

    # ---- geography
    def pick_reg(self, prov=None):
        rng = self.rng
        prov = prov or rng.choices(self.provs, self.pw)[0]
        regs = self.by_prov[prov]
        # cities and first regencies a bit more populous
        return regs[min(int(len(regs) * rng.random() ** 1.4), len(regs) - 1)]

    def pick_district(self, reg):
        k = min(int(self.nkec[reg] * self.rng.random() ** 1.3) + 1, self.nkec[reg])
        return reg + f"{k:02d}"

    def village(self, reg):
        rng = self.rng
        a = rng.choice(
            [
                "Air",
                "Batu",
                "Sungai",
                "Tanjung",
                "Bukit",
                "Kampung",
                "Teluk",
                "Pulau",
                "Sumber",
                "Suka",
                "Karang",
                "Tegal",
                "Pasir",
                "Lubuk",
                "Kuta",
            ]
        )
        b = rng.choice(
            [
                "Baru",
                "Jaya",
                "Makmur",
                "Mulya",
                "Indah",
                "Raya",
                "Harapan",
                "Lestari",
                "Asri",
                "Rejo",
                "Sari",
                "Anyar",
                "Duren",
                "Hitam",
                "Merah",
                "Panjang",
                "Kelapa",
                "Mas",
            ]
        )
        return f"{a} {b}"

    def place_text(self, reg, style=None):
        """Birth place as somebody would type it."""
        rng = self.rng
        nm = title(self.regs[reg])
        r = rng.random()
        if reg in TOWNS and r < 0.35:
            return rng.choice(TOWNS[reg])
        if r < 0.45:
            return ("Kota " if reg[2:] >= "71" else "Kab. ") + nm
        return nm

    # ---- NIK
    def make_nik(self, district, dob, sex, serial=None):
        dd = dob.day + (40 if sex == "P" else 0)
        prefix = f"{district}{dd:02d}{dob.month:02d}{dob.year % 100:02d}"
        if serial is None:
            serial = self.serial.get(prefix, 0) + 1
        self.serial[prefix] = max(self.serial.get(prefix, 0), serial)
        nik = f"{prefix}{serial:04d}"
        self.nik_used.add(nik)
        return nik

    # ---- names
    def make_name(self, eth, sex, family=None):
        """Return (name tokens string, family token, alias, muslim)."""
        rng = self.rng
        alias, muslim = None, True
        fam = family
        if eth == "javanese":
            if fam and rng.random() < 0.8:  # sibling set: Eko/Dwi/Tri + shared second name
                first = rng.choice(
                    ["Eko", "Dwi", "Tri", "Catur", "Sri"]
                    if sex == "L"
                    else ["Dwi", "Tri", "Sri", "Eka"]
                )
                nm = f"{first} {fam}"
            else:
                r = rng.random()
                if r < 0.30:
                    nm = zipf_choice(rng, JAV_SINGLE_M if sex == "L" else JAV_SINGLE_F)
                elif r < 0.85:
                    nm = (
                        (zipf_choice(rng, JAV_FIRST_M) + " " + zipf_choice(rng, JAV_LAST_M))
                        if sex == "L"
                        else (zipf_choice(rng, JAV_FIRST_F) + " " + zipf_choice(rng, JAV_LAST_F))
                    )
                else:
                    nm = (
                        (
                            rng.choice(JAV_FIRST_M)
                            + " "
                            + rng.choice(JAV_FIRST_M)
                            + " "
                            + rng.choice(JAV_LAST_M)
                        )
                        if sex == "L"
                        else (
                            rng.choice(JAV_FIRST_F)
                            + " "
                            + rng.choice(JAV_LAST_F)
                            + " "
                            + rng.choice(JAV_LAST_F)
                        )
                    )
                # a shared second name only makes sense for multi-word names (Eko/Dwi/Tri Prasetyo)
                fam = nm.split()[-1] if len(nm.split()) >= 2 else None
            muslim = rng.random() < 0.88
        elif eth == "sundanese":
            nm = (
                (
                    zipf_choice(rng, SUN_FIRST_M)
                    + " "
                    + (fam if fam and rng.random() < 0.5 else zipf_choice(rng, SUN_LAST_M))
                )
                if sex == "L"
                else (zipf_choice(rng, SUN_FIRST_F) + " " + zipf_choice(rng, SUN_LAST_F))
            )
            fam = fam or nm.split()[-1]
        elif eth in ("arabic", "madurese"):
            if eth == "madurese":
                first = zipf_choice(rng, MAD_FIRST_M if sex == "L" else MAD_FIRST_F)
                if first == "Hj.":
                    first = "Siti"
                second = (
                    zipf_choice(rng, MAD_SECOND_M) if sex == "L" else zipf_choice(rng, AR_SECOND_F)
                )
                nm = f"{first} {second}"
            elif sex == "L":
                first = zipf_choice(rng, AR_FIRST_M)
                if first == "Abdul":
                    nm = "Abdul " + zipf_choice(rng, AR_ABDUL)
                    if rng.random() < 0.3:
                        nm += " " + zipf_choice(rng, AR_SECOND_M)
                else:
                    nm = first + " " + zipf_choice(rng, AR_SECOND_M)
                    if first == "Muhammad" and rng.random() < 0.25:
                        nm += " " + zipf_choice(rng, AR_SECOND_M)
            else:
                first = zipf_choice(rng, AR_FIRST_F)
                nm = first + " " + zipf_choice(rng, AR_SECOND_F)
            if fam and rng.random() < 0.6:
                nm += (" bin " if sex == "L" else " binti ") + fam
            fam = fam or rng.choice(AR_SECOND_M)
        elif eth == "batak":
            marga = fam or zipf_choice(rng, BATAK_MARGA, 0.7)
            muslim = marga in BATAK_MUSLIM_MARGA and rng.random() < 0.85
            if muslim:
                given = zipf_choice(rng, AR_FIRST_M if sex == "L" else AR_FIRST_F)
                given += " " + zipf_choice(rng, AR_SECOND_M if sex == "L" else AR_SECOND_F)
                if given.startswith("Abdul "):
                    given = "Abdul " + zipf_choice(rng, AR_ABDUL)
            else:
                given = zipf_choice(rng, BATAK_M if sex == "L" else BATAK_F)
                if sex == "L" and rng.random() < 0.3:
                    given += " " + rng.choice(BATAK_M2)
            if sex == "P" and rng.random() < 0.45:
                nm = f"{given} Br. {marga}" if rng.random() < 0.7 else f"{given} Boru {marga}"
            else:
                nm = f"{given} {marga}"
            fam = marga
        elif eth == "balinese":
            muslim = False
            r = rng.random()
            order = rng.choices(BALI_ORDER, [40, 30, 18, 12])[0]
            o = (
                rng.choice(order)
                if not (sex == "P" and order[0] == "Wayan")
                else rng.choice(["Wayan", "Putu"])
            )
            if sex == "P" and o == "Gede":
                o = "Putu"
            if fam or r < 0.12:  # caste family
                caste = fam or rng.choice(BALI_CASTE_M if sex == "L" else BALI_CASTE_F)
                if sex == "P" and caste in BALI_CASTE_M:
                    caste = BALI_CASTE_F[BALI_CASTE_M.index(caste) % len(BALI_CASTE_F)]
                if sex == "L" and caste in BALI_CASTE_F:
                    caste = BALI_CASTE_M[BALI_CASTE_F.index(caste) % len(BALI_CASTE_M)]
                given = zipf_choice(rng, BALI_M if sex == "L" else BALI_F)
                nm = f"{caste} {given}" if rng.random() < 0.6 else f"{caste} {o} {given}"
                fam = caste
            else:
                pre = "I" if sex == "L" else "Ni"
                given = zipf_choice(rng, BALI_M if sex == "L" else BALI_F)
                nm = f"{pre} {o} {given}"
                if rng.random() < 0.2:
                    nm += " " + rng.choice(BALI_M if sex == "L" else BALI_F)
                fam = None
        elif eth == "bugis":
            andi = fam == "Andi" or (fam is None and rng.random() < 0.3)
            given = sp(zipf_choice(rng, BUGIS_M if sex == "L" else BUGIS_F))
            nm = ("Andi " if andi else "") + given
            if not andi and sex == "L" and rng.random() < 0.2:
                nm += " Daeng " + rng.choice(DAENG)
            fam = "Andi" if andi else (fam or None)
        elif eth == "minang":
            nm = sp(zipf_choice(rng, MIN_M if sex == "L" else MIN_F))
            if fam or rng.random() < 0.2:
                suku = fam or rng.choice(MIN_SUKU)
                nm += " " + suku
                fam = suku
        elif eth == "malay":
            nm = sp(zipf_choice(rng, MAL_M if sex == "L" else MAL_F))
            if fam:
                nm += (" bin " if sex == "L" else " binti ") + fam
            elif rng.random() < 0.3:
                nm += " " + rng.choice(AR_SECOND_M)
            fam = (
                fam or sp(rng.choice(MAL_M + AR_SECOND_M)).split()[0]
            )  # father's name for bin/binti
        elif eth == "chinese":
            muslim = False
            idx = None
            if fam:
                idx = [s[0] for s in CH_SURN].index(fam)
            else:
                idx = min(int(len(CH_SURN) * rng.random() ** 1.5), len(CH_SURN) - 1)
            surn, clan = CH_SURN[idx]
            given = zipf_choice(rng, CH_GIVEN_M if sex == "L" else CH_GIVEN_F)
            alias = f"{clan} {rng.choice(CH_SYL)}"
            if rng.random() < 0.3:  # legal name is itself Chinese-style (common in Bangka)
                nm = alias
                alias = f"{given} {surn}"
            else:
                nm = f"{given} {surn}"
            fam = surn
        else:
            raise ValueError(eth)
        return nm, fam, alias, muslim

    def new_person(
        self, prov=None, eth=None, sex=None, family=None, dob=None, district=None, birth_reg=None
    ):
        rng = self.rng
        p = Person()
        reg = district[:4] if district else self.pick_reg(prov)
        prov = reg[:2]
        if eth is None:
            mix = ETH_MIX[prov]
            eth = rng.choices(list(mix), list(mix.values()))[0]
        p.eth = eth
        p.sex = sex or ("L" if rng.random() < 0.56 else "P")
        p.name, p.family, p.alias, p.muslim = self.make_name(eth, p.sex, family)
        if dob is None:
            y = rng.randint(1960, 2003)
            dob = dt.date(y, 1, 1) + dt.timedelta(days=rng.randrange(365))
        p.dob = dob
        # old-spelling legal names for older people (Javanese/Sundanese/Arabic/Malay mostly)
        p.old = False
        if (
            dob.year < 1976
            and eth in ("javanese", "arabic", "malay", "minang", "sundanese", "madurese")
            and rng.random() < 0.35
        ):
            o = to_old(p.name, rng, strong=True)
            if o != p.name:
                p.name, p.old = o, True
        p.district = district or self.pick_district(reg)
        if birth_reg:
            p.birth_reg = birth_reg
        else:
            p.birth_reg = (
                p.district[:4]
                if rng.random() < 0.72
                else (self.pick_reg(prov) if rng.random() < 0.8 else self.pick_reg())
            )
        p.work_reg = p.district[:4] if rng.random() < 0.8 else self.pick_reg(prov)
        p.nik = None
        # titles (truth: what the person holds)
        age = 2024 - dob.year
        p.pre, p.post = [], []
        r = rng.random()
        if r < 0.40 and age >= 23:
            if dob.year < 1968 and rng.random() < 0.35:
                p.pre.append(rng.choice(["Drs.", "Ir."] if p.sex == "L" else ["Dra.", "Ir."]))
            else:
                p.post.append(rng.choice(TITLES_DEG))
            if rng.random() < 0.15 and age >= 28:
                p.post.append(rng.choice(TITLES_MAG))
        p.haji = p.muslim and age > 38 and rng.random() < 0.16
        p.cats = []
        return p

    def assign_nik(self, p, serial=None):
        p.nik = self.make_nik(p.district, p.dob, p.sex, serial)


# ----------------------------------------------------------------------------- text noise

KEYB = {
    c: n
    for c, n in zip(
        "abcdefghijklmnopqrstuvwxyz",
        [
            "sqwz",
            "vghn",
            "xdfv",
            "serfcx",
            "wsdr",
            "drtgvc",
            "ftyhbv",
            "gyujnb",
            "ujko",
            "huikmn",
            "jiolm",
            "kop",
            "njk",
            "bhjm",
            "iklp",
            "ol",
            "wa",
            "edft",
            "awedxz",
            "rfgy",
            "yhji",
            "cfgb",
            "qase",
            "zsdc",
            "tghu",
            "asx",
        ],
        strict=True,
    )
}


def typo(name, rng):
    toks = name.split()
    cand = [i for i, t in enumerate(toks) if len(t) >= 4 and t.isalpha()]
    if not cand:
        return name
    i = rng.choice(cand)
    t = toks[i]
    j = rng.randrange(1, len(t))
    op = rng.random()
    if op < 0.35:
        c = t[j].lower()
        rep = rng.choice(KEYB.get(c, "a"))
        t = t[:j] + (rep.upper() if t[j].isupper() else rep) + t[j + 1 :]
    elif op < 0.6:
        t = t[:j] + t[j + 1 :]
    elif op < 0.8:
        t = t[:j] + t[j] + t[j:]
    elif j < len(t) - 1:
        t = t[:j] + t[j + 1] + t[j] + t[j + 2 :]
    else:
        t = t[:-1]
    toks[i] = t
    return " ".join(toks)


def _case_like(src, rep):
    if src.isupper() and len(src) > 1:
        return rep.upper()
    if src[:1].isupper():
        return rep[:1].upper() + rep[1:]
    return rep


def to_old(name, rng, strong=False):
    out = []
    for t in name.split():
        if "." in t or len(t) < 3:
            out.append(t)
            continue
        w = t.lower()
        p = 0.9 if strong else 0.8
        if "j" in w and rng.random() < p:
            w = w.replace("j", "dj")
        if "ny" in w and rng.random() < p:
            w = w.replace("ny", "nj")
        if "sy" in w and rng.random() < p:
            w = w.replace("sy", "sj")
        if "y" in w and rng.random() < p:
            w = w.replace("y", "j")
        if "c" in w and rng.random() < p:
            w = w.replace("c", "tj")
        if "kh" in w and rng.random() < p:
            w = w.replace("kh", "ch")
        if "u" in w and rng.random() < (0.6 if strong else 0.5):
            k = w.index("u")
            if k > 0 and w[k - 1] not in "aeiou":
                w = w[:k] + "oe" + w[k + 1 :]
        out.append(_case_like(t, w))
    return " ".join(out)


def to_new(name):
    out = []
    for t in name.split():
        w = t.lower()
        w = (
            w.replace("oe", "u")
            .replace("dj", "\x01")
            .replace("tj", "c")
            .replace("nj", "ny")
            .replace("sj", "sy")
        )
        w = w.replace("ch", "kh").replace("j", "y").replace("\x01", "j")
        out.append(_case_like(t, w))
    return " ".join(out)


MUH_VARIANTS = [
    "M.",
    "Muh.",
    "Moh.",
    "Mhd.",
    "Mochammad",
    "Mohammad",
    "Muhamad",
    "Mohamad",
    "Muhammad",
]


def abbreviate(name, rng):
    toks = name.split()
    out, changed = [], False
    i = 0
    while i < len(toks):
        t = toks[i]
        low = t.lower()
        if low in ("muhammad", "mohammad", "muhamad", "mochammad") and rng.random() < 0.9:
            out.append(rng.choice(["M.", "Muh.", "Moh.", "Mhd."]))
            changed = True
        elif low == "abdul" and rng.random() < 0.9:
            out.append("Abd.")
            changed = True
        elif low in ("siti", "sitti") and rng.random() < 0.9:
            out.append("St.")
            changed = True
        elif low == "andi" and i == 0:
            out.append("A.")
            changed = True
        elif low == "daeng":
            out.append("Dg.")
            changed = True
        elif low == "anak" and i + 1 < len(toks) and toks[i + 1].lower() == "agung":
            out.append("A.A.")
            i += 1
            changed = True
        elif low == "ida" and i + 1 < len(toks) and toks[i + 1].lower() in ("bagus", "ayu"):
            out.append("I.B." if toks[i + 1].lower() == "bagus" else "I.A.")
            i += 1
            changed = True
        elif low == "gusti":
            out.append("Gst.")
            changed = True
        elif low in ("ahmad", "achmad") and rng.random() < 0.5:
            out.append("Ach.")
            changed = True
        elif low == "nurul":
            out.append("Nur")
            changed = True
        elif low == "boru":
            out.append("Br.")
            changed = True
        else:
            out.append(t)
        i += 1
    return " ".join(out), changed


def expand(name, rng):
    """Legal abbreviations written out / spelling variants of Arabic names."""
    rep = {
        "moh.": ["Mohammad", "Muhammad", "Moch."],
        "muh.": ["Muhammad"],
        "m.": ["Muhammad"],
        "abd.": ["Abdul"],
        "st.": ["Siti"],
        "ach.": ["Achmad", "Ahmad"],
        "muhammad": ["Mohammad", "Muhamad", "Mochamad", "Muhammad"],
        "ahmad": ["Achmad", "Akhmad"],
        "achmad": ["Ahmad"],
        "abdurrahman": ["Abdul Rahman"],
        "syaiful": ["Saiful"],
        "yusuf": ["Yusup"],
        "khadijah": ["Hadijah", "Chadijah"],
        "hadijah": ["Khadijah"],
        "rahmat": ["Rachmat"],
        "fauzi": ["Fauzy"],
        "effendi": ["Efendi", "Effendy"],
        "efendi": ["Effendi"],
        "sitti": ["Siti"],
        "nur": ["Noor"],
        "br.": ["Boru", ""],
        "rudi": ["Rudy"],
        "dedy": ["Dedi"],
        "hendri": ["Hendry"],
        "jhon": ["John"],
        "syafi'i": ["Syafii"],
        "syamsuddin": ["Syamsudin"],
        "jamaluddin": ["Jamaludin"],
        "hasanuddin": ["Hasanudin"],
        "caniago": ["Chaniago"],
        "chaniago": ["Caniago"],
        "darmansyah": ["Darmansah"],
        "hosen": ["Husein"],
        "holil": ["Kholil"],
    }
    toks = name.split()
    idx = [i for i, t in enumerate(toks) if t.lower() in rep]
    if not idx:
        return name, False
    i = rng.choice(idx)
    toks[i] = _case_like(toks[i], rng.choice(rep[toks[i].lower()]))
    return " ".join(t for t in toks if t), True


def join_split(name, rng):
    toks = name.split()
    for i in range(len(toks) - 1):
        a, b = toks[i], toks[i + 1]
        if a.lower() in ("nur", "sri", "abdul", "tenri", "ratna", "dwi", "putri") and "." not in b:
            if a.lower() == "abdul" and b.lower()[0] in "rsnzdt":
                j = "Abdu" + b[0].lower() + b.lower()  # Abdul Rahman -> Abdurrahman
            else:
                j = a + b.lower()
            return " ".join(toks[:i] + [j] + toks[i + 2 :]), True
    for i, t in enumerate(toks):
        low = t.lower()
        for pre in ("nur", "sri", "abdur", "abdul"):
            if low.startswith(pre) and len(low) > len(pre) + 3:
                rest = low[len(pre) :]
                head = "Abdul" if pre.startswith("abd") else pre.capitalize()
                if pre == "abdur" and rest[0] == "r":
                    rest = rest[1:]
                return " ".join(toks[:i] + [head, rest.capitalize()] + toks[i + 1 :]), True
    return name, False


def drop_token(name, p, rng):
    toks = name.split()
    if len(toks) < 2:
        return name, None
    low = [t.lower() for t in toks]
    if p.eth == "balinese":
        if low[0] in ("i", "ni") and rng.random() < 0.6:
            return " ".join(toks[1:]), "drop_I_Ni"
        for o in ("wayan", "putu", "gede", "made", "kadek", "nengah", "nyoman", "komang", "ketut"):
            if o in low:
                k = low.index(o)
                return " ".join(toks[:k] + toks[k + 1 :]), "drop_birth_order"
    if "bin" in low or "binti" in low:
        k = low.index("bin") if "bin" in low else low.index("binti")
        return " ".join(toks[:k]), "drop_bin"
    if p.eth == "batak" and len(toks) >= 2:
        if rng.random() < 0.5:
            return " ".join(t for t in toks[:-1] if t.lower() not in ("br.", "boru")), "drop_marga"
    if low[0] == "andi" and rng.random() < 0.7:
        return " ".join(toks[1:]), "drop_andi"
    if "daeng" in low:
        k = low.index("daeng")
        return " ".join(toks[:k]), "drop_daeng"
    if len(toks) >= 3:
        k = rng.randrange(1, len(toks) - 1)
        return " ".join(toks[:k] + toks[k + 1 :]), "drop_middle"
    # two tokens: sometimes only one is written (nickname-like usage)
    if rng.random() < 0.6:
        return name, None
    return (toks[0] if len(toks[0]) >= 4 and rng.random() < 0.5 else toks[-1]), "drop_to_one"


def add_token(name, p, w, rng):
    if p.sex == "P" and rng.random() < 0.5:
        if p.eth == "batak":
            return name.split(" Br.")[0].split(" Boru")[0] + " " + rng.choice(
                BATAK_MARGA
            ), "husband_marga"
        hus = w.make_name(rng.choice(["javanese", "arabic", "malay"]), "L")[0].split()[-1]
        return name + " " + hus, "husband_name"
    if p.eth == "minang" and p.sex == "L":
        return name + " " + rng.choice(MIN_DT), "adat_title_Dt"
    if p.muslim:
        father = rng.choice(AR_SECOND_M + MAL_M[:10]).replace("|", " ")
        return name + (" bin " if p.sex == "L" else " binti ") + father, "bin_father"
    return name + " " + rng.choice(JAV_LAST_M), "extra_given"


def reorder(name, rng):
    toks = name.split()
    if len(toks) < 2:
        return name, False
    if len(toks) == 2:
        return f"{toks[1]} {toks[0]}", True
    i = rng.randrange(len(toks) - 1)
    toks[i], toks[i + 1] = toks[i + 1], toks[i]
    return " ".join(toks), True


def initials(name, rng):
    toks = name.split()
    cand = [i for i, t in enumerate(toks) if len(t) > 3 and "." not in t]
    if len(toks) < 2 or len(cand) < 2:
        return name, False
    i = cand[-1] if rng.random() < 0.6 else cand[0]
    toks[i] = toks[i][0].upper() + "."
    return " ".join(toks), True


def case_style(name, style):
    if style == "upper":
        return name.upper()
    if style == "lower":
        return name.lower()
    if style == "title":
        return " ".join(
            t if "." in t and len(t) <= 4 else (t[:1].upper() + t[1:].lower()) for t in name.split()
        )
    return name


def compose(name, pre, post, haji, sex, style, rng, p_titles=1.0, p_haji=1.0, order_var=True):
    parts = []
    titles = []
    if haji and rng.random() < p_haji:
        titles.append("H." if sex == "L" else "Hj.")
    if pre and rng.random() < p_titles:
        titles.append(pre[0])
    if order_var and len(titles) == 2 and rng.random() < 0.3:
        titles.reverse()
    body = case_style(name, style)
    if style == "upper":
        titles = [t.upper() if t not in ("dr.",) else t for t in titles]
    parts = titles + [body]
    s = " ".join(parts)
    if post and rng.random() < p_titles:
        sep = ", " if rng.random() < 0.85 else " "
        s += sep + ", ".join(post) if sep == ", " else sep + " ".join(post)
    return s


# ----------------------------------------------------------------------------- NIK / date noise

DUMMIES = ["3333333333333333", "1234567890123456", "0000000000000000"]


def nik_typo(nik, rng, avoid):
    for _ in range(50):
        i = rng.randrange(16)
        d = str((int(nik[i]) + rng.choice([1, 2, 3, 7, 8, 9])) % 10)
        n = nik[:i] + d + nik[i + 1 :]
        if n not in avoid:
            return n, i
    return nik, -1


def nik_transpose(nik, rng):
    idx = [i for i in range(15) if nik[i] != nik[i + 1]]
    i = rng.choice(idx)
    return nik[:i] + nik[i + 1] + nik[i] + nik[i + 2 :]


def nik_format(nik, rng):
    r = rng.random()
    if r < 0.35:
        return " ".join(nik[i : i + 4] for i in range(0, 16, 4))
    if r < 0.65:
        return f"{nik[:2]}.{nik[2:4]}.{nik[4:6]}.{nik[6:12]}.{nik[12:]}"
    if r < 0.85:
        return "'" + nik
    return nik[:6] + " " + nik[6:12] + " " + nik[12:]


def excel_mangle(nik):
    return nik[:15] + "0"


def dd(d):
    return d.isoformat() if d else ""


def shift_days(d, k):
    return d + dt.timedelta(days=k)


# ----------------------------------------------------------------------------- registry rendering

# category: (p_upper, p_titles, p_haji, p_place_missing, p_dob_missing, p_nik_missing,
#            p_nik_dummy, p_excel, p_default_dob, p_sex_missing)
CAT_STYLE = {
    "asn": (0.20, 0.85, 0.8, 0.03, 0.005, 0.01, 0.0, 0.003, 0.01, 0.01),
    "pppk": (0.30, 0.80, 0.7, 0.05, 0.01, 0.02, 0.0, 0.01, 0.01, 0.02),
    "tni": (0.95, 0.30, 0.3, 0.04, 0.005, 0.01, 0.0, 0.0, 0.01, 0.0),
    "polri": (0.90, 0.40, 0.4, 0.04, 0.005, 0.01, 0.0, 0.0, 0.01, 0.0),
    "bumn": (0.15, 0.60, 0.5, 0.08, 0.01, 0.02, 0.0, 0.01, 0.01, 0.05),
    "bumd": (0.40, 0.60, 0.6, 0.10, 0.02, 0.03, 0.0, 0.02, 0.01, 0.05),
    "village_head": (0.70, 0.70, 0.9, 0.12, 0.04, 0.04, 0.003, 0.03, 0.03, 0.05),
    "village_official": (0.75, 0.55, 0.9, 0.15, 0.05, 0.05, 0.005, 0.04, 0.03, 0.08),
    "bpd": (0.70, 0.55, 0.9, 0.18, 0.06, 0.07, 0.008, 0.05, 0.03, 0.10),
    "honorary": (0.45, 0.50, 0.6, 0.22, 0.08, 0.10, 0.015, 0.06, 0.02, 0.12),
    "election_body": (0.30, 0.60, 0.7, 0.08, 0.02, 0.03, 0.0, 0.02, 0.01, 0.05),
}
CAT_W = {
    "asn": 35,
    "pppk": 8,
    "tni": 5,
    "polri": 6,
    "bumn": 6,
    "bumd": 3,
    "village_head": 3,
    "village_official": 14,
    "bpd": 8,
    "honorary": 10,
    "election_body": 2,
}
DUP_PAIRS = [
    ("village_official", "bpd", 25),
    ("village_official", "honorary", 15),
    ("honorary", "pppk", 20),
    ("asn", "election_body", 8),
    ("village_official", "election_body", 10),
    ("bpd", "honorary", 8),
    ("village_head", "bpd", 5),
    ("honorary", "asn", 9),
]


def employer(w, cat, reg, rng):
    rn = title(w.regs[reg])
    kab = ("Kota " if reg[2:] >= "71" else "Kab. ") + rn
    if cat in ("asn", "pppk", "honorary"):
        return (
            rng.choice(
                [
                    "Dinas Pendidikan",
                    "Dinas Kesehatan",
                    "BKPSDM",
                    "Dinas PUPR",
                    "Sekretariat Daerah",
                    f"SD Negeri {rng.randint(1, 40)}",
                    f"SMP Negeri {rng.randint(1, 12)}",
                    "Puskesmas " + w.village(reg),
                    "RSUD",
                    "Kecamatan " + w.village(reg),
                    "Dinas Pertanian",
                    "Satpol PP",
                ]
            )
            + " "
            + kab
        )
    if cat == "tni":
        return (
            rng.choice(
                [
                    f"Kodim 04{rng.randint(1, 30):02d}",
                    "Korem 045/Garuda Jaya",
                    "Lanal Bangka",
                    f"Yonif {rng.randint(100, 800)}",
                    f"Koramil {rng.randint(1, 20):02d}",
                ]
            )
            + " "
            + rn
        )
    if cat == "polri":
        return rng.choice(["Polres", "Polsek " + w.village(reg) + ",", "Polresta"]) + " " + rn
    if cat == "bumn":
        return rng.choice(
            [
                "PT Timah Tbk",
                "PT PLN (Persero) UP3 " + rn,
                "PT Bank Rakyat Indonesia Cabang " + rn,
                "PT Pos Indonesia",
                "PT Pertamina Patra Niaga",
                "PT Pelindo",
                "PT Pegadaian " + rn,
            ]
        )
    if cat == "bumd":
        return rng.choice(["PDAM Tirta ", "Bank Daerah ", "BPR ", "Perumda Pasar "]) + rn
    if cat == "village_head":
        return "Pemerintah Desa " + w.village(reg) + ", " + kab
    if cat == "village_official":
        return (
            rng.choice(["Sekdes", "Kaur Keuangan", "Kasi Pemerintahan", "Kadus", "Kaur Umum"])
            + " Desa "
            + w.village(reg)
        )
    if cat == "bpd":
        return "BPD Desa " + w.village(reg)
    return rng.choice(
        [
            "PPK Kec. " + w.village(reg),
            "PPS Desa " + w.village(reg),
            "Sekretariat KPU " + kab,
            "Panwascam " + w.village(reg),
            "Sekretariat Bawaslu " + kab,
        ]
    )


def render_registry(w, p, cat, rng, second=False, flags=None):
    """One agency's row for person p. flags collects the registry-side noise (list)."""
    st = CAT_STYLE[cat]
    f = flags if flags is not None else []
    style = "upper" if rng.random() < st[0] else "title"
    name = p.name
    if p.eth == "chinese" and rng.random() < 0.04 and p.alias:
        name = f"{name} alias {p.alias}"
        f.append("reg_alias_inline")
    if second:  # separately typed second agency list
        r = rng.random()
        if r < 0.30:
            name = typo(name, rng)
            f.append("dup_typo")
        elif r < 0.50:
            name, ch = abbreviate(name, rng)
            f.append("dup_abbrev" if ch else "dup_clean")
        elif r < 0.62:
            name, ch = expand(name, rng)
            f.append("dup_variant" if ch else "dup_clean")
        elif r < 0.70:
            name = to_new(name) if p.old else to_old(name, rng)
            f.append("dup_spelling")
        else:
            f.append("dup_clean")
    if style == "upper":
        f.append("reg_upper")
    full = compose(name, p.pre, p.post, p.haji, p.sex, style, rng, p_titles=st[1], p_haji=st[2])
    if full != case_style(name, style):
        f.append("reg_titles")
    place = w.place_text(p.birth_reg)
    if style == "upper":
        place = place.upper()
    if rng.random() < st[3]:
        place = ""
        f.append("reg_no_place")
    dob = p.dob
    dob_s = dd(dob)
    if rng.random() < st[4]:
        dob_s = ""
        f.append("reg_no_dob")
    elif rng.random() < st[8]:
        dob_s = f"{dob.year}-{rng.choice(['12-31', '07-01', '01-01'])}"
        f.append("reg_default_dob")
    nik = p.nik
    r = rng.random()
    if r < st[5]:
        nik = ""
        f.append("reg_no_nik")
    elif r < st[5] + st[6]:
        nik = rng.choice(DUMMIES)
        f.append("reg_dummy_nik")
    elif r < st[5] + st[6] + st[7]:
        nik = excel_mangle(nik)
        f.append("reg_excel_nik")
    sex = "" if rng.random() < st[9] else p.sex
    if not sex:
        f.append("reg_no_sex")
    return dict(
        full_name=full,
        birth_place=place,
        birth_date=dob_s,
        sex=sex,
        nik=nik,
        category=cat,
        employer=employer(w, cat, p.work_reg, rng),
        region_code=p.work_reg,
    )


# ----------------------------------------------------------------------------- main

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
    "Partai Ummat",
]
LEVELS = [("DPR", 10), ("DPRD Provinsi", 25), ("DPRD Kabupaten/Kota", 65)]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--registry", type=int, default=200000)
    ap.add_argument("--candidates", type=int, default=5000)
    ap.add_argument("--links", type=int, default=1500)
    ap.add_argument("--out", default=".")
    a = ap.parse_args()
    t0 = time.time()
    rng = random.Random(a.seed)
    w = World(rng)
    os.makedirs(a.out, exist_ok=True)

    n_dup = int(round(a.registry * 0.02 / 1.02))
    n_people = a.registry - n_dup
    people = []
    # --- in-registry families (siblings/twins) and NIK neighbours are created alongside
    while len(people) < n_people:
        p = w.new_person()
        w.assign_nik(p)
        people.append(p)
        r = rng.random()
        if r < 0.035 and len(people) < n_people:  # sibling also in the registry
            s = make_sibling(w, p, rng)
            people.append(s)
            p.extra["sib"] = s
            s.extra["sib"] = p
        elif r < 0.040 and len(people) < n_people:  # twin in registry
            s = make_sibling(w, p, rng, twin=True)
            people.append(s)
            p.extra["twin"] = s
            s.extra["twin"] = p
        elif (
            r < 0.050 and len(people) < n_people
        ):  # same-day same-kecamatan neighbour (next serial)
            s = w.new_person(
                district=p.district,
                dob=p.dob,
                sex=p.sex if rng.random() < 0.7 else None,
                eth=p.eth if rng.random() < 0.7 else None,
            )
            w.assign_nik(s)
            people.append(s)
            p.extra["nb"] = s
            s.extra["nb"] = p
    people = people[:n_people]
    # --- categories; ~2% listed twice
    cats = list(CAT_W)
    cw = [CAT_W[c] for c in cats]
    for p in people:
        p.cats = [rng.choices(cats, cw)[0]]
    dup_idx = rng.sample(range(n_people), n_dup)
    for i in dup_idx:
        a1, b1, _ = rng.choices(DUP_PAIRS, [x[2] for x in DUP_PAIRS])[0]
        people[i].cats = [a1, b1] if rng.random() < 0.5 else [b1, a1]
    # --- NIK collisions inside the registry: some rows carry somebody else's NIK (data entry)
    # handled at candidate time (neg_nik_collision)

    # --- registry rows
    rows = []  # (row dict, person, flags)
    for p in people:
        for k, cat in enumerate(p.cats):
            fl = []
            row = render_registry(w, p, cat, rng, second=(k == 1), flags=fl)
            rows.append((row, p, fl))
    rng.shuffle(rows)
    prow = {}
    for i, (row, p, fl) in enumerate(rows):
        row["person_id"] = f"R{i + 1:07d}"
        prow.setdefault(id(p), []).append((row, fl))
    print(
        f"registry people={len(people)} rows={len(rows)} dup_people={n_dup} "
        f"t={time.time() - t0:.1f}s"
    )

    # ------------------------------------------------------------------ candidates
    cands = []  # (row, truth person ids, meta)
    n_link = a.links
    n_neg = a.candidates - n_link
    cat_pref = {
        "village_official": 3,
        "bpd": 3,
        "village_head": 3,
        "honorary": 2,
        "asn": 1,
        "pppk": 1.5,
        "election_body": 2,
        "bumd": 1,
        "bumn": 0.7,
        "tni": 0.3,
        "polri": 0.3,
    }
    dup_people = [p for p in people if len(p.cats) == 2]
    nb_people = [p for p in people if "nb" in p.extra]
    sib_people = [p for p in people if "sib" in p.extra or "twin" in p.extra]
    chosen = set()
    linked = []
    # 10% of linked candidates are double-listed people, 3% have a NIK neighbour,
    # 6% a sibling/twin in registry
    for pool, k in (
        (dup_people, int(n_link * 0.10)),
        (nb_people, int(n_link * 0.03)),
        (sib_people, int(n_link * 0.06)),
    ):
        for p in rng.sample(pool, min(k, len(pool))):
            if id(p) not in chosen:
                chosen.add(id(p))
                linked.append(p)
    import itertools

    cumw = list(itertools.accumulate(cat_pref[p.cats[0]] for p in people))
    while len(linked) < n_link:
        p = rng.choices(people, cum_weights=cumw)[0]
        if id(p) not in chosen:
            chosen.add(id(p))
            linked.append(p)

    reg_nik = {}
    for row, _, _ in rows:
        reg_nik.setdefault(row["nik"], []).append(row)

    for p in linked:
        meta = {"kind": "linked_dup" if len(p.cats) == 2 else "linked"}
        if "nb" in p.extra:
            meta["kind"] += "+nb_in_reg"
        if "sib" in p.extra or "twin" in p.extra:
            meta["kind"] += "+sib_in_reg"
        row = render_candidate(w, p, rng, meta, linked=True)
        truth = [r["person_id"] for r, fl in prow[id(p)]]
        meta["reg_noise"] = "|".join("+".join(fl) for r, fl in prow[id(p)])
        meta["confusers"] = "|".join(
            r["person_id"]
            for k in ("nb", "sib", "twin")
            if k in p.extra
            for r, _ in prow.get(id(p.extra[k]), [])
        )
        cands.append((row, truth, meta))

    # negatives
    kinds = [
        ("neg_namesake", 0.13),
        ("neg_namesake_same_dob", 0.01),
        ("neg_neighbour", 0.12),
        ("neg_sibling", 0.11),
        ("neg_twin", 0.02),
        ("neg_nik_collision", 0.02),
        ("neg_dummy_nik", 0.02),
        ("neg_random", 0.57),
    ]
    pool = [p for p in people if id(p) not in chosen]
    for _ in range(n_neg):
        kind = rng.choices([k for k, _ in kinds], [x for _, x in kinds])[0]
        base = rng.choice(pool)
        meta = {"kind": kind}
        if kind in ("neg_namesake", "neg_namesake_same_dob"):
            if kind == "neg_namesake":
                y = base.dob.year if rng.random() < 0.4 else rng.randint(1958, 2002)
                dob = dt.date(y, 1, 1) + dt.timedelta(days=rng.randrange(365))
                if dob == base.dob:
                    dob = shift_days(dob, 40)
            else:
                dob = base.dob
            same_reg = rng.random() < 0.5
            q = w.new_person(
                eth=base.eth,
                sex=base.sex,
                dob=dob,
                district=w.pick_district(base.district[:4]) if same_reg else None,
                prov=base.district[:2],
            )
            if kind == "neg_namesake_same_dob" and q.district == base.district:
                kec = (int(base.district[4:]) % w.nkec[base.district[:4]]) + 1
                q.district = f"{base.district[:4]}{kec:02d}"
            q.name, q.old, q.alias = base.name, base.old, base.alias
            q.birth_reg = base.birth_reg if same_reg else q.birth_reg
            w.assign_nik(q)
            meta["same_region"] = same_reg
        elif kind == "neg_neighbour":
            q = w.new_person(
                district=base.district,
                dob=base.dob,
                sex=base.sex if rng.random() < 0.8 else None,
                eth=base.eth if rng.random() < 0.8 else None,
            )
            q.birth_reg = base.birth_reg if rng.random() < 0.6 else q.birth_reg
            w.assign_nik(q)
        elif kind in ("neg_sibling", "neg_twin"):
            q = make_sibling(w, base, rng, twin=(kind == "neg_twin"))
        elif kind == "neg_nik_collision":
            # the registry operator typed this candidate's NIK on someone else's row:
            # candidate is a new person whose true NIK equals base's registry NIK
            q = w.new_person(prov=base.district[:2])
            q.nik = base.nik
            meta["note"] = "candidate NIK == NIK on an unrelated registry row"
        else:
            q = w.new_person(prov=base.district[:2] if rng.random() < 0.6 else None)
            w.assign_nik(q)
        row = render_candidate(w, q, rng, meta, linked=False, force_dummy=(kind == "neg_dummy_nik"))
        meta["confusers"] = (
            "|".join(r["person_id"] for r, _ in prow[id(base)]) if kind != "neg_random" else ""
        )
        meta["reg_noise"] = ""
        cands.append((row, [], meta))

    rng.shuffle(cands)
    for i, (row, _, _) in enumerate(cands):
        row["candidate_id"] = f"K{i + 1:05d}"

    # ------------------------------------------------------------------ write
    # The file contract of `awasi screen` (the columns and their order).
    rcols, ccols = list(REGISTRY_COLUMNS), list(CANDIDATE_COLUMNS)
    with open(os.path.join(a.out, "registry.csv"), "w", newline="") as f:
        wr = csv.DictWriter(f, rcols)
        wr.writeheader()
        for row, _, _ in rows:
            wr.writerow({k: row[k] for k in rcols})
    with open(os.path.join(a.out, "candidates.csv"), "w", newline="") as f:
        wr = csv.DictWriter(f, ccols)
        wr.writeheader()
        for row, _, _ in cands:
            wr.writerow({k: row[k] for k in ccols})
    with open(os.path.join(a.out, "truth.csv"), "w", newline="") as f:
        wr = csv.writer(f)
        wr.writerow(["candidate_id", "person_id"])
        for row, truth, _ in cands:
            for t in truth:
                wr.writerow([row["candidate_id"], t])
    mcols = [
        "candidate_id",
        "kind",
        "ethnicity",
        "n_true",
        "name_noise",
        "nik_noise",
        "dob_noise",
        "place_noise",
        "sex_noise",
        "reg_noise",
        "confusers",
        "note",
    ]
    with open(os.path.join(a.out, "meta.csv"), "w", newline="") as f:
        wr = csv.DictWriter(f, mcols)
        wr.writeheader()
        for row, truth, meta in cands:
            m = {k: meta.get(k, "") for k in mcols}
            m["candidate_id"] = row["candidate_id"]
            m["n_true"] = len(truth)
            m["note"] = "; ".join(
                str(x)
                for x in [meta.get("note", ""), ("same_region" if meta.get("same_region") else "")]
                if x
            )
            wr.writerow(m)
    print(
        f"candidates={len(cands)} linked={n_link} pairs={sum(len(t) for _, t, _ in cands)} "
        f"t={time.time() - t0:.1f}s"
    )


def make_sibling(w, p, rng, twin=False):
    if twin:
        dob = p.dob
    else:
        gap = rng.choice([-1, 1]) * rng.randint(1, 7) * 365 + rng.randint(-150, 150)
        dob = shift_days(p.dob, gap)
        if dob.year > 2004:
            dob = shift_days(p.dob, -abs(gap))
    fam = p.family
    if p.eth == "chinese" and fam not in [s[0] for s in CH_SURN]:
        fam = None
    if p.eth == "balinese" and fam is None:
        fam = None
    s = w.new_person(district=p.district, dob=dob, eth=p.eth, family=fam, birth_reg=p.birth_reg)
    for _ in range(5):
        if s.name != p.name:
            break
        s.name, s.family, s.alias, s.muslim = w.make_name(p.eth, s.sex, fam)
    w.assign_nik(s)
    return s


NIK_NOISE = [
    ("exact", 0.62),
    ("missing", 0.08),
    ("typo", 0.05),
    ("transpose", 0.04),
    ("dummy", 0.03),
    ("formatted", 0.07),
    ("female_no40", 0.03),
    ("second_nik", 0.03),
    ("excel_last0", 0.03),
    ("typo_serial", 0.02),
]
DOB_NOISE = [
    ("exact", 0.80),
    ("missing", 0.05),
    ("swap_dm", 0.04),
    ("year_pm1", 0.04),
    ("days_off", 0.05),
    ("nik_date_used", 0.02),
]
PLACE_NOISE = [
    ("retyped", 0.62),
    ("missing", 0.10),
    ("typo", 0.06),
    ("domicile", 0.08),
    ("spacing", 0.06),
    ("upper", 0.08),
]
NAME_OPS = [
    ("typo", 0.10),
    ("abbrev", 0.12),
    ("variant", 0.08),
    ("spelling", 0.08),
    ("drop", 0.07),
    ("add", 0.05),
    ("reorder", 0.03),
    ("join_split", 0.04),
    ("initials", 0.03),
    ("alias", 0.25),
]


def wchoice(rng, table):
    return rng.choices([k for k, _ in table], [x for _, x in table])[0]


def render_candidate(w, p, rng, meta, linked, force_dummy=False):
    meta["ethnicity"] = p.eth
    # ---------------- name
    name = p.name
    ops = []
    for op, pr in NAME_OPS:
        if op == "alias":
            if p.eth == "chinese" and p.alias and rng.random() < pr:
                if rng.random() < 0.5:
                    name = p.alias
                    ops.append("alias_only")
                else:
                    name = f"{name} ({p.alias})"
                    ops.append("alias_parenthesis")
            continue
        if rng.random() >= pr:
            continue
        if op == "typo":
            n2 = typo(name, rng)
            ch = n2 != name
            name = n2
        elif op == "abbrev":
            name, ch = abbreviate(name, rng)
        elif op == "variant":
            name, ch = expand(name, rng)
        elif op == "spelling":
            if p.eth not in ("javanese", "arabic", "malay", "minang", "sundanese", "madurese"):
                continue
            n2 = to_new(name) if p.old else to_old(name, rng)
            ch = n2 != name
            name = n2
            if ch:
                op = "spelling_" + ("old2new" if p.old else "new2old")
        elif op == "drop":
            n2, how = drop_token(name, p, rng)
            ch = how is not None and n2 != name
            name = n2
            op = how or op
        elif op == "add":
            name, how = add_token(name, p, w, rng)
            ch = True
            op = how
        elif op == "reorder":
            name, ch = reorder(name, rng)
        elif op == "join_split":
            name, ch = join_split(name, rng)
        elif op == "initials":
            name, ch = initials(name, rng)
        if ch:
            ops.append(op)
    style = "upper" if rng.random() < 0.30 else ("lower" if rng.random() < 0.02 else "title")
    full = compose(name, p.pre, p.post, p.haji, p.sex, style, rng, p_titles=0.85, p_haji=0.9)
    if style != "title":
        ops.append("case_" + style)
    meta["name_noise"] = "+".join(ops) if ops else "none"
    # ---------------- NIK
    nk = wchoice(rng, NIK_NOISE)
    if linked and ("nb" in p.extra or "twin" in p.extra) and rng.random() < 0.3:
        nk = "typo_serial"
    if force_dummy:
        nk = "dummy"
    nik = p.nik
    if nk == "missing":
        nik = ""
    elif nk == "typo":
        nik, pos = nik_typo(nik, rng, w.nik_used)
        nk = f"typo@{pos}"
    elif nk == "typo_serial":
        # one-digit typo in the serial; if the person has a registry neighbour,
        # hit exactly the neighbour's NIK
        nb = p.extra.get("nb") or p.extra.get("twin")
        if nb is not None and rng.random() < 0.9:
            nik = nb.nik
            nk = "typo_hits_neighbour_nik"
        else:
            i = rng.randrange(12, 16)
            nik = nik[:i] + str((int(nik[i]) + 1) % 10) + nik[i + 1 :]
            nk = f"typo_serial@{i}"
    elif nk == "transpose":
        nik = nik_transpose(nik, rng)
    elif nk == "dummy":
        nik = rng.choice(DUMMIES)
    elif nk == "formatted":
        nik = nik_format(nik, rng)
    elif nk == "female_no40":
        if p.sex == "P":
            nik = nik[:6] + f"{int(nik[6:8]) - 40:02d}" + nik[8:]
        else:
            nk = "exact"
    elif nk == "second_nik":
        d2 = w.pick_district(w.pick_reg(p.district[:2]))
        nik = w.make_nik(d2, p.dob, p.sex)
    elif nk == "excel_last0":
        nik = excel_mangle(nik)
        if nik == p.nik:
            nk = "exact"
    # neighbour candidates whose plan is 'exact' keep their own (next-serial) NIK
    meta["nik_noise"] = nk
    # ---------------- DOB
    dk = wchoice(rng, DOB_NOISE)
    d = p.dob
    if dk == "missing":
        dob = ""
    elif dk == "swap_dm":
        if d.day <= 12 and d.day != d.month:
            dob = dd(dt.date(d.year, d.day, d.month))
        else:
            dk = "exact"
            dob = dd(d)
    elif dk == "year_pm1":
        y = d.year + rng.choice([-1, 1])
        try:
            dob = dd(d.replace(year=y))
        except ValueError:
            dob = dd(dt.date(y, 2, 28))
    elif dk == "days_off":
        k = rng.choice([-5, -3, -2, -1, 1, 2, 3, 7])
        dob = dd(shift_days(d, k))
        dk = f"days_off{k:+d}"
    elif dk == "nik_date_used":
        # the clerk read the date from NIK digits of a woman without subtracting 40 -> invalid;
        # use 1st of month
        dob = dd(d.replace(day=1))
        dk = "day_set_to_1"
    else:
        dob = dd(d)
    meta["dob_noise"] = dk
    # ---------------- place
    pk = wchoice(rng, PLACE_NOISE)
    if pk == "missing":
        place = ""
    elif pk == "domicile":
        place = w.place_text(
            p.work_reg if p.work_reg != p.birth_reg else w.pick_reg(p.birth_reg[:2])
        )
    else:
        place = w.place_text(p.birth_reg)
        if pk == "typo":
            place = typo(place, rng) if len(place) > 4 else place
        elif pk == "spacing":
            place = (
                place.replace(" ", "")
                if " " in place
                else place[: len(place) // 2] + " " + place[len(place) // 2 :].lower()
            )
        elif pk == "upper":
            place = place.upper()
    meta["place_noise"] = pk
    # ---------------- sex
    r = rng.random()
    sex = p.sex
    meta["sex_noise"] = "none"
    if r < 0.03:
        sex = ""
        meta["sex_noise"] = "missing"
    elif r < 0.04:
        sex = "L" if p.sex == "P" else "P"
        meta["sex_noise"] = "wrong"
    # ---------------- election fields
    level = rng.choices([lv for lv, _ in LEVELS], [x for _, x in LEVELS])[0]
    if linked and rng.random() < 0.75:
        region = p.work_reg
    else:
        region = p.district[:4] if rng.random() < 0.6 else w.pick_reg(p.district[:2])
    dapil = (
        f"{w.regs[region]} {rng.randint(1, 6)}"
        if level != "DPR"
        else f"{w.regs[region][:20]} (DPR) {rng.randint(1, 3)}"
    )
    return dict(
        full_name=full,
        birth_place=place,
        birth_date=dob,
        sex=sex,
        nik=nik,
        party=rng.choice(PARTIES),
        level=level,
        dapil=dapil,
        region_code=region,
    )


if __name__ == "__main__":
    main()
