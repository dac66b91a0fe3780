"""Reading a sentence's subject and weakening wording (clausecheck.analysis.modality)."""

from __future__ import annotations

import pytest

from clausecheck.analysis.modality import Lexicon, read_sentence
from clausecheck.signals import compile_signal

LEX = Lexicon(
    obligation=(compile_signal(term="shall", lang="en"),),
    prohibition=(compile_signal(term="shall not", lang="en"),),
    permission=(compile_signal(term="may", lang="en"),),
    effort=(),
    weakeners=(compile_signal(regex=r"reasonable (commercial )?efforts", lang="en"),),
    exceptions=(),
    mutual=(),
)


@pytest.mark.parametrize(("text", "parties", "subjects"), [
    ("the jv company shall not grant any licence", ["Company", "Partner"], ()),  # a longer name
    ("company shall ensure that the jv company will not", ["Company"], ("Company",)),
    ("under this agreement the company shall notify partner", ["Company", "Partner"], ("Company",)),
    ("licensor may audit, and licensee shall cooperate", ["Licensor", "Licensee"], ("Licensor", "Licensee")),
])
def test_english_subjects(text: str, parties: list[str], subjects: tuple[str, ...]) -> None:
    assert read_sentence(text, lang="en", lexicon=LEX, parties=parties).subjects == subjects


def test_japanese_name_inside_a_longer_noun_is_not_the_party() -> None:
    ja = Lexicon(obligation=(), prohibition=(), permission=(), effort=(), weakeners=(), exceptions=(), mutual=())
    assert read_sentence("本合弁会社は、甲の承諾を得なければならない。", lang="ja", lexicon=ja,
                         parties=["会社", "甲"]).subjects == ()
    assert read_sentence("甲は、乙に通知する。", lang="ja", lexicon=ja, parties=["甲", "乙"]).subjects == ("甲",)


def test_pattern_weakener_is_shown_as_the_words_it_matched() -> None:
    reading = read_sentence("licensee shall use reasonable commercial efforts to protect it", lang="en",
                            lexicon=LEX, parties=["Licensee"])
    assert reading.weakeners == ("reasonable commercial efforts",)


def test_attributive_dekiru_is_not_the_predicate() -> None:
    ja = Lexicon(obligation=(), prohibition=(), permission=(compile_signal(term="できる", lang="ja"),), effort=(),
                 weakeners=(), exceptions=(), mutual=())
    assert read_sentence("乙は、アクセスできる者を名簿記載の者に限定する。", lang="ja", lexicon=ja,
                         parties=["乙"]).modality == "statement"
    assert read_sentence("乙は、秘密情報を開示することができる。", lang="ja", lexicon=ja,
                         parties=["乙"]).modality == "permission"


def test_section_number_before_the_party_keeps_the_subject() -> None:
    assert read_sentence("22.1 licensee shall indemnify licensor", lang="en", lexicon=LEX,
                         parties=["Licensee", "Licensor"]).subjects == ("Licensee",)
    assert read_sentence("(a) licensor may terminate", lang="en", lexicon=LEX,
                         parties=["Licensee", "Licensor"]).subjects == ("Licensor",)
