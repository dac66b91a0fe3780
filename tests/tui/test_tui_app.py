"""Pilot tests: the app driven as a reviewer would, on sample contracts and the small fixtures."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from pathlib import Path

from textual.message import Message
from textual.pilot import Pilot

from clausecheck.decisions import load_decisions, sidecar_path
from clausecheck.tui.app import ClauseCheckApp
from clausecheck.tui.data.pipeline import Engine
from clausecheck.tui.messages import DocumentLoaded, ScanFinished
from clausecheck.tui.screens.decision import DecisionScreen
from clausecheck.tui.screens.error import ErrorScreen
from clausecheck.tui.screens.help import HelpScreen
from clausecheck.tui.screens.picker import PickerScreen
from clausecheck.tui.screens.review import ReviewScreen
from tui.helpers import FailingEngine, FixedEngine, WaitingEngine, make, run, settle

Sample = Callable[[str], Path]


def _review(app: ClauseCheckApp) -> ReviewScreen:
    assert isinstance(app.screen, ReviewScreen), app.screen
    return app.screen


@asynccontextmanager
async def open_review(contract: Path, size: tuple[int, int] = (100, 30), *, engine: Engine | None = None,
                      ) -> AsyncIterator[tuple[ClauseCheckApp, Pilot[None], ReviewScreen]]:
    """The app on ``contract`` once its scan is done: ``(app, pilot, review screen)``."""
    app = make(contract, engine)
    async with app.run_test(size=size) as pilot:
        await settle(app, pilot)
        yield app, pilot, _review(app)


def test_missing_finding_highlights_its_candidate_passages(sample: Sample) -> None:
    async def body() -> None:
        async with open_review(sample("ja_license_tracked.docx"), (120, 36)) as (_app, pilot, s):
            missing = next(f for f in s.result.findings if f.status == "missing" and f.candidates)
            assert s.findings_pane.select(missing.clause_id)
            await pilot.pause()
            view = s.contract_view
            assert s.selected == missing.clause_id
            assert [(h.block, h.start, h.end) for h in view.highlights] == [
                (c.evidence.block, c.evidence.start, c.evidence.end) for c in missing.candidates]
            assert {h.kind for h in view.highlights} == {"candidate"}
            first = view.line_of_span(0)
            assert first in view.visible_lines()
            shown = "".join(view.line_text(n) for n in range(first, first + 8))
            assert f"候補 {missing.candidates[0].score:.2f}" in shown
            assert "▌" in view.line_text(first)  # the gutter marks the line
            assert missing.candidates[0].why_rejected in s.detail_pane.text()

    run(body)


def test_weak_finding_shows_unmet_element_and_scrolls_to_evidence(sample: Sample) -> None:
    async def body() -> None:
        async with open_review(sample("ja_license_tracked.docx")) as (_app, pilot, s):
            weak = max((f for f in s.result.findings if f.status == "weak" and any(not e.met for e in f.elements)),
                       key=lambda f: f.evidence[0].block)  # evidence far down: the pane must scroll
            s.findings_pane.select(weak.clause_id)
            await pilot.pause()
            text = s.detail_pane.text()
            unmet = next(e for e in weak.elements if not e.met)
            info = s.infos[weak.clause_id]
            assert f"✗ {info.elements[unmet.id]['ja']}" in text
            met = next((e for e in weak.elements if e.met and e.evidence), None)
            if met is not None:
                assert " ".join(met.evidence[0].text.split())[:20] in text
            view = s.contract_view
            assert view.scroll_offset.y > 0
            assert view.line_of_span(0) in view.visible_lines()
            assert {(h.block, h.start) for h in view.highlights} >= {(e.block, e.start) for e in weak.evidence}
            await pilot.press("right_square_bracket")
            assert view.current_span == 1 % len(view.highlights)

    run(body)


def test_filter_search_and_language(sample: Sample) -> None:
    async def body() -> None:
        async with open_review(sample("ja_license_tracked.docx")) as (app, pilot, s):
            await pilot.press("f")
            from clausecheck.tui.screens.filter import FilterScreen

            assert isinstance(app.screen, FilterScreen)
            from textual.widgets import SelectionList

            app.screen.query_one("#filter-statuses", SelectionList).deselect("present")
            app.screen.query_one("#filter-severities", SelectionList).deselect("low")
            await pilot.press("ctrl+s")
            shown = [s.finding(cid) for cid in s.findings_pane.shown_ids()]
            assert shown and all(f.status != "present" and f.severity != "low" for f in shown)  # type: ignore[union-attr]
            assert len(shown) == sum(1 for f in s.result.findings if f.status != "present" and f.severity != "low")

            target = shown[-1]
            assert target is not None
            await pilot.press("slash")
            await pilot.press(*target.clause_id[:12])
            assert target.clause_id in s.findings_pane.shown_ids()
            assert all(target.clause_id[:12] in cid for cid in s.findings_pane.shown_ids())
            await pilot.press("escape")
            assert s.filter.query == ""

            def row_label() -> str:
                tree = s.findings_pane.finding_tree
                return next(str(leaf.label) for group in tree.root.children for leaf in group.children
                            if leaf.data == target.clause_id)

            titles = s.infos[target.clause_id].titles
            assert titles["ja"] in row_label() and titles["en"] not in row_label()
            await pilot.press("t")
            assert s.lang == "en"
            assert titles["en"] in row_label() and titles["ja"] not in row_label()
            assert "Missing" in str(s.findings_pane.finding_tree.root.children[0].label)

    run(body)


def test_switch_playbook_and_party_from_the_command_palette(sample: Sample) -> None:
    async def body() -> None:
        async with open_review(sample("ja_license_tracked.docx")) as (app, pilot, s):
            assert s.result.playbook == "license"
            await pilot.press("ctrl+p")
            await pilot.press(*"Playbook: nda")
            await pilot.pause(0.3)
            await pilot.press("enter")
            await settle(app, pilot, lambda: s.result is not None and s.result.playbook == "nda")
            assert s.result.playbook == "nda"
            assert s.options.playbook == "nda"
            s.set_options(our_party="乙")
            await settle(app, pilot, lambda: s.stage == "done" and s.result.our_party != "東都精機株式会社")
            assert s.result.our_party == "Siam Precision Components Co., Ltd."

    run(body)


def test_record_a_decision_reopen_and_export_the_memo(sample: Sample) -> None:
    contract = sample("ja_license_tracked.docx")
    before = contract.read_bytes()

    async def first() -> None:
        async with open_review(contract) as (app, pilot, s):
            weak = next(f for f in s.result.findings if f.status == "weak")
            s.findings_pane.select(weak.clause_id)
            await pilot.pause()
            assert not sidecar_path(contract).exists()  # nothing written before a decision
            await pilot.press("i")  # insert the wording: a needs-change decision with the wording
            assert isinstance(app.screen, DecisionScreen)
            await pilot.press(*"第6条に立入検査を追加")
            await pilot.press("ctrl+s")
            await pilot.pause()
            saved = load_decisions(contract).get(weak.clause_id)
            assert saved is not None and saved.decision == "needs_change"
            assert saved.note == "第6条に立入検査を追加" and saved.sha256 == s.result.sha256
            assert saved.wording.startswith(s.infos[weak.clause_id].wording["ja"].strip()[:10])
            assert saved.decided_at == "2025-04-01T09:00:00+09:00"
            await pilot.press("e")
            await pilot.press("enter")
            await pilot.pause()
            memo = (contract.parent / (contract.name + ".memo.md")).read_text(encoding="utf-8")
            assert "**判断**: 要修正" in memo and "> 第6条に立入検査を追加" in memo
            assert "**修正文言案**" in memo
            assert weak.title in memo

    async def again() -> None:
        async with open_review(contract) as (_app, pilot, s):
            weak_id = next(iter(load_decisions(contract).by_clause))
            s.findings_pane.select(weak_id)
            await pilot.pause()
            assert "判断: 要修正" in s.detail_pane.text()
            assert "旧版" not in s.detail_pane.text()
            assert "✎" in "".join(str(n.label) for g in s.findings_pane.finding_tree.root.children for n in g.children)

    run(first)
    run(again)
    assert contract.read_bytes() == before
    text = sidecar_path(contract).read_text(encoding="utf-8")
    sidecar_path(contract).write_text(text.replace("sha256: ", "sha256: 0"), encoding="utf-8")

    async def stale() -> None:
        async with open_review(contract) as (_app, pilot, s):
            s.findings_pane.select(next(iter(load_decisions(contract).by_clause)))
            await pilot.pause()
            assert "旧版の契約書に対する判断" in s.detail_pane.text()

    run(stale)


def test_copy_wording_uses_the_clipboard(sample: Sample) -> None:
    async def body() -> None:
        async with open_review(sample("ja_small.txt"), engine=FixedEngine()) as (app, pilot, s):
            s.findings_pane.select("audit_and_inspection")
            await pilot.pause()
            await pilot.press("y")
            assert app.clipboard.strip() == s.infos["audit_and_inspection"].wording["ja"].strip()
            await pilot.press("Y")
            assert app.clipboard.strip() == s.infos["audit_and_inspection"].wording["en"].strip()

    run(body)


def test_folder_picker_and_next_contract(sample: Sample) -> None:
    first, second = sample("en_small.txt"), sample("ja_small.txt")

    async def body() -> None:
        app = make(first.parent, engine=FixedEngine())
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.pause()
            assert isinstance(app.screen, PickerScreen)
            assert [p.name for p in app.screen.contracts] == ["en_small.txt", "ja_small.txt"]
            await pilot.press("enter")
            await settle(app, pilot)
            assert _review(app).path == first
            await pilot.press("n")
            await settle(app, pilot)
            assert _review(app).path == second
            assert _review(app).result is not None
            await pilot.press("n")  # the last one: stays
            assert _review(app).path == second

    run(body)


def test_unreadable_contract_shows_an_error_not_a_traceback(tmp_path: Path) -> None:
    broken = tmp_path / "broken.docx"
    broken.write_bytes(b"this is not a zip file")

    async def body() -> None:
        app = make(broken)
        async with app.run_test(size=(80, 24)) as pilot:
            await settle(app, pilot, lambda: isinstance(app.screen, ErrorScreen))
            assert isinstance(app.screen, ErrorScreen)
            assert "broken.docx" in app.screen.error_message
            await pilot.press("enter")
            s = _review(app)
            assert s.contract_view.document is None and "broken.docx" in s.contract_view.message
            assert s.status_line.has_class("-failed")

    run(body)


def test_failed_scan_keeps_the_contract_and_says_why(sample: Sample) -> None:
    async def body() -> None:
        app = make(sample("ja_small.txt"), engine=FailingEngine())
        async with app.run_test(size=(80, 24), notifications=True) as pilot:
            await settle(app, pilot, lambda: _review(app).failed is not None)
            s = _review(app)
            assert s.contract_view.document is not None  # the contract stays visible
            assert "does not load" in s.status_line.text
            assert any("does not load" in n.message for n in app._notifications)

    run(body)


def test_contract_shows_before_the_scan_and_the_ui_stays_responsive(sample: Sample) -> None:
    engine = WaitingEngine()
    seen: list[Message] = []

    def hook(message: Message) -> None:
        if isinstance(message, DocumentLoaded | ScanFinished) and message not in seen:  # bubbles: seen twice
            seen.append(message)

    async def body() -> None:
        app = make(sample("ja_small.txt"), engine=engine)
        async with app.run_test(size=(80, 24), message_hook=hook) as pilot:
            await settle(app, pilot, lambda: engine.started.is_set())
            s = _review(app)
            assert s.contract_view.document is not None and s.result is None
            assert s.status_line.has_class("-busy")
            await pilot.press("t")  # keys work while the scan runs
            assert s.lang == "en"
            await pilot.press("question_mark")
            assert isinstance(app.screen, HelpScreen)
            await pilot.press("escape")
            engine.release.set()
            await settle(app, pilot)
            assert s.result is not None and not s.status_line.has_class("-busy")

    run(body)
    assert [type(m) for m in seen] == [DocumentLoaded, ScanFinished]


def test_help_lists_every_key() -> None:
    from clausecheck.tui.screens.help import _display, key_rows

    rows = key_rows([("review", ReviewScreen.BINDINGS)])
    keys = {k for _, k, _ in rows}
    for b in ReviewScreen.BINDINGS:
        assert _display(b.key) in keys  # type: ignore[union-attr]
    assert {"[", "]", "/"} <= keys


def test_tracked_changes_in_both_views(sample: Sample) -> None:
    async def body() -> None:
        async with open_review(sample("ja_license_tracked.docx")) as (app, pilot, s):
            view = s.contract_view
            lines = "".join(view.line_text(n) for n in range(view.virtual_size.height))
            deleted = next(c for c in s.prepared.document.changes if c.kind == "delete")
            assert f"[-{deleted.text}-]" in lines.replace(" ", "")  # hidden in the accepted view, shown struck
            await pilot.press("v")
            await settle(app, pilot)
            assert s.prepared.document.view == "original"
            lines = "".join(view.line_text(n) for n in range(view.virtual_size.height))
            inserted = next(c for c in s.prepared.document.changes if c.kind == "insert")
            assert f"[+{inserted.text}+]" in lines.replace(" ", "")

    run(body)


def test_real_scan_end_to_end_with_the_full_pass(sample: Sample) -> None:
    """The real engine (GiNZA on the candidate sentences): a quick result, then the final one."""
    from clausecheck.tui.app import ClauseCheckApp

    finished: list[ScanFinished] = []

    def hook(message: Message) -> None:
        if isinstance(message, ScanFinished) and message not in finished:  # bubbles: seen twice
            finished.append(message)

    async def body() -> None:
        app = ClauseCheckApp(sample("ja_jv_agreement.docx"))
        async with app.run_test(size=(100, 30), message_hook=hook) as pilot:
            await settle(app, pilot, tries=400)
            s = _review(app)
            assert s.result is not None and s.result.playbook == "jv"
            assert s.findings_pane.shown_ids()

    run(body)
    assert [m.final for m in finished] == [False, True]
