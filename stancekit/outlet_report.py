"""Rendering an :class:`~stancekit.compare.OutletComparison`: plots and the HTML report."""

from __future__ import annotations

import html
import re
from pathlib import Path
from typing import Any

import numpy as np

from stancekit.errors import InvalidInputError, MissingDependencyError

__all__ = ["plot_comparison", "write_html"]


def plot_comparison(cmp: Any, measures: list[str] | None = None, *, ax: Any = None) -> Any:
    """Dot-and-interval plot per outlet for each measure (needs the ``viz`` extra)."""
    try:
        import matplotlib.pyplot as plt
    except ImportError:
        raise MissingDependencyError("plot() needs matplotlib: pip install 'stancekit[viz]'") from None
    measures = measures or [m for m in ("attributed_share", "hedge_rate", "lean") if m in cmp.profiles]
    if ax is None:
        _, axes = plt.subplots(1, len(measures), figsize=(4 * len(measures), 0.4 * len(cmp.profiles) + 1.5), squeeze=False)
        axes = axes[0]
    else:
        axes = np.atleast_1d(ax)
        if len(axes) != len(measures):
            raise InvalidInputError(f"ax has {len(axes)} axes for {len(measures)} measures")
    prof = cmp.profiles
    y = np.arange(len(prof))
    for axis, m in zip(axes, measures):
        v = prof[m].to_numpy(float)
        lo = v - prof[f"{m}_lo"].to_numpy(float)
        hi = prof[f"{m}_hi"].to_numpy(float) - v
        axis.errorbar(v, y, xerr=[np.nan_to_num(lo), np.nan_to_num(hi)], fmt="o", capsize=3)
        axis.set_yticks(y)
        axis.set_yticklabels([str(i) for i in prof.index])
        axis.set_title(m)
        axis.grid(axis="x", alpha=0.3)
    return axes

def write_html(cmp: Any, path: str | Path) -> Path:
    """Write a self-contained HTML report (inline SVG chart when matplotlib is present)."""
    import io

    svg = ""
    try:
        try:
            import matplotlib
        except ImportError:
            raise MissingDependencyError("charts need matplotlib") from None
        matplotlib.use("Agg", force=False)
        import matplotlib.pyplot as plt

        axes = plot_comparison(cmp)
        buf = io.StringIO()
        axes[0].figure.tight_layout()
        axes[0].figure.savefig(buf, format="svg", metadata={"Date": None})
        plt.close(axes[0].figure)
        svg = buf.getvalue()
        svg = svg[svg.find("<svg"):]
        svg = re.sub(r"<metadata>.*?</metadata>", "", svg, flags=re.S)
    except MissingDependencyError:
        svg = "<p><em>Install the viz extra for charts.</em></p>"
    table = cmp.summary_table().to_html(escape=True)
    doc = f"""<!doctype html><html><head><meta charset="utf-8"><title>stancekit outlet comparison</title>
<style>body{{font-family:sans-serif;margin:2em}}table{{border-collapse:collapse}}td,th{{border:1px solid #ccc;padding:4px 8px;font-size:13px}}</style>
</head><body><h1>Outlet comparison</h1>
<p>Grouped by <b>{html.escape(cmp.by)}</b>; frame: <b>{html.escape(str(cmp.frame))}</b>; 95% bootstrap intervals over articles
({cmp.n_boot} resamples, seed {cmp.seed}).</p>{table}{svg}</body></html>"""
    p = Path(path)
    p.write_text(doc, encoding="utf-8")
    return p
