"""Recognising one line: is it an article, chapter or annex heading, a paragraph number, an item?

Pure functions over a block's text; the patterns come from ``data/structure.yaml``. Offsets
returned are into the text given, so the builder can keep them exact.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any, Literal

import yaml

from clausecheck.contract import NumberStyle
from clausecheck.normalise import kanji_to_int, normalise

HeadingKind = Literal["article", "chapter", "annex", "signature", "end_mark", "paren_title", "dotted"]


@dataclass(frozen=True, slots=True)
class Heading:
    """What a heading line says."""

    kind: HeadingKind
    number: int | None
    label: str
    """The number label as displayed (``第１２条``, ``Article 5``, ``1.2``, ``別紙1``)."""
    style: NumberStyle = "none"
    branch: int | None = None
    sub: int | None = None
    title: str = ""
    title_start: int = 0
    title_end: int = 0
    body_start: int | None = None
    """Where body text starts on the same line (第1条 本契約は…), if it does."""


@dataclass(frozen=True, slots=True)
class Label:
    """A paragraph or item number at the start of a line."""

    family: str
    number: int
    label: str
    end: int
    """Where the text after the label starts."""


@cache
def data() -> dict[str, Any]:
    raw: dict[str, Any] = yaml.safe_load(
        (resources.files("clausecheck") / "data" / "structure.yaml").read_text("utf-8")
    )
    return raw


@cache
def _rx(key: str, pattern: str) -> re.Pattern[str]:
    del key  # cache key only
    return re.compile(pattern.replace("{NUM}", data()["numeral"]))


@cache
def _pattern(section: str, name: str) -> re.Pattern[str]:
    return _rx(f"{section}.{name}", data()[section][name])


@cache
def _annex_start() -> re.Pattern[str]:
    """Does the line start with an annex word (別紙, Schedule …)? One match instead of a loop."""
    d = data()["annex"]
    return re.compile("[ \t\u3000]*(?:" + "|".join(map(re.escape, (*d["ja"], *d["en"]))) + ")")


@cache
def _signature_starts() -> tuple[str, ...]:
    return tuple(data()["signature"]["starts"])


# What follows 第N条 in a reference, not a heading: a particle (第3条に, 第3条 及び第4条), or, with no
# space between, more of the reference (第3条第2項, 第5条各号, 第2条前段). After a space those words
# start the article's first sentence (第15条　各当事者は…, 第3条　前条の規定にかかわらず…).
_JA_NOT_HEADING = re.compile(
    r"^(?:[\s　]*(?:に|の|で|を|は|が|から|及び|又は|並びに|ないし|乃至|より|まで|、|,)|(?:第|ただし|前|各|本文|後段))"
)
_EN_MINOR = {"and", "or", "of", "the", "to", "in", "for", "on", "with", "a", "an", "by", "its", "from", "upon", "as"}
_EN_VERBS = re.compile(r"\b(shall|will|may|must|agrees?|is|are|has|have|hereby|means)\b", re.IGNORECASE)


def number_of(text: str) -> int | None:
    """A heading number in digits, kanji or Roman numerals."""
    value = kanji_to_int(text)
    return value if value is not None else roman_to_int(text)


def roman_to_int(text: str) -> int | None:
    values = {"i": 1, "v": 5, "x": 10, "l": 50, "c": 100}
    s = text.lower()
    if not s or any(c not in values for c in s):
        return None
    total = 0
    for k, c in enumerate(s):
        v = values[c]
        total += -v if k + 1 < len(s) and values[s[k + 1]] > v else v
    return total if _to_roman(total) == s else None


def _to_roman(n: int) -> str:
    out = ""
    steps = ((100, "c"), (90, "xc"), (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i"))
    for value, letters in steps:
        while n >= value:
            out += letters
            n -= value
    return out


def title_like_ja(s: str) -> bool:
    s = s.strip()
    return 0 < len(s) <= 25 and "。" not in s and not re.search(r"[はがを]、|する$|ものとする", s)


def title_like_en(s: str) -> bool:
    s = s.strip().rstrip(".:")
    words = s.split()
    if not 0 < len(words) <= 10 or _EN_VERBS.search(s) or s.endswith((",", ";")):
        return False
    if s.isupper():
        return True
    significant = [w for w in words if w.lower() not in _EN_MINOR]
    capital = [w for w in significant if w[:1].isupper() or not w[:1].isalpha()]
    return bool(significant) and len(capital) / len(significant) >= 0.6


def _split_title(text: str, at: int, *, ja: bool) -> tuple[str, int, int, int | None]:
    """After a number label: the title and its offsets, and where body text starts (or None)."""
    sep = re.match(data()["title_separator"], text[at:])
    start = at + (sep.end() if sep else 0)
    rest = text[start:]
    if not rest.strip():
        return "", start, start, None
    if rest[0] in "（(":
        close = next((k for k, c in enumerate(rest) if c in "）)"), -1)
        if close > 1:
            body = start + close + 1
            body += len(text[body:]) - len(text[body:].lstrip())
            return rest[1:close], start + 1, start + close, body if body < len(text) else None
    end = start + len(rest.rstrip())
    if ja and title_like_ja(rest):
        return rest.strip(), start, end, None
    if not ja:
        dot = re.match(r"([^.]{1,60})\.\s+(?=\S)", rest)
        if dot and title_like_en(dot.group(1)) and not title_like_en(rest):
            return dot.group(1), start, start + len(dot.group(1)), start + dot.end()
        if title_like_en(rest):
            title = rest.strip().rstrip(".:")
            return title, start, start + len(title), None
    return "", start, start, start


def _is_ja(text: str) -> bool:
    return any(unicodedata.east_asian_width(c) in ("W", "F") for c in text[:40])


def classify(text: str) -> Heading | None:
    """The heading a line is, if it is one (paragraph and item numbers are not headings)."""
    d = data()
    m = _pattern("headings", "ja_article").match(text)
    if m and not _JA_NOT_HEADING.match(text[m.end() :]):
        title, ts, te, body = _split_title(text, m.end(), ja=True)
        branch = number_of(m.group("branch")) if m.group("branch") else None
        return Heading("article", number_of(m.group("num")), text[m.start() : m.end()].strip(), "ja",
                       branch, None, title, ts, te, body)
    for name in ("ja_chapter", "ja_section"):
        m = _pattern("headings", name).match(text)
        if m and not _JA_NOT_HEADING.match(text[m.end() :]):
            title, ts, te, _ = _split_title(text, m.end(), ja=True)
            return Heading("chapter", number_of(m.group("num")), text[: m.end()].strip(), "ja", title=title,
                           title_start=ts, title_end=te)
    m = _pattern("headings", "en_article").match(text)
    if m and (not text[m.end() :].strip() or re.match(r"[\s.:\-–—(]*[\"“A-Z0-9(]", text[m.end() :])):
        title, ts, te, body = _split_title(text, m.end(), ja=_is_ja(text[m.end() :]))
        style: NumberStyle = m.group("word").lower()  # type: ignore[assignment]
        sub = int(m.group("sub")) if m.group("sub") else None
        return Heading("article", number_of(m.group("num")), text[m.start() : m.end()].strip().rstrip("."), style,
                       None, sub, title, ts, te, body)
    m = _pattern("headings", "en_chapter").match(text)
    if m and (title_like_en(text[m.end() :]) or not text[m.end() :].strip()):
        title, ts, te, _ = _split_title(text, m.end(), ja=False)
        num = m.group("num")
        value = number_of(num) if not num.isalpha() or roman_to_int(num) else ord(num.upper()) - 64
        return Heading("chapter", value, text[m.start() : m.end()].strip(), "section", title=title,
                       title_start=ts, title_end=te)
    annex = _annex(text)
    if annex is not None:
        return annex
    stripped = text.strip()
    if stripped.startswith(_signature_starts()):
        return Heading("signature", None, "")
    if stripped in d["signature"]["end_marks"]:
        return Heading("end_mark", None, "")
    m = _pattern("headings", "paren_title").match(text)
    if m and m.group("title").strip() not in d["headings"]["paren_title_not"]:
        return Heading("paren_title", None, "", title=m.group("title").strip(), title_start=m.start("title"),
                       title_end=m.end("title"))
    m = _pattern("headings", "dotted").match(text)
    if m and (m.group("dot") or m.group("sub")):
        ja = _is_ja(text[m.end() :])
        title, ts, te, body = _split_title(text, m.end(), ja=ja)
        sub = number_of(m.group("sub")) if m.group("sub") else None
        return Heading("dotted", number_of(m.group("num")), m.group(0).strip(), "dotted", None, sub, title, ts, te,
                       body)
    return None


def _annex(text: str) -> Heading | None:
    if _annex_start().match(text) is None:  # most lines: no annex word at the start, nothing more to try
        return None
    d = data()["annex"]
    stripped = text.lstrip(" \t\u3000")
    offset = len(text) - len(stripped)
    for word in (*d["ja"], *d["en"]):
        if not stripped.startswith(word):
            continue
        m = _rx("annex.rest", d["rest"]).match(stripped[len(word) :])
        if m is None:
            continue
        title = m.group("title").strip()
        num = m.group("num")
        ja = word in d["ja"]
        if ja and (len(title) > 30 or "。" in title or _JA_NOT_HEADING.match(m.group("title"))):
            continue
        if not ja and (num is None or (title and not title_like_en(title.lstrip("-–—:. ")))):
            continue
        value = _annex_number(num) if num else None
        label = (word + (num or "")) if ja else f"{word} {num}"
        clean = title.lstrip("-–—:.：．（( ").rstrip("）)")
        raw = m.group("title")
        ts = offset + len(word) + m.start("title") + (len(raw) - len(raw.lstrip("-–—:.：．（( ")))
        return Heading("annex", value if num else None, label, title=clean, title_start=ts, title_end=ts + len(clean))
    return None


def _annex_number(num: str) -> int | None:
    """別紙1, 別紙１, 別紙十一 → the number; Exhibit A, 別表Ｂ → the letter's place (A = 1)."""
    letter = normalise(num)  # Ｂ → B
    if len(letter) == 1 and letter.isascii() and letter.isalpha():
        return ord(letter.upper()) - 64
    return number_of(num)


