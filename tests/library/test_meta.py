"""Meta-tests over the real library: what every clause and playbook must satisfy.

These read the YAML files directly where they can, so that one broken file does not hide the
state of the others. They fail until the library is complete: that is the point.
"""

from __future__ import annotations

from collections import Counter
from functools import cache
from pathlib import Path
from typing import Any

import pytest
import yaml

from clausecheck.library import load_library, load_playbook, validate
from clausecheck.library.checks import MIN_EXAMPLES, MIN_EXEMPLARS, normalise_text
from clausecheck.resources import library_dir, playbooks_dir

# The spec: the catalogue's 46 clause ids (shared/reference/seed-clauses.md) + assignment_restriction.
CATALOGUE_IDS = (
    "nda_prior_execution",
    "confidentiality_obligation",
    "confidential_info_definition",
    "disclosed_technology_scope",
    "staged_disclosure",
    "purpose_limitation",
    "authorized_recipients",
    "handling_security_requirements",
    "reverse_engineering_prohibition",
    "sublicense_restriction",
    "subcontracting_restriction",
    "info_security_maintenance",
    "patent_filing_restriction",
    "non_solicitation_of_personnel",
    "competing_activity_restriction",
    "change_of_control",
    "counterparty_adverse_change_trigger",
    "government_intervention_trigger",
    "suspension_and_retrieval_right",
    "force_majeure_regulatory_exemption",
    "audit_and_inspection",
    "contract_term_and_renewal",
    "termination_for_breach",
    "return_or_destruction",
    "equipment_ownership_and_disposal",
    "survival_of_obligations",
    "confidential_arbitration",
    "governing_law_and_jurisdiction",
    "remedies_damages",
    "jv_majority_control",
    "jv_board_appointment",
    "jv_veto_rights",
    "jv_exit_mechanism",
    "research_scope_definition",
    "ip_ownership_of_results",
    "publication_prior_approval",
    "military_end_use_prohibition",
    "human_rights_compliance",
    "employee_confidentiality_pledge",
    "post_employment_confidentiality",
    "employee_non_compete",
    "side_job_notification",
    "return_of_property_on_exit",
    "employee_invention_assignment",
    "investor_tech_transfer_consent",
    "investor_technology_access_limits",
)
REQUIRED_IDS = (*CATALOGUE_IDS, "assignment_restriction")
PLAYBOOK_IDS = (
    "nda",
    "license",
    "manufacturing",
    "jv",
    "joint_research",
    "supply",
    "employment",
    "investment",
    "all",
)

CLAUSE_FILES = sorted(p for p in library_dir().glob("*/*.yaml"))


@cache
def _load(path: Path) -> dict[str, Any]:
    """The file's data (read once; the tests only read it)."""
    data = yaml.load(path.read_text(encoding="utf-8"), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    assert isinstance(data, dict), f"{path}: not a mapping"
    return data


@pytest.fixture(scope="module")
def report() -> Any:
    return validate()


def test_catalogue_has_46_ids() -> None:
    assert len(set(CATALOGUE_IDS)) == len(CATALOGUE_IDS) == 46


def test_library_validates(report: Any) -> None:
    assert not report.errors, "\n".join(i.format() for i in report.errors)


def test_library_has_every_catalogue_clause() -> None:
    ids = {_load(p).get("id") for p in CLAUSE_FILES}
    missing = sorted(set(REQUIRED_IDS) - ids)
    assert not missing, f"{len(missing)} clauses missing: {', '.join(missing)}"
    assert len(CLAUSE_FILES) >= 47


def test_ids_and_aliases_are_unique() -> None:
    names = Counter(n for p in CLAUSE_FILES for n in (_load(p).get("id"), *(_load(p).get("aliases") or ())))
    assert [n for n, c in names.items() if c > 1] == []


@pytest.mark.parametrize("path", CLAUSE_FILES, ids=lambda p: p.stem)
def test_clause_is_cited(path: Path) -> None:
    seeds = {s["seed"] for s in _load(library_dir() / "meta.yaml")["sources"]}
    citations = _load(path).get("citations") or []
    assert citations, "no citation"
    assert all(c.get("seed") in seeds for c in citations), [c.get("seed") for c in citations]


@pytest.mark.parametrize("path", CLAUSE_FILES, ids=lambda p: p.stem)
def test_clause_has_minimum_examples(path: Path) -> None:
    data = _load(path)
    counts = Counter((x.get("lang"), x.get("label")) for x in data.get("examples") or [])
    short = {
        f"{lang} {label}": counts[lang, label]
        for lang, need in MIN_EXAMPLES.items()
        for label, n in need.items()
        if counts[lang, label] < n
    }
    assert not short, f"too few examples: {short}"
    exemplars = data.get("signals", {}).get("exemplars", {})
    assert all(len(exemplars.get(lang) or []) >= MIN_EXEMPLARS for lang in MIN_EXAMPLES)


def test_no_text_appears_twice() -> None:
    seen: dict[str, str] = {}
    dupes = []
    for path in CLAUSE_FILES:
        data = _load(path)
        texts = [
            *(
                t
                for lang in ("ja", "en")
                for t in data.get("signals", {}).get("exemplars", {}).get(lang) or []
            ),
            *(x.get("text", "") for x in data.get("examples") or []),
        ]
        for text in texts:
            key = normalise_text(text)
            if key in seen:
                dupes.append(f"{path.stem} repeats {seen[key]}: {key[:40]}")
            seen.setdefault(key, path.stem)
    assert dupes == []


def test_every_playbook_resolves(report: Any) -> None:
    playbook_issues = [i for i in report.errors if "playbook" in i.file]
    assert playbook_issues == []
    assert report.library is not None
    assert set(PLAYBOOK_IDS) <= set(report.library.playbooks)
    for pid in PLAYBOOK_IDS:
        assert report.library.playbooks[pid].entries, pid


def test_every_clause_belongs_to_a_playbook_besides_all() -> None:
    listed = {
        c["id"]
        for p in playbooks_dir().glob("*.yaml")
        if p.stem != "all"
        for c in _load(p).get("clauses") or []
    }
    ids = {_load(p).get("id") for p in CLAUSE_FILES}
    assert sorted(ids - listed) == []


def test_all_playbook_checks_every_clause(report: Any) -> None:
    assert report.library is not None
    assert set(report.library.playbooks["all"].clause_ids) == set(report.library.clauses)


def test_company_example_extends_license() -> None:
    library = load_library()
    base = library.playbook("license")
    company = load_playbook(playbooks_dir() / "examples" / "company_license.yaml", library)
    assert company.chain == ("company_license", "license")
    added = set(company.clause_ids) - set(base.clause_ids)
    removed = set(base.clause_ids) - set(company.clause_ids)
    raised = [
        e.clause_id
        for e in company.entries
        if (b := base.entry(e.clause_id)) is not None and b.severity != e.severity
    ]
    assert len(added) == 1 and len(removed) == 1 and len(raised) == 1

