"""Batch runs through the API: good, broken, duplicate and renamed files; skip, rescan, and what
changes a stored result's validity (library, engine, playbook)."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest

from batch.archives import BROKEN, DUPLICATES, FILES, GOOD, en_contract, skip_if_engine_changed
from clausecheck.batch import BatchOptions, StoreReader, run_batch
from clausecheck.errors import LibraryError, UsageError
from clausecheck.findings import SEVERITIES, STATUSES

ONE = BatchOptions(jobs=1)


def table_count(db: Path, table: str) -> int:
    with sqlite3.connect(db) as conn:
        return int(conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0])


def test_first_run_scans_good_files_once_and_records_every_failure(scanned: tuple[Path, Path]) -> None:
    _, db = scanned
    with StoreReader(db) as store:
        (run,) = store.runs()
        assert (run.status, run.files, run.scanned, run.skipped, run.failed) == ("done", FILES, GOOD, DUPLICATES,
                                                                                  BROKEN)
        assert run.usage["worker_peak_rss_kb"] > 0 and len(run.usage["samples"]) >= 1
        records = store.contracts()
        assert len(records) == FILES  # one row per current file, failures included
        errors = {Path(c.shown).name: c for c in store.errors()}
        assert set(errors) == {"broken.docx", "empty.txt"}
        assert all(c.error and c.error_code and c.error_code.startswith("E1") for c in errors.values())
        assert all(c.shown in (c.error or "") for c in errors.values())  # the message names the file
        ok = [c for c in records if c.ok]
        assert len({c.contract_id for c in ok}) == GOOD  # the duplicate shares its content's result
        assert {Path(c.shown).name for c in ok if c.duplicates} == {"nda.txt", "copy of nda.txt"}
        for c in ok:
            assert c.contract_id is not None
            findings = store.findings(c.contract_id)
            assert findings and c.missing + c.weak + c.present == len(findings)
            assert {f.status for f in findings} <= set(STATUSES)
            assert {f.severity for f in findings} <= set(SEVERITIES)
            assert all(0.0 <= f.confidence <= 1.0 for f in findings)
            assert all(f.as_dict()["clause_id"] == f.clause_id for f in findings)
            assert all(f.evidence_text for f in findings if f.status == "present")
            assert c.language in ("ja", "en") and c.playbook and c.library_version and c.engine_version
    # Content errors are stored with their content; every distinct content is one row.
    assert table_count(db, "contracts") == GOOD + BROKEN


def test_a_rerun_skips_everything_unchanged(scanned: tuple[Path, Path], store_copy: Path) -> None:
    archive, _ = scanned
    with sqlite3.connect(store_copy) as conn:
        before = conn.execute("SELECT id, scanned_at, run_id FROM contracts ORDER BY id").fetchall()
    again = run_batch([archive], db=store_copy, options=ONE)
    skip_if_engine_changed(store_copy)
    assert (again.scanned, again.unchanged, again.duplicate, again.failed) == (0, GOOD, DUPLICATES, BROKEN)
    assert again.worker_peak_rss_kb == 0  # no worker was started
    with sqlite3.connect(store_copy) as conn:
        after = conn.execute("SELECT id, scanned_at, run_id FROM contracts ORDER BY id").fetchall()
    assert after == before
    with StoreReader(store_copy) as store:
        assert [r.status for r in store.runs()] == ["done", "done"]
        assert len(store.contracts()) == FILES


def test_rescan_scans_everything_again_without_duplicating_rows(scanned: tuple[Path, Path], store_copy: Path) -> None:
    findings = table_count(store_copy, "findings")
    again = run_batch([scanned[0]], db=store_copy, options=BatchOptions(jobs=1, rescan=True))
    assert (again.scanned, again.duplicate, again.failed) == (GOOD, DUPLICATES, BROKEN)
    assert table_count(store_copy, "contracts") == GOOD + BROKEN
    assert table_count(store_copy, "findings") == findings


def test_renamed_moved_and_new_files(archive: Path, tmp_path: Path) -> None:
    db = tmp_path / "results.sqlite"
    run_batch([archive], db=db, options=ONE)
    (archive / "2023" / "nda.txt").rename(archive / "2023" / "nda (signed).txt")
    shutil.move(archive / "license.docx", archive / "2023" / "license-final.docx")
    (archive / "new.txt").write_text(en_contract(7), encoding="utf-8")
    again = run_batch([archive], db=db, options=ONE)
    skip_if_engine_changed(db)
    assert (again.scanned, again.unchanged, again.duplicate) == (1, GOOD, DUPLICATES)
    assert again.gone == 2
    with StoreReader(db) as store:
        shown = {Path(c.shown).name for c in store.contracts()}
    assert {"nda (signed).txt", "license-final.docx", "new.txt"} <= shown
    assert not {"nda.txt", "license.docx"} & shown  # gone from the portfolio, kept in the cache
    assert table_count(db, "contracts") == GOOD + BROKEN + 1


def test_files_left_out_by_exclude_stay_in_the_portfolio(scanned: tuple[Path, Path], store_copy: Path) -> None:
    again = run_batch([scanned[0]], db=store_copy, options=BatchOptions(jobs=1, exclude=("2023",)))
    assert again.files == FILES - 3 and again.gone == 0
    with StoreReader(store_copy) as store:
        assert len(store.contracts()) == FILES


def test_a_playbook_file_is_part_of_the_request(scanned: tuple[Path, Path], store_copy: Path, tmp_path: Path) -> None:
    playbook = tmp_path / "ours.yaml"
    playbook.write_text("id: ours\nextends: nda\ntitles: {ja: 当社NDA, en: Our NDA}\n", encoding="utf-8")
    with pytest.raises(LibraryError, match="does not exist"):
        run_batch([scanned[0]], db=store_copy, options=BatchOptions(jobs=1, playbook=str(tmp_path / "none.yaml")))
    first = run_batch([scanned[0]], db=store_copy, options=BatchOptions(jobs=1, playbook=str(playbook)))
    assert first.scanned == GOOD
    with StoreReader(store_copy) as store:
        assert {c.playbook for c in store.contracts() if c.ok} == {"ours"}


def test_library_and_engine_changes_trigger_a_rescan(scanned: tuple[Path, Path], store_copy: Path) -> None:
    archive, _ = scanned
    # As if the store had been written by the previous library release ...
    with sqlite3.connect(store_copy) as conn:
        conn.execute("UPDATE contracts SET library_version = '0.0.1'")
    again = run_batch([archive], db=store_copy, options=ONE)
    assert (again.scanned, again.unchanged, again.failed) == (GOOD, 0, BROKEN)
    with sqlite3.connect(store_copy) as conn:
        versions = {v for (v,) in conn.execute("SELECT library_version FROM contracts")}
    assert versions == {run_settings(store_copy)["library_version"]}
    # ... or by another engine.
    with sqlite3.connect(store_copy) as conn:
        conn.execute("UPDATE contracts SET engine_fingerprint = 'older'")
    assert run_batch([archive], db=store_copy, options=ONE).scanned == GOOD


def test_an_edited_library_with_the_same_version_triggers_a_rescan(
    scanned: tuple[Path, Path], store_copy: Path, tmp_path: Path
) -> None:
    ours = tmp_path / "our_library"
    (ours / "playbooks").mkdir(parents=True)
    (ours / "lexicon.yaml").write_text("{}\n", encoding="utf-8")
    again = run_batch([scanned[0]], db=store_copy, options=BatchOptions(jobs=1, library_dirs=(ours,)))
    assert again.scanned == GOOD
    assert run_settings(store_copy)["library_fingerprint"] != run_settings(store_copy, 1)["library_fingerprint"]
    assert run_settings(store_copy)["library_version"] == run_settings(store_copy, 1)["library_version"]


def test_another_playbook_is_another_result_and_becomes_the_current_one(
    scanned: tuple[Path, Path], store_copy: Path
) -> None:
    archive, _ = scanned
    again = run_batch([archive], db=store_copy, options=BatchOptions(jobs=1, playbook="nda"))
    assert again.scanned == GOOD
    with StoreReader(store_copy) as store:
        assert {c.playbook for c in store.contracts() if c.ok} == {"nda"}
    back = run_batch([archive], db=store_copy, options=ONE)
    skip_if_engine_changed(store_copy)
    assert back.scanned == 0  # the auto results are still stored
    with StoreReader(store_copy) as store:
        assert "nda" not in {c.playbook for c in store.contracts() if c.ok and c.contract_type != "nda"}


def test_an_unknown_playbook_fails_before_any_work(archive: Path, tmp_path: Path) -> None:
    db = tmp_path / "results.sqlite"
    with pytest.raises(UsageError):
        run_batch([archive], db=db, options=BatchOptions(playbook="no_such_playbook"))
    assert not db.exists()


def run_settings(db: Path, run: int | None = None) -> dict[str, str]:
    with StoreReader(db) as store:
        runs = store.runs()
    settings = (runs[-1] if run is None else runs[run - 1]).settings
    return {k: str(v) for k, v in settings.items()}
