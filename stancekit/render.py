"""Plain-text rendering of a :class:`DocumentResult` (the CLI's table view)."""

from __future__ import annotations

import textwrap

from stancekit.results import DocumentResult

__all__ = ["render_table", "render_summary"]


def _short(text: str, width: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def render_table(doc: DocumentResult, *, width: int = 100) -> str:
    """One block per sentence (source, cue, stance, hedges, terms), then the summary."""
    lines = []
    frame = doc.meta.get("frame")
    for i, s in enumerate(doc.sentences):
        head = f"[{i:>3}] A={s.attribution.probability:.2f} H={s.hedging.probability:.2f} F={s.framing.probability:.2f}"
        if s.framing.lean is not None:
            head += f" lean={s.framing.lean:+.2f}"
        lines.append(head + "  " + _short(s.span.text, width - len(head) - 2))
        for src in s.attribution.sources:
            cue = src.cue.text if src.cue else "-"
            lines.append(
                f"        source: {src.span.text!r} [{src.type}"
                + (f", side={src.side} ({src.side_basis})" if src.side else "")
                + f"] cue={cue!r} ({src.cue_stance}, {src.kind})"
            )
        if s.hedging.cues:
            lines.append("        hedges: " + ", ".join(f"{c.span.text!r} ({c.category})" for c in s.hedging.cues))
        if s.framing.terms:
            parts = []
            for t in s.framing.terms:
                tag = t.side or "-"
                if t.inside_quote:
                    tag += ", quoted"
                parts.append(f"{t.span.text!r} ({t.kind}: {tag})")
            lines.append("        terms:  " + ", ".join(parts))
    lines.append("")
    lines.append(render_summary(doc, frame=frame))
    return "\n".join(lines)


def render_summary(doc: DocumentResult, *, frame: str | None = None) -> str:
    s = doc.summary
    out = [f"Summary ({s['n_sentences']} sentences, frame={frame or 'none'})"]
    out.append(f"  attributed sentences: {s['attributed_share']:.0%}   sources: {s['n_sources']}")
    if s["sources_by_type"]:
        out.append("  sources by type: " + ", ".join(f"{k}={v}" for k, v in s["sources_by_type"].items()))
    out.append("  sources by side: " + ", ".join(f"{k}={v}" for k, v in s["sources_by_side"].items()))
    out.append(f"  distancing cues: {s['distancing_share']:.0%} of sources")
    hc = ", ".join(f"{k}={v}" for k, v in s["hedge_cues_by_category"].items()) or "none"
    out.append(f"  hedged sentences: {s['hedge_rate']:.0%}   hedge cues: {hc}")
    out.append(
        f"  loaded sentences: {s['loaded_share']:.0%}   own-voice terms/sentence: {s['loaded_term_rate']:.2f}"
        f"   quoted terms/sentence: {s['quoted_term_rate']:.2f}"
    )
    if s.get("terms_by_side"):
        out.append("  terms by side: " + ", ".join(f"{k}={v}" for k, v in s["terms_by_side"].items()))
    if s.get("lean") is not None:
        axis = doc.meta.get("axis") or ["-1", "+1"]
        out.append(f"  lean: {_estimate(s, 'lean')}  (-1 = {axis[0]}, +1 = {axis[1]})")
        for part in ("wording", "sourcing", "stance"):
            k = f"lean_{part}"
            evidence = f"evidence {axis[0]}={s[k + '_neg']:g}, {axis[1]}={s[k + '_pos']:g}"
            out.append(f"    {part:<9} {_estimate(s, k)}  ({evidence})")
    return "\n".join(textwrap.wrap(line, 120, subsequent_indent="    ")[0] if len(line) <= 120 else line for line in out)


def _estimate(s: dict, key: str) -> str:
    v = s[key]
    if v is None or v != v:
        return "n/a (" + str(s.get(f"{key}_reason") or "no evidence") + ")"
    return f"{v:+.2f} [{s[key + '_lo']:+.2f}, {s[key + '_hi']:+.2f}]"
