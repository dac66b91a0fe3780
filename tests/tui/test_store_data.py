"""The store grid's data layer without the UI: sorting, filtering, review options, files, bad stores."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from clausecheck.errors import UsageError
from clausecheck.tui.data.pipeline import ScanOptions
from clausecheck.tui.data.store import GridRow, common_folder, load_store, looks_like_store, parse_request, short_labels
from clausecheck.tui.data.store_text import detail_text, state_text
from clausecheck.tui.data.store_view import (
    GridFilter,
    GridSort,
    changed_note,
    check_file,
    clip,
    error_text,
    neighbour,
    review_options,
    shorten,
    visible_rows,
)
from tui.store_helpers import row

ROWS = [
    row("b/nda.docx", {"confidentiality_obligation": "present", "change_of_control": "missing"},
        contract_type="nda", language="en"),
    row("d/license.docx", {"confidentiality_obligation": "weak", "change_of_control": "missing",
                           "audit_and_inspection": "missing"}),
    row("a/supply.docx", {"confidentiality_obligation": "present", "change_of_control": "present"},
        contract_type="supply"),
    row("c/broken.docx", error="/archive/c/broken.docx: is not a Word .docx file", error_code="E106"),
]
"""Named so that the path order (supply, nda, broken, license) is none of the sort orders tested."""
BY_PATH = ["a/supply.docx", "b/nda.docx", "c/broken.docx", "d/license.docx"]


def shown(rows: list[GridRow]) -> list[str]:
    return [r.record.shown for r in rows]


def test_default_order_is_by_path() -> None:
    assert shown(visible_rows(ROWS, GridFilter(), GridSort())) == BY_PATH
    assert shown(visible_rows(ROWS, GridFilter(), GridSort("path", reverse=True)))[0] == "d/license.docx"


@pytest.mark.parametrize(("key", "expected"), [
    ("missing", ["d/license.docx", "b/nda.docx", "a/supply.docx", "c/broken.docx"]),
    ("present", ["d/license.docx", "b/nda.docx", "a/supply.docx", "c/broken.docx"]),  # a failed file last
    ("high", ["c/broken.docx", "d/license.docx", "b/nda.docx", "a/supply.docx"]),  # a failed file first
    ("type", ["d/license.docx", "b/nda.docx", "a/supply.docx", "c/broken.docx"]),
    ("clause:change_of_control", ["b/nda.docx", "d/license.docx", "a/supply.docx", "c/broken.docx"]),
    ("clause:confidentiality_obligation", ["d/license.docx", "a/supply.docx", "b/nda.docx", "c/broken.docx"]),
    ("clause:audit_and_inspection", ["d/license.docx", "a/supply.docx", "b/nda.docx", "c/broken.docx"]),
])
def test_sort_puts_the_worst_first(key: str, expected: list[str]) -> None:
    assert expected != BY_PATH  # else a sort that ignored its key would pass
    assert shown(visible_rows(ROWS, GridFilter(), GridSort(key))) == expected


def test_sort_again_reverses() -> None:
    once = GridSort().toward("missing")
    twice = once.toward("missing")
    assert (once.reverse, twice.reverse) == (False, True)
    assert shown(visible_rows(ROWS, GridFilter(), twice))[-1] == "d/license.docx"
    assert twice.toward("weak") == GridSort("weak")


def test_filters_combine_and_toggle() -> None:
    by_type = GridFilter().toggle_type("license")
    assert shown(visible_rows(ROWS, by_type, GridSort())) == ["d/license.docx"]
    assert by_type.toggle_type("license") == GridFilter()
    missing = GridFilter().toggle_missing("change_of_control")
    assert shown(visible_rows(ROWS, missing, GridSort())) == ["b/nda.docx", "d/license.docx"]
    both = missing.toggle_type("nda")
    assert shown(visible_rows(ROWS, both, GridSort())) == ["b/nda.docx"]
    errors = GridFilter().toggle_errors()
    assert shown(visible_rows(ROWS, errors, GridSort())) == ["c/broken.docx"]
    assert not errors.toggle_errors().active and errors.active


def test_neighbour_follows_the_shown_order() -> None:
    rows = visible_rows(ROWS, GridFilter(), GridSort())
    assert neighbour(rows, rows[0].key, 1) is rows[1]
    assert neighbour(rows, rows[0].key, -1) is None
    assert neighbour(rows, rows[-1].key, 1) is None
    assert neighbour(rows, "/elsewhere", 1) is None


def test_review_uses_the_stores_playbook_and_view_unless_chosen() -> None:
    stored = row("x.docx", {}, playbook="license", view="original")
    options, note = review_options(stored, ScanOptions(), chosen=frozenset(), playbooks={"license", "nda"})
    assert (options.playbook, options.view, note) == ("license", "original", None)
    chosen, _ = review_options(stored, ScanOptions(playbook="nda", view="accepted"),
                               chosen=frozenset({"playbook", "view"}), playbooks={"license", "nda"})
    assert (chosen.playbook, chosen.view) == ("nda", "accepted")
    unknown, note = review_options(stored, ScanOptions(), chosen=frozenset(), playbooks={"nda"})
    assert unknown.playbook == "auto" and note and "license" in note
    from_file, note = review_options(row("y.docx", {}, playbook="mine", requested="file:mine.yaml:ab12"),
                                     ScanOptions(), chosen=frozenset(), playbooks={"mine"})
    assert from_file.playbook == "auto" and note


def test_request_parsing() -> None:
    assert parse_request("playbook=auto;view=original") == ("auto", "original")
    assert parse_request("playbook=file:p.yaml:abc;view=accepted") == ("file:p.yaml:abc", "accepted")
    assert parse_request(None) == ("auto", "accepted")


def test_short_labels_are_unique_and_short() -> None:
    from clausecheck.library import load_library

    ids = list(load_library(None).clauses)
    labels = short_labels(ids)
    assert len(set(labels.values())) == len(ids)
    assert all(1 <= len(v) <= 4 for v in labels.values())
    assert short_labels(["change_of_control", "confidentiality_obligation"]) == {
        "change_of_control": "CC", "confidentiality_obligation": "CO"}


def test_check_file_states(tmp_path: Path) -> None:
    import hashlib

    contract = tmp_path / "c.txt"
    contract.write_text("第1条 本契約", encoding="utf-8")
    digest = hashlib.sha256(contract.read_bytes()).hexdigest()
    r = row("c.txt", {}, path=str(contract), sha256=digest)
    assert check_file(r)[0] == "ok"
    assert changed_note(r, digest) is None
    contract.write_text("第1条 変更後", encoding="utf-8")
    assert check_file(r)[0] == "ok"  # still there: the review reads it and compares
    note = changed_note(r, hashlib.sha256(contract.read_bytes()).hexdigest())
    assert note and "c.txt changed since the batch" in note
    contract.unlink()
    state, message = check_file(r)
    assert state == "gone" and "c.txt" in message and "moved or deleted" in message
    contract.mkdir()
    assert check_file(r)[0] == "unreadable"


def test_texts_and_widths() -> None:
    broken = ROWS[3]
    assert error_text(broken) == "E106 is not a Word .docx file"
    assert "E106" in detail_text(broken, None, "", "en").splitlines()[1]
    lines = detail_text(ROWS[1], "clause:change_of_control", "Change of control", "en").splitlines()
    assert "d/license.docx" in lines[0] and "missing 2 · weak 1 · present 0" in lines[0]
    assert lines[1] == "change_of_control Change of control: Missing (severity high)"
    not_checked = detail_text(ROWS[2], "clause:audit_and_inspection", "", "en").splitlines()[1]
    assert "not checked" in not_checked
    state = state_text(2, 4, GridFilter(contract_type="nda", errors_only=True), GridSort("missing"), "en")
    assert state.startswith("2/4 shown · sort: Miss worst first · filter: type=nda, errors only")
    assert shorten("契約書/ライセンス契約書.docx", 12) == "…契約書.docx"
    assert clip("change_of_control, audit", 10) == "change_of…"
    assert common_folder(["archive/a.txt", "archive/sub/b.txt"]) == "archive/"
    assert common_folder(["archive/a.txt", "arch/b.txt"]) == ""


def test_looks_like_store(tmp_path: Path) -> None:
    assert looks_like_store(tmp_path / "missing.sqlite")
    odd = tmp_path / "results.store"
    sqlite3.connect(odd).execute("CREATE TABLE t (x)").connection.commit()
    assert looks_like_store(odd)
    text = tmp_path / "contract.txt"
    text.write_text("第1条", encoding="utf-8")
    assert not looks_like_store(text)


def _write(path: Path, kind: str) -> None:
    if kind == "empty":
        path.write_bytes(b"")
    elif kind == "text":
        path.write_text("not a database at all, just text " * 40, encoding="utf-8")
    elif kind == "foreign":
        conn = sqlite3.connect(path)
        conn.execute("CREATE TABLE notes (text TEXT)")
        conn.commit()
        conn.close()


@pytest.mark.parametrize(("name", "kind", "words"), [
    ("missing.sqlite", "none", "no such results store"),
    ("empty.sqlite", "empty", "empty results store"),
    ("text.sqlite", "text", "not a clausecheck"),
    ("foreign.sqlite", "foreign", "not a clausecheck results store"),
])
def test_bad_store_raises_a_one_line_usage_error(tmp_path: Path, name: str, kind: str, words: str) -> None:
    path = tmp_path / name
    _write(path, kind)
    with pytest.raises(UsageError) as err:
        load_store(path)
    assert words in err.value.message and "\n" not in err.value.one_line()


def test_a_folder_is_not_a_store(tmp_path: Path) -> None:
    with pytest.raises(UsageError, match="a folder"):
        load_store(tmp_path)
