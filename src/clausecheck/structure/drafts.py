"""Mutable drafts of articles, paragraphs and items while the blocks are walked; frozen at the end."""

from __future__ import annotations

from dataclasses import dataclass, field

from clausecheck.contract import Article, Item, NumberStyle, Paragraph
from clausecheck.document import Block
from clausecheck.structure.headings import Label


def _text_span(text: str, start: int) -> tuple[int, int]:
    """Skip leading spaces from ``start`` and trailing spaces at the end of the line."""
    end = len(text.rstrip())
    while start < end and text[start] in " \t\u3000":
        start += 1
    return start, max(start, end)


@dataclass(slots=True)
class ItemDraft:
    label: Label
    block: int
    start: int
    end: int
    text: str
    children: list[ItemDraft] = field(default_factory=list)

    def freeze(self) -> Item:
        return Item(self.label.number, self.label.label, self.label.family, self.block, self.start, self.end,
                    self.text, tuple(c.freeze() for c in self.children))


@dataclass(slots=True)
class ParagraphDraft:
    number: int
    label: str
    block: int
    start: int
    end: int
    text: str
    last_block: int
    title: str = ""
    items: list[ItemDraft] = field(default_factory=list)
    stack: list[tuple[str, int, ItemDraft]] = field(default_factory=list)
    """Open item levels: (family, last number, last item) from the outermost in."""

    def fit(self, labels: list[Label]) -> tuple[Label, int] | None:
        """The reading of a line's item label that continues or opens a level, and that level."""
        for lab in labels:
            for depth, (family, last, _) in enumerate(self.stack):
                if family == lab.family and lab.number == last + 1:
                    return lab, depth
        families = {family for family, _, _ in self.stack}
        for lab in labels:
            if lab.number == 1 and lab.family not in families:
                return lab, len(self.stack)
        return None

    def add_item(self, lab: Label, depth: int, block: Block) -> None:
        start, end = _text_span(block.text, lab.end)
        item = ItemDraft(lab, block.index, start, end, block.text[start:end])
        (self.stack[depth - 1][2].children if depth else self.items).append(item)
        del self.stack[depth:]
        self.stack.append((lab.family, lab.number, item))
        self.last_block = block.index

    def freeze(self, end_block: int) -> Paragraph:
        return Paragraph(self.number, self.label, self.block, self.start, self.end, self.text,
                         (self.block, max(end_block, self.last_block + 1)), tuple(i.freeze() for i in self.items),
                         self.title)


@dataclass(slots=True)
class ArticleDraft:
    number: int | None
    number_label: str
    title: str
    heading_block: int | None
    first_block: int
    style: NumberStyle
    branch: int | None = None
    subnumber: int | None = None
    chapter: int | None = None
    title_block: int | None = None
    title_start: int = 0
    title_end: int = 0
    awaiting_title: bool = False
    paragraphs: list[ParagraphDraft] = field(default_factory=list)

    def expects_paragraph(self, number: int) -> bool:
        if not self.paragraphs:
            return number == 1
        return number == self.paragraphs[-1].number + 1

    def new_paragraph(self, number: int, label: str, block: Block, start: int, title: str = "") -> None:
        s, e = _text_span(block.text, start)
        if self.paragraphs and not self.paragraphs[0].label and number == 1:
            self.paragraphs.clear()  # "１" after an unnumbered line repeats paragraph 1: keep the numbered one
        self.paragraphs.append(ParagraphDraft(number, label, block.index, s, e, block.text[s:e], block.index, title))

    def body_line(self, block: Block, start: int = 0) -> None:
        """A line with no label of its own: the first paragraph, or more of the current one."""
        if not self.paragraphs:
            self.new_paragraph(1, "", block, start)
        else:
            self.paragraphs[-1].last_block = block.index

    def freeze(self, end_block: int) -> Article:
        paragraphs = []
        for k, p in enumerate(self.paragraphs):
            nxt = self.paragraphs[k + 1].block if k + 1 < len(self.paragraphs) else end_block
            paragraphs.append(p.freeze(nxt))
        first = min(self.first_block, self.title_block if self.title_block is not None else self.first_block)
        return Article(self.number, self.number_label, self.title, self.heading_block, (first, end_block),
                       tuple(paragraphs), self.style, self.branch, self.subnumber, self.chapter, self.title_block,
                       self.title_start, self.title_end)
