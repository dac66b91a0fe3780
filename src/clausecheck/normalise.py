"""The one place contract text is normalised for matching (Japanese and English).

:func:`normalise` is what every term, pattern and exemplar of the clause library and every
sentence of a contract go through before they meet, so both sides fold the same way:

1. NFKC, one grapheme at a time (full-width ASCII and digits → half-width, half-width kana →
   full-width with their dakuten: ｶﾞ → ガ, ① → 1, ㈱ → (株), ﬁ → fi); lone surrogates become
   U+FFFD; invisible format characters (zero-width spaces, BOM, soft hyphens, bidi marks) go.
2. Dashes (‐ ‒ – — ― −) become ``-``; curly quotes become ``"`` and ``'`` (「」『』 are kept);
   〜 becomes ``~``; ー between digits is a dash and a dash after katakana is ー.
3. Whitespace of any kind (U+3000 included) collapses to one space, which is dropped between
   two Japanese characters (秘 密 保 持 → 秘密保持: spacing there is layout, not words); ends stripped.
4. 送り仮名, 旧字体, conjunction and counter variants are folded from ``data/normalise.yaml``
   (取り扱い → 取扱い, 條 → 条, 若しくは → 又は, 並びに → 及び, ヶ月 → か月).
5. Numerals in numbering and quantity contexts become ASCII digits (第十二条 → 第12条,
   三十日 → 30日, 第 1 条 → 第1条), never inside words (一部, 一方, 第三者, 十分, 一切).

Case: ``normalise(text, lang="en")`` also lower-cases (English matching ignores case); for any
other ``lang`` the case is kept, so party names such as "ABC社" survive in Japanese text.

:func:`normalise_with_map` returns, for each normalised character, the offset of the source
character it came from, so a match on normalised text points back at the original.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources

import yaml

_DASHES = "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63"
_CHAR_MAP = {
    **{d: "-" for d in _DASHES},
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u2033": '"', "\u00ab": '"', "\u00bb": '"',
    "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'",
    "\u301c": "~", "\u301d": '"', "\u301f": '"',
}
_JOINERS = frozenset("\uff9e\uff9f\u3099\u309a")
_KANJI_DIGITS = {"〇": 0, "零": 0, "一": 1, "壱": 1, "二": 2, "弐": 2, "三": 3, "参": 3, "四": 4,
                 "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_SMALL_UNITS = {"十": 10, "拾": 10, "百": 100, "千": 1000, "阡": 1000, "仟": 1000}
_BIG_UNITS = {"万": 10_000, "萬": 10_000, "億": 100_000_000}
_NUMERAL = "0-9０-９〇零一二三四五六七八九十百千壱弐参拾阡仟"
_KANJI_NUMERAL = "〇零一二三四五六七八九十百千壱弐参拾阡仟"


@dataclass(frozen=True, slots=True)
class Normalised:
    """A normalised text with, for each of its characters, the source range it came from."""

    text: str
    """The normalised text (what :func:`normalise` returns)."""
    starts: tuple[int, ...]
    """For each character of ``text``: the offset in the source where its source starts."""
    ends: tuple[int, ...]
    """For each character of ``text``: the offset in the source where its source ends."""

    def source_span(self, start: int, end: int) -> tuple[int, int]:
        """The source offsets of ``text[start:end]`` (an empty range maps to an empty range)."""
        if start >= end:
            at = self.starts[start] if start < len(self.starts) else (self.ends[-1] if self.ends else 0)
            return at, at
        return self.starts[start], self.ends[end - 1]


class _Buf:
    """Text being normalised, with a source range per character."""

    __slots__ = ("ends", "starts", "text")

    def __init__(self, text: str, starts: list[int], ends: list[int]) -> None:
        self.text, self.starts, self.ends = text, starts, ends

    def sub(self, pattern: re.Pattern[str], repl: Callable[[re.Match[str]], str]) -> None:
        """Replace every match, keeping each kept character's source and giving a new one the
        source of the whole match."""
        text, starts, ends = self.text, self.starts, self.ends
        out: list[str] = []
        new_s: list[int] = []
        new_e: list[int] = []
        pos = 0
        for m in pattern.finditer(text):
            a, b = m.span()
            new = repl(m)
            if new == text[a:b]:
                continue
            out.append(text[pos:a])
            new_s.extend(starts[pos:a])
            new_e.extend(ends[pos:a])
            for ix in _align(text[a:b], new):
                new_s.append(starts[a + ix] if ix >= 0 else starts[a] if a < b else (ends[a - 1] if a else 0))
                new_e.append(ends[a + ix] if ix >= 0 else ends[b - 1] if a < b else new_s[-1])
            out.append(new)
            pos = b
        if pos == 0 and not out:
            return
        out.append(text[pos:])
        new_s.extend(starts[pos:])
        new_e.extend(ends[pos:])
        self.text, self.starts, self.ends = "".join(out), new_s, new_e


def _align(old: str, new: str) -> list[int]:
    """For each character of ``new``, its index in ``old`` (-1: no counterpart)."""
    if len(old) == len(new):
        return list(range(len(new)))
    found: list[int] = []
    k = 0
    for ch in new:
        ix = old.find(ch, k)
        found.append(ix)
        if ix >= 0:
            k = ix + 1
    return found


def _is_wide(ch: str) -> bool:
    return unicodedata.east_asian_width(ch) in ("W", "F")


def _fold_chars(text: str, *, lower: bool) -> _Buf:
    """Steps 1-3 of the module docstring: NFKC per grapheme, character maps, whitespace."""
    out: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    i, n = 0, len(text)
    while i < n:
        j = i + 1
        while j < n and (text[j] in _JOINERS or unicodedata.combining(text[j])
                         or unicodedata.category(text[j]) in ("Mn", "Me")):
            j += 1
        piece = "".join("\ufffd" if 0xD800 <= ord(c) <= 0xDFFF else c for c in text[i:j])
        for ch in unicodedata.normalize("NFKC", piece):
            cat = unicodedata.category(ch)
            if cat == "Cf":
                continue
            if ch.isspace() or cat == "Cc":
                ch = " "
            ch = _CHAR_MAP.get(ch, ch)
            for c in ch.lower() if lower else ch:
                out.append(c)
                starts.append(i)
                ends.append(j)
        i = j
    # Collapse whitespace: one space, none at the ends or between two Japanese characters.
    text2: list[str] = []
    s2: list[int] = []
    e2: list[int] = []
    k, m = 0, len(out)
    while k < m:
        if out[k] != " ":
            text2.append(out[k])
            s2.append(starts[k])
            e2.append(ends[k])
            k += 1
            continue
        run = k
        while k < m and out[k] == " ":
            k += 1
        if text2 and k < m and not (_is_wide(text2[-1]) and _is_wide(out[k])):
            text2.append(" ")
            s2.append(starts[run])
            e2.append(ends[k - 1])
    return _Buf("".join(text2), s2, e2)


@cache
def _tables() -> tuple[re.Pattern[str], dict[str, str], re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """The variant pattern and map, and the three numeral patterns, from ``data/normalise.yaml``."""
    raw = yaml.safe_load((resources.files("clausecheck") / "data" / "normalise.yaml").read_text("utf-8"))
    variants: dict[str, str] = {}
    for table in ("okurigana", "old_forms", "conjunctions", "counters"):
        variants.update({str(k): str(v) for k, v in raw[table].items()})
    alternation = "|".join(re.escape(k) for k in sorted(variants, key=len, reverse=True))
    nums = raw["numbers"]
    numbering = "|".join(re.escape(s) for s in sorted(nums["numbering"], key=len, reverse=True))
    # 分の counts only before a numeral: 三分の二 is a fraction, 十分の注意 is "sufficient care".
    counters = "|".join(re.escape(str(s)) if s != "分の" else f"分の[{_NUMERAL}]"
                        for s in sorted(nums["counters"], key=len, reverse=True))
    not_after = re.escape(nums["not_after"])
    after_dai = re.compile(rf"(?<=第)\s*([{_NUMERAL}]+)\s*(?=(?:{numbering}))")
    branch = re.compile(rf"(?<=[0-9][条章節項号]の|[0-9]分の)\s*([{_NUMERAL}]+)")
    # Only numerals written in kanji: 100万円 and 30日 are already what patterns expect.
    counted = re.compile(
        rf"(?<![{not_after}{_NUMERAL}])([{_KANJI_NUMERAL}]+)\s*(?=(?:{counters}|万|億))"
    )
    return re.compile(alternation), variants, after_dai, branch, counted


_KATAKANA_DASH = re.compile(r"(?<=[ァ-ヴ])-(?![0-9])")
_DIGIT_CHOON = re.compile(r"(?<=[0-9])ー(?=[0-9])")


def _number_repl(m: re.Match[str]) -> str:
    value = kanji_to_int(m.group(1))
    return m.group(0) if value is None else str(value)


def _rewrite_numbers(buf: _Buf) -> None:
    _, _, after_dai, branch, counted = _tables()
    for pattern in (after_dai, counted, branch):
        buf.sub(pattern, _number_repl)


def normalise_with_spans(text: str, *, lang: str | None = None) -> Normalised:
    """Normalise ``text`` (see the module docstring) keeping each character's source range."""
    buf = _fold_chars(text, lower=lang == "en")
    buf.sub(_DIGIT_CHOON, lambda m: "-")
    buf.sub(_KATAKANA_DASH, lambda m: "ー")
    pattern, variants, *_ = _tables()
    buf.sub(pattern, lambda m: variants[m.group(0)])
    _rewrite_numbers(buf)
    return Normalised(buf.text, tuple(buf.starts), tuple(buf.ends))


