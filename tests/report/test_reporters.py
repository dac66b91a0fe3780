"""Every reporter renders the same results deterministically, with the facts a reviewer needs."""

from __future__ import annotations

import io
import json

import pytest

from clausecheck.findings import Candidate, ElementResult, Evidence, Finding, ScanResult, review_order
from clausecheck.report import FORMATS, FileError, reporter

EV = Evidence(article="第18条", article_title="解除", text="乙の支配権に変動が生じたとき", block=40,
              start=3, end=17, score=0.62)


def _result() -> ScanResult:
    weak = Finding(
        clause_id="change_of_control", title="経営権の変動", status="weak", severity="high",
        level="required", confidence=0.71, evidence=(EV,),
        elements=(
            ElementResult(id="trigger_share_transfer", title="株式の取得", required=True, met=True, evidence=(EV,)),
            ElementResult(id="remedy_termination", title="解除権", required=True, met=False),
        ),
        reasons=("第18条（解除） に該当する記載があります（スコア 0.62）。", "必須要素が見当たりません：解除権"),
        weak_because=("element",), why="買収されると技術が競合に渡る。",
        citations=("000_2c031feca8971810.txt p.28 L940-957",), recommended_wording="第○条（経営権の変動）…",
    )
    missing = Finding(
        clause_id="audit_and_inspection", title="監査条項", status="missing", severity="medium",
        level="required", confidence=0.8,
        candidates=(Candidate(evidence=EV, score=0.2, why_rejected="スコア 0.20 が基準 0.38 未満"),),
        reasons=("該当する条項が見つかりません。",), why="遵守を確認できない。",
        citations=("000_2c031feca8971810.txt p.27 L909-911",), recommended_wording="第○条（報告及び監査）…",
    )
    present = Finding(
        clause_id="governing_law_and_jurisdiction", title="準拠法", status="present", severity="low",
        level="recommended", confidence=0.9, evidence=(EV,), reasons=("ok",),
    )
    return ScanResult(
        file="a.docx", sha256="ab" * 32, language="ja", contract_type="license",
        contract_type_confidence=0.8, playbook="license", our_party="甲",
        findings=(present, weak, missing), library_version="0.1.0", engine_version="0.1.0",
    )


def render(fmt: str, items: list[object]) -> str:
    out = io.StringIO()
    reporter(fmt)(items, out, "")  # type: ignore[arg-type]
    return out.getvalue()


@pytest.mark.parametrize("fmt", FORMATS)
def test_reporters_are_deterministic_and_complete(fmt: str) -> None:
    items = [_result(), FileError(file="broken.docx", error="not a DOCX (save it as .docx)", code="E101")]
    first, second = render(fmt, items), render(fmt, items)
    assert first == second
    for fact in ("change_of_control", "audit_and_inspection", "broken.docx"):
        assert fact in first


def test_json_has_the_documented_keys() -> None:
    data = json.loads(render("json", [_result()]))
    assert data["schema_version"] == 1
    assert data["summary"] == {"missing": 1, "weak": 1, "present": 1}
    weak = next(f for f in data["findings"] if f["clause_id"] == "change_of_control")
    assert weak["evidence"][0] == {"article": "第18条", "article_title": "解除", "text": EV.text,
                                   "block": 40, "start": 3, "end": 17, "score": 0.62, "role": "clause"}
    assert [(e["id"], e["met"]) for e in weak["elements"]] == [("trigger_share_transfer", True),
                                                               ("remedy_termination", False)]
    assert "candidates" not in weak
    missing = next(f for f in data["findings"] if f["status"] == "missing")
    assert missing["candidates"][0]["why_rejected"].startswith("スコア")


def test_jsonl_is_one_line_per_file() -> None:
    lines = render("jsonl", [_result(), FileError(file="x.doc", error="legacy .doc", code="E102")]).splitlines()
    assert len(lines) == 2
    assert json.loads(lines[1]) == {"schema_version": 1, "file": "x.doc", "error": "legacy .doc", "code": "E102"}


def test_table_groups_missing_before_weak_before_present() -> None:
    text = render("table", [_result()])
    assert text.index("audit_and_inspection") < text.index("change_of_control") < text.index(
        "governing_law_and_jurisdiction")
    assert "第18条" in text


def test_markdown_memo_gives_wording_for_what_is_not_present() -> None:
    memo = render("markdown", [_result()])
    assert memo.count("```text") == 2  # weak + missing, not present
    assert "000_2c031feca8971810.txt p.28 L940-957" in memo
    assert "✗ 解除権" in memo


@pytest.mark.parametrize("fmt", ["table", "markdown"])
def test_within_a_status_the_most_severe_comes_first_then_clause_id(fmt: str) -> None:
    def missing(cid: str, severity: str) -> Finding:
        return Finding(clause_id=cid, title=cid, status="missing", severity=severity,  # type: ignore[arg-type]
                       level="required", confidence=0.8, reasons=("-",))

    found = (missing("a_low", "low"), missing("c_high", "high"), missing("b_high", "high"),
             missing("a_medium", "medium"))
    result = ScanResult(file="a.docx", sha256="ab" * 32, language="en", contract_type=None,
                        contract_type_confidence=0.0, playbook="all", our_party=None, findings=found)
    text = render(fmt, [result])
    positions = [text.index(cid) for cid in ("b_high", "c_high", "a_medium", "a_low")]
    assert positions == sorted(positions)
    assert sorted(found, key=review_order) == [found[2], found[1], found[3], found[0]]
