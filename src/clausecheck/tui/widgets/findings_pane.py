"""The findings pane: missing / weak / present groups with counts, severity colour, title, article."""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.widgets import Input, Tree

from clausecheck.report.labels import label
from clausecheck.review_labels import review_label
from clausecheck.tui.data.findings import Group
from clausecheck.tui.messages import FindingSelected, SearchChanged

DECISION_MARKS = {"accepted": "✓", "needs_change": "✎", "waived": "~"}


class FindingsPane(Vertical):
    """A search box (``/``) over a tree of finding rows; moving the cursor selects a finding."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "findings-pane--missing", "findings-pane--weak", "findings-pane--present",
        "findings-pane--high", "findings-pane--medium", "findings-pane--low", "findings-pane--where",
        "findings-pane--decision", "findings-pane--stale",
    }
    DEFAULT_CSS = """
    FindingsPane > .findings-pane--missing { color: $error; text-style: bold; }
    FindingsPane > .findings-pane--weak { color: $warning; text-style: bold; }
    FindingsPane > .findings-pane--present { color: $success; text-style: bold; }
    FindingsPane > .findings-pane--high { color: $error; }
    FindingsPane > .findings-pane--medium { color: $warning; }
    FindingsPane > .findings-pane--low { color: $text-muted; }
    FindingsPane > .findings-pane--where { color: $text-muted; }
    FindingsPane > .findings-pane--decision { color: $success; text-style: bold; }
    FindingsPane > .findings-pane--stale { color: $warning; text-style: bold; }
    FindingsPane #search { display: none; border: none; height: 1; padding: 0 1; }
    FindingsPane.-searching #search { display: block; }
    FindingsPane Tree { background: transparent; overflow-x: hidden; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "end_search", "End search", show=False),
    ]

    def __init__(self, *, lang: str = "ja", id: str | None = None) -> None:
        super().__init__(id=id)
        self.lang = lang
        self.selected: str | None = None
        self._silent = False

    def compose(self) -> ComposeResult:
        yield Input(placeholder=review_label("tui_search", self.lang), id="search")
        tree: Tree[str | None] = Tree("findings", id="findings-tree")
        tree.show_root = False
        tree.guide_depth = 2
        yield tree

    @property
    def finding_tree(self) -> Tree[str | None]:
        return self.query_one("#findings-tree", Tree)

    @property
    def search(self) -> Input:
        return self.query_one("#search", Input)

    def show(self, groups: Sequence[Group], *, filtered: bool = False) -> None:
        """Rebuild the tree, keeping the cursor on the selected finding if it is still shown."""
        tree = self.finding_tree
        self._silent = True
        tree.clear()
        cursor_line = None
        line = 0
        for group in groups:
            count = f"{len(group.rows)}/{group.total}" if filtered else f"{group.total}"
            heading = Text.assemble((label("status_" + group.status, self.lang), self._style(group.status)),
                                  f"  {count}")
            node = tree.root.add(heading, data=None, expand=True, allow_expand=bool(group.rows))
            line += 1
            for row in group.rows:
                node.add_leaf(self._row_label(row.title, row.severity, row.where, row.decision, row.stale),
                              data=row.clause_id)
                if row.clause_id == self.selected:
                    cursor_line = line
                line += 1
        self._silent = False
        if cursor_line is not None:
            self.call_after_refresh(self._move_to, cursor_line)

    def _move_to(self, line: int) -> None:
        self._silent = True
        self.finding_tree.move_cursor_to_line(line)
        self._silent = False

    def select(self, clause_id: str) -> bool:
        """Put the cursor on ``clause_id`` (False when it is filtered out): this selects it."""
        line = 0
        for group in self.finding_tree.root.children:
            line += 1
            for leaf in group.children:
                if leaf.data == clause_id:
                    self.finding_tree.move_cursor_to_line(line)
                    return True
                line += 1
        return False

    def shown_ids(self) -> list[str]:
        return [leaf.data for group in self.finding_tree.root.children for leaf in group.children if leaf.data]

    def _style(self, name: str) -> str:
        return str(self.get_component_rich_style(f"findings-pane--{name}", partial=True))

    def _row_label(self, title: str, severity: str, where: str, decision: str | None, stale: bool) -> Text:
        text = Text.assemble(("●", self._style(severity)), " ")
        if decision:
            mark = DECISION_MARKS[decision] + ("?" if stale else "")
            text.append(mark + " ", style=self._style("stale" if stale else "decision"))
        text.append(title)
        if where:
            text.append(f"  {where}", style=self._style("where"))
        return text

    @on(Tree.NodeHighlighted)
    def _highlighted(self, event: Tree.NodeHighlighted[str | None]) -> None:
        event.stop()
        if self._silent:
            return
        self.selected = event.node.data or self.selected
        if event.node.data is not None:
            self.post_message(FindingSelected(event.node.data))

    def start_search(self) -> None:
        self.add_class("-searching")
        self.search.focus()

    def action_end_search(self) -> None:
        if self.search.value:
            self.search.value = ""
        self.remove_class("-searching")
        self.finding_tree.focus()

    @on(Input.Changed, "#search")
    def _search_changed(self, event: Input.Changed) -> None:
        event.stop()
        self.post_message(SearchChanged(event.value))

    @on(Input.Submitted, "#search")
    def _search_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.finding_tree.focus()
