"""The validator: each broken fixture library yields its specific issue, all issues at once."""

from __future__ import annotations

from pathlib import Path

import pytest
from library_fixtures import BASE, CASES, build

from clausecheck.library import ValidationIssue, validate, validate_library


def _rel(issue: ValidationIssue, root: Path) -> str:
    return Path(issue.file).resolve().relative_to(root.resolve()).as_posix()


def test_base_fixture_is_clean() -> None:
    report = validate([BASE], bundled=False)
    assert report.issues == ()
    assert report.ok
    assert report.summary() == "1 clauses, 2 playbooks: OK"


@pytest.mark.parametrize("case", CASES, ids=[c.stem for c in CASES])
def test_broken_fixture_reports_its_issue(case: Path, tmp_path: Path) -> None:
    root = tmp_path / "lib"
    spec = build(case, root)
    issues = validate_library([root], bundled=False)
    errors = [i for i in issues if i.severity == "error"]
    assert errors, f"{case.stem}: no error reported"
    for want in spec["expect"]:
        matches = [
            i
            for i in errors
            if i.path == want["path"]
            and want["message"] in i.message
            and ("file" not in want or _rel(i, root) == want["file"])
            and want.get("hint", "") in i.hint
        ]
        assert matches, f"{case.stem}: expected {want}, got:\n" + "\n".join(i.format() for i in issues)


def test_several_errors_are_reported_at_once(tmp_path: Path) -> None:
    root = tmp_path / "lib"
    build(next(c for c in CASES if c.stem == "several_errors"), root)
    errors = [i for i in validate_library([root], bundled=False) if i.severity == "error"]
    files = {Path(i.file).name for i in errors}
    assert len(errors) >= 3
    assert files == {"secrecy.yaml", "nda.yaml"}


def test_issue_has_line_number_and_formats_as_one_line(tmp_path: Path) -> None:
    root = tmp_path / "lib"
    build(next(c for c in CASES if c.stem == "unknown_seed"), root)
    issue = next(i for i in validate_library([root], bundled=False) if i.path == "citations[0].seed")
    text = (root / "confidentiality" / "secrecy.yaml").read_text(encoding="utf-8").splitlines()
    assert issue.line is not None and "seed_b.txt" in text[issue.line - 1]
    assert issue.format() == (
        f"{issue.file}:{issue.line}: citations[0].seed: "
        "unknown seed `seed_b.txt` (did you mean `seed_a.txt`?)"
    )


def test_yaml_syntax_error_has_the_line_of_the_problem(tmp_path: Path) -> None:
    root = tmp_path / "lib"
    build(next(c for c in CASES if c.stem == "yaml_syntax"), root)
    issue = next(i for i in validate_library([root], bundled=False) if "not valid YAML" in i.message)
    assert issue.line == 4  # the unclosed flow sequence is only noticed at the end of the file
