"""The TUI's data layer without Textual: rows, search, highlights, wrapping, block rendering,
folders and exports, and the order of the scan steps."""

from __future__ import annotations

import itertools
import sys
from pathlib import Path

import pytest
from rich.cells import cell_len
from rich.style import Style

from clausecheck.decisions import AppliedDecision, Decision
from clausecheck.document import Block, Comment, TrackedChange
from clausecheck.engine import Prepared
from clausecheck.errors import UsageError
from clausecheck.findings import Candidate, Evidence, Finding
from clausecheck.tui.data.contract_text import Highlight, highlights_for, render_block, wrap_offsets
from clausecheck.tui.data.files import contracts_in, export_path, neighbour, write_export
from clausecheck.tui.data.findings import ClauseInfo, Filter, fold, group_rows
from clausecheck.tui.data.pipeline import (
    DocumentRead,
    FindingsReady,
    Progress,
    RealEngine,
    ScanOptions,
    Structured,
    scan_events,
)
from tui.helpers import FIXTURES, SAMPLES, QuickEngine

EV = Evidence(article="第6条", article_title="報告", text="報告する", block=3, start=2, end=6, score=0.5)
INFOS = {
    "audit_and_inspection": ClauseInfo({"ja": "監査条項", "en": "Audit and inspection"}, "audit", {}, {}),
    "change_of_control": ClauseInfo({"ja": "経営権の変動", "en": "Change of control"}, "change_of_circumstances", {},
                                    {}),
    "governing_law": ClauseInfo({"ja": "準拠法", "en": "Governing law"}, "disputes", {}, {}),
}


def _f(cid: str, status: str, severity: str, **kw: object) -> Finding:
    return Finding(clause_id=cid, title=cid, status=status, severity=severity, level="required",  # type: ignore[arg-type]
                   confidence=0.5, **kw)  # type: ignore[arg-type]


FINDINGS = (
    _f("governing_law", "present", "low", evidence=(EV,)),
    _f("change_of_control", "missing", "high", candidates=(Candidate(EV, 0.2, "low"),)),
    _f("audit_and_inspection", "weak", "medium", evidence=(EV,)),
)


def test_groups_in_order_with_counts_titles_and_decisions() -> None:
    decided = {"change_of_control": AppliedDecision(Decision("change_of_control", "waived"), stale=True)}
    groups = group_rows(FINDINGS, INFOS, Filter(), "en", decided)
    assert [(g.status, g.total, [r.clause_id for r in g.rows]) for g in groups] == [
        ("missing", 1, ["change_of_control"]), ("weak", 1, ["audit_and_inspection"]),
        ("present", 1, ["governing_law"])]
    missing = groups[0].rows[0]
    assert (missing.title, missing.where, missing.decision, missing.stale) == ("Change of control", "第6条", "waived",
                                                                               True)
    assert group_rows(FINDINGS, INFOS, Filter(), "ja")[1].rows[0].title == "監査条項"


@pytest.mark.parametrize(
    ("flt", "shown"),
    [
        (Filter(statuses=frozenset({"missing", "weak"})), ["change_of_control", "audit_and_inspection"]),
        (Filter(severities=frozenset({"low"})), ["governing_law"]),
        (Filter(groups=frozenset({"audit"})), ["audit_and_inspection"]),
        (Filter(query="監査"), ["audit_and_inspection"]),  # title in the other language than shown
        (Filter(query="CHANGE"), ["change_of_control"]),  # case-insensitive
        (Filter(query="ｇｏｖｅｒｎｉｎｇ"), ["governing_law"]),  # full-width letters fold
        (Filter(query="of_con"), ["change_of_control"]),  # by id
        (Filter(query="nothing like it"), []),
    ],
)
def test_filters_and_search(flt: Filter, shown: list[str]) -> None:
    groups = group_rows(FINDINGS, INFOS, flt, "en")
    assert [r.clause_id for g in groups for r in g.rows] == shown
    assert [g.total for g in groups] == [1, 1, 1]  # totals count before filtering


def test_fold_is_width_and_case_insensitive() -> None:
    assert fold("ＡＢＣ ｶﾅ") == fold("abc カナ")


def test_highlights_evidence_or_candidates() -> None:
    weak = FINDINGS[2]
    assert highlights_for(weak, "ja") == (Highlight(3, 2, 6, "evidence"),)
    missing = highlights_for(FINDINGS[1], "en")
    assert missing == (Highlight(3, 2, 6, "candidate", "candidate 0.20"),)
    assert highlights_for(None, "ja") == ()


JA = "第１条　本契約は、甲が乙に対し、タイ王国において高精度セラミック基板（以下「本製品」という。）を製造する。"
EN = "Licensee shall not disclose the Licensed Technology to any third party without prior written consent."


