"""Shared fixtures: small but complete contracts written as text, and a library loaded once."""

from __future__ import annotations

from pathlib import Path

import pytest

from clausecheck.analysis.parse import NoParser, SubjectParser
from clausecheck.library import Library, load_library

JA_LICENSE = """技術ライセンス契約書

株式会社東和精機（以下「甲」という。）と華晨科技有限公司（以下「乙」という。）とは、甲の有する技術の実施許諾に関し、次のとおり契約（以下「本契約」という。）を締結する。

第1条（目的）
甲は、乙に対し、甲の保有する精密研磨技術（以下「本技術情報」という。）を本製品の製造のためにのみ使用することを許諾する。

第2条（秘密保持）
乙は、甲の事前の書面による承諾なく、本技術情報を第三者に開示し、又は漏えいしてはならない。

第3条（目的外使用の禁止）
乙は、本技術情報を本製品の製造以外の目的に使用してはならない。

第4条（実施料）
乙は、甲に対し、本製品の売上高の５％を実施料として支払う。

第5条（報告）
乙は、本技術情報の管理状況を四半期ごとに書面で甲に報告しなければならない。

第6条（解除）
甲は、乙が次の各号のいずれかに該当したときは、何らの催告を要せず、直ちに本契約を解除することができる。
（１）本契約に違反したとき
（２）支払停止又は支払不能となったとき
（３）合併、会社分割、事業譲渡又は株式の譲渡その他の事由により、乙の支配権に実質的な変動が生じたとき

第7条（通知義務）
乙は、前条第３号に該当する事由が生じ、又は生じるおそれがあるときは、事前に甲に書面で通知しなければならない。

第8条（準拠法）
本契約は日本法に準拠する。

第9条（協議）
本契約に定めのない事項は、甲乙誠実に協議して定める。

以上
"""


@pytest.fixture(scope="session")
def library() -> Library:
    return load_library()


@pytest.fixture(scope="session")
def parser() -> SubjectParser:
    """No GiNZA in the unit tests: the surface rules decide (GiNZA is exercised by the bench)."""
    return NoParser()


@pytest.fixture
def ja_license(tmp_path: Path) -> Path:
    path = tmp_path / "ライセンス契約書.txt"
    path.write_text(JA_LICENSE, encoding="utf-8")
    return path
