"""The contract as structured: articles, paragraphs and items, chapters, annexes, defined terms
and parties, each pointing back at the blocks and character offsets it came from.

:func:`clausecheck.structure.build_contract` builds these from a :class:`~clausecheck.document.Document`.
All offsets are into :attr:`Block.text <clausecheck.document.Block.text>` of the block named
beside them, and ``block.text[start:end] == unit.text`` holds for every unit that has ``text``.
Block ranges are half-open: ``(first, last + 1)``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Language = Literal["ja", "en", "bilingual"]
NumberStyle = Literal["ja", "article", "section", "clause", "dotted", "none"]
"""How an article is numbered: 第N条, "Article N", "Section N", "Clause N", "N." / "N.M", or not at all."""


@dataclass(frozen=True, slots=True)
class Item:
    """One item (号): （１）, (1), ①, 一, イ, (a), (i) …"""

    number: int
    """Its number: 1 for （１）, ①, 一, イ, (a) and (i)."""
    label: str
    """The label as displayed (``"（１）"``, ``"(a)"``)."""
    family: str
    """The kind of label (``paren_digit``, ``circled``, ``kanji``, ``iroha``, ``paren_alpha``, ``roman`` …)."""
    block: int
    start: int
    end: int
    """Offsets of the item's text (after the label) in the block."""
    text: str
    items: tuple[Item, ...] = ()
    """Sub-items: (a) under (1), イ under 一."""


@dataclass(frozen=True, slots=True)
class Paragraph:
    """One paragraph (項) of an article; the first is often unnumbered."""

    number: int
    """1 for the first paragraph, whether or not it shows a number."""
    label: str
    """The displayed number (``"２"``, ``"12.1"``), or ``""`` for an unnumbered first paragraph."""
    block: int
    start: int
    end: int
    """Offsets of the paragraph's text (after the label) in its first block."""
    text: str
    block_range: tuple[int, int]
    """Every block of the paragraph, items and continuation lines included."""
    items: tuple[Item, ...] = ()
    title: str = ""
    """A title on the paragraph's own line ("1.2 Definitions"), rarely present."""


@dataclass(frozen=True, slots=True)
class Article:
    """One article (条 / Article / Section / numbered clause) and what it contains."""

    number: int | None
    """第12条 → 12; ``None`` for an unnumbered article (a heading without a number)."""
    number_label: str
    """The number as displayed (``"第12条"``, ``"Article 12"``, ``"12."``, ``"1.2"``), or ``""``."""
    title: str
    """The heading (``"秘密保持"``, ``"Confidentiality"``), or ``""``."""
    heading_block: int | None
    """The block holding the number/heading; ``None`` for an article only implied by 1.1 paragraphs."""
    block_range: tuple[int, int]
    paragraphs: tuple[Paragraph, ...]
    style: NumberStyle = "ja"
    branch: int | None = None
    """第12条の2 → 2."""
    subnumber: int | None = None
    """For articles numbered N.M without an "N." parent: M."""
    chapter: int | None = None
    """Index into :attr:`Contract.chapters`, if the article sits in a chapter."""
    title_block: int | None = None
    title_start: int = 0
    title_end: int = 0
    """Where the title is: its block (the heading block, or the （見出し） line above it) and offsets."""

    @property
    def ref(self) -> str:
        """How a reviewer cites it: ``第12条``, ``第12条の2``, ``Article 12``, ``Section 12.1``."""
        if self.number is None:
            return self.title
        if self.style == "ja":
            return f"第{self.number}条" + (f"の{self.branch}" if self.branch else "")
        number = f"{self.number}.{self.subnumber}" if self.subnumber is not None else str(self.number)
        word = {"article": "Article", "clause": "Clause"}.get(self.style, "Section")
        return f"{word} {number}"


@dataclass(frozen=True, slots=True)
class Chapter:
    """A chapter (第N章, PART N) grouping articles."""

    number: int | None
    label: str
    title: str
    heading_block: int
    block_range: tuple[int, int]
    title_start: int = 0
    title_end: int = 0
    """Offsets of ``title`` in the heading block (equal when there is no title)."""


@dataclass(frozen=True, slots=True)
class Annex:
    """An annex (別紙, 別表, Schedule, Exhibit …) after the main text."""

    label: str
    """``"別紙1"``, ``"Schedule 2"``, ``"Exhibit A"``."""
    number: int | None
    """1 for 別紙1, 別紙 and Exhibit A; ``None`` when no number is shown."""
    title: str
    heading_block: int
    block_range: tuple[int, int]
    title_start: int = 0
    title_end: int = 0
    """Offsets of ``title`` in the heading block (equal when there is no title)."""

    @property
    def ref(self) -> str:
        return self.label


