"""Fixtures of the TUI tests (helpers in :mod:`tui.helpers`)."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from tui.helpers import FIXTURES, SAMPLES


@pytest.fixture
def sample(tmp_path: Path) -> Callable[[str], Path]:
    """Copy a sample contract into a temp folder (sidecars and exports go beside it)."""

    def copy(name: str) -> Path:
        source = SAMPLES / name if (SAMPLES / name).exists() else FIXTURES / name
        return Path(shutil.copy(source, tmp_path / name))

    return copy


