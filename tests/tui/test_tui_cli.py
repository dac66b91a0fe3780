"""``clausecheck tui FILE``: what the command checks before the app opens, and what it hands the app."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

import clausecheck.library
from clausecheck.cli import main
from clausecheck.tui.app import ClauseCheckApp
from tui.helpers import FIXTURES


@pytest.fixture
def opened(monkeypatch: pytest.MonkeyPatch) -> list[ClauseCheckApp]:
    """The apps the command would have run (not run: no terminal in tests)."""
    apps: list[ClauseCheckApp] = []
    monkeypatch.setattr(ClauseCheckApp, "run", lambda self, *a, **kw: apps.append(self))
    return apps


def test_an_unknown_playbook_is_one_line_before_the_app_opens(tmp_path: Path, capfd: pytest.CaptureFixture[str],
                                                               opened: list[ClauseCheckApp]) -> None:
    contract = shutil.copy(FIXTURES / "ja_small.txt", tmp_path / "ja_small.txt")
    with pytest.raises(SystemExit) as done:
        main(["tui", str(contract), "--playbook", "no_such_playbook"])
    assert done.value.code == 2 and not opened
    err = capfd.readouterr().err.strip()
    assert err.startswith("clausecheck: error: ") and "no_such_playbook" in err and len(err.splitlines()) == 1


def test_a_missing_playbook_file_is_one_line_before_the_app_opens(
        tmp_path: Path, capfd: pytest.CaptureFixture[str], opened: list[ClauseCheckApp]) -> None:
    contract = shutil.copy(FIXTURES / "ja_small.txt", tmp_path / "ja_small.txt")
    with pytest.raises(SystemExit) as done:
        main(["tui", str(contract), "--playbook", str(tmp_path / "ours.yaml")])
    assert done.value.code != 0 and not opened
    err = capfd.readouterr().err.strip()
    assert err.startswith("clausecheck: error: ") and "ours.yaml" in err and len(err.splitlines()) == 1


def test_the_library_that_checked_the_playbook_is_the_apps(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                           opened: list[ClauseCheckApp]) -> None:
    contract = shutil.copy(FIXTURES / "ja_small.txt", tmp_path / "ja_small.txt")
    loads: list[object] = []
    load = clausecheck.library.load_library
    monkeypatch.setattr(clausecheck.library, "load_library", lambda *a, **kw: loads.append(a) or load(*a, **kw))
    with pytest.raises(SystemExit) as done:
        main(["tui", str(contract), "--playbook", "nda"])
    assert done.value.code == 0 and len(opened) == 1
    app = opened[0]
    assert app.options.playbook == "nda" and "nda" in app.engine.library().playbooks
    assert len(loads) == 1  # loaded once, by the command; the app's scans reuse it
