"""Which language a contract is written in, from its character classes."""

from __future__ import annotations

from clausecheck.contract import Language

BILINGUAL_SHARE = 0.25
"""Both scripts above this share of the (weighted) letters → ``bilingual``."""
LATIN_PER_JAPANESE = 3
"""Latin letters worth one Japanese character: the same clause takes about three times as many
letters in English, so raw counts would call a Japanese-English side-by-side contract English."""


def letter_counts(text: str) -> tuple[int, int]:
    """(Japanese letters: kana and kanji, Latin letters)."""
    ja = en = 0
    for ch in text:
        o = ord(ch)
        if 0x3040 <= o <= 0x30FF or 0x4E00 <= o <= 0x9FFF or 0x3400 <= o <= 0x4DBF or 0xFF66 <= o <= 0xFF9F \
                or 0xF900 <= o <= 0xFAFF:
            ja += 1
        elif ("a" <= ch <= "z") or ("A" <= ch <= "Z") or ("ａ" <= ch <= "ｚ") or ("Ａ" <= ch <= "Ｚ"):
            en += 1
    return ja, en


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