@pytest.mark.parametrize("width", [8, 13, 20, 31, 40])
@pytest.mark.parametrize("text", [JA, EN, JA + EN, "ａ" * 50, "x" * 70])
def test_wrap_fits_the_width_and_keeps_every_character(text: str, width: int) -> None:
    cuts = [0, *wrap_offsets(text, width), len(text)]
    lines = [text[a:b] for a, b in itertools.pairwise(cuts)]
    assert "".join(lines) == text
    assert all(cell_len(line.rstrip(" ")) <= width for line in lines)
    assert all(line for line in lines)


def test_wrap_fills_japanese_lines_and_respects_kinsoku_and_latin_words() -> None:
    cuts = [0, *wrap_offsets(JA, 20), len(JA)]
    lines = [JA[a:b] for a, b in itertools.pairwise(cuts)]
    assert cell_len(lines[0]) >= 18  # filled, not broken at the ideographic space
    assert not any(line[0] in "、。）」" for line in lines[1:])
    cuts = [0, *wrap_offsets(EN, 30), len(EN)]
    words = set(EN.split())
    assert all(w.strip() in words or not w.strip() for a, b in itertools.pairwise(cuts)
               for w in EN[a:b].split(" "))


STYLES = {k: Style(bold=True) for k in ("evidence", "candidate", "badge", "ghost_delete", "ghost_insert", "insert")}


def test_render_maps_block_offsets_past_display_only_text() -> None:
    block = Block(index=0, text="乙は、本技術情報を開示してはならない。", cells=())
    deleted = TrackedChange(kind="delete", text="厳に", author="a", date=None, block=0, start=3, end=3)
    inserted = TrackedChange(kind="insert", text="本技術情報", author="a", date=None, block=0, start=3, end=8)
    hl = Highlight(0, 9, 18, "candidate", "候補 0.20")
    comment = Comment(comment_id="1", author="法務", date=None, text="要確認", block=0)
    out = render_block(block, role="body", highlights=[hl], changes=[deleted, inserted], comments=[comment],
                       styles=STYLES, lang="ja")
    plain = out.text.plain
    assert plain.startswith("乙は、[-厳に-]本技術情報を開示してはならない ‹候補 0.20› 。")
    assert plain[out.display(9):out.display(18, end=True)] == block.text[9:18] == "開示してはならない"
    assert out.marks == ((out.display(9), out.display(18, end=True), "candidate"),)
    assert plain.endswith("※ コメント（法務）：要確認")


def test_table_cells_get_a_rule_and_offsets_still_map() -> None:
    from clausecheck.document import CellRef

    cell = Block(index=5, text="5,100株", cells=(CellRef(0, 1, 1),))
    out = render_block(cell, role="cell", highlights=[Highlight(5, 0, 5, "evidence")], changes=[], comments=[],
                       styles=STYLES, lang="ja")
    assert out.text.plain == "  │ 5,100株"
    assert out.text.plain[out.display(0):out.display(5, end=True)] == "5,100"


def test_contracts_of_a_folder_leave_out_our_files(tmp_path: Path) -> None:
    for name in ("b.docx", "a.txt", "c.md", "a.txt.clausecheck.yaml", "b.docx.memo.md", "b.docx.clausecheck.json",
                 "~$lock.docx", ".hidden.docx", "notes.pdf"):
        (tmp_path / name).write_text("x", encoding="utf-8")
    (tmp_path / "sub.docx").mkdir()
    found = contracts_in(tmp_path)
    assert [p.name for p in found] == ["a.txt", "b.docx", "c.md"]
    assert neighbour(found, found[0], 1) == found[1]
    assert neighbour(found, found[2], 1) is None
    assert neighbour(found, found[0], -1) is None


def test_exports_sit_beside_the_contract_and_never_replace_it(tmp_path: Path) -> None:
    contract = tmp_path / "契約.docx"
    contract.write_bytes(b"original")
    assert export_path(contract, "markdown").name == "契約.docx.memo.md"
    with pytest.raises(UsageError, match="contract itself"):
        write_export("memo", contract, contract=contract)
    assert contract.read_bytes() == b"original"
    with pytest.raises(UsageError, match="does not exist"):
        write_export("memo", tmp_path / "nope" / "m.md", contract=contract)
    assert write_export("# memo", tmp_path / "m.md", contract=contract).read_text(encoding="utf-8") == "# memo"
    with pytest.raises(UsageError, match="cannot write it: File name too long"):  # an OSError, said in one line
        write_export("memo", tmp_path / ("m" * 300 + ".md"), contract=contract)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["m.md", "契約.docx"]  # nothing half-written left


