"""Hand adjudications of calibration labels: checked against the contract, noted, and exact."""

from __future__ import annotations

from pathlib import Path
from types import MappingProxyType

import pytest

from clausecheck.calibration.adjudicate import apply_adjudications, default_adjudications, load_adjudications
from clausecheck.calibration.contractnli import contractnli_label_files, load_contractnli
from clausecheck.calibration.cuad import cuad_label_files, load_cuad
from clausecheck.errors import InputError
from clausecheck.evaluation.labels import LabelFile

REPO = Path(__file__).resolve().parents[2]
CNLI = REPO.parent / "shared" / "data" / "contractnli-dev"
CUAD = CNLI.parent / "cuad-dev"

TEXT = "7. Return. Upon request, the Recipient shall   return all\nConfidential Information."


def label_file(tmp_path: Path) -> LabelFile:
    return LabelFile(path=tmp_path / "x.labels.yaml", contract=tmp_path / "x.txt", playbook="nda",
                     labels=MappingProxyType({"return_or_destruction": "missing", "purpose_limitation": "present"}),
                     grading="detection_only", notes=MappingProxyType({"return_or_destruction": "nda-16 NotMentioned"}))


def write(tmp_path: Path, body: str) -> Path:
    path = tmp_path / "adj.yaml"
    path.write_text(body, encoding="utf-8")
    return path


ONE = """contractnli:
  - doc: 7
    clause: return_or_destruction
    status: present
    quote: "the Recipient shall return all Confidential Information"
    why: return on request
"""


def test_applied_with_a_note(tmp_path: Path) -> None:
    adjudications = load_adjudications(write(tmp_path, ONE))
    lf = apply_adjudications(label_file(tmp_path), TEXT, adjudications,
                             dataset="contractnli", doc="7")
    assert lf.labels["return_or_destruction"] == "present"
    assert lf.labels["purpose_limitation"] == "present"  # untouched
    note = lf.notes["return_or_destruction"]
    assert note.startswith("adjudicated missing → present: return on request") and "nda-16 NotMentioned" in note


def test_other_documents_untouched(tmp_path: Path) -> None:
    adjudications = load_adjudications(write(tmp_path, ONE))
    original = label_file(tmp_path)
    assert apply_adjudications(original, "", adjudications, dataset="contractnli", doc="8") is original
    assert apply_adjudications(original, "", adjudications, dataset="cuad", doc="7") is original


def test_excluded_removes_the_label(tmp_path: Path) -> None:
    adjudications = load_adjudications(write(tmp_path, ONE.replace("status: present", "status: excluded")))
    lf = apply_adjudications(label_file(tmp_path), TEXT, adjudications, dataset="contractnli", doc="7")
    assert "return_or_destruction" not in lf.labels


def test_quote_must_be_in_the_contract(tmp_path: Path) -> None:
    adjudications = load_adjudications(write(tmp_path, ONE.replace("return all", "destroy all")))
    with pytest.raises(InputError, match="quote not in the contract"):
        apply_adjudications(label_file(tmp_path), TEXT, adjudications, dataset="contractnli", doc="7")


@pytest.mark.parametrize(("body", "message"), [
    ("cuad: [{doc: a, clause: b, status: present, quote: q}]", "expected exactly the keys"),
    ("cuad: [{doc: a, clause: b, status: maybe, quote: q, why: w}]", "status `maybe`"),
    ("other: []", "expected a mapping with the keys"),
    (ONE + ONE.removeprefix("contractnli:\n"), "adjudicated twice"),
    ("cuad: [", "not valid YAML"),
])
def test_bad_files(tmp_path: Path, body: str, message: str) -> None:
    with pytest.raises(InputError, match=message):
        load_adjudications(write(tmp_path, body))


@pytest.mark.skipif(not (CNLI / "dev.json").is_file() or not (CUAD / "labels.json").is_file(),
                    reason=f"the public datasets are not at {CNLI.parent}")
def test_the_committed_adjudications_hold_on_the_data(tmp_path: Path) -> None:
    """Every adjudication (CUAD and ContractNLI) quotes its contract and corrects a label the dataset
    gave: one that changes nothing, or excludes a clause that was not labelled, is stale."""
    adjudications = load_adjudications(default_adjudications())
    assert {a.dataset for a in adjudications} == {"cuad", "contractnli"}
    docs = {("contractnli", lf.contract.stem.removeprefix("contractnli-")): (lf, text)
            for lf, text in contractnli_label_files(load_contractnli(CNLI), out_dir=tmp_path)}
    quoted = sorted({a.doc for a in adjudications if a.dataset == "cuad"})
    for lf in cuad_label_files(load_cuad(CUAD), txt_dir=CUAD / "txt", out_dir=tmp_path, names=quoted):
        docs["cuad", lf.contract.stem] = (lf, lf.contract.read_text(encoding="utf-8", errors="replace"))
    for a in adjudications:
        lf, text = docs[a.dataset, a.doc]
        assert lf.labels.get(a.clause) != a.status, f"{a.dataset} {a.doc} / {a.clause}: changes nothing"
        fixed = apply_adjudications(lf, text, adjudications, dataset=a.dataset, doc=a.doc)
        assert fixed.labels.get(a.clause) == a.status
