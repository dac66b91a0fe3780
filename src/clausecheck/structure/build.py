"""From blocks to a contract: one walk over the body, with headings recognised line by line."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from clausecheck.contract import Annex, Article, Chapter, Contract, Signature
from clausecheck.document import Block, Document
from clausecheck.normalise import normalise
from clausecheck.structure.drafts import ArticleDraft, ParagraphDraft
from clausecheck.structure.headings import (
    Heading,
    classify,
    data,
    item_labels,
    paragraph_label,
    title_like_en,
    title_like_ja,
)
from clausecheck.structure.language import detect_language
from clausecheck.structure.parties import find_parties
from clausecheck.structure.terms import find_terms

Scheme = Literal["ja", "word", "dotted"]


def build_contract(document: Document) -> Contract:
    """The contract structure of a document (pure: reads nothing but its argument)."""
    body = [b for b in document.blocks if b.part == "body"]
    headings = {b.index: classify(b.text) for b in body}
    walker = _Walker(_scheme(headings.values()), _title_block(body, headings))
    for block in body:
        walker.step(block, headings[block.index])
    end = body[-1].index + 1 if body else 0
    walker.finish(end)
    title_block = walker.title_block
    title = next((b.text.strip() for b in body if b.index == title_block), None)
    first_unit = min([a.block_range[0] for a in walker.articles] + [c.block_range[0] for c in walker.chapters]
                     + [u.block_range[0] for u in walker.annexes]
                     + ([walker.signature.block_range[0]] if walker.signature else []) + [end])
    preamble_start = title_block + 1 if title_block is not None else (body[0].index if body else 0)
    terms = find_terms(body, headings)
    return Contract(
        title=title,
        title_block=title_block,
        language=detect_language(document.text()),
        preamble=(min(preamble_start, first_unit), first_unit),
        articles=tuple(walker.articles),
        chapters=tuple(walker.chapters),
        annexes=tuple(walker.annexes),
        signature=walker.signature,
        defined_terms=terms,
        parties=find_parties(body, terms),
    )


def _scheme(headings: object) -> Scheme:
    found = [h for h in headings if isinstance(h, Heading) and h.kind == "article"]  # type: ignore[attr-defined]
    if any(h.style == "ja" for h in found):
        return "ja"
    return "word" if found else "dotted"


def _title_block(body: list[Block], headings: dict[int, Heading | None]) -> int | None:
    """The first short line near the top that reads like a contract's title."""
    d = data()["title"]
    for block in body[:8]:
        h = headings[block.index]
        if h is not None and h.kind in ("article", "chapter", "dotted", "annex"):
            return None
        text = normalise(block.text)
        bare = text.removesuffix("(案)").removesuffix("(draft)").removesuffix("(Draft)").strip()
        if len(bare) > 60:
            continue
        ja_title = any(bare.endswith(e) for e in d["ja_endings"])
        en_title = bare.upper() == bare and any(w in bare for w in d["en_words"])
        if ja_title or en_title or (block.style or "").lower() == "title":
            return block.index
    return None