@dataclass(frozen=True, slots=True)
class Signature:
    """The closing and signature block (以上 / 本契約締結の証として / IN WITNESS WHEREOF)."""

    block_range: tuple[int, int]
    start_block: int


@dataclass(frozen=True, slots=True)
class DefinedTerm:
    """A term the contract defines (以下「甲」という, "X" means …, (the "Agreement"))."""

    term: str
    """The term without its quotes (``本技術情報``, ``Licensor``)."""
    definition: str
    """What it stands for: the described thing or the defining sentence."""
    block: int
    start: int
    end: int
    """Offsets of the term (inside its quotes) in the block."""
    def_start: int
    def_end: int
    """Offsets of ``definition`` in the same block."""
    kind: Literal["hereinafter", "means", "parenthetical"]
    """以下「X」という / (hereinafter "X"), 「X」とは…をいう / "X" means …, or ("X")."""


@dataclass(frozen=True, slots=True)
class Party:
    """A party to the contract, with every name it goes by."""

    name: str
    """Its name as written (``〇〇株式会社``), or its symbol (``甲``) when no name is given."""
    aliases: tuple[str, ...]
    """Every other name: short name, symbol (甲), role (ライセンサー, Licensor)."""
    roles: tuple[str, ...]
    """Role nouns it is given (``ライセンサー``, ``Disclosing Party``)."""
    block: int | None
    """Where it is defined, if it is."""

    @property
    def names(self) -> tuple[str, ...]:
        """Name first, then the aliases, without repeats."""
        return tuple(dict.fromkeys((self.name, *self.aliases)))


Unit = Article | Annex


@dataclass(frozen=True, slots=True)
class Location:
    """A place in the contract, citable: ``第12条第2項第3号`` / ``Section 12.1(a)``."""

    article: Article | None
    paragraph: Paragraph | None = None
    item: Item | None = None
    annex: Annex | None = None
    parent_items: tuple[Item, ...] = ()
    """The items ``item`` is nested in, outermost first ((c) for (c)(i))."""

    @property
    def ref(self) -> str:
        if self.annex is not None:
            return self.annex.ref
        if self.article is None:
            return ""
        art = self.article
        text = art.ref
        if art.style == "ja":
            if self.paragraph is not None and len(art.paragraphs) > 1:
                text += f"第{self.paragraph.number}項"
            if self.item is not None:
                outer, *inner = (*self.parent_items, self.item)
                text += f"第{outer.number}号" + "".join(i.label.strip() for i in inner)
            return text
        para = self.paragraph
        if para is not None and "." in para.label.strip(".") and art.number is not None:
            word = text.split(" ")[0] if art.style != "dotted" else "Section"
            text = f"{word} {para.label.strip().rstrip('.')}"
        elif para is not None and len(art.paragraphs) > 1:
            text += f"({para.number})"
        for item in (*self.parent_items, self.item) if self.item is not None else ():
            label = item.label.strip()
            text += label if label.startswith("(") else f"({label.rstrip('.)')})"
        return text


@dataclass(frozen=True, slots=True)
class Contract:
    """A document structured as a contract."""

    title: str | None
    title_block: int | None
    language: Language
    preamble: tuple[int, int]
    """Blocks between the title and the first article (parties, recitals)."""
    articles: tuple[Article, ...]
    chapters: tuple[Chapter, ...] = ()
    annexes: tuple[Annex, ...] = ()
    signature: Signature | None = None
    defined_terms: tuple[DefinedTerm, ...] = ()
    parties: tuple[Party, ...] = ()

    @property
    def units(self) -> tuple[Unit, ...]:
        """Articles then annexes, in document order: what matching attributes sentences to."""
        return (*self.articles, *self.annexes)

    def unit_of_block(self, block: int) -> Unit | None:
        """The article or annex a block belongs to."""
        for unit in self.units:
            if unit.block_range[0] <= block < unit.block_range[1]:
                return unit
        return None

    def locate(self, block: int) -> Location:
        """The most precise citable place of a block (article, paragraph, item)."""
        unit = self.unit_of_block(block)
        if isinstance(unit, Annex):
            return Location(article=None, annex=unit)
        if unit is None:
            return Location(article=None)
        for para in unit.paragraphs:
            if para.block_range[0] <= block < para.block_range[1]:
                path = _item_path(para.items, block)
                return Location(article=unit, paragraph=para, item=path[-1] if path else None,
                                parent_items=tuple(path[:-1]))
        return Location(article=unit)


def _item_path(items: tuple[Item, ...], block: int) -> list[Item]:
    before = [item for item in items if item.block <= block]
    if not before:
        return []
    return [before[-1], *_item_path(before[-1].items, block)]