def paragraph_label(text: str) -> Label | None:
    """A Japanese-style paragraph number (２　乙は…, 2 乙は…)."""
    m = _pattern("paragraph", "ja").match(text)
    if m is None:
        return None
    value = number_of(m.group("num"))
    return None if value is None else Label("paragraph", value, text[m.start("num") : m.end("num")], m.end())


def item_labels(text: str) -> list[Label]:
    """Every reading of an item label at the start of the line ((i) is the 9th letter or Roman 1)."""
    out: list[Label] = []
    order = data()["iroha_order"]
    for family in data()["items"]:
        m = _pattern("items", family).match(text)
        if m is None:
            continue
        raw = m.group("num")
        label = text[m.start() : m.end()].strip()
        if family in ("iroha", "paren_iroha"):
            out.append(Label(family, order.index(raw) + 1, label, m.end()))
        elif family in ("aiueo", "paren_aiueo"):
            out.append(Label(family, data()["aiueo_order"].index(raw) + 1, label, m.end()))
        elif family == "circled":
            out.append(Label(family, ord(raw) - ord("①") + 1, label, m.end()))
        elif family in ("paren_alpha", "alpha_dot", "paren_upper"):
            roman = roman_to_int(raw)
            if len(raw) == 1:
                out.append(Label(family, ord(raw.lower()) - 96, label, m.end()))
            if roman is not None and family != "paren_upper":
                out.append(Label("roman" if family == "paren_alpha" else "roman_dot", roman, label, m.end()))
        else:
            value = number_of(raw)
            if value is not None:
                out.append(Label(family, value, label, m.end()))
    return out
