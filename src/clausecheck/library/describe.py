"""A clause described for a reader, in one language, as rich renderables (no I/O here).

Clause texts are data and may contain square brackets (``[Confidentiality]``), so everything is
built from :class:`rich.text.Text`, never from markup strings.
"""

from __future__ import annotations

from rich.console import Group, RenderableType
from rich.padding import Padding
from rich.text import Text

from clausecheck.library.catalog import Library
from clausecheck.library.models import Clause, Lang, LangSignals, LangText, Signal, WeakSign

_LABELS: dict[str, tuple[str, str]] = {
    "summary": ("概要", "Summary"),
    "why": ("なぜ必要か", "Why it matters"),
    "citations": ("出典", "Citations"),
    "contract_types": ("契約類型", "Contract types"),
    "playbooks": ("プレイブック", "Playbooks"),
    "direction": ("義務者・権利者", "Direction"),
    "signals": ("見出し語・キーワード", "Headings and keywords"),
    "elements": ("要素", "Elements"),
    "weak": ("弱い規定の兆候", "Signs of a weak version"),
    "wording": ("弱める文言（lexicon の weakeners に加えて）", "Weakening wording (besides the lexicon's)"),
    "recommended": ("推奨文言", "Recommended wording"),
    "examples": ("例文", "Examples"),
    "gaps": ("既知の限界", "Known gaps"),
}
_PARTY = {
    "ja": {"counterparty": "相手方", "us": "当方（技術提供者）", "both": "双方", "any": "いずれでも"},
    "en": {
        "counterparty": "counterparty",
        "us": "us (the technology provider)",
        "both": "both",
        "any": "any",
    },
}


def _label(key: str, lang: Lang) -> Text:
    ja, en = _LABELS[key]
    return Text(ja if lang == "ja" else en, style="bold cyan")


def signal_text(signal: Signal) -> str:
    """``支配権``, ``支配権 ×2``, ``/株式.{0,10}取得/ ×1.5`` or ``[termination_right]`` (a phrase list
    of lexicon.yaml), as shown to readers."""
    if signal.phrase is not None:
        base = f"[{signal.phrase}]"
    else:
        base = f"/{signal.re}/" if signal.re is not None else str(signal.term)
    return base if signal.weight == 1.0 else f"{base} ×{signal.weight:g}"


def _signals(signals: LangSignals, lang: Lang) -> str:
    return ", ".join(signal_text(s) for s in signals.get(lang)) or "—"


def _indent(renderable: RenderableType) -> Padding:
    return Padding(renderable, (0, 0, 0, 2), expand=False)


def describe_clause(library: Library, clause: Clause, lang: Lang) -> Group:
    """Titles, summary, why with citations, contract types, elements with signals, weak signs
    and wording, direction, recommended wording and examples by label."""

    def t(pair: LangText | WeakSign) -> str:
        return pair.ja if lang == "ja" else pair.en

    parts: list[RenderableType] = []
    head = Text(clause.id, style="bold")
    if clause.aliases:
        head.append(f" (alias: {', '.join(clause.aliases)})", style="dim")
    head.append(f" — {t(clause.titles)}")
    parts += [head, Text(f"group: {clause.group}", style="dim"), Text()]
    parts += [_label("summary", lang), _indent(Text(t(clause.summary))), _label("why", lang)]
    parts.append(_indent(Text(t(clause.why))))
    for c in clause.citations:
        parts.append(
            _indent(Text(f"· {c.seed} {c.page or ''} {c.lines}: {c.note}".replace("  ", " "), style="dim"))
        )
    parts += [_label("contract_types", lang), _indent(Text(", ".join(clause.contract_types)))]
    in_playbooks = [
        f"{p.id} ({entry.level}, {entry.severity})"
        for p in library.playbooks.values()
        if not p.include_all and (entry := p.entry(clause.id)) is not None
    ]
    if in_playbooks:
        parts += [_label("playbooks", lang), _indent(Text(", ".join(in_playbooks)))]
    d = clause.direction
    direction = Text(f"bound: {_PARTY[lang][d.bound]} · entitled: {_PARTY[lang][d.entitled]}")
    if d.note is not None:
        direction.append(f"\n{t(d.note)}", style="dim")
    parts += [_label("direction", lang), _indent(direction), _label("signals", lang)]
    parts.append(_indent(Text(f"headings: {_signals(clause.signals.headings, lang)}")))
    parts.append(_indent(Text(f"keywords: {_signals(clause.signals.keywords, lang)}")))
    if clause.signals.anchors.get(lang):
        parts.append(_indent(Text(f"anchors: {_signals(clause.signals.anchors, lang)}")))
    parts.append(_label("elements", lang))
    for element in clause.elements:
        line = Text("● " if element.required else "○ ", style="green" if element.required else "dim")
        line.append(element.id, style="bold")
        line.append(f" {'required' if element.required else 'optional'} — {t(element.title)}\n")
        line.append(f"  {_signals(element.signals, lang)}", style="dim")
        parts.append(_indent(line))
    parts.append(_label("weak", lang))
    parts += [_indent(Text(f"· {t(sign)}")) for sign in clause.weak.signs]
    if clause.weak.wording.get(lang):
        parts += [_label("wording", lang), _indent(Text(_signals(clause.weak.wording, lang)))]
    parts += [_label("recommended", lang), _indent(Text(t(clause.recommended_wording).rstrip()))]
    parts.append(_label("examples", lang))
    for label in ("present", "weak", "absent"):
        examples = [x for x in clause.examples if x.lang == lang and x.label == label]
        parts.append(_indent(Text(f"{label} ({len(examples)})", style="bold")))
        for x in examples:
            body = Text(f"· {x.text.rstrip()}")
            extra = [
                f"missing: {', '.join(x.missing)}" if x.missing else "",
                f"because: {x.weak_because}" if x.weak_because else "",
                x.note or "",
                f"todo: {x.todo}" if x.todo else "",
            ]
            if any(extra):
                body.append(f"\n  ({'; '.join(e for e in extra if e)})", style="dim")
            parts.append(_indent(_indent(body)))
    if clause.known_gaps:
        parts += [_label("gaps", lang), _indent(Text(clause.known_gaps))]
    return Group(*parts)
