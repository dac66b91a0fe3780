"""Typed models of the clause library's files: a clause, the library meta, the lexicon, a playbook.

These models are public API (companies fork the library and load it through them) and the
source of the committed JSON Schemas. They check the *shape* of one file; rules that need
several files or the whole library (ids vs file names, examples per language, playbook
references …) live in :mod:`clausecheck.library.checks` so that every error can be reported
at once with a hint.

Every model is frozen and rejects unknown keys: a typo in a key is an error, not a silently
ignored setting.
"""

from __future__ import annotations

from pydantic import Field

from clausecheck.library.base_models import (
    LANGS,
    SNAKE_ID,
    Id,
    Label,
    Lang,
    LangSignals,
    LangText,
    LangTexts,
    Level,
    Party,
    Severity,
    Side,
    Signal,
    Text,
    WeakBecause,
    _Model,
)

__all__ = [
    "LANGS",
    "SNAKE_ID",
    "Citation",
    "Clause",
    "ClauseSignals",
    "Detect",
    "Direction",
    "Element",
    "Example",
    "ExampleDefaults",
    "Id",
    "Label",
    "Lang",
    "LangSignals",
    "LangText",
    "LangTexts",
    "Level",
    "Lexicon",
    "LibraryMeta",
    "Modality",
    "OurPartyDefaults",
    "Parties",
    "Party",
    "PartyWords",
    "PlaybookClause",
    "PlaybookSpec",
    "Position",
    "Severity",
    "Side",
    "Signal",
    "Source",
    "Text",
    "Weak",
    "WeakBecause",
    "WeakSign",
]


# --- a clause file --------------------------------------------------------------------------


class Citation(_Model):
    """Where in a seed the guidance says what the clause rests on."""

    seed: Text
    """A seed file name listed in ``meta.yaml`` ``sources``."""
    page: str | None = None
    """Printed page, section or slide (``p.28``, ``G2 p.139``); some seeds have none."""
    lines: Text
    """Line range in the seed text, e.g. ``L940-957``."""
    note: Text
    """What that passage says."""


class Exclusion(_Model):
    """A near miss the clause must not be mistaken for (a royalty-book audit is not an audit of
    information handling): a sentence that matches ``signals`` and none of ``unless`` does not
    locate the clause, and is shown as a rejected candidate with ``note``."""

    note: LangText
    """What the sentence is instead, for the reviewer."""
    signals: LangSignals
    """Any of these marks the near miss."""
    unless: LangSignals = LangSignals()
    """Any of these keeps the sentence a candidate after all (it also has what the clause needs)."""


class ClauseSignals(_Model):
    headings: LangSignals
    """Article heading words."""
    keywords: LangSignals
    """Body signals with weights."""
    exemplars: LangTexts
    """Typical sentences of a strong version (≥ 3 per language), never the text of an example."""
    anchors: LangSignals = LangSignals()
    """Optional: the subject the clause is about (an employee, an investor, the JV company). When
    given, a sentence locates the clause only if one of them occurs in it, in its article's heading
    or in the contract's title: a B2B return-of-information duty is no employee's exit duty."""
    excludes: tuple[Exclusion, ...] = ()
    definitions: bool = False
    """Whether a definition ("X" means …, 「X」とは…をいう) may locate the clause: true for clauses
    that are themselves definitions (confidential information, scope). A definition says what a
    word means and binds no one, so it cannot otherwise be the core of a clause (it still
    supplies elements, through the defined term)."""
    """Optional: near misses that look like the clause but are another one (see :class:`Exclusion`)."""


class Element(_Model):
    """One part of a strong version of the clause."""

    id: Id
    title: LangText
    required: bool
    """Whether its absence makes the clause ``weak`` rather than ``present``."""
    signals: LangSignals


class WeakSign(_Model):
    ja: Text
    en: Text


class Weak(_Model):
    wording: LangSignals = LangSignals()
    """Clause-specific weakening phrases, on top of the lexicon's ``weakeners``."""
    signs: tuple[WeakSign, ...] = Field(min_length=1)
    """Human-readable signs of a weak version."""


class Direction(_Model):
    bound: Party
    """Who must carry the duty. ``us`` is the technology provider (the playbook's position)."""
    entitled: Party
    """Who holds the right."""
    note: LangText | None = None


class Example(_Model):
    """A labelled sentence or short passage the test suite runs."""

    lang: Lang
    label: Label
    text: Text
    missing: tuple[str, ...] = ()
    """``weak`` only: the required elements the text lacks."""
    weak_because: WeakBecause | None = None
    """``weak`` only: why it is weak."""
    our_party: str | None = None
    """Whose side the example is read from (default: ``meta.example_defaults.our_party``)."""
    note: str | None = None
    todo: str | None = None
    """A known gap of the engine: reported visibly and run as a strict xfail."""


