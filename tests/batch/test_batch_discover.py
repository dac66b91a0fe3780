"""Walking an archive: which files are candidates, which are left out (and counted), identities."""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any

import pytest

from clausecheck.batch import discover as discover_module
from clausecheck.batch.discover import discover, identify
from clausecheck.errors import InputError, UsageError


def names(root: Path, files: tuple[Path, ...]) -> list[str]:
    return [p.relative_to(root).as_posix() for p in files]


def test_walk_finds_contracts_recursively_in_a_stable_order(archive: Path) -> None:
    found = discover([archive])
    assert names(archive, found.files) == [
        "broken.docx", "empty.txt", "license.docx", "ライセンス契約書.txt",
        "2023/nda.txt", "2023/signed/copy of nda.txt", "2023/signed/nda_v2.md",
    ]
    assert found.roots == (archive.resolve(),)


def test_files_left_out_are_counted_by_reason(archive: Path) -> None:
    found = discover([archive])
    assert found.ignored == {".pdf": 1, "hidden": 2}  # ~$ lock file and the .git folder


@pytest.mark.parametrize(("include", "exclude", "expected"), [
    ((), ("signed",), ["broken.docx", "empty.txt", "license.docx", "ライセンス契約書.txt", "2023/nda.txt"]),
    (("*.docx",), (), ["broken.docx", "license.docx"]),
    (("2023/*",), ("*.md",), ["2023/nda.txt", "2023/signed/copy of nda.txt"]),
    ((), ("broken*", "empty.txt", "2023"), ["license.docx", "ライセンス契約書.txt"]),
])
def test_include_and_exclude_match_names_or_relative_paths(
    archive: Path, include: tuple[str, ...], exclude: tuple[str, ...], expected: list[str]
) -> None:
    found = discover([archive], include=include, exclude=exclude)
    assert names(archive, found.files) == expected
    assert found.ignored["excluded"] > 0


def test_a_file_named_directly_is_a_candidate_whatever_its_suffix(archive: Path) -> None:
    found = discover([archive / "scan.pdf", archive / "license.docx", archive])
    assert found.files[:2] == (archive / "scan.pdf", archive / "license.docx")
    assert found.files.count(archive / "license.docx") == 1  # not twice though named and walked


def test_a_missing_path_is_a_usage_error(tmp_path: Path) -> None:
    with pytest.raises(UsageError, match="no such file or folder"):
        discover([tmp_path / "nowhere"])


def test_identity_is_the_sha256_of_the_bytes(archive: Path) -> None:
    path = archive / "license.docx"
    ident = identify(path)
    assert ident.sha256 == hashlib.sha256(path.read_bytes()).hexdigest()
    assert ident.size == path.stat().st_size


def test_identify_reports_missing_oversized_and_unreadable_files(
    archive: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with pytest.raises(InputError) as missing:
        identify(archive / "gone.txt")
    assert missing.value.code == "E101"
    monkeypatch.setattr(discover_module, "MAX_FILE_BYTES", 10)
    with pytest.raises(InputError, match="too large") as big:
        identify(archive / "license.docx")
    assert big.value.code == "E110"


def test_identify_reports_an_unreadable_file(archive: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # Refused by the OS as chmod 0 would refuse it (root reads any file, so chmod cannot show it everywhere).
    path = archive / "2023" / "nda.txt"
    real_open = Path.open

    def refuse(self: Path, *args: Any, **kwargs: Any) -> Any:
        if self == path:
            raise PermissionError(13, "Permission denied", str(self))
        return real_open(self, *args, **kwargs)

    monkeypatch.setattr(Path, "open", refuse)
    with pytest.raises(InputError, match=r"nda.txt: cannot be read \(Permission denied\)") as err:
        identify(path)
    assert err.value.code == "E112"
