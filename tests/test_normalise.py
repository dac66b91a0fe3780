"""Normalisation as tables: pairs, numerals, empty-ish and naughty inputs, offsets back to the source."""

from __future__ import annotations

import pytest

from clausecheck.normalise import (
    fold_case,
    kanji_to_int,
    normalise,
    normalise_numbers,
    normalise_with_map,
    normalise_with_spans,
)

NORMALISE_TESTS = [
    # width
    ("ＡＢＣ１２３", "ABC123"),
    ("ｶﾞｲﾄﾞﾗｲﾝ", "ガイドライン"),
    ("ﾊﾟｽﾜｰﾄﾞ", "パスワード"),
    ("㈱テスト", "(株)テスト"),
    ("①対象", "1対象"),
    ("ﬁle", "file"),
    # dashes, long vowels, quotes, waves
    ("A‐B–C—D−E", "A-B-C-D-E"),
    ("1ー2", "1-2"),
    ("サーバ-の保守", "サーバーの保守"),
    ("“Licensee” ‘s’", "\"Licensee\" 's'"),
    ("「本技術情報」『別紙』", "「本技術情報」『別紙』"),
    ("1〜3", "1~3"),
    # whitespace
    ("甲は、\u3000乙に", "甲は、乙に"),
    ("秘 密 保 持 契 約 書", "秘密保持契約書"),
    ("The  Licensee\tshall\n", "The Licensee shall"),
    ("ABC\u3000株式会社", "ABC 株式会社"),
    ("zero\u200bwidth\ufeff", "zerowidth"),
    # 送り仮名, 旧字体, counters
    ("従業員の引き抜き", "従業員の引抜き"),
    ("資料の取り扱い", "資料の取扱い"),
    ("資料を取り扱う", "資料を取扱う"),
    ("取り扱わない", "取扱わない"),
    ("申し込み", "申込み"),
    ("受け取る", "受取る"),
    ("打ち合わせ", "打合せ"),
    # conjunctions of either nesting level, kanji or kana
    ("事業の全部若しくは一部の譲渡", "事業の全部又は一部の譲渡"),
    ("甲もしくは乙", "甲又は乙"),
    ("役員並びに従業員", "役員及び従業員"),
    ("役員および従業員", "役員及び従業員"),
    ("差し止め請求", "差止め請求"),
    ("払い戻し", "払戻し"),
    ("第三者割り当て", "第三者割当て"),
    ("立ち入り検査", "立入検査"),
    ("第五條", "第5条"),
    ("擔保權の讓渡", "担保権の譲渡"),
    ("證明書", "証明書"),
    ("六ヶ月間", "6か月間"),
    ("3ケ月", "3か月"),
    # numerals
    ("第十二条（秘密保持）", "第12条(秘密保持)"),
    ("第１２条第２項第三号", "第12条第2項第3号"),
    ("第 1 条", "第1条"),
    ("三十日以内", "30日以内"),
    ("五年間", "5年間"),
    ("二分の一以上", "2分の1以上"),
    ("十分の注意", "十分の注意"),
    ("本契約の一部", "本契約の一部"),
    ("一方当事者", "一方当事者"),
    ("第三者", "第三者"),
    ("一切", "一切"),
    ("同一日", "同一日"),
    ("唯一の", "唯一の"),
    ("二〇二四年四月一日", "2024年4月1日"),
    ("百万円", "100万円"),
]


@pytest.mark.parametrize(("text", "expected"), NORMALISE_TESTS)
def test_normalise_pairs(text: str, expected: str) -> None:
    assert normalise(text) == expected


def test_english_case_folding_only_with_lang_en() -> None:
    assert normalise("The LICENSEE Shall", lang="en") == "the licensee shall"
    assert normalise("ABC社は", lang="ja") == "ABC社は"
    assert normalise("ABC社は") == "ABC社は"
    assert fold_case("Receiving Party") == "receiving party"


EMPTYISH = ["", " ", "\u3000", "\n\t", "\u200b", "\ufeff \u3000\r\n"]


