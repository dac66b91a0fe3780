"""``clausecheck library list|show|validate``: output and exit codes, run in-process."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from library_fixtures import BASE, CASES, build

from clausecheck.cli import main
from clausecheck.cli.library_cmd import default_lang
from clausecheck.library import ENV_VAR


@pytest.fixture(autouse=True)
def _no_user_config(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(ENV_VAR, raising=False)


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    with pytest.raises(SystemExit) as exc:
        main(list(args))
    out, err = capsys.readouterr()
    return int(exc.value.code or 0), out, err


FIXTURE = ("library", "--no-bundled", "--library", str(BASE))


def test_validate_clean_library(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "library", "validate", "--no-bundled", str(BASE))
    assert code == 0
    assert out.strip().splitlines()[-1] == "1 clauses, 2 playbooks: OK"


def test_validate_broken_library_lists_issues_and_exits_2(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    build(next(c for c in CASES if c.stem == "unknown_seed"), tmp_path / "lib")
    code, out, err = run(capsys, "library", "validate", "--no-bundled", str(tmp_path / "lib"))
    assert code == 2
    lines = out.strip().splitlines()
    assert any(
        line.endswith("citations[0].seed: unknown seed `seed_b.txt` (did you mean `seed_a.txt`?)")
        and "secrecy.yaml:" in line
        for line in lines
    )
    assert lines[-1] == "1 clauses, 2 playbooks: FAILED (1 error)"
    assert "does not validate" in err and "Traceback" not in err


def test_list_json_with_playbook(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, *FIXTURE, "list", "--playbook", "nda", "--format", "json")
    assert code == 0
    rows = json.loads(out)
    assert [(r["id"], r["group"], r["level"], r["severity"]) for r in rows] == [
        ("secrecy", "confidentiality", "required", "high")
    ]
    assert rows[0]["title"] == {"ja": "秘密保持義務", "en": "Confidentiality"}


def test_list_table_in_japanese(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, *FIXTURE, "list", "--lang", "ja")
    assert code == 0
    assert "secrecy" in out and "秘密保持義務" in out and "1 clauses" in out


def test_list_unknown_group_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, *FIXTURE, "list", "--group", "confidentialty")
    assert code == 2 and "unknown group `confidentialty`" in err


def test_show_by_alias_in_english(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, *FIXTURE, "show", "nda_secrecy", "--lang", "en")
    assert code == 0
    for expected in (
        "secrecy (alias: nda_secrecy) — Confidentiality",
        "Why it matters",
        "seed_a.txt p.1 L1-2: confidentiality is needed",
        "nda (required, high)",
        "no_disclosure required",
        "survival optional",
        "confidential information ×2",
        "present (2)",
        "missing: prior_consent",
        "Recommended wording",
    ):
        assert expected in out, expected


def test_show_in_japanese(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, *FIXTURE, "show", "secrecy", "--lang", "ja")
    assert code == 0
    assert "なぜ必要か" in out and "秘密情報 ×2, /第三者.{0,5}開示/" in out
    assert "本契約は日本法に準拠する。" in out


def test_show_unknown_id_suggests(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, *FIXTURE, "show", "secrecyy")
    assert code == 2
    assert "unknown clause id `secrecyy`" in err and "did you mean secrecy" in err


def test_library_from_environment(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(ENV_VAR, str(BASE))
    code, out, _ = run(capsys, "library", "--no-bundled", "list", "--format", "json")
    assert code == 0 and [r["id"] for r in json.loads(out)] == ["secrecy"]


@pytest.mark.parametrize(
    ("env", "lang"),
    [
        ({"LANG": "ja_JP.UTF-8"}, "ja"),
        ({"LANG": "en_US.UTF-8"}, "en"),
        ({}, "en"),
        ({"LC_ALL": "C", "LANG": "ja_JP.UTF-8"}, "en"),
    ],
)
def test_default_language_from_locale(env: dict[str, str], lang: str) -> None:
    assert default_lang(env) == lang


def test_show_names_phrase_lists(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "library", "show", "change_of_control", "--lang", "en")
    assert code == 0
    assert "[termination_right]" in out and "None" not in out
