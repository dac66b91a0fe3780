"""The scan: contract + library + playbook → findings. Pure over its inputs; the only I/O is
reading the contract when given a path (through :mod:`clausecheck.reading`).

``clausecheck.scan`` (re-exported from the package) is the API the CLI, the TUI and batch use.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from clausecheck import ENGINE_VERSION
from clausecheck.errors import UsageError
from clausecheck.findings import Finding, ScanResult
from clausecheck.matching.compiled import CompiledClause, compile_clause, compile_signals
from clausecheck.matching.detect import Detection, detect_type
from clausecheck.matching.grade import ExceptionRules, PartyView, core_of, grade
from clausecheck.matching.locate import PassageScore, score_passages
from clausecheck.matching.passages import Passage, build_passages
from clausecheck.matching.provider import infer_provider
from clausecheck.signals import Signal, compile_signal

if TYPE_CHECKING:
    from clausecheck.analysis.modality import Lexicon as CompiledLexicon
    from clausecheck.analysis.parse import SubjectParser
    from clausecheck.document import Document, View
    from clausecheck.library import Library, Playbook
    from clausecheck.library.models import Lang


@dataclass(frozen=True, slots=True)
class Prepared:
    """A contract read and split into passages: the part of a scan that does not depend on the
    playbook, so the TUI can switch playbooks without re-reading."""

    document: Document
    contract: Any
    language: str
    passages: tuple[Passage, ...]
    title_norm: str
    body_norm: str


def prepare(document: Document, *, lang: str = "auto") -> Prepared:
    """Structure the document and tokenise every sentence (the cheap pass), in the contract's
    language or in ``lang`` when it is ``ja`` or ``en``."""
    from clausecheck.normalise import normalise
    from clausecheck.structure import build_contract

    contract = build_contract(document)
    if lang not in ("ja", "en"):
        lang = "en" if contract.language == "en" else "ja"
    passages = _passages(contract, document, lang)
    title = contract.title or ""
    body = "\n".join(p.norm for p in passages[:400])  # the opening pages name the deal
    return Prepared(document, contract, lang, passages, normalise(title, lang=lang), body)


def scan(
    source: str | Path | Document | Prepared,
    *,
    playbook: str = "auto",
    our_party: str | None = None,
    library: Library | None = None,
    view: View = "accepted",
    lang: str = "auto",
    ui_lang: str | None = None,
    parser: SubjectParser | None = None,
) -> ScanResult:
    """Scan one contract. ``playbook`` is ``auto`` (detect), ``all`` or a playbook id or path."""
    located = locate_contract(source, playbook=playbook, our_party=our_party, library=library, view=view,
                              lang=lang, ui_lang=ui_lang)
    return grade_located(located, parser=parser)


def locate_contract(
    source: str | Path | Document | Prepared,
    *,
    playbook: str = "auto",
    our_party: str | None = None,
    library: Library | None = None,
    view: View = "accepted",
    lang: str = "auto",
    ui_lang: str | None = None,
) -> Located:
    """The cheap half of :func:`scan`: detect the type, resolve the playbook, score every clause."""
    from clausecheck.library import load_playbook

    lib = library if library is not None else _default_library()
    prepared = _prepared(source, view=view, lang=lang)
    detection = detection_of(prepared, lib)
    # An id (all, license …) or a playbook file.
    pb = lib.playbook(detection.playbook or "all") if playbook == "auto" else load_playbook(playbook, lib)
    return locate(prepared, playbook=pb, library=lib, our_party=our_party, ui_lang=ui_lang, detection=detection)


def scan_with_playbook(
    source: Document | Prepared,
    *,
    playbook: Playbook,
    library: Library,
    our_party: str | None = None,
    lang: str = "auto",
    ui_lang: str | None = None,
    parser: SubjectParser | None = None,
    detection: Detection | None = None,
    lenient_party: bool = False,
) -> ScanResult:
    """Scan with a resolved playbook (the TUI switches playbooks; ``library test`` builds one).

    ``lenient_party`` accepts an ``our_party`` the contract does not define as a party (a clause
    example has no party definitions, only 甲 and 乙 in its text).
    """
    located = locate(source, playbook=playbook, library=library, our_party=our_party, lang=lang,
                     ui_lang=ui_lang, detection=detection, lenient_party=lenient_party)
    return grade_located(located, parser=parser)


@dataclass(frozen=True, slots=True)
class Located:
    """A contract with every clause of a playbook scored against every sentence: the cheap part of
    a scan. :func:`grade_located` turns it into findings, with or without the full parse, so a
    quick pass and a confirming pass (the TUI) score the contract once."""

    prepared: Prepared
    playbook: Playbook
    library: Library
    detection: Detection
    parties: PartyView
    ui_lang: str
    clauses: tuple[tuple[Any, CompiledClause, tuple[PassageScore, ...]], ...]
    """(playbook entry, compiled clause, every sentence's score), in playbook order."""


def locate(
    source: Document | Prepared,
    *,
    playbook: Playbook,
    library: Library,
    our_party: str | None = None,
    lang: str = "auto",
    ui_lang: str | None = None,
    detection: Detection | None = None,
    lenient_party: bool = False,
) -> Located:
    """Decide who we are and score every clause of ``playbook`` against every sentence."""
    lib = library
    prepared = _prepared(source, view="accepted", lang=lang)
    language = prepared.language
    markers = lib.lexicon.parties.ja.markers if language == "ja" else ()
    kit = _kit(lib, language)

    def provider(groups: list[tuple[str, ...]]) -> int | None:
        return infer_provider(prepared.passages, groups, kit.provides, lang=language, things=kit.provided,
                              mutual=kit.lexicon.mutual)

    parties = party_view(prepared.contract, playbook, our_party=our_party, lang=language, lenient=lenient_party,
                         role_names=kit.role_names,
                         document=prepared.document, markers=markers, provider=provider)
    clauses = []
    for entry in playbook.entries:
        compiled = _compiled(lib, entry.clause_id, language)
        scores = tuple(score_passages(prepared.passages, compiled, title_norm=prepared.title_norm))
        clauses.append((entry, compiled, scores))
    return Located(prepared, playbook, lib, detection or Detection(playbook=None, confidence=0.0, scores=()),
                   parties, ui_lang or language, tuple(clauses))


def grade_located(located: Located, *, parser: SubjectParser | None = None) -> ScanResult:
    """Grade every scored clause: parse (in one batch) the core sentences whose subject the surface
    rules cannot read, then decide present / weak / missing."""
    prepared, lib, ui, parties = located.prepared, located.library, located.ui_lang, located.parties
    language = prepared.language
    kit = _kit(lib, language)
    lexicon, exception_rules = kit.lexicon, kit.rules
    subjects = _parsed_subjects(prepared, located.clauses, parties, lexicon, parser) if language == "ja" else {}

    findings: list[Finding] = []
    for entry, compiled, scores in located.clauses:
        clause = lib.clauses[entry.clause_id]
        verdict = grade(
            compiled,
            scores,
            lexicon=lexicon,
            exception_rules=exception_rules,
            parties=parties,
            ui_lang=ui,
            subjects=subjects,
        )
        findings.append(
            Finding(
                clause_id=entry.clause_id,
                title=getattr(clause.titles, "ja" if ui == "ja" else "en"),
                status=verdict.status,  # type: ignore[arg-type]
                severity=entry.severity,
                level=entry.level,
                confidence=verdict.confidence,
                evidence=verdict.evidence,
                elements=verdict.elements,
                reasons=verdict.reasons,
                weak_because=verdict.weak_because,
                candidates=verdict.candidates,
                why=getattr(clause.why, "ja" if ui == "ja" else "en"),
                citations=tuple(
                    f"{c.seed} {c.page or ''} {c.lines}".replace("  ", " ").strip() for c in clause.citations
                ),
                recommended_wording=getattr(clause.recommended_wording, language),
                direction_judged=verdict.direction_judged,
            )
        )
    detection = located.detection
    return ScanResult(
        file=prepared.document.path,
        sha256=prepared.document.sha256,
        language=prepared.contract.language,
        contract_type=detection.playbook,
        contract_type_confidence=detection.confidence,
        playbook=located.playbook.id,
        our_party=parties.us[0] if parties.us else None,
        findings=tuple(findings),
        library_version=lib.meta.version,
        engine_version=ENGINE_VERSION,
    )


def _parsed_subjects(
    prepared: Prepared, located: Sequence[tuple[Any, CompiledClause, Sequence[Any]]], parties: PartyView,
    lexicon: CompiledLexicon, parser: SubjectParser | None,
) -> dict[int, str | None]:
    """Parse, in one batch, the core sentences whose subject the surface rules could not read.

    Only these few sentences pay for GiNZA (≈ 2,000 chars/s); the rest of the contract is only
    tokenised."""
    from clausecheck.analysis.modality import read_sentence

    if not parties.known:
        return {}
    todo: list[int] = []
    for index in sorted({s.passage.index for _, clause, scores in located for s in core_of(clause, scores)}):
        passage = prepared.passages[index]
        reading = read_sentence(passage.norm, lang="ja", lexicon=lexicon, parties=parties.all_names)
        if not reading.subjects and not reading.mutual and reading.modality != "statement":
            todo.append(index)
    if not todo:
        return {}
    texts = [prepared.passages[i].text for i in todo]
    return dict(zip(todo, (parser or _default_parser()).subjects(texts, parties.all_names), strict=True))


def party_view(contract: Any, playbook: Playbook, *, our_party: str | None, lang: str,
               lenient: bool = False, document: Document | None = None,
               markers: Sequence[str] = (), provider: Callable[[list[tuple[str, ...]]], int | None] | None = None,
               role_names: Sequence[str] = (),
               ) -> PartyView:
    """Who is "us": the ``--our-party`` name, else the party whose role the playbook names as ours."""
    from clausecheck.matching.segments import party_names

    groups = party_names(contract, document, markers)  # [(names of party 1), (names of party 2), …]
    provider_hint = provider(groups) if provider is not None and not our_party else None
    if our_party:
        ours = [g for g in groups if any(our_party.lower() == n.lower() for n in g)]
        if not ours and lenient:
            groups = [*groups, (our_party,)]
            ours = [groups[-1]]
        if not ours:
            known = ", ".join(g[0] for g in groups if g) or "none found"
            raise UsageError(f"--our-party {our_party!r} is not a party of this contract",
                             hint=f"parties found: {known}")
    else:
        roles = {r.lower() for r in playbook.position.roles.get("ja" if lang == "ja" else "en")}
        if playbook.position.side == "recipient":
            roles = {r.lower() for r in playbook.position.counterparty_roles.get("ja" if lang == "ja" else "en")}
        ours = [g for g in groups if any(n.lower() in roles for n in g)]
        if not ours and provider_hint is not None and playbook.position.side == "provider":
            ours = [groups[provider_hint]]
    if not ours:
        return PartyView()
    us = ours[0]
    them = tuple(n for g in groups if g is not us for n in g)
    if lenient and not them and document is not None:
        # A clause example defines no parties: the role nouns it uses (Licensee, Recipient,
        # Partner …) other than ours are the counterparty.
        text = document.text().lower()
        mine = {n.lower() for n in us}
        them = tuple(r for r in role_names
                     if r.lower() not in mine and re.search(rf"\b{re.escape(r.lower())}\b", text))
    return PartyView(us=tuple(us), them=them)


@cache
def _default_parser() -> SubjectParser:
    from clausecheck.analysis.parse import GinzaParser

    return GinzaParser()


@cache
def _default_library() -> Library:
    from clausecheck.library import load_library

    return load_library()


_COMPILED: dict[tuple[int, str, str], CompiledClause] = {}


def _compiled(lib: Library, clause_id: str, lang: str) -> CompiledClause:
    key = (id(lib), clause_id, lang)
    if key not in _COMPILED:
        _COMPILED[key] = compile_clause(lib.clauses[clause_id], lang=lang, phrases=lib.lexicon.phrases)
    return _COMPILED[key]


@dataclass(frozen=True, slots=True)
class _Kit:
    """The library-wide word lists of one language, compiled once per library (not per scan)."""

    lexicon: CompiledLexicon
    rules: ExceptionRules
    provides: tuple[Signal, ...]
    provided: tuple[Signal, ...]
    role_names: tuple[str, ...]
    """Every role noun of the playbooks' positions (Licensor, 受託者 …): a clause example's parties."""


_KITS: dict[tuple[int, str], _Kit] = {}


def _kit(lib: Library, lang: str) -> _Kit:
    from clausecheck.analysis.modality import Lexicon as CompiledLexicon

    key = (id(lib), lang)
    if key not in _KITS:
        code = _code(lang)
        lx = lib.lexicon
        compiled = CompiledLexicon(
            obligation=compile_signals(lx.modality.obligation.get(code), lang=lang),
            prohibition=compile_signals(lx.modality.prohibition.get(code), lang=lang),
            permission=compile_signals(lx.modality.permission.get(code), lang=lang),
            effort=compile_signals(lx.modality.effort.get(code), lang=lang),
            weakeners=compile_signals(lx.weakeners.get(code), lang=lang),
            exceptions=compile_signals(lx.exceptions.get(code), lang=lang),
            mutual=tuple(compile_signal(term=m, lang=lang) for m in getattr(lx.parties, code).mutual),
            consent=compile_signals(lx.consent.get(code), lang=lang),
        )
        rules = ExceptionRules(
            discretion=compile_signals(lx.discretion.get(code), lang=lang),
            benign=compile_signals(lx.benign_exceptions.get(code), lang=lang),
            consent=compiled.consent,
        )
        roles = tuple(dict.fromkeys(r for p in lib.playbooks.values()
                                    for r in (*p.position.roles.get(code), *p.position.counterparty_roles.get(code))))
        _KITS[key] = _Kit(compiled, rules, compile_signals(lx.provides.get(code), lang=lang),
                          compile_signals(lx.provided.get(code), lang=lang), roles)
    return _KITS[key]


def _code(lang: str) -> Lang:
    """The library's language code for a contract language (anything not English reads as ja)."""
    return "en" if lang == "en" else "ja"


def _prepared(source: str | Path | Document | Prepared, *, view: View, lang: str) -> Prepared:
    from clausecheck.document import Document

    if isinstance(source, Prepared):
        return source
    if isinstance(source, Document):
        document = source
    else:
        from clausecheck.reading import read_document

        document = read_document(source, view=view)
    return prepare(document, lang=lang)


def _passages(contract: Any, document: Document, lang: str) -> tuple[Passage, ...]:
    from clausecheck.matching.context import with_context
    from clausecheck.matching.segments import segments_of

    return with_context(build_passages(segments_of(contract, document), lang=lang), contract, lang=lang)


def detection_of(prepared: Prepared, lib: Library) -> Detection:
    """The contract type detection alone (for ``show`` and the TUI)."""
    return detect_type(
        title_norm=prepared.title_norm,
        body_norm=prepared.body_norm,
        playbooks=[p for p in lib.playbooks.values() if not p.include_all],
        lang=prepared.language,
    )
