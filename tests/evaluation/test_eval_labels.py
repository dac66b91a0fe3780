"""Loading label files: the happy path, every error with a clear message, folder discovery."""

from __future__ import annotations

from pathlib import Path

import pytest

from clausecheck.errors import InputError, UsageError
from clausecheck.evaluation.labels import discover_labels, dump_labels, load_labels

GOOD = """\
file: ja_nda.docx
playbook: nda
our_party: 甲
labels:
  confidentiality_obligation: present
  return_or_destruction: weak
  change_of_control: missing
notes:
  return_or_destruction: 証明書なし
"""


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_loads_a_labels_file(tmp_path: Path) -> None:
    lf = load_labels(write(tmp_path / "sub" / "ja_nda.labels.yaml", GOOD))
    assert lf.contract == tmp_path / "sub" / "ja_nda.docx"  # relative to the labels file
    assert lf.playbook == "nda" and lf.our_party == "甲" and lf.grading == "full"
    assert list(lf.labels.items()) == [
        ("confidentiality_obligation", "present"), ("return_or_destruction", "weak"),
        ("change_of_control", "missing")]
    assert lf.notes["return_or_destruction"] == "証明書なし"


def test_absolute_file_defaults_and_detection_only(tmp_path: Path) -> None:
    text = "file: /data/x.txt\ngrading: detection_only\nlabels: {change_of_control: present}\n"
    lf = load_labels(write(tmp_path / "x.labels.yaml", text))
    assert lf.contract == Path("/data/x.txt")
    assert lf.playbook == "all" and lf.our_party is None and lf.grading == "detection_only"


def test_playbook_file_is_relative_to_the_labels_file(tmp_path: Path) -> None:
    text = "file: x.txt\nplaybook: ../pb/ours.yaml\nlabels: {change_of_control: present}\n"
    lf = load_labels(write(tmp_path / "set" / "x.labels.yaml", text))
    assert lf.playbook == str(tmp_path / "set" / ".." / "pb" / "ours.yaml")


def test_dump_then_load_round_trips(tmp_path: Path) -> None:
    lf = load_labels(write(tmp_path / "a.labels.yaml", GOOD))
    again = load_labels(write(tmp_path / "b.labels.yaml", dump_labels(lf)))
    assert again.contract == lf.contract and again.labels == lf.labels and again.notes == lf.notes
    assert (again.playbook, again.our_party, again.grading) == (lf.playbook, lf.our_party, lf.grading)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (GOOD.replace("weak", "strong"), "unknown status `strong` for clause `return_or_destruction`"),
        (GOOD.replace("playbook:", "playbok:"), "unknown key `playbok`"),
        (GOOD.replace("file: ja_nda.docx\n", ""), "`file` is missing"),
        ("file: a.txt\nlabels: {}\n", "`labels` must map clause ids"),
        ("file: a.txt\ngrading: strength\nlabels: {x: present}\n", "unknown grading `strength`"),
        ("- a\n- b\n", "is not a mapping"),
        ("file: a.txt\nlabels: {x: present\n", "not valid YAML"),
        ("file: a.txt\nlabels: {x: present}\nnotes: [a]\n", "`notes` must map"),
    ],
)
def test_bad_labels_file_gives_a_clear_message(tmp_path: Path, text: str, message: str) -> None:
    path = write(tmp_path / "bad.labels.yaml", text)
    with pytest.raises(InputError) as exc:
        load_labels(path)
    assert message in exc.value.one_line()
    assert str(path) in exc.value.one_line()


def test_missing_labels_file(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such labels file"):
        load_labels(tmp_path / "nope.labels.yaml")


def test_unknown_status_hint_lists_the_statuses(tmp_path: Path) -> None:
    with pytest.raises(InputError) as exc:
        load_labels(write(tmp_path / "a.labels.yaml", GOOD.replace("weak", "absent")))
    assert exc.value.hint == "use present, weak or missing"


def test_discovery_walks_folders_and_keeps_files(tmp_path: Path) -> None:
    a = write(tmp_path / "set" / "a.labels.yaml", GOOD)
    b = write(tmp_path / "set" / "deep" / "b.labels.yaml", GOOD)
    write(tmp_path / "set" / "notes.yaml", GOOD)  # not a labels file by name
    single = write(tmp_path / "other.yaml", GOOD)  # named explicitly: taken whatever its name
    found = discover_labels([tmp_path / "set", single, a])
    assert found == [a.resolve(), b.resolve(), single.resolve()]  # `a` given twice: once


def test_discovery_errors(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    with pytest.raises(UsageError, match=r"no \*\.labels\.yaml files"):
        discover_labels([tmp_path / "empty"])
    with pytest.raises(UsageError, match="no such file or folder"):
        discover_labels([tmp_path / "missing"])
