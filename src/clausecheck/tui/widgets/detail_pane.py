"""The detail pane: status and confidence, elements with evidence, reasons, why it matters with
the seed citation, the recommended wording in both languages, and the reviewer's decision."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from rich.console import Group
from rich.text import Text
from textual.containers import VerticalScroll
from textual.widgets import Static

from clausecheck.report.labels import label
from clausecheck.review_labels import review_label
from clausecheck.tui.data.contract_text import wrap_offsets

if TYPE_CHECKING:
    from clausecheck.decisions import AppliedDecision
    from clausecheck.findings import Evidence, Finding
    from clausecheck.tui.data.findings import ClauseInfo


class DetailPane(VerticalScroll, can_focus=True):
    """Everything about the selected finding, as one scrollable text."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {"detail-pane--heading", "detail-pane--muted", "detail-pane--met",
                                             "detail-pane--unmet", "detail-pane--missing", "detail-pane--weak",
                                             "detail-pane--present", "detail-pane--wording", "detail-pane--stale"}
    DEFAULT_CSS = """
    DetailPane { padding: 0 1; }
    DetailPane > .detail-pane--heading { text-style: bold; color: $primary; }
    DetailPane > .detail-pane--muted { color: $text-muted; }
    DetailPane > .detail-pane--met { color: $success; }
    DetailPane > .detail-pane--unmet { color: $error; text-style: bold; }
    DetailPane > .detail-pane--missing { color: $error; text-style: bold; }
    DetailPane > .detail-pane--weak { color: $warning; text-style: bold; }
    DetailPane > .detail-pane--present { color: $success; text-style: bold; }
    DetailPane > .detail-pane--wording { color: $text; background: $boost; }
    DetailPane > .detail-pane--stale { color: $warning; text-style: bold; }
    """

    def __init__(self, *, lang: str = "ja", id: str | None = None) -> None:
        super().__init__(id=id)
        self.lang = lang
        self.plain = ""
        self._shown: list[Text] = []

    def compose(self):  # type: ignore[no-untyped-def]
        yield Static(review_label("tui_no_finding", self.lang), id="detail-body")

    @property
    def body(self) -> Static:
        return self.query_one("#detail-body", Static)

    def show(self, finding: Finding | None, info: ClauseInfo | None, decision: AppliedDecision | None,
             *, contract_lang: str) -> None:
        if finding is None:
            self.plain = review_label("tui_no_finding", self.lang)
            self.body.update(self.plain)
            return
        self._shown = self._parts(finding, info, decision, contract_lang)
        self.plain = "\n".join(p.plain for p in self._shown)
        self._update_body()
        self.scroll_home(animate=False)

    def _update_body(self) -> None:
        """Wrap Japanese by character (rich would move a whole unspaced sentence to the next line)."""
        width = max(10, self.scrollable_content_region.width - 1)
        self.body.update(Group(*(_fill(t, width) for t in self._shown)))

    def on_resize(self) -> None:
        if self._shown:
            self._update_body()

    def text(self) -> str:
        """The pane's plain text (for tests and screen readers)."""
        return self.plain

    def _style(self, name: str) -> str:
        return str(self.get_component_rich_style(f"detail-pane--{name}", partial=True))

    def _heading(self, key: str) -> Text:
        return Text("\n" + review_label(key, self.lang), style=self._style("heading"))

    def _evidence(self, e: Evidence, indent: str = "    ") -> Text:
        where = f"{e.article}（{e.article_title}）" if e.article_title else (e.article or f"#{e.block}")
        return Text(f"{indent}{where}: " + " ".join(e.text.split()), style=self._style("muted"))

    def _parts(self, f: Finding, info: ClauseInfo | None, decision: AppliedDecision | None,
               contract_lang: str) -> list[Text]:
        lang = self.lang
        title = info.title(lang) if info else f.title
        parts: list[Text] = [
            Text.assemble((title, "bold"), ("  " + f.clause_id, self._style("muted"))),
            Text.assemble((label("status_" + f.status, lang), self._style(f.status)), " · ", review_label(
                "tui_severity_conf", lang, severity=label("severity_" + f.severity, lang),
                level=review_label("tui_level_" + f.level, lang), confidence=f"{f.confidence:.2f}")),
        ]
        if decision is not None:
            d = decision.decision
            line = Text.assemble((review_label("decision_label", lang) + ": ", "bold"),
                                 (review_label("decision_" + d.decision, lang), self._style("present")))
            if decision.stale:
                line.append(" " + review_label("decision_stale", lang), style=self._style("stale"))
            parts.append(line)
            if d.note:
                parts.append(Text("  " + d.note.replace("\n", "\n  "), style=self._style("muted")))
        if not f.direction_judged and f.status != "missing":
            parts.append(Text(review_label("tui_direction_unjudged", lang), style=self._style("muted")))
        if f.elements:
            parts.append(self._heading("tui_elements"))
            for el in f.elements:
                el_title = (info.elements.get(el.id, {}).get(lang) if info else None) or el.title
                mark, style = ("✓", "met") if el.met else ("✗", "unmet")
                req = "" if el.required else f" ({review_label('tui_level_recommended', lang)})"
                parts.append(Text.assemble((f"  {mark} ", self._style(style)), el_title + req))
                parts += [self._evidence(e) for e in el.evidence[:2]]
        elif f.evidence:
            parts.append(self._heading("tui_evidence"))
            parts += [self._evidence(e, "  ") for e in f.evidence]
        if f.candidates:
            parts.append(self._heading("tui_candidates"))
            for c in f.candidates:
                parts.append(Text(f"  {c.evidence.article or '#' + str(c.evidence.block)} ({c.score:.2f}) "
                                  f"— {c.why_rejected}"))
                parts.append(self._evidence(c.evidence))
        if f.reasons:
            parts.append(self._heading("tui_reasons"))
            parts += [Text(f"  • {r}") for r in f.reasons]
        parts.append(self._heading("tui_why"))
        parts.append(Text("  " + ((info.why.get(lang) if info else None) or f.why)))
        if f.citations:
            parts.append(Text("  " + review_label("tui_cite", lang) + ": " + "; ".join(f.citations),
                              style=self._style("muted")))
        for wl in (contract_lang, "en" if contract_lang == "ja" else "ja"):
            wording = (info.wording.get(wl) if info else None) or (f.recommended_wording if wl == contract_lang else "")
            if wording:
                parts.append(self._heading(f"tui_wording_{wl}"))
                parts.append(Text(wording.rstrip(), style=self._style("wording")))
        parts.append(Text("\n" + review_label("tui_wording_keys", lang), style=self._style("muted")))
        return parts


def _fill(text: Text, width: int) -> Text:
    pieces = text.split("\n", allow_blank=True)
    lines = [line for piece in pieces for line in (piece.divide(wrap_offsets(piece.plain, width)) or [piece])]
    return Text("\n").join(lines)

