"""The scan API on a small complete contract: present, weak, missing, evidence and direction."""

from __future__ import annotations

from pathlib import Path

import pytest

from clausecheck.analysis.parse import SubjectParser
from clausecheck.engine import scan
from clausecheck.errors import UsageError
from clausecheck.library import Library


def findings(path: Path, library: Library, parser: SubjectParser, **kw: object) -> dict[str, object]:
    result = scan(path, library=library, parser=parser, **kw)  # type: ignore[arg-type]
    return {f.clause_id: f for f in result.findings}


def test_detects_the_contract_type_from_its_title(ja_license: Path, library: Library, parser: SubjectParser) -> None:
    result = scan(ja_license, library=library, parser=parser)
    assert result.contract_type == "license"
    assert result.playbook == "license"
    assert result.language == "ja"
    assert result.our_party == "株式会社東和精機"  # 甲, inferred: it grants the licence to 乙


def test_change_of_control_split_across_articles_is_one_finding(
    ja_license: Path, library: Library, parser: SubjectParser
) -> None:
    f = findings(ja_license, library, parser, playbook="license", our_party="甲")["change_of_control"]
    assert f.status in ("present", "weak")  # type: ignore[attr-defined]
    articles = {e.article for e in f.evidence}  # type: ignore[attr-defined]
    assert "第6条" in articles
    met = {e.id for e in f.elements if e.met}  # type: ignore[attr-defined]
    assert {"trigger_share_transfer", "remedy_termination"} <= met
    for e in f.evidence:  # type: ignore[attr-defined]
        assert e.text and e.end > e.start


def test_missing_clause_lists_its_nearest_candidates(ja_license: Path, library: Library, parser: SubjectParser) -> None:
    f = findings(ja_license, library, parser, playbook="license", our_party="甲")["reverse_engineering_prohibition"]
    assert f.status == "missing"  # type: ignore[attr-defined]
    assert f.candidates  # type: ignore[attr-defined]
    assert all(c.why_rejected for c in f.candidates)  # type: ignore[attr-defined]


def test_report_duty_without_onsite_audit_is_weak(ja_license: Path, library: Library, parser: SubjectParser) -> None:
    f = findings(ja_license, library, parser, playbook="license", our_party="甲")["audit_and_inspection"]
    assert f.status == "weak"  # type: ignore[attr-defined]
    unmet = {e.id for e in f.elements if not e.met}  # type: ignore[attr-defined]
    assert "onsite_entry" in unmet


def test_confidentiality_binding_only_us_is_weak_from_the_other_side(
    ja_license: Path, library: Library, parser: SubjectParser
) -> None:
    ours = findings(ja_license, library, parser, playbook="license", our_party="甲")["confidentiality_obligation"]
    theirs = findings(ja_license, library, parser, playbook="license", our_party="乙")["confidentiality_obligation"]
    assert ours.status == "present"  # type: ignore[attr-defined]
    assert theirs.status == "weak"  # type: ignore[attr-defined]
    assert "direction" in theirs.weak_because  # type: ignore[attr-defined]


def test_unknown_party_is_a_usage_error(ja_license: Path, library: Library, parser: SubjectParser) -> None:
    with pytest.raises(UsageError, match="not a party"):
        scan(ja_license, library=library, parser=parser, our_party="丁")


def test_unknown_playbook_is_a_usage_error(ja_license: Path, library: Library, parser: SubjectParser) -> None:
    with pytest.raises(UsageError, match="unknown playbook"):
        scan(ja_license, library=library, parser=parser, playbook="lisence")


def test_scan_is_deterministic(ja_license: Path, library: Library, parser: SubjectParser) -> None:
    assert scan(ja_license, library=library, parser=parser) == scan(ja_license, library=library, parser=parser)
