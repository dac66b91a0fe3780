"""``clausecheck eval`` end to end with a fake engine: output shapes and exit codes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import clausecheck.cli.eval_cmd  # noqa: F401  (registers `eval` on the group until cli/__init__ does)
import clausecheck.evaluation.run as run_module
from clausecheck.cli import main
from clausecheck.errors import InputError
from clausecheck.evaluation.labels import LabelFile
from clausecheck.findings import Finding, ScanResult
from clausecheck.library import ENV_VAR

# What the fake engine reports per contract stem; "broken" cannot be read.
VERDICTS = {
    "a": {"change_of_control": "weak", "governing_law_and_jurisdiction": "present"},
    "b": {"change_of_control": "missing", "governing_law_and_jurisdiction": "present"},
}


def fake_open_fn(library: object) -> object:
    def open_contract(lf: LabelFile) -> object:
        if lf.contract.stem == "broken":
            raise InputError(f"{lf.contract}: not a DOCX file")

        def scan(playbook: str, clauses: object) -> ScanResult:
            findings = tuple(Finding(clause_id=c, title=c, status=s, severity="high", level="required",  # type: ignore[arg-type]
                                     confidence=1.0) for c, s in VERDICTS[lf.contract.stem].items())
            return ScanResult(file=str(lf.contract), sha256="", language="en", contract_type=None,
                              contract_type_confidence=0.0, playbook=playbook, our_party=None, findings=findings)
        return scan
    return open_contract


@pytest.fixture(autouse=True)
def _fake_engine(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(ENV_VAR, raising=False)
    monkeypatch.setattr(run_module, "engine_open_fn", fake_open_fn)


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    with pytest.raises(SystemExit) as exc:
        main(list(args))
    out, err = capsys.readouterr()
    # rich wraps stderr at the terminal width: compare messages with whitespace folded
    return int(exc.value.code or 0), out, " ".join(err.split())


def write_set(root: Path) -> Path:
    (root / "deep").mkdir(parents=True)
    (root / "a.labels.yaml").write_text(
        "file: a.txt\nplaybook: all\nlabels:\n  change_of_control: present\n"
        "  governing_law_and_jurisdiction: present\n", encoding="utf-8")
    (root / "deep" / "b.labels.yaml").write_text(
        "file: b.txt\nplaybook: all\nlabels:\n  change_of_control: present\n"
        "  governing_law_and_jurisdiction: missing\n", encoding="utf-8")
    return root


def test_json_output_has_stable_keys_and_the_right_numbers(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    code, out, err = run(capsys, "eval", str(write_set(tmp_path / "set")), "--format", "json")
    assert code == 0 and err == ""
    data = json.loads(out)
    assert list(data) == ["files", "engine_version", "library_version", "clauses", "micro", "macro",
                          "grading", "confusion", "errors", "failures"]
    assert data["files"] == {"labels": 2, "scanned": 2, "unreadable": 0}
    coc, law = data["clauses"]
    assert (coc["clause_id"], coc["tp"], coc["fn"], coc["recall"]) == ("change_of_control", 1, 1, 0.5)
    assert (law["tp"], law["fp"], law["precision"]) == (1, 1, 0.5)
    assert coc["graded"] == 1 and coc["grade_accuracy"] == 0.0  # present labelled, weak found
    assert data["micro"] == {"tp": 2, "fp": 1, "fn": 1, "tn": 0, "precision": 0.6667, "recall": 0.6667,
                             "f1": 0.6667}
    assert data["confusion"]["present"] == {"present": 1, "weak": 1, "missing": 1}
    assert sorted((e["clause_id"], e["expected"], e["got"]) for e in data["errors"]) == [
        ("change_of_control", "present", "missing"), ("change_of_control", "present", "weak"),
        ("governing_law_and_jurisdiction", "missing", "present")]


def test_table_output_with_errors_and_an_unreadable_contract(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    root = write_set(tmp_path / "set")
    (root / "broken.labels.yaml").write_text("file: broken.docx\nlabels: {change_of_control: present}\n",
                                             encoding="utf-8")
    code, out, err = run(capsys, "eval", str(root), "--errors")
    assert code == 0
    assert err == ""  # the progress status shows on a terminal only
    assert "3 label files, 2 contracts scanned, 1 unreadable" in out
    assert "not a DOCX file" in out
    assert "Errors" in out and "governing_law_and_jurisdiction" in out
    plain = run(capsys, "eval", str(root))[1]
    assert "Errors" not in plain


@pytest.mark.parametrize(
    ("labels", "message"),
    [
        ("file: a.txt\nlabels: {change_of_control: strong}\n", "unknown status `strong`"),
        ("file: a.txt\nlabels: {change_of_contrl: present}\n", "unknown clause id `change_of_contrl`"),
        ("file: a.txt\nplaybook: ndaa\nlabels: {change_of_control: present}\n", "unknown playbook `ndaa`"),
    ],
)
def test_bad_labels_exit_2_before_any_scan(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, labels: str, message: str
) -> None:
    path = tmp_path / "x.labels.yaml"
    path.write_text(labels, encoding="utf-8")
    code, out, err = run(capsys, "eval", str(path))
    assert code == 2 and out == ""
    assert message in err and "Traceback" not in err


def test_missing_path_exits_2(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, _, err = run(capsys, "eval", str(tmp_path / "nothing"))
    assert code == 2 and "no such file or folder" in err
