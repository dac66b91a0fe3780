"""Which language a contract is written in, from its character classes."""

from __future__ import annotations

from clausecheck.contract import Language

BILINGUAL_SHARE = 0.25
"""Both Japanese and Latin letters above this share of all letters → ``bilingual``."""


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
    """``ja``, ``en``, or ``bilingual`` when each script holds over a quarter of the letters.

    A text with no letters at all counts as Japanese (the tool's first language).
    """
    ja, en = letter_counts(text)
    total = ja + en
    if total == 0:
        return "ja"
    if ja / total > BILINGUAL_SHARE and en / total > BILINGUAL_SHARE:
        return "bilingual"
    return "ja" if ja >= en else "en"
