"""The review memo in Markdown: what a lawyer attaches to an email."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, TextIO

from clausecheck.decisions import AppliedDecision, decision_of
from clausecheck.findings import STATUSES, Finding, ScanResult, review_order
from clausecheck.report.labels import label
from clausecheck.review_labels import review_label


def render(items: Sequence[Any], out: TextIO, ui_lang: str) -> None:
    for n, item in enumerate(items):
        if n:
            out.write("\n---\n\n")
        if not isinstance(item, ScanResult):
            out.write(f"## {item.file}\n\n" + label("file_error", ui_lang or "en", error=item.error) + "\n")
            continue
        lang = ui_lang or ("ja" if item.language == "ja" else "en")
        _render_one(item, out, lang)


def _render_one(r: ScanResult, out: TextIO, lang: str) -> None:
    w = out.write
    w(f"# {label('memo_title', lang)}\n\n")
    w(label("memo_intro", lang, engine=r.engine_version, library=r.library_version) + "\n\n")
    w(f"- {label('memo_file', lang)}: `{r.file}` (sha256 `{r.sha256[:12]}…`)\n")
    w(f"- {label('memo_type', lang)}: {r.playbook}")
    if r.contract_type:
        w(" — " + label("detected", lang, ctype=r.contract_type, conf=f"{r.contract_type_confidence:.2f}"))
    w("\n")
    w(f"- {label('memo_party', lang)}: {r.our_party or label('unknown_party', lang)}\n")
    w(f"- {label('summary', lang, **r.counts())}\n\n")
    for status in STATUSES:
        group = sorted((f for f in r.findings if f.status == status), key=review_order)
        if not group:
            continue
        w(f"## {label('status_' + status, lang)} ({len(group)})\n\n")
        for f in group:
            _finding(f, out, lang)
            applied = decision_of(r, f.clause_id)
            if applied is not None:
                _decision(applied, out, lang)


def _finding(f: Finding, out: TextIO, lang: str) -> None:
    w = out.write
    sev = label(f"severity_{f.severity}", lang)
    w(f"### {f.title} (`{f.clause_id}`) — {label('col_severity', lang)}: {sev}\n\n")
    for reason in f.reasons:
        w(f"- {reason}\n")
    w("\n")
    if f.evidence:
        w(f"**{label('memo_evidence', lang)}**\n\n")
        for e in f.evidence:
            where = f"{e.article}（{e.article_title}）" if e.article_title else (e.article or f"block {e.block}")
            w(f"> {where}: {_one_line(e.text)}\n>\n")
        w("\n")
    if f.elements:
        w(f"**{label('memo_elements', lang)}**\n\n")
        for el in f.elements:
            mark = "✓" if el.met else "✗"
            state = label("memo_met" if el.met else "memo_unmet", lang)
            w(f"- {mark} {el.title} ({state})\n")
        w("\n")
    if f.candidates:
        w(f"**{label('memo_candidates', lang)}**\n\n")
        for c in f.candidates:
            w(f"- {c.evidence.article or 'block ' + str(c.evidence.block)} ({c.score:.2f}): "
              f"{_one_line(c.evidence.text)[:120]} — {c.why_rejected}\n")
        w("\n")
    if f.status != "present":
        w(f"**{label('memo_why', lang)}**: {f.why}\n\n")
        if f.citations:
            w(f"*{label('memo_cite', lang)}: " + "; ".join(f.citations) + "*\n\n")
        w(f"**{label('memo_wording', lang)}**\n\n```text\n{f.recommended_wording.rstrip()}\n```\n\n")


def _decision(applied: AppliedDecision, out: TextIO, lang: str) -> None:
    """The reviewer's decision from the sidecar file, after the finding it is about."""
    w = out.write
    d = applied.decision
    w(f"**{review_label('decision_label', lang)}**: {review_label('decision_' + d.decision, lang)}")
    if applied.stale:
        w(" " + review_label("decision_stale", lang))
    w("\n\n")
    if d.note:
        w("".join(f"> {line}\n" for line in d.note.splitlines()) + "\n")
    if d.wording:
        w(f"**{review_label('decision_wording', lang)}**\n\n```text\n{d.wording.rstrip()}\n```\n\n")


def _one_line(text: str) -> str:
    return " ".join(text.split())
