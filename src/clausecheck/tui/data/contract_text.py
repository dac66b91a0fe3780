"""The contract as displayed: one rich ``Text`` per block, with the evidence of the selected
finding highlighted and tracked changes visible in the chosen view.

Offsets in findings point into ``Block.text``. Display adds things that are not in it (a table
cell's rule, deleted text shown struck through in the accepted view, a candidate's score badge),
so each rendered block carries the mapping from block offsets to display offsets.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal, TypeVar

from rich.style import Style
from rich.text import Text

from clausecheck.review_labels import review_label

if TYPE_CHECKING:
    from clausecheck.contract import Contract
    from clausecheck.document import Block, Comment, Document, TrackedChange
    from clausecheck.findings import Finding

_T = TypeVar("_T")
HighlightKind = Literal["evidence", "candidate"]
Role = Literal["title", "chapter", "heading", "body", "cell"]
STYLE_KEYS = ("title", "chapter", "heading", "cell_rule", "evidence", "candidate", "badge", "insert", "delete",
              "ghost_insert", "ghost_delete", "comment")


@dataclass(frozen=True, slots=True)
class Highlight:
    """A span to highlight: evidence of the selected finding, or a candidate passage of a missing one."""

    block: int
    start: int
    end: int
    kind: HighlightKind
    label: str = ""
    """Shown after the span (a candidate's score)."""


@dataclass(frozen=True, slots=True)
class BlockRender:
    text: Text
    marks: tuple[tuple[int, int, HighlightKind], ...]
    """Display ranges of the highlights, for the gutter."""
    starts: tuple[int, ...]
    """Sorted block offsets where display text was inserted…"""
    shifts: tuple[int, ...]
    """…and the cumulative number of inserted characters up to and including each."""
    prefix: int

    def display(self, offset: int, *, end: bool = False) -> int:
        """Display offset of block offset ``offset`` (``end``: exclusive end of a range)."""
        i = (bisect_left if end else bisect_right)(self.starts, offset)
        return self.prefix + offset + (self.shifts[i - 1] if i else 0)


def highlights_for(finding: Finding | None, lang: str) -> tuple[Highlight, ...]:
    """Evidence spans (clause and element evidence), or for a missing clause its candidates."""
    if finding is None:
        return ()
    if finding.status == "missing":
        return tuple(Highlight(c.evidence.block, c.evidence.start, c.evidence.end, "candidate",
                               review_label("tui_candidate_badge", lang, score=f"{c.score:.2f}"))
                     for c in finding.candidates)
    seen: dict[tuple[int, int, int], Highlight] = {}
    spans = [*finding.evidence, *(e for el in finding.elements for e in el.evidence)]
    for e in spans:
        seen.setdefault((e.block, e.start, e.end), Highlight(e.block, e.start, e.end, "evidence"))
    return tuple(sorted(seen.values(), key=lambda h: (h.block, h.start)))


def block_roles(document: Document, contract: Contract | None) -> dict[int, Role]:
    """What each block is, for its look: title, chapter or article heading, table cell, body."""
    roles: dict[int, Role] = {b.index: ("cell" if b.cells else "body") for b in document.blocks}
    if contract is None:
        return roles
    if contract.title_block is not None:
        roles[contract.title_block] = "title"
    for chapter in contract.chapters:
        roles[chapter.heading_block] = "chapter"
    for article in contract.articles:
        for index in (article.heading_block, article.title_block):
            if index is not None and roles.get(index) == "body":
                roles[index] = "heading"
    for annex in contract.annexes:
        roles[annex.heading_block] = "heading"
    return roles


def blank_before(document: Document, contract: Contract | None) -> set[int]:
    """Blocks that open a chapter, an article (its title line, if above the number) or an annex."""
    if contract is None or not document.blocks:
        return set()
    firsts = {ch.heading_block for ch in contract.chapters} | {x.heading_block for x in contract.annexes}
    for article in contract.articles:
        lines = [i for i in (article.title_block, article.heading_block) if i is not None]
        if lines:
            firsts.add(min(lines))
    return firsts - {document.blocks[0].index}


def render_block(
    block: Block,
    *,
    role: Role,
    highlights: Sequence[Highlight],
    changes: Sequence[TrackedChange],
    comments: Sequence[Comment],
    styles: Mapping[str, Style],
    lang: str,
) -> BlockRender:
    """The block's display text: highlights, visible and hidden tracked changes, comments below."""
    prefix = ""
    if role == "cell":
        prefix = "  ├ " if block.cells[-1].col == 0 else "  │ "
    # Display-only insertions before a block offset: hidden tracked changes and candidate badges.
    inserts: list[tuple[int, str, str]] = []
    for ch in changes:
        if ch.end == ch.start and ch.text:
            # Not in this view's text: shown marked, so it reads as a change even without colour.
            deleted = ch.kind in ("delete", "move_from", "paragraph_delete")
            mark = "-" if deleted else "+"
            inserts.append((ch.start, f"[{mark}{ch.text}{mark}]", "ghost_delete" if deleted else "ghost_insert"))
    for h in highlights:
        if h.label:
            inserts.append((h.end, f" ‹{h.label}› ", "badge"))
    inserts.sort(key=lambda t: t[0])
    starts, shifts, total = [], [], 0
    for offset, s, _ in inserts:
        total += len(s)
        starts.append(offset)
        shifts.append(total)

    base_style = styles.get(role, Style()) if role in ("title", "chapter", "heading") else Style()
    body = block.text.replace("\t", " ")  # same length: offsets still hold
    text = Text(prefix, style=styles.get("cell_rule", Style()))
    cursor = 0
    for offset, s, key in inserts:
        text.append(body[cursor:offset], style=base_style)
        text.append(s, style=styles.get(key, Style()))
        cursor = offset
    text.append(body[cursor:], style=base_style)
    rendered = BlockRender(text, (), tuple(starts), tuple(shifts), len(prefix))

    for ch in changes:
        if ch.end > ch.start:
            key = "insert" if ch.kind in ("insert", "move_to", "paragraph_insert") else "delete"
            text.stylize(styles.get(key, Style()), rendered.display(ch.start), rendered.display(ch.end, end=True))
    marks = []
    for h in highlights:
        a, b = rendered.display(h.start), rendered.display(h.end, end=True)
        text.stylize(styles.get(h.kind, Style()), a, b)
        marks.append((a, b, h.kind))
    for cm in comments:
        text.append("\n")
        note = review_label("tui_comment", lang, author=cm.author or "?", text=" ".join(cm.text.split()))
        text.append("    ※ " + note,
                    style=styles.get("comment", Style()))
    return BlockRender(text, tuple(marks), rendered.starts, rendered.shifts, rendered.prefix)


def by_block(items: Iterable[_T]) -> dict[int, list[_T]]:
    """Group changes, comments or highlights by their block index (items without one are left out)."""
    out: dict[int, list[_T]] = {}
    for item in items:
        block = getattr(item, "block", None)
        if block is not None:
            out.setdefault(block, []).append(item)
    return out


def line_of(starts: Sequence[int], display_offset: int) -> int:
    """Index of the wrapped line holding ``display_offset``, given each line's start offset."""
    return max(0, bisect_right(starts, display_offset) - 1)


_NO_LINE_START = frozenset("、。，．,.)]）」』】〕〉》”’ー々ぁぃぅぇぉっゃゅょァィゥェォッャュョ!?！？：；:;")
"""Characters a Japanese line should not start with (kinsoku): they are pushed down with the one before."""


def wrap_offsets(text: str, width: int) -> list[int]:
    """Where to break ``text`` (no newlines) into lines of at most ``width`` cells.

    Japanese has no spaces: lines fill up to the width and break between any two characters,
    except before closing punctuation and small kana. Latin words are kept whole when they fit
    on a line. Offsets are character offsets, so a span maps exactly to its line.
    """
    from rich.cells import get_character_cell_size

    breaks: list[int] = []
    line_start, used, word_start = 0, 0, -1
    for i, ch in enumerate(text):
        cells = get_character_cell_size(ch)
        latin = ch.isascii() and (ch.isalnum() or ch in "-_'\".,;:()[]/%&")
        word_start = (i if word_start < 0 else word_start) if latin else -1
        if used + cells > width and i > line_start:
            if ch.isspace():  # a space at the break stays at the end of the line (cropped, unseen)
                breaks.append(i + 1)
                line_start, used = i + 1, 0
                continue
            cut = i
            if latin and word_start > line_start:
                cut = word_start  # keep the Latin word whole
            elif ch in _NO_LINE_START and i - 1 > line_start:
                cut = i - 1
            breaks.append(cut)
            line_start = cut
            used = sum(get_character_cell_size(c) for c in text[cut:i])
        used += cells
    return breaks
