"""Grade a located clause: present, weak or missing, with elements, reasons and candidates.

The decision rests on passages already scored by :mod:`clausecheck.matching.locate`:

1. the **core** is every passage at or above ``LOCATE_THRESHOLD``; none → ``missing``, and the
   nearest passages become the proof of absence;
2. the **region** adds, from the core's units, the passages above ``SUPPORT_THRESHOLD`` and, from
   anywhere, those that carry an element (a clause split across articles, e.g. a trigger in one
   article and the termination right in 解除, is one finding with several spans);
3. each element is met when one of its signals occurs in the region;
4. the clause is ``weak`` when a required element is unmet, the core's wording weakens it, an
   exception left to the counterparty's discretion guts it, or it binds/entitles the wrong party.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from functools import cache
from typing import Any

from clausecheck.analysis.modality import Lexicon, Reading, read_sentence
from clausecheck.findings import Candidate, ElementResult, Evidence, WeakReason
from clausecheck.matching.compiled import CompiledClause, CompiledElement
from clausecheck.matching.locate import LOCATE_THRESHOLD, SUPPORT_THRESHOLD, PassageScore
from clausecheck.signals import Signal, hits

MAX_CANDIDATES = 3
CORE_MARGIN = 0.8
DIRECTION_PASSAGES = 2
MAX_CORE_EVIDENCE = 4


@dataclass(frozen=True, slots=True)
class PartyView:
    """Who "us" and "them" are in this contract, by every name the contract uses."""

    us: tuple[str, ...] = ()
    them: tuple[str, ...] = ()

    @property
    def known(self) -> bool:
        return bool(self.us)

    @property
    def all_names(self) -> tuple[str, ...]:
        return (*self.us, *self.them)


@dataclass(frozen=True, slots=True)
class ExceptionRules:
    """What tells a gutting exception from a standard carve-out (from ``lexicon.yaml``)."""

    discretion: tuple[Signal, ...] = ()
    benign: tuple[Signal, ...] = ()
    consent: tuple[Signal, ...] = ()


# Where an exception starts, and (Japanese) the phrase that makes it one. Structural markers of
# the two drafting languages, not vocabulary: the vocabulary lives in lexicon.yaml.
_JA_EXCEPTION = re.compile(
    r"ただし[、,]?(?P<body>.*?)(?P<end>この限りでない|この限りではない|除く|除き|ことができる|できる|差し支えない|妨げない|要しない"
    r"|適用しない|適用されない|みなす)"
)
_EN_EXCEPTION = re.compile(
    r"\b(provided,? however,? that|provided that|except(?: that| for| as| to the extent)?|other than)\b(?P<body>.*)"
)
_PROVISO_START = re.compile(r"^(ただし|但し|provided|however|except|notwithstanding)", re.IGNORECASE)
_EN_RELEASE = re.compile(r"\b(no|not|need not|shall not apply|without|may)\b")
_JA_PERMISSION_END = ("ことができる", "できる", "差し支えない", "妨げない", "要しない")
# A consent that is waived (甲の承諾を要することなく, "without Licensor's consent") is no safeguard.
_JA_WAIVED = re.compile(
    r"^.{0,3}(を要することなく|を要せず|を要しない|なく|なしに|を得ることなく|を得ずに|を得ないで|不要)")
_EN_WAIVED = re.compile(r"\bwithout\s+(the\s+|any\s+)?(\w+'s\s+)?(prior\s+)?(written\s+)?$")


def _gutting_exception(norm: str, *, lang: str, rules: ExceptionRules, parties: PartyView) -> str | None:
    """The text of an exception that hands the counterparty a way out, or ``None``.

    An exception is benign when it is made of standard carve-outs (public domain, required by
    law …), needs our own consent, or gives a right to us; it guts the clause when it turns on
    the counterparty's judgement (乙が必要と認めた場合), exempts whole categories (affiliates,
    customers, a merger) or lets the counterparty do what the clause forbids (ただし、…することが
    できる; "provided that Licensee may …"), above all without our consent.
    """
    pattern = _EN_EXCEPTION if lang == "en" else _JA_EXCEPTION
    match = pattern.search(norm)
    if match is None:
        return None
    body = match.group("body")
    if lang == "en" and not _EN_RELEASE.search(body) and not hits(rules.discretion, body):
        return None  # "provided that Licensee gives notice" is a condition, not a way out
    if hits(rules.benign, body):
        return None
    tail = norm[match.start("body"):]  # the body and what follows it (…承諾を要しない)
    for _, consent in hits(rules.consent, body):
        if _ours(body, consent.start(), parties) and not _waived(tail, consent, lang=lang):
            return None
    permission = lang == "en" or match.group("end") in _JA_PERMISSION_END
    if permission and _first_party(body, parties) == "us":
        return None  # ただし、甲は…することができる: a right of ours, not a way out for them
    discretion = [m for _, m in hits(rules.discretion, body) if not _ours(body, m.start(), parties)]
    if discretion or body.strip():
        return match.group(0)[:80]
    return None


def _waived(body: str, consent: re.Match[str], *, lang: str) -> bool:
    """The consent is dispensed with: 甲の承諾を要することなく, "without Licensor's prior consent"."""
    if lang == "en":
        return bool(_EN_WAIVED.search(body[: consent.start()]))
    return bool(_JA_WAIVED.search(body[consent.end():]))


def _first_party(text: str, parties: PartyView) -> str | None:
    """Which side the first party named in ``text`` is on (``"us"``, ``"them"``), if any."""
    lowered = text.lower()
    found: list[tuple[int, str]] = []
    for side, names in (("us", parties.us), ("them", parties.them)):
        for name in names:
            at = lowered.find(name.lower())
            if at >= 0:
                found.append((at, side))
    return min(found)[1] if found else None


@dataclass(frozen=True, slots=True)
class Verdict:
    """The grade of one clause, before the playbook's severity and the library's texts are added."""

    status: str
    confidence: float
    evidence: tuple[Evidence, ...]
    elements: tuple[ElementResult, ...]
    reasons: tuple[str, ...]
    weak_because: tuple[WeakReason, ...]
    candidates: tuple[Candidate, ...]
    direction_judged: bool


@cache
def _messages() -> dict[str, dict[str, str]]:
    from importlib.resources import files

    import yaml

    text = (files("clausecheck") / "data" / "messages.yaml").read_text(encoding="utf-8")
    data: dict[str, dict[str, str]] = yaml.safe_load(text)
    return data


def msg(key: str, ui_lang: str, **fields: Any) -> str:
    """A reviewer-facing sentence from ``data/messages.yaml``."""
    return _messages()[key]["ja" if ui_lang == "ja" else "en"].format(**fields)


def evidence_of(score: PassageScore, *, role: str = "clause") -> Evidence:
    p = score.passage
    return Evidence(
        article=p.unit_ref,
        article_title=p.unit_title,
        text=p.text,
        block=p.block,
        start=p.start,
        end=p.end,
        score=round(score.total, 3),
        role=role,
    )


def located_of(clause: CompiledClause, scores: Sequence[PassageScore]) -> tuple[list[PassageScore], dict[int, str]]:
    """The passages that locate the clause, best first, and the units that hold a near miss of it
    (unit index → the near miss's note).

    A unit that holds a near miss (a royalty-book audit) is the near miss's: its other sentences
    ("such audit shall be conducted during business hours") locate the clause only if they carry
    one of its required elements themselves."""
    ranked = sorted(scores, key=lambda s: (-s.total, s.passage.index))
    near_miss_units = {s.passage.unit: s.excluded_as for s in ranked
                       if s.excluded_as and s.passage.unit is not None}
    required_ids = {e.id for e in clause.elements if e.required}
    located = [s for s in ranked if s.locates()
               and (s.passage.unit not in near_miss_units or required_ids.intersection(s.element_hits))]
    return located, near_miss_units


def core_of(clause: CompiledClause, scores: Sequence[PassageScore]) -> list[PassageScore]:
    """The clause's core: the best located passage's article, plus passages elsewhere that match
    nearly as well (a clause stated twice). What :func:`grade` reads for wording, exceptions and
    direction, and so all the full parse is needed for."""
    return _core(located_of(clause, scores)[0])


def _core(located: Sequence[PassageScore]) -> list[PassageScore]:
    if not located:
        return []
    best = located[0]
    return [s for s in located if s.passage.unit == best.passage.unit or s.total >= CORE_MARGIN * best.total]


def grade(
    clause: CompiledClause,
    scores: Sequence[PassageScore],
    *,
    lexicon: Lexicon,
    exception_rules: ExceptionRules,
    parties: PartyView,
    ui_lang: str,
    subjects: Mapping[int, str | None] | None = None,
) -> Verdict:
    """Decide present / weak / missing for one clause from its passage scores.

    ``subjects`` maps passage indexes to the party the full parse found as subject; where it has
    one, it overrides the surface reading (see :mod:`clausecheck.analysis.parse`).
    """
    located, near_miss_units = located_of(clause, scores)
    core = _core(located)
    if not core:
        return _missing(sorted(scores, key=lambda s: (-s.total, s.passage.index)), ui_lang=ui_lang,
                        anchors=tuple(a.source for a in clause.anchors),
                        element_titles={e.id: e.title for e in clause.elements},
                        near_miss_units=near_miss_units)

    core_units = {s.passage.unit for s in core if s.passage.unit is not None}
    core_blocks = {s.passage.block for s in core}
    pointed = {b for s in core for b in s.passage.ref_blocks}
    region = {s.passage.index: s for s in core}
    for s in scores:
        # The core's own articles are the clause's context (the lead-in of a 解除 article carries
        # the termination right for every item under it), and so are the other sentences of a
        # core sentence's paragraph even where no article structure ties them (当事者の一方が
        # これに違反したときは、…解除できる); elsewhere a passage must score and
        # carry an element to count (a notice duty in another article), or be tied to the core by
        # a cross-reference: it points at the core (乙は、前条第3号に該当するときは…通知する) or the
        # core points at it (…第22条に基づき解除することができる) and it carries an element.
        p = s.passage
        if (p.unit in core_units or p.block in core_blocks or (s.total >= SUPPORT_THRESHOLD and s.element_hits)
                or core_blocks.intersection(p.ref_blocks) or (p.block in pointed and s.element_hits)):
            region.setdefault(p.index, s)
    # An item is read with the sentence that introduces its list (the termination right of a
    # 解除 article for its third item, wherever that item was reached from).
    lead_ins = {s.passage.lead_in for s in region.values() if s.passage.lead_in is not None}
    for s in scores:
        if s.passage.block in lead_ins:
            region.setdefault(s.passage.index, s)
    region_list = sorted(region.values(), key=lambda s: s.passage.index)

    elements: list[ElementResult] = []
    reasons: list[str] = [msg("located", ui_lang, where=_where(core[0]), score=f"{core[0].total:.2f}")]
    weak_because: list[WeakReason] = []
    for element in clause.elements:
        carriers = [s for s in region_list if _carries(element, s)]
        met = bool(carriers)
        elements.append(
            ElementResult(
                id=element.id,
                title=element.title,
                required=element.required,
                met=met,
                evidence=tuple(evidence_of(s, role=element.id) for s in carriers[:2]),
            )
        )
        if not met and element.required:
            # Unmet optional elements are listed in `elements`, not in the reasons: a reason
            # explains the verdict.
            reasons.append(msg("element_missing", ui_lang, element=element.title))
            if "element" not in weak_because:
                weak_because.append("element")

    readings = []
    for s in core:
        reading = read_sentence(s.passage.norm, lang=clause.lang, lexicon=lexicon, parties=parties.all_names,
                                extra_weakeners=clause.weakeners)
        parsed = (subjects or {}).get(s.passage.index)
        if parsed is not None and not reading.subjects and not reading.mutual:
            reading = replace(reading, subjects=(parsed,))
        readings.append((s, reading))
    by_index = {x.passage.index: x for x in scores}

    def proviso_of(s: PassageScore) -> PassageScore | None:
        # A proviso is often its own sentence right after the duty it qualifies (…してはならない。
        # ただし、…この限りでない。): it is read with that sentence.
        following = by_index.get(s.passage.index + 1)
        if (following is not None and following.passage.unit == s.passage.unit
                and following.passage.block == s.passage.block and _PROVISO_START.match(following.passage.norm)):
            return following
        return None

    for s, reading in readings:
        words = list(reading.weakeners)
        proviso = proviso_of(s)
        if proviso is not None:
            words += read_sentence(proviso.passage.norm, lang=clause.lang, lexicon=lexicon, parties=parties.all_names,
                                   extra_weakeners=clause.weakeners).weakeners
        if words:
            reasons.append(msg("wording", ui_lang, words="」「".join(dict.fromkeys(words)), where=_where(s)))
            if "wording" not in weak_because:
                weak_because.append("wording")
            break
    for s, _reading in readings:
        proviso = proviso_of(s)
        text = s.passage.norm if proviso is None else f"{s.passage.norm} {proviso.passage.norm}"
        gutting = _gutting_exception(text, lang=clause.lang, rules=exception_rules, parties=parties)
        if gutting:
            reasons.append(msg("exception", ui_lang, words=gutting, where=_where(s)))
            weak_because.append("exception")
            break

    if parties.known:
        direction_reason = _direction(clause, readings, parties, ui_lang)
        if direction_reason:
            reasons.append(direction_reason)
            weak_because.append("direction")
    else:
        reasons.append(msg("direction_unknown", ui_lang))

    if not weak_because:
        reasons.insert(1, msg("all_required_met", ui_lang))
    status = "weak" if weak_because else "present"
    required = [e for e in elements if e.required]
    met_share = sum(e.met for e in required) / len(required) if required else 1.0
    confidence = _clamp(0.55 + (core[0].total - LOCATE_THRESHOLD) * 1.2 + 0.15 * met_share)
    evidence = tuple(evidence_of(s) for s in core[:MAX_CORE_EVIDENCE])
    extra = tuple(
        ev for e in elements for ev in e.evidence if (ev.block, ev.start) not in {(x.block, x.start) for x in evidence}
    )
    return Verdict(
        status=status,
        confidence=round(confidence, 2),
        evidence=_dedupe((*evidence, *extra)),
        elements=tuple(elements),
        reasons=tuple(reasons),
        weak_because=tuple(weak_because),
        candidates=(),
        direction_judged=parties.known,
    )


def _direction(
    clause: CompiledClause, readings: Sequence[tuple[PassageScore, Reading]], parties: PartyView, ui_lang: str
) -> str | None:
    def side(reading: Reading) -> str | None:
        if reading.mutual:
            return "both"
        sides = set()
        for subject in reading.subjects:
            if any(subject.lower() == u.lower() for u in parties.us):
                sides.add("us")
            elif any(subject.lower() == t.lower() for t in parties.them):
                sides.add("them")
        if sides == {"us", "them"}:
            return "both"
        return sides.pop() if sides else None

    # Judge on the passages that carry the clause most (the top of the core): auxiliary sentences
    # of the same article ("Company shall pay remuneration") say nothing about who the clause binds.
    top = sorted(readings, key=lambda x: -x[0].total)[:DIRECTION_PASSAGES]
    duties = [(s, side(r)) for s, r in top if r.modality in ("obligation", "prohibition", "effort")]
    # "Supplier may subcontract only with Customer's consent" restricts, it does not entitle.
    rights = [(s, side(r)) for s, r in top if r.modality == "permission" and not r.conditioned]
    if clause.bound == "counterparty":
        known = [(s, d) for s, d in duties if d is not None]
        if known and all(d == "us" for _, d in known):
            return msg("direction_bound", ui_lang, party=parties.us[0], where=_where(known[0][0]))
    if clause.entitled == "us":
        known = [(s, d) for s, d in rights if d is not None]
        if known and all(d == "them" for _, d in known):
            name = parties.them[0] if parties.them else "?"
            return msg("direction_entitled", ui_lang, party=name, where=_where(known[0][0]))
    return None


def _missing(ranked: Sequence[PassageScore], *, ui_lang: str, anchors: Sequence[str] = (),
             element_titles: Mapping[str, str] | None = None,
             near_miss_units: Mapping[int, str] | None = None) -> Verdict:
    """The verdict when nothing locates the clause, with the nearest candidates and, for each,
    why it was rejected (proof of absence)."""
    best = ranked[0].total if ranked else 0.0
    shown = "、".join(anchors[:4]) if ui_lang == "ja" else ", ".join(anchors[:4])
    units = near_miss_units or {}
    candidates = []
    for s in ranked[:MAX_CANDIDATES]:
        if s.total <= 0:
            break
        why = [_rejection(s, ui_lang=ui_lang, anchors=shown, units=units)]
        titles = element_titles or {}
        terms = [*s.keyword_hits, *(f"「{titles[e]}」" if ui_lang == "ja" and e in titles
                                    else f'"{titles[e]}"' if e in titles else e for e in s.element_hits)]
        matched = msg("rejected_matched", ui_lang, terms=", ".join(terms)) if terms else None
        why.append(matched or msg("rejected_nothing", ui_lang))
        candidates.append(Candidate(evidence=evidence_of(s, role="candidate"), score=round(s.total, 3),
                                    why_rejected="; ".join(why)))
    if best >= LOCATE_THRESHOLD:  # the best candidates scored, but each was ruled out
        reason = msg("missing_ruled_out", ui_lang, score=f"{best:.2f}",
                     why=_rejection(ranked[0], ui_lang=ui_lang, anchors=shown, units=units))
        best = LOCATE_THRESHOLD * 0.9  # confidence as for a near miss
    else:
        reason = msg("missing", ui_lang, score=f"{best:.2f}", threshold=f"{LOCATE_THRESHOLD:.2f}")
    confidence = _clamp(1.0 - 0.7 * (best / LOCATE_THRESHOLD))
    return Verdict(
        status="missing",
        confidence=round(max(confidence, 0.3), 2),
        evidence=(),
        elements=(),
        reasons=(reason,),
        weak_because=(),
        candidates=tuple(candidates),
        direction_judged=False,
    )


def _rejection(s: PassageScore, *, ui_lang: str, anchors: str, units: Mapping[int, str]) -> str:
    """Why one passage does not locate the clause, in the reviewer's words."""
    if s.excluded_as:
        return msg("rejected_excluded", ui_lang, what=s.excluded_as)
    if s.total >= LOCATE_THRESHOLD:
        if s.passage.unit is not None and s.passage.unit in units:
            return msg("rejected_in_near_miss", ui_lang, what=units[s.passage.unit])
        if s.passage.fragment:
            return msg("rejected_fragment", ui_lang)
        if s.definition:
            return msg("rejected_definition", ui_lang)
        if not s.anchored:
            return msg("rejected_unanchored", ui_lang, anchors=anchors)
    return msg("rejected_below", ui_lang, score=f"{s.total:.2f}", threshold=f"{LOCATE_THRESHOLD:.2f}")


def _carries(element: CompiledElement, score: PassageScore) -> bool:
    """The passage states the element, in its own words (found while scoring) or through what it
    refers to (a unit's title, a defined term's definition: see :mod:`clausecheck.matching.context`)."""
    if element.id in score.element_hits:
        return True
    context = score.passage.context
    return bool(context) and bool(hits(element.signals, context))


def _ours(norm: str, at: int, parties: PartyView) -> bool:
    """True when the discretion just before ``at`` is ours (甲が必要と認めた場合): that keeps the
    clause in our hands rather than gutting it."""
    window = norm[max(0, at - 12) : at + 2].lower()
    return any(u.lower() in window for u in parties.us) and not any(t.lower() in window for t in parties.them)


def _where(score: PassageScore) -> str:
    p = score.passage
    if p.unit_ref and p.unit_title:
        return f"{p.unit_ref}（{p.unit_title}）"
    return p.unit_ref or f"block {p.block}"


def _dedupe(items: Sequence[Evidence]) -> tuple[Evidence, ...]:
    seen: set[tuple[int, int, int]] = set()
    out: list[Evidence] = []
    for ev in items:
        key = (ev.block, ev.start, ev.end)
        if key not in seen:
            seen.add(key)
            out.append(ev)
    return tuple(out)


def _clamp(value: float) -> float:
    return max(0.05, min(0.99, value))
