"""Rendering an :class:`~stancekit.compare.OutletComparison`: the HTML report and the plots.

The report (:func:`write_html`) is one self-contained page built with jinja2 (autoescaped, no
script, no network request, inline SVG charts): what was compared, each measure in words with
its direction, a dot-and-interval chart per measure with the outlets sorted by value, source
balance by party as stacked bars, the pairwise differences that survive Holm correction,
distinguishing phrases per pair where the texts are at hand, and the caveats. It reads at 800
and 1,400 pixels wide without sideways scrolling.
"""

from __future__ import annotations

import math
from pathlib import Path
from typing import Any

import numpy as np

from stancekit.errors import InvalidInputError, MissingDependencyError

__all__ = ["MEASURE_TEXT", "describe", "plot_comparison", "write_html", "report_html"]

#: measure -> (title, what it is, unit or direction)
MEASURE_TEXT = {
    "attributed_share": ("Attributed sentences", "share of sentences that cite a source", "share of sentences, 0 to 1"),
    "sources_per_100": ("Sources cited", "sources per 100 sentences", "per 100 sentences"),
    "distancing_share": ("Distancing cues", "share of sources introduced with a distancing cue (\u201cclaimed\u201d, \u201calleged\u201d)",
                         "share of sources, 0 to 1"),
    "endorsing_share": ("Endorsing cues", "share of sources introduced with an endorsing cue (\u201cconfirmed\u201d, \u201cnoted\u201d)",
                        "share of sources, 0 to 1"),
    "hedge_rate": ("Hedged sentences", "share of sentences with a speculation cue (\u201cmay\u201d, \u201creportedly\u201d)",
                   "share of sentences, 0 to 1"),
    "mean_framing_probability": ("Loaded wording", "mean probability that a sentence uses loaded or biased wording",
                                 "probability, 0 to 1"),
    "loaded_own_per_100": ("Own-voice frame terms", "contested terms in the outlet's own voice per 100 sentences",
                           "per 100 sentences"),
    "lean": ("Lean", "composite of wording, sourcing and cue stance, shrunk towards 0 when evidence is thin", "axis"),
}


def describe(measure: str, axis: tuple[str, str] | None) -> tuple[str, str, str]:
    """Title, description and direction of a measure (the lean's direction names the axis)."""
    title, what, unit = MEASURE_TEXT.get(measure, (measure.replace("_", " ").capitalize(), measure, ""))
    if unit == "axis":
        unit = f"\u22121 = {axis[0]} \u2026 +1 = {axis[1]}" if axis else "no frame axis"
    return title, what, unit


def _axis_of(cmp: Any) -> tuple[str, str] | None:
    if not cmp.frame:
        return None
    from stancekit.frames import load_frame

    return load_frame(cmp.frame).axis


def _chart(cmp: Any, measure: str) -> dict[str, Any]:
    """Rows (outlet, n, value, lo, hi) sorted by value, and the x range, for one measure."""
    prof = cmp.profiles
    rows = []
    for outlet, r in prof.iterrows():
        v = float(r[measure])
        lo, hi = float(r.get(f"{measure}_lo", math.nan)), float(r.get(f"{measure}_hi", math.nan))
        rows.append({"outlet": str(outlet), "n": int(r["articles"]), "value": v, "lo": lo, "hi": hi})
    rows.sort(key=lambda x: (math.isnan(x["value"]), x["value"]))
    vals = [x for r in rows for x in (r["value"], r["lo"], r["hi"]) if not math.isnan(x)]
    if measure.startswith("lean"):
        lo, hi = -1.0, 1.0
    else:
        lo, hi = min([0.0] + vals), max([1e-9] + vals)
        hi = hi * 1.05
    for r in rows:
        for k in ("value", "lo", "hi"):
            r[f"{k}_x"] = None if math.isnan(r[k]) else round(100 * (r[k] - lo) / (hi - lo), 2)
    zero = round(100 * (0 - lo) / (hi - lo), 2) if lo < 0 < hi else None
    return {"measure": measure, "rows": rows, "lo": lo, "hi": hi, "zero": zero}


def _balance(cmp: Any) -> list[dict[str, Any]]:
    prof = cmp.profiles
    parties = [c[len("source_share_"):] for c in prof.columns if c.startswith("source_share_") and not c.endswith(("_lo", "_hi"))]
    out = []
    for outlet, r in prof.iterrows():
        parts = [(p, float(r[f"source_share_{p}"])) for p in parties if not math.isnan(float(r[f"source_share_{p}"]))]
        out.append({"outlet": str(outlet), "parts": [(p, s) for p, s in parts if s > 0]})
    return out


