"""The decisions sidecar: readable, created only when a decision is recorded, never touching the
contract, merged rather than overwritten, and stale when the contract's hash changes."""

from __future__ import annotations

from pathlib import Path

import pytest

from clausecheck.decisions import (
    Decision,
    DecisionFileError,
    Decisions,
    ReviewedResult,
    apply,
    attach,
    decision_of,
    delete_decision,
    dump_decisions,
    load_decisions,
    parse_decisions,
    record,
    save_decision,
    sidecar_path,
)
from clausecheck.findings import Finding, ScanResult

D1 = Decision("audit_and_inspection", "needs_change", note="第6条に立入検査を追加\n期限：来週", sha256="aaa",
              status="weak", decided_at="2025-01-02T03:04:05+00:00", wording="第○条（監査）\n１　甲は…")
D2 = Decision("change_of_control", "waived", note="", sha256="bbb", status="missing")


@pytest.fixture
def contract(tmp_path: Path) -> Path:
    path = tmp_path / "契約書.docx"
    path.write_bytes(b"PK fake contract bytes")
    return path


def test_sidecar_sits_next_to_the_contract(contract: Path) -> None:
    assert sidecar_path(contract) == contract.parent / "契約書.docx.clausecheck.yaml"


def test_no_sidecar_means_no_decisions_and_no_file(contract: Path) -> None:
    decisions = load_decisions(contract)
    assert decisions.by_clause == {}
    assert not sidecar_path(contract).exists()


def test_round_trip_keeps_every_field_and_is_readable(contract: Path) -> None:
    before = contract.read_bytes()
    save_decision(contract, D1)
    save_decision(contract, D2)
    loaded = load_decisions(contract)
    assert loaded.get("audit_and_inspection") == D1
    assert loaded.get("change_of_control") == D2
    text = sidecar_path(contract).read_text(encoding="utf-8")
    assert text.startswith("# Review decisions recorded by clausecheck for 契約書.docx.")
    assert "decision: needs_change" in text
    assert "note: |" in text and "  第6条に立入検査を追加\n" in text  # multi-line notes as blocks, not escapes
    assert contract.read_bytes() == before  # the contract is never touched
    assert sorted(p.name for p in contract.parent.iterdir()) == ["契約書.docx", "契約書.docx.clausecheck.yaml"]


def test_saving_rereads_the_file_so_nothing_recorded_elsewhere_is_lost(contract: Path) -> None:
    save_decision(contract, D1)
    # Someone else (another window, an editor) adds a decision meanwhile.
    other = record(load_decisions(contract), D2)
    sidecar_path(contract).write_text(dump_decisions(other), encoding="utf-8")
    save_decision(contract, Decision("purpose_limitation", "accepted"))
    assert set(load_decisions(contract).by_clause) == {"audit_and_inspection", "change_of_control",
                                                        "purpose_limitation"}


def test_recording_again_replaces_and_delete_removes(contract: Path) -> None:
    save_decision(contract, D1)
    save_decision(contract, Decision("audit_and_inspection", "accepted", note="ok after all"))
    assert load_decisions(contract).get("audit_and_inspection").decision == "accepted"  # type: ignore[union-attr]
    delete_decision(contract, "audit_and_inspection")
    assert load_decisions(contract).get("audit_and_inspection") is None


def test_stale_when_the_hash_differs() -> None:
    decisions = record(record(Decisions("c.docx"), D1), D2)
    applied = apply(decisions, "aaa")
    assert applied["audit_and_inspection"].stale is False
    assert applied["change_of_control"].stale is True


def test_attach_keeps_the_scan_and_adds_decisions_in_finding_order() -> None:
    findings = tuple(Finding(clause_id=c, title=c, status="weak", severity="high", level="required", confidence=0.5)
                     for c in ("change_of_control", "purpose_limitation", "audit_and_inspection"))
    result = ScanResult(file="c.docx", sha256="aaa", language="ja", contract_type="license",
                        contract_type_confidence=0.5, playbook="license", our_party="甲", findings=findings)
    reviewed = attach(result, record(record(Decisions("c.docx"), D1), D2))
    assert isinstance(reviewed, ReviewedResult) and isinstance(reviewed, ScanResult)
    assert reviewed.findings == findings and reviewed.playbook == "license"
    assert [a.decision.clause_id for a in reviewed.decisions] == ["change_of_control", "audit_and_inspection"]
    assert decision_of(reviewed, "audit_and_inspection").stale is False  # type: ignore[union-attr]
    assert decision_of(reviewed, "change_of_control").stale is True  # type: ignore[union-attr]
    assert decision_of(reviewed, "purpose_limitation") is None
    assert decision_of(result, "audit_and_inspection") is None


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ("decisions: [1, 2", "not valid YAML"),
        ("- just\n- a list\n", "expected a mapping"),
        ("decisions:\n  x: nope\n", "decisions.x: expected a mapping"),
        ("decisions:\n  x: {decision: maybe}\n", "'maybe' is not a decision"),
    ],
)
def test_malformed_sidecar_is_a_clear_error(text: str, fragment: str) -> None:
    with pytest.raises(DecisionFileError) as info:
        parse_decisions(text, contract="c.docx", source="c.docx.clausecheck.yaml")
    assert fragment in info.value.message
    assert info.value.message.startswith("c.docx.clausecheck.yaml: ")


