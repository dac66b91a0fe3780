"""``clausecheck scan``: formats, exit codes and every failure path, through the console entry."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SAMPLES = REPO / "sample_contracts"
LICENCE_JA = SAMPLES / "ja_license_tracked.docx"
NDA_EN = SAMPLES / "en_nda.docx"


def run(*args: str | Path, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-c", "from clausecheck.cli import main; main()", "scan", *map(str, args)],
                          capture_output=True, text=True, cwd=cwd, timeout=300)


@pytest.fixture(scope="module")
def json_two() -> dict[str, object]:
    proc = run(LICENCE_JA, NDA_EN, "--format", "jsonl", "--fail-on", "none")
    assert proc.returncode == 0, proc.stderr
    lines = proc.stdout.splitlines()
    assert len(lines) == 2
    return {Path(d["file"]).name: d for d in map(json.loads, lines)}


def test_jsonl_has_one_object_per_file_with_the_documented_keys(json_two: dict[str, dict[str, object]]) -> None:
    ja = json_two["ja_license_tracked.docx"]
    for key in ("schema_version", "file", "sha256", "language", "contract_type", "playbook", "findings"):
        assert key in ja, key
    assert ja["language"] == "ja" and ja["contract_type"] == "license"
    assert json_two["en_nda.docx"]["language"] == "en"
    statuses = set()
    for f in ja["findings"]:  # type: ignore[union-attr]
        for key in ("clause_id", "status", "severity", "confidence", "evidence", "elements", "reasons"):
            assert key in f, key
        statuses.add(f["status"])
        for ev in f["evidence"]:
            assert {"article", "text", "block", "start", "end", "score"} <= set(ev)
        if f["status"] == "missing":
            assert "candidates" in f
    assert statuses <= {"present", "weak", "missing"} and len(statuses) >= 2


def test_evidence_points_at_the_documents_text(json_two: dict[str, dict[str, object]]) -> None:
    from clausecheck.reading import read_document

    doc = read_document(LICENCE_JA)
    for f in json_two["ja_license_tracked.docx"]["findings"]:  # type: ignore[union-attr]
        for ev in f["evidence"]:
            assert doc.blocks[ev["block"]].text[ev["start"]:ev["end"]] == ev["text"]


def test_exit_code_follows_fail_on() -> None:
    # The sample licence has high-severity missing or weak clauses.
    assert run(LICENCE_JA).returncode == 1
    assert run(LICENCE_JA, "--fail-on", "none").returncode == 0


def test_output_is_deterministic_and_written_to_a_file(tmp_path: Path) -> None:
    a, b = tmp_path / "a.json", tmp_path / "b.json"
    assert run(LICENCE_JA, "--format", "json", "-o", a, "--fail-on", "none").returncode == 0
    assert run(LICENCE_JA, "--format", "json", "-o", b, "--fail-on", "none").returncode == 0
    assert a.read_bytes() == b.read_bytes()
    assert json.loads(a.read_text(encoding="utf-8"))["file"].endswith("ja_license_tracked.docx")


def test_markdown_memo(tmp_path: Path) -> None:
    memo = tmp_path / "memo.md"
    assert run(NDA_EN, "--format", "markdown", "-o", memo, "--fail-on", "none").returncode == 0
    text = memo.read_text(encoding="utf-8")
    assert text.startswith("#") and "en_nda.docx" in text
    assert "Missing" in text or "Weak" in text


def test_unreadable_file_among_many_is_reported_and_the_others_scanned(tmp_path: Path) -> None:
    broken = tmp_path / "broken.docx"
    broken.write_bytes(b"not a zip at all")
    before = broken.read_bytes()
    proc = run(broken, NDA_EN, "--format", "jsonl", "--fail-on", "none")
    assert proc.returncode == 2
    first, second = map(json.loads, proc.stdout.splitlines())
    assert first["file"].endswith("broken.docx") and "error" in first and "findings" not in first
    assert second["findings"]
    assert broken.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["broken.docx"]  # nothing written beside it


def test_one_unreadable_file_is_a_one_line_error(tmp_path: Path) -> None:
    proc = run(tmp_path / "nope.docx")
    assert proc.returncode == 2
    assert proc.stderr.count("\n") == 1 and "nope.docx" in proc.stderr and "Traceback" not in proc.stderr


def test_unknown_playbook_is_a_usage_error() -> None:
    proc = run(NDA_EN, "--playbook", "nope")
    assert proc.returncode == 2
    assert "nope" in proc.stderr and "Traceback" not in proc.stderr


def test_our_party_not_in_the_contract_is_a_usage_error() -> None:
    proc = run(NDA_EN, "--our-party", "Nobody Inc.")
    assert proc.returncode == 2
    assert "Nobody Inc." in proc.stderr and "parties found" in proc.stderr and "Traceback" not in proc.stderr


def test_output_onto_an_input_is_refused(tmp_path: Path) -> None:
    copy = tmp_path / "c.docx"
    copy.write_bytes(NDA_EN.read_bytes())
    proc = run(copy, "-o", copy)
    assert proc.returncode == 2 and "input" in proc.stderr
    assert copy.read_bytes() == NDA_EN.read_bytes()


def test_the_python_api_gives_the_same_findings(json_two: dict[str, dict[str, object]]) -> None:
    import clausecheck

    result = clausecheck.scan(LICENCE_JA)
    cli_statuses = {f["clause_id"]: f["status"] for f in json_two["ja_license_tracked.docx"]["findings"]}  # type: ignore[union-attr]
    assert {f.clause_id: f.status for f in result.findings} == cli_statuses



def test_unwritable_output_is_a_one_line_error() -> None:
    proc = run(NDA_EN, "-o", "/proc/report.json")
    assert proc.returncode == 2
    assert "/proc/report.json" in proc.stderr and "Traceback" not in proc.stderr


def test_missing_playbook_file_fails_before_reading() -> None:
    proc = run(NDA_EN, "--playbook", "no-such-playbook.yaml")
    assert proc.returncode == 2 and "no-such-playbook.yaml" in proc.stderr and "Traceback" not in proc.stderr
