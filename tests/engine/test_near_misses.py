"""Near misses a clause must not be mistaken for (``signals.excludes``), and heading-like lines
that name a topic without binding anyone."""

from __future__ import annotations

from pathlib import Path

from clausecheck.analysis.parse import SubjectParser
from clausecheck.engine import scan
from clausecheck.findings import Finding
from clausecheck.library import Library

LICENCE = """LICENSE AGREEMENT

This License Agreement is made between Alpha Optics Inc. ("Licensor") and Beta Devices Ltd. ("Licensee").

1. Grant. Licensor grants Licensee a non-exclusive licence to use the Licensed Technology to manufacture the Products.

2. Records and Audit.
2.1 Licensee shall keep complete books and records of all sales of Products and royalties payable hereunder.
2.2 Licensor may, once a year, have an independent accountant examine such books and records to verify \
the royalties paid.
2.3 Any such audit shall be conducted during normal business hours.

3. Assignment. Licensee shall not assign this Agreement or any of its rights or obligations hereunder \
without the prior written consent of Licensor, whether by merger, consolidation or otherwise.

4. Governing Law. This Agreement shall be governed by the laws of Japan.
"""

WITH_INSPECTION = LICENCE.replace(
    "2.3 Any such audit shall be conducted during normal business hours.",
    "2.3 Licensor may enter and inspect Licensee's plants and premises where the Licensed Technology is used "
    "to verify Licensee's compliance with this Agreement.",
)


def finding(tmp_path: Path, text: str, clause: str, library: Library, parser: SubjectParser) -> Finding:
    path = tmp_path / "licence.txt"
    path.write_text(text, encoding="utf-8")
    result = scan(path, library=library, parser=parser, playbook="all")
    return next(f for f in result.findings if f.clause_id == clause)


def test_royalty_book_audit_is_not_an_audit_of_information_handling(
    tmp_path: Path, library: Library, parser: SubjectParser
) -> None:
    audit = finding(tmp_path, LICENCE, "audit_and_inspection", library, parser)
    assert audit.status == "missing"
    # The royalty audit is the nearest candidate, and the reviewer is told what it is instead.
    assert audit.candidates
    assert "royalty" in audit.candidates[0].why_rejected
    # Its procedural sentence ("such audit …") scores above the threshold on its own, but it is
    # part of the royalty audit's article, and is rejected as such.
    procedural = next(c for c in audit.candidates if "normal business hours" in c.evidence.text)
    assert procedural.score >= 0.27
    assert procedural.why_rejected.startswith("part of a royalty-book audit")


def test_an_inspection_of_premises_in_the_same_section_is_found(
    tmp_path: Path, library: Library, parser: SubjectParser
) -> None:
    audit = finding(tmp_path, WITH_INSPECTION, "audit_and_inspection", library, parser)
    assert audit.status != "missing"
    assert any("inspect" in e.text for e in audit.evidence)


def test_assignment_ban_is_not_a_change_of_control_clause(
    tmp_path: Path, library: Library, parser: SubjectParser
) -> None:
    coc = finding(tmp_path, LICENCE, "change_of_control", library, parser)
    assert coc.status == "missing"
    # …but it is the assignment restriction.
    assert finding(tmp_path, LICENCE, "assignment_restriction", library, parser).status != "missing"


def test_heading_line_alone_does_not_locate(tmp_path: Path, library: Library, parser: SubjectParser) -> None:
    text = LICENCE.replace("2. Records and Audit.", "2. Audit and Inspection Rights.")
    text = "\n".join(line for line in text.splitlines() if not line.startswith("2."))
    assert finding(tmp_path, text, "audit_and_inspection", library, parser).status == "missing"


def test_proviso_sentence_is_read_for_weakening_wording_and_waived_consent(
    tmp_path: Path, library: Library, parser: SubjectParser
) -> None:
    text = ("ライセンス契約書\n\n株式会社東和精機（以下「甲」という。）と華晨科技有限公司（以下「乙」という。）とは、"
            "次のとおり契約する。\n\n第1条（再実施許諾）\n乙は、甲の事前の書面による承諾なく、第三者に再実施許諾をして"
            "はならない。ただし、乙の関係会社に対する再実施許諾については、甲の承諾を要しない。\n")
    path = tmp_path / "l.txt"
    path.write_text(text, encoding="utf-8")
    result = scan(path, library=library, parser=parser, playbook="license", our_party="甲")
    sub = next(f for f in result.findings if f.clause_id == "sublicense_restriction")
    assert sub.status == "weak" and "exception" in sub.weak_because
