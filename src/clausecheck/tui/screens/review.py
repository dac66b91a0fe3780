"""The review screen: findings beside the contract and the detail of the selected finding.

It owns one contract's review state and the scan worker. Scans run in a thread worker and post
messages (see :mod:`clausecheck.tui.messages`); each scan has a generation number, so the results
of a scan made obsolete by a newer one (another playbook, party or view) are dropped.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Container, Horizontal
from textual.screen import Screen
from textual.widgets import Footer
from textual.worker import get_current_worker

from clausecheck.decisions import DecisionFileError, Decisions, load_decisions
from clausecheck.errors import ClauseCheckError
from clausecheck.review_labels import review_label
from clausecheck.tui.data.contract_text import highlights_for
from clausecheck.tui.data.findings import ClauseInfo, Filter, clause_infos, group_rows
from clausecheck.tui.data.pipeline import (
    DocumentRead,
    Engine,
    FindingsReady,
    Progress,
    ScanOptions,
    Structured,
    scan_events,
)
from clausecheck.tui.messages import (
    ContractStructured,
    DocumentLoaded,
    FindingSelected,
    ScanFailed,
    ScanFinished,
    ScanProgress,
    SearchChanged,
)
from clausecheck.tui.review_actions import ReviewActions
from clausecheck.tui.widgets.contract_view import ContractView
from clausecheck.tui.widgets.detail_pane import DetailPane
from clausecheck.tui.widgets.findings_pane import FindingsPane
from clausecheck.tui.widgets.status_line import StatusLine

if TYPE_CHECKING:
    from clausecheck.decisions import AppliedDecision
    from clausecheck.engine import Prepared
    from clausecheck.findings import Finding, ScanResult

_SCAN_LOCK = threading.Lock()
"""One engine scan at a time in the process: GiNZA is not safe to run from two threads."""
WIDE = 140
"""From this width the detail pane sits beside the contract instead of under it."""


class ReviewScreen(ReviewActions, Screen[None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("slash", "search", "Search", tooltip="Search findings by title or id (Esc ends)"),
        Binding("f", "filter", "Filter", tooltip="Filter by status, severity and clause group"),
        Binding("d", "decide", "Decide", tooltip="Record a decision on the selected finding"),
        Binding("a", "decide('accepted')", "Accept", show=False, tooltip="Decision: accepted as is"),
        Binding("c", "decide('needs_change')", "Needs change", show=False, tooltip="Decision: needs change"),
        Binding("x", "decide('waived')", "Waive", show=False, tooltip="Decision: waived"),
        Binding("i", "insert_wording", "Insert wording", show=False,
                tooltip="Put the recommended wording into the memo (as a decision)"),
        Binding("y", "copy_wording(False)", "Copy wording", show=False,
                tooltip="Copy the recommended wording in the contract's language (OSC 52)"),
        Binding("Y", "copy_wording(True)", "Copy other wording", show=False,
                tooltip="Copy the recommended wording in the other language (OSC 52)"),
        Binding("right_square_bracket", "span(1)", "Next span", show=False,
                tooltip="Scroll the contract to the next highlighted passage"),
        Binding("left_square_bracket", "span(-1)", "Previous span", show=False,
                tooltip="Scroll the contract to the previous highlighted passage"),
        Binding("t", "toggle_lang", "日本語/English", tooltip="Switch titles and labels between Japanese and English"),
        Binding("v", "toggle_view", "View", show=False, tooltip="Tracked changes: accepted or original (re-reads)"),
        Binding("r", "rescan", "Rescan", show=False, tooltip="Read the contract again and re-scan"),
        Binding("e", "export('markdown')", "Memo", tooltip="Export the Markdown memo (with decisions)"),
        Binding("j", "export('json')", "JSON", show=False, tooltip="Export the findings as JSON (with decisions)"),
        Binding("n", "open_next(1)", "Next file", tooltip="Open the next contract of the folder"),
        Binding("p", "open_next(-1)", "Previous file", show=False, tooltip="Open the previous contract of the folder"),
        Binding("o", "pick", "Folder", show=False, tooltip="Choose another contract of the folder"),
        Binding("z", "zoom", "Zoom", show=False, tooltip="Maximise the focused pane (again: restore)"),
    ]

    def __init__(self, path: Path, *, engine: Engine, options: ScanOptions, lang: str | None = None,
                 clock: Callable[[], str] | None = None) -> None:
        super().__init__()
        self.path = path
        self.engine = engine
        self.options = options
        self.lang = lang or "ja"
        self._lang_chosen = lang is not None
        self.contract_lang = "ja"
        self.clock = clock
        self.generation = 0
        self.prepared: Prepared | None = None
        self.result: ScanResult | None = None
        self.failed: str | None = None
        self.decisions = Decisions(contract=path.name)
        self.decisions_error: str | None = None
        self.infos: dict[str, ClauseInfo] = {}
        self.filter = Filter()
        self.selected: str | None = None
        self.stage = "reading"

    def compose(self) -> ComposeResult:
        yield StatusLine(id="status-line")
        with Horizontal(id="main"):
            yield FindingsPane(lang=self.lang, id="findings")
            with Container(id="right"):
                yield ContractView(lang=self.lang, id="contract")
                yield DetailPane(lang=self.lang, id="detail")
        yield Footer()

    @property
    def findings_pane(self) -> FindingsPane:
        return self.query_one(FindingsPane)

    @property
    def contract_view(self) -> ContractView:
        return self.query_one(ContractView)

    @property
    def detail_pane(self) -> DetailPane:
        return self.query_one(DetailPane)

    @property
    def status_line(self) -> StatusLine:
        return self.query_one(StatusLine)

    def on_mount(self) -> None:
        self.findings_pane.border_title = review_label("tui_findings", self.lang)
        self.contract_view.border_title = self.path.name
        self.detail_pane.border_title = review_label("tui_detail", self.lang)
        self.contract_view.show_message(review_label("tui_reading", self.lang))
        self.findings_pane.finding_tree.focus()
        self.start_scan(reread=True)

    def on_resize(self) -> None:
        self.set_class(self.size.width >= WIDE, "-wide")

    # --- scanning -------------------------------------------------------------------------

    def start_scan(self, *, reread: bool) -> None:
        self.generation += 1
        self.failed = None
        self.stage = "reading" if reread else "checking"
        self.refresh_status()
        self._scan(self.generation, None if reread else self.prepared, self.options)

    @work(thread=True, exclusive=True, group="scan", exit_on_error=False)
    def _scan(self, generation: int, prepared: Prepared | None, options: ScanOptions) -> None:
        worker = get_current_worker()
        read = prepared is not None
        try:
            with _SCAN_LOCK:
                for event in scan_events(str(self.path), options, self.engine, prepared=prepared):
                    if worker.is_cancelled:
                        return
                    if isinstance(event, DocumentRead):
                        read = True
                        self.post_message(DocumentLoaded(generation, event.document))
                    elif isinstance(event, Structured):
                        self.post_message(ContractStructured(generation, event.prepared))
                    elif isinstance(event, Progress):
                        self.post_message(ScanProgress(generation, event.stage))
                    elif isinstance(event, FindingsReady):
                        self.post_message(ScanFinished(generation, event.result, event.final))
        except ClauseCheckError as exc:
            title = review_label("tui_read_failed" if not read else "tui_scan_failed", self.lang, error="")
            self.post_message(ScanFailed(generation, title.rstrip("：: "), exc.message, exc.hint, not read))
        except Exception as exc:  # the worker's edge: a bug must show as a message, not kill the app
            self.post_message(ScanFailed(generation, "clausecheck: unexpected error", f"{type(exc).__name__}: {exc}",
                                         "please report it with the contract's format", not read))

    @on(DocumentLoaded)
    def _document_loaded(self, message: DocumentLoaded) -> None:
        if message.generation != self.generation:
            return
        self.contract_view.set_document(message.document)
        try:
            self.decisions = load_decisions(self.path)
            self.decisions_error = None
        except DecisionFileError as exc:
            self.decisions_error = exc.one_line()
            self.notify(review_label("tui_decisions_unreadable", self.lang, error=exc.one_line()), severity="warning")

    @on(ContractStructured)
    def _structured(self, message: ContractStructured) -> None:
        if message.generation != self.generation:
            return
        self.prepared = message.prepared
        self.contract_lang = "en" if message.prepared.language == "en" else "ja"
        if not self._lang_chosen:
            self.set_lang(self.contract_lang)
        self.contract_view.set_document(message.prepared.document, message.prepared.contract)
        self.contract_view.set_highlights(self.contract_view.highlights, scroll=False)

    @on(ScanProgress)
    def _progress(self, message: ScanProgress) -> None:
        if message.generation == self.generation:
            self.stage = message.stage
            self.refresh_status()

    @on(ScanFinished)
    def _finished(self, message: ScanFinished) -> None:
        if message.generation != self.generation:
            return
        if not self.infos:
            self.infos = clause_infos(self.engine.library())
        self.result = message.result
        self.stage = "done" if message.final else "confirming"
        self.refresh_status()
        self.refresh_findings()
        ids = self.findings_pane.shown_ids()
        if self.selected is None or self.selected not in {f.clause_id for f in message.result.findings}:
            if ids:
                self.call_after_refresh(self.findings_pane.select, ids[0])
        else:
            self.show_finding(self.selected, scroll=False)

    @on(ScanFailed)
    def _failed(self, message: ScanFailed) -> None:
        if message.generation != self.generation:
            return
        self.failed = f"{message.title}: {message.message}"
        self.refresh_status()
        if message.read_failed:
            self.contract_view.show_message(f"{message.title}\n\n{message.message}\n{message.hint}")
            from clausecheck.tui.screens.error import ErrorScreen

            self.app.push_screen(ErrorScreen(message.title, message.message, message.hint))
        else:
            self.notify(f"{message.message} ({message.hint})" if message.hint else message.message,
                        title=message.title, severity="error", timeout=12)

    # --- showing --------------------------------------------------------------------------

    def applied(self) -> dict[str, AppliedDecision]:
        from clausecheck.decisions import apply

        return apply(self.decisions, self.result.sha256) if self.result else {}

    def finding(self, clause_id: str | None) -> Finding | None:
        if self.result is None or clause_id is None:
            return None
        return next((f for f in self.result.findings if f.clause_id == clause_id), None)

    def refresh_status(self) -> None:
        lang, o = self.lang, self.options
        result = self.result
        parts = [review_label("tui_playbook", lang, playbook=result.playbook if result else o.playbook),
                 review_label("tui_party", lang, party=(result.our_party if result else o.our_party) or "?"),
                 review_label(f"tui_view_{o.view}", lang)]
        if self.failed:
            parts.append(self.failed)
        else:
            parts.append(review_label({"reading": "tui_reading", "checking": "tui_checking",
                                       "confirming": "tui_confirming"}.get(self.stage, "tui_done"), lang))
        self.status_line.show(" · ".join(parts), busy=self.stage != "done" and not self.failed,
                              failed=bool(self.failed))

    def refresh_findings(self) -> None:
        if self.result is None:
            return
        groups = group_rows(self.result.findings, self.infos, self.filter, self.lang, self.applied())
        self.findings_pane.show(groups, filtered=self.filter.active)
        if not any(g.rows for g in groups):
            self.notify(review_label("tui_no_match", self.lang), timeout=3)

    def show_finding(self, clause_id: str | None, *, scroll: bool = True) -> None:
        finding = self.finding(clause_id)
        self.detail_pane.show(finding, self.infos.get(clause_id or ""), self.applied().get(clause_id or ""),
                              contract_lang=self.contract_lang)
        self.contract_view.set_highlights(highlights_for(finding, self.lang), scroll=scroll)

    @on(FindingSelected)
    def _selected(self, message: FindingSelected) -> None:
        self.selected = message.clause_id
        self.show_finding(message.clause_id)

    @on(SearchChanged)
    def _search(self, message: SearchChanged) -> None:
        self.filter = replace(self.filter, query=message.query)
        self.refresh_findings()

    def set_lang(self, lang: str) -> None:
        self.lang = lang
        for widget in (self.findings_pane, self.contract_view, self.detail_pane):
            widget.lang = lang
        self.findings_pane.border_title = review_label("tui_findings", lang)
        self.detail_pane.border_title = review_label("tui_detail", lang)
        self.refresh_status()
        self.refresh_findings()
        if self.selected:
            self.show_finding(self.selected, scroll=False)
