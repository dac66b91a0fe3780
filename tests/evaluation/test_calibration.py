"""The CUAD and ContractNLI adapters on a small slice of the real data (``../shared/data``)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from clausecheck.calibration.cli import calibration
from clausecheck.calibration.contractnli import combine, contractnli_label_files, load_contractnli
from clausecheck.calibration.cuad import cuad_label_files, load_cuad
from clausecheck.calibration.write import check_out_dir, write_label_files
from clausecheck.errors import InputError, UsageError
from clausecheck.evaluation.labels import load_labels

REPO = Path(__file__).resolve().parents[2]
DATA = REPO.parent / "shared" / "data"
CUAD, CNLI = DATA / "cuad-dev", DATA / "contractnli-dev"
needs_data = pytest.mark.skipif(not (CUAD / "labels.json").is_file() or not (CNLI / "dev.json").is_file(),
                                reason=f"the public datasets are not at {DATA} (CI puts ../shared beside the checkout)")

# The correspondence table of shared/data/README.md, written out again so the adapter is checked
# against the table rather than against itself.
CUAD_TABLE = {
    "change_of_control": ["Change Of Control"],
    "audit_and_inspection": ["Audit Rights"],
    "assignment_restriction": ["Anti-Assignment"],
    "competing_activity_restriction": ["Non-Compete", "Exclusivity"],
    "non_solicitation_of_personnel": ["No-Solicit Of Employees"],
    "ip_ownership_of_results": ["Ip Ownership Assignment", "Joint Ip Ownership"],
    "governing_law_and_jurisdiction": ["Governing Law"],
    "contract_term_and_renewal": ["Renewal Term", "Expiration Date", "Notice Period To Terminate Renewal"],
    "sublicense_restriction": ["Non-Transferable License"],
}


@pytest.fixture(scope="module")
def cuad() -> dict[str, dict[str, list[str]]]:
    return load_cuad(CUAD)


@pytest.fixture(scope="module")
def cnli() -> dict[str, object]:
    return load_contractnli(CNLI)


@needs_data
def test_cuad_labels_follow_the_annotations(cuad: dict[str, dict[str, list[str]]], tmp_path: Path) -> None:
    names = sorted(cuad)[:3]
    files = cuad_label_files(cuad, txt_dir=CUAD / "txt", out_dir=tmp_path, names=names)
    assert [f.path.name for f in files] == [f"{n}.labels.yaml" for n in names]
    for name, lf in zip(names, files, strict=True):
        assert lf.contract.is_file() and lf.contract.name == f"{name}.txt"
        assert lf.grading == "detection_only" and lf.playbook == "all"
        for clause_id, categories in CUAD_TABLE.items():
            annotated = any(cuad[name].get(c) for c in categories)
            assert lf.labels[clause_id] == ("present" if annotated else "missing"), (name, clause_id)
        assert set(lf.labels) == set(CUAD_TABLE)


@needs_data
def test_cuad_hand_checked_contract(cuad: dict[str, dict[str, list[str]]], tmp_path: Path) -> None:
    # Read by hand: the Adaptimmune/MD Anderson alliance has audit rights and an assignment ban
    # but no change-of-control clause and no employee non-solicit.
    name = "ADAPTIMMUNETHERAPEUTICSPLC_04_06_2017-EX-10.11-STRATEGIC ALLIANCE AGREEMENT"
    (lf,) = cuad_label_files(cuad, txt_dir=CUAD / "txt", out_dir=tmp_path, names=[name])
    assert lf.labels["audit_and_inspection"] == "present"
    assert lf.labels["assignment_restriction"] == "present"
    assert lf.labels["change_of_control"] == "missing"
    assert lf.labels["non_solicitation_of_personnel"] == "missing"
    assert "may not be assigned" in lf.notes["assignment_restriction"]
    with pytest.raises(InputError, match="no contract `nope`"):
        cuad_label_files(cuad, txt_dir=CUAD / "txt", out_dir=tmp_path, names=["nope"])


def expected_cnli(annotations: dict[str, dict[str, object]]) -> dict[str, str]:
    """The documented ContractNLI decisions, restated from the raw choices."""
    choice = {k: v["choice"] for k, v in annotations.items()}
    out: dict[str, str] = {}
    for key, clause in [("nda-4", "purpose_limitation"), ("nda-11", "reverse_engineering_prohibition"),
                        ("nda-16", "return_or_destruction"), ("nda-19", "survival_of_obligations"),
                        ("nda-18", "non_solicitation_of_personnel")]:
        if choice[key] != "Contradiction":
            out[clause] = "present" if choice[key] == "Entailment" else "missing"
    if choice["nda-7"] != "NotMentioned":
        out["confidentiality_obligation"] = "present"
    if choice["nda-1"] != "NotMentioned" or choice["nda-3"] != "NotMentioned":
        out["confidential_info_definition"] = "present"
    return out


@needs_data
def test_contractnli_labels_follow_the_annotations(cnli: dict[str, object], tmp_path: Path) -> None:
    docs = {d["id"]: d for d in cnli["documents"]}  # type: ignore[attr-defined]
    items = contractnli_label_files(cnli, out_dir=tmp_path, limit=3)
    assert len(items) == 3
    for lf, text in items:
        doc_id = int(lf.path.name.split("-")[1].split(".")[0])
        doc = docs[doc_id]
        assert text == doc["text"] and lf.contract == tmp_path / f"contractnli-{doc_id}.txt"
        assert dict(lf.labels) == expected_cnli(doc["annotation_sets"][0]["annotations"])
        assert lf.grading == "detection_only" and lf.playbook == "nda"


@needs_data
def test_contractnli_exclusions_are_noted(cnli: dict[str, object], tmp_path: Path) -> None:
    items = contractnli_label_files(cnli, out_dir=tmp_path)
    assert len(items) == 61
    # Document 3 read by hand: everything but a non-solicitation clause.
    lf3 = next(lf for lf, _ in items if lf.path.name == "contractnli-3.labels.yaml")
    assert lf3.labels["non_solicitation_of_personnel"] == "missing"
    assert all(s == "present" for c, s in lf3.labels.items() if c != "non_solicitation_of_personnel")
    excluded = [lf for lf, _ in items if "purpose_limitation" not in lf.labels]
    assert len(excluded) == 3  # the three nda-4 Contradictions
    assert all("nda-4 Contradiction" in lf.notes["purpose_limitation"] for lf in excluded)
    assert all("(excluded)" in lf.notes["purpose_limitation"] for lf in excluded)


def test_combine() -> None:
    assert combine(["present", None]) == "present"
    assert combine(["missing", "missing"]) == "missing"
    assert combine(["missing", None]) is None
    assert combine([None, None]) is None


@needs_data
def test_written_files_load_back(cnli: dict[str, object], cuad: dict[str, dict[str, list[str]]],
                                 tmp_path: Path) -> None:
    items = contractnli_label_files(cnli, out_dir=tmp_path / "cnli", limit=2)
    cuad_files = cuad_label_files(cuad, txt_dir=CUAD / "txt", out_dir=tmp_path / "cuad", names=sorted(cuad)[:1])
    assert write_label_files([*items, *((lf, None) for lf in cuad_files)]) == 3
    for lf, text in items:
        again = load_labels(lf.path)
        assert again.contract.read_text(encoding="utf-8") == text
        assert again.labels == lf.labels and again.grading == "detection_only"
        assert again.path.parent / again.contract.name == again.contract  # relative `file:` beside it
    again = load_labels(cuad_files[0].path)
    assert again.contract == cuad_files[0].contract and again.contract.is_file()  # not copied


def test_output_inside_the_checkout_or_the_data_is_refused(tmp_path: Path) -> None:
    with pytest.raises(UsageError, match="clausecheck checkout"):
        check_out_dir(REPO / "calibration" / "out", data_dir=tmp_path / "data")
    with pytest.raises(UsageError, match="source data"):
        check_out_dir(tmp_path / "data" / "out", data_dir=tmp_path / "data")
    check_out_dir(tmp_path / "out", data_dir=tmp_path / "data")  # fine


@needs_data
def test_cli_writes_both_sets(tmp_path: Path) -> None:
    result = CliRunner().invoke(calibration, ["all", "--data", str(DATA), "--out", str(tmp_path), "--limit", "2"])
    assert result.exit_code == 0, result.output
    assert len(list((tmp_path / "cuad").glob("*.labels.yaml"))) == 2
    assert len(list((tmp_path / "contractnli").glob("*.txt"))) == 2
    assert "next: clausecheck eval" in result.output
    bad = CliRunner().invoke(calibration, ["cuad", "--data", str(tmp_path / "none"), "--out", str(tmp_path / "o")])
    assert bad.exit_code == 2 and "labels.json: not found" in bad.output


def test_labels_json_shape_is_checked(tmp_path: Path) -> None:
    (tmp_path / "labels.json").write_text(json.dumps({"x": ["not", "a", "mapping"]}), encoding="utf-8")
    with pytest.raises(InputError, match="expected contract name"):
        load_cuad(tmp_path)


def test_cli_applies_adjudications_reading_only_the_contracts_they_quote(tmp_path: Path) -> None:
    """A made-up CUAD slice: `b`'s text is absent, and only `a` is adjudicated, so only `a` is read."""
    cuad = tmp_path / "data" / "cuad-dev"
    (cuad / "txt").mkdir(parents=True)
    (cuad / "labels.json").write_text(json.dumps({"a": {}, "b": {"Governing Law": ["the laws of Delaware"]}}),
                                      encoding="utf-8")
    (cuad / "txt" / "a.txt").write_text("12. Law. This Agreement is governed by\nthe laws of Japan.", encoding="utf-8")
    adjudications = tmp_path / "adj.yaml"
    adjudications.write_text("cuad:\n  - {doc: a, clause: governing_law_and_jurisdiction, status: present,\n"
                             "     quote: governed by the laws of Japan, why: CUAD missed it}\n", encoding="utf-8")
    args = ["cuad", "--data", str(tmp_path / "data"), "--out", str(tmp_path / "out"), "--adjudications",
            str(adjudications)]
    result = CliRunner().invoke(calibration, args)
    assert result.exit_code == 0, result.output
    a = load_labels(tmp_path / "out" / "cuad" / "a.labels.yaml")
    assert a.labels["governing_law_and_jurisdiction"] == "present"
    assert a.notes["governing_law_and_jurisdiction"].startswith("adjudicated missing → present: CUAD missed it")
    b = load_labels(tmp_path / "out" / "cuad" / "b.labels.yaml")
    assert b.labels["governing_law_and_jurisdiction"] == "present" and "adjudicated" not in b.notes.get(
        "governing_law_and_jurisdiction", "")
    (cuad / "txt" / "a.txt").unlink()  # the quoted contract itself is unreadable: one line, exit 2
    result = CliRunner().invoke(calibration, args)
    assert result.exit_code == 2 and "a.txt: cannot read the contract an adjudication quotes" in result.output