def test_a_malformed_sidecar_is_never_overwritten(contract: Path) -> None:
    sidecar_path(contract).write_text("decisions: [broken", encoding="utf-8")
    with pytest.raises(DecisionFileError):
        save_decision(contract, D1)
    assert sidecar_path(contract).read_text(encoding="utf-8") == "decisions: [broken"


def test_empty_sidecar_is_no_decisions(contract: Path) -> None:
    sidecar_path(contract).write_text("", encoding="utf-8")
    assert load_decisions(contract).by_clause == {}


def test_unwritable_place_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(DecisionFileError, match="cannot write the decisions file"):
        save_decision(tmp_path / "gone" / "c.docx", D1)  # a folder that does not exist


# --- scan reports the decisions (read-only) ----------------------------------------------------

SAMPLES = Path(__file__).resolve().parent.parent / "sample_contracts"


def test_scan_reports_decisions_in_json_and_the_memo(tmp_path: Path) -> None:
    import json
    import shutil

    from click.testing import CliRunner

    from clausecheck.cli import cli, scan_cmd  # noqa: F401  (registers the command)
    from clausecheck.reading import read_document

    contract = Path(shutil.copy(SAMPLES / "en_license_agreement.docx", tmp_path / "licence.docx"))
    sha = read_document(contract).sha256
    first = json.loads(CliRunner().invoke(cli, ["scan", str(contract), "--format", "json"]).output)
    assert all("decision" not in f for f in first["findings"])  # no sidecar: no key, no file created
    assert not sidecar_path(contract).exists()
    fresh, old = first["findings"][0]["clause_id"], first["findings"][1]["clause_id"]
    save_decision(contract, Decision(fresh, "needs_change", note="Add audit rights\nby the Licensor", sha256=sha,
                                     status=first["findings"][0]["status"], wording="Article X (Audit) ..."))
    save_decision(contract, Decision(old, "waived", sha256="0" * 64))
    sidecar = sidecar_path(contract).read_bytes()

    out = CliRunner().invoke(cli, ["scan", str(contract), "--format", "json"]).output
    by_id = {f["clause_id"]: f for f in json.loads(out)["findings"]}
    assert by_id[fresh]["decision"] == {
        "decision": "needs_change", "note": "Add audit rights\nby the Licensor", "stale": False,
        "status_at_decision": first["findings"][0]["status"], "decided_at": "", "wording": "Article X (Audit) ..."}
    assert by_id[old]["decision"]["stale"] is True
    assert sum("decision" in f for f in by_id.values()) == 2

    memo = CliRunner().invoke(cli, ["scan", str(contract), "--format", "markdown"]).output
    assert "**Decision**: Needs change\n\n> Add audit rights\n> by the Licensor\n" in memo
    assert "**Decision**: Waived (recorded on an earlier version of the contract: check again)" in memo
    assert "**Proposed wording**\n\n```text\nArticle X (Audit) ...\n```" in memo
    assert sidecar_path(contract).read_bytes() == sidecar  # scan only reads the sidecar


def test_scan_warns_about_a_broken_sidecar_and_still_reports(tmp_path: Path) -> None:
    import shutil

    from click.testing import CliRunner

    from clausecheck.cli import cli, scan_cmd  # noqa: F401

    contract = Path(shutil.copy(SAMPLES / "en_license_agreement.docx", tmp_path / "licence.docx"))
    sidecar_path(contract).write_text("decisions: [", encoding="utf-8")
    result = CliRunner().invoke(cli, ["scan", str(contract), "--format", "json", "--fail-on", "none"])
    assert result.exit_code == 0
    assert '"findings"' in result.stdout
    assert "warning:" in result.stderr and "not valid YAML" in result.stderr
