"""The sample contracts as data: loading a source YAML file, numbering, references and markup.

A source file (``source/<name>.yaml``) holds one contract: title, preamble, a body of chapters
and articles (each article a list of paragraphs, a paragraph optionally with items, or a table),
closing words and signature blocks. Inline markup in any text:

- ``{ref:key}`` / ``{ref:key.2}`` / ``{ref:key.2.3}``: a reference to an article (and its
  paragraph / item), rendered in the contract's own numbering style (第５条第２項, Section 5.2(c));
- ``[+A|text+]`` inserted and ``[-A|text-]`` deleted by author ``A`` (tracked changes);
- ``[>A|text>]`` moved away from here and ``[<A|text<]`` moved to here (paired in order);
- ``[#c1|text#]`` the range comment ``c1`` is anchored to (it may contain changes).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

import yaml

SegmentKind = Literal["text", "ins", "del", "move_from", "move_to", "comment_start", "comment_end"]
_MARKUP = re.compile(r"\[([+\-><])(\w+)\|(.*?)\1\]|\[#(\w+)\||(#\])", re.DOTALL)
_STRAY = re.compile(r"\[[+\-><#]\w+\||[+\-<>#]\]")
_KINDS: dict[str, SegmentKind] = {"+": "ins", "-": "del", ">": "move_from", "<": "move_to"}
_REF = re.compile(r"\{ref:([a-z0-9_]+)((?:\.\d+){0,2})\}")
_FULL = str.maketrans("0123456789", "０１２３４５６７８９")
_KANJI = "〇一二三四五六七八九"


@dataclass(frozen=True, slots=True)
class Segment:
    """A run of text with its tracked-change or comment role."""

    kind: SegmentKind
    """Plain text, a tracked change, or text a comment is anchored to."""
    text: str
    """The characters of the run."""
    tag: str = ""
    """The author key (changes) or the comment key (comment start)."""


@dataclass(frozen=True, slots=True)
class Para:
    """A paragraph of an article, with its items (（１） / (a))."""

    text: str
    """The paragraph's text, markup resolved except for segments."""
    items: tuple[str, ...] = ()
    """The items listed under it."""


@dataclass(frozen=True, slots=True)
class Table:
    """A table inside an article; the first row is the header."""

    rows: tuple[tuple[str, ...], ...]
    """Cell texts, row by row."""


@dataclass(frozen=True, slots=True)
class Article:
    """A numbered article (第N条 / Section N)."""

    number: int
    """Its number, counted through the whole contract."""
    key: str
    """The id that ``{ref:key}`` references use."""
    heading: str
    """The caption (目的 / Definitions), without brackets."""
    body: tuple[Para | Table, ...]
    """Paragraphs and tables in order."""


@dataclass(frozen=True, slots=True)
class Chapter:
    """A chapter heading (第一章 総則)."""

    number: int
    """Its number."""
    title: str
    """Its title."""


@dataclass(frozen=True, slots=True)
class Author:
    """A reviewer who made tracked changes or comments."""

    name: str
    """As Word shows it."""
    initials: str
    """For comments."""
    date: str
    """Fixed ISO 8601 date of that reviewer's changes."""


@dataclass(frozen=True, slots=True)
class Contract:
    """One sample contract as written in its source file."""

    name: str
    """The source file's stem."""
    file: str
    """Output file name (``.docx`` or ``.txt``)."""
    lang: Literal["ja", "en"]
    """Language of the text."""
    numbering: Literal["auto", "typed"]
    """Word automatic numbering (numbering.xml) or numbers typed into the text."""
    digits: Literal["full", "half", "kanji"]
    """How article numbers are written (Japanese): 第１条, 第1条 or 第一条."""
    layout: Literal["above", "inline"]
    """Japanese caption above the article (（目的）/第１条…) or inline (第１条（目的）)."""
    title: str
    """The contract's title."""
    preamble: tuple[str, ...]
    """Paragraphs between the title and the first article."""
    body: tuple[Chapter | Article, ...]
    """Chapters and articles in order."""
    closing: tuple[str, ...]
    """Paragraphs after the last article (execution clause, date)."""
    signatures: tuple[tuple[str, ...], ...]
    """One block of lines per signing party."""
    authors: dict[str, Author]
    """Reviewer key → reviewer."""
    comments: dict[str, tuple[str, str]]
    """Comment key → (author key, comment text)."""
    encoding: str
    """For text output: the encoding of the file."""
    core_date: str
    """Fixed created/modified date of the document properties."""

    @property
    def articles(self) -> list[Article]:
        return [b for b in self.body if isinstance(b, Article)]


def article_label(contract: Contract, number: int) -> str:
    """第５条 / 第五条 / 第5条, or the bare number for English."""
    if contract.lang == "en":
        return str(number)
    return f"第{ja_number(number, contract.digits)}条"


