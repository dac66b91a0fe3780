"""Atomic writes: whole or nothing, with the permissions of any new file."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from clausecheck.atomic import write_text, write_with


def test_replaces_the_target_whole(tmp_path: Path) -> None:
    target = tmp_path / "memo.md"
    target.write_text("old", encoding="utf-8")
    write_text(target, "新しい memo")
    assert target.read_text(encoding="utf-8") == "新しい memo"
    assert [p.name for p in tmp_path.iterdir()] == ["memo.md"]  # no temporary file left


def test_a_failing_writer_leaves_the_old_file_and_no_temporary(tmp_path: Path) -> None:
    target = tmp_path / "r.json"
    target.write_text("old", encoding="utf-8")

    def boom(tmp: Path) -> None:
        tmp.write_text("half", encoding="utf-8")
        raise RuntimeError("interrupted")

    with pytest.raises(RuntimeError):
        write_with(target, boom)
    assert target.read_text(encoding="utf-8") == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["r.json"]


def test_permissions_follow_the_umask(tmp_path: Path) -> None:
    old = os.umask(0o022)
    try:
        write_text(tmp_path / "a.txt", "x")
    finally:
        os.umask(old)
    assert (tmp_path / "a.txt").stat().st_mode & 0o777 == 0o644