def report_html(cmp: Any, *, title: str = "Outlet comparison", measures: list[str] | None = None,
                max_phrase_pairs: int = 6) -> str:
    """The report as an HTML string."""
    from stancekit.article_view import environment, party_colours

    axis = _axis_of(cmp)
    prof = cmp.profiles
    measures = measures or [m for m in ("lean", "attributed_share", "hedge_rate", "distancing_share",
                                        "loaded_own_per_100", "mean_framing_probability") if m in prof]
    charts = [{**_chart(cmp, m), "text": describe(m, axis)} for m in measures]
    diffs = cmp.differences(measures=[m for m in measures if m in cmp.measures or m == "lean"]) if len(prof) > 1 else None
    significant = [] if diffs is None else diffs[diffs["p_adjusted"] < 0.05].to_dict("records")
    phrases = []
    outlets = [str(o) for o in prof.index]
    if getattr(cmp, "_texts", None) is not None and len(outlets) > 1:
        pairs = [(a, b) for i, a in enumerate(outlets) for b in outlets[i + 1:]][:max_phrase_pairs]
        for a, b in pairs:
            t = cmp.distinguishing_phrases(a, b, n=8)
            phrases.append({"a": a, "b": b, "for_a": t[t.favours == "a"]["phrase"].tolist(),
                            "for_b": t[t.favours == "b"]["phrase"].tolist()})
    thin = [str(o) for o, r in prof.iterrows() if math.isnan(float(r.get("attributed_share_lo", math.nan)))]
    reasons = {str(o): r["lean_reason"] for o, r in prof.iterrows() if "lean_reason" in prof and isinstance(r["lean_reason"], str)}
    parties = [c[len("source_share_"):] for c in prof.columns if c.startswith("source_share_") and not c.endswith(("_lo", "_hi"))]
    dates = None
    if "date_first" in prof and prof["date_first"].notna().any():
        dates = (min(d for d in prof["date_first"] if d == d), max(d for d in prof["date_last"] if d == d))
    return environment().get_template("outlet_report.html.j2").render(
        dates=dates,
        title=title, cmp=cmp, axis=axis, outlets=outlets, n_articles=int(prof["articles"].sum()),
        empty=int(prof["articles_empty"].sum()), charts=charts, balance=_balance(cmp),
        colours=party_colours(tuple(p for p in parties if p != "none")), significant=significant,
        n_tests=0 if diffs is None else len(diffs), phrases=phrases, thin=thin, reasons=reasons,
        describe=lambda m: describe(m, axis))


def write_html(cmp: Any, path: str | Path, **kwargs: Any) -> Path:
    """Write :func:`report_html` to ``path``."""
    p = Path(path)
    p.write_text(report_html(cmp, **kwargs), encoding="utf-8")
    return p


def plot_comparison(cmp: Any, measures: list[str] | None = None, *, ax: Any = None) -> Any:
    """Dot-and-interval plot: one row per outlet (labels drawn once, on the left), sorted by the
    first measure, one panel per measure with its title, direction and unit; a zero line for
    lean. Pass one Axes or a list of them (one per measure). Returns the Figure."""
    try:
        import matplotlib.pyplot as plt
    except ImportError:
        raise MissingDependencyError("plot() needs matplotlib: pip install 'stancekit[viz]'") from None
    prof = cmp.profiles
    measures = measures or [m for m in ("lean", "attributed_share", "hedge_rate") if m in prof]
    if ax is None:
        fig, axes = plt.subplots(1, len(measures), figsize=(3.6 * len(measures) + 1.5, 0.35 * len(prof) + 1.8),
                                 sharey=True, squeeze=False)
        axes = list(axes[0])
    else:
        axes = list(np.atleast_1d(ax))
        fig = axes[0].figure
    if len(axes) != len(measures):
        raise InvalidInputError(f"ax has {len(axes)} axes for {len(measures)} measures")
    order = prof[measures[0]].astype(float).sort_values(na_position="first").index
    prof = prof.loc[order]
    y = np.arange(len(prof))
    axis = _axis_of(cmp)
    for k, (a, m) in enumerate(zip(axes, measures)):
        v = prof[m].to_numpy(float)
        lo, hi = v - prof[f"{m}_lo"].to_numpy(float), prof[f"{m}_hi"].to_numpy(float) - v
        a.errorbar(v, y, xerr=[np.nan_to_num(lo), np.nan_to_num(hi)], fmt="o", capsize=3, color="#1f77b4")
        title, _, unit = describe(m, axis)
        a.set_title(title, fontsize=10)
        a.set_xlabel(unit, fontsize=8)
        if m.startswith("lean"):
            a.axvline(0, color="#888", lw=0.8, zorder=0)
            a.set_xlim(-1.05, 1.05)
        a.grid(axis="x", alpha=0.3)
        if k == 0:
            a.set_yticks(y, [f"{o} (n={int(n)})" for o, n in zip(prof.index, prof["articles"])])
        else:
            a.tick_params(axis="y", length=0, labelleft=False)
    fig.text(0.01, 0.005, "Dots: pooled value; bars: 95% bootstrap interval over articles.", fontsize=7, color="#555")
    fig.tight_layout(rect=(0, 0.03, 1, 1))
    return fig