class Clause(_Model):
    """One clause type: a file ``<group>/<id>.yaml`` of the clause library."""

    id: Id
    """snake_case, stable, equal to the file name. Public API."""
    aliases: tuple[Id, ...] = ()
    """Old ids that still resolve to this clause."""
    overrides: bool = False
    """In a user library: replace the bundled clause with the same id (else a duplicate id)."""
    group: Id
    """Equal to the folder name."""
    titles: LangText
    summary: LangText
    why: LangText
    citations: tuple[Citation, ...] = Field(min_length=1)
    contract_types: tuple[Id, ...] = Field(min_length=1)
    """Playbook ids where the clause belongs."""
    signals: ClauseSignals
    elements: tuple[Element, ...] = Field(min_length=1)
    weak: Weak
    direction: Direction
    recommended_wording: LangText
    examples: tuple[Example, ...] = Field(min_length=1)
    known_gaps: str | None = None

    def element(self, element_id: str) -> Element | None:
        return next((e for e in self.elements if e.id == element_id), None)


# --- meta.yaml and lexicon.yaml -------------------------------------------------------------


class Source(_Model):
    """A seed document the clauses cite."""

    seed: Text
    title: Text
    publisher: str | None = None
    licence: str | None = None
    url: str | None = None


class OurPartyDefaults(_Model):
    ja: str | tuple[str, ...] = "甲"
    en: str | tuple[str, ...] = ()


class ExampleDefaults(_Model):
    our_party: OurPartyDefaults = OurPartyDefaults()


class LibraryMeta(_Model):
    """``meta.yaml``: the library's identity. Required in a base library, optional in a layer."""

    name: Text
    version: Text
    """Changes whenever a clause changes what it matches."""
    engine: str | None = None
    """The engine versions the library works with, e.g. ``>=0.1,<0.2``."""
    languages: tuple[Lang, ...] = LANGS
    """The languages every clause must have signals and examples for."""
    description: LangText | None = None
    sources: tuple[Source, ...] = ()
    example_defaults: ExampleDefaults = ExampleDefaults()


class Modality(_Model):
    obligation: LangSignals = LangSignals()
    prohibition: LangSignals = LangSignals()
    permission: LangSignals = LangSignals()
    effort: LangSignals = LangSignals()


class PartyWords(_Model):
    markers: tuple[Text, ...] = ()
    """Party placeholders (甲, 乙 …)."""
    mutual: tuple[Text, ...] = ()
    """Wording that binds or entitles both parties."""


class Parties(_Model):
    ja: PartyWords = PartyWords()
    en: PartyWords = PartyWords()


class Lexicon(_Model):
    """``lexicon.yaml``: library-wide word lists. A user layer's lists are appended to ours."""

    weakeners: LangSignals = LangSignals()
    modality: Modality = Modality()
    exceptions: LangSignals = LangSignals()
    discretion: LangSignals = LangSignals()
    """Wording that leaves an exception to a party's judgement (乙が必要と認めた場合, "in its sole
    discretion"): an exception carrying it guts the clause."""
    benign_exceptions: LangSignals = LangSignals()
    """The standard carve-outs (public domain, required by law, already known, our own consent):
    an exception made only of these leaves the clause whole; any other exception weakens it."""
    provides: LangSignals = LangSignals()
    """Verbs of giving technology (許諾する, 開示する, "grants", "discloses"): the party that does
    this to the other is the technology provider, when no role name says so."""
    provided: LangSignals = LangSignals()
    """What technology is (技術, 情報, ノウハウ, "technology", "know-how"): a giving sentence counts
    for the provider only when it gives one of these (a supplier providing goods does not)."""
    consent: LangSignals = LangSignals()
    """Words for consent (承諾, "consent"): an exception that needs *our* consent is benign."""
    parties: Parties = Parties()
    phrases: dict[str, LangSignals] = Field(default_factory=dict)
    """Named lists of wording that many clauses share (``termination_right``: 解除することができる,
    "may terminate" …); a clause signal ``{phrase: NAME}`` stands for the whole list."""


# --- a playbook file ------------------------------------------------------------------------


class PlaybookClause(_Model):
    """A clause a playbook checks. In an extending playbook, an inherited id may give only
    what changes (e.g. just ``severity``)."""

    id: Text
    """A clause id or alias."""
    level: Level | None = None
    severity: Severity | None = None
    note: str | None = None
    """Why, citing the seed line (e.g. ``000 checklist L2917``)."""


class Position(_Model):
    """Whose side the playbook reviews from."""

    side: Side = "provider"
    roles: LangTexts = LangTexts()
    """Names of our role (ライセンサー, Licensor)."""
    counterparty_roles: LangTexts = LangTexts()


class Detect(_Model):
    """Signals that tell this contract type from its title and content."""

    titles: LangSignals = LangSignals()
    keywords: LangSignals = LangSignals()


class PlaybookSpec(_Model):
    """A playbook file ``playbooks/<id>.yaml`` as written (see :class:`Playbook` for resolved)."""

    id: Id
    extends: str | None = None
    """A playbook id, or a path (relative to this file) to a playbook file."""
    overrides: bool = False
    """In a user library: replace the bundled playbook with the same id."""
    titles: LangText | None = None
    """Required unless inherited through ``extends``."""
    description: LangText | None = None
    position: Position | None = None
    detect: Detect | None = None
    clauses: tuple[PlaybookClause, ...] = ()
    remove: tuple[Text, ...] = ()
    """Clause ids of the parent to drop."""
    include_all: bool = False
    """Check every clause of the library; severity by importance in the other playbooks."""
