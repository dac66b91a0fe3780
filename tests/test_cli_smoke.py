"""The console script starts, answers --version and --help, and reports usage errors with exit 2."""

from __future__ import annotations

import subprocess
import sys

from clausecheck import __version__
from clausecheck.resources import library_dir, playbooks_dir


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", "from clausecheck.cli import main; main()", *args],
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_version() -> None:
    result = run("--version")
    assert result.returncode == 0
    assert __version__ in result.stdout


def test_unknown_command_is_a_usage_error() -> None:
    result = run("no-such-command")
    assert result.returncode == 2
    assert "no-such-command" in result.stderr
    assert "Traceback" not in result.stderr


def test_bundled_data_folders_are_found() -> None:
    assert (library_dir() / "meta.yaml").is_file()
    assert playbooks_dir().is_dir()
