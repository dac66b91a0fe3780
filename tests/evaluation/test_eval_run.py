"""The runner with a fake scan (playbook fallback, failures, alias resolution), and the engine's
scan: read once, limited to the clauses asked for."""

from __future__ import annotations

from collections.abc import Collection
from pathlib import Path
from types import MappingProxyType

import pytest

from clausecheck.errors import InputError, UsageError
from clausecheck.evaluation.labels import LabelFile
from clausecheck.evaluation.run import Scan, canonical, engine_open_fn, run_eval
from clausecheck.findings import Finding, ScanResult
from clausecheck.library import load_library


def labels(name: str, playbook: str, grading: str = "full", **statuses: str) -> LabelFile:
    return LabelFile(path=Path(f"/l/{name}.labels.yaml"), contract=Path(f"/c/{name}.txt"), playbook=playbook,
                     labels=MappingProxyType(statuses), grading=grading)  # type: ignore[arg-type]


def result(playbook: str, **statuses: str) -> ScanResult:
    findings = tuple(Finding(clause_id=c, title=c, status=s, severity="high", level="required",  # type: ignore[arg-type]
                             confidence=1.0) for c, s in statuses.items())
    return ScanResult(file="x", sha256="", language="en", contract_type=None, contract_type_confidence=0.0,
                      playbook=playbook, our_party=None, findings=findings, library_version="lib-1",
                      engine_version="eng-1")


class FakeScan:
    """Per contract and playbook, the statuses the 'engine' reports; records every open and scan."""

    def __init__(self, table: dict[tuple[str, str], dict[str, str] | Exception]) -> None:
        self.table = table
        self.opened: list[str] = []
        self.calls: list[tuple[str, str]] = []
        self.asked: list[set[str] | None] = []

    def __call__(self, lf: LabelFile) -> Scan:
        self.opened.append(lf.contract.stem)
        if isinstance(error := self.table.get((lf.contract.stem, "open")), Exception):
            raise error

        def scan(playbook: str, clauses: Collection[str] | None) -> ScanResult:
            self.calls.append((lf.contract.stem, playbook))
            self.asked.append(None if clauses is None else set(clauses))
            entry = self.table[(lf.contract.stem, playbook)]
            if isinstance(entry, Exception):
                raise entry
            return result(playbook, **{c: s for c, s in entry.items() if clauses is None or c in clauses})

        return scan


def test_outcomes_pair_labels_with_the_scan() -> None:
    scan = FakeScan({("a", "nda"): {"coc": "weak", "law": "missing", "other": "present"}})
    run = run_eval([labels("a", "nda", coc="present", law="missing")], open_fn=scan)
    assert [(o.clause_id, o.expected, o.got, o.graded) for o in run.outcomes] == [
        ("coc", "present", "weak", True), ("law", "missing", "missing", True)]
    assert scan.calls == [("a", "nda")]  # the playbook had every labelled clause: one scan
    assert (run.label_files, run.scanned, run.unreadable) == (1, 1, 0)
    assert (run.engine_version, run.library_version) == ("eng-1", "lib-1")


def test_clauses_outside_the_playbook_come_from_a_second_scan_with_all() -> None:
    scan = FakeScan({("a", "nda"): {"coc": "present"},
                     ("a", "all"): {"coc": "missing", "nonsolicit": "weak"}})
    run = run_eval([labels("a", "nda", "detection_only", coc="present", nonsolicit="missing")], open_fn=scan)
    assert scan.calls == [("a", "nda"), ("a", "all")] and scan.opened == ["a"]  # read once
    assert scan.asked == [None, {"nonsolicit"}]  # `all` only for what the playbook lacks
    got = {o.clause_id: o.got for o in run.outcomes}
    assert got == {"coc": "present", "nonsolicit": "weak"}  # the labels' playbook wins where it has one
    assert all(not o.graded for o in run.outcomes)


def test_unreadable_contract_is_counted_not_fatal() -> None:
    scan = FakeScan({("a", "open"): InputError("a.txt: not a contract"), ("b", "all"): {"coc": "present"}})
    seen: list[tuple[int, int, str]] = []
    run = run_eval([labels("a", "all", coc="present"), labels("b", "all", coc="present")], open_fn=scan,
                   progress=lambda i, n, lf: seen.append((i, n, lf.contract.stem)))
    assert seen == [(0, 2, "a"), (1, 2, "b")]
    assert (run.scanned, run.unreadable) == (1, 1)
    assert run.failures[0].file == "/c/a.txt" and "not a contract" in run.failures[0].error
    assert [o.file for o in run.outcomes] == ["/c/b.txt"]


def test_unreported_clause_and_a_per_file_usage_error_are_failures() -> None:
    scan = FakeScan({("a", "all"): {"coc": "present"}})
    run = run_eval([labels("a", "all", coc="present", law="missing")], open_fn=scan)
    assert [(f.clause_id, f.error) for f in run.failures] == [("law", "not reported by the scan")]
    assert run.unreadable == 0
    bad = FakeScan({("a", "all"): UsageError("--our-party '丙' is not a party of this contract"),
                    ("b", "all"): {"coc": "present"}})
    run = run_eval([labels("a", "all", coc="present"), labels("b", "all", coc="present")], open_fn=bad)
    assert [(f.file, f.clause_id) for f in run.failures] == [("/c/a.txt", None)]
    assert "not a party" in run.failures[0].error and run.scanned == 1


def test_canonical_resolves_aliases_and_rejects_unknown_ids() -> None:
    library = load_library()
    lf = labels("a", "all", term_and_renewal="present", change_of_control="missing")
    lf = LabelFile(path=lf.path, contract=lf.contract, playbook="all", labels=lf.labels,
                   notes=MappingProxyType({"term_and_renewal": "why"}))
    fixed = canonical(lf, library)
    assert dict(fixed.labels) == {"contract_term_and_renewal": "present", "change_of_control": "missing"}
    assert dict(fixed.notes) == {"contract_term_and_renewal": "why"}
    with pytest.raises(UsageError) as exc:
        canonical(labels("a", "all", change_of_contrl="present"), library)
    assert "unknown clause id `change_of_contrl`" in exc.value.message
    assert "change_of_control" in exc.value.hint


def test_the_engine_reads_a_contract_once_and_scans_only_the_clauses_asked(monkeypatch: pytest.MonkeyPatch) -> None:
    import clausecheck.reading as reading

    read = reading.read_document
    reads: list[Path] = []
    monkeypatch.setattr(reading, "read_document", lambda path, **kw: reads.append(path) or read(path, **kw))
    contract = Path(__file__).resolve().parents[2] / "sample_contracts" / "en_nda.docx"
    lf = LabelFile(path=contract.with_suffix(".labels.yaml"), contract=contract, playbook="nda",
                   labels=MappingProxyType({}))
    scan = engine_open_fn(load_library())(lf)
    some = {"staged_disclosure", "government_intervention_trigger", "military_end_use_prohibition"}  # not in nda
    limited = {f.clause_id: f.status for f in scan("all", some).findings}
    full = {f.clause_id: f.status for f in scan("all", None).findings}
    assert reads == [contract]
    assert set(limited) == some and len(full) > len(some)
    assert limited == {c: full[c] for c in some}  # the same verdicts as the full `all` scan
    assert set(limited.values()) != {"missing"}  # something was found, so the comparison says something
