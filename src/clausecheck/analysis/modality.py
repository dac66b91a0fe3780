"""Read a sentence's force: modality, weakening wording, exceptions and who is bound.

The word lists come from the library's ``lexicon.yaml`` (compiled into :class:`Lexicon`); this
module holds only the rules that combine them. It works on normalised text, so it is cheap enough
for every candidate; the GiNZA parse (:mod:`clausecheck.analysis.parse`) refines the subject on the
few sentences where the surface rules are ambiguous.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from clausecheck.signals import Signal, hits

Modality = Literal["prohibition", "obligation", "effort", "permission", "statement"]


@dataclass(frozen=True, slots=True)
class Lexicon:
    """The library-wide word lists of one language, compiled."""

    obligation: tuple[Signal, ...]
    prohibition: tuple[Signal, ...]
    permission: tuple[Signal, ...]
    effort: tuple[Signal, ...]
    weakeners: tuple[Signal, ...]
    exceptions: tuple[Signal, ...]
    mutual: tuple[Signal, ...]
    consent: tuple[Signal, ...] = ()


@dataclass(frozen=True, slots=True)
class Reading:
    """What a sentence does, read from its surface."""

    modality: Modality
    weakeners: tuple[str, ...]
    """Weakening wording found (as written in the lexicon or clause file)."""
    exceptions: tuple[str, ...]
    """Exception markers found (ただし, この限りでない, except, provided that …)."""
    subjects: tuple[str, ...]
    """The parties the sentence's clauses bind or entitle, as written (甲, 乙, Licensee …); a
    sentence of two coordinated clauses ("乙は…ならないものとし、甲は…保有する") has two."""
    mutual: bool
    """True when the sentence binds or entitles both parties (甲及び乙は, each party shall …)."""
    conditioned: bool = False
    """True when the sentence's permission needs someone's consent (…の承諾を得て, "with … consent")."""


# A subordinate clause ends with one of these; the party topic of the main clause follows it.
_JA_SUBORDINATE_END = re.compile(r"(場合|とき|ときは|ときには|限り|ため|上で|うえで|際)[、,]")


def read_sentence(norm_text: str, *, lang: str, lexicon: Lexicon, parties: Sequence[str],
                  extra_weakeners: Sequence[Signal] = ()) -> Reading:
    """Read the modality and subject of one normalised sentence.

    ``parties`` are the names the contract uses for its parties, longest first (甲, 乙, Licensee,
    the Receiving Party …); the subject is the one that heads the main clause.
    """
    found_weak = hits([*lexicon.weakeners, *extra_weakeners], norm_text)
    found_exc = hits(lexicon.exceptions, norm_text)
    mutual = bool(hits(lexicon.mutual, norm_text))
    conditioned = bool(hits(lexicon.consent, norm_text))
    modality = _modality(norm_text, lexicon, lang=lang)
    subjects = _subjects_ja(norm_text, parties) if lang != "en" else _subjects_en(norm_text, parties)
    return Reading(
        modality=modality,
        # A pattern is shown as the words it matched, not as the pattern ("re:…" means nothing
        # to a reviewer).
        weakeners=tuple(m.group(0) if s.source.startswith("re:") else s.source for s, m in found_weak),
        exceptions=tuple(s.source for s, _ in found_exc),
        subjects=subjects,
        mutual=mutual,
        conditioned=conditioned,
    )


_ATTRIBUTIVE = re.compile(r"(者|人|もの|物|こと|範囲|場合|とき|時|期間|旨|方法|情報|権利)")


def _modality(norm_text: str, lexicon: Lexicon, *, lang: str) -> Modality:
    """The modality of the main predicate. Japanese puts it at the end, so the marker that ends
    last wins ("…返還しなければならず、甲は…できる" is a permission); English puts the modal right
    after the subject, so the first wins. At the same place the longest wins (しなければならない
    over ならない; "shall not" over "shall")."""
    best: tuple[int, int, int] | None = None
    kinds: list[tuple[Modality, tuple[Signal, ...]]] = [
        ("prohibition", lexicon.prohibition),
        ("effort", lexicon.effort),
        ("obligation", lexicon.obligation),
        ("permission", lexicon.permission),
    ]
    chosen: Modality = "statement"
    for rank, (kind, signals) in enumerate(kinds):
        for signal in signals:
            for m in signal.pattern.finditer(norm_text):
                if lang != "en" and _ATTRIBUTIVE.match(norm_text, m.end()):
                    continue  # アクセスできる者: the marker describes a noun, it is not the predicate
                place = m.end() if lang != "en" else -m.start()
                key = (place, m.end() - m.start(), -rank)
                if best is None or key > best:
                    best, chosen = key, kind
    return chosen


def _subjects_ja(norm_text: str, parties: Sequence[str]) -> tuple[str, ...]:
    if not parties:
        return ()
    names = "|".join(re.escape(p) for p in sorted(parties, key=len, reverse=True))
    # Only the topic marker: a party followed by が is usually inside a relative or conditional
    # clause (甲が開示した情報, 甲が必要と認めた場合), not the one the sentence binds; は scopes
    # over the main predicate even when a conditional clause follows it.
    # A name inside a longer noun is not the party (会社 in 本合弁会社は, 甲 in 甲社は is fine): no
    # kanji or katakana right before it.
    topic = re.compile(rf"(?<![の\u4e00-\u9fff\u30a0-\u30ff])({names})(?:は|において(?:は)?)(?![じ])")
    return tuple(dict.fromkeys(m.group(1) for m in topic.finditer(norm_text)))


def _subjects_en(norm_text: str, parties: Sequence[str]) -> tuple[str, ...]:
    if not parties:
        return ()
    names = "|".join(re.escape(p.lower()) for p in sorted(parties, key=len, reverse=True))
    subject = re.compile(
        rf"\b(?:the\s+)?({names})\s+(?:shall|must|will|may|agrees|undertakes|is\s+entitled|has\s+the\s+right)\b",
        re.IGNORECASE,
    )
    lowered = {p.lower(): p for p in parties}
    found = []
    for m in subject.finditer(norm_text):
        # "the JV Company shall" is the JV company, not "Company": a name right after another
        # content word is part of a longer name.
        before = norm_text[: m.start()].split()
        starts_phrase = (m.group(0).lower().startswith("the ") or not before
                         or before[-1].endswith((",", ";", ":", "("))
                         or _NUMBER_LABEL.match(before[-1]) is not None)  # "22.1 Licensee shall", "(a) Licensee"
        if not starts_phrase and before[-1] not in _EN_BEFORE_SUBJECT:
            continue
        found.append(lowered.get(m.group(1).lower(), m.group(1)))
    return tuple(dict.fromkeys(found))


_NUMBER_LABEL = re.compile(r"^\(?([0-9][0-9.]*|[a-z]|[ivxlc]{1,5})[.)]?$")
# Words after which a party name starts a clause ("and Licensee shall", "that the Company will").
_EN_BEFORE_SUBJECT = frozenset({
    "and", "or", "but", "that", "if", "which", "whereupon", "then", "hereby", "thereafter", "so", "nor",
    "when", "where", "while", "unless", "until", "after", "before", "upon", "provided", "however", "event",
    "case", "otherwise", "also", "further", "each", "any",
})
