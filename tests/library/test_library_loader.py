"""Loading: ids and aliases, user layers on top, overrides, lexicon merge, playbook resolution."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml
from library_fixtures import BASE
from pydantic import ValidationError

from clausecheck.errors import LibraryError, UsageError
from clausecheck.library import ENV_VAR, dirs_from_env, load_library, load_playbook, validate


def _write(path: Path, data: object) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def _secrecy() -> dict[str, object]:
    data = yaml.safe_load((BASE / "confidentiality" / "secrecy.yaml").read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


def test_clauses_by_id_and_alias() -> None:
    library = load_library([BASE], bundled=False)
    assert list(library.clauses) == ["secrecy"]
    assert library.get("nda_secrecy") is library.get("secrecy")
    assert "nda_secrecy" in library and "nothing" not in library
    assert library.files["secrecy"].name == "secrecy.yaml"
    assert library.meta.name == "fixture-library"


def test_unknown_id_suggests_the_closest() -> None:
    library = load_library([BASE], bundled=False)
    with pytest.raises(UsageError) as exc:
        library.get("secrcy")
    assert "secrcy" in exc.value.message
    assert "secrecy" in exc.value.hint


def test_models_are_frozen_and_regexes_compiled() -> None:
    clause = load_library([BASE], bundled=False).get("secrecy")
    regex = clause.signals.keywords.ja[1]
    assert regex.pattern is not None and regex.pattern.search("第三者へ開示")
    assert clause.signals.keywords.ja[0].pattern is None and clause.signals.keywords.ja[0].weight == 2
    with pytest.raises(ValidationError):
        clause.id = "other"  # type: ignore[misc]


def test_user_clause_with_the_same_id_needs_overrides(tmp_path: Path) -> None:
    data = _secrecy() | {"titles": {"ja": "当社版の秘密保持", "en": "Our confidentiality"}}
    _write(tmp_path / "user" / "confidentiality" / "secrecy.yaml", data)
    report = validate([BASE, tmp_path / "user"], bundled=False)
    assert any(i.path == "id" and "set `overrides: true`" in i.hint for i in report.errors)

    _write(tmp_path / "user" / "confidentiality" / "secrecy.yaml", data | {"overrides": True})
    library = load_library([BASE, tmp_path / "user"], bundled=False)
    assert library.get("secrecy").titles.en == "Our confidentiality"
    assert library.files["secrecy"].is_relative_to(tmp_path)


def test_overrides_with_nothing_to_override_is_only_a_warning(tmp_path: Path) -> None:
    data = _secrecy() | {"id": "extra", "aliases": [], "overrides": True}
    data["examples"] = [dict(x, text=x["text"] + "（別版）") for x in data["examples"]]  # type: ignore[call-overload]
    data["signals"]["exemplars"] = {
        k: [t + "（別版）" for t in v] for k, v in data["signals"]["exemplars"].items()
    }  # type: ignore[index]
    _write(tmp_path / "user" / "confidentiality" / "extra.yaml", data)
    report = validate([BASE, tmp_path / "user"], bundled=False)
    assert report.ok, [i.format() for i in report.errors]
    assert {i.path for i in report.warnings} == {"overrides", "id"}  # overrides nothing; in no playbook
    assert "2 clauses" in report.summary() and "2 warnings" in report.summary()


def test_user_lexicon_is_appended(tmp_path: Path) -> None:
    _write(tmp_path / "user" / "lexicon.yaml", {"weakeners": {"ja": ["適宜"]}})
    library = load_library([BASE, tmp_path / "user"], bundled=False)
    assert [s.term for s in library.lexicon.weakeners.ja] == ["努めるものとする", "協議の上", "適宜"]


def test_errors_are_all_in_the_library_error(tmp_path: Path) -> None:
    root = tmp_path / "lib"
    shutil.copytree(BASE, root)
    data = _secrecy() | {"group": "audit"}
    data["citations"] = [{"seed": "x.txt", "lines": "L1", "note": "n"}]
    _write(root / "confidentiality" / "secrecy.yaml", data)
    with pytest.raises(LibraryError) as exc:
        load_library([root], bundled=False)
    assert "(2 errors)" in exc.value.message
    assert "group `audit`" in exc.value.message and "unknown seed `x.txt`" in exc.value.message


def test_missing_folder_is_a_library_error(tmp_path: Path) -> None:
    with pytest.raises(LibraryError, match="does not exist"):
        load_library([tmp_path / "nope"])


def test_dirs_from_env_splits_on_pathsep() -> None:
    import os

    assert dirs_from_env({ENV_VAR: f"a{os.pathsep}b{os.pathsep}"}) == [Path("a"), Path("b")]
    assert dirs_from_env({}) == []


def test_playbook_by_id_and_include_all_takes_strongest_severity() -> None:
    library = load_library([BASE], bundled=False)
    nda = load_playbook("nda", library)
    assert nda.clause_ids == ("secrecy",) and nda.entry("secrecy").severity == "high"  # type: ignore[union-attr]
    assert nda.position.side == "provider" and nda.position.roles.en == ("Discloser",)
    everything = library.playbook("all")
    entry = everything.entry("secrecy")
    assert entry is not None and (entry.level, entry.severity) == ("required", "high")
    assert everything.include_all


def test_playbook_file_extends_overrides_and_removes(tmp_path: Path) -> None:
    library = load_library([BASE], bundled=False)
    path = _write(
        tmp_path / "company.yaml",
        {
            "id": "company",
            "extends": "nda",
            "clauses": [{"id": "nda_secrecy", "severity": "low", "note": "house rule"}],
        },
    )
    company = load_playbook(path, library)
    entry = company.entry("secrecy")
    assert entry is not None and (entry.level, entry.severity, entry.note) == (
        "required",
        "low",
        "house rule",
    )
    assert company.chain == ("company", "nda") and company.titles.en == "Non-disclosure agreement"
    _write(path, {"id": "company", "extends": "nda", "remove": ["secrecy"]})
    assert load_playbook(path, library).entries == ()


def test_unknown_playbook_is_a_usage_error() -> None:
    library = load_library([BASE], bundled=False)
    with pytest.raises(UsageError) as exc:
        load_playbook("ndaa", library)
    assert "nda" in exc.value.hint


@pytest.mark.parametrize(("ref", "is_file"), [
    ("license", False), ("all", False), ("company.yaml", True), ("playbooks/x.yml", True),
    ("dir\\\\x", True), (Path("license"), True),
])
def test_is_playbook_file(ref: str | Path, is_file: bool) -> None:
    from clausecheck.library import is_playbook_file

    assert is_playbook_file(ref) is is_file
