"""Passages read with their cross-references and defined terms (clausecheck.matching.context)."""

from __future__ import annotations

from pathlib import Path

from clausecheck.analysis.parse import SubjectParser
from clausecheck.engine import prepare, scan
from clausecheck.library import Library
from clausecheck.reading import read_document


def passage_with(prepared, text: str):  # type: ignore[no-untyped-def]
    return next(p for p in prepared.passages if text in p.text)


def test_reference_to_the_previous_article_points_at_its_item(ja_license: Path) -> None:
    prepared = prepare(read_document(ja_license))
    notice = passage_with(prepared, "前条第３号に該当する事由")
    item3 = passage_with(prepared, "乙の支配権に実質的な変動が生じたとき")
    assert notice.ref_blocks == (item3.block,)
    assert "解除" in notice.context  # the title of the article it refers to


def test_defined_terms_bring_their_definition(ja_license: Path) -> None:
    prepared = prepare(read_document(ja_license))
    report = passage_with(prepared, "本技術情報の管理状況")
    assert "精密研磨技術" in report.context
    # A sentence without references or defined terms has no context.
    assert passage_with(prepared, "本契約は日本法に準拠する").context == ""


def test_notice_duty_in_another_article_completes_the_change_of_control(
    ja_license: Path, library: Library, parser: SubjectParser
) -> None:
    result = scan(ja_license, library=library, parser=parser, playbook="license", our_party="甲")
    coc = next(f for f in result.findings if f.clause_id == "change_of_control")
    notice = next(e for e in coc.elements if e.id == "remedy_prior_consent_or_notice")
    assert notice.met
    assert any(ev.article.startswith("第7条") for ev in notice.evidence)


def test_an_item_is_read_with_its_lead_in(ja_license: Path) -> None:
    prepared = prepare(read_document(ja_license))
    item3 = passage_with(prepared, "乙の支配権に実質的な変動が生じたとき")
    lead_in = passage_with(prepared, "次の各号のいずれかに該当したときは")
    assert item3.lead_in == lead_in.block
    assert lead_in.lead_in is None


def test_language_override_reads_the_passages_in_that_language(ja_license: Path) -> None:
    auto = prepare(read_document(ja_license))
    forced = prepare(read_document(ja_license), lang="en")
    assert auto.language == "ja" and forced.language == "en"
    assert [p.text for p in forced.passages] == [p.text for p in auto.passages]