class _CountingEngine(QuickEngine):
    def __init__(self, full: bool) -> None:
        super().__init__()
        self.full = full
        self.reads = 0

    def read(self, path, view):  # type: ignore[no-untyped-def]
        self.reads += 1
        return super().read(path, view)

    def needs_full_pass(self, prepared):  # type: ignore[no-untyped-def]
        return self.full


def test_scan_steps_show_the_contract_first_and_findings_as_they_come() -> None:
    engine = _CountingEngine(full=True)
    events = list(scan_events(str(FIXTURES / "ja_small.txt"), ScanOptions(), engine))
    kinds = [type(e).__name__ + (f":{e.stage}" if isinstance(e, Progress) else "")
             + (f":{e.final}" if isinstance(e, FindingsReady) else "") for e in events]
    assert kinds == ["Progress:reading", "DocumentRead", "Structured", "Progress:checking", "FindingsReady:False",
                     "Progress:confirming", "FindingsReady:True"]
    prepared = next(e.prepared for e in events if isinstance(e, Structured))
    # Another playbook: the prepared contract is reused, nothing is read again.
    again = list(scan_events("ignored", ScanOptions(playbook="nda"), engine, prepared=prepared))
    assert engine.reads == 1 and not any(isinstance(e, DocumentRead) for e in again)
    assert [e.result.playbook for e in again if isinstance(e, FindingsReady)][-1] == "nda"
    # Another view: read again.
    list(scan_events(str(FIXTURES / "ja_small.txt"), ScanOptions(view="original"), engine, prepared=prepared))
    assert engine.reads == 2


class _RealPasses(QuickEngine):
    """Quick scans (no GiNZA), but the real engine's choice of whether a second pass follows."""

    def needs_full_pass(self, prepared: Prepared) -> bool:
        return RealEngine.needs_full_pass(self, prepared)


@pytest.mark.parametrize(("fixture", "finals"), [("en_small.txt", [True]), ("ja_small.txt", [False, True])])
def test_only_japanese_gets_the_second_pass(fixture: str, finals: list[bool]) -> None:
    events = list(scan_events(str(FIXTURES / fixture), ScanOptions(), _RealPasses()))
    assert [e.final for e in events if isinstance(e, FindingsReady)] == finals


def test_both_passes_score_the_contract_once_and_only_the_full_pass_parses(
        monkeypatch: pytest.MonkeyPatch) -> None:
    import clausecheck.engine as engine_module

    located: list[object] = []
    parsed: list[str] = []
    real_locate = engine_module.locate_contract

    def counting_locate(*args: object, **kw: object) -> object:
        located.append(kw.get("playbook"))
        return real_locate(*args, **kw)  # type: ignore[arg-type]

    class RecordingParser:
        def subjects(self, sentences: list[str], parties: list[str]) -> list[str | None]:
            parsed.extend(sentences)
            return [None] * len(sentences)

    monkeypatch.setattr(engine_module, "locate_contract", counting_locate)
    monkeypatch.setattr(engine_module, "_default_parser", RecordingParser)
    engine = RealEngine()
    events = list(scan_events(str(SAMPLES / "ja_joint_research.docx"), ScanOptions(), engine))
    quick, full = (e.result for e in events if isinstance(e, FindingsReady))
    assert located == ["auto"] and parsed  # one locate; the full pass parsed candidate sentences
    assert [f.clause_id for f in quick.findings] == [f.clause_id for f in full.findings]
    # Another playbook is located afresh; the same one again is not.
    prepared = next(e.prepared for e in events if isinstance(e, Structured))
    list(scan_events("ignored", ScanOptions(playbook="nda"), engine, prepared=prepared))
    assert located == ["auto", "nda"]


def test_the_data_layer_does_not_import_textual() -> None:
    import subprocess

    import clausecheck.tui.data

    modules = sorted(p.stem for p in Path(clausecheck.tui.data.__file__).parent.glob("*.py") if p.stem != "__init__")
    assert {"pipeline", "findings", "contract_text", "files", "store", "store_view", "store_text"} <= set(modules)
    code = (f"import sys, {', '.join('clausecheck.tui.data.' + m for m in modules)}; "
            "print(any(m == 'textual' or m.startswith('textual.') for m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "False"


def test_every_review_label_has_both_languages_with_the_same_fields() -> None:
    import string

    from clausecheck.review_labels import _labels

    def fields(text: str) -> set[str]:
        return {name for _, name, _, _ in string.Formatter().parse(text) if name}

    labels = _labels()
    assert {"decision_stale", "tui_findings", "grid_contracts", "col_file"} <= set(labels)
    for key, texts in labels.items():
        assert set(texts) == {"ja", "en"} and texts["ja"] and texts["en"], key
        assert fields(texts["ja"]) == fields(texts["en"]), key
