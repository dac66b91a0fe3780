"""`clausecheck batch` and `clausecheck report` as a user runs them: exit codes, summary, exports,
one-line errors, and a batch killed with SIGKILL (or stopped with Ctrl-C) then resumed."""

from __future__ import annotations

import contextlib
import json
import os
import signal
import sqlite3
import subprocess
import time
from pathlib import Path

import pytest

from batch.archives import (
    BROKEN,
    FILES,
    GOOD,
    clausecheck_cmd,
    clean_env,
    en_contract,
    ja_contract,
    run_cli,
    skip_if_engine_changed,
)


def test_batch_records_failures_and_exits_2_with_a_summary(archive: Path, tmp_path: Path) -> None:
    db, out = tmp_path / "r.sqlite", tmp_path / "out.jsonl"
    result = run_cli("batch", str(archive), "--db", str(db), "-j", "1", "-o", str(out))
    assert result.returncode == 2, result.stderr
    assert f"{FILES} files: {GOOD} scanned, 0 unchanged, 1 duplicates, {BROKEN} failed" in result.stderr
    assert "broken.docx" in result.stderr and "Traceback" not in result.stderr
    assert "ignored 3 other files (hidden 2, .pdf 1)" in result.stderr
    lines = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert len(lines) == FILES
    assert sum(1 for line in lines if "error" in line) == BROKEN
    assert all(line["findings"] for line in lines if "error" not in line)


def test_batch_of_good_files_exits_0_and_a_rerun_says_unchanged(tmp_path: Path) -> None:
    folder = tmp_path / "good"
    folder.mkdir()
    for n in range(3):
        (folder / f"c{n}.txt").write_text(en_contract(n + 1), encoding="utf-8")
    db = tmp_path / "r.sqlite"
    assert run_cli("batch", str(folder), "--db", str(db), "-j", "1").returncode == 0
    again = run_cli("batch", str(folder), "--db", str(db), "-j", "1")
    assert again.returncode == 0
    skip_if_engine_changed(db)
    assert "3 files: 0 scanned, 3 unchanged" in again.stderr


@pytest.mark.parametrize(("args", "message"), [
    (("batch", "{archive}", "--format", "xlsx"), "--format xlsx needs -o FILE.xlsx"),
    (("batch", "{archive}", "-o", "{tmp}/out.txt"), "cannot tell the format from the extension"),
    (("batch", "{tmp}/nowhere"), "no such file or folder"),
    (("batch", "{archive}", "--db", "{tmp}/no/such/dir/r.sqlite"), "does not exist"),
    (("batch", "{archive}", "--db", "{archive}/license.docx"), "not a clausecheck results store"),
    (("batch", "{archive}", "--playbook", "no_such"), "no_such"),
    (("report", "{tmp}/missing.sqlite"), "no such results store"),
    (("report", "{archive}/license.docx"), "not a clausecheck results store"),
    (("report", "{tmp}/r.sqlite", "-o", "{tmp}/r.sqlite", "--format", "csv"), "-o {tmp}/r.sqlite is one of the inputs"),
    (("batch", "{archive}", "--db", "{tmp}/r.sqlite", "-o", "{tmp}/r.sqlite", "--format", "csv"),
     "is one of the inputs"),
])
def test_bad_command_lines_are_one_line_errors(archive: Path, tmp_path: Path, args: tuple[str, ...],
                                               message: str) -> None:
    before = sorted(p.name for p in archive.rglob("*"))
    result = run_cli(*(a.format(archive=archive, tmp=tmp_path) for a in args), cwd=tmp_path)
    assert result.returncode == 2
    assert message.format(tmp=tmp_path) in result.stderr
    assert "Traceback" not in result.stderr
    assert sorted(p.name for p in archive.rglob("*")) == before  # nothing written into the archive


def test_report_shows_the_portfolio(scanned: tuple[Path, Path]) -> None:
    _, db = scanned
    result = run_cli("report", str(db))
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert f"{FILES} files, {GOOD} distinct contracts scanned, {BROKEN} failed" in out
    assert "Missing · weak (% of the type's contracts)" in out
    assert "Contracts missing high-severity clauses:" in out
    assert f"Errors: {BROKEN}" in out and "broken.docx" in out and "E1" in out


def test_report_exports_to_files(scanned: tuple[Path, Path], tmp_path: Path) -> None:
    _, db = scanned
    for name in ("all.csv", "all.jsonl", "all.xlsx", "portfolio.txt"):
        result = run_cli("report", str(db), "-o", str(tmp_path / name), *(["--format", "text"]
                                                                         if name.endswith(".txt") else []))
        assert result.returncode == 0, result.stderr
        assert (tmp_path / name).stat().st_size > 0
    assert not list(tmp_path.glob(".*"))  # no temporary file left behind


