"""The review screen's actions: filter, search, decide, copy, export, switch playbook/party/view,
move between contracts. Split from :mod:`clausecheck.tui.screens.review`, which holds the state."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from clausecheck.decisions import Decision, DecisionFileError, attach, delete_decision, save_decision, sidecar_path
from clausecheck.errors import ClauseCheckError
from clausecheck.review_labels import review_label
from clausecheck.tui.data.files import ExportFormat, export_path, render_export, write_export
from clausecheck.tui.data.findings import all_groups

if TYPE_CHECKING:
    from clausecheck.tui.data.findings import Filter
    from clausecheck.tui.screens.decision import DecisionInput
    from clausecheck.tui.screens.review import ReviewScreen


class ReviewActions:
    """Mixed into :class:`ReviewScreen` (its attributes are used through ``self``)."""

    def _screen(self) -> ReviewScreen:
        return self  # type: ignore[return-value]

    # --- finding list ---------------------------------------------------------------------

    def action_search(self) -> None:
        self._screen().findings_pane.start_search()

    def action_filter(self) -> None:
        from clausecheck.tui.screens.filter import FilterScreen

        s = self._screen()
        groups = all_groups(s.infos, s.result.findings) if s.result else []

        def done(chosen: Filter | None) -> None:
            if chosen is not None:
                s.filter = chosen
                s.refresh_findings()

        s.app.push_screen(FilterScreen(s.filter, groups, s.lang), done)

    def action_span(self, step: int) -> None:
        view = self._screen().contract_view
        view.action_next_span() if step > 0 else view.action_previous_span()

    def action_toggle_lang(self) -> None:
        s = self._screen()
        s._lang_chosen = True
        s.set_lang("en" if s.lang == "ja" else "ja")

    def action_zoom(self) -> None:
        s = self._screen()
        if s.maximized is not None:
            s.minimize()
        elif s.focused is not None:
            target = s.focused
            for pane in (s.findings_pane, s.contract_view, s.detail_pane):
                if target is pane or pane in target.ancestors:
                    target = pane
            s.maximize(target)

    # --- decisions and wording ------------------------------------------------------------

    def _wording(self, other: bool) -> tuple[str, str]:
        s = self._screen()
        lang = s.contract_lang if not other else ("en" if s.contract_lang == "ja" else "ja")
        info = s.infos.get(s.selected or "")
        finding = s.finding(s.selected)
        text = (info.wording.get(lang) if info else "") or (
            finding.recommended_wording if finding and not other else "")
        return lang, text.rstrip() + "\n" if text else ""

    def action_copy_wording(self, other: bool = False) -> None:
        s = self._screen()
        lang, text = self._wording(other)
        if not text:
            return
        s.app.copy_to_clipboard(text)
        s.notify(review_label("tui_copied", s.lang, language=lang, chars=len(text)), timeout=3)

    def action_insert_wording(self) -> None:
        self.action_decide(None, insert_wording=True)

    def action_decide(self, kind: str | None = None, *, insert_wording: bool = False) -> None:
        from clausecheck.tui.screens.decision import DecisionScreen

        s = self._screen()
        finding = s.finding(s.selected)
        if finding is None or s.result is None:
            return
        if s.decisions_error:
            s.notify(review_label("tui_decisions_unreadable", s.lang, error=s.decisions_error), severity="error")
            return
        existing = s.decisions.get(finding.clause_id)
        if insert_wording and kind is None:
            kind = existing.decision if existing else "needs_change"
        info = s.infos.get(finding.clause_id)
        title = info.title(s.lang) if info else finding.title
        _, wording = self._wording(False)

        def done(chosen: DecisionInput | None) -> None:
            if chosen is not None:
                self.record(finding.clause_id, finding.status, chosen)

        s.app.push_screen(DecisionScreen(title=title, lang=s.lang, existing=existing, preset=kind,  # type: ignore[arg-type]
                                         wording=wording.rstrip(), insert_wording=insert_wording), done)

    def record(self, clause_id: str, status: str, chosen: DecisionInput) -> None:
        """Write the decision to the sidecar (re-read first) and show it."""
        s = self._screen()
        assert s.result is not None
        try:
            if chosen.kind is None:
                s.decisions = delete_decision(s.path, clause_id)
                s.notify(review_label("tui_decision_removed", s.lang), timeout=3)
            else:
                now = s.clock() if s.clock else datetime.now(UTC).isoformat(timespec="seconds")
                decision = Decision(clause_id, chosen.kind, note=chosen.note, sha256=s.result.sha256, status=status,
                                    decided_at=now, wording=chosen.wording)
                s.decisions = save_decision(s.path, decision)
                s.notify(review_label("tui_decision_saved", s.lang, file=sidecar_path(s.path).name), timeout=3)
        except DecisionFileError as exc:
            s.notify(exc.one_line(), severity="error", timeout=10)
            return
        s.refresh_findings()
        s.show_finding(clause_id, scroll=False)

    # --- export ---------------------------------------------------------------------------

    def action_export(self, fmt: ExportFormat) -> None:
        from clausecheck.tui.screens.export import ExportScreen

        s = self._screen()
        if s.result is None:
            return
        result = attach(s.result, s.decisions)

        def done(target: Path | None) -> None:
            if target is None:
                return
            try:
                write_export(render_export(result, fmt, s.lang), target, contract=s.path)
            except ClauseCheckError as exc:
                s.notify(exc.one_line(), severity="error")
                return
            s.notify(review_label("tui_export_done", s.lang, file=str(target)), timeout=5)

        s.app.push_screen(ExportScreen(export_path(s.path, fmt), fmt=fmt, lang=s.lang), done)

    # --- what is scanned ------------------------------------------------------------------

    def set_options(self, **changes: Any) -> None:
        """Re-scan with another playbook or party (the contract is not read again) or view (it is)."""
        s = self._screen()
        reread = "view" in changes and changes["view"] != s.options.view
        s.options = replace(s.options, **changes)
        s.start_scan(reread=reread)

    def action_toggle_view(self) -> None:
        s = self._screen()
        self.set_options(view="original" if s.options.view == "accepted" else "accepted")

    def action_rescan(self) -> None:
        self._screen().start_scan(reread=True)

    def action_open_next(self, step: int = 1) -> None:
        s = self._screen()
        opener = getattr(s.app, "open_neighbour", None)
        if opener is None or not opener(s.path, step):
            s.notify(review_label("tui_no_next", s.lang), timeout=3)

    def action_pick(self) -> None:
        picker = getattr(self._screen().app, "show_picker", None)
        if picker is not None:
            picker()
