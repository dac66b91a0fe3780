"""Who provides the technology when no role name says so (clausecheck.matching.provider)."""

from __future__ import annotations

from pathlib import Path

from clausecheck.analysis.parse import SubjectParser
from clausecheck.engine import scan
from clausecheck.library import Library

HEAD = """合弁契約書

東都精機株式会社（以下「甲」という。）と華南新材料有限公司（以下「乙」という。）とは、次のとおり合意する。
"""


def our_party(tmp_path: Path, body: str, library: Library, parser: SubjectParser) -> str | None:
    path = tmp_path / "c.txt"
    path.write_text(HEAD + body, encoding="utf-8")
    return scan(path, library=library, parser=parser, playbook="jv").our_party


def test_technology_given_to_the_joint_venture_counts(tmp_path: Path, library: Library,
                                                     parser: SubjectParser) -> None:
    body = "第1条（技術の提供）\n甲は、本合弁会社に対し、本製品の製造に必要な技術情報を提供する。\n"
    assert our_party(tmp_path, body, library, parser) == "東都精機株式会社"


def test_mutual_giving_and_goods_decide_nothing(tmp_path: Path, library: Library, parser: SubjectParser) -> None:
    body = ("第1条（秘密保持）\n甲及び乙は、秘密情報を、知る必要のある役員に限り開示することができる。\n"
            "第2条（供給）\n乙は、甲に対し、本製品を提供する。\n")
    # Both parties disclose (mutual), and 乙 provides goods, not technology: undecided.
    assert our_party(tmp_path, body, library, parser) is None
