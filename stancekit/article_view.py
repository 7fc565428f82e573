"""The article view: a document's text with its sources, hedges and framing terms highlighted,
a legend, and a side panel with the document summary (:meth:`DocumentResult.to_html`).

One self-contained HTML file (inline CSS, no script, no network request); every piece of text
is escaped by jinja2's autoescaping. Hovering a highlighted span shows its details (``title``);
focusing it with the keyboard shows them too (CSS only). Prints as it reads.
"""

from __future__ import annotations

import functools
from typing import Any

from stancekit.results import DocumentResult

__all__ = ["render_article", "party_colours", "segments", "environment"]

_PALETTE = ("#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#8c564b", "#e377c2", "#17becf", "#bcbd22", "#ff7f0e",
            "#aec7e8", "#393b79", "#637939")
#: drawing order: a later mark paints over an earlier one where both cover a character
_PRIORITY = {"content": 0, "cue": 1, "hedge": 2, "term": 3, "source": 4}


def party_colours(parties: tuple[str, ...]) -> dict[str, str]:
    """A fixed colour per party, in the frame's order (axis sides first); ``none`` grey."""
    out = {p: _PALETTE[i % len(_PALETTE)] for i, p in enumerate(parties)}
    out["none"] = "#6b6b6b"
    return out


def _marks(doc: DocumentResult) -> list[tuple[int, int, str, str, str | None]]:
    """``(start, end, kind, details, party)`` for every highlighted span."""
    out = []
    for s in doc.sentences:
        for src in s.attribution.sources:
            party = src.side or "none"
            cue = f"; cue “{src.cue.text}” ({src.cue_stance})" if src.cue else ""
            out.append((src.span.start, src.span.end, "source",
                        f"source: {src.type}, party {party}{cue}; sentence P(attributed) {s.attribution.probability:.2f}",
                        party))
            if src.cue:
                out.append((src.cue.start, src.cue.end, "cue", f"cue ({src.cue_stance}) of {src.span.text}", party))
            if src.content:
                out.append((src.content.start, src.content.end, "content", f"content attributed to {src.span.text}", party))
        for c in s.hedging.cues:
            out.append((c.span.start, c.span.end, "hedge",
                        f"hedge cue: {c.category}; sentence P(hedged) {s.hedging.probability:.2f}", None))
        for t in s.framing.terms:
            voice = "quoted (a source's words)" if t.inside_quote else "own voice"
            side = t.side or "no side"
            neutral = f"; neutral: {t.neutral}" if t.neutral else ""
            out.append((t.span.start, t.span.end, "term",
                        f"{t.kind} term, {side}, {voice}{neutral}; sentence P(loaded) {s.framing.probability:.2f}",
                        t.side))
    return out


def segments(doc: DocumentResult) -> list[dict[str, Any]]:
    """The text cut where any highlight starts or ends: ``{"text", "kinds", "details", "party"}``
    per piece, in order (joined, the pieces give the text back)."""
    marks = _marks(doc)
    cuts = sorted({0, len(doc.text)} | {a for a, *_ in marks} | {b for _, b, *_ in marks})
    out = []
    for a, b in zip(cuts, cuts[1:]):
        on = sorted((m for m in marks if m[0] <= a and b <= m[1]), key=lambda m: _PRIORITY[m[2]])
        party = next((m[4] for m in reversed(on) if m[4] is not None), None)
        out.append({"text": doc.text[a:b], "kinds": sorted({m[2] for m in on}, key=_PRIORITY.get),
                    "details": "\n".join(dict.fromkeys(m[3] for m in on)), "party": party,
                    "quoted": any(m[2] == "term" and "quoted (" in m[3] for m in on)})
    return out


@functools.cache
def environment() -> Any:
    """The jinja2 environment of stancekit's templates (autoescaped)."""
    from jinja2 import Environment, PackageLoader, select_autoescape

    return Environment(loader=PackageLoader("stancekit", "templates"), autoescape=select_autoescape(default=True),
                       trim_blocks=True, lstrip_blocks=True)


def _panel(doc: DocumentResult) -> dict[str, Any]:
    s = doc.summary
    by_side = {k: v for k, v in s.get("sources_by_side", {}).items() if v}
    total = sum(by_side.values())
    axis = doc.meta.get("axis")
    def number(key: str) -> float | None:  # NaN (no estimate) is shown as no number
        v = s.get(key)
        return None if v is None or v != v else v

    lean = number("lean_wording")
    return {
        "n_sentences": s.get("n_sentences", 0), "attributed_share": s.get("attributed_share", 0.0),
        "n_sources": s.get("n_sources", 0),
        "balance": [(p, n, n / total) for p, n in sorted(by_side.items(), key=lambda kv: -kv[1])] if total else [],
        "hedge_rate": s.get("hedge_rate", 0.0), "hedge_cues": s.get("hedge_cues_by_category", {}),
        "axis": axis, "lean": lean, "lean_lo": number("lean_wording_lo"), "lean_hi": number("lean_wording_hi"),
        "lean_neg": s.get("lean_wording_neg"), "lean_pos": s.get("lean_wording_pos"),
        "lean_reason": s.get("lean_wording_reason") or s.get("lean_reason"),
        "terms_by_side": s.get("terms_by_side", {}),
    }


def render_article(doc: DocumentResult, *, title: str | None = None, fragment: bool = False) -> str:
    """The article view as HTML: a whole page, or (``fragment``) a ``<div>`` for Jupyter."""
    parties = tuple(p for p in doc.summary.get("sources_by_side", {}) if p != "none")
    colours = party_colours(parties)
    present = {p for piece in segments(doc) if (p := piece["party"])} | set(doc.meta.get("axis") or ())
    legend = {p: c for p, c in colours.items() if p in present}
    return environment().get_template("article.html.j2").render(
        title=title or "stancekit article view", doc=doc, meta=doc.meta, pieces=segments(doc), colours=colours,
        panel=_panel(doc), fragment=fragment, legend=legend)