def ja_number(n: int, digits: str) -> str:
    """A number as written in Japanese numbering: full-width digits, half-width or kanji."""
    if digits == "kanji":
        tens, ones = divmod(n, 10)
        head = "" if tens == 0 else ("十" if tens == 1 else _KANJI[tens] + "十")
        return head + (_KANJI[ones] if ones else "") or "〇"
    return str(n).translate(_FULL) if digits == "full" else str(n)


def resolve_refs(text: str, contract: Contract, numbers: dict[str, int]) -> str:
    """Replace ``{ref:…}`` with the article/paragraph/item reference in the contract's style."""

    def one(match: re.Match[str]) -> str:
        key = match.group(1)
        if key not in numbers:
            raise ValueError(f"{contract.name}: unknown reference {match.group(0)}")
        parts = [int(p) for p in match.group(2).split(".") if p]
        n = numbers[key]
        if contract.lang == "en":
            out = f"Section {n}" + (f".{parts[0]}" if parts else "")
            return out + (f"({chr(96 + parts[1])})" if len(parts) > 1 else "")
        digits = "full" if contract.digits == "kanji" else contract.digits
        out = f"第{ja_number(n, contract.digits)}条"
        out += "".join(f"第{ja_number(p, digits)}{unit}" for p, unit in zip(parts, "項号", strict=False))
        return out

    return _REF.sub(one, text)


def segments(text: str) -> list[Segment]:
    """Split a text into plain runs and marked-up runs."""
    out: list[Segment] = []
    pos = 0
    for match in _MARKUP.finditer(text):
        if match.start() > pos:
            out.append(Segment("text", text[pos : match.start()]))
        if match.group(4):
            out.append(Segment("comment_start", "", match.group(4)))
        elif match.group(5):
            out.append(Segment("comment_end", ""))
        else:
            out.append(Segment(_KINDS[match.group(1)], match.group(3), match.group(2)))
        pos = match.end()
    if pos < len(text):
        out.append(Segment("text", text[pos:]))
    for seg in out:
        if seg.kind == "text" and _STRAY.search(seg.text):
            raise ValueError(f"unclosed change or comment markup in: {seg.text[:60]}…")
    return out


def accepted_text(text: str) -> str:
    """The text with every tracked change accepted (for plain-text output and checks)."""
    return "".join(s.text for s in segments(text) if s.kind in ("text", "ins", "move_to"))


def load_contract(path: Path) -> Contract:
    """Read one source file; references are resolved, change/comment markup is kept."""
    data: dict[str, Any] = yaml.safe_load(path.read_text(encoding="utf-8"))
    lang = data["lang"]
    body_raw: list[dict[str, Any]] = data["body"]
    numbers: dict[str, int] = {}
    n_article = 0
    for entry in body_raw:
        if "art" in entry:
            n_article += 1
            numbers[entry.get("key", f"a{n_article}")] = n_article
    shell = Contract(
        name=path.stem,
        file=data["file"],
        lang=lang,
        numbering=data.get("numbering", "typed"),
        digits=data.get("digits", "full" if lang == "ja" else "half"),
        layout=data.get("layout", "above"),
        title=data["title"],
        preamble=(),
        body=(),
        closing=(),
        signatures=(),
        authors={k: Author(v["name"], v["initials"], v["date"]) for k, v in data.get("authors", {}).items()},
        comments={k: (v["author"], v["text"]) for k, v in data.get("comments", {}).items()},
        encoding=data.get("encoding", "utf-8"),
        core_date=str(data.get("date", "2025-04-01T00:00:00Z")),
    )

    def res(text: str) -> str:
        return resolve_refs(str(text).strip(), shell, numbers)

    body: list[Chapter | Article] = []
    n_chapter = n_article = 0
    for entry in body_raw:
        if "chapter" in entry:
            n_chapter += 1
            body.append(Chapter(n_chapter, res(entry["chapter"])))
            continue
        n_article += 1
        parts: list[Para | Table] = []
        for p in entry["p"]:
            if isinstance(p, str):
                parts.append(Para(res(p)))
            elif "table" in p:
                parts.append(Table(tuple(tuple(res(c) for c in row) for row in p["table"])))
            else:
                parts.append(Para(res(p["t"]), tuple(res(i) for i in p.get("items", []))))
        body.append(Article(n_article, entry.get("key", f"a{n_article}"), res(entry["art"]), tuple(parts)))
    return Contract(
        name=shell.name,
        file=shell.file,
        lang=shell.lang,
        numbering=shell.numbering,
        digits=shell.digits,
        layout=shell.layout,
        title=shell.title,
        preamble=tuple(res(p) for p in data.get("preamble", [])),
        body=tuple(body),
        closing=tuple(res(p) for p in data.get("closing", [])),
        signatures=tuple(tuple(str(line) for line in block) for block in data.get("signatures", [])),
        authors=shell.authors,
        comments=shell.comments,
        encoding=shell.encoding,
        core_date=shell.core_date,
    )
