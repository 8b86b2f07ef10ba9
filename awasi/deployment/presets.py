"""Published TPS security patterns, labelled with their source (legal-notes.md §8, all secondary).

None of these is an official Mabes Polri 2024 formula — that formula is UNVERIFIED — so they are
seed data: the database holds the patterns actually used per election and per Polres, and an admin
may change or add them. Each tuple is (police per group, TPS per group, linmas per TPS) in that
explicit order; where a source gave linmas per group, the per-TPS figure is derived and the note
says how.
"""

from __future__ import annotations

from dataclasses import dataclass

from .patterns import Pattern, PatternSet


@dataclass(frozen=True)
class Preset:
    """A named pattern with its source and a note on how the source's figures were read."""

    slug: str
    label: str
    source: str
    note: str
    patterns: dict[str, tuple[int, int, int]]

    def pattern_set(self) -> PatternSet:
        """As a :class:`PatternSet` without overrides."""
        default = {c: Pattern(*v) for c, v in self.patterns.items()}
        return PatternSet(default=default, label=self.label, source=self.source)


POLRES_BELITUNG_2024 = Preset(
    slug="polres-belitung-2024",
    label="Polres Belitung, Pemilu 2024 (1 officer per 3 / 2 / 1 TPS)",
    source="Antara Babel, Polres Belitung, Pemilu 2024 (legal-notes.md §8); secondary",
    note="Linmas 2 per TPS (KPU Bangka Selatan, Jan 2023). The special TPS in Lapas Tanjung Pandan "
    "and islands such as Selat Nasik were guarded 1 : 1, so khusus = 1 officer per TPS.",
    patterns={
        "kurang_rawan": (1, 3, 2),
        "rawan": (1, 2, 2),
        "sangat_rawan": (1, 1, 2),
        "khusus": (1, 1, 2),
    },
)

MABES_2019 = Preset(
    slug="mabes-2019",
    label="Mabes Polri, Pemilu 2019 (2:4:6 / 4:2:8 / 6:2:8, Polri : TPS : Linmas)",
    source="kumparan / independensi, Pemilu 2019 (legal-notes.md §8); secondary",
    note="Read as Polri : TPS : Linmas per group; linmas per TPS = linmas per group ÷ TPS per "
    "group, "
    "rounded up (6 ÷ 4 → 2). No khusus figure in the source: khusus uses the sangat rawan row.",
    patterns={
        "kurang_rawan": (2, 4, 2),
        "rawan": (4, 2, 4),
        "sangat_rawan": (6, 2, 4),
        "khusus": (6, 2, 4),
    },
)

COMMON_2024 = Preset(
    slug="common-2024",
    label="Common 2024 pattern (2 Polri per TPS sangat rawan, 2 per 2 TPS rawan)",
    source="Kapolda Sulut Feb 2024; Polres Pagar Alam, Polresta Sleman (Pilkada 2024) "
    "(legal-notes.md §8); secondary",
    note="The recurring 2024 rows: sangat rawan 2 : 1 : 2, rawan 2 : 2 : 4 (4 linmas per group = 2 "
    "per TPS), TPS khusus 2 : 1 (Sleman). Kurang rawan varies widely (4 to 20 TPS per 2 officers); "
    "Pagar Alam's 2 : 8 : 16 is used here.",
    patterns={
        "kurang_rawan": (2, 8, 2),
        "rawan": (2, 2, 2),
        "sangat_rawan": (2, 1, 2),
        "khusus": (2, 1, 2),
    },
)

POLDA_BABEL_2024 = Preset(
    slug="polda-babel-2024",
    label="Polda Babel, Pemilu 2024 as reported (one officer for 2–3 TPS)",
    source="Kapolda Irjen Yan Sultra, lintasbabel.inews.id / Kompas, Oct 2023 (legal-notes.md §8); "
    "secondary",
    note="The Kapolda said one officer may cover 2–3 TPS; no per-category table was published. "
    "Kurang rawan is read as 2 officers per 5 TPS (2.5 TPS per officer, the middle of 2–3); rawan, "
    "sangat rawan and khusus follow Polres Belitung's 1 : 2 and 1 : 1.",
    patterns={
        "kurang_rawan": (2, 5, 2),
        "rawan": (1, 2, 2),
        "sangat_rawan": (1, 1, 2),
        "khusus": (1, 1, 2),
    },
)

PRESETS: tuple[Preset, ...] = (POLDA_BABEL_2024, POLRES_BELITUNG_2024, COMMON_2024, MABES_2019)