@dataclass(slots=True)
class _Walker:
    scheme: Scheme
    title_block: int | None
    articles: list[Article] = field(default_factory=list)
    chapters: list[Chapter] = field(default_factory=list)
    annexes: list[Annex] = field(default_factory=list)
    signature: Signature | None = None
    current: ArticleDraft | None = None
    chapter: tuple[Heading, int] | None = None
    annex: tuple[Heading, int] | None = None
    pending_title: tuple[Heading, int] | None = None
    phase: Literal["main", "signature", "annex"] = "main"

    def step(self, block: Block, h: Heading | None) -> None:
        i = block.index
        if i == self.title_block:
            return
        if h is not None and h.kind == "annex":
            self._close(i, chapter=True)
            self._close_annex(i)
            self._close_signature(i)
            self.phase, self.annex = "annex", (h, i)
            return
        if self.phase == "annex":
            return
        if h is not None and h.kind in ("signature", "end_mark") and self.phase == "main":
            self._close(i, chapter=True)
            self.phase, self.signature = "signature", Signature((i, i + 1), i)
            return
        if self.phase == "signature":
            return
        if h is not None and h.kind == "article" and self._acceptable(h):
            self._open_article(block, h, h.style)
        elif h is not None and h.kind == "chapter":
            self._close(i, chapter=True)
            self.chapter = (h, i)
        elif h is not None and h.kind == "paren_title":
            art = self.current
            if art is not None and art.awaiting_title and not art.paragraphs:  # 第1条 / （目的）
                art.title, art.title_block, art.title_start, art.title_end = h.title, i, h.title_start, h.title_end
                art.awaiting_title = False
            else:
                self.pending_title = (h, i)
        elif h is not None and h.kind == "dotted":
            self._dotted(block, h)
        elif block.heading_level is not None and self._styled_heading(block):
            pass
        else:
            self._body(block)

    def _acceptable(self, h: Heading) -> bool:
        """Numbers go up: a 第1条 after 第5条 is a quotation or a list, not a new article."""
        last = next((a.number for a in reversed(self.articles) if a.number is not None), None)
        if self.current is not None and self.current.number is not None:
            last = self.current.number
        return last is None or h.number is None or h.number >= last

    def _open_article(self, block: Block, h: Heading, style: str, *, implied: bool = False) -> None:
        cut = self.pending_title[1] if self.pending_title is not None else block.index
        self._close(cut)
        art = ArticleDraft(h.number, "" if implied else h.label, h.title, None if implied else block.index,
                           block.index, style, h.branch, None if implied else h.sub,  # type: ignore[arg-type]
                           chapter=len(self.chapters) if self.chapter is not None else None)
        if h.title:
            art.title_block, art.title_start, art.title_end = block.index, h.title_start, h.title_end
        elif self.pending_title is not None:
            pt, pb = self.pending_title
            art.title, art.title_block, art.title_start, art.title_end = pt.title, pb, pt.title_start, pt.title_end
        self.pending_title = None
        art.awaiting_title = not art.title and h.body_start is None and not implied
        if h.body_start is not None and not implied:
            art.new_paragraph(1, "", block, h.body_start)
        self.current = art

    def _dotted(self, block: Block, h: Heading) -> None:
        art = self.current
        if self.scheme != "dotted":
            if art is not None:
                number = h.sub if h.sub is not None else h.number
                if number is not None and art.expects_paragraph(number):
                    art.new_paragraph(number, h.label, block, h.body_start or h.title_start, h.title)
                    return
            self._body(block)
            return
        if h.sub is None:
            self._open_article(block, h, "dotted")
            return
        if art is not None and art.number == h.number and art.subnumber is None and h.sub is not None \
                and art.expects_paragraph(h.sub):
            art.new_paragraph(h.sub, h.label, block, h.body_start if h.body_start is not None else h.title_end,
                              h.title)
        elif h.title and h.body_start is None:
            self._open_article(block, h, "dotted")
            if self.current is not None:
                self.current.subnumber = h.sub
        else:
            if art is None or art.number != h.number or art.heading_block is not None:
                self._open_article(block, Heading("dotted", h.number, str(h.number)), "dotted", implied=True)
            assert self.current is not None and h.sub is not None
            self.current.new_paragraph(h.sub, h.label, block, h.body_start or h.title_start)

    def _styled_heading(self, block: Block) -> bool:
        """A heading-styled line with no number: the title of what follows, or its own article."""
        text = block.text.strip()
        if not (title_like_en(text) or title_like_ja(text)):
            return False
        heading = Heading("paren_title", None, "", title=text, title_start=block.text.index(text),
                          title_end=block.text.index(text) + len(text))
        if self.current is None and not self.articles:
            self.pending_title = (heading, block.index)
            return True
        self._open_article(block, Heading("article", None, ""), "none")
        if self.current is not None:
            self.current.title, self.current.title_block = text, block.index
            self.current.title_start, self.current.title_end = heading.title_start, heading.title_end
            self.current.awaiting_title = False
        return True

    def _body(self, block: Block) -> None:
        if self.pending_title is not None:
            _, pb = self.pending_title
            if self.articles or self.current is not None:  # （見出し） over a body with no 第N条
                self._open_article(block, Heading("article", None, ""), "none")
                assert self.current is not None
                self.current.heading_block, self.current.awaiting_title = pb, False
            self.pending_title = None
        art = self.current
        if art is None:
            return
        text = block.text
        if art.awaiting_title and not art.paragraphs:
            art.awaiting_title = False
            stripped = text.strip()
            if (title_like_ja(stripped) or title_like_en(stripped)) and not item_labels(text) \
                    and paragraph_label(text) is None:
                art.title, art.title_block = stripped.strip("（）()"), block.index
                art.title_start = text.index(art.title)
                art.title_end = art.title_start + len(art.title)
                return
        para = paragraph_label(text)
        if para is not None and art.expects_paragraph(para.number):
            art.new_paragraph(para.number, para.label, block, para.end)
            return
        labels = item_labels(text)
        if labels:
            if not art.paragraphs:
                art.paragraphs.append(ParagraphDraft(1, "", block.index, 0, 0, "", block.index))
            fit = art.paragraphs[-1].fit(labels)
            if fit is not None:
                art.paragraphs[-1].add_item(fit[0], fit[1], block)
                return
        art.body_line(block, 0)

    def _close(self, end: int, *, chapter: bool = False) -> None:
        if self.current is not None:
            self.articles.append(self.current.freeze(end))
            self.current = None
        if chapter and self.chapter is not None:
            h, start = self.chapter
            self.chapters.append(Chapter(h.number, h.label, h.title, start, (start, end), h.title_start, h.title_end))
            self.chapter = None

    def _close_annex(self, end: int) -> None:
        if self.annex is not None:
            h, start = self.annex
            self.annexes.append(Annex(h.label, h.number, h.title, start, (start, end), h.title_start, h.title_end))
            self.annex = None

    def _close_signature(self, end: int) -> None:
        if self.signature is not None and self.signature.block_range[1] < end and self.phase == "signature":
            self.signature = Signature((self.signature.start_block, end), self.signature.start_block)

    def finish(self, end: int) -> None:
        self._close(end, chapter=True)
        self._close_annex(end)
        self._close_signature(end)

