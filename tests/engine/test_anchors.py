"""Clause anchors: a clause about employees (investors, the JV company) is located only in a
sentence, article or contract about them."""

from __future__ import annotations

from pathlib import Path

from clausecheck.analysis.parse import SubjectParser
from clausecheck.engine import scan
from clausecheck.library import Library

NDA = """秘密保持契約書

株式会社ミナト光学（以下「甲」という。）と株式会社アルファ電子（以下「乙」という。）とは、次のとおり契約する。

第1条（秘密保持）
乙は、甲から開示された秘密情報を第三者に開示してはならない。

第2条（返還）
乙は、本契約が終了したときは、甲の指示に従い、秘密情報を記録した媒体（複製物を含む。）を甲に返還し、又は廃棄しなければならない。
"""

PLEDGE = """秘密保持誓約書

株式会社ミナト光学　御中

第1条（貸与品の返還）
私は、退職日までに、貴社から貸与されたパソコン、記憶媒体及び図面その他の資料を全て返却し、その複製物を一切保持しないことを誓約します。
"""


def finding(path: Path, text: str, clause: str, library: Library, parser: SubjectParser):  # type: ignore[no-untyped-def]
    path.write_text(text, encoding="utf-8")
    result = scan(path, library=library, parser=parser, playbook="all")
    return next(f for f in result.findings if f.clause_id == clause)


def test_b2b_return_duty_is_not_an_employee_exit_duty(tmp_path: Path, library: Library,
                                                     parser: SubjectParser) -> None:
    nda = tmp_path / "nda.txt"
    exit_duty = finding(nda, NDA, "return_of_property_on_exit", library, parser)
    assert exit_duty.status == "missing"
    # The return article is shown as the nearest candidate, rejected for its subject.
    assert exit_duty.candidates and "第2条" in exit_duty.candidates[0].evidence.article
    assert "subject" in exit_duty.candidates[0].why_rejected or "対象" in exit_duty.candidates[0].why_rejected
    # The clause that is about it is found.
    assert finding(nda, NDA, "return_or_destruction", library, parser).status != "missing"


def test_the_same_duty_in_an_employee_pledge_is_located(tmp_path: Path, library: Library,
                                                        parser: SubjectParser) -> None:
    exit_duty = finding(tmp_path / "pledge.txt", PLEDGE, "return_of_property_on_exit", library, parser)
    assert exit_duty.status != "missing"
    assert exit_duty.evidence[0].article.startswith("第1条")
