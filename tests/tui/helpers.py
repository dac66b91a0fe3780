"""TUI test helpers: engines to inject (quick real scan, fixed fake scan, failing, waiting) and a runner.

Most tests use :class:`QuickEngine` (the real engine without GiNZA: real findings in a fraction of a
second) and find "a missing finding" / "a weak finding" in its result, since the matcher's verdicts
on the samples change as it improves. Snapshots use :class:`FixedEngine`, whose findings are built
by hand over a small fixture contract, so that they do not move with the matcher.
"""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Callable, Coroutine
from pathlib import Path
from typing import Any

from clausecheck.document import Document
from clausecheck.engine import Prepared
from clausecheck.errors import ClauseCheckError
from clausecheck.findings import Candidate, ElementResult, Evidence, Finding, ScanResult
from clausecheck.library import Library
from clausecheck.tui.app import ClauseCheckApp
from clausecheck.tui.data.pipeline import RealEngine, ScanOptions

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = ROOT / "sample_contracts"
FIXTURES = Path(__file__).resolve().parent / "fixtures"
CLOCK = "2025-04-01T09:00:00+09:00"


def run(test: Callable[[], Coroutine[Any, Any, None]]) -> None:
    """Run an async test body (no pytest-asyncio here)."""
    asyncio.run(test())


_LIBRARY = RealEngine()


class QuickEngine(RealEngine):
    """The real engine, quick pass only (no GiNZA), sharing one loaded library across tests."""

    def library(self) -> Library:
        return _LIBRARY.library()

    def scan(self, prepared: Prepared, *, options: ScanOptions, library: Library, quick: bool) -> ScanResult:
        return super().scan(prepared, options=options, library=library, quick=True)

    def needs_full_pass(self, prepared: Prepared) -> bool:
        return False


class FailingEngine(QuickEngine):
    def scan(self, prepared: Prepared, *, options: ScanOptions, library: Library, quick: bool) -> ScanResult:
        raise ClauseCheckError("the playbook 'broken' does not load", hint="check playbooks/broken.yaml")


class WaitingEngine(QuickEngine):
    """Holds the scan until ``release`` is set: the UI must stay usable meanwhile."""

    def __init__(self) -> None:
        super().__init__()
        self.release = threading.Event()
        self.started = threading.Event()

    def scan(self, prepared: Prepared, *, options: ScanOptions, library: Library, quick: bool) -> ScanResult:
        self.started.set()
        self.release.wait(10)
        return super().scan(prepared, options=options, library=library, quick=quick)


def _span(document: Document, needle: str, role: str = "clause", score: float = 0.6) -> Evidence:
    for block in document.blocks:
        start = block.text.find(needle)
        if start >= 0:
            return Evidence(article="", article_title="", text=needle, block=block.index, start=start,
                            end=start + len(needle), score=score, role=role)
    raise AssertionError(f"{needle!r} not in the fixture")


class FixedEngine(QuickEngine):
    """Real reading, but findings written by hand for the small fixtures (stable snapshots)."""

    def scan(self, prepared: Prepared, *, options: ScanOptions, library: Library, quick: bool) -> ScanResult:
        doc = prepared.document
        ja = prepared.language == "ja"
        lang = "ja" if ja else "en"
        clauses = library.clauses

        def finding(cid: str, status: str, severity: str, **kw: Any) -> Finding:
            c = clauses[cid]
            return Finding(clause_id=cid, title=getattr(c.titles, lang), status=status,  # type: ignore[arg-type]
                           severity=severity, level="required", confidence=0.8, why=getattr(c.why, lang),  # type: ignore[arg-type]
                           citations=(f"{c.citations[0].seed} {c.citations[0].lines}",),
                           recommended_wording=getattr(c.recommended_wording, lang), **kw)

        conf = _span(doc, "本技術情報を第三者に開示し" if ja else "shall not disclose the Licensed Technology")
        report = _span(doc, "管理状況を定期的に甲に報告するよう努める" if ja else "reasonable efforts to report")
        law = _span(doc, "日本法に準拠する" if ja else "governed by the laws of Japan")
        near = _span(doc, "直ちに本契約を解除することができる" if ja else "terminate this Agreement immediately",
                     role="candidate", score=0.21)
        audit_elements = [e.id for e in clauses["audit_and_inspection"].elements]
        findings = (
            finding("change_of_control", "missing", "high",
                    candidates=(Candidate(near, 0.21, "score 0.21 below 0.27"),),
                    reasons=("該当する条項が見つかりません。" if ja else "No clause found.",)),
            finding("audit_and_inspection", "weak", "high", evidence=(report,),
                    elements=(ElementResult(audit_elements[0], "", True, True, (report,)),
                              ElementResult(audit_elements[1], "", True, False)),
                    reasons=("義務を弱める文言：「努める」" if ja else "Weakening wording: 'reasonable efforts'",),
                    weak_because=("wording",)),
            finding("confidentiality_obligation", "present", "high", evidence=(conf,), reasons=("ok",)),
            finding("governing_law_and_jurisdiction", "present", "low", evidence=(law,), reasons=("ok",)),
        )
        return ScanResult(file=doc.path, sha256=doc.sha256, language=prepared.language, contract_type="license",
                          contract_type_confidence=0.9, playbook=options.playbook if options.playbook != "auto"
                          else "license", our_party="甲" if ja else "Licensor", findings=findings)


def make(path: Path, engine: Any = None, **kw: Any) -> ClauseCheckApp:
    return ClauseCheckApp(path, engine=engine or QuickEngine(), clock=lambda: CLOCK, **kw)


async def settle(app: ClauseCheckApp, pilot: Any, until: Callable[[], bool] | None = None, tries: int = 100) -> None:
    """Let the worker and the UI catch up (the scan is done when the screen's stage is ``done``)."""
    check = until or (lambda: getattr(app.screen, "stage", "") == "done")
    for _ in range(tries):
        await pilot.pause(0.05)
        if check():
            break
    if until is None:
        await app.workers.wait_for_complete()
    await pilot.pause()
