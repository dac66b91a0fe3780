"""Sentence splitting keeps exact offsets and respects brackets and abbreviations."""

from __future__ import annotations

import pytest

from clausecheck.analysis.sentences import split_sentences

JA_CASES = [
    (
        "甲は、本契約（以下「本契約」という。）に基づき開示する。ただし、次の場合はこの限りでない。",
        ["甲は、本契約（以下「本契約」という。）に基づき開示する。", "ただし、次の場合はこの限りでない。"],
    ),
    ("第３条（秘密保持）", ["第３条（秘密保持）"]),
    ("乙は通知する。\n（１）合併\n（２）会社分割", ["乙は通知する。", "（１）合併", "（２）会社分割"]),
    ("「引用。」の後も続く文。", ["「引用。」の後も続く文。"]),
    ("", []),
    ("\u3000\u3000", []),
]

EN_CASES = [
    (
        "1. This Agreement is made by ABC Inc. under Section 12.1. The Licensee shall pay.",
        ["1. This Agreement is made by ABC Inc. under Section 12.1.", "The Licensee shall pay."],
    ),
    ("See Sec. 4 of the Agreement. Then stop.", ["See Sec. 4 of the Agreement.", "Then stop."]),
    # Enumerated items stay in their sentence: the lead-in ("may terminate if:") gives them meaning.
    ("Licensor may terminate if: (a) Licensee breaches; or (b) Licensee becomes insolvent.",
     ["Licensor may terminate if: (a) Licensee breaches; or (b) Licensee becomes insolvent."]),
    (
        "No. 5 applies. Tokyo is the venue, e.g. for hearings.",
        ["No. 5 applies.", "Tokyo is the venue, e.g. for hearings."],
    ),
]


@pytest.mark.parametrize(("text", "expected"), JA_CASES)
def test_japanese_sentences(text: str, expected: list[str]) -> None:
    sentences = split_sentences(block=3, text=text, lang="ja")
    assert [s.text for s in sentences] == expected
    for s in sentences:
        assert text[s.start : s.end] == s.text
        assert s.block == 3


@pytest.mark.parametrize(("text", "expected"), EN_CASES)
def test_english_sentences(text: str, expected: list[str]) -> None:
    sentences = split_sentences(block=0, text=text, lang="en")
    assert [s.text for s in sentences] == expected
    assert all(text[s.start : s.end] == s.text for s in sentences)