@pytest.mark.parametrize("text", EMPTYISH)
def test_emptyish(text: str) -> None:
    assert normalise(text) == ""
    assert normalise_with_map(text) == ("", [])


NAUGHTY = [
    "👍🏽👨‍👩‍👧",
    "שלום עולם",
    "مرحبا",
    "e\u0301\u0301\u0301",
    "\ud800lone\udfff",
    "\x00\x01control",
    "Z̷̛a̶l̵g̸o",
    "\u309b\u309c",
    "ﾞ",
    "🄰🄱",
    "\U0010ffff",
]


@pytest.mark.parametrize("text", NAUGHTY)
def test_naughty_strings_do_not_crash_and_map_back(text: str) -> None:
    norm, starts = normalise_with_map(text)
    assert len(starts) == len(norm)
    assert all(0 <= s < len(text) for s in starts)
    assert starts == sorted(starts)
    norm.encode("utf-8")  # lone surrogates were replaced, so this cannot raise


def test_lone_surrogates_become_replacement_character() -> None:
    assert normalise("a\ud800b") == "a\ufffdb"


OFFSET_CASES = [
    # (source, a normalised substring, the source text it must map back to)
    ("前文ﬁnal条項", "final", "ﬁnal"),
    ("商品名ｶﾞｲﾄﾞ", "ガイド", "ｶﾞｲﾄﾞ"),
    ("当事者㈱テスト", "(株)", "㈱"),
    ("①対象製品", "1対象", "①対象"),
    ("甲は、\u3000\u3000乙に通知する", "甲は、乙に", "甲は、\u3000\u3000乙に"),
    ("第十二条第二項", "12条第2", "十二条第二"),
    ("従業員の引き抜きを", "引抜き", "引き抜き"),
    ("期間は六ヶ月間とする", "6か月", "六ヶ月"),
    ("The  Licensee  SHALL", "licensee shall", "Licensee  SHALL"),
    ("  先頭の空白", "先頭", "先頭"),
]


@pytest.mark.parametrize(("source", "needle", "original"), OFFSET_CASES)
def test_offsets_map_back_exactly(source: str, needle: str, original: str) -> None:
    result = normalise_with_spans(source, lang="en" if source.isascii() else None)
    at = result.text.index(needle)
    start, end = result.source_span(at, at + len(needle))
    assert source[start:end] == original


def test_map_and_spans_agree_with_normalise() -> None:
    for text, _ in NORMALISE_TESTS:
        norm, starts = normalise_with_map(text)
        assert norm == normalise(text)
        assert starts == list(normalise_with_spans(text).starts)


KANJI_NUMBERS = [
    ("一", 1), ("十", 10), ("二十一", 21), ("百二", 102), ("三百十五", 315), ("千二百", 1200),
    ("一万二千", 12000), ("〇", 0), ("二〇二四", 2024), ("壱弐参", 123), ("拾", 10),
    ("１２", 12), ("12", 12), ("3千", 3000), ("九十九", 99), ("百", 100),
]


@pytest.mark.parametrize(("text", "value"), KANJI_NUMBERS)
def test_kanji_to_int(text: str, value: int) -> None:
    assert kanji_to_int(text) == value


@pytest.mark.parametrize("text", ["", " ", "第", "一部", "abc", "1.2"])
def test_kanji_to_int_rejects_non_numbers(text: str) -> None:
    assert kanji_to_int(text) is None


NUMBER_CONTEXTS = [
    ("第十二条", "第12条"),
    ("第 1 条", "第1条"),
    ("第１２条第２項", "第12条第2項"),
    ("第三号", "第3号"),
    ("第十条の二", "第10条の2"),
    ("第二章", "第2章"),
    ("第三者", "第三者"),
    ("一部", "一部"),
    ("一方", "一方"),
    ("十分", "十分"),
    ("一切", "一切"),
    ("同一", "同一"),
    ("唯一", "唯一"),
    ("万一の場合", "万一の場合"),
    ("第一に", "第一に"),
]


@pytest.mark.parametrize(("text", "expected"), NUMBER_CONTEXTS)
def test_normalise_numbers(text: str, expected: str) -> None:
    assert normalise_numbers(text) == expected
