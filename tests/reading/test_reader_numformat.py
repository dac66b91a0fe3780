"""Golden table for Word's number formats (ECMA-376 ST_NumberFormat) as the reader renders them."""

from __future__ import annotations

import pytest

from clausecheck.reading.numformat import FORMATS, format_number

GOLDEN: list[tuple[str, list[int], list[str]]] = [
    ("decimal", [1, 9, 10, 123], ["1", "9", "10", "123"]),
    ("decimalZero", [1, 9, 10, 100], ["01", "09", "10", "100"]),
    ("decimalHalfWidth", [3, 12], ["3", "12"]),
    ("decimalFullWidth", [1, 3, 10, 25], ["１", "３", "１０", "２５"]),
    ("lowerLetter", [1, 2, 26, 27, 28, 53], ["a", "b", "z", "aa", "bb", "aaa"]),
    ("upperLetter", [1, 3, 26, 27], ["A", "C", "Z", "AA"]),
    ("lowerRoman", [1, 4, 9, 14, 40, 1999], ["i", "iv", "ix", "xiv", "xl", "mcmxcix"]),
    ("upperRoman", [2, 19, 90], ["II", "XIX", "XC"]),
    ("decimalEnclosedCircle", [1, 2, 20, 21, 35, 36, 50, 51], ["①", "②", "⑳", "㉑", "㉟", "㊱", "㊿", "51"]),
    ("decimalEnclosedParen", [1, 3, 20, 21], ["⑴", "⑶", "⒇", "(21)"]),
    ("decimalEnclosedFullstop", [1, 20, 21], ["⒈", "⒛", "21."]),
    ("ideographTraditional", [1, 2, 3, 4, 10, 11], ["甲", "乙", "丙", "丁", "癸", "甲"]),
    ("ideographZodiac", [1, 12, 13], ["子", "亥", "子"]),
    ("ideographDigital", [1, 9, 10, 25, 100], ["一", "九", "一〇", "二五", "一〇〇"]),
    ("japaneseCounting", [1, 10, 11, 19, 20, 21, 99, 100, 110, 1000, 1234, 10000, 20005],
     ["一", "十", "十一", "十九", "二十", "二十一", "九十九", "百", "百十", "千", "千二百三十四", "一万", "二万五"]),
    ("japaneseLegal", [1, 2, 3, 10, 21], ["壱", "弐", "参", "壱拾", "弐拾壱"]),
    ("japaneseDigitalTenThousand", [1, 10, 10000, 12345], ["一", "一〇", "一万", "一万二三四五"]),
    ("aiueoFullWidth", [1, 2, 3, 6, 46, 47], ["ア", "イ", "ウ", "カ", "ン", "ア"]),
    ("aiueo", [1, 2, 6], ["ｱ", "ｲ", "ｶ"]),
    ("irohaFullWidth", [1, 2, 3, 4, 47, 48], ["イ", "ロ", "ハ", "ニ", "ス", "イ"]),
    ("iroha", [1, 2, 3], ["ｲ", "ﾛ", "ﾊ"]),
    ("ordinal", [1, 2, 3, 4, 11, 12, 13, 21, 22, 101], ["1st", "2nd", "3rd", "4th", "11th", "12th", "13th", "21st",
                                                        "22nd", "101st"]),
    ("cardinalText", [1, 13, 21, 100, 115], ["One", "Thirteen", "Twenty-one", "One hundred", "One hundred fifteen"]),
    ("ordinalText", [1, 2, 3, 5, 12, 20, 21, 40], ["First", "Second", "Third", "Fifth", "Twelfth", "Twentieth",
                                                   "Twenty-first", "Fortieth"]),
    ("none", [1, 5], ["", ""]),
]


@pytest.mark.parametrize(("fmt", "numbers", "expected"), GOLDEN, ids=[g[0] for g in GOLDEN])
def test_golden(fmt: str, numbers: list[int], expected: list[str]) -> None:
    assert [format_number(n, fmt) for n in numbers] == expected


def test_unknown_format_is_none() -> None:
    assert format_number(3, "klingonCounting") is None


def test_every_format_renders_the_first_hundred_numbers() -> None:
    for fmt, formatter in FORMATS.items():
        rendered = [formatter(n) for n in range(1, 101)]
        assert all(isinstance(s, str) for s in rendered), fmt
        if fmt not in ("none",):
            assert all(rendered), fmt


@pytest.mark.parametrize("fmt", ["aiueo", "aiueoFullWidth", "iroha", "irohaFullWidth"])
def test_kana_sequences_have_no_duplicates(fmt: str) -> None:
    first = [format_number(n, fmt) for n in range(1, 47)]
    assert len(set(first)) == len(first)