@pytest.mark.skipif(not Path("/proc/self").is_dir(), reason="needs Linux's /proc (unwritable even for root)")
@pytest.mark.parametrize("name", ["all.csv", "all.xlsx", "portfolio.txt"])
def test_an_output_that_cannot_be_written_is_a_one_line_error(scanned: tuple[Path, Path], name: str) -> None:
    _, db = scanned
    result = run_cli("report", str(db), "-o", f"/proc/{name}", *(["--format", "text"] if name.endswith(".txt") else []))
    assert result.returncode == 2
    assert f"-o /proc/{name}: cannot write it" in result.stderr and "Traceback" not in result.stderr


def make_slow_archive(root: Path, n: int = 40) -> Path:
    root.mkdir()
    for i in range(n):
        text = ja_contract(i + 1) if i % 2 else en_contract(i + 1)
        (root / f"contract-{i:02d}.txt").write_text(text, encoding="utf-8")
    return root


def contracts_in(db: Path) -> int:
    try:
        with sqlite3.connect(f"{db.resolve().as_uri()}?mode=ro", uri=True) as conn:
            return int(conn.execute("SELECT count(*) FROM contracts").fetchone()[0])
    except sqlite3.Error:
        return 0


def stop_batch(folder: Path, db: Path, sig: signal.Signals, *, after: int, timeout: float = 60) -> tuple[int, str]:
    """Start ``clausecheck batch`` on ``folder``, send it ``sig`` once the store holds ``after``
    contracts, and wait for it: ``(exit code, stderr)``."""
    proc = subprocess.Popen(clausecheck_cmd("batch", str(folder), "--db", str(db), "-j", "1", "--no-progress"),
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, start_new_session=True,
                            env=clean_env())
    try:
        deadline = time.monotonic() + timeout
        while contracts_in(db) < after:
            if proc.poll() is not None or time.monotonic() > deadline:
                raise AssertionError(f"the batch did not store {after} contracts in time (exit {proc.poll()})")
            time.sleep(0.02)
        os.kill(proc.pid, sig)
        # The workers hold stderr too: this also waits for them, so a worker that outlives its
        # killed coordinator fails the test (by the timeout) instead of lingering.
        _, err = proc.communicate(timeout=timeout)
    finally:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(proc.pid, signal.SIGKILL)  # the batch's own session: whatever is left of it
    return proc.returncode, err


def test_a_batch_killed_with_sigkill_resumes_with_every_contract_exactly_once(tmp_path: Path) -> None:
    folder = make_slow_archive(tmp_path / "archive")
    db = tmp_path / "r.sqlite"
    stop_batch(folder, db, signal.SIGKILL, after=3)  # the coordinator, as `kill -9` would
    done_before = contracts_in(db)
    assert 3 <= done_before < 40, "killed mid-way"
    resumed = run_cli("batch", str(folder), "--db", str(db), "-j", "1")
    assert resumed.returncode == 0, resumed.stderr
    skip_if_engine_changed(db)
    assert f"40 files: {40 - done_before} scanned, {done_before} unchanged" in resumed.stderr
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT count(*), count(DISTINCT sha256) FROM contracts").fetchone() == (40, 40)
        assert conn.execute("SELECT count(*) FROM files WHERE present = 1").fetchone() == (40,)
        # Findings of each contract are whole: positions 0..n-1, never a half-written set.
        for count, top in conn.execute("SELECT count(*), max(position) FROM findings GROUP BY contract_id"):
            assert top == count - 1
        assert conn.execute("SELECT count(DISTINCT contract_id) FROM findings").fetchone() == (40,)
        assert [s for (s,) in conn.execute("SELECT status FROM runs ORDER BY id")] == ["running", "done"]


def test_ctrl_c_saves_what_is_running_and_exits_130(tmp_path: Path) -> None:
    folder = make_slow_archive(tmp_path / "archive")
    db = tmp_path / "r.sqlite"
    code, err = stop_batch(folder, db, signal.SIGINT, after=2)
    assert code == 130, err
    assert "stopped: 40 files" in err and "run the same command again" in err
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT status FROM runs").fetchone() == ("interrupted",)
        done_before = conn.execute("SELECT count(*) FROM contracts").fetchone()[0]
    resumed = run_cli("batch", str(folder), "--db", str(db), "-j", "1")
    skip_if_engine_changed(db)
    assert f"{40 - done_before} scanned, {done_before} unchanged" in resumed.stderr
