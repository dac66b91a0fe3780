"""Record a decision on a finding: accepted as is, needs change or waived, with a note, and
optionally the recommended wording put into the memo."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Checkbox, Label, RadioButton, RadioSet, TextArea

from clausecheck.decisions import DECISION_KINDS, Decision, DecisionKind
from clausecheck.review_labels import review_label


@dataclass(frozen=True, slots=True)
class DecisionInput:
    """What the dialog returns: a decision to record, or ``kind=None`` to remove the existing one."""

    kind: DecisionKind | None
    note: str = ""
    wording: str = ""


class DecisionScreen(ModalScreen[DecisionInput | None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "save", "Save the decision", priority=True),
        Binding("escape", "cancel", "Cancel"),
    ]
    DEFAULT_CSS = """
    DecisionScreen { align: center middle; }
    DecisionScreen > Vertical { width: 76; max-width: 100%; height: auto; max-height: 100%;
                                border: thick $primary; background: $surface; padding: 0 1; }
    DecisionScreen #decision-title { text-style: bold; width: 1fr; }
    DecisionScreen RadioSet { width: 1fr; layout: horizontal; height: auto; }
    DecisionScreen TextArea { height: 5; }
    DecisionScreen Horizontal { height: auto; align-horizontal: right; }
    DecisionScreen Button { margin-left: 1; min-width: 10; }
    """

    def __init__(self, *, title: str, lang: str, existing: Decision | None, preset: DecisionKind | None,
                 wording: str, insert_wording: bool = False) -> None:
        super().__init__()
        self.title_text = title
        self.lang = lang
        self.existing = existing
        self.kind: DecisionKind = preset or (existing.decision if existing else "needs_change")
        self.wording = wording
        self.insert_wording = insert_wording or bool(existing and existing.wording)

    def compose(self) -> ComposeResult:
        lang = self.lang
        with Vertical():
            yield Label(review_label("tui_decide_title", lang, title=self.title_text), id="decision-title",
                        markup=False)
            with RadioSet(id="decision-kind"):
                for kind in DECISION_KINDS:
                    yield RadioButton(review_label("decision_" + kind, lang), value=kind == self.kind, id=kind)
            yield Label(review_label("tui_decide_note", lang))
            yield TextArea(self.existing.note if self.existing else "", id="decision-note", soft_wrap=True)
            yield Checkbox(review_label("tui_decide_wording", lang), value=self.insert_wording,
                           id="decision-wording", disabled=not self.wording)
            with Horizontal():
                if self.existing is not None:
                    yield Button(review_label("tui_remove", lang), id="decision-remove", variant="warning")
                yield Button(review_label("tui_cancel", lang), id="decision-cancel")
                yield Button(review_label("tui_save", lang) + " (Ctrl+S)", id="decision-save", variant="primary")

    def on_mount(self) -> None:
        self.query_one("#decision-note", TextArea).focus()

    @on(RadioSet.Changed)
    def _kind(self, event: RadioSet.Changed) -> None:
        if event.pressed.id in DECISION_KINDS:
            self.kind = event.pressed.id

    def action_save(self) -> None:
        note = self.query_one("#decision-note", TextArea).text.strip()
        wording = self.wording if self.query_one("#decision-wording", Checkbox).value else ""
        self.dismiss(DecisionInput(self.kind, note, wording))

    def action_cancel(self) -> None:
        self.dismiss(None)

    @on(Button.Pressed, "#decision-save")
    def _save(self) -> None:
        self.action_save()

    @on(Button.Pressed, "#decision-cancel")
    def _cancel(self) -> None:
        self.dismiss(None)

    @on(Button.Pressed, "#decision-remove")
    def _remove(self) -> None:
        self.dismiss(DecisionInput(None))
