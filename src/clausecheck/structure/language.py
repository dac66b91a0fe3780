"""Which language a contract is written in, from its character classes."""

from __future__ import annotations

import re

from clausecheck.contract import Language

BILINGUAL_SHARE = 0.25
"""Both scripts above this share of the (weighted) letters → ``bilingual``."""
LATIN_PER_JAPANESE = 3
"""Latin letters worth one Japanese character: the same clause takes about three times as many
letters in English, so raw counts would call a Japanese-English side-by-side contract English."""


# Kana (hiragana, katakana, half-width katakana) and kanji (CJK unified, extension A, compatibility).
_JAPANESE_RUN = re.compile("[\u3040-\u30ff\u4e00-\u9fff\u3400-\u4dbf\uff66-\uff9f\uf900-\ufaff]+")
_LATIN_RUN = re.compile("[a-zA-Z\uff41-\uff5a\uff21-\uff3a]+")


def letter_counts(text: str) -> tuple[int, int]:
    """(Japanese letters: kana and kanji, Latin letters); regex runs, not a Python loop per character."""
    return sum(map(len, _JAPANESE_RUN.findall(text))), sum(map(len, _LATIN_RUN.findall(text)))


def detect_language(text: str) -> Language:
    """``ja``, ``en``, or ``bilingual`` when each script holds over a quarter of the letters
    (Latin letters weighted by :data:`LATIN_PER_JAPANESE`).

    A text with no letters at all counts as Japanese (the tool's first language).
    """
    ja, latin = letter_counts(text)
    en = latin / LATIN_PER_JAPANESE
    total = ja + en
    if total == 0:
        return "ja"
    if ja / total > BILINGUAL_SHARE and en / total > BILINGUAL_SHARE:
        return "bilingual"
    return "ja" if ja >= en else "en"
