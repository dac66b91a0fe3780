"""The contract pane: the contract as read, scrolled to and highlighting the selected finding's text.

A Line API view (as toolong's log view): blocks are wrapped to the pane's width on demand, so a
300-page contract opens as fast as a short one and only visible lines are drawn. Double-width
Japanese characters are measured in cells by rich when wrapping.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from typing import TYPE_CHECKING, ClassVar

from rich.segment import Segment
from rich.style import Style
from textual.binding import Binding, BindingType
from textual.geometry import Size
from textual.scroll_view import ScrollView
from textual.strip import Strip

from clausecheck.tui.data.contract_text import (
    STYLE_KEYS,
    BlockRender,
    Highlight,
    Role,
    blank_before,
    block_roles,
    by_block,
    line_of,
    render_block,
    wrap_offsets,
)

if TYPE_CHECKING:
    from clausecheck.contract import Contract
    from clausecheck.document import Comment, Document, TrackedChange

GUTTER = 2


class ContractView(ScrollView, can_focus=True):
    """Shows a :class:`~clausecheck.document.Document`; ``set_highlights`` marks and jumps to spans."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {f"contract-view--{k.replace('_', '-')}" for k in STYLE_KEYS} | {
        "contract-view--gutter-evidence", "contract-view--gutter-candidate", "contract-view--message"}
    DEFAULT_CSS = """
    ContractView { background: $surface; }
    ContractView > .contract-view--title { text-style: bold; color: $text; }
    ContractView > .contract-view--chapter { text-style: bold; color: $secondary; }
    ContractView > .contract-view--heading { text-style: bold; color: $primary; }
    ContractView > .contract-view--cell-rule { color: $text-muted; }
    ContractView > .contract-view--evidence { background: $warning 45%; color: $text; }
    ContractView > .contract-view--candidate { background: $accent 35%; color: $text; text-style: underline; }
    ContractView > .contract-view--badge { background: $accent; color: $text; text-style: bold; }
    ContractView > .contract-view--insert { color: $success; text-style: underline; }
    ContractView > .contract-view--delete { color: $error; text-style: strike; }
    ContractView > .contract-view--ghost-insert { color: $success; text-style: italic; }
    ContractView > .contract-view--ghost-delete { color: $error; text-style: strike; }
    ContractView > .contract-view--comment { color: $text-muted; text-style: italic; }
    ContractView > .contract-view--gutter-evidence { color: $warning; }
    ContractView > .contract-view--gutter-candidate { color: $accent; }
    ContractView > .contract-view--message { color: $text-muted; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("up", "scroll_up", "Scroll up", show=False),
        Binding("down", "scroll_down", "Scroll down", show=False),
        Binding("pageup", "page_up", "Page up", show=False),
        Binding("pagedown", "page_down", "Page down", show=False),
        Binding("home", "scroll_home", "Top", show=False),
        Binding("end", "scroll_end", "Bottom", show=False),
    ]

    def __init__(self, *, lang: str = "ja", id: str | None = None) -> None:
        super().__init__(id=id)
        self.lang = lang
        self.document: Document | None = None
        self.message = ""
        self.highlights: tuple[Highlight, ...] = ()
        self.current_span = -1
        self._roles: dict[int, Role] = {}
        self._changes: dict[int, list[TrackedChange]] = {}
        self._comments: dict[int, list[Comment]] = {}
        self._marked: dict[int, list[Highlight]] = {}
        self._renders: dict[int, BlockRender] = {}
        self._wrapped: dict[int, tuple[list[Strip], list[int]]] = {}
        self._order: list[int] = []
        self._blank_before: set[int] = set()
        self._starts: list[int] = []
        self._width = 0

    # --- content --------------------------------------------------------------------------

    def show_message(self, message: str) -> None:
        """Replace the contract with a one-paragraph message (while reading, or when it failed)."""
        self.message = message
        self.document = None
        self._reset()

    def set_document(self, document: Document, contract: Contract | None = None) -> None:
        self.document = document
        self.message = ""
        self._roles = block_roles(document, contract)
        self._changes = by_block(document.changes)
        self._comments = by_block(document.comments)
        self._order = [b.index for b in document.blocks]
        self._blank_before = blank_before(document, contract)
        self._marked = by_block(self.highlights)
        self._reset()

    def set_highlights(self, highlights: Sequence[Highlight], *, scroll: bool = True) -> None:
        """Mark ``highlights`` (and unmark the previous ones); scroll to the first."""
        touched = set(self._marked)
        self.highlights = tuple(highlights)
        self._marked = by_block(self.highlights)
        for index in touched | set(self._marked):
            self._renders.pop(index, None)
            self._wrapped.pop(index, None)
        self.current_span = -1
        self._relayout()
        if scroll and self.highlights:
            self.go_to_span(0)

    def go_to_span(self, n: int) -> None:
        """Scroll so that highlight ``n`` sits in the upper third of the pane."""
        if not self.highlights or self.document is None:
            return
        self.current_span = n % len(self.highlights)
        line = self.line_of_span(self.current_span)
        self.scroll_to(y=max(0, line - max(1, self.scrollable_content_region.height // 3)), animate=False)

    def line_of_span(self, n: int) -> int:
        """The virtual line where highlight ``n`` starts."""
        h = self.highlights[n]
        if h.block not in self._renders or not self._starts:
            self._relayout()
        pos = self._order.index(h.block)
        _, offsets = self._wrap(h.block)
        start = self._starts[pos] + (1 if h.block in self._blank_before else 0)
        return start + line_of(offsets, self._block_render(h.block).display(h.start))

    def action_next_span(self) -> None:
        self.go_to_span(self.current_span + 1)

    def action_previous_span(self) -> None:
        self.go_to_span(self.current_span - 1 if self.current_span >= 0 else -1)

    # --- layout ---------------------------------------------------------------------------

    def _reset(self) -> None:
        self._renders.clear()
        self._wrapped.clear()
        self._width = 0
        self._relayout()
        self.scroll_to(0, 0, animate=False)

    def notify_style_update(self) -> None:
        super().notify_style_update()  # the theme changed: colours are baked into the rendered text
        self._renders.clear()
        self._wrapped.clear()
        self.refresh()

    def on_resize(self) -> None:
        self._relayout()

    def _relayout(self) -> None:
        width = max(10, self.scrollable_content_region.width - GUTTER)
        if width != self._width:
            self._wrapped.clear()
            self._width = width
        starts, y = [], 0
        if self.document is not None:
            for index in self._order:
                starts.append(y)
                y += len(self._wrap(index)[0]) + (1 if index in self._blank_before else 0)
        else:
            y = len(self._message_lines())
        self._starts = starts
        self.virtual_size = Size(width + GUTTER, y)
        self.refresh()

    def _styles(self) -> dict[str, Style]:
        return {k: self.get_component_rich_style(f"contract-view--{k.replace('_', '-')}", partial=True)
                for k in STYLE_KEYS}

    def _block_render(self, index: int) -> BlockRender:
        if index not in self._renders:
            assert self.document is not None
            self._renders[index] = render_block(
                self.document.blocks[index], role=self._roles.get(index, "body"),
                highlights=self._marked.get(index, ()), changes=self._changes.get(index, ()),
                comments=self._comments.get(index, ()), styles=self._styles(), lang=self.lang)
        return self._renders[index]

    def _wrap(self, index: int) -> tuple[list[Strip], list[int]]:
        """The block's lines at the current width, and the display offset each line starts at."""
        if index in self._wrapped:
            return self._wrapped[index]
        rendered = self._block_render(index)
        console = self.app.console
        strips: list[Strip] = []
        offsets: list[int] = []
        piece_start = 0
        gutter = {k: self.get_component_rich_style(f"contract-view--gutter-{k}", partial=True)
                  for k in ("evidence", "candidate")}
        for piece in rendered.text.split("\n", allow_blank=True):
            at = piece_start
            for line in piece.divide(wrap_offsets(piece.plain, self._width)):
                end = at + len(line.plain)
                mark = next((k for a, b, k in rendered.marks if a < max(end, at + 1) and b > at), None)
                head = Segment("▌ ", gutter[mark]) if mark else Segment("  ")
                strips.append(Strip([head, *line.render(console)]))
                offsets.append(at)
                at = end
            piece_start += len(piece.plain) + 1
        self._wrapped[index] = (strips, offsets)
        return strips, offsets

    def _message_lines(self) -> list[Strip]:
        if not self.message:
            return []
        from rich.text import Text

        style = self.get_component_rich_style("contract-view--message", partial=True)
        lines = Text(self.message, style=style).wrap(self.app.console, max(10, self._width))
        return [Strip([Segment("  "), *line.render(self.app.console)]) for line in lines]

    def render_line(self, y: int) -> Strip:
        scroll_x, scroll_y = self.scroll_offset
        line = scroll_y + y
        width = self.scrollable_content_region.width
        strip = Strip.blank(width, self.rich_style)
        if self.document is None:
            lines = self._message_lines()
            if line < len(lines):
                strip = lines[line]
        elif self._starts:
            pos = bisect_right(self._starts, line) - 1
            if pos >= 0:
                index = self._order[pos]
                within = line - self._starts[pos] - (1 if index in self._blank_before else 0)
                strips, _ = self._wrap(index)
                if 0 <= within < len(strips):
                    strip = strips[within]
        return strip.apply_style(self.rich_style).crop_extend(scroll_x, scroll_x + width, self.rich_style)

    def visible_lines(self) -> range:
        top = round(self.scroll_offset.y)
        return range(top, top + self.scrollable_content_region.height)

    def line_text(self, line: int) -> str:
        """The plain text of a virtual line (for tests and accessibility)."""
        if self.document is None or not self._starts:
            return ""
        pos = bisect_right(self._starts, line) - 1
        index = self._order[pos]
        within = line - self._starts[pos] - (1 if index in self._blank_before else 0)
        strips, _ = self._wrap(index)
        return strips[within].text if 0 <= within < len(strips) else ""
