"""`clausecheck show` on text files: text and JSON output, CP932 input, errors with exit 2."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from clausecheck.cli import (
    cli,
    show_cmd,  # noqa: F401  (registers the command)
)
from structure.structure_contracts import EN_CONTRACT, JA_CONTRACT


@pytest.fixture
def ja_file(tmp_path: Path) -> Path:
    path = tmp_path / "ライセンス契約.txt"
    path.write_text(JA_CONTRACT, encoding="utf-8")
    return path


def test_text_report(ja_file: Path) -> None:
    result = CliRunner().invoke(cli, ["show", str(ja_file)])
    assert result.exit_code == 0, result.output
    out = result.output
    assert "title     技術ライセンス契約書" in out
    assert "language  ja" in out
    assert "東都精工株式会社  = 甲, ライセンサー  [ライセンサー]" in out
    assert "「本技術情報」 甲が保有する技術情報" in out
    assert "articles (12)" in out
    assert "第５条の２（目的外使用の禁止）" in out
    assert "別紙１ 対象技術" in out
    assert out.index("第１章 総則") < out.index("第１条（目的）") < out.index("第２章 実施許諾")
    assert "        三 正当な権限を有する第三者" in out


def test_text_report_is_deterministic(ja_file: Path) -> None:
    runner = CliRunner()
    assert runner.invoke(cli, ["show", str(ja_file)]).output == runner.invoke(cli, ["show", str(ja_file)]).output


def test_json_report(tmp_path: Path) -> None:
    path = tmp_path / "license.txt"
    path.write_text(EN_CONTRACT, encoding="utf-8")
    result = CliRunner().invoke(cli, ["show", str(path), "--format", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["schema_version"] == 1
    assert data["file"] == str(path) and len(data["sha256"]) == 64
    assert (data["language"], data["title"], data["encoding"]) == ("en", "TECHNOLOGY LICENSE AGREEMENT", "utf-8")
    assert [p["roles"] for p in data["parties"]] == [["Licensor"], ["Licensee"]]
    assert [a["ref"] for a in data["articles"]][:3] == ["Article 1", "Article 2", "Article 3"]
    third = data["articles"][2]
    assert third["title"] == "Confidentiality"
    items = third["paragraphs"][1]["items"]
    assert [i["label"] for i in items] == ["(a)", "(b)", "(c)"]
    assert [i["label"] for i in items[2]["items"]] == ["(i)", "(ii)"]
    assert [x["label"] for x in data["annexes"]] == ["Schedule 1", "Exhibit A"]
    assert data["signature"]["start_block"] < data["annexes"][0]["heading_block"]
    assert data["changes"] == [] and data["comments"] == []


def test_cp932_file(tmp_path: Path) -> None:
    path = tmp_path / "sjis.txt"
    path.write_bytes(JA_CONTRACT.replace("北辰電機", "北辰①電機").encode("cp932"))
    result = CliRunner().invoke(cli, ["show", str(path), "--format", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["encoding"] == "cp932"
    assert data["parties"][1]["name"] == "北辰①電機株式会社"
    assert len(data["articles"]) == 12


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-c", "from clausecheck.cli import main; main()", *args],
                          capture_output=True, text=True, timeout=60)


def test_errors_exit_2_with_one_line(tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"\n\n")
    for target, message in ((str(empty), "contains no text"), (str(tmp_path / "missing.txt"), "no such file")):
        result = _run("show", target)
        assert result.returncode == 2
        assert result.stderr.startswith(f"clausecheck: error: {target}: ") and "Traceback" not in result.stderr
        assert result.stderr.count("\n") == 1 and message in result.stderr  # one line, however long the path


def test_subprocess_text_output(ja_file: Path) -> None:
    result = _run("show", str(ja_file), "--view", "original")
    assert result.returncode == 0, result.stderr
    assert "view original" in result.stdout and "第１０条（管轄）" in result.stdout
