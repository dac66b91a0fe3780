"""Cross-references (前条, 前項, 第12条第2項, Section 12.1(a)) and what they point at."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Literal

from clausecheck.contract import Article, Contract, Location, Paragraph
from clausecheck.structure.headings import number_of

_N = r"[0-9０-９〇一二三四五六七八九十百]+"
_JA = re.compile(
    rf"(?:(?P<rel>前条|本条|同条)|第(?P<art>{_N})条(?:の(?P<br>{_N}))?)(?:第(?P<para>{_N})項)?(?:第(?P<item>{_N})号)?"
    rf"|(?P<relp>前項|本項|同項)(?:第(?P<pitem>{_N})号)?"
)
_EN = re.compile(
    r"\b(?:Section|Article|Clause)s?\s+(?P<art>\d{1,3})(?:\.(?P<para>\d{1,3}))?(?P<items>(?:\([a-z0-9]{1,4}\))*)"
)
Relative = Literal["previous_article", "this_article", "previous_paragraph", "this_paragraph"]
_RELATIVE: dict[str, Relative] = {"前条": "previous_article", "本条": "this_article", "同条": "this_article",
                                  "前項": "previous_paragraph", "本項": "this_paragraph", "同項": "this_paragraph"}


@dataclass(frozen=True, slots=True)
class Reference:
    """One cross-reference found in a text."""

    text: str
    start: int
    end: int
    article: int | None = None
    branch: int | None = None
    paragraph: int | None = None
    item: int | None = None
    relative: Relative | None = None


def find_references(text: str) -> tuple[Reference, ...]:
    """Every cross-reference in ``text``, with offsets into it."""
    refs: list[Reference] = []
    for m in _JA.finditer(text):
        rel = m.group("rel") or m.group("relp")

        def num(name: str, m: re.Match[str] = m) -> int | None:
            return number_of(m.group(name)) if m.group(name) else None

        head = Reference(m.group(0), m.start(), m.end(), num("art"), num("br"), num("para"),
                         num("item") or num("pitem"), _RELATIVE[rel] if rel else None)
        refs.append(head)
        # 第22条第1号又は第2号, 第5条第1項及び第3項: the list's later members keep the article (and
        # paragraph) of the first.
        end = m.end()
        while (more := _JA_MORE.match(text, end)) is not None:
            n = number_of(more.group("n"))
            if more.group("kind") == "項":
                refs.append(replace(head, text=more.group(0), start=more.start(), end=more.end(), paragraph=n,
                                    item=None))
            else:
                refs.append(replace(head, text=more.group(0), start=more.start(), end=more.end(), item=n))
            end = more.end()
    for m in _EN.finditer(text):
        refs.append(_en_reference(m.group(0), m.start(), m.group("art"), m.group("para"), m.group("items")))
        # "Sections 6, 7.2 and 9", "Articles 9 through 12": every number of the list counts.
        end = m.end()
        while (more := _EN_MORE.match(text, end)) is not None:
            if more.group("range") and refs[-1].article is not None and not more.group("para"):
                first, last = refs[-1].article, int(more.group("art"))
                for n in range(first + 1, min(last, first + 50) + 1):
                    refs.append(Reference(more.group(0), more.start(), more.end(), n))
            else:
                refs.append(_en_reference(more.group(0), more.start(), more.group("art"), more.group("para"),
                                          more.group("items")))
            end = more.end()
    for m in _JA_RANGE.finditer(text):
        # 第5条から第9条まで: the articles between the two ends are referred to as well.
        low, high = number_of(m.group("a")), number_of(m.group("b"))
        if low is not None and high is not None:
            for n in range(low + 1, min(high, low + 50)):
                refs.append(Reference(m.group(0), m.start(), m.end(), n))
    refs.sort(key=lambda r: r.start)
    return tuple(refs)


_EN_MORE = re.compile(
    r",?\s*(?:,|and|or|(?P<range>through|to|-|–))\s*(?P<art>\d{1,3})(?:\.(?P<para>\d{1,3}))?"
    r"(?P<items>(?:\([a-z0-9]{1,4}\))*)(?![\d.]*\s*(?:%|percent|days|years|months))"
)
_JA_MORE = re.compile(rf"\s*(?:、|,|又は|及び|若しくは|並びに)\s*第(?P<n>{_N})(?P<kind>項|号)(?!\s*{_N})")
_JA_RANGE = re.compile(rf"第(?P<a>{_N})条から第(?P<b>{_N})条まで")


def _en_reference(text: str, start: int, art: str, para: str | None, items_text: str) -> Reference:
    items = re.findall(r"\(([a-z0-9]+)\)", items_text or "")
    item = None
    if items:
        first = items[0]
        item = int(first) if first.isdigit() else (ord(first) - 96 if len(first) == 1 else number_of(first))
    return Reference(text, start, start + len(text), int(art), paragraph=int(para) if para else None, item=item)


def resolve(contract: Contract, ref: Reference, *, article: Article | None = None,
            paragraph: Paragraph | None = None) -> Location | None:
    """The unit a reference points at, read from ``article``/``paragraph`` for 前条 and 前項;
    ``None`` when the contract has no such unit."""
    target: Article | None = None
    if ref.relative in ("previous_article", "this_article"):
        if article is None or article not in contract.articles:
            return None
        k = contract.articles.index(article) - (1 if ref.relative == "previous_article" else 0)
        target = contract.articles[k] if k >= 0 else None
    elif ref.relative in ("previous_paragraph", "this_paragraph"):
        if article is None or paragraph is None:
            return None
        number = paragraph.number - (1 if ref.relative == "previous_paragraph" else 0)
        para = next((p for p in article.paragraphs if p.number == number), None)
        return None if para is None else _with_item(Location(article, para), ref)
    elif ref.article is not None:
        target = next((a for a in contract.articles if a.number == ref.article and a.branch == ref.branch
                       and a.subnumber in (None, ref.paragraph)), None)
    if target is None:
        return None
    para = None
    if ref.paragraph is not None and target.subnumber is None:
        para = next((p for p in target.paragraphs if p.number == ref.paragraph), None)
        if para is None:
            return None
    return _with_item(Location(target, para), ref)


def _with_item(loc: Location, ref: Reference) -> Location | None:
    if ref.item is None or loc.article is None:
        return loc
    paragraphs = [loc.paragraph] if loc.paragraph is not None else list(loc.article.paragraphs)
    for para in paragraphs:
        item = next((i for i in para.items if i.number == ref.item), None)
        if item is not None:
            return Location(loc.article, para, item)
    return None
