"""Fixtures of the batch tests; the archives and helpers are in :mod:`batch.archives`."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from batch.archives import make_archive, scan_into_store


@pytest.fixture
def archive(tmp_path: Path) -> Path:
    """4 distinct good contracts, 1 duplicate, 2 broken, and files a walk must leave out."""
    return make_archive(tmp_path)


@pytest.fixture(scope="session")
def scanned(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """An archive scanned once for the whole session: ``(archive, store)``. Read it, never change
    it: tests that write copy the store (:func:`store_copy`) or build their own archive."""
    base = tmp_path_factory.mktemp("scanned")
    root = make_archive(base)
    return root, scan_into_store(root, base / "results.sqlite")


@pytest.fixture
def store_copy(scanned: tuple[Path, Path], tmp_path: Path) -> Path:
    """A private copy of the session store (same archive paths), for tests that run again."""
    copy = tmp_path / "results.sqlite"
    shutil.copy(scanned[1], copy)
    return copy
