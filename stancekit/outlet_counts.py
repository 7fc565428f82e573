"""Per-article counts and the outlet measures pooled from them.

:func:`article_table` turns a scored sentence table into one row per article holding the
numerator and denominator of every measure; :func:`measures_for` names the measures of a frame;
:func:`pooled_value` pools one over a set of articles. Shared by :func:`stancekit.compare_outlets`
(pandas) and :func:`stancekit.dask.article_counts` (counts made on Dask workers).
"""

from __future__ import annotations

import math
from typing import Any

import numpy as np

from stancekit.lean import LEAN_PARTS, LEAN_PRIOR, composite_lean, sourcing_evidence, stance_evidence, wording_evidence
from stancekit.results import CUE_STANCES, HEDGE_CATEGORIES, SOURCE_TYPES

__all__ = ["article_table", "measures_for", "pooled_value", "ratio", "Measure"]

def article_table(scored: Any, by: str, story_col: str | None, parties: tuple[str, ...], axis: tuple[str, str] | None) -> Any:
    """One row per article with counts (numerators and denominators of every measure)."""
    import pandas as pd

    recs = []
    for (pos,), g in scored.groupby(["doc_position"], sort=True):
        ok = g[g["status"] == "ok"]
        first = g.iloc[0]
        rec: dict[str, Any] = {"doc_position": pos, by: first[by], "empty": int(len(ok) == 0)}
        if story_col:
            rec[story_col] = first[story_col]
        n = len(ok)
        rec["sentences"] = n
        rec["attributed"] = int(ok["attributed"].fillna(False).astype(bool).sum()) if n else 0
        types = [t for lst in ok["source_types"] for t in lst] if n else []
        source_parties = [s for lst in ok["source_sides"] for s in lst] if n else []
        stances = [s for lst in ok["source_cue_stances"] for s in lst] if n else []
        rec["sources"] = len(types)
        for t in SOURCE_TYPES:
            rec[f"src_{t}"] = types.count(t)
        for party in parties:
            rec[f"side_{party}"] = source_parties.count(party)
        rec["side_none"] = source_parties.count(None)
        for st in CUE_STANCES:
            rec[f"stance_{st}"] = stances.count(st)
        rec["hedged"] = int(ok["hedged"].fillna(False).astype(bool).sum()) if n else 0
        cats = [c for lst in ok["hedge_categories"] for c in lst] if n else []
        for c in HEDGE_CATEGORIES:
            rec[f"hedge_{c}"] = cats.count(c)
        rec["framing_sum"] = float(ok["framing_probability"].fillna(0).sum()) if n else 0.0
        quoted_flags = [q for lst in ok["term_inside_quote"] for q in lst] if n else []
        rec["terms_own"], rec["terms_quoted"] = quoted_flags.count(False), quoted_flags.count(True)
        if axis:
            terms = [(s, q, w) for row in zip(ok["term_sides"], ok["term_inside_quote"], ok["term_weights"])
                     for s, q, w in zip(*row)] if n else []
            evidence = {"wording": wording_evidence(terms, axis), "sourcing": sourcing_evidence(source_parties, axis),
                        "stance": stance_evidence(zip(source_parties, stances), axis)}
            for part, (neg, pos) in evidence.items():
                rec[f"lean_{part}_neg"], rec[f"lean_{part}_pos"] = neg, pos
                rec[f"lean_{part}_num"], rec[f"lean_{part}_den"] = pos - neg, pos + neg
        recs.append(rec)
    return pd.DataFrame(recs)


Measure = tuple[str, str, float, float]


def measures_for(parties: tuple[str, ...], axis: tuple[str, str] | None) -> dict[str, Measure]:
    """name -> (numerator column, denominator column, scale, pad): ``scale * Σnum / (Σden + pad)``.

    The lean parts pad the denominator with the prior (:data:`stancekit.lean.LEAN_PRIOR` per side),
    so their pooled value is the shrunken estimate; ``lean`` itself is the composite of the parts.
    """
    m: dict[str, Measure] = {
        "attributed_share": ("attributed", "sentences", 1.0, 0.0),
        "sources_per_100": ("sources", "sentences", 100.0, 0.0),
    }
    for t in SOURCE_TYPES:
        m[f"sources_per_100_{t}"] = (f"src_{t}", "sentences", 100.0, 0.0)
    for s in (*parties, "none"):
        m[f"source_share_{s}"] = (f"side_{s}", "sources", 1.0, 0.0)
    m["distancing_share"] = ("stance_distancing", "sources", 1.0, 0.0)
    m["endorsing_share"] = ("stance_endorsing", "sources", 1.0, 0.0)
    m["hedge_rate"] = ("hedged", "sentences", 1.0, 0.0)
    for c in HEDGE_CATEGORIES:
        m[f"hedge_{c}_per_100"] = (f"hedge_{c}", "sentences", 100.0, 0.0)
    m["mean_framing_probability"] = ("framing_sum", "sentences", 1.0, 0.0)
    m["loaded_own_per_100"] = ("terms_own", "sentences", 100.0, 0.0)
    m["loaded_quoted_per_100"] = ("terms_quoted", "sentences", 100.0, 0.0)
    if axis:
        for part in LEAN_PARTS:
            m[f"lean_{part}"] = (f"lean_{part}_num", f"lean_{part}_den", 1.0, 2 * LEAN_PRIOR)
        m["lean"] = ("", "", 1.0, 0.0)
    return m


def ratio(num: np.ndarray, den: np.ndarray, scale: float, pad: float = 0.0) -> float:
    d = den.sum()
    return float(scale * num.sum() / (d + pad)) if d else math.nan


def pooled_value(name: str, measures: dict[str, Measure], table: Any, mask: np.ndarray) -> float:
    """A measure pooled over the articles selected by ``mask`` (``lean``: the composite)."""
    if name == "lean":
        return composite_lean({p: pooled_value(f"lean_{p}", measures, table, mask) for p in LEAN_PARTS})
    num_c, den_c, scale, pad = measures[name]
    return ratio(table[num_c].to_numpy(float)[mask], table[den_c].to_numpy(float)[mask], scale, pad)


