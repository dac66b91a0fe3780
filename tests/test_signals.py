"""Compiled signals: the literal prefilter must never hide a match the regex would find."""

from __future__ import annotations

import pytest

from clausecheck.library import load_library
from clausecheck.matching.compiled import compile_clause
from clausecheck.normalise import normalise
from clausecheck.signals import compile_signal

NEEDLES = [
    # (regex or term, lang, expected needles)
    (r"(株式|議決権).{0,15}(過半数|2分の1|50%)", "ja", ("過半数", "2分の1", "50%")),
    (r"(merger|consolidation|acquisition)\b", "en", ("merger", "consolidation", "acquisition")),
    (r"may (immediately )?terminate", "en", ("terminate",)),
    # The parser factors "all or " out of both alternatives; either tail is still required.
    (r"(sale|transfer) of (all or substantially all|all or a material part)", "en",
     ("substantially all", "a material part")),
    (r"Know-How\w*", "en", ("know-how",)),
    (r"(SaaS|クラウド)", "ja", ()),  # letters in a Japanese needle: case would matter, so none
    (r"\w+", "en", ()),  # nothing literal to require
    (r"(a|b)c", "en", ()),  # single ASCII letters are not selective
]


@pytest.mark.parametrize(("regex", "lang", "expected"), NEEDLES)
def test_needles_of_regex(regex: str, lang: str, expected: tuple[str, ...]) -> None:
    assert compile_signal(regex=regex, lang=lang).needles == expected


def test_term_needle_is_the_normalised_term() -> None:
    # English words may inflect (chang(e|es|ed|ing)), so the needle is the literal run that is left.
    assert compile_signal(term="Change of Control", lang="en").needles == (" of control",)
    assert compile_signal(term="取り扱い", lang="ja").needles == (normalise("取り扱い", lang="ja"),)


@pytest.mark.parametrize(("term", "text", "found"), [
    ("terminate", "licensor may terminate", True),
    ("terminate", "this agreement is terminated", True),
    ("terminate", "terminating the licence", True),
    ("terminate", "upon termination", False),  # a different word, not an inflection
    ("transfer of all", "it transfers of all", True),
    ("transfer of all", "transferred of all", True),
    ("copy", "all copies thereof", True),
    ("use", "the user guide", False),
    ("prior written consent", "without the prior written consent of", True),
])
def test_english_terms_match_inflections(term: str, text: str, found: bool) -> None:
    assert (compile_signal(term=term, lang="en").find(text) is not None) is found


def test_prefilter_never_rejects_a_match_in_the_library_examples() -> None:
    """Every signal of every clause against every example of the library: where the regex
    matches, one of its needles occurs (so skipping the regex on a missing needle is exact)."""
    library = load_library()
    checked = 0
    for lang in ("ja", "en"):
        texts = [normalise(ex.text, lang=lang) for c in library.clauses.values() for ex in c.examples
                 if ex.lang == lang]
        for clause in library.clauses.values():
            compiled = compile_clause(clause, lang=lang)
            signals = [*compiled.keywords, *compiled.headings, *compiled.weakeners,
                       *(s for e in compiled.elements for s in e.signals)]
            for signal in signals:
                for text in texts:
                    if signal.pattern.search(text):
                        checked += 1
                        assert not signal.needles or any(n in text for n in signal.needles), (
                            signal.source, signal.needles, text[:60])
    assert checked > 1000  # the library's examples exercise the signals


def test_phrase_signal_expands_to_the_lexicon_list() -> None:
    """``{phrase: termination_right}`` stands for every signal of the lexicon's list, at the
    phrase signal's weight."""
    from clausecheck.library.models import Signal as SignalModel
    from clausecheck.matching.compiled import compile_signals

    library = load_library()
    phrases = library.lexicon.phrases
    expanded = compile_signals([SignalModel(phrase="termination_right", weight=2.0)], lang="ja", phrases=phrases)
    assert len(expanded) == len(phrases["termination_right"].ja) > 3
    assert all(s.weight == 2.0 for s in expanded)
    # Coordinated remedies, which the old per-clause patterns missed.
    coordinated = normalise("甲は、本契約を解除し、又は乙の株式を買い取ることができる。", lang="ja")
    assert any(s.find(coordinated) for s in expanded)
    en = compile_signals([SignalModel(phrase="termination_right")], lang="en", phrases=phrases)
    assert any(s.find("the company may, at its option, terminate this agreement") for s in en)
    # An unknown list (reported by the validator) expands to nothing rather than failing here.
    assert compile_signals([SignalModel(phrase="nope")], lang="en", phrases=phrases) == ()