def normalise_with_map(text: str, *, lang: str | None = None) -> tuple[str, list[int]]:
    """The normalised text and, per normalised character, the source offset it came from."""
    result = normalise_with_spans(text, lang=lang)
    return result.text, list(result.starts)


@lru_cache(maxsize=16384)
def normalise(text: str, *, lang: str | None = None) -> str:
    """Normalise for matching (see the module docstring); English is lower-cased with ``lang="en"``."""
    return normalise_with_spans(text, lang=lang).text


def fold_case(text: str) -> str:
    """Lower-case as ``normalise(..., lang="en")`` does, for text that is already normalised."""
    return text.lower()


def normalise_numbers(text: str) -> str:
    """Rewrite numerals in numbering and quantity contexts as ASCII digits, and nothing else.

    第十二条 → 第12条, 第 1 条 → 第1条, 第１２条第２項 → 第12条第2項, 第3条の二 → 第3条の2,
    三十日 → 30日; 一部, 一方, 第三者, 十分, 一切, 同一, 唯一 stay as they are.
    """
    buf = _Buf(text, list(range(len(text))), list(range(1, len(text) + 1)))
    _rewrite_numbers(buf)
    return buf.text


def kanji_to_int(s: str) -> int | None:
    """The value of a numeral in kanji, full-width or ASCII digits, or ``None`` if it is not one.

    Handles positional kanji (二〇二四), multiplied forms (二十一, 百二, 三百十五, 千二百,
    一万二千), 大字 (壱弐参拾), and digits mixed with units (3千, 1万).
    """
    s = unicodedata.normalize("NFKC", s).strip()
    if not s:
        return None
    if s.isascii() and s.isdigit():
        return int(s)
    total = section = 0
    current: int | None = None
    for ch in s:
        if ch.isascii() and ch.isdigit():
            current = (current or 0) * 10 + int(ch)
        elif ch in _KANJI_DIGITS:
            current = (current or 0) * 10 + _KANJI_DIGITS[ch]
        elif ch in _SMALL_UNITS:
            section += (1 if current is None else current) * _SMALL_UNITS[ch]
            current = None
        elif ch in _BIG_UNITS:
            section += current or 0
            total += (section or 1) * _BIG_UNITS[ch]
            section, current = 0, None
        else:
            return None
    return total + section + (current or 0)
