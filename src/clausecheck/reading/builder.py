"""Turns walked paragraphs into :class:`Block` objects: labels, headings, positions.

The walker appends displayed text to an open paragraph and asks for :class:`Mark` objects where
tracked changes and comments begin and end. A paragraph whose mark does not exist in the view
(a deleted paragraph mark when accepting, an inserted one when rejecting) stays open, so the next
paragraph's text joins it, as Word shows it. Block indices and label offsets are known only when a
paragraph is emitted, so marks are resolved then. Paragraphs with no visible text and no number
(spacing, empty cells, anchors of text boxes) make no block, as blank lines make none in .txt input.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from clausecheck.document import Block, CellRef, Part
from clausecheck.reading.numbering import Numberer, Numbering
from clausecheck.reading.ooxml import Element
from clausecheck.reading.styles import ParagraphProps, Styles, paragraph_props


@dataclass(slots=True)
class Mark:
    """A position in the output, filled in when its paragraph is emitted (block -1 until then)."""

    block: int = -1
    offset: int = 0


@dataclass(slots=True)
class Para:
    """A paragraph being walked (possibly several source paragraphs joined in this view)."""

    cells: tuple[CellRef, ...]
    part: Part
    source_index: int | None
    pieces: list[str] = field(default_factory=list)
    length: int = 0
    marks: list[tuple[Mark, int]] = field(default_factory=list)
    ppr: Element | None = None


class Builder:
    """Collects the blocks of every story of one document, in reading order."""

    def __init__(self, *, styles: Styles, numbering: Numbering, labels: bool = True) -> None:
        self.styles = styles
        self.numbering = numbering
        self.numberer = Numberer(numbering)
        self.labels = labels
        self.blocks: list[Block] = []
        self.part: Part = "body"
        self.source_index: int | None = None
        self.cells: tuple[CellRef, ...] = ()
        self.current: Para | None = None
        self._waiting: list[Mark] = []  # marks placed where no paragraph is open: the next one's start
        self._deferred: list[Para] = []  # text-box paragraphs, emitted after their host paragraph
        self._frames: list[tuple[Para | None, list[Mark]]] = []

    # -- text and positions ------------------------------------------------------------------
    def _open(self) -> Para:
        para = Para(self.cells, self.part, self.source_index)
        para.marks.extend((m, 0) for m in self._waiting)
        self._waiting = []
        self.current = para
        return para

    def text(self, s: str) -> None:
        para = self.current or self._open()
        para.pieces.append(s)
        para.length += len(s)

    def mark(self) -> Mark:
        m = Mark()
        if self.current is None:
            self._waiting.append(m)
        else:
            self.current.marks.append((m, self.current.length))
        return m

    # -- paragraphs --------------------------------------------------------------------------
    def begin(self) -> None:
        """Start a paragraph, or keep filling the open one when the previous mark is absent."""
        if self.current is None:
            self._open()

    def end(self, ppr: Element | None, *, joined: bool) -> None:
        """Close the paragraph; ``joined`` keeps it open for the next one (absent paragraph mark)."""
        para = self.current or self._open()
        para.ppr = ppr
        if not joined:
            self._finish(para)

    def flush(self) -> None:
        """Close any paragraph left open at a container boundary (cell, table, note, story end)."""
        if self.current is not None:
            self._finish(self.current)

    def close_story(self) -> None:
        """End of a story: nothing may stay open; stray marks point at the last block's end."""
        self.flush()
        if self._waiting:
            last = self.blocks[-1] if self.blocks else None
            for m in self._waiting:
                m.block, m.offset = (last.index, len(last.text)) if last else (0, 0)
            self._waiting = []

    def _finish(self, para: Para) -> None:
        self.current = None
        if self._frames:
            self._deferred.append(para)
            return
        self._emit(para)
        deferred, self._deferred = self._deferred, []
        for box in deferred:
            self._emit(box)

    # -- text boxes --------------------------------------------------------------------------
    def enter_box(self) -> None:
        self._frames.append((self.current, self._waiting))
        self.current, self._waiting = None, []

    def leave_box(self) -> None:
        self.flush()
        leftover = self._waiting
        self.current, self._waiting = self._frames.pop()
        self._waiting.extend(leftover)

    # -- emission ----------------------------------------------------------------------------
    def _emit(self, para: Para) -> None:
        props = paragraph_props(para.ppr)
        style_id = props.style_id
        label, suffix, level = self._label(props) if self.labels else ("", "", None)
        prefix = label + suffix if label else ""
        text = prefix + "".join(para.pieces)
        if not text.strip():  # an empty paragraph is layout, not content: its marks go to the next block
            self._waiting.extend(m for m, _ in para.marks)
            return
        index = len(self.blocks)
        for m, offset in para.marks:
            m.block, m.offset = index, offset + len(prefix)
        self.blocks.append(Block(
            index=index,
            text=text,
            part=para.part,
            cells=para.cells,
            style=self.styles.name(style_id),
            heading_level=self.styles.heading_level(style_id, direct_outline=props.outline_level),
            label=label,
            num_level=level,
            source_index=para.source_index,
        ))

    def _label(self, props: ParagraphProps) -> tuple[str, str, int | None]:
        direct, style_id = props.num, props.style_id
        inherited = self.styles.numbering(style_id)
        if direct is not None and direct.num_id:
            num_id, ilvl = direct.num_id, direct.ilvl
        elif inherited is not None:
            num_id, ilvl = inherited[0].num_id, direct.ilvl if direct is not None else inherited[0].ilvl
        else:
            return "", "", None
        if num_id == "0":
            return "", "", None
        if ilvl is None:
            linked = self.numbering.level_for_style(num_id, style_id) if style_id is not None else None
            if linked is None and inherited is not None:
                linked = self.numbering.level_for_style(num_id, inherited[1])
            ilvl = linked or 0
        shown = self.numberer.next_label(num_id, ilvl)
        if shown is None:
            return "", "", None
        return shown[0], shown[1], ilvl
